//! The one JSON Lines store under every local file of records (the journal
//! `jobs.jsonl`, the batch state file): a regular file only (never a FIFO,
//! device, socket or directory, and opening never blocks), mode 0600, one
//! typed line per record, appended under a lock and synced to disk, lines
//! capped on both sides (what is written can always be read back), a torn
//! last line cut off before the next append, and a reader that skips and
//! counts what it cannot use instead of buffering it or stopping.
//!
//! Two ways to hold a store: [`Store`] for a file many processes append to
//! (an exclusive lock around each repair-and-append), and [`Held`] for a
//! file one run owns for its whole life (`try_lock`: a second run is refused
//! with [`StoreError::Locked`]).

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The longest line read or written, newline included. Every request the
/// CLI can journal fits (a 1 MiB prompt is at most 6 MiB once JSON-escaped);
/// the writer refuses longer lines so the reader never skips its own.
pub(crate) const MAX_LINE: usize = 8 * 1024 * 1024;

/// The reader's buffer: over-long lines are skipped through it, never held.
const CHUNK: usize = 64 * 1024;

/// What can go wrong with a local JSON Lines file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The path exists but is not a regular file.
    #[error("{} is a {kind}, not a regular file; move it away and try again", .path.display())]
    NotRegular {
        /// The file.
        path: PathBuf,
        /// What it is instead ("FIFO", "directory", …).
        kind: &'static str,
    },
    /// Another run holds the file.
    #[error("{} is in use by another run (it is locked); wait for that run to finish", .path.display())]
    Locked {
        /// The file.
        path: PathBuf,
    },
    /// A line longer than the reader accepts; nothing was written.
    #[error(
        "a line for {} would be {len} bytes, over the {cap}-byte limit of what can be read back; nothing was written",
        .path.display()
    )]
    LineTooLong {
        /// The file.
        path: PathBuf,
        /// The line's length, newline included.
        len: usize,
        /// The cap (`MAX_LINE`, 8 MiB).
        cap: usize,
    },
    /// A record that cannot be written as JSON.
    #[error("cannot write a record to {}: {source}", .path.display())]
    Encode {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: serde_json::Error,
    },
    /// The file system refused.
    #[error("cannot {op} {}: {source}", .path.display())]
    Io {
        /// What was being done ("open", "lock", "write", …).
        op: &'static str,
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

type Result<T> = std::result::Result<T, StoreError>;

/// Lines a read skipped, by reason: reported, never silent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Skipped {
    /// Lines over the length cap (skipped without being read whole).
    pub too_long: usize,
    /// Lines that are not UTF-8.
    pub invalid_utf8: usize,
    /// Lines that are not JSON, or not a record of this file.
    pub invalid_json: usize,
    /// A last line with no newline (a write cut off by a kill or a full disk).
    pub torn_tail: bool,
}

impl Skipped {
    /// True when nothing was skipped.
    pub fn is_empty(&self) -> bool {
        *self == Skipped::default()
    }

    /// "2 lines over the length limit, 1 not UTF-8": for a warning.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let mut add = |n: usize, what: &str| {
            if n > 0 {
                parts.push(format!(
                    "{n} {} {what}",
                    if n == 1 { "line" } else { "lines" }
                ));
            }
        };
        add(self.too_long, "over the length limit");
        add(self.invalid_utf8, "not UTF-8");
        add(self.invalid_json, "not a valid record");
        if self.torn_tail {
            parts.push("an unfinished last line".into());
        }
        parts.join(", ")
    }
}

/// A JSON Lines file many processes append to, one locked append at a time.
#[derive(Clone, Debug)]
pub(crate) struct Store {
    path: PathBuf,
}

