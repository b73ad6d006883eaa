//! The `bithuman` command line. `run()` parses, resolves settings once,
//! dispatches to one module per command, and turns every failure into an
//! exit code (see `exit`).

mod agent;
mod args;
mod auth;
mod batch;
mod completion;
mod doctor;
mod download;
mod dynamics;
mod exit;
mod generate;
mod interrupt;
mod jq;
mod live;
mod manage;
mod mcp;
mod open;
mod output;
mod sandbox;
mod session;
mod session_watch;
mod settings;
mod submit;
mod table;
mod text;
mod version;
mod video;
mod wait;
mod webhook;

pub use args::{Cli, GlobalArgs};
pub use exit::code;

use args::{Command, WaitFlags};
use bithuman::blocking::Client;
use bithuman::sandbox::{Sandbox, SandboxConfig, StateLocation};
use bithuman::wait::{DEFAULT_INTERVAL, MIN_INTERVAL, Timeout, WaitOptions};
use bithuman::{Cancel, Job, JobKind, Journal};
use clap::Parser;
use exit::{CliError, Kind};
use output::{Output, stderr_line};
use settings::{Env, Settings, Terminals};
use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Duration;
use text::shell_word;

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
            Output::plain(json, command_name).error(&e);
            return e.exit_code();
        }
    };
    let mut out = Output::new(&settings, command_name);
    // A bad --jq is a usage error before any work (and any bill).
    if let Some(expr) = &cli.global.jq {
        match jq::Jq::compile(expr) {
            Ok(filter) => out.jq = Some(std::rc::Rc::new(filter)),
            Err(e) => {
                out.error(&e);
                return e.exit_code();
            }
        }
    }
    for w in &settings.warnings {
        out.warn(w);
    }
    let mut ctx = Ctx {
        settings,
        out: out.clone(),
        cancel: Arc::new(Cancel::default()),
        sandbox: None,
        answer_hook: None,
        web: false,
        via_webhook: None,
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
        Err(mut e) => {
            // An interruption the command described in its own words (a
            // wait's outcome, not a library error) gets the signal from the
            // run's cancel, which the signal handler set.
            if e.kind == Kind::Interrupted && e.signal.is_none() {
                e.signal = ctx.cancel.signal();
            }
            out.error(&e);
            e.exit_code()
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
    // Not `std::env::args()`: it panics on an argument that is not UTF-8.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let json = args.iter().any(|a| a == "--json") || Env::capture().flag("BITHUMAN_JSON");
    if !json {
        // Coloured only on a terminal (and not with NO_COLOR), as clap's own print.
        let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let rendered = if colour {
            e.render().ansi().to_string()
        } else {
            e.render().to_string()
        };
        stderr_line(rendered.trim_end());
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
                "video",
                "agent",
                "dynamics",
                "batch",
                "mcp",
                "account",
                "pricing",
                "usage",
                "auth",
                "sandbox",
                "session",
                "embed-token",
                "completion",
                "man",
                "version",
                "webhook",
            ]
            .contains(&a.as_str())
        })
        .map_or("bithuman".to_string(), |c| c.clone());
    Output::plain(true, &command)
        .error(&CliError::usage(message).with_hint("see: bithuman --help"));
    code::USAGE
}
fn command_name(c: &Command) -> &'static str {
    match c {
        Command::Generate(_) => "generate",
        Command::Status(_) => "status",
        Command::Wait(_) => "wait",
        Command::Download(_) => "download",
        Command::Video(args::VideoCommand::Generate(_)) => "video generate",
        Command::Video(args::VideoCommand::Status { .. }) => "video status",
        Command::Video(args::VideoCommand::Wait(_)) => "video wait",
        Command::Video(args::VideoCommand::Download(_)) => "video download",
        Command::Agent(args::AgentCommand::AddModel(_)) => "agent add-model",
        Command::Agent(args::AgentCommand::List(_)) => "agent list",
        Command::Agent(args::AgentCommand::Show { .. }) => "agent show",
        Command::Agent(args::AgentCommand::Update(_)) => "agent update",
        Command::Agent(args::AgentCommand::Delete(_)) => "agent delete",
        Command::Batch(_) => "batch",
        Command::Mcp(_) => "mcp",
        Command::Account => "account",
        Command::Pricing => "pricing",
        Command::Usage(_) => "usage",
        Command::Agent(args::AgentCommand::Generate(_)) => "agent generate",
        Command::Agent(args::AgentCommand::Status(_)) => "agent status",
        Command::Agent(args::AgentCommand::Wait(_)) => "agent wait",
        Command::Agent(args::AgentCommand::Download(_)) => "agent download",
        Command::Dynamics(args::DynamicsCommand::Generate(_)) => "dynamics generate",
        Command::Dynamics(args::DynamicsCommand::Status { .. }) => "dynamics status",
        Command::Auth(args::AuthCommand::Login { .. }) => "auth login",
        Command::Auth(args::AuthCommand::Status) => "auth status",
        Command::Auth(args::AuthCommand::Logout) => "auth logout",
        Command::Sandbox(args::SandboxCommand::Serve(_)) => "sandbox serve",
        Command::Sandbox(args::SandboxCommand::Status(_)) => "sandbox status",
        Command::Sandbox(args::SandboxCommand::Reset(_)) => "sandbox reset",
        Command::Completion { .. } => "completion",
        Command::Man => "man",
        Command::Version => "version",
        Command::Doctor => "doctor",
        Command::Open(_) => "open",
        Command::Webhook(c) => webhook::command_name(c),
        Command::Agent(args::AgentCommand::Speak(_)) => "agent speak",
        Command::Agent(args::AgentCommand::Context(_)) => "agent context",
        Command::Session(args::SessionCommand::Start(_)) => "session start",
        Command::Session(args::SessionCommand::List(_)) => "session list",
        Command::Session(args::SessionCommand::Show { .. }) => "session show",
        Command::Session(args::SessionCommand::End(_)) => "session end",
        Command::Session(args::SessionCommand::Transcript { .. }) => "session transcript",
        Command::Session(args::SessionCommand::Watch(_)) => "session watch",
        Command::EmbedToken(_) => "embed-token",
    }
}

