//! `bithuman generate`: resolve and check inputs, upload local files,
//! create the agent (idempotently), then optionally wait and download.

use super::args::GenerateArgs;
use super::exit::{CliError, code, from_lib, media as media_err};
use super::interrupt::{self, Phase};
use super::output::byte_bar;
use super::{Ctx, download, history, wait};
use bithuman::client::Media;
use bithuman::http::Progress;
use bithuman::media::{self, LocalFile, MediaInput, MediaKind, MediaMode, StreamBody};
use bithuman::wait::WaitOutcome;
use bithuman::{Client, GenerateRequest, GenerateResponse, new_idempotency_key};
use serde_json::{Map, Value, json};
use std::io::Read;
use std::sync::Arc;

/// Bodies bigger than this get an upload progress bar on a terminal.
const PROGRESS_THRESHOLD: u64 = 4 * 1024 * 1024;

struct Input {
    kind: MediaKind,
    value: MediaInput,
}

pub fn run(ctx: &mut Ctx, a: GenerateArgs) -> Result<u8, CliError> {
    // Usage errors first, before reading anything.
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
        wait::validate_ids(std::slice::from_ref(agent_id))?;
    }
    if a.download.as_deref().is_some_and(|p| p.as_os_str() == "-") {
        return Err(CliError::usage(
            "--download takes a directory or a file path; to stream the model to stdout use: bithuman download <id> -o -",
        ));
    }
    if a.prompt.as_deref().is_some_and(|p| p.trim().is_empty()) {
        return Err(CliError::usage("--prompt is empty"));
    }
    let model = a
        .model
        .clone()
        .unwrap_or_else(|| ctx.settings.model.value.clone());
    if model.trim().is_empty() {
        return Err(CliError::usage("--model is empty"));
    }
    let wait_options = wait::wait_options(ctx, &a.wait_flags, Some(&model))?;
    if !a.wait && (a.wait_flags.interval.is_some() || a.wait_flags.timeout.is_some()) {
        return Err(CliError::usage("--interval and --timeout need --wait"));
    }
    // An existing download target is refused now, not after a paid generation.
    if let Some(target) = &a.download {
        download::precheck(target, false).map_err(|e| {
            e.with_hint("choose another --download path, or move the existing file away")
        })?;
    }
    let mode = match a.media {
        Some(super::args::MediaArg::Upload) => MediaMode::Upload,
        Some(super::args::MediaArg::Base64) => MediaMode::Base64,
        Some(super::args::MediaArg::DataUri) => MediaMode::DataUri,
        None => ctx.settings.media.value,
    };

    let prompt = read_prompt(&a)?;

    let inputs = resolve_inputs(&a)?;

    let mut request = GenerateRequest::new(&model);
    request.prompt = prompt;
    request.aspect_ratio = a.aspect_ratio.map(|r| r.as_str().to_string());
    request.video_aspect_ratio = a.video_aspect_ratio.map(|r| r.as_str().to_string());
    request.duration = a.duration;
    request.agent_id = a.agent_id.clone();
    request.framing = a.framing.map(|f| f.as_str().to_string());
    request.transparency = a.transparency;
    let key = a
        .idempotency_key
        .clone()
        .unwrap_or_else(new_idempotency_key);
    if key.trim().is_empty() || key.chars().any(|c| c.is_control()) {
        return Err(CliError::usage(
            "--idempotency-key must be non-empty printable text",
        ));
    }

    if a.dry_run {
        return dry_run(ctx, &mut request, &inputs, mode, &key);
    }

    let client = ctx.client(true)?;

    let shown_inputs = send_inputs(ctx, &client, &mut request, &inputs, mode)?;

    let created = create(ctx, &client, &request, &key)?;
    let id = created.agent_id.clone();
    let inputs_value = Value::Object(shown_inputs);
    if let Err(w) = history::record(&ctx.settings, &id, &model, &key, &inputs_value) {
        ctx.out.warn(&w);
    }
    if created.replayed {
        ctx.out.note(&format!(
            "note: the server replayed its earlier answer for idempotency key {key}: no new agent was created or billed."
        ));
    }

    if !a.wait {
        if ctx.out.json {
            ctx.out.json_line(&json!({
                "schema_version": 1,
                "agent_id": id,
                "status": created.status,
                "message": created.message,
                "idempotency_key": key,
                "replayed": created.replayed,
                "inputs": inputs_value,
            }))?;
        } else {
            ctx.out.data(&id)?;
            let what = if created.replayed {
                "was created earlier"
            } else {
                "is being generated"
            };
            ctx.out.note(&format!(
                "Agent {id} {what}. Wait for it with: {}",
                ctx.resume_command(std::slice::from_ref(&id))
            ));
        }
        return Ok(code::OK);
    }

    // Always show the id before waiting: the agent is paid for.
    ctx.out.note(&format!(
        "Created agent {id} ({model}). Waiting; if you stop, resume with: {}",
        ctx.resume_command(std::slice::from_ref(&id))
    ));
    let ids = [id.clone()];
    let mut exit = code::OK;
    let download_to = a.download.clone();
    wait::run(ctx, &client, &ids, &wait_options, |ctx, id, outcome| {
        exit = match (outcome, &download_to) {
            (WaitOutcome::Ready(record), Some(target)) => {
                let wanted = Some(model.as_str())
                    .filter(|m| *m != bithuman::DEFAULT_MODEL || a.model.is_some());
                download_ready(ctx, &client, id, record, wanted, target)?
            }
            (outcome, _) => wait::report(ctx, id, outcome, &[])?,
        };
        Ok(())
    })?;
    Ok(exit)
}