impl Store {
    /// The store at `path` (nothing is opened yet).
    pub(crate) fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }

    /// The file.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `record` as one line: under an exclusive lock, after cutting
    /// off a torn last line, synced to disk before returning.
    pub(crate) fn append<T: Serialize>(&self, record: &T) -> Result<()> {
        let line = encode(&self.path, record)?;
        let mut file = open(&self.path, true)?.ok_or_else(|| missing(&self.path))?;
        file.lock().map_err(|e| io("lock", &self.path, e))?;
        // The lock is released when `file` is closed.
        write_line(&mut file, &self.path, &line)
    }

    /// Calls `f` with each record, in order, under a shared lock (so no
    /// half-written append is read); a missing file has none.
    pub(crate) fn read<T: DeserializeOwned>(&self, f: impl FnMut(T)) -> Result<Skipped> {
        let Some(file) = open(&self.path, false)? else {
            return Ok(Skipped::default());
        };
        file.lock_shared().map_err(|e| io("lock", &self.path, e))?;
        read_lines(&file, &self.path, f)
    }

    /// Holds the file for this run alone (created when missing), refusing
    /// with [`StoreError::Locked`] when another run holds it.
    pub(crate) fn hold(&self) -> Result<Held> {
        let file = open(&self.path, true)?.ok_or_else(|| missing(&self.path))?;
        match file.try_lock() {
            Ok(()) => Ok(Held {
                file,
                path: self.path.clone(),
            }),
            Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
                path: self.path.clone(),
            }),
            Err(std::fs::TryLockError::Error(e)) => Err(io("lock", &self.path, e)),
        }
    }
}

/// A JSON Lines file held by one run, exclusively, until dropped.
#[derive(Debug)]
pub(crate) struct Held {
    file: File,
    path: PathBuf,
}

impl Held {
    /// The file.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `record` as one line (torn tail cut off first, synced).
    pub(crate) fn append<T: Serialize>(&mut self, record: &T) -> Result<()> {
        let line = encode(&self.path, record)?;
        write_line(&mut self.file, &self.path, &line)
    }

    /// Calls `f` with each record, in order.
    pub(crate) fn read<T: DeserializeOwned>(&self, f: impl FnMut(T)) -> Result<Skipped> {
        read_lines(&self.file, &self.path, f)
    }
}

/// Opens (creating it, 0600) a lock file at `path`: a regular file only,
/// never blocking on a FIFO. The caller locks it.
pub(crate) fn open_lock_file(path: &Path) -> Result<File> {
    open(path, true)?.ok_or_else(|| missing(path))
}

fn io(op: &'static str, path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        op,
        path: path.to_path_buf(),
        source,
    }
}

fn missing(path: &Path) -> StoreError {
    io(
        "open",
        path,
        std::io::Error::from(std::io::ErrorKind::NotFound),
    )
}

// One record as one line, newline included, refused over the cap.
fn encode<T: Serialize>(path: &Path, record: &T) -> Result<Vec<u8>> {
    let mut line = serde_json::to_vec(record).map_err(|source| StoreError::Encode {
        path: path.to_path_buf(),
        source,
    })?;
    line.push(b'\n');
    if line.len() > MAX_LINE {
        return Err(StoreError::LineTooLong {
            path: path.to_path_buf(),
            len: line.len(),
            cap: MAX_LINE,
        });
    }
    Ok(line)
}

// Opens `path` for reading (and appending, creating it 0600, when `write`),
// refusing anything but a regular file. Never blocks: a FIFO is opened
// non-blocking, then refused by what the handle itself is. `None`: missing
// and not created.
fn open(path: &Path, write: bool) -> Result<Option<File>> {
    match std::fs::metadata(path) {
        Ok(meta) => check_regular(path, &meta)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if !write {
                return Ok(None);
            }
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| io("create the folder of", path, e))?;
            }
        }
        Err(e) => return Err(io("open", path, e)),
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    if write {
        options.append(true).create(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !write => return Ok(None),
        Err(e) => return Err(io("open", path, e)),
    };
    // The path may have been swapped between the check and the open: what
    // counts is what was opened.
    let meta = file.metadata().map_err(|e| io("inspect", path, e))?;
    check_regular(path, &meta)?;
    Ok(Some(file))
}

