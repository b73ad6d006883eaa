//! `bithuman video generate|status|wait|download`: talking videos, on the
//! same job engine as agents.

use super::Ctx;
use super::args::{VideoCommand, VideoDownloadArgs, VideoGenerateArgs, VideoWaitArgs};
use super::exit::{CliError, Kind, code, from_lib};
use super::submit::{self, Command, Flags};
use super::text::{shell_word, shown};
use super::wait;
use bithuman::blocking::Client;
use bithuman::download::{Destination, DownloadEvent};
use bithuman::media::{AudioLength, LocalFile, MediaInput, MediaKind};
use bithuman::video::{VideoInput, VideoRequest};
use bithuman::wait::WaitOutcome;
use bithuman::{Error, Job, JobKind};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// `video download --json`, and the MCP `download_video` result.
#[derive(Serialize)]
pub struct Downloaded<'a> {
    pub kind: &'static str,
    pub job_id: &'a str,
    pub video_path: String,
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

/// `video generate`'s part of the pipeline.
struct Render(VideoRequest);

fn generate(ctx: &mut Ctx, mut a: VideoGenerateArgs) -> Result<u8, CliError> {
    a.download = a.download.map(|p| submit::download_target(p, "mp4"));
    check(&a)?;
    let flags = Flags::resolve(ctx, &a.submit, a.download.take(), None)?;
    let request = video_request(ctx, &a)?;
    // A WAV whose header lies cannot be priced: refused under a cap, with why.
    if let (VideoInput::Audio(MediaInput::File(f)), Some(max)) = (&request.input, flags.max_credits)
    {
        unpriceable(f, max)?;
    }
    submit::run(ctx, &flags, &Render(request))
}

impl Command for Render {
    type Request = VideoRequest;

    fn request(&self) -> &VideoRequest {
        &self.0
    }

    fn refine(&self, e: &Error, err: CliError) -> CliError {
        if e.api()
            .is_some_and(|api| api.has_code("MODEL_NOT_GENERATED"))
        {
            // The one command that fixes it.
            return err.with_hint(format!(
                "add the model to the agent first: bithuman agent add-model {} --model {} --wait",
                shell_word(&self.0.agent),
                shell_word(&self.0.model)
            ));
        }
        err
    }

    fn pending(
        &self,
        ctx: &Ctx,
        _client: &Client,
        job: &Job,
        answer: &bithuman::Submitted,
        key: &str,
    ) -> Result<u8, CliError> {
        submit::print_pending(ctx, job, answer, key)
    }

    fn waiting(&self, ctx: &Ctx, job: &Job) -> String {
        format!(
            "Rendering video {}. Waiting; if you stop, resume with: {}",
            shown(&job.id),
            ctx.resume_command(std::slice::from_ref(job))
        )
    }

    fn save(
        &self,
        ctx: &Ctx,
        client: &Client,
        job: &Job,
        record: bithuman::Record,
        target: &Path,
        _extra: &[(&str, serde_json::Value)],
    ) -> Result<u8, CliError> {
        rendered(ctx, client, job, record, target)
    }
}

/// Usage errors first, before anything is read.
fn check(a: &VideoGenerateArgs) -> Result<(), CliError> {
    bithuman::client::validate_agent_id(&a.agent)?;
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

// A local WAV whose header lies or is absurd cannot be priced, so with
// `--max-credits` it is refused like any unpriceable job (exit 77), saying why.
fn unpriceable(f: &LocalFile, max: u64) -> Result<(), CliError> {
    match bithuman::media::audio_length(f) {
        AudioLength::Unusable(why) => Err(CliError::new(
            Kind::NoPermission,
            format!(
                "cannot price the video: {} {why}, so --max-credits {max} cannot be checked; nothing was sent",
                shown(&f.display)
            ),
        )
        .with_code("BUDGET_EXCEEDED")),
        _ => Ok(()),
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
        // Unlocked: a lock is not `Send`, and the download's future is.
        let mut stdout = std::io::stdout();
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
