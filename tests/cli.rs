//! The CLI's tests, one binary (octocrab-style): each module is one area,
//! run against the sandbox emulator through `tests/common` (`cargo test --test
//! cli batch_cli::` runs one area).

mod common;

mod batch_cli;
mod cli_core;
mod completions;
mod download_auth;
mod hostile;
mod jobs_cli;
mod journal;
mod manage_cli;
mod mcp;
mod media_cli;
mod resilience;
mod scale_cli;
mod session_cli;
mod webhook_cli;