fn dispatch(ctx: &mut Ctx, command: Command) -> Result<u8, CliError> {
    match command {
        Command::Generate(a) => generate::run(ctx, a),
        Command::Status(a) => {
            ctx.web = a.web;
            wait::status(ctx, a)
        }
        Command::Wait(a) => {
            ctx.web = a.web;
            wait::wait(ctx, a)
        }
        Command::Download(a) => download::run(ctx, a),
        Command::Video(c) => video::run(ctx, c),
        Command::Agent(c) => agent::run(ctx, c),
        Command::Dynamics(c) => dynamics::run(ctx, c),
        Command::Batch(a) => batch::run(ctx, a),
        Command::Mcp(a) => mcp::run(ctx, a),
        Command::Account => manage::account(ctx),
        Command::Pricing => manage::pricing(ctx),
        Command::Usage(a) => manage::usage(ctx, a),
        Command::Auth(a) => auth::run(ctx, a),
        Command::Sandbox(args::SandboxCommand::Serve(a)) => sandbox::serve(ctx, a),
        Command::Sandbox(args::SandboxCommand::Status(a)) => sandbox::status(ctx, &a),
        Command::Sandbox(args::SandboxCommand::Reset(a)) => sandbox::reset(ctx, &a),
        Command::Completion { shell } => completion::completion(shell),
        Command::Man => completion::man(),
        Command::Version => version::run(ctx),
        Command::Doctor => doctor::run(ctx),
        Command::Open(a) => open::run(ctx, a),
        Command::Webhook(c) => webhook::run(ctx, c),
        Command::Session(c) => session::run(ctx, c),
        Command::EmbedToken(a) => live::embed_token(ctx, a),
    }
}

/// What every command gets: settings, output, the cancel flag.
pub struct Ctx {
    pub settings: Settings,
    pub out: Output,
    pub cancel: Arc<Cancel>,
    sandbox: Option<Sandbox>,
    /// Hears every answer's rate-limit facts and date (`doctor`).
    pub answer_hook: Option<bithuman::AnswerHook>,
    /// `--web`: open each finished job's page or file.
    pub web: bool,
    /// `--via webhook` (and its `--public-url`): set by [`Ctx::wait_options`]
    /// for the wait that follows, which [`wait::run`] reads.
    pub via_webhook: Option<Option<String>>,
}

