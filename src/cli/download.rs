//! `bithuman download`: ask the API for the model's URL, then stream the
//! file (without the secret) into a temporary file next to the target,
//! fsync, and rename it into place. A partial file never has the final name.

use super::Ctx;
use super::args::DownloadArgs;
use super::exit::{CliError, code, from_lib};
use super::interrupt::{self, Phase};
use super::output::byte_bar;
use super::settings::parse_duration;
use super::wait::validate_ids;
use bithuman::http::Tries;
use bithuman::{Client, DownloadInfo, Error};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long `download` keeps asking while the file is being published.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// Tries of the file transfer itself (connection trouble, 5xx, a cut body).
const FILE_TRIES: u32 = 5;

/// Longest pause between two "is the file published yet?" questions.
const MAX_PUBLISH_PAUSE: Duration = Duration::from_secs(10);

pub fn run(ctx: &mut Ctx, a: DownloadArgs) -> Result<u8, CliError> {
    validate_ids(std::slice::from_ref(&a.id))?;
    let timeout = match &a.timeout {
        Some(t) => parse_duration(t).map_err(|e| CliError::usage(format!("--timeout: {e}")))?,
        None => DEFAULT_TIMEOUT,
    };
    if a.model.as_deref().is_some_and(|m| m.trim().is_empty()) {
        return Err(CliError::usage("--model is empty"));
    }
    // An explicit file target that exists is refused before any request.
    if let Some(out) = &a.output {
        precheck(out, a.force)?;
        if out.as_os_str() == "-" && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            return Err(CliError::usage("refusing to write a binary model file to the terminal")
                .with_hint(format!("pipe or redirect it: bithuman download {} -o - > model.imx, or use -o PATH", a.id)));
        }
    }
    let client = ctx.client(true)?;
    // `--timeout 0` means no deadline, as for `wait`.
    let deadline = (!timeout.is_zero()).then(|| Instant::now() + timeout);
    let saved = fetch_until(
        ctx,
        &client,
        &a.id,
        a.model.as_deref(),
        a.output.as_deref(),
        a.force,
        deadline,
    )?;
    if saved.as_os_str() != "-" {
        if ctx.out.json {
            ctx.out.json_line(&serde_json::json!({"schema_version": 1, "agent_id": a.id, "model_path": saved.display().to_string()}))?;
        } else {
            ctx.out.data(&saved.display().to_string())?;
        }
    }
    Ok(code::OK)
}

/// Refuses an explicit file target that already exists (unless `force`),
/// before anything is requested. `generate --download` can call this before
/// creating the agent.
pub fn precheck(output: &Path, force: bool) -> Result<(), CliError> {
    if !force && output.as_os_str() != "-" && !is_dir_target(output) && output.exists() {
        return Err(exists(output));
    }
    Ok(())
}

/// Downloads with the default publish deadline (used by `generate --download`).
pub fn fetch(
    ctx: &Ctx,
    client: &Client,
    id: &str,
    model: Option<&str>,
    output: Option<&Path>,
    force: bool,
) -> Result<PathBuf, CliError> {
    fetch_until(
        ctx,
        client,
        id,
        model,
        output,
        force,
        Some(Instant::now() + DEFAULT_TIMEOUT),
    )
}

fn fetch_until(
    ctx: &Ctx,
    client: &Client,
    id: &str,
    model: Option<&str>,
    output: Option<&Path>,
    force: bool,
    deadline: Option<Instant>,
) -> Result<PathBuf, CliError> {
    let info = model_url(ctx, client, id, model, deadline)?;
    let file_name = safe_file_name(&info, id);
    let target = match output {
        Some(p) if p.as_os_str() == "-" => None,
        Some(p) if is_dir_target(p) => Some(p.join(&file_name)),
        Some(p) => Some(p.to_path_buf()),
        None => Some(PathBuf::from(&file_name)),
    };
    if let Some(t) = &target {
        if t.exists() && !force {
            return Err(exists(t));
        }
    }
    interrupt::set(Phase::Cancellable {
        message: format!(
            "Download interrupted; nothing was saved. The file is at: {}",
            info.url
        ),
    });
    let result = match &target {
        Some(t) => save(ctx, client, &info, t, force),
        None => stream_to_stdout(ctx, client, &info),
    };
    interrupt::set(Phase::Idle);
    result.map_err(|mut err| {
        if err.exit != code::INTERRUPTED && err.code != "BROKEN_PIPE" {
            let saved = if target.is_some() {
                "no file was saved; "
            } else {
                ""
            };
            err.hint = Some(format!(
                "{saved}retry with: bithuman download {id}, or fetch the file yourself: {}",
                info.url
            ));
        }
        err
    })?;
    Ok(target.unwrap_or_else(|| PathBuf::from("-")))
}

