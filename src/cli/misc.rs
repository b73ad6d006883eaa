//! `bithuman completion`, `bithuman man` and `bithuman sandbox serve`.

use super::args::{Cli, SandboxServeArgs};
use super::exit::{CliError, code};
use super::Ctx;
use bithuman::sandbox::{SandboxConfig, serve_until_signal};
use clap::CommandFactory;
use std::io::Write;

/// Prints completions for `shell` on stdout.
pub fn completion(shell: clap_complete::Shell) -> Result<u8, CliError> {
    let mut out = Vec::new();
    write_completion(shell, &mut out);
    std::io::stdout().lock().write_all(&out)?;
    Ok(code::OK)
}

/// Generates the completion script for `shell` (also used by the freshness test).
pub fn write_completion(shell: clap_complete::Shell, out: &mut Vec<u8>) {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "bithuman", out);
}

/// Prints the man page (roff) on stdout.
pub fn man() -> Result<u8, CliError> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| CliError::new(code::FAILURE, "IO_ERROR", e.to_string()))?;
    std::io::stdout().lock().write_all(&out)?;
    Ok(code::OK)
}

/// Serves the emulator until SIGINT/SIGTERM.
pub fn sandbox_serve(ctx: &mut Ctx, a: SandboxServeArgs) -> Result<u8, CliError> {
    let config = SandboxConfig {
        port: a.port,
        speed: a.speed,
        fail_rate: a.fail_rate,
        flaky: a.flaky,
        rate_limit: a.rate_limit,
        seed: a.seed,
        secret: a.secret,
        verbose: ctx.settings.verbose > 0,
        ..SandboxConfig::default()
    };
    let quiet = ctx.settings.quiet;
    serve_until_signal(config, |url| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{url}");
        let _ = writeln!(out, "export BITHUMAN_API_BASE={url}");
        let _ = out.flush();
        if !quiet {
            eprintln!("bitHuman sandbox listening on {url} (any non-empty api-secret works; Ctrl-C to stop)");
        }
    })
    .map_err(|e| {
        let exit = if e.kind() == std::io::ErrorKind::AddrInUse { code::UNAVAILABLE } else { code::FAILURE };
        CliError::new(exit, "SANDBOX", format!("cannot serve the sandbox: {e}")).with_hint("choose another port with --port, or --port 0 for any free one")
    })?;
    Ok(code::OK)
}
