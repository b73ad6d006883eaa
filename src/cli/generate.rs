//! `bithuman generate`: check the flags, resolve the inputs once, then the
//! one submit pipeline ([`submit::run`]): price, dry run, the uploads and
//! the idempotent POST ([`bithuman::blocking::Client::create_agent`]), the wait and
//! the download.

use super::args::{GenerateArgs, SubmitFlags};
use super::exit::{CliError, Kind, code};
use super::submit::{self, Command, Flags};
use super::text::shown;
use super::{Ctx, download};
use bithuman::blocking::Client;
use bithuman::media::MediaKind;
use bithuman::{Created, GenerateRequest, Job, Record};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// `generate` without `--wait` (`--json`), and the MCP `generate_agent`
/// result: the agent, its status, how it was asked for.
#[derive(Serialize)]
pub struct Submitted<'a> {
    pub agent_id: &'a str,
    pub status: Option<&'a str>,
    pub message: Option<&'a str>,
    pub idempotency_key: &'a str,
    pub replayed: bool,
    pub inputs: &'a BTreeMap<String, String>,
}

impl<'a> Submitted<'a> {
    /// The result of a generate answered with `created` for `key`.
    pub fn of(created: &'a Created, key: &'a str) -> Self {
        Self {
            agent_id: &created.agent_id,
            status: created.status.as_deref(),
            message: created.message.as_deref(),
            idempotency_key: key,
            replayed: created.replayed,
            inputs: &created.inputs,
        }
    }
}

/// `generate`'s part of the pipeline.
struct Generate {
    request: GenerateRequest,
    /// The model's own file is downloaded when a model was asked for.
    wanted: Option<String>,
}

pub fn run(ctx: &mut Ctx, mut a: GenerateArgs) -> Result<u8, CliError> {
    let request = check(ctx, &a)?;
    ctx.web = a.web;
    let download = a.download.take().map(|p| submit::download_target(p, "imx"));
    let flags = SubmitFlags {
        idempotency_key: a.idempotency_key.take(),
        dry_run: a.dry_run,
        wait: a.wait,
        wait_flags: std::mem::take(&mut a.wait_flags),
        max_credits: a.max_credits,
    };
    let flags = Flags::resolve(ctx, &flags, download, Some(&request.model))?;
    let request = read_inputs(request, &a)?;
    // The model's own file when a non-default model was asked for.
    let wanted =
        Some(request.model.clone()).filter(|m| m != bithuman::DEFAULT_MODEL || a.model.is_some());
    submit::run(ctx, &flags, &Generate { request, wanted })
}

impl Command for Generate {
    type Request = GenerateRequest;

    fn request(&self) -> &GenerateRequest {
        &self.request
    }

    fn pending(
        &self,
        ctx: &Ctx,
        _client: &Client,
        job: &Job,
        created: &Created,
        key: &str,
    ) -> Result<u8, CliError> {
        if ctx.out.json {
            ctx.out.emit(&Submitted::of(created, key))?;
        } else {
            ctx.out.data(&shown(&job.id))?;
            let what = if created.replayed {
                "was created earlier"
            } else {
                "is being generated"
            };
            ctx.out.note(&format!(
                "Agent {} {what}. Wait for it with: {}",
                shown(&job.id),
                ctx.resume_command(&[Job::agent(&job.id)])
            ));
        }
        Ok(code::OK)
    }

    // Always show the id before waiting: the agent is paid for.
    fn waiting(&self, ctx: &Ctx, job: &Job) -> String {
        format!(
            "Created agent {} ({}). Waiting; if you stop, resume with: {}",
            shown(&job.id),
            shown(&self.request.model),
            ctx.resume_command(&[Job::agent(&job.id)])
        )
    }

    fn save(
        &self,
        ctx: &Ctx,
        client: &Client,
        job: &Job,
        record: Record,
        target: &Path,
        _extra: &[(&str, Value)],
    ) -> Result<u8, CliError> {
        download::after_ready(ctx, client, job, record, self.wanted.as_deref(), target)
    }
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
        let value = submit::media_input(arg, kind, a.no_preflight)?;
        match kind {
            MediaKind::Image => request.image = Some(value),
            MediaKind::Audio => request.audio = Some(value),
            MediaKind::Video => request.video = Some(value),
        }
    }
    Ok(request)
}
