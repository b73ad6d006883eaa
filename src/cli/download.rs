//! `bithuman download`: ask the API for the model's URL, then stream the
//! file (without the secret) into a temporary file next to the target,
//! fsync, and rename it into place. A partial file never has the final name.

use super::args::DownloadArgs;
use super::exit::{CliError, code, from_lib};
use super::interrupt::{self, Phase};
use super::output::byte_bar;
use super::settings::parse_duration;
use super::wait::validate_ids;
use super::Ctx;
use bithuman::http::Tries;
use bithuman::{Client, DownloadInfo, Error};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// How long `download` keeps asking while the file is being published.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10 * 60);

pub fn run(ctx: &mut Ctx, a: DownloadArgs) -> Result<u8, CliError> {
    validate_ids(std::slice::from_ref(&a.id))?;
    let timeout = match &a.timeout {
        Some(t) => parse_duration(t).map_err(|e| CliError::usage(format!("--timeout: {e}")))?,
        None => DEFAULT_TIMEOUT,
    };
    // An explicit file target that exists is refused before any request.
    if let Some(out) = &a.output {
        if !a.force && out.as_os_str() != "-" && !is_dir_target(out) && out.exists() {
            return Err(exists(out));
        }
    }
    let client = ctx.client(true)?;
    let saved = fetch_within(ctx, &client, &a.id, a.model.as_deref(), a.output.as_deref(), a.force, timeout)?;
    if saved.as_os_str() != "-" {
        if ctx.out.json {
            ctx.out.json_line(&serde_json::json!({"schema_version": 1, "agent_id": a.id, "model_path": saved.display().to_string()}))?;
        } else {
            ctx.out.data(&saved.display().to_string())?;
        }
    }
    Ok(code::OK)
}

/// Downloads with the default publish deadline (used by `generate --download`).
pub fn fetch(ctx: &Ctx, client: &Client, id: &str, model: Option<&str>, output: Option<&Path>, force: bool) -> Result<PathBuf, CliError> {
    fetch_within(ctx, client, id, model, output, force, DEFAULT_TIMEOUT)
}

fn fetch_within(
    ctx: &Ctx,
    client: &Client,
    id: &str,
    model: Option<&str>,
    output: Option<&Path>,
    force: bool,
    timeout: Duration,
) -> Result<PathBuf, CliError> {
    let info = model_url(ctx, client, id, model, Instant::now() + timeout)?;
    let file_name = safe_file_name(&info, id);
    let target = match output {
        Some(p) if p.as_os_str() == "-" => {
            stream_to_stdout(ctx, client, &info)?;
            return Ok(PathBuf::from("-"));
        }
        Some(p) if is_dir_target(p) => {
            std::fs::create_dir_all(p).map_err(|e| CliError::new(code::FAILURE, "IO_ERROR", format!("cannot create directory {}: {e}", p.display())))?;
            p.join(&file_name)
        }
        Some(p) => p.to_path_buf(),
        None => PathBuf::from(&file_name),
    };
    if target.exists() && !force {
        return Err(exists(&target));
    }
    interrupt::set(Phase::Cancellable {
        message: format!("Download interrupted; nothing was saved. The file is at: {}", info.url),
    });
    let result = save(ctx, client, &info, &target, force);
    interrupt::set(Phase::Idle);
    result.map_err(|mut err| {
        if err.exit != code::INTERRUPTED {
            err.hint = Some(format!("no file was saved; retry with: bithuman download {id}, or fetch it yourself: {}", info.url));
        }
        err
    })?;
    Ok(target)
}

/// Asks for the model's URL, retrying `404 MODEL_ARTIFACT_NOT_READY` until the deadline.
fn model_url(ctx: &Ctx, client: &Client, id: &str, model: Option<&str>, deadline: Instant) -> Result<DownloadInfo, CliError> {
    let mut told = false;
    loop {
        match client.download_info(id, model, Tries::Until(deadline)) {
            Ok(info) => return Ok(info),
            Err(Error::Api(e)) if e.has_code("MODEL_ARTIFACT_NOT_READY") => {
                if Instant::now() + Duration::from_secs(1) >= deadline {
                    return Err(CliError::new(code::TEMP_FAIL, "MODEL_ARTIFACT_NOT_READY", format!("the model file of {id} is not published yet")).with_hint(format!("try again shortly: bithuman download {id}")));
                }
                if !told {
                    ctx.out.note(&format!("The model file of {id} is not published yet; retrying…"));
                    told = true;
                }
                let pause = Duration::from_secs(2).min(deadline.saturating_duration_since(Instant::now()));
                client.http().sleep(pause).map_err(|e| from_lib(&e))?;
            }
            Err(Error::Api(e)) if e.has_code("MODEL_NOT_DOWNLOADABLE") => {
                return Err(CliError { message: format!("{id} has no downloadable model file: {e}"), ..from_lib(&Error::Api(e.clone())) }
                    .with_hint("expression-1 agents run in the cloud only; generate with --model essence-1 for a local .imx"));
            }
            Err(Error::Api(e)) if e.has_code("MODEL_NOT_GENERATED") => {
                return Err(CliError { message: format!("{id} has no {} model yet: {e}", model.unwrap_or("such")), ..from_lib(&Error::Api(e.clone())) }
                    .with_hint("choose another --model, or add this model to the agent first"));
            }
            Err(e) => return Err(from_lib(&e)),
        }
    }
}

