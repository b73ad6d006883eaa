//! `bithuman video generate|status|wait|download`: talking videos, on the
//! same job engine as agents.

use super::Ctx;
use super::args::{VideoCommand, VideoDownloadArgs, VideoGenerateArgs, VideoWaitArgs};
use super::exit::{CliError, Kind, code, from_lib};
use super::interrupt::{self, Phase};
use super::submit;
use super::text::{shell_word, shown};
use super::wait;
use bithuman::blocking::Client;
use bithuman::download::{Destination, DownloadEvent};
use bithuman::generate::RequestPreview;
use bithuman::media::{AudioLength, LocalFile, MediaInput, MediaKind};
use bithuman::video::{VideoInput, VideoRequest};
use bithuman::wait::WaitOutcome;
use bithuman::{Error, Job, JobKind};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// `video download --json`.
#[derive(Serialize)]
struct Downloaded<'a> {
    kind: &'static str,
    job_id: &'a str,
    video_path: String,
}

pub fn run(ctx: &mut Ctx, command: VideoCommand) -> Result<u8, CliError> {
    match command {
        VideoCommand::Generate(a) => generate(ctx, a),
        VideoCommand::Status { jobs, web } => {
            ctx.web = web;
            let jobs: Vec<Job> = jobs.iter().map(|j| Job::video(j)).collect();
            wait::show(ctx, &jobs)
        }
        VideoCommand::Wait(a) => wait_cmd(ctx, a),
        VideoCommand::Download(a) => download(ctx, a),
    }
}

fn generate(ctx: &mut Ctx, mut a: VideoGenerateArgs) -> Result<u8, CliError> {
    a.download = a.download.map(|p| submit::download_target(p, "mp4"));
    check(&a)?;
    let key = submit::key(&a.submit)?;
    let options = ctx.wait_options(&a.submit.wait_flags, None)?;
    if let Some(target) = &a.download {
        bithuman::download::precheck(target, false).map_err(|e| {
            CliError::from(e)
                .with_hint("choose another --download path, or move the existing file away")
        })?;
    }
    let request = video_request(ctx, &a)?;
    let model = request.model.clone();
    // A local WAV's length is known: price its minutes, not the 2-minute maximum.
    let minutes = match &request.input {
        VideoInput::Audio(MediaInput::File(f)) => wav_minutes(f, a.submit.max_credits)?,
        _ => None,
    };
    let price = submit::budget(
        ctx,
        a.submit.max_credits,
        a.submit.dry_run,
        |p| p.video(&model, minutes),
        "video",
    )?;
    if a.submit.dry_run {
        return dry_run(ctx, &request, &key, price.as_ref(), a.submit.max_credits);
    }
    let client = ctx.client()?;
    let submitted = submit_video(ctx, &client, &request, &key)?;
    let job = Job::video(&submitted.id);
    if !a.submit.wait {
        return submit::print_pending(ctx, &job, &submitted, &key);
    }
    ctx.out.note(&format!(
        "Rendering video {}. Waiting; if you stop, resume with: {}",
        shown(&job.id),
        ctx.resume_command(std::slice::from_ref(&job))
    ));
    let mut exit = code::OK;
    wait::run(ctx, &client, &[job], &options, |ctx, job, outcome| {
        exit = match (outcome, &a.download) {
            (WaitOutcome::Ready(record), Some(target)) => {
                rendered(ctx, &client, job, record, target)?
            }
            (outcome, _) => wait::report(ctx, job, outcome, &[])?,
        };
        Ok(())
    })?;
    Ok(exit)
}

/// Usage errors first, before anything is read.
fn check(a: &VideoGenerateArgs) -> Result<(), CliError> {
    bithuman::client::validate_agent_id(&a.agent)?;
    submit::check_wait_flags(&a.submit)?;
    if a.download.as_deref().is_some_and(|p| p.as_os_str() == "-") {
        return Err(CliError::usage(
            "--download takes a directory or a file path; to stream the video to stdout use: bithuman video download <job> -o -",
        ));
    }
    let stdin_users = [a.text_file.as_deref(), a.audio.as_deref()]
        .iter()
        .filter(|v| **v == Some("-"))
        .count();
    if stdin_users > 1 {
        return Err(CliError::usage("only one input can be read from stdin"));
    }
    Ok(())
}

