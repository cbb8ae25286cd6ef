//! The `quote-attribution` command: see `quote-attribution --help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(quote_attribution::cli::main(std::env::args_os().collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
