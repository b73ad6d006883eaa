//! `bithuman open ID|FILE` and `--web` (SPEC §18): an agent's page, a
//! video's file or a downloaded file, handed to the platform's opener.
//!
//! `BITHUMAN_OPENER` names the program to use instead (tests, headless
//! machines, a preferred browser). Without it, the platform's opener runs
//! only on a terminal: a script or CI job gets the URL or path printed and
//! no browser started behind its back.

use super::Ctx;
use super::args::OpenArgs;
use super::exit::{CliError, Kind, code};
use super::text::shown;
use bithuman::{Job, JobKind, Record};
use serde::Serialize;
use std::path::Path;

/// `open --json`.
#[derive(Serialize)]
struct Opened<'a> {
    target: &'a str,
    opened: bool,
}

pub fn run(ctx: &mut Ctx, a: OpenArgs) -> Result<u8, CliError> {
    let target = if Path::new(&a.target).is_file() {
        a.target.clone()
    } else if a.video {
        let job = Job::video(&a.target);
        let record = ctx.client()?.job_status(&job)?;
        target_of(&job, &record).ok_or_else(|| {
            CliError::new(
                Kind::BadInput,
                format!(
                    "video {} has no file yet ({})",
                    shown(&a.target),
                    shown(record.status())
                ),
            )
            .with_hint(format!(
                "wait for it: bithuman video wait {}",
                super::text::shell_word(&a.target)
            ))
        })?
    } else {
        // An agent's page needs no request: its address is its id.
        bithuman::client::validate_agent_id(&a.target)?;
        Record::viewer_url(&a.target)
    };
    let opened = launch(ctx, &target)?;
    if ctx.out.json {
        ctx.out.emit(&Opened {
            target: &target,
            opened,
        })?;
    } else {
        ctx.out.data(&shown(&target))?;
    }
    Ok(code::OK)
}

/// What `--web` opens for a job's record: an agent's page, a video's file.
pub fn target_of(job: &Job, record: &Record) -> Option<String> {
    match job.kind {
        JobKind::Video => record
            .fields()
            .get("video_url")
            .and_then(serde_json::Value::as_str)
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .map(str::to_string),
        _ => Some(Record::viewer_url(&job.id)),
    }
}

/// `--web` after a command: opens the job's page or file, or says where it
/// is when no opener may run.
pub fn web(ctx: &Ctx, job: &Job, record: &Record) -> Result<(), CliError> {
    match target_of(job, record) {
        Some(target) => {
            if !launch(ctx, &target)? {
                ctx.out.note(&format!("Open it at: {}", shown(&target)));
            }
            Ok(())
        }
        None => {
            ctx.out
                .note(&format!("{}: nothing to open yet", shown(&job.id)));
            Ok(())
        }
    }
}

/// Hands `target` to `BITHUMAN_OPENER`, or to the platform's opener on a
/// terminal. False when neither may run (not a terminal, no override).
pub fn launch(ctx: &Ctx, target: &str) -> Result<bool, CliError> {
    if let Some(opener) = &ctx.settings.opener {
        let status = std::process::Command::new(opener)
            .arg(target)
            .stdin(std::process::Stdio::null())
            .status()
            .map_err(|e| {
                CliError::new(
                    Kind::Other,
                    format!("cannot run BITHUMAN_OPENER ({}): {e}", shown(opener)),
                )
            })?;
        if !status.success() {
            return Err(CliError::new(
                Kind::Other,
                format!("BITHUMAN_OPENER ({}) failed: {status}", shown(opener)),
            ));
        }
        return Ok(true);
    }
    if !ctx.settings.interactive {
        return Ok(false);
    }
    open::that_detached(target)
        .map(|()| true)
        .map_err(|e| CliError::new(Kind::Other, format!("cannot open {}: {e}", shown(target))))
}