/// The request: the model, the script or audio read once, checked.
fn video_request(ctx: &Ctx, a: &VideoGenerateArgs) -> Result<VideoRequest, CliError> {
    let model = match &a.model {
        Some(m) => m.clone(),
        None => {
            submit::configured_model(&ctx.settings.video_model, &bithuman::models::VIDEO_MODELS)?
        }
    };
    let input = match (&a.text, &a.text_file, &a.audio) {
        (Some(t), _, _) => VideoInput::Text {
            text: t.clone(),
            voice: a.voice.clone(),
        },
        (None, Some(path), _) => VideoInput::Text {
            text: submit::read_text(path, "text")?,
            voice: a.voice.clone(),
        },
        (None, None, Some(audio)) => VideoInput::Audio(submit::media_input(
            audio,
            MediaKind::Audio,
            a.no_preflight,
        )?),
        (None, None, None) => return Err(CliError::usage("give --text, --text-file or --audio")),
    };
    let request = VideoRequest {
        agent: a.agent.clone(),
        model,
        input,
    };
    request
        .check()
        .map_err(|why| CliError::new(Kind::BadInput, format!("{why}; nothing was sent")))?;
    Ok(request)
}

/// `--dry-run`: the upload (for a local audio file) and the submit, unsent.
fn dry_run(
    ctx: &Ctx,
    request: &VideoRequest,
    key: &str,
    price: Option<&bithuman::Price>,
    max_credits: Option<u64>,
) -> Result<u8, CliError> {
    let (base, secret) = submit::dry_run_target(ctx)?;
    let mut requests = Vec::new();
    if let VideoInput::Audio(MediaInput::File(f)) = &request.input {
        requests.push(RequestPreview::upload(&base, secret, f, MediaKind::Audio)?);
    }
    requests.push(RequestPreview::json(
        &base,
        "/v1/video/generate",
        secret,
        Some(key),
        &request.preview_body(),
    ));
    submit::print_dry_run(ctx, &requests, price, max_credits)
}

/// The upload and the billed POST, with the interrupt phase around it.
fn submit_video(
    ctx: &Ctx,
    client: &bithuman::blocking::Client,
    request: &VideoRequest,
    key: &str,
) -> Result<bithuman::Submitted, CliError> {
    if let VideoInput::Audio(MediaInput::File(f)) = &request.input {
        ctx.out.note(&format!(
            "Uploading {} ({})…",
            shown(&f.display),
            bithuman::media::human_size(f.len)
        ));
    }
    interrupt::set(Phase::Creating {
        message: ctx.out.error_text(&interrupted_submit("video", key)),
    });
    let submitted = client.create_video(request, key);
    interrupt::set(Phase::Idle);
    submitted.map_err(|e| {
        let err = submit_error(&e, "video", key);
        if e.api()
            .is_some_and(|api| api.has_code("MODEL_NOT_GENERATED"))
        {
            // The one command that fixes it.
            return err.with_hint(format!(
                "add the model to the agent first: bithuman agent add-model {} --model {} --wait",
                shell_word(&request.agent),
                shell_word(&request.model)
            ));
        }
        err
    })
}

/// A rendered video with `--download`: saved, then reported with its path;
/// a failed download after a paid render is reported beside the record.
fn rendered(
    ctx: &Ctx,
    client: &bithuman::blocking::Client,
    job: &Job,
    record: bithuman::Record,
    target: &std::path::Path,
) -> Result<u8, CliError> {
    match save(ctx, client, &job.id, target, false) {
        Ok(path) => {
            let shown_path = path.display().to_string();
            let code = wait::report(
                ctx,
                job,
                WaitOutcome::Ready(record),
                &[("video_path", serde_json::Value::from(shown_path.as_str()))],
            )?;
            if !ctx.out.json {
                ctx.out.data(&shown_path)?;
            }
            Ok(code)
        }
        Err(err) => {
            wait::report(ctx, job, WaitOutcome::Ready(record), &[])?;
            let err = CliError {
                message: format!(
                    "video {} is rendered, but downloading it failed: {}",
                    shown(&job.id),
                    err.message
                ),
                ..err
            };
            ctx.out.error(&err);
            Ok(err.exit_code())
        }
    }
}

// The billed minutes of a local WAV (`None`: not a WAV, priced at the
// maximum). A WAV whose header lies or is absurd cannot be priced, so with
// `--max-credits` it is refused like any unpriceable job (exit 77).
fn wav_minutes(f: &LocalFile, max_credits: Option<u64>) -> Result<Option<u64>, CliError> {
    match bithuman::media::audio_length(f) {
        AudioLength::Known(d) => Ok(Some(bithuman::account::billed_minutes(d))),
        AudioLength::Unusable(why) => match max_credits {
            Some(max) => Err(CliError::new(
                Kind::NoPermission,
                format!(
                    "cannot price the video: {} {why}, so --max-credits {max} cannot be checked; nothing was sent",
                    shown(&f.display)
                ),
            )
            .with_code("BUDGET_EXCEEDED")),
            None => Ok(None),
        },
        _ => Ok(None),
    }
}

