//! The `bithuman` command line. `run()` parses, resolves settings once,
//! dispatches to one module per command, and turns every failure into an
//! exit code (see `exit`).

mod args;
mod auth;
mod download;
mod exit;
mod generate;
mod history;
mod interrupt;
mod misc;
mod output;
mod settings;
mod wait;

pub use args::{Cli, GlobalArgs};
pub use exit::code;

use args::Command;
use bithuman::Client;
use bithuman::http::Cancel;
use bithuman::sandbox::{Sandbox, SandboxConfig};
use clap::Parser;
use exit::CliError;
use output::Output;
use settings::{Env, Settings, Terminals};
use std::io::IsTerminal;
use std::sync::Arc;

/// Runs the CLI with the process's arguments and environment; returns the exit code.
pub fn run() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return parse_error(&e),
    };
    let env = Env::capture();
    let tty = Terminals {
        stdin: std::io::stdin().is_terminal(),
        stderr: std::io::stderr().is_terminal(),
    };
    let command_name = command_name(&cli.command);
    let login = matches!(cli.command, Command::Auth(args::AuthCommand::Login { .. }));
    let settings = match settings::resolve(&cli.global, &env, tty, login) {
        Ok(s) => s,
        Err(e) => {
            let json = cli.global.json || env.flag("BITHUMAN_JSON");
            let out = Output {
                json,
                quiet: false,
                color: false,
                animate: false,
                command: command_name.into(),
                blocks: Default::default(),
                secret: None,
                warnings: Default::default(),
            };
            out.error(&e);
            return e.exit;
        }
    };
    let out = Output::new(&settings, command_name);
    for w in &settings.warnings {
        out.warn(w);
    }
    let mut ctx = Ctx {
        settings,
        env,
        out: out.clone(),
        cancel: Arc::new(Cancel::default()),
        sandbox: None,
    };
    // `sandbox serve` stops on SIGINT/SIGTERM itself (exit 0).
    if !matches!(cli.command, Command::Sandbox(_)) {
        interrupt::install(ctx.cancel.clone());
    }
    let result = dispatch(&mut ctx, cli.command);
    // Stop the in-process sandbox before exiting.
    drop(ctx.sandbox.take());
    match result {
        Ok(code) => {
            out.flush_warnings();
            code
        }
        Err(e) if e.code == "BROKEN_PIPE" => code::OK,
        Err(e) => {
            out.error(&e);
            e.exit
        }
    }
}

/// clap prints help/version to stdout (exit 0) and usage errors to stderr
/// (exit 2); with `--json` a usage error is the JSON error object too.
fn parse_error(e: &clap::Error) -> u8 {
    if !e.use_stderr() {
        let _ = e.print();
        return code::OK;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json") || Env::capture().flag("BITHUMAN_JSON");
    if !json {
        let _ = e.print();
        return code::USAGE;
    }
    let rendered = e.render().to_string();
    let message = rendered
        .lines()
        .next()
        .unwrap_or("usage error")
        .trim_start_matches("error: ")
        .to_string();
    let command = args
        .iter()
        .find(|a| {
            [
                "generate",
                "status",
                "wait",
                "download",
                "auth",
                "sandbox",
                "completion",
                "man",
            ]
            .contains(&a.as_str())
        })
        .map_or("bithuman".to_string(), |c| c.clone());
    let out = Output {
        json: true,
        quiet: false,
        color: false,
        animate: false,
        command,
        blocks: Default::default(),
        secret: None,
        warnings: Default::default(),
    };
    out.error(&CliError::usage(message).with_hint("see: bithuman --help"));
    code::USAGE
}

fn command_name(c: &Command) -> &'static str {
    match c {
        Command::Generate(_) => "generate",
        Command::Status(_) => "status",
        Command::Wait(_) => "wait",
        Command::Download(_) => "download",
        Command::Auth(args::AuthCommand::Login { .. }) => "auth login",
        Command::Auth(args::AuthCommand::Status) => "auth status",
        Command::Auth(args::AuthCommand::Logout) => "auth logout",
        Command::Sandbox(_) => "sandbox serve",
        Command::Completion { .. } => "completion",
        Command::Man => "man",
    }
}

fn dispatch(ctx: &mut Ctx, command: Command) -> Result<u8, CliError> {
    match command {
        Command::Generate(a) => generate::run(ctx, a),
        Command::Status(a) => wait::status(ctx, a),
        Command::Wait(a) => wait::wait(ctx, a),
        Command::Download(a) => download::run(ctx, a),
        Command::Auth(a) => auth::run(ctx, a),
        Command::Sandbox(args::SandboxCommand::Serve(a)) => misc::sandbox_serve(ctx, a),
        Command::Completion { shell } => misc::completion(shell),
        Command::Man => misc::man(),
    }
}

/// What every command gets: settings, output, the cancel flag.
pub struct Ctx {
    pub settings: Settings,
    pub env: Env,
    pub out: Output,
    pub cancel: Arc<Cancel>,
    sandbox: Option<Sandbox>,
}

impl Ctx {
    /// Builds the API client: checks the base URL, requires a secret (exit 77
    /// before any request) unless `need_secret` is false, and starts the
    /// in-process sandbox under `--sandbox`.
    pub fn client(&mut self, need_secret: bool) -> Result<Client, CliError> {
        let (base, secret) = if self.settings.sandbox {
            if self.sandbox.is_none() {
                let config = SandboxConfig {
                    speed: self.settings.sandbox_speed,
                    ..SandboxConfig::default()
                };
                let sandbox = Sandbox::start(config).map_err(|e| {
                    CliError::new(
                        code::FAILURE,
                        "SANDBOX",
                        format!("cannot start the built-in sandbox: {e}"),
                    )
                })?;
                self.out.note(&format!(
                    "Using the built-in sandbox ({}): no account needed, nothing leaves this machine.",
                    sandbox.base_url()
                ));
                self.sandbox = Some(sandbox);
            }
            let url = self
                .sandbox
                .as_ref()
                .map(Sandbox::base_url)
                .unwrap_or_default();
            (url, Some(bithuman::ApiSecret::new("sandbox".into())))
        } else {
            self.settings.check_base_url(&self.env)?;
            let secret = self.settings.secret.as_ref().map(|s| s.value.clone());
            if need_secret && secret.is_none() {
                return Err(CliError::no_secret());
            }
            (self.settings.base_url.value.clone(), secret)
        };
        let mut builder = Client::builder(&base).cancel(self.cancel.clone());
        if let Some(s) = secret {
            builder = builder.secret(s);
        }
        if self.settings.verbose > 0 {
            builder = builder.logger(
                self.settings.verbose,
                Arc::new(|line: &str| eprintln!("{line}")),
            );
        }
        if let Some(t) = self.settings.request_timeout {
            builder = builder.request_timeout(t);
        }
        if let Some(t) = self.settings.backoff_base {
            builder = builder.backoff_base(t);
        }
        Ok(builder.build()?)
    }

    /// The command that resumes waiting for `ids`, with the flags that
    /// point it at the same API.
    pub fn resume_command(&self, ids: &[String]) -> String {
        let mut cmd = format!("bithuman wait {}", ids.join(" "));
        if self.settings.sandbox {
            cmd.push_str(" --sandbox");
        }
        if let Some(p) = &self.settings.profile {
            cmd.push_str(&format!(" --profile {p}"));
        }
        if matches!(self.settings.base_url.source, settings::Source::Flag(_))
            && !self.settings.sandbox
        {
            cmd.push_str(&format!(" --base-url {}", self.settings.base_url.value));
        }
        cmd
    }
}
