//! `bithuman generate`: check the flags, resolve the inputs once, hand them
//! to [`bithuman::blocking::Client::create_agent`] (uploads and the idempotent POST),
//! then optionally wait and download.

use super::args::GenerateArgs;
use super::exit::{CliError, Kind, code, from_lib};
use super::interrupt::{self, Phase};
use super::output::stderr_line;
use super::text::{shell_word, shown};
use super::{Ctx, download, submit, wait};
use bithuman::generate::GenerateObserver;
use bithuman::media::{self, MediaInput, MediaKind};
use bithuman::wait::WaitOutcome;
use bithuman::{Created, GenerateEvent, GenerateRequest, Job, new_idempotency_key};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// Bodies bigger than this get an upload progress bar on a terminal.
const PROGRESS_THRESHOLD: u64 = 4 * 1024 * 1024;

/// `generate` without `--wait`, in `--json` mode.
#[derive(Serialize)]
struct Submitted<'a> {
    agent_id: &'a str,
    status: Option<&'a str>,
    message: Option<&'a str>,
    idempotency_key: &'a str,
    replayed: bool,
    inputs: &'a BTreeMap<String, String>,
}

pub fn run(ctx: &mut Ctx, mut a: GenerateArgs) -> Result<u8, CliError> {
    let request = check(ctx, &a)?;
    ctx.web = a.web;
    a.download = a.download.map(|p| submit::download_target(p, "imx"));
    let key = match &a.idempotency_key {
        Some(k) if k.trim().is_empty() || k.chars().any(char::is_control) => {
            return Err(CliError::usage(
                "--idempotency-key must be non-empty printable text",
            ));
        }
        Some(k) => k.clone(),
        None => new_idempotency_key(),
    };
    let wait_options = ctx.wait_options(&a.wait_flags, Some(&request.model))?;
    // An existing download target is refused now, not after a paid generation.
    if let Some(target) = &a.download {
        bithuman::download::precheck(target, false).map_err(|e| {
            CliError::from(e)
                .with_hint("choose another --download path, or move the existing file away")
        })?;
    }
    let request = read_inputs(request, &a)?;
    let model = request.model.clone();
    let price = submit::budget(ctx, a.max_credits, a.dry_run, |p| p.agent(&model), "agent")?;

    if a.dry_run {
        return dry_run(ctx, &request, &key, price.as_ref(), a.max_credits);
    }

    let client = ctx.client()?;
    let created = create(ctx, &client, &request, &key)?;
    let id = created.agent_id.clone();
    if created.replayed {
        ctx.out.note(&format!(
            "note: the server replayed its earlier answer for idempotency key {}: no new agent was created or billed.",
            shown(&key)
        ));
    }

    if !a.wait {
        if ctx.out.json {
            ctx.out.emit(&Submitted {
                agent_id: &id,
                status: created.status.as_deref(),
                message: created.message.as_deref(),
                idempotency_key: &key,
                replayed: created.replayed,
                inputs: &created.inputs,
            })?;
        } else {
            ctx.out.data(&shown(&id))?;
            let what = if created.replayed {
                "was created earlier"
            } else {
                "is being generated"
            };
            ctx.out.note(&format!(
                "Agent {} {what}. Wait for it with: {}",
                shown(&id),
                ctx.resume_command(&[Job::agent(&id)])
            ));
        }
        return Ok(code::OK);
    }

    // Always show the id before waiting: the agent is paid for.
    ctx.out.note(&format!(
        "Created agent {} ({}). Waiting; if you stop, resume with: {}",
        shown(&id),
        shown(&request.model),
        ctx.resume_command(&[Job::agent(&id)])
    ));
    let mut job = Job::agent(&id);
    job.model = Some(request.model.clone());
    let jobs = [job];
    let mut exit = code::OK;
    // The model's own file when a non-default model was asked for.
    let wanted =
        Some(request.model.as_str()).filter(|m| *m != bithuman::DEFAULT_MODEL || a.model.is_some());
    wait::run(ctx, &client, &jobs, &wait_options, |ctx, job, outcome| {
        exit = match (outcome, &a.download) {
            (WaitOutcome::Ready(record), Some(target)) => {
                download::after_ready(ctx, &client, job, record, wanted, target)?
            }
            (outcome, _) => wait::report(ctx, job, outcome, &[])?,
        };
        Ok(())
    })?;
    Ok(exit)
}

/// Usage errors first, before reading anything: the request without its
/// media and prompt file.
fn check(ctx: &Ctx, a: &GenerateArgs) -> Result<GenerateRequest, CliError> {
    if a.prompt.is_none()
        && a.prompt_file.is_none()
        && a.image.is_none()
        && a.audio.is_none()
        && a.video.is_none()
    {
        return Err(CliError::usage(
            "nothing to generate from: give at least one of --prompt, --prompt-file, --image, --audio or --video",
        ));
    }
    let stdin_flags: Vec<&str> = [
        ("--prompt-file", &a.prompt_file),
        ("--image", &a.image),
        ("--audio", &a.audio),
        ("--video", &a.video),
    ]
    .into_iter()
    .filter(|(_, v)| v.as_deref() == Some("-"))
    .map(|(flag, _)| flag)
    .collect();
    if stdin_flags.len() > 1 {
        return Err(CliError::usage(format!(
            "only one input can be read from stdin, but {} each ask for it (-)",
            stdin_flags.join(" and ")
        )));
    }
    if let Some(agent_id) = &a.agent_id {
        // It becomes the id in every later URL: one safe path segment.
        bithuman::client::validate_agent_id(agent_id)?;
    }
    if a.download.as_deref().is_some_and(|p| p.as_os_str() == "-") {
        return Err(CliError::usage(
            "--download takes a directory or a file path; to stream the model to stdout use: bithuman download <id> -o -",
        ));
    }
    if a.prompt.as_deref().is_some_and(|p| p.trim().is_empty()) {
        // Empty text is bad input data, as an empty --text or prompt file (SPEC §18).
        return Err(CliError::new(Kind::BadInput, "--prompt is empty").with_code("EMPTY_TEXT"));
    }
    let model = match &a.model {
        Some(m) => m.clone(),
        None => submit::configured_model(&ctx.settings.model, &bithuman::models::AGENT_MODELS)?,
    };
    if !a.wait
        && (a.wait_flags.interval.is_some()
            || a.wait_flags.timeout.is_some()
            || a.wait_flags.via.is_some())
    {
        return Err(CliError::usage(
            "--interval, --timeout and --via need --wait",
        ));
    }
    let mut request = GenerateRequest::new(&model);
    request.prompt = a.prompt.clone();
    request.media = a.media.unwrap_or(ctx.settings.media.value);
    request.aspect_ratio = a.aspect_ratio;
    request.video_aspect_ratio = a.video_aspect_ratio;
    request.duration = a.duration;
    request.agent_id = a.agent_id.clone();
    request.framing = a.framing;
    request.transparency = a.transparency;
    Ok(request)
}