/// The prompt from `--prompt` or `--prompt-file` (a file or stdin).
fn read_prompt(a: &GenerateArgs) -> Result<Option<String>, CliError> {
    match (&a.prompt, &a.prompt_file) {
        (Some(p), _) => Ok(Some(p.clone())),
        (None, Some(path)) => {
            let text = if path == "-" {
                let mut s = String::new();
                std::io::stdin().read_to_string(&mut s).map_err(|e| {
                    CliError::new(
                        code::DATA,
                        "BAD_INPUT",
                        format!("cannot read the prompt from stdin: {e}"),
                    )
                })?;
                s
            } else {
                read_prompt_file(path)?
            };
            // Like `$(cat file)`: the file's final newline is not part of the prompt.
            let text = text.trim_end_matches(['\n', '\r']).to_string();
            if text.trim().is_empty() {
                return Err(CliError::new(
                    code::DATA,
                    "BAD_INPUT",
                    format!("the prompt file {path} is empty"),
                ));
            }
            Ok(Some(text))
        }
        (None, None) => Ok(None),
    }
}

/// Media flags: resolved (exit 66 for a missing file), then preflighted
/// (exit 65) unless `--no-preflight`.
fn resolve_inputs(a: &GenerateArgs) -> Result<Vec<Input>, CliError> {
    let mut inputs: Vec<Input> = Vec::new();
    for (kind, arg) in [
        (MediaKind::Image, &a.image),
        (MediaKind::Audio, &a.audio),
        (MediaKind::Video, &a.video),
    ] {
        let Some(arg) = arg else { continue };
        let value =
            media::resolve(arg, kind, &mut std::io::stdin().lock()).map_err(|e| media_err(&e))?;
        if let MediaInput::File(file) = &value {
            if !a.no_preflight {
                media::preflight(file, kind).map_err(|e| media_err(&e))?;
            }
        }
        inputs.push(Input { kind, value });
    }
    Ok(inputs)
}

/// Local files: uploaded (default) or inlined as base64/data URIs; returns
/// what each media field was sent as (the `inputs` of `--json`).
fn send_inputs(
    ctx: &Ctx,
    client: &Client,
    request: &mut GenerateRequest,
    inputs: &[Input],
    mode: MediaMode,
) -> Result<Map<String, Value>, CliError> {
    let mut shown_inputs = Map::new();
    for input in inputs {
        let field = match &input.value {
            MediaInput::Url(u) => {
                shown_inputs.insert(field_name(input.kind).into(), Value::from(u.as_str()));
                Media::Text(u.clone())
            }
            MediaInput::File(file) if mode == MediaMode::Upload => {
                ctx.out.note(&format!(
                    "Uploading {} ({})…",
                    file.display,
                    media::human_size(file.len)
                ));
                let body_len = media::upload_body(file, input.kind).content_length();
                let bar = (body_len > PROGRESS_THRESHOLD)
                    .then(|| byte_bar(&ctx.out, Some(body_len), &file.file_name))
                    .flatten();
                let uploaded = client.upload(file, input.kind, progress_of(&bar));
                if let Some(bar) = bar {
                    bar.finish_and_clear();
                }
                let uploaded = uploaded.map_err(|e| {
                    let mut err = from_lib(&e);
                    err.message = format!("uploading {} failed: {}", file.display, err.message);
                    err
                })?;
                shown_inputs.insert(
                    field_name(input.kind).into(),
                    Value::from(uploaded.file_url.as_str()),
                );
                Media::Text(uploaded.file_url)
            }
            MediaInput::File(file) => {
                shown_inputs.insert(
                    field_name(input.kind).into(),
                    Value::from(format!(
                        "{} ({} bytes, {})",
                        file.file_name,
                        file.len,
                        mode.as_str()
                    )),
                );
                Media::File {
                    file: file.clone(),
                    mode,
                }
            }
        };
        set_field(request, input.kind, field);
    }
    Ok(shown_inputs)
}