fn save(ctx: &Ctx, client: &Client, info: &DownloadInfo, target: &Path, force: bool) -> Result<(), CliError> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let io_err = |what: &str, e: std::io::Error| CliError::new(code::FAILURE, "IO_ERROR", format!("{what}: {e}"));
    let mut tmp = tempfile::Builder::new()
        .prefix(".bithuman-download-")
        .tempfile_in(&dir)
        .map_err(|e| io_err(&format!("cannot write in {}", dir.display()), e))?;
    copy_body(ctx, client, info, tmp.as_file_mut())?;
    tmp.as_file().sync_all().map_err(|e| io_err("cannot flush the downloaded file", e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    if force {
        tmp.persist(target).map_err(|e| io_err(&format!("cannot save {}", target.display()), e.error))?;
    } else {
        tmp.persist_noclobber(target).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists { exists(target) } else { io_err(&format!("cannot save {}", target.display()), e.error) }
        })?;
    }
    Ok(())
}

fn stream_to_stdout(ctx: &Ctx, client: &Client, info: &DownloadInfo) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    copy_body(ctx, client, info, &mut lock)?;
    lock.flush().map_err(CliError::from)
}

/// Streams the file body into `sink`, with a progress bar on a terminal.
fn copy_body(ctx: &Ctx, client: &Client, info: &DownloadInfo, sink: &mut dyn Write) -> Result<(), CliError> {
    let mut response = client.http().open_file(&info.url, Some(client.http().config().request_timeout)).map_err(|e| from_lib(&e))?;
    let total = response.content_length();
    let bar = byte_bar(&ctx.out, total, "downloading");
    let mut buf = vec![0u8; 256 * 1024];
    let mut written: u64 = 0;
    loop {
        if ctx.cancel.load(Ordering::SeqCst) {
            return Err(CliError::new(code::INTERRUPTED, "INTERRUPTED", "download interrupted; nothing was saved"));
        }
        let n = match response.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(CliError::new(code::UNAVAILABLE, "DOWNLOAD_FAILED", format!("the download broke off after {written} bytes: {e}")));
            }
        };
        sink.write_all(&buf[..n]).map_err(CliError::from)?;
        written += n as u64;
        if let Some(bar) = &bar {
            bar.set_position(written);
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Some(t) = total {
        if written != t {
            return Err(CliError::new(code::UNAVAILABLE, "DOWNLOAD_FAILED", format!("the download broke off: got {written} of {t} bytes")));
        }
    }
    Ok(())
}

/// A target names a directory when it exists as one or ends with a slash.
fn is_dir_target(p: &Path) -> bool {
    p.is_dir() || p.as_os_str().to_string_lossy().ends_with(std::path::MAIN_SEPARATOR)
}

// The server's file name, reduced to a safe base name.
fn safe_file_name(info: &DownloadInfo, id: &str) -> String {
    let from_url = url::Url::parse(&info.url)
        .ok()
        .and_then(|u| u.path_segments().and_then(|mut s| s.next_back().map(str::to_string)))
        .and_then(|s| percent_encoding::percent_decode_str(&s).decode_utf8().ok().map(|c| c.into_owned()));
    let name = info.filename.clone().or(from_url).unwrap_or_default();
    let name: String = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    if name.is_empty() || name.starts_with('.') {
        format!("{id}.imx")
    } else {
        name
    }
}

fn exists(p: &Path) -> CliError {
    CliError::new(code::FAILURE, "FILE_EXISTS", format!("{} already exists", p.display())).with_hint("use --force to overwrite it, or -o to choose another path")
}
