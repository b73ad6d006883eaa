//! `bithuman sandbox serve`: the emulator on 127.0.0.1 until SIGINT/SIGTERM.

use super::Ctx;
use super::args::SandboxServeArgs;
use super::exit::{CliError, Kind, code};
use bithuman::sandbox::{SandboxConfig, serve_until_signal};
use std::io::Write;

/// Serves the emulator until SIGINT/SIGTERM.
pub fn serve(ctx: &mut Ctx, a: SandboxServeArgs) -> Result<u8, CliError> {
    let config = SandboxConfig {
        port: a.port,
        speed: a.speed,
        fail_rate: a.fail_rate,
        flaky: a.flaky,
        rate_limit: a.rate_limit,
        seed: a.seed,
        secret: a.secret,
        credits: a.credits,
        verbose: ctx.settings.verbose > 0,
    };
    let quiet = ctx.settings.quiet;
    serve_until_signal(config, |url| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{url}");
        let _ = writeln!(out, "export BITHUMAN_API_BASE={url}");
        let _ = out.flush();
        if !quiet {
            super::output::stderr_line(&format!("bitHuman sandbox listening on {url} (any non-empty api-secret works; Ctrl-C to stop)"));
        }
    })
    .map_err(|e| {
        let kind = if e.kind() == std::io::ErrorKind::AddrInUse { Kind::Unavailable } else { Kind::Other };
        CliError::new(kind, format!("cannot serve the sandbox: {e}")).with_code("SANDBOX").with_hint("choose another port with --port, or --port 0 for any free one")
    })?;
    Ok(code::OK)
}
