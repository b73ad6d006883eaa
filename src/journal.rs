//! The journal: a local, append-only record of every billed submit
//! (`<state dir>/bithuman/jobs.jsonl`, mode 0600). The intent line is on
//! disk (fsync) before the request leaves the machine; a second line adds
//! the job's id when the answer arrives. So a paid-for job is never lost: a
//! later `wait --last` finds it and, when its id never arrived, sends the
//! recorded request again with the recorded key (the server replays the
//! first answer; nothing is billed twice). It never holds the secret or a
//! file's bytes: an inline file is recorded as its path and SHA-256.
//!
//! An inline file's SHA-256 is taken from the bytes sent, while they are
//! sent, and its intent line is written (and synced) before the body's last
//! bytes leave (`Journal::intent_for`): still before the request can be
//! billed, without reading a large file twice.

use crate::error::{Error, Result};
use crate::jsonl::{Skipped, Store};
use crate::kinds::JobKind;
use crate::media::{FileDigest, LocalFile, MediaMode, StreamBody};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The key under which an inline file stands in a recorded body.
const FILE_KEY: &str = "$file";

pub use crate::error::JournalError;

/// Where and for which API the journal is kept.
#[derive(Clone, Debug)]
pub struct Journal {
    store: Store,
    base_url: String,
    profile: Option<String>,
    legacy: Vec<Store>,
}

/// One journal line: an intent (kind and request), an answer (id) or a
/// refusal, always with the API and profile it belongs to.
#[derive(Debug, Serialize, Deserialize)]
struct Line {
    #[serde(default)]
    time: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    idempotency_key: String,
    base_url: String,
    // Written as `null` without a profile; lines before v0.3 have none on
    // answers, which then match only the default profile.
    #[serde(default)]
    profile: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    request: Option<Recorded>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refused: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Recorded {
    method: String,
    path: String,
    #[serde(default)]
    body: Value,
}

/// A line of v0.1's record of created agents (`agents.jsonl`).
#[derive(Debug, Deserialize)]
struct LegacyLine {
    #[serde(default)]
    time: String,
    agent_id: String,
    #[serde(default)]
    model: Value,
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default)]
    idempotency_key: String,
}

/// A journaled submit.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// When it was sent (RFC 7231 date, as recorded: not yet terminal-safe).
    pub time: String,
    /// The kind of job.
    pub kind: JobKind,
    /// The key it was sent with.
    pub idempotency_key: String,
    /// The endpoint, as recorded (see [`Entry::submit_route`]).
    pub path: String,
    /// The body as recorded (inline files as path and SHA-256).
    pub request: Value,
    /// The job's id, once the answer arrived.
    pub id: Option<String>,
    /// The server's error code when it refused the request (an answer, so
    /// there is nothing to send again).
    pub refused: Option<String>,
}

impl Entry {
    /// The model the request asked for, when it names one.
    pub fn model(&self) -> Option<&str> {
        self.request.get("model").and_then(Value::as_str)
    }

    /// The agent a video, model add or dynamics job is about.
    pub fn subject(&self) -> Option<String> {
        match self.kind {
            JobKind::Agent => self.id.clone(),
            JobKind::Video => self
                .request
                .get("agent_code")
                .and_then(Value::as_str)
                .map(str::to_string),
            JobKind::Dynamics => self
                .request
                .get("agent_id")
                .and_then(Value::as_str)
                .map(str::to_string),
            JobKind::Model => model_agent(&self.path),
        }
    }

    /// The route to send this entry again: the submit route of its kind,
    /// built afresh (the agent's id percent-encoded as one path segment),
    /// which the recorded path must equal. Anything else — another host
    /// (`@host/…`), another endpoint, a query — is refused, never sent.
    pub fn submit_route(&self) -> Result<String> {
        let unknown = || {
            Error::Journal(JournalError::UnknownRoute {
                kind: self.kind.as_str(),
                path: self.path.clone(),
            })
        };
        let subject = match self.kind {
            JobKind::Model => Some(model_agent(&self.path).ok_or_else(unknown)?),
            _ => None,
        };
        match self.kind.submit_path(subject.as_deref()) {
            Ok(route) if route == self.path => Ok(route),
            _ => Err(unknown()),
        }
    }
}

