//! Local files: resolving a path or spooling stdin, sniffing the type, hashing.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::detect::{self, Detected, detect};
use super::{MediaError, MediaKind};

/// Buffer size for plain file reads (hashing, spooling).
const IO_BUF: usize = 256 * 1024;

/// A spooled copy of stdin: deleted on drop, listed for signal handlers meanwhile.
#[derive(Debug)]
struct Spool {
    _path: tempfile::TempPath,
    _tracked: crate::temp::Tracked,
}

/// A local file that passed resolution: it exists, is a regular file and can
/// be opened. Standard input is spooled to a temp file, kept alive as long as
/// any clone of this value.
#[derive(Clone, Debug)]
pub struct LocalFile {
    /// Where to read the bytes (the spool file for stdin).
    pub path: PathBuf,
    /// What the user typed, or `"stdin"`.
    pub display: String,
    /// Base name (no directories), sent as the upload's `file_name`. For stdin,
    /// `stdin.<ext>` with the extension of the detected type (plain `stdin` when
    /// nothing was recognised).
    pub file_name: String,
    /// Size in bytes at resolution time.
    pub len: u64,
    /// The type sniffed from the first bytes; `None` for an empty file or
    /// unrecognised binary data.
    pub detected: Option<Detected>,
    // Held only so the spool file is deleted when the last clone is dropped.
    _spool: Option<Arc<Spool>>,
}

impl LocalFile {
    /// Resolves a local path (no URL or stdin handling): exists, regular, readable.
    pub fn open(path: impl AsRef<Path>) -> Result<LocalFile, MediaError> {
        let path = path.as_ref();
        let display = path.display().to_string();
        let not_found = |reason: String| MediaError::NotFound {
            path: display.clone(),
            reason,
        };
        let meta = std::fs::metadata(path).map_err(|e| open_error(&display, e))?;
        if meta.is_dir() {
            return Err(not_found("is a directory".into()));
        }
        if !meta.is_file() {
            return Err(not_found("is not a regular file".into()));
        }
        let mut f = File::open(path).map_err(|e| open_error(&display, e))?;
        let (sample, truncated) = read_sample(&mut f).map_err(|source| MediaError::Io {
            path: display.clone(),
            source,
        })?;
        let file_name = path
            .file_name()
            .map_or_else(|| display.clone(), |n| n.to_string_lossy().into_owned());
        Ok(LocalFile {
            path: path.to_path_buf(),
            display,
            file_name,
            len: meta.len(),
            detected: detect(&sample, truncated),
            _spool: None,
        })
    }

    /// Reads all of `input` into a temp spool file, so its length is known up
    /// front and it can be read again for retries.
    pub fn spool(input: &mut dyn Read, kind: MediaKind) -> Result<LocalFile, MediaError> {
        let io_err = |source| MediaError::Io {
            path: "stdin".into(),
            source,
        };
        let mut tmp = tempfile::NamedTempFile::new().map_err(io_err)?;
        let tracked = crate::temp::track(tmp.path());
        let mut buf = vec![0u8; IO_BUF];
        let mut sample = Vec::with_capacity(detect::SNIFF_LEN);
        let mut len = 0u64;
        loop {
            let n = match input.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(io_err(e)),
            };
            if sample.len() < detect::SNIFF_LEN {
                let take = n.min(detect::SNIFF_LEN - sample.len());
                sample.extend_from_slice(&buf[..take]);
            }
            tmp.write_all(&buf[..n]).map_err(io_err)?;
            len += n as u64;
            // Stop at the cap while spooling: an endless stdin must not fill the disk.
            if len > kind.cap_bytes() {
                return Err(MediaError::Invalid {
                    path: "stdin".into(),
                    reason: format!(
                        "is over the API's {} MB limit for {kind}",
                        kind.cap_bytes() / 1_000_000
                    ),
                });
            }
        }
        tmp.flush().map_err(io_err)?;
        let detected = detect(&sample, len > sample.len() as u64);
        let file_name = match &detected {
            // An audio-only MP4 is named .m4a, which the upload endpoint files as audio.
            Some(d) if kind == MediaKind::Audio && d.extension == "mp4" => "stdin.m4a".into(),
            Some(d) => format!("stdin.{}", d.extension),
            None => "stdin".into(),
        };
        let spool = tmp.into_temp_path();
        Ok(LocalFile {
            path: spool.to_path_buf(),
            display: "stdin".into(),
            file_name,
            len,
            detected,
            _spool: Some(Arc::new(Spool {
                _path: spool,
                _tracked: tracked,
            })),
        })
    }

    /// The SHA-256 of the file's bytes, hex-encoded (read in full on each call).
    pub fn sha256_hex(&self) -> io::Result<String> {
        let mut f = File::open(&self.path)?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; IO_BUF];
        loop {
            match f.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => hasher.update(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(hex::encode(hasher.finalize()))
    }

    /// The detected MIME type, else the one for the file name's extension,
    /// else `application/octet-stream`.
    pub fn mime(&self) -> String {
        if let Some(d) = &self.detected {
            return d.mime.clone();
        }
        Path::new(&self.file_name)
            .extension()
            .and_then(|e| e.to_str())
            .and_then(detect::mime_from_extension)
            .unwrap_or("application/octet-stream")
            .to_string()
    }
}

/// Why a path cannot be opened, as what it is: only a path that names
/// nothing is "not found"; permission denied, an I/O error and the like keep
/// the OS error (the file may well exist, and the fix is another one).
pub(crate) fn open_error(display: &str, e: io::Error) -> MediaError {
    let reason = match e.kind() {
        io::ErrorKind::NotFound => "no such file",
        // `a.png/b.png`: a file where a folder should be, so nothing there.
        io::ErrorKind::NotADirectory => "no such file (a part of its path is a file, not a folder)",
        _ => {
            return MediaError::Io {
                path: display.to_string(),
                source: e,
            };
        }
    };
    MediaError::NotFound {
        path: display.to_string(),
        reason: reason.into(),
    }
}

/// The first bytes of a file, and whether the file goes on past them.
fn read_sample(f: &mut File) -> io::Result<(Vec<u8>, bool)> {
    let mut sample = Vec::with_capacity(detect::SNIFF_LEN + 1);
    f.take(detect::SNIFF_LEN as u64 + 1)
        .read_to_end(&mut sample)?;
    let truncated = sample.len() > detect::SNIFF_LEN;
    sample.truncate(detect::SNIFF_LEN);
    Ok((sample, truncated))
}
