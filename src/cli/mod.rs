//! The command line (in progress).

/// Runs the CLI and returns the exit code.
pub fn main(_args: Vec<std::ffi::OsString>) -> i32 {
    0
}