// The agent of a recorded `/v1/agent/{id}/models`, decoded strictly.
fn model_agent(path: &str) -> Option<String> {
    let id = path.strip_prefix("/v1/agent/")?.strip_suffix("/models")?;
    percent_encoding::percent_decode_str(id)
        .decode_utf8()
        .ok()
        .map(|id| id.into_owned())
}

/// Held while one process sends a journaled submit, from before its intent
/// is written until its answer is: `wait --last` in another process sees it
/// and does not send the same request meanwhile.
#[derive(Debug)]
pub(crate) struct Sending {
    _file: std::fs::File,
    path: PathBuf,
}

impl Drop for Sending {
    // Removed while still locked: a process that opened it before sees the
    // lock released afterwards and then reads the answer in the journal.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl Journal {
    /// A journal at `path` for the API known as `base_url` (a label: the
    /// URL without credentials, or `sandbox`) and `profile`.
    pub fn new(path: impl Into<PathBuf>, base_url: &str, profile: Option<&str>) -> Self {
        Self {
            store: Store::new(path),
            base_url: base_url.to_string(),
            profile: profile.map(str::to_string),
            legacy: Vec::new(),
        }
    }

    /// Also reads an older record of created agents (v0.1's `agents.jsonl`).
    pub fn with_legacy(mut self, path: impl Into<PathBuf>) -> Self {
        self.legacy.push(Store::new(path));
        self
    }

    /// The journal file.
    pub fn path(&self) -> &Path {
        self.store.path()
    }

    fn line(&self, idempotency_key: &str) -> Line {
        Line {
            time: httpdate::fmt_http_date(std::time::SystemTime::now()),
            kind: None,
            idempotency_key: idempotency_key.to_string(),
            base_url: self.base_url.clone(),
            profile: self.profile.clone(),
            request: None,
            id: None,
            refused: None,
        }
    }

    // This API's and this profile's lines only.
    fn ours(&self, line: &Line) -> bool {
        line.base_url == self.base_url && line.profile == self.profile
    }

    /// Marks the submit with `idempotency_key` as being sent by this
    /// process until the returned guard is dropped; refuses with
    /// [`JournalError::InFlight`] when another process is sending it.
    pub(crate) fn sending(&self, kind: JobKind, idempotency_key: &str) -> Result<Sending> {
        use sha2::Digest;
        let name = hex::encode(sha2::Sha256::digest(idempotency_key.as_bytes()));
        let mut dir = self.path().as_os_str().to_owned();
        dir.push(".inflight");
        let path = PathBuf::from(dir).join(format!("{name}.lock"));
        let file = crate::jsonl::open_lock_file(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(Sending { _file: file, path }),
            Err(std::fs::TryLockError::WouldBlock) => Err(Error::Journal(JournalError::InFlight {
                kind: kind.as_str(),
                key: idempotency_key.to_string(),
            })),
            Err(std::fs::TryLockError::Error(e)) => {
                Err(Error::io(format!("cannot lock {}", path.display()), e))
            }
        }
    }

    /// Records the intent to send a billed request, durably, before it is
    /// sent; a request too long to be read back is refused here, unsent.
    pub(crate) fn intent(
        &self,
        kind: JobKind,
        idempotency_key: &str,
        path: &str,
        body: &Value,
    ) -> Result<()> {
        let mut line = self.line(idempotency_key);
        line.kind = Some(kind.as_str().to_string());
        line.request = Some(Recorded {
            method: "POST".into(),
            path: path.to_string(),
            body: body.clone(),
        });
        Ok(self.store.append(&line)?)
    }