/// The generate POST. While it is in flight Ctrl-C leaves the agent's fate
/// unknown, so the handler says how to find out.
fn create(
    ctx: &Ctx,
    client: &Client,
    request: &GenerateRequest,
    key: &str,
) -> Result<GenerateResponse, CliError> {
    let interrupted = CliError::new(
        code::INTERRUPTED,
        "INTERRUPTED",
        "interrupted while creating the agent: it may or may not have been created",
    )
    .with_hint(format!(
        "re-run the same command with --idempotency-key {key}: the server then replays the first answer (with the agent id) instead of creating and billing a second agent"
    ));
    interrupt::set(Phase::Creating {
        message: ctx.out.error_text(&interrupted),
    });
    let body_len = request.body().content_length();
    let bar = (body_len > PROGRESS_THRESHOLD)
        .then(|| byte_bar(&ctx.out, Some(body_len), "generate"))
        .flatten();
    let created = client.generate_with_progress(request, key, progress_of(&bar));
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    interrupt::set(Phase::Idle);
    created.map_err(|e| {
        let mut err = from_lib(&e);
        // A 429 created nothing; other transient failures leave it unknown.
        if e.is_transient() && e.api().is_none_or(|a| a.status != 429) {
            err = err.with_hint(format!(
                "the agent may have been created; re-run with --idempotency-key {key} to get its id without creating another"
            ));
        }
        err
    })
}

/// `--download` after the agent is ready: the record (with `model_path`),
/// then the path; a failed download still prints the paid-for record.
fn download_ready(
    ctx: &Ctx,
    client: &Client,
    id: &str,
    record: bithuman::AgentRecord,
    wanted: Option<&str>,
    target: &std::path::Path,
) -> Result<u8, CliError> {
    match download::fetch(ctx, client, id, wanted, Some(target), false) {
        Ok(saved) => {
            let shown = saved.display().to_string();
            let code = wait::report(
                ctx,
                id,
                WaitOutcome::Ready(record),
                &[("model_path", Value::from(shown.as_str()))],
            )?;
            if !ctx.out.json {
                ctx.out.data(&shown)?;
            }
            Ok(code)
        }
        Err(err) => {
            // The agent is ready and paid for: print it, then the download failure.
            wait::report(ctx, id, WaitOutcome::Ready(record), &[])?;
            let hint = if err.code == "FILE_EXISTS" {
                Some(format!(
                    "download it with: bithuman download {id} -o {} --force (or choose another path)",
                    target.display()
                ))
            } else {
                err.hint.clone()
            };
            let err = CliError {
                message: format!(
                    "agent {id} is ready, but downloading its model failed: {}",
                    err.message
                ),
                hint,
                ..err
            };
            ctx.out.error(&err);
            Ok(err.exit)
        }
    }
}

fn field_name(kind: MediaKind) -> &'static str {
    kind.as_str()
}

fn set_field(request: &mut GenerateRequest, kind: MediaKind, value: Media) {
    match kind {
        MediaKind::Image => request.image = Some(value),
        MediaKind::Audio => request.audio = Some(value),
        MediaKind::Video => request.video = Some(value),
    }
}

fn progress_of(bar: &Option<indicatif::ProgressBar>) -> Option<Progress> {
    bar.clone()
        .map(|b| Arc::new(move |n: u64| b.set_position(n)) as Progress)
}

