//! Explicit manifest quotes (in progress).