    /// Records the intent to send `body` (recorded as `recorded`), durably,
    /// before the request can be billed. A record with inline files still
    /// to hash ([`recorded_file`]) is completed with the digests of the bytes
    /// the body sends and written before the body's last bytes are handed
    /// out ([`StreamBody::seal_with`]): the server cannot act on a request
    /// whose body it has not received whole, so "on disk before billed"
    /// holds without a separate read of each file before the first byte
    /// goes out. A line that cannot be written then ends the body short
    /// (never billed); the returned [`PendingIntent`] keeps that error.
    /// Any other record is written now, as [`Journal::intent`] does.
    pub(crate) fn intent_for(
        &self,
        kind: JobKind,
        idempotency_key: &str,
        path: &str,
        recorded: &Value,
        body: &mut StreamBody,
    ) -> Result<PendingIntent> {
        let pending = PendingIntent::default();
        if !has_unhashed_file(recorded) {
            self.intent(kind, idempotency_key, path, recorded)?;
            return Ok(pending);
        }
        let (journal, key, path) = (self.clone(), idempotency_key.to_string(), path.to_string());
        let recorded = recorded.clone();
        let failure = pending.clone();
        // The digests the line was written with, once it was.
        let written: Mutex<Option<Vec<FileDigest>>> = Mutex::new(None);
        body.seal_with(Arc::new(move |digests: &[FileDigest]| {
            let mut written = written
                .lock()
                .map_err(|_| std::io::Error::other("the journal record's state was lost"))?;
            if let Some(first) = written.as_ref() {
                // A later try: the line is on disk, and its files must still
                // be what it records (the same key must send the same body).
                return if first.as_slice() == digests {
                    Ok(())
                } else {
                    Err(std::io::Error::other(
                        "a file of the request changed between tries; not sending a body that differs from its journal record",
                    ))
                };
            }
            let complete = with_digests(&recorded, digests)
                .and_then(|line| journal.intent(kind, &key, &path, &line));
            match complete {
                Ok(()) => {
                    *written = Some(digests.to_vec());
                    Ok(())
                }
                Err(e) => {
                    let shown = std::io::Error::other(e.to_string());
                    failure.set(e);
                    Err(shown)
                }
            }
        }));
        Ok(pending)
    }

    /// Records the id the server gave the job sent with `idempotency_key`.
    pub(crate) fn answered(&self, idempotency_key: &str, id: &str) -> Result<()> {
        let mut line = self.line(idempotency_key);
        line.id = Some(id.to_string());
        Ok(self.store.append(&line)?)
    }

    /// Records that the server refused the request sent with `idempotency_key`.
    pub(crate) fn refused(&self, idempotency_key: &str, code: &str) -> Result<()> {
        let mut line = self.line(idempotency_key);
        line.refused = Some(code.to_string());
        Ok(self.store.append(&line)?)
    }

    /// The id recorded for the submit sent with `idempotency_key`, if its
    /// answer arrived.
    pub(crate) fn answer(&self, idempotency_key: &str) -> Result<Option<String>> {
        let mut id = None;
        self.store.read(|line: Line| {
            if self.ours(&line) && line.idempotency_key == idempotency_key && line.id.is_some() {
                id = line.id;
            }
        })?;
        Ok(id)
    }

    /// The newest journaled job of one of `kinds` for this API and profile,
    /// with its id when the answer arrived; then v0.1's record of agents.
    pub fn last(&self, kinds: &[JobKind]) -> Result<Option<Entry>> {
        Ok(self.read_last(kinds)?.0)
    }

    /// [`Journal::last`], with the lines of the journal that were skipped
    /// (too long, not UTF-8, not a record, an unfinished last line).
    pub fn read_last(&self, kinds: &[JobKind]) -> Result<(Option<Entry>, Skipped)> {
        let mut last: Option<Entry> = None;
        let skipped = self.store.read(|line: Line| {
            if !self.ours(&line) {
                return;
            }
            if line.request.is_none() {
                // An answer or a refusal: it belongs to the newest entry only.
                if let Some(entry) = last
                    .as_mut()
                    .filter(|e| e.idempotency_key == line.idempotency_key)
                {
                    entry.refused = line.refused.or(entry.refused.take());
                    entry.id = line.id.or(entry.id.take());
                }
                return;
            }
            let kind = line.kind.as_deref().and_then(JobKind::parse);
            if let (Some(kind), Some(request)) = (kind, line.request)
                && kinds.contains(&kind)
            {
                last = Some(Entry {
                    time: line.time,
                    kind,
                    idempotency_key: line.idempotency_key,
                    path: request.path,
                    request: request.body,
                    id: None,
                    refused: None,
                });
            }
        })?;
        if last.is_none() && kinds.contains(&JobKind::Agent) {
            last = self.legacy_last()?;
        }
        Ok((last, skipped))
    }