fn wait_cmd(ctx: &mut Ctx, a: VideoWaitArgs) -> Result<u8, CliError> {
    let jobs = if a.last {
        vec![ctx.last_job(JobKind::Video)?]
    } else {
        a.jobs.iter().map(|j| Job::video(j)).collect()
    };
    let options = ctx.wait_options(&a.wait_flags, None)?;
    wait::wait_for(ctx, &jobs, &options)
}

fn download(ctx: &mut Ctx, a: VideoDownloadArgs) -> Result<u8, CliError> {
    bithuman::client::validate_agent_id(&a.job)?;
    let output = a.output.clone().unwrap_or_else(|| PathBuf::from("."));
    let to_stdout = output.as_os_str() == "-";
    if to_stdout && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(
            CliError::usage("refusing to write a binary video to the terminal").with_hint(format!(
                "pipe or redirect it: bithuman video download {} -o - > video.mp4",
                shell_word(&a.job)
            )),
        );
    }
    if !to_stdout {
        bithuman::download::precheck(&output, a.force)?;
    }
    let client = ctx.client()?;
    let path = save(ctx, &client, &a.job, &output, a.force)?;
    if !to_stdout {
        let shown_path = path.display().to_string();
        if ctx.out.json {
            ctx.out.emit(&Downloaded {
                kind: "video",
                job_id: &a.job,
                video_path: shown_path,
            })?;
        } else {
            ctx.out.data(&shown_path)?;
        }
    }
    Ok(code::OK)
}

/// Downloads the mp4 of `job` to `output` (`-` = stdout) with a progress
/// bar on a terminal; returns the saved path.
fn save(
    ctx: &Ctx,
    client: &Client,
    job: &str,
    output: &Path,
    force: bool,
) -> Result<PathBuf, CliError> {
    let mut display = super::download::Display::new(ctx, None);
    let mut on_event = |event: DownloadEvent<'_>| display.on(event);
    let options = bithuman::DownloadOptions::new().overwrite(force);
    let result = if output.as_os_str() == "-" {
        let mut stdout = std::io::stdout().lock();
        client.download_video(
            job,
            Destination::Writer(&mut stdout),
            &options,
            &mut on_event,
        )
    } else {
        client.download_video(
            job,
            Destination::Path(output.to_path_buf()),
            &options,
            &mut on_event,
        )
    };
    display.finish();
    result
        .map(|saved| saved.path.unwrap_or_else(|| PathBuf::from("-")))
        .map_err(|e| {
            let mut err = from_lib(&e);
            if matches!(
                e,
                Error::FileHost(_) | Error::Transfer(_) | Error::Interrupted { .. }
            ) {
                err.hint = Some(format!(
                    "nothing was saved; download it again with: bithuman video download {}",
                    shell_word(job)
                ));
            }
            err
        })
}

/// The error for a signal during a billed POST: the job may or may not
/// exist; `wait --last` (or the same key) finds out without paying twice.
pub fn interrupted_submit(what: &str, key: &str) -> CliError {
    CliError::new(
        Kind::Interrupted,
        format!("interrupted while submitting the {what}: it may or may not have been created"),
    )
    .with_hint(format!(
        "find out with: bithuman {}wait --last (it re-sends the request with the same idempotency key {}; nothing is billed twice)",
        if what == "video" { "video " } else { "" },
        shell_word(key)
    ))
}

/// A failed submit: the server's refusals of the input are bad input (65);
/// a transient failure may have created the job.
pub fn submit_error(e: &Error, what: &str, key: &str) -> CliError {
    if matches!(e, Error::Interrupted { .. }) {
        return interrupted_submit(what, key);
    }
    let mut err = from_lib(e);
    if let Some(api) = e.api() {
        if e.is_transient() && api.status != 429 {
            err = err.with_hint(format!(
                "the {what} may have been created; re-run with --idempotency-key {} to find out without paying twice",
                shell_word(key)
            ));
        }
    } else if e.is_transient() && !matches!(e, Error::Upload { .. }) {
        err = err.with_hint(format!(
            "the {what} may have been created; re-run with --idempotency-key {} to find out without paying twice",
            shell_word(key)
        ));
    }
    err
}
