//! Downloads: ask the API where an agent's model file is (waiting while it
//! is being published), then stream any file URL — without the secret —
//! into a temporary file beside the target, fsync it and rename it into
//! place, or into any [`Write`]. A partial file never has the final name.

use crate::client::{Client, DownloadInfo};
use crate::error::{Error, Result, TransferError};
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Tries of one file transfer (connection trouble, 5xx, a cut body): the
/// same five as every one-shot call (SPEC §7).
pub const FILE_TRIES: u32 = 5;

/// Longest pause between two "is the file published yet?" questions.
const MAX_PUBLISH_PAUSE: Duration = Duration::from_secs(10);

/// Where a download goes.
pub enum Destination<'a> {
    /// A path: a folder (it exists as one, or ends with `/`) gets the
    /// server's file name; anything else is the file itself.
    Path(PathBuf),
    /// Any writer (stdout, a buffer). No atomic save: on failure it may hold
    /// part of the file.
    Writer(&'a mut (dyn Write + Send)),
}

/// What a download reports while it runs.
#[derive(Debug)]
#[non_exhaustive]
pub enum DownloadEvent<'a> {
    /// The model file is not published yet; asking again (sent once).
    NotPublished,
    /// A transfer (try) started; `total` is the announced size.
    Started {
        /// `Content-Length`, when sent.
        total: Option<u64>,
    },
    /// Bytes received so far in this try.
    Progress(u64),
    /// A try failed and another follows after `delay`.
    Retrying {
        /// What went wrong.
        error: &'a Error,
        /// The pause before the next try.
        delay: Duration,
    },
}

/// How a download goes: which model's file, how long to wait for it to be
/// published, whether an existing file may be replaced.
///
/// ```
/// use std::time::{Duration, Instant};
/// let options = bithuman::DownloadOptions::new()
///     .deadline(Instant::now() + Duration::from_secs(600))
///     .overwrite(true);
/// assert!(options.overwrite);
/// ```
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct DownloadOptions {
    /// The model whose file to fetch (`?model=`), for an agent with several;
    /// `None`: the agent's own.
    pub model: Option<String>,
    /// When to stop waiting for a model file to be published; `None`: no
    /// deadline.
    pub deadline: Option<Instant>,
    /// Replace an existing file (otherwise it is refused).
    pub overwrite: bool,
}

impl DownloadOptions {
    /// The agent's own model, no deadline, no overwriting.
    pub fn new() -> Self {
        Self::default()
    }

    /// The file of `model`.
    pub fn model(mut self, model: impl Into<String>) -> Self {
        self.model = Some(model.into());
        self
    }

    /// Stops waiting for the file to be published at `deadline`.
    pub fn deadline(mut self, deadline: Instant) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// Replaces an existing file when `overwrite`.
    pub fn overwrite(mut self, overwrite: bool) -> Self {
        self.overwrite = overwrite;
        self
    }
}

/// A finished download.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Saved {
    /// The final path; `None` for a [`Destination::Writer`].
    pub path: Option<PathBuf>,
    /// The file URL it came from (may be signed: show it with care).
    pub url: String,
    /// Bytes written.
    pub bytes: u64,
}