fn read_prompt_file(path: &str) -> Result<String, CliError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        CliError::new(
            code::NO_INPUT,
            "NOT_FOUND_LOCAL_FILE",
            format!("prompt file {path}: {e}"),
        )
    })?;
    if !meta.is_file() {
        return Err(CliError::new(
            code::NO_INPUT,
            "NOT_FOUND_LOCAL_FILE",
            format!("prompt file {path} is not a regular file"),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        CliError::new(
            code::NO_INPUT,
            "NOT_FOUND_LOCAL_FILE",
            format!("cannot read prompt file {path}: {e}"),
        )
    })?;
    String::from_utf8(bytes).map_err(|_| {
        CliError::new(
            code::DATA,
            "BAD_INPUT",
            format!("prompt file {path} is not UTF-8 text"),
        )
    })
}

/// `--dry-run`: show each request (uploads, then generate) with the secret
/// redacted and base64 payloads described, and send nothing.
fn dry_run(
    ctx: &Ctx,
    request: &mut GenerateRequest,
    inputs: &[Input],
    mode: MediaMode,
    key: &str,
) -> Result<u8, CliError> {
    let base = if ctx.settings.sandbox {
        "<built-in sandbox>".to_string()
    } else {
        ctx.settings.check_base_url(&ctx.env)?;
        ctx.settings
            .base_url
            .value
            .trim_end_matches('/')
            .to_string()
    };
    let secret_shown = if ctx.settings.sandbox || ctx.settings.secret.is_some() {
        "***"
    } else {
        "<not set>"
    };
    let mut requests = Vec::new();
    for input in inputs {
        let field = match &input.value {
            MediaInput::Url(u) => Media::Text(u.clone()),
            MediaInput::File(file) if mode == MediaMode::Upload => {
                let body = media::upload_body(file, input.kind);
                requests.push(describe(
                    "/v1/files/upload",
                    &base,
                    secret_shown,
                    None,
                    &body,
                )?);
                Media::Text(format!(
                    "<file_url returned by the upload of {}>",
                    file.file_name
                ))
            }
            MediaInput::File(file) => Media::File {
                file: LocalFile::clone(file),
                mode,
            },
        };
        set_field(request, input.kind, field);
    }
    requests.push(describe(
        "/v1/agent/generate",
        &base,
        secret_shown,
        Some(key),
        &request.body(),
    )?);
    if ctx.out.json {
        ctx.out
            .json_line(&json!({"schema_version": 1, "dry_run": true, "requests": requests}))?;
    } else {
        let mut text = String::new();
        for r in &requests {
            text.push_str(&format!(
                "{} {}\n",
                r["method"].as_str().unwrap_or(""),
                r["url"].as_str().unwrap_or("")
            ));
            if let Some(headers) = r["headers"].as_object() {
                for (k, v) in headers {
                    text.push_str(&format!("{k}: {}\n", v.as_str().unwrap_or("")));
                }
            }
            text.push('\n');
            text.push_str(&serde_json::to_string_pretty(&r["body"]).unwrap_or_default());
            text.push_str("\n\n");
        }
        ctx.out.data(text.trim_end())?;
        ctx.out.note("(dry run: nothing was sent)");
    }
    Ok(code::OK)
}

fn describe(
    path: &str,
    base: &str,
    secret: &str,
    key: Option<&str>,
    body: &StreamBody,
) -> Result<Value, CliError> {
    let text = body.describe().map_err(|e| {
        CliError::new(
            code::NO_INPUT,
            "NOT_FOUND_LOCAL_FILE",
            format!("cannot read an input file: {e}"),
        )
    })?;
    let parsed: Value = serde_json::from_str(&text).unwrap_or(Value::String(text));
    let mut headers = Map::new();
    headers.insert("api-secret".into(), Value::from(secret));
    headers.insert("content-type".into(), Value::from("application/json"));
    headers.insert(
        "content-length".into(),
        Value::from(body.content_length().to_string()),
    );
    if let Some(k) = key {
        headers.insert("idempotency-key".into(), Value::from(k));
    }
    headers.insert(
        "user-agent".into(),
        Value::from(format!("bithuman-cli/{}", env!("CARGO_PKG_VERSION"))),
    );
    Ok(
        json!({"method": "POST", "url": format!("{base}{path}"), "headers": headers, "body": parsed}),
    )
}
