//! `bithuman download` (and `generate --wait --download`): the library's
//! [`bithuman::blocking::Client::download_model`] with a progress bar and messages.

use super::Ctx;
use super::args::DownloadArgs;
use super::exit::{CliError, Kind, code, from_lib};
use super::interrupt::{self, Phase};
use super::text::{shell_word, shown};
use super::wait;
use bithuman::blocking::Client;
use bithuman::download::{Destination, DownloadEvent, DownloadOptions};
use bithuman::wait::WaitOutcome;
use bithuman::{Error, Job, Record};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long `download` keeps asking while the file is being published.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// `download --json`.
#[derive(Serialize)]
struct Downloaded<'a> {
    agent_id: &'a str,
    model_path: String,
}

pub fn run(ctx: &mut Ctx, a: DownloadArgs) -> Result<u8, CliError> {
    bithuman::client::validate_agent_id(&a.id)?;
    let timeout = match &a.timeout {
        Some(t) => ctx.parse_duration("--timeout", t)?,
        None => DEFAULT_TIMEOUT,
    };
    if a.model.as_deref().is_some_and(|m| m.trim().is_empty()) {
        return Err(CliError::usage("--model is empty"));
    }
    let to_stdout = a.output.as_deref().is_some_and(|p| p.as_os_str() == "-");
    if to_stdout && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(
            CliError::usage("refusing to write a binary model file to the terminal").with_hint(
                format!(
                    "pipe or redirect it: bithuman download {} -o - > model.imx, or use -o PATH",
                    shell_word(&a.id)
                ),
            ),
        );
    }
    // An explicit file target that exists is refused before any request.
    if let Some(out) = a.output.as_deref().filter(|_| !to_stdout) {
        bithuman::download::precheck(out, a.force)?;
    }
    let client = ctx.client()?;
    // `--timeout 0` means no deadline, as for `wait`.
    let deadline = (!timeout.is_zero()).then(|| Instant::now() + timeout);
    let output = a.output.clone().unwrap_or_else(|| PathBuf::from("."));
    let saved = fetch(
        ctx,
        &client,
        &a.id,
        a.model.as_deref(),
        &output,
        a.force,
        deadline,
    )?;
    if let Some(path) = saved {
        let shown_path = path.display().to_string();
        if ctx.out.json {
            ctx.out.emit(&Downloaded {
                agent_id: &a.id,
                model_path: shown_path,
            })?;
        } else {
            ctx.out.data(&shown_path)?;
        }
    }
    Ok(code::OK)
}

/// What a download shows while it runs: a byte bar on a terminal, notes for
/// an unpublished file and for retries; Ctrl-C during the transfer says
/// nothing was saved.
pub struct Display<'a> {
    ctx: &'a Ctx,
    agent: Option<&'a str>,
    bar: Option<indicatif::ProgressBar>,
}

impl<'a> Display<'a> {
    /// `agent`: the agent whose model file may not be published yet.
    pub fn new(ctx: &'a Ctx, agent: Option<&'a str>) -> Self {
        Self {
            ctx,
            agent,
            bar: None,
        }
    }

    /// Shows one event.
    pub fn on(&mut self, event: DownloadEvent<'_>) {
        match event {
            DownloadEvent::NotPublished => {
                if let Some(id) = self.agent {
                    self.ctx.out.note(&format!(
                        "The model file of {} is not published yet; retrying…",
                        shown(id)
                    ));
                }
            }
            DownloadEvent::Started { total } => {
                interrupt::set(Phase::Cancellable {
                    message: "Download interrupted; nothing was saved.".to_string(),
                });
                self.clear();
                self.bar = self.ctx.out.bars().bytes(total, "downloading");
            }
            DownloadEvent::Progress(n) => {
                if let Some(b) = &self.bar {
                    b.set_position(n);
                }
            }
            DownloadEvent::Retrying { error, delay } => {
                self.clear();
                self.ctx.out.note(&format!(
                    "{}; retrying in {:.1}s…",
                    from_lib(error).message,
                    delay.as_secs_f64()
                ));
            }
            // An event of a later library: nothing to show for it.
            _ => {}
        }
    }

    fn clear(&mut self) {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
    }

    /// The download is over: the bar goes, Ctrl-C means nothing special.
    pub fn finish(mut self) {
        interrupt::set(Phase::Idle);
        self.clear();
    }
}

