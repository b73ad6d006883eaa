//! The `bithuman` binary: everything lives in `cli::run()`.

mod cli;

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(cli::run())
}