    // The newest agent of v0.1's record for this API.
    fn legacy_last(&self) -> Result<Option<Entry>> {
        let mut last = None;
        for legacy in &self.legacy {
            legacy.read(|v: LegacyLine| {
                if v.base_url.as_deref() == Some(self.base_url.as_str()) {
                    last = Some(Entry {
                        time: v.time,
                        kind: JobKind::Agent,
                        idempotency_key: v.idempotency_key,
                        path: "/v1/agent/generate".into(),
                        request: json!({"model": v.model}),
                        id: Some(v.agent_id),
                        refused: None,
                    });
                }
            })?;
        }
        Ok(last)
    }
}

/// A journal intent written while its body is sent ([`Journal::intent_for`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct PendingIntent(Arc<Mutex<Option<Error>>>);

impl PendingIntent {
    /// Why the intent line could not be written, if it could not (once: it
    /// is moved out): the request was then never sent whole.
    pub(crate) fn failure(&self) -> Option<Error> {
        self.0.lock().ok().and_then(|mut slot| slot.take())
    }

    fn set(&self, e: Error) {
        if let Ok(mut slot) = self.0.lock() {
            slot.get_or_insert(e);
        }
    }
}

/// How an inline file is recorded: its path, size, SHA-256 and encoding.
/// The SHA-256 is left `null` here: [`Journal::intent_for`] fills it in from
/// the bytes the body sends, so the file is read once, not twice.
pub(crate) fn recorded_file(file: &LocalFile, mode: MediaMode) -> Value {
    json!({FILE_KEY: {
        "path": file.path.display().to_string(),
        "len": file.len,
        "sha256": Value::Null,
        "mode": mode.as_str(),
    }})
}

// Whether `v` holds a recorded file whose SHA-256 is still to be taken.
fn has_unhashed_file(v: &Value) -> bool {
    match v {
        Value::Object(map) => match map.get(FILE_KEY) {
            Some(file) => file.get("sha256").is_none_or(Value::is_null),
            None => map.values().any(has_unhashed_file),
        },
        Value::Array(items) => items.iter().any(has_unhashed_file),
        _ => false,
    }
}

// `recorded` with each recorded file's SHA-256 taken from `digests` (the
// body's files, matched by path and size); an error when one is missing,
// so that a record is never written without its files' digests.
fn with_digests(recorded: &Value, digests: &[FileDigest]) -> Result<Value> {
    let mut line = recorded.clone();
    fill_digests(&mut line, digests)?;
    Ok(line)
}

fn fill_digests(v: &mut Value, digests: &[FileDigest]) -> Result<()> {
    match v {
        Value::Object(map) => {
            if let Some(file) = map.get_mut(FILE_KEY) {
                let path = file.get("path").and_then(Value::as_str).unwrap_or_default();
                let len = file.get("len").and_then(Value::as_u64);
                let digest = digests
                    .iter()
                    .find(|d| d.path.display().to_string() == path && Some(d.len) == len)
                    .ok_or_else(|| {
                        Error::io(
                            format!("cannot journal the request: its file {path} was not read"),
                            std::io::Error::from(std::io::ErrorKind::NotFound),
                        )
                    })?;
                if let Some(file) = file.as_object_mut() {
                    file.insert("sha256".into(), Value::from(digest.sha256.as_str()));
                }
                return Ok(());
            }
            map.values_mut().try_for_each(|v| fill_digests(v, digests))
        }
        Value::Array(items) => items.iter_mut().try_for_each(|v| fill_digests(v, digests)),
        _ => Ok(()),
    }
}

/// Rebuilds a streamed body from a recorded one: inline files are read again
/// from their paths, and must still have the recorded SHA-256.
pub(crate) fn body_from_recorded(recorded: &Value) -> Result<StreamBody> {
    let mut body = StreamBody::new();
    push_value(&mut body, recorded)?;
    Ok(body)
}