/// Reads the prompt file and resolves each media flag once (exit 66 for a
/// missing file), preflighted (exit 65) unless `--no-preflight`.
fn read_inputs(
    mut request: GenerateRequest,
    a: &GenerateArgs,
) -> Result<GenerateRequest, CliError> {
    if let Some(path) = &a.prompt_file {
        request.prompt = Some(submit::read_text(path, "prompt")?);
    }
    for (kind, arg) in [
        (MediaKind::Image, &a.image),
        (MediaKind::Audio, &a.audio),
        (MediaKind::Video, &a.video),
    ] {
        let Some(arg) = arg else { continue };
        let value = media::resolve(arg, kind, &mut std::io::stdin().lock())?;
        if let MediaInput::File(file) = &value
            && !a.no_preflight
        {
            media::preflight(file, kind)?;
        }
        match kind {
            MediaKind::Image => request.image = Some(value),
            MediaKind::Audio => request.audio = Some(value),
            MediaKind::Video => request.video = Some(value),
        }
    }
    Ok(request)
}

/// Uploads and the billed POST, with progress on a terminal. While the POST
/// is in flight Ctrl-C leaves the agent's fate unknown, so the handler says
/// how to find out.
fn create(
    ctx: &Ctx,
    client: &bithuman::blocking::Client,
    request: &GenerateRequest,
    key: &str,
) -> Result<Created, CliError> {
    let interrupted = CliError::new(
        Kind::Interrupted,
        "interrupted while creating the agent: it may or may not have been created",
    )
    .with_hint(format!(
        "re-run the same command with --idempotency-key {}: the server then replays the first answer (with the agent id) instead of creating and billing a second agent",
        shell_word(key)
    ));
    let creating = ctx.out.error_text(&interrupted);
    let bar: Arc<Mutex<Option<indicatif::ProgressBar>>> = Arc::default();
    let quiet = ctx.out.json || ctx.out.quiet;
    let shared = bar.clone();
    let bars = ctx.out.bars();
    let observer: GenerateObserver = Arc::new(move |event| {
        let Ok(mut bar) = shared.lock() else { return };
        match event {
            GenerateEvent::Uploading {
                display,
                len,
                total,
                file_name,
                ..
            } => {
                if !quiet {
                    stderr_line(&format!(
                        "Uploading {} ({})…",
                        shown(&display),
                        media::human_size(len)
                    ));
                }
                if let Some(b) = bar.take() {
                    b.finish_and_clear();
                }
                *bar = (total > PROGRESS_THRESHOLD)
                    .then(|| bars.bytes(Some(total), &file_name))
                    .flatten();
            }
            GenerateEvent::Submitting { total } => {
                if let Some(b) = bar.take() {
                    b.finish_and_clear();
                }
                interrupt::set(Phase::Creating {
                    message: creating.clone(),
                });
                *bar = (total > PROGRESS_THRESHOLD)
                    .then(|| bars.bytes(Some(total), "generate"))
                    .flatten();
            }
            GenerateEvent::Sent(n) => {
                if let Some(b) = bar.as_ref() {
                    b.set_position(n);
                }
            }
        }
    });
    let created = client.create_agent(request, key, Some(observer));
    interrupt::set(Phase::Idle);
    if let Ok(mut bar) = bar.lock()
        && let Some(b) = bar.take()
    {
        b.finish_and_clear();
    }
    created.map_err(|e| {
        if matches!(e, bithuman::Error::Interrupted { .. }) {
            // Cut off during the billed POST: the prepared message says how to find out.
            return interrupted.clone();
        }
        let submitted = !matches!(e, bithuman::Error::Upload { .. });
        let mut err = from_lib(&e);
        // A 429 created nothing; other transient failures leave it unknown.
        if submitted && e.is_transient() && e.api().is_none_or(|a| a.status != 429) {
            err = err.with_hint(format!(
                "the agent may have been created; re-run with --idempotency-key {} to get its id without creating another",
                shell_word(key)
            ));
        }
        err
    })
}

/// `--dry-run`: show each request (uploads, then generate) with the secret
/// redacted and base64 payloads described, and send nothing.
fn dry_run(
    ctx: &Ctx,
    request: &GenerateRequest,
    key: &str,
    price: Option<&bithuman::Price>,
    max_credits: Option<u64>,
) -> Result<u8, CliError> {
    let (base, secret) = submit::dry_run_target(ctx)?;
    let requests = request.preview(&base, secret, key)?;
    submit::print_dry_run(ctx, &requests, price, max_credits)
}