/// Asks for the model's URL, retrying `404 MODEL_ARTIFACT_NOT_READY` until the deadline.
fn model_url(
    ctx: &Ctx,
    client: &Client,
    id: &str,
    model: Option<&str>,
    deadline: Option<Instant>,
) -> Result<DownloadInfo, CliError> {
    let mut told = false;
    // The file is published moments after `ready`: ask again soon, then less often.
    let mut pause = client
        .http()
        .config()
        .backoff_base
        .saturating_mul(5)
        .min(MAX_PUBLISH_PAUSE);
    let tries = deadline.map_or(Tries::Forever, Tries::Until);
    loop {
        match client.download_info(id, model, tries) {
            Ok(info) => return Ok(info),
            Err(Error::Api(e)) if e.has_code("MODEL_ARTIFACT_NOT_READY") => {
                let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
                if left.is_some_and(|l| l <= pause / 2) {
                    return Err(CliError::new(
                        code::TEMP_FAIL,
                        "MODEL_ARTIFACT_NOT_READY",
                        format!("the model file of {id} was still not published at the deadline"),
                    )
                    .with_hint(format!(
                        "try again shortly: bithuman download {id} (or give a longer --timeout)"
                    )));
                }
                if !told {
                    ctx.out.note(&format!(
                        "The model file of {id} is not published yet; retrying…"
                    ));
                    told = true;
                }
                client
                    .http()
                    .sleep(left.map_or(pause, |l| pause.min(l)))
                    .map_err(|e| from_lib(&e))?;
                pause = pause.saturating_mul(2).min(MAX_PUBLISH_PAUSE);
            }
            Err(Error::Api(e)) if e.has_code("MODEL_NOT_DOWNLOADABLE") => {
                return Err(CliError { message: format!("{id} has no downloadable model file: {e}"), ..from_lib(&Error::Api(e.clone())) }
                    .with_hint("expression-1 agents render in the cloud only and have no .imx; generate with --model essence-1 to get a downloadable model"));
            }
            Err(Error::Api(e)) if e.has_code("MODEL_NOT_GENERATED") => {
                let which = model.map_or_else(|| "downloadable".to_string(), |m| format!("{m:?}"));
                return Err(CliError {
                    message: format!("{id} has no {which} model: {e}"),
                    ..from_lib(&Error::Api(e.clone()))
                }
                .with_hint(
                    "choose another --model, or check the agent with: bithuman status ".to_string()
                        + id,
                ));
            }
            Err(e) => {
                let mut err = from_lib(&e);
                if !err.message.contains(id) {
                    err.message = format!("{id}: {}", err.message);
                }
                return Err(err);
            }
        }
    }
}

fn save(
    ctx: &Ctx,
    client: &Client,
    info: &DownloadInfo,
    target: &Path,
    force: bool,
) -> Result<(), CliError> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let io_err = |what: &str, e: std::io::Error| {
        CliError::new(code::FAILURE, "IO_ERROR", format!("{what}: {e}"))
    };
    std::fs::create_dir_all(&dir)
        .map_err(|e| io_err(&format!("cannot create directory {}", dir.display()), e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".bithuman-download-")
        .tempfile_in(&dir)
        .map_err(|e| io_err(&format!("cannot write in {}", dir.display()), e))?;
    {
        let file = tmp.as_file_mut();
        let mut restart = |f: &mut std::fs::File| -> std::io::Result<()> {
            f.set_len(0)?;
            f.rewind()
        };
        transfer(ctx, client, info, file, Some(&mut restart))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| io_err("cannot flush the downloaded file", e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // tempfile makes 0600 files; a model file is not a secret.
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    if force {
        tmp.persist(target)
            .map_err(|e| io_err(&format!("cannot save {}", target.display()), e.error))?;
    } else {
        tmp.persist_noclobber(target).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                exists(target)
            } else {
                io_err(&format!("cannot save {}", target.display()), e.error)
            }
        })?;
    }
    // Make the rename itself durable.
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn stream_to_stdout(ctx: &Ctx, client: &Client, info: &DownloadInfo) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    transfer::<std::io::StdoutLock<'_>>(ctx, client, info, &mut lock, None)?;
    lock.flush().map_err(CliError::from)
}

/// Empties a sink so that a transfer can start over.
type Restart<'a, W> = &'a mut dyn FnMut(&mut W) -> std::io::Result<()>;

/// Why one try of the transfer failed.
enum Failure {
    /// Worth another try (network, 5xx/429, a body cut short).
    Transient(CliError),
    /// Not (disk full, 4xx, Ctrl-C).
    Fatal(CliError),
}

/// Streams the file into `sink`, retrying transient failures. A retry starts
/// over: only when `restart` can empty the sink, or nothing was written yet.
fn transfer<W: Write>(
    ctx: &Ctx,
    client: &Client,
    info: &DownloadInfo,
    sink: &mut W,
    mut restart: Option<Restart<'_, W>>,
) -> Result<(), CliError> {
    let config = client.http().config();
    let mut attempt = 0;
    loop {
        attempt += 1;
        let mut written = 0;
        let err = match copy_once(ctx, client, info, sink, &mut written) {
            Ok(()) => return Ok(()),
            Err(Failure::Fatal(e)) => return Err(e),
            Err(Failure::Transient(e)) => e,
        };
        if attempt >= FILE_TRIES || (written > 0 && restart.is_none()) {
            return Err(err);
        }
        if written > 0 {
            if let Some(restart) = restart.as_mut() {
                restart(sink).map_err(|e| {
                    CliError::new(
                        code::FAILURE,
                        "IO_ERROR",
                        format!("cannot restart the download: {e}"),
                    )
                })?;
            }
        }
        let delay = config
            .backoff_base
            .saturating_mul(1 << (attempt - 1).min(10))
            .min(config.backoff_cap);
        ctx.out.note(&format!(
            "{}; retrying in {:.1}s…",
            err.message,
            delay.as_secs_f64()
        ));
        client.http().sleep(delay).map_err(|e| from_lib(&e))?;
    }
}