fn check_regular(path: &Path, meta: &std::fs::Metadata) -> Result<()> {
    let t = meta.file_type();
    if t.is_file() {
        return Ok(());
    }
    let kind = if t.is_dir() {
        "directory"
    } else {
        special_kind(&t)
    };
    Err(StoreError::NotRegular {
        path: path.to_path_buf(),
        kind,
    })
}

#[cfg(unix)]
fn special_kind(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "FIFO"
    } else if t.is_socket() {
        "socket"
    } else if t.is_char_device() || t.is_block_device() {
        "device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "special file"
}

// Under the caller's exclusive lock: cuts a torn last line off, appends
// `line` in one write and syncs it.
fn write_line(file: &mut File, path: &Path, line: &[u8]) -> Result<()> {
    repair_tail(file, path)?;
    file.write_all(line).map_err(|e| io("write", path, e))?;
    file.sync_data().map_err(|e| io("sync", path, e))
}

// A last line without its newline is what a kill or a full disk leaves;
// appending after it would glue the next record onto it and lose both. It
// is cut back to the last newline (the half record was never readable).
fn repair_tail(file: &mut File, path: &Path) -> Result<()> {
    let len = file.metadata().map_err(|e| io("inspect", path, e))?.len();
    if len == 0 {
        return Ok(());
    }
    let mut last = [0u8; 1];
    read_at(file, path, len - 1, &mut last)?;
    if last[0] == b'\n' {
        return Ok(());
    }
    let mut end = len;
    let mut buf = vec![0u8; CHUNK];
    while end > 0 {
        let start = end.saturating_sub(CHUNK as u64);
        let chunk = &mut buf[..(end - start) as usize];
        read_at(file, path, start, chunk)?;
        match chunk.iter().rposition(|&b| b == b'\n') {
            Some(i) => {
                end = start + i as u64 + 1;
                break;
            }
            None => end = start,
        }
    }
    file.set_len(end).map_err(|e| io("repair", path, e))
}

fn read_at(file: &mut File, path: &Path, at: u64, buf: &mut [u8]) -> Result<()> {
    file.seek(SeekFrom::Start(at))
        .map_err(|e| io("read", path, e))?;
    file.read_exact(buf).map_err(|e| io("read", path, e))
}

// Reads every line of `file` from its start, bounded: a line over the cap is
// skipped chunk by chunk, never held whole.
fn read_lines<T: DeserializeOwned>(
    mut file: &File,
    path: &Path,
    mut f: impl FnMut(T),
) -> Result<Skipped> {
    file.seek(SeekFrom::Start(0))
        .map_err(|e| io("read", path, e))?;
    let mut reader = BufReader::with_capacity(CHUNK, file);
    let mut skipped = Skipped::default();
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = (&mut reader)
            .take(MAX_LINE as u64)
            .read_until(b'\n', &mut line)
            .map_err(|e| io("read", path, e))?;
        if n == 0 {
            return Ok(skipped);
        }
        if line.last() != Some(&b'\n') {
            if n < MAX_LINE {
                // End of file in the middle of a line.
                skipped.torn_tail = true;
                return Ok(skipped);
            }
            skipped.too_long += 1;
            if !skip_line(&mut reader, path)? {
                return Ok(skipped);
            }
            continue;
        }
        let text = &line[..line.len() - 1];
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if std::str::from_utf8(text).is_err() {
            skipped.invalid_utf8 += 1;
        } else if let Ok(record) = serde_json::from_slice::<T>(text) {
            f(record);
        } else {
            skipped.invalid_json += 1;
        }
    }
}

// Discards bytes up to and including the next newline; false at end of file.
fn skip_line(reader: &mut impl BufRead, path: &Path) -> Result<bool> {
    loop {
        let buf = reader.fill_buf().map_err(|e| io("read", path, e))?;
        if buf.is_empty() {
            return Ok(false);
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(true);
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

#[cfg(test)]
#[path = "jsonl_tests.rs"]
mod tests;
