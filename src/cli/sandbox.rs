//! `bithuman sandbox serve|status|reset`: the emulator on 127.0.0.1 until
//! SIGINT/SIGTERM, and the world it shares with every `--sandbox` command.

use super::Ctx;
use super::args::{SandboxResetArgs, SandboxServeArgs, SandboxStateArgs};
use super::exit::{CliError, Kind, code};
use bithuman::sandbox::{
    SandboxConfig, SandboxError, StateError, StateLocation, serve_until_signal,
};
use serde::Serialize;
use std::io::{BufRead, IsTerminal, Write};

/// Serves the emulator until SIGINT/SIGTERM.
pub fn serve(ctx: &mut Ctx, a: SandboxServeArgs) -> Result<u8, CliError> {
    let state = location(ctx, &a.state)?;
    let config = SandboxConfig {
        port: a.port,
        speed: a.speed,
        fail_rate: a.fail_rate,
        flaky: a.flaky,
        rate_limits: a.rate_limit.unwrap_or_default(),
        plan: a.plan,
        state,
        seed: a.seed,
        secret: a.secret,
        credits: a.credits,
        verbose: ctx.settings.verbose > 0,
        webhook_faults: a.webhook_faults.unwrap_or_default(),
        ..SandboxConfig::default()
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
    .map_err(|e| start_error(&e))?;
    Ok(code::OK)
}

/// The world a `sandbox` subcommand works on: `--state`, else the settings'
/// (`BITHUMAN_SANDBOX_STATE`, else the data folder).
fn location(ctx: &Ctx, a: &SandboxStateArgs) -> Result<StateLocation, CliError> {
    match (&a.state, &ctx.settings.sandbox_state) {
        (Some(dir), _) if dir.is_empty() => {
            Err(CliError::usage("--state needs a folder or :memory:"))
        }
        (Some(dir), _) => Ok(StateLocation::parse(dir)),
        (None, Some(found)) => Ok(found.clone()),
        (None, None) => Err(CliError::config(
            "no data folder for the sandbox's world: set BITHUMAN_SANDBOX_STATE=DIR or pass --state DIR",
        )),
    }
}

/// Why the sandbox could not start, as the user sees it.
pub fn start_error(e: &SandboxError) -> CliError {
    match e {
        SandboxError::State(state) => state_error(state),
        SandboxError::Listen { .. } if e.is_addr_in_use() => {
            CliError::new(Kind::Unavailable, format!("cannot serve the sandbox: {e}"))
                .with_code("SANDBOX")
                .with_hint("choose another port with --port, or --port 0 for any free one")
        }
        SandboxError::Invalid(_) => CliError::usage(format!("cannot start the sandbox: {e}")),
        _ => CliError::new(Kind::Other, format!("cannot start the sandbox: {e}"))
            .with_code("SANDBOX"),
    }
}

/// A world that cannot be used: not writable (1), not ours, newer or corrupt (65, fixed by a reset).
pub fn state_error(e: &StateError) -> CliError {
    let reset = "bithuman sandbox reset --yes empties it (use --state DIR or BITHUMAN_SANDBOX_STATE for another world)";
    match e {
        StateError::NotWritable { .. } => CliError::new(Kind::Io, e.to_string())
            .with_code("SANDBOX_STATE")
            .with_hint("choose a writable folder with BITHUMAN_SANDBOX_STATE=DIR (or --state DIR), or :memory: for a world of this process alone"),
        StateError::NotOurs { .. } | StateError::Newer { .. } | StateError::Corrupt { .. } => {
            CliError::new(Kind::BadInput, e.to_string()).with_code("SANDBOX_STATE").with_hint(reset)
        }
        _ => CliError::new(Kind::Unavailable, e.to_string()).with_code("SANDBOX_STATE"),
    }
}

#[derive(Serialize)]
struct Status {
    state: String,
    plan: &'static str,
    balance: i64,
    agents: u64,
    videos: u64,
    sessions: u64,
    webhooks: u64,
    /// Requests per minute of each bucket.
    rate_limits: Buckets,
}

#[derive(Serialize)]
struct Buckets {
    generate: u32,
    write: u32,
    read: u32,
}

#[derive(Serialize)]
struct Reset {
    state: String,
    reset: bool,
}

/// `sandbox status [--json]`: where the world is, its plan, balance and counts.
pub fn status(ctx: &mut Ctx, a: &SandboxStateArgs) -> Result<u8, CliError> {
    let location = location(ctx, a)?;
    let world = bithuman::sandbox::status(&location).map_err(|e| state_error(&e))?;
    let status = Status {
        state: location.to_string(),
        plan: world.plan.name(),
        balance: world.balance,
        agents: world.agents,
        videos: world.videos,
        sessions: world.sessions,
        webhooks: world.webhooks,
        rate_limits: Buckets {
            generate: world.limits[0].1,
            write: world.limits[1].1,
            read: world.limits[2].1,
        },
    };
    if ctx.out.json {
        ctx.out.emit(&status)?;
        return Ok(code::OK);
    }
    let limits = world
        .limits
        .iter()
        .map(|(b, n)| format!("{} {n}/min", b.name()))
        .collect::<Vec<_>>()
        .join(", ");
    for (label, value) in [
        ("state", status.state.clone()),
        ("plan", format!("{} ({limits})", status.plan)),
        ("balance", format!("{} credits", status.balance)),
        ("agents", status.agents.to_string()),
        ("videos", status.videos.to_string()),
        ("sessions", status.sessions.to_string()),
        ("webhooks", status.webhooks.to_string()),
    ] {
        ctx.out.data(&format!("{label:<9} {value}"))?;
    }
    Ok(code::OK)
}

/// `sandbox reset [--yes]`: asks on a terminal; off a terminal `--yes` is required (exit 2).
pub fn reset(ctx: &mut Ctx, a: &SandboxResetArgs) -> Result<u8, CliError> {
    let location = location(ctx, &a.state)?;
    if !a.yes {
        let interactive =
            ctx.settings.stdin_tty && std::io::stderr().is_terminal() && !ctx.out.json;
        if !interactive {
            return Err(CliError::usage(format!(
                "emptying the sandbox's world at {location} needs --yes when not asked on a terminal; nothing was changed"
            )));
        }
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "Empty the sandbox's world at {location} (every agent, video and usage row)? [y/N] "
        );
        let _ = err.flush();
        let mut answer = String::new();
        // One short line; an endless stdin cannot fill memory.
        let _ = std::io::Read::take(std::io::stdin().lock(), 64).read_line(&mut answer);
        if !matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
            ctx.out.note("Nothing was changed.");
            return Ok(code::OK);
        }
    }
    bithuman::sandbox::reset(&location).map_err(|e| state_error(&e))?;
    if ctx.out.json {
        ctx.out.emit(&Reset {
            state: location.to_string(),
            reset: true,
        })?;
    } else {
        ctx.out.data(&format!("reset {location}"))?;
    }
    Ok(code::OK)
}
