//! Speaker attribution (in progress).