fn push_value(body: &mut StreamBody, v: &Value) -> Result<()> {
    match v {
        Value::Object(map) => {
            if let Some(file) = map.get(FILE_KEY) {
                return push_file(body, file);
            }
            body.push_raw("{");
            for (i, (k, val)) in map.iter().enumerate() {
                if i > 0 {
                    body.push_raw(",");
                }
                body.push_raw(&Value::from(k.as_str()).to_string());
                body.push_raw(":");
                push_value(body, val)?;
            }
            body.push_raw("}");
        }
        Value::Array(items) => {
            body.push_raw("[");
            for (i, val) in items.iter().enumerate() {
                if i > 0 {
                    body.push_raw(",");
                }
                push_value(body, val)?;
            }
            body.push_raw("]");
        }
        scalar => body.push_raw(&scalar.to_string()),
    }
    Ok(())
}

fn push_file(body: &mut StreamBody, recorded: &Value) -> Result<()> {
    let path = recorded
        .get("path")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let changed = |change: &'static str| Error::JournaledFileChanged {
        path: path.to_string(),
        change,
    };
    let file = LocalFile::open(path).map_err(|_| changed("is gone"))?;
    let want = recorded
        .get("sha256")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let have = file
        .sha256_hex()
        .map_err(|e| Error::io(format!("cannot read {path}"), e))?;
    if have != want {
        return Err(changed("has changed"));
    }
    let mode = match recorded.get("mode").and_then(Value::as_str) {
        Some("data-uri") => MediaMode::DataUri,
        _ => MediaMode::Base64,
    };
    crate::media::push_encoded_value(body, &file, mode);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_finds_the_newest_job_and_its_id() {
        let dir = tempfile::tempdir().expect("tmp");
        let j = Journal::new(dir.path().join("jobs.jsonl"), "https://api", None);
        let other = Journal::new(dir.path().join("jobs.jsonl"), "sandbox", None);
        j.intent(
            JobKind::Agent,
            "k1",
            "/v1/agent/generate",
            &json!({"model":"essence-1"}),
        )
        .expect("intent");
        j.answered("k1", "A1").expect("answered");
        j.intent(
            JobKind::Video,
            "k2",
            "/v1/video/generate",
            &json!({"agent_code":"A1"}),
        )
        .expect("intent");
        other
            .intent(JobKind::Agent, "k3", "/v1/agent/generate", &json!({}))
            .expect("intent");
        let agent = j.last(&[JobKind::Agent]).expect("read").expect("entry");
        assert_eq!(agent.id.as_deref(), Some("A1"));
        assert_eq!(agent.model(), Some("essence-1"));
        let video = j.last(&[JobKind::Video]).expect("read").expect("entry");
        assert_eq!(video.id, None, "never answered");
        assert_eq!(video.subject().as_deref(), Some("A1"));
        assert_eq!(
            other
                .last(&[JobKind::Agent])
                .expect("read")
                .map(|e| e.idempotency_key),
            Some("k3".to_string())
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(j.path())
                .expect("stat")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn every_request_the_cli_can_send_is_journaled_and_read_back() {
        let dir = tempfile::tempdir().expect("tmp");
        let j = Journal::new(dir.path().join("jobs.jsonl"), "https://api", None);
        // The longest prompt read (1 MiB) in the characters JSON escapes most.
        let prompt = "\u{1}".repeat(1024 * 1024);
        j.intent(
            JobKind::Agent,
            "k1",
            "/v1/agent/generate",
            &json!({"model": "essence-1", "prompt": prompt}),
        )
        .expect("intent");
        let (entry, skipped) = j.read_last(&[JobKind::Agent]).expect("read");
        assert!(skipped.is_empty(), "{skipped:?}");
        let entry = entry.expect("entry");
        assert_eq!(entry.request["prompt"].as_str(), Some(prompt.as_str()));
        // Longer than the reader accepts: refused before anything is sent,
        // and the journal is unchanged.
        let huge = "a".repeat(crate::jsonl::MAX_LINE);
        let err = j
            .intent(
                JobKind::Agent,
                "k2",
                "/v1/agent/generate",
                &json!({"prompt": huge}),
            )
            .expect_err("refused");
        assert!(
            matches!(
                err,
                Error::Store(crate::jsonl::StoreError::LineTooLong { .. })
            ),
            "{err:?}"
        );
        let last = j.last(&[JobKind::Agent]).expect("read").expect("entry");
        assert_eq!(last.idempotency_key, "k1");
    }

    #[test]
    fn only_the_submit_route_of_the_recorded_kind_is_sent_again() {
        let entry = |kind, path: &str| Entry {
            time: String::new(),
            kind,
            idempotency_key: "k".into(),
            path: path.into(),
            request: Value::Null,
            id: None,
            refused: None,
        };
        let ok = [
            (JobKind::Agent, "/v1/agent/generate"),
            (JobKind::Video, "/v1/video/generate"),
            (JobKind::Dynamics, "/v1/dynamics/generate"),
            (JobKind::Model, "/v1/agent/A1/models"),
            (JobKind::Model, "/v1/agent/a%3Fb/models"),
        ];
        for (kind, path) in ok {
            assert_eq!(entry(kind, path).submit_route().ok().as_deref(), Some(path));
        }
        let refused = [
            (JobKind::Agent, "@evil.example/v1/agent/generate"),
            (JobKind::Agent, "//evil.example/v1/agent/generate"),
            (JobKind::Agent, "/v1/video/generate"),
            (JobKind::Agent, "/v1/agent/generate?x=1"),
            (JobKind::Agent, "/v1/agent/generate#x"),
            (JobKind::Model, "/v1/agent/../models"),
            (JobKind::Model, "/v1/agent/a%2Fb/models"),
            (JobKind::Model, "/v1/agent/a?b/models"),
            (JobKind::Model, "/v1/agent/A1/models/x"),
        ];
        for (kind, path) in refused {
            assert!(
                matches!(
                    entry(kind, path).submit_route(),
                    Err(Error::Journal(JournalError::UnknownRoute { .. }))
                ),
                "{path}"
            );
        }
    }

    #[test]
    fn a_submit_in_flight_is_marked_until_its_guard_drops() {
        let dir = tempfile::tempdir().expect("tmp");
        let j = Journal::new(dir.path().join("jobs.jsonl"), "https://api", None);
        let held = j.sending(JobKind::Agent, "k/1").expect("mark");
        assert!(matches!(
            j.sending(JobKind::Agent, "k/1"),
            Err(Error::Journal(JournalError::InFlight { .. }))
        ));
        j.sending(JobKind::Agent, "k2")
            .expect("another key is free");
        drop(held);
        j.sending(JobKind::Agent, "k/1").expect("free again");
    }

    #[test]
    fn recorded_bodies_are_rebuilt_with_their_files() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("f.bin");
        std::fs::write(&p, b"hello").expect("write");
        let file = LocalFile::open(&p).expect("open");
        let unhashed = json!({"model": "m", "image": recorded_file(&file, MediaMode::Base64)});
        assert!(has_unhashed_file(&unhashed));
        // As the seal completes it, from the digests of the bytes sent.
        let sent = FileDigest {
            path: p.clone(),
            len: 5,
            // printf hello | sha256sum
            sha256: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824".into(),
        };
        let other = FileDigest {
            path: dir.path().join("other.bin"),
            ..sent.clone()
        };
        assert!(with_digests(&unhashed, std::slice::from_ref(&other)).is_err());
        let recorded = with_digests(&unhashed, &[other, sent]).expect("digests");
        assert!(!has_unhashed_file(&recorded));
        let body = body_from_recorded(&recorded).expect("body");
        let text = String::from_utf8(
            std::io::Read::bytes(body.body_reader(None))
                .collect::<std::io::Result<Vec<u8>>>()
                .expect("read"),
        )
        .expect("utf8");
        assert_eq!(text, r#"{"image":"aGVsbG8=","model":"m"}"#);
        std::fs::write(&p, b"changed").expect("write");
        assert!(body_from_recorded(&recorded).is_err());
    }
}