/// One try: open the URL (no secret) and copy its body, with a progress bar on a terminal.
fn copy_once<W: Write>(
    ctx: &Ctx,
    client: &Client,
    info: &DownloadInfo,
    sink: &mut W,
    written: &mut u64,
) -> Result<(), Failure> {
    // The per-request timeout bounds the whole transfer, body included: give
    // big models time (the default is an hour; tests shorten it).
    let timeout = client.http().config().request_timeout.saturating_mul(60);
    let mut response = client
        .http()
        .open_file(&info.url, Some(timeout))
        .map_err(|e| {
            let transient = e.is_transient();
            let mut err = from_lib(&e);
            // The file host is not the API: its 401/403/404 say nothing about the secret or the agent.
            if let Error::Api(api) = &e {
                err.exit = if transient {
                    code::UNAVAILABLE
                } else {
                    code::FAILURE
                };
                err.code = "DOWNLOAD_FAILED".into();
                err.message = format!("the file host answered: {api}");
            }
            if transient {
                Failure::Transient(err)
            } else {
                Failure::Fatal(err)
            }
        })?;
    let total = response.content_length();
    let bar = byte_bar(&ctx.out, total, "downloading");
    let mut buf = vec![0u8; 256 * 1024];
    let broke_off = |detail: String| {
        Failure::Transient(CliError::new(code::UNAVAILABLE, "DOWNLOAD_FAILED", detail))
    };
    loop {
        if ctx.cancel.is_cancelled() {
            return Err(Failure::Fatal(CliError::new(
                code::INTERRUPTED,
                "INTERRUPTED",
                "download interrupted; nothing was saved",
            )));
        }
        let n = match response.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(broke_off(format!(
                    "the download broke off after {written} bytes: {e}"
                )));
            }
        };
        sink.write_all(&buf[..n])
            .map_err(|e| Failure::Fatal(CliError::from(e)))?;
        *written += n as u64;
        if let Some(bar) = &bar {
            bar.set_position(*written);
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    match total {
        Some(t) if *written != t => Err(broke_off(format!(
            "the download broke off: got {written} of {t} bytes"
        ))),
        _ => Ok(()),
    }
}

/// A target names a directory when it exists as one or ends with a slash.
fn is_dir_target(p: &Path) -> bool {
    let text = p.as_os_str().to_string_lossy();
    p.is_dir() || text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR)
}

// The server's file name, reduced to a safe base name.
fn safe_file_name(info: &DownloadInfo, id: &str) -> String {
    let from_url = url::Url::parse(&info.url)
        .ok()
        .and_then(|u| {
            u.path_segments()
                .and_then(|mut s| s.next_back().map(str::to_string))
        })
        .and_then(|s| {
            percent_encoding::percent_decode_str(&s)
                .decode_utf8()
                .ok()
                .map(|c| c.into_owned())
        });
    let name = info
        .filename
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or(from_url)
        .unwrap_or_default();
    let name: String = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let name = name.trim();
    if name.is_empty() || name.starts_with('.') {
        format!("{id}.imx")
    } else {
        name.to_string()
    }
}

fn exists(p: &Path) -> CliError {
    CliError::new(
        code::FAILURE,
        "FILE_EXISTS",
        format!("{} already exists; nothing was downloaded", p.display()),
    )
    .with_hint("use --force to overwrite it, or -o to choose another path")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(url: &str, filename: Option<&str>) -> DownloadInfo {
        DownloadInfo {
            url: url.into(),
            filename: filename.map(str::to_string),
            model: None,
            expires_in: None,
        }
    }

    #[test]
    fn file_names_are_safe_base_names() {
        for (url, filename, want) in [
            ("https://x/m/A1.imx?sig=1", None, "A1.imx"),
            ("https://x/m/A1.imx", Some("../../etc/passwd"), "passwd"),
            ("https://x/m/%2E%2E", None, "A1.imx"),
            ("https://x/", Some(" "), "A1.imx"),
            ("https://x/a", Some(".bashrc"), "A1.imx"),
            ("https://x/a", Some("a\u{1b}[2Jb.imx"), "a[2Jb.imx"),
        ] {
            assert_eq!(
                safe_file_name(&info(url, filename), "A1"),
                want,
                "{url} {filename:?}"
            );
        }
    }

    #[test]
    fn dir_targets() {
        assert!(is_dir_target(Path::new("models/")));
        assert!(is_dir_target(Path::new(".")));
        assert!(!is_dir_target(Path::new("surely-missing-file.imx")));
    }
}