impl Client {
    /// Asks for the model's file URL (`GET /v1/agent/{id}/model/download?redirect=false`),
    /// asking again while the server answers `404 MODEL_ARTIFACT_NOT_READY`
    /// until `options.deadline`. Other failures get the usual one-shot tries.
    pub async fn model_url(
        &self,
        id: &str,
        options: &DownloadOptions,
        mut on_event: impl FnMut(DownloadEvent<'_>),
    ) -> Result<DownloadInfo> {
        let (model, deadline) = (options.model.as_deref(), options.deadline);
        let mut told = false;
        // The file is published moments after `ready`: ask again soon, then less often.
        let mut pause = self
            .http()
            .config()
            .backoff_base
            .saturating_mul(5)
            .min(MAX_PUBLISH_PAUSE);
        loop {
            match self.download_info(id, model, self.one_shot()).await {
                Err(Error::Api(e)) if e.has_code("MODEL_ARTIFACT_NOT_READY") => {
                    let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
                    if left.is_some_and(|l| l <= pause / 2) {
                        return Err(Error::NotPublished { id: id.to_string() });
                    }
                    if !told {
                        on_event(DownloadEvent::NotPublished);
                        told = true;
                    }
                    self.http()
                        .sleep(left.map_or(pause, |l| pause.min(l)))
                        .await?;
                    pause = pause.saturating_mul(2).min(MAX_PUBLISH_PAUSE);
                }
                other => return other,
            }
        }
    }

    /// Downloads an agent's model file: [`Client::model_url`], then
    /// [`Client::download_file`] with the server's file name (or `<id>.imx`).
    ///
    /// ```no_run
    /// # async fn run(client: &bithuman::Client) -> Result<(), bithuman::Error> {
    /// use bithuman::{Destination, DownloadOptions};
    /// let saved = client
    ///     .download_model("A80HVD8577", Destination::Path("models/".into()), &DownloadOptions::new(), |_| {})
    ///     .await?;
    /// println!("{} bytes in {:?}", saved.bytes, saved.path);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn download_model(
        &self,
        id: &str,
        destination: Destination<'_>,
        options: &DownloadOptions,
        mut on_event: impl FnMut(DownloadEvent<'_>),
    ) -> Result<Saved> {
        let info = self.model_url(id, options, &mut on_event).await?;
        let name = safe_file_name(info.filename.as_deref(), &info.url, &format!("{id}.imx"));
        self.download_file(&info.url, &name, destination, options, on_event)
            .await
    }

    /// Downloads a file URL (no secret is sent; redirects are followed; only
    /// http(s)) into `destination`, retrying a broken transfer from the start
    /// up to [`FILE_TRIES`] times. `default_name` is the file name used when
    /// the destination is a folder. An existing file is refused unless
    /// `options.overwrite`; a device, FIFO or socket is written to as it is,
    /// never replaced. (`options.model` and `options.deadline` are not used.)
    pub async fn download_file(
        &self,
        url: &str,
        default_name: &str,
        destination: Destination<'_>,
        options: &DownloadOptions,
        mut on_event: impl FnMut(DownloadEvent<'_>),
    ) -> Result<Saved> {
        let force = options.overwrite;
        match destination {
            Destination::Writer(w) => {
                let bytes = self.transfer(url, w, None, &mut on_event).await?;
                w.flush()
                    .map_err(|e| Error::io("cannot write the download", e))?;
                Ok(Saved {
                    path: None,
                    url: url.to_string(),
                    bytes,
                })
            }
            Destination::Path(p) => {
                let target = resolve_target(&p, default_name);
                let bytes = match check_target(&target, force)? {
                    TargetKind::Special => self.save_special(url, &target, &mut on_event).await?,
                    TargetKind::Regular => {
                        self.save_atomic(url, &target, force, &mut on_event).await?
                    }
                };
                Ok(Saved {
                    path: Some(target),
                    url: url.to_string(),
                    bytes,
                })
            }
        }
    }

    async fn save_atomic(
        &self,
        url: &str,
        target: &Path,
        force: bool,
        on_event: &mut (impl FnMut(DownloadEvent<'_>) + ?Sized),
    ) -> Result<u64> {
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::io(format!("cannot create directory {}", dir.display()), e))?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".bithuman-download-")
            .tempfile_in(&dir)
            .map_err(|e| Error::io(format!("cannot write in {}", dir.display()), e))?;
        let _tracked = crate::temp::track(tmp.path());
        let mut restart = |f: &mut std::fs::File| -> std::io::Result<()> {
            f.set_len(0)?;
            f.rewind()
        };
        let bytes = self
            .transfer(url, tmp.as_file_mut(), Some(&mut restart), on_event)
            .await
            .map_err(|e| with_path(e, target))?;
        tmp.as_file()
            .sync_all()
            .map_err(|e| Error::io(format!("cannot write {}", target.display()), e))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // tempfile makes 0600 files; a model or video is not a secret.
            let _ = tmp
                .as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644));
        }
        let saved = if force {
            tmp.persist(target).map_err(|e| e.error)
        } else {
            tmp.persist_noclobber(target).map_err(|e| e.error)
        };
        saved.map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Error::TargetExists(target.to_path_buf())
            } else {
                Error::io(format!("cannot save {}", target.display()), e)
            }
        })?;
        // Make the rename itself durable.
        #[cfg(unix)]
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(bytes)
    }

    // `-o /dev/null`, a FIFO: written to as it is.
    async fn save_special(
        &self,
        url: &str,
        target: &Path,
        on_event: &mut (impl FnMut(DownloadEvent<'_>) + ?Sized),
    ) -> Result<u64> {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(target)
            .map_err(|e| Error::io(format!("cannot write {}", target.display()), e))?;
        self.transfer(url, &mut file, None, on_event)
            .await
            .map_err(|e| with_path(e, target))
    }

    /// Streams the file into `sink`, retrying transient failures. A retry
    /// starts over: only when `restart` can empty the sink, or nothing was
    /// written yet.
    async fn transfer<W: Write + ?Sized>(
        &self,
        url: &str,
        sink: &mut W,
        mut restart: Option<Restart<'_, W>>,
        on_event: &mut (impl FnMut(DownloadEvent<'_>) + ?Sized),
    ) -> Result<u64> {
        let config = self.http().config();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut written = 0;
            let err = match self.copy_once(url, sink, &mut written, on_event).await {
                Ok(()) => return Ok(written),
                Err(e) if !e.is_transient() => return Err(e),
                Err(e) => e,
            };
            if attempt >= FILE_TRIES || (written > 0 && restart.is_none()) {
                return Err(err);
            }
            if written > 0
                && let Some(restart) = restart.as_mut()
            {
                restart(sink).map_err(|e| Error::io("cannot restart the download", e))?;
            }
            let delay = config
                .backoff_base
                .saturating_mul(1 << (attempt - 1).min(10))
                .min(config.backoff_cap);
            on_event(DownloadEvent::Retrying { error: &err, delay });
            self.http().sleep(delay).await?;
        }
    }

    /// One try: open the URL (no secret) and copy its body.
    async fn copy_once<W: Write + ?Sized>(
        &self,
        url: &str,
        sink: &mut W,
        written: &mut u64,
        on_event: &mut (impl FnMut(DownloadEvent<'_>) + ?Sized),
    ) -> Result<()> {
        // The per-request timeout bounds the whole transfer, body included:
        // give big files time (an hour by default; tests shorten it).
        let timeout = self.http().config().request_timeout.saturating_mul(60);
        let mut body = self.http().open_file(url, Some(timeout)).await?;
        let total = body.total;
        on_event(DownloadEvent::Started { total });
        loop {
            if self.http().config().cancel.is_cancelled() {
                return Err(self.http().config().cancel.interrupted());
            }
            let chunk = match body.next_chunk().await {
                Ok(Some(c)) => c,
                Ok(None) => break,
                Err(e @ Error::Interrupted { .. }) => return Err(e),
                Err(e) => {
                    return Err(Error::Transfer(TransferError::new(
                        format!("after {written} bytes: {e}"),
                        Some(Box::new(e)),
                    )));
                }
            };
            sink.write_all(&chunk)
                .map_err(|e| Error::io("cannot write the download", e))?;
            *written += chunk.len() as u64;
            on_event(DownloadEvent::Progress(*written));
        }
        match total {
            Some(t) if *written != t => Err(Error::Transfer(TransferError::new(
                format!("got {written} of {t} bytes"),
                None,
            ))),
            _ => Ok(()),
        }
    }
}

/// Empties a sink so that a transfer can start over.
type Restart<'a, W> = &'a mut (dyn FnMut(&mut W) -> std::io::Result<()> + Send);

enum TargetKind {
    Regular,
    Special,
}

// An existing regular file is refused without `force`; a directory is
// refused (it cannot be replaced by a file); devices, FIFOs and sockets are
// written to as they are.
fn check_target(target: &Path, force: bool) -> Result<TargetKind> {
    match std::fs::metadata(target) {
        Err(_) => {
            // A dangling symlink: refuse before downloading anything.
            if std::fs::symlink_metadata(target).is_ok() && !force {
                return Err(Error::TargetExists(target.to_path_buf()));
            }
            Ok(TargetKind::Regular)
        }
        Ok(m) if m.is_file() => {
            if force {
                Ok(TargetKind::Regular)
            } else {
                Err(Error::TargetExists(target.to_path_buf()))
            }
        }
        Ok(m) if m.is_dir() => Err(Error::TargetExists(target.to_path_buf())),
        Ok(_) => Ok(TargetKind::Special),
    }
}

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
/// Refuses an existing regular-file target (unless `force`) before anything
/// is requested, so `generate --download` can check before paying.
pub fn precheck(path: &Path, force: bool) -> Result<()> {
    if is_dir_target(path) {
        return Ok(());
    }
    check_target(path, force).map(|_| ())
}

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
/// A target names a folder when it exists as one or ends with a slash.
pub fn is_dir_target(p: &Path) -> bool {
    let text = p.as_os_str().to_string_lossy();
    p.is_dir() || text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR)
}

fn resolve_target(p: &Path, default_name: &str) -> PathBuf {
    if p.as_os_str() == "." {
        PathBuf::from(default_name)
    } else if is_dir_target(p) {
        p.join(default_name)
    } else {
        p.to_path_buf()
    }
}

fn with_path(e: Error, target: &Path) -> Error {
    match e {
        Error::Io { context, source } if !context.contains(&target.display().to_string()) => {
            Error::Io {
                context: format!("{context} {}", target.display()),
                source,
            }
        }
        other => other,
    }
}

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
/// The server's file name (or the URL's last segment), reduced to a safe
/// base name: no directories, no control or bidi characters, no leading dot;
/// `fallback` when nothing usable is left.
pub fn safe_file_name(filename: Option<&str>, url: &str, fallback: &str) -> String {
    let from_url = url::Url::parse(url)
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
    let name = filename
        .map(str::to_string)
        .filter(|n| !n.trim().is_empty())
        .or(from_url)
        .unwrap_or_default();
    let name: String = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control() && !crate::sanitize::is_bidi_control(*c))
        .collect();
    let name = name.trim();
    if name.is_empty() || name.starts_with('.') {
        fallback.to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_base_names() {
        for (url, filename, want) in [
            ("https://x/m/A1.imx?sig=1", None, "A1.imx"),
            ("https://x/m/A1.imx", Some("../../etc/passwd"), "passwd"),
            ("https://x/m/%2E%2E", None, "A1.imx"),
            ("https://x/", Some(" "), "A1.imx"),
            ("https://x/a", Some(".bashrc"), "A1.imx"),
            ("https://x/a", Some("a\u{1b}[2Jb.imx"), "a[2Jb.imx"),
            ("https://x/a", Some("evil\u{202e}xmi.exe"), "evilxmi.exe"),
        ] {
            assert_eq!(
                safe_file_name(filename, url, "A1.imx"),
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

    #[test]
    fn special_files_are_written_not_replaced() {
        #[cfg(unix)]
        assert!(matches!(
            check_target(Path::new("/dev/null"), true),
            Ok(TargetKind::Special)
        ));
        let dir = tempfile::tempdir().expect("tmp");
        let f = dir.path().join("m.imx");
        std::fs::write(&f, b"x").expect("write");
        assert!(matches!(
            check_target(&f, false),
            Err(Error::TargetExists(_))
        ));
        assert!(matches!(check_target(&f, true), Ok(TargetKind::Regular)));
        assert!(matches!(
            check_target(dir.path(), true),
            Err(Error::TargetExists(_))
        ));
    }
}