impl Ctx {
    /// Builds the API client: checks the base URL, requires a secret (exit 77
    /// before any request), and starts the in-process sandbox under `--sandbox`.
    pub fn client(&mut self) -> Result<Client, CliError> {
        let (base, secret) = if self.settings.sandbox {
            if self.sandbox.is_none() {
                // The world every `--sandbox` command shares (SPEC §14).
                let config = SandboxConfig {
                    speed: self.settings.sandbox_speed,
                    plan: self.settings.sandbox_plan,
                    state: self
                        .settings
                        .sandbox_state
                        .clone()
                        .unwrap_or(StateLocation::Memory),
                    ..SandboxConfig::default()
                };
                let sandbox = Sandbox::start(config).map_err(|e| sandbox::start_error(&e))?;
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
            (url, bithuman::ApiSecret::new("sandbox".into()))
        } else {
            self.settings.check_base_url()?;
            let Some(secret) = self.settings.secret.as_ref().map(|s| s.value.clone()) else {
                return Err(CliError::no_secret());
            };
            (self.settings.base_url.value.clone(), secret)
        };
        let mut builder = Client::builder(&base)
            .cancel(self.cancel.clone())
            .secret(secret);
        if let Some(journal) = self.journal() {
            builder = builder.journal(journal);
        }
        if self.settings.verbose > 0 {
            builder = builder.logger(
                self.settings.verbose,
                Arc::new(|line: &str| stderr_line(line)),
            );
        }
        if !self.out.json && !self.out.quiet {
            builder = builder.on_pause(Arc::new(output::pause_notice));
        }
        if let Some(hook) = &self.answer_hook {
            builder = builder.on_answer(hook.clone());
        }
        if let Some(t) = self.settings.request_timeout {
            builder = builder.request_timeout(t);
        }
        if let Some(t) = self.settings.backoff_base {
            builder = builder.backoff_base(t);
        }
        Ok(builder.build()?)
    }

    /// A duration flag (exit 2 on a bad or out-of-range value).
    pub fn parse_duration(&self, flag: &str, text: &str) -> Result<Duration, CliError> {
        settings::parse_duration(text).map_err(|e| CliError::usage(format!("{flag}: {e}")))
    }

    /// Wait options from flags, config and defaults (exit 2 on bad values).
    pub fn wait_options(
        &mut self,
        flags: &WaitFlags,
        model_hint: Option<&str>,
    ) -> Result<WaitOptions, CliError> {
        let interval = match &flags.interval {
            Some(text) => self.parse_duration("--interval", text)?,
            None => match &self.settings.interval {
                Some(s) => s.value,
                // The local sandbox has no rate limit: poll it every second so
                // its short run shows each step.
                None if self.settings.sandbox => MIN_INTERVAL,
                None => DEFAULT_INTERVAL,
            },
        };
        if interval < MIN_INTERVAL {
            return Err(CliError::usage(format!(
                "--interval {}: the minimum is 1s (the API asks clients not to poll faster)",
                humantime::format_duration(interval)
            )));
        }
        let timeout = match &flags.timeout {
            Some(text) => {
                let d = self.parse_duration("--timeout", text)?;
                Timeout::Fixed((!d.is_zero()).then_some(d))
            }
            None => match &self.settings.timeout {
                Some(s) => Timeout::Fixed(s.value),
                None => Timeout::ByModel {
                    hint: model_hint.map(str::to_string),
                },
            },
        };
        self.via_webhook =
            (flags.via == Some(args::Via::Webhook)).then(|| flags.public_url.clone());
        Ok(WaitOptions { interval, timeout })
    }

    /// The journal of billed submits for the API and profile in use.
    pub fn journal(&self) -> Option<Journal> {
        let dir = self.settings.state_dir.as_ref()?;
        let (label, legacy) = if self.settings.sandbox {
            ("sandbox".to_string(), "sandbox-agents.jsonl")
        } else {
            (
                settings::public_url(&self.settings.base_url.value),
                "agents.jsonl",
            )
        };
        Some(
            Journal::new(
                dir.join("jobs.jsonl"),
                &label,
                self.settings.profile.as_deref(),
            )
            .with_legacy(dir.join(legacy)),
        )
    }

    /// The newest job of `kind` this machine submitted (`--last`); when its
    /// answer never arrived, the recorded request is sent again with its
    /// recorded key (the server replays the first answer: nothing is billed
    /// twice).
    pub fn last_job(&mut self, kind: JobKind) -> Result<Job, CliError> {
        let what = match kind {
            JobKind::Video => "video",
            _ => "agent",
        };
        let none = || {
            CliError::new(
                Kind::NoHistory,
                format!("no {what} submitted from this machine yet"),
            )
            .with_hint(format!(
                "give an id: bithuman {}wait <id>",
                if kind == JobKind::Video { "video " } else { "" }
            ))
        };
        let journal = self.journal().ok_or_else(none)?;
        let (entry, skipped) = journal.read_last(&[kind])?;
        if !skipped.is_empty() {
            self.out.warn(&format!(
                "the journal {} has lines that were skipped: {}",
                text::shown(&journal.path().display().to_string()),
                skipped.describe()
            ));
        }
        let entry = entry.ok_or_else(none)?;
        if let Some(code) = &entry.refused {
            return Err(CliError::new(
                Kind::NoHistory,
                format!(
                    "the last {what} request from this machine (sent {}) was refused by the server ({}): there is nothing to wait for",
                    text::shown(&entry.time),
                    text::shown(code)
                ),
            )
            .with_hint(format!("submit it again, or give an id: bithuman {}wait <id>", if kind == JobKind::Video { "video " } else { "" })));
        }
        let id = match &entry.id {
            Some(id) => id.clone(),
            None => {
                self.out.note(&format!(
                    "The answer to the last {what} request (sent {}) never arrived; asking the server again with its idempotency key {} (nothing is billed twice)…",
                    text::shown(&entry.time),
                    text::shown(&entry.idempotency_key)
                ));
                let client = self.client()?;
                client.resend(&entry)?.id
            }
        };
        self.out.note(&format!(
            "Waiting for {}, the {what} this machine submitted most recently.",
            text::shown(&id)
        ));
        let mut job = match kind {
            JobKind::Video => Job::video(&id),
            _ => Job::agent(&id),
        };
        if kind == JobKind::Agent {
            job.model = entry.model().map(str::to_string);
        }
        Ok(job)
    }

    /// The command that resumes waiting for `jobs`, with the flags that
    /// point it at the same API; every server-supplied word shell-quoted.
    pub fn resume_command(&self, jobs: &[Job]) -> String {
        let ids: Vec<&str> = jobs.iter().map(|j| j.id.as_str()).collect();
        let mut cmd = match jobs.first().map(|j| j.kind) {
            Some(JobKind::Video) => format!("bithuman video wait {}", text::shell_words(&ids)),
            Some(JobKind::Model) => format!("bithuman agent show {}", text::shell_words(&ids)),
            Some(JobKind::Dynamics) => {
                format!("bithuman dynamics status {}", text::shell_words(&ids))
            }
            _ => format!("bithuman wait {}", text::shell_words(&ids)),
        };
        cmd.push_str(&self.global_flags());
        cmd
    }

    /// The global flags that choose the API a suggested command must talk
    /// to (`--sandbox`, `--profile`, a `--base-url` given as a flag), each
    /// after a space, shell-quoted.
    pub fn global_flags(&self) -> String {
        let mut cmd = String::new();
        if self.settings.sandbox {
            cmd.push_str(" --sandbox");
        }
        if let Some(p) = &self.settings.profile {
            cmd.push_str(&format!(" --profile {}", shell_word(p)));
        }
        if matches!(self.settings.base_url.source, settings::Source::Flag(_))
            && !self.settings.sandbox
        {
            cmd.push_str(&format!(
                " --base-url {}",
                shell_word(&settings::public_url(&self.settings.base_url.value))
            ));
        }
        cmd
    }
}