/// Downloads the model of `id` to `output` (`-` = stdout), with a progress
/// bar on a terminal; returns the saved path (`None` for stdout).
pub fn fetch(
    ctx: &Ctx,
    client: &Client,
    id: &str,
    model: Option<&str>,
    output: &Path,
    force: bool,
    deadline: Option<Instant>,
) -> Result<Option<PathBuf>, CliError> {
    let mut display = Display::new(ctx, Some(id));
    let mut on_event = |event: DownloadEvent<'_>| display.on(event);
    let mut options = DownloadOptions::new().overwrite(force);
    options.model = model.map(str::to_string);
    options.deadline = deadline;
    let result = if output.as_os_str() == "-" {
        // Unlocked: a lock is not `Send`, and the download's future is.
        let mut stdout = std::io::stdout();
        client.download_model(
            id,
            Destination::Writer(&mut stdout),
            &options,
            &mut on_event,
        )
    } else {
        client.download_model(
            id,
            Destination::Path(output.to_path_buf()),
            &options,
            &mut on_event,
        )
    };
    display.finish();
    result
        .map(|saved| saved.path)
        .map_err(|e| explain(&e, id, model, output.as_os_str() != "-"))
}

// What a failed download means, and what to do about it.
fn explain(e: &Error, id: &str, model: Option<&str>, to_file: bool) -> CliError {
    let mut err = from_lib(e);
    let retry = format!("bithuman download {}", shell_word(id));
    match e {
        Error::Api(api) if api.has_code("MODEL_NOT_DOWNLOADABLE") => {
            err.message = format!("{} has no downloadable model file: {api}", shown(id));
            err.hint = Some("expression-1 agents render in the cloud only and have no .imx; generate with --model essence-1 to get a downloadable model".into());
        }
        Error::Api(api) if api.has_code("MODEL_NOT_GENERATED") => {
            let which = model.map_or_else(|| "downloadable".to_string(), |m| format!("{m:?}"));
            err.message = format!("{} has no {which} model: {api}", shown(id));
            err.hint = Some(match model {
                Some(m) => format!(
                    "add it with: bithuman agent add-model {} --model {} --wait (or choose another --model)",
                    shell_word(id),
                    shell_word(m)
                ),
                None => format!("check the agent with: bithuman status {}", shell_word(id)),
            });
        }
        Error::Interrupted { .. } => {
            err.message = if to_file {
                "download interrupted; nothing was saved".into()
            } else {
                "download interrupted".into()
            };
            err.hint = Some(format!("download it again with: {retry}"));
        }
        Error::FileHost(_) | Error::Transfer(_) | Error::BadFileUrl { .. } => {
            let saved = if to_file { "no file was saved; " } else { "" };
            err.hint = Some(format!("{saved}retry with: {retry}"));
        }
        Error::TargetExists(_) | Error::NotPublished { .. } => {}
        _ => {
            if !err.message.contains(id) {
                err.message = format!("{}: {}", shown(id), err.message);
            }
        }
    }
    err
}

/// `generate --wait --download` once the agent is ready: the record (with
/// `model_path`), then the path; a failed download still prints the
/// paid-for record.
pub fn after_ready(
    ctx: &Ctx,
    client: &Client,
    job: &Job,
    record: Record,
    wanted: Option<&str>,
    target: &Path,
) -> Result<u8, CliError> {
    after_ready_with(ctx, client, job, record, wanted, target, &[])
}

/// [`after_ready`] with more fields for the record (`added_model`, …).
pub fn after_ready_with(
    ctx: &Ctx,
    client: &Client,
    job: &Job,
    record: Record,
    wanted: Option<&str>,
    target: &Path,
    extra: &[(&str, serde_json::Value)],
) -> Result<u8, CliError> {
    let id = job.id.as_str();
    let deadline = Some(Instant::now() + DEFAULT_TIMEOUT);
    match fetch(ctx, client, id, wanted, target, false, deadline) {
        Ok(saved) => {
            let shown_path = saved.unwrap_or_default().display().to_string();
            let mut fields = extra.to_vec();
            fields.push(("model_path", serde_json::Value::from(shown_path.as_str())));
            let code = wait::report(ctx, job, WaitOutcome::Ready(record), &fields)?;
            if !ctx.out.json {
                ctx.out.data(&shown_path)?;
            }
            Ok(code)
        }
        Err(err) => {
            // The job is done and paid for: print it, then the download failure.
            wait::report(ctx, job, WaitOutcome::Ready(record), extra)?;
            let hint = if err.kind == Kind::FileExists {
                Some(format!(
                    "download it with: bithuman download {} -o {} --force (or choose another path)",
                    shell_word(id),
                    shell_word(&target.display().to_string())
                ))
            } else {
                err.hint.clone()
            };
            let err = CliError {
                message: format!(
                    "agent {} is ready, but downloading its model failed: {}",
                    shown(id),
                    err.message
                ),
                hint,
                ..err
            };
            ctx.out.error(&err);
            Ok(err.exit_code())
        }
    }
}
