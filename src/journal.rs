//! The journal: a local, append-only record of every billed submit
//! (`<state dir>/bithuman/jobs.jsonl`, mode 0600). The intent line is on
//! disk (fsync) before the request leaves the machine; a second line adds
//! the job's id when the answer arrives. So a paid-for job is never lost: a
//! later `wait --last` finds it and, when its id never arrived, sends the
//! recorded request again with the recorded key (the server replays the
//! first answer; nothing is billed twice). It never holds the secret or a
//! file's bytes: an inline file is recorded as its path and SHA-256.

use crate::error::{Error, Result};
use crate::jobs::JobKind;
use crate::media::{LocalFile, MediaMode, StreamBody};
use serde_json::{Value, json};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// The longest journal line read (longer ones are skipped: not ours).
const MAX_LINE: u64 = 1024 * 1024;

/// The key under which an inline file stands in a recorded body.
const FILE_KEY: &str = "$file";

/// Where and for which API the journal is kept.
#[derive(Clone, Debug)]
pub struct Journal {
    path: PathBuf,
    base_url: String,
    profile: Option<String>,
    legacy: Vec<PathBuf>,
}

/// A journaled submit.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// When it was sent (RFC 7231 date).
    pub time: String,
    /// The kind of job.
    pub kind: JobKind,
    /// The key it was sent with.
    pub idempotency_key: String,
    /// The endpoint.
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
            JobKind::Model => self
                .path
                .strip_prefix("/v1/agent/")
                .and_then(|p| p.strip_suffix("/models"))
                .map(|id| {
                    percent_encoding::percent_decode_str(id)
                        .decode_utf8_lossy()
                        .into_owned()
                }),
        }
    }
}

impl Journal {
    /// A journal at `path` for the API known as `base_url` (a label: the
    /// URL without credentials, or `sandbox`) and `profile`.
    pub fn new(path: impl Into<PathBuf>, base_url: &str, profile: Option<&str>) -> Self {
        Self {
            path: path.into(),
            base_url: base_url.to_string(),
            profile: profile.map(str::to_string),
            legacy: Vec::new(),
        }
    }

    /// Also reads an older record of created agents (v0.1's `agents.jsonl`).
    pub fn with_legacy(mut self, path: impl Into<PathBuf>) -> Self {
        self.legacy.push(path.into());
        self
    }

    /// The journal file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records the intent to send a billed request, durably, before it is sent.
    pub(crate) fn intent(
        &self,
        kind: JobKind,
        idempotency_key: &str,
        path: &str,
        body: &Value,
    ) -> Result<()> {
        self.append(&json!({
            "time": httpdate::fmt_http_date(std::time::SystemTime::now()),
            "kind": kind.as_str(),
            "idempotency_key": idempotency_key,
            "base_url": self.base_url,
            "profile": self.profile,
            "request": {"method": "POST", "path": path, "body": body},
        }))
    }

    /// Records the id the server gave the job sent with `idempotency_key`.
    pub(crate) fn answered(&self, idempotency_key: &str, id: &str) -> Result<()> {
        self.append(&json!({
            "time": httpdate::fmt_http_date(std::time::SystemTime::now()),
            "idempotency_key": idempotency_key,
            "base_url": self.base_url,
            "id": id,
        }))
    }

    /// Records that the server refused the request sent with `idempotency_key`.
    pub(crate) fn refused(&self, idempotency_key: &str, code: &str) -> Result<()> {
        self.append(&json!({
            "time": httpdate::fmt_http_date(std::time::SystemTime::now()),
            "idempotency_key": idempotency_key,
            "base_url": self.base_url,
            "refused": code,
        }))
    }

    // One line, appended under an exclusive lock and synced to disk.
    fn append(&self, line: &Value) -> Result<()> {
        let fail =
            |e: std::io::Error| Error::io(format!("cannot write {}", self.path.display()), e);
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&self.path).map_err(fail)?;
        file.lock().map_err(fail)?;
        let mut text = line.to_string();
        text.push('\n');
        file.write_all(text.as_bytes()).map_err(fail)?;
        file.sync_data().map_err(fail)?;
        Ok(())
    }

    /// The newest journaled job of one of `kinds` for this API and profile,
    /// with its id when the answer arrived; then v0.1's record of agents.
    pub fn last(&self, kinds: &[JobKind]) -> Result<Option<Entry>> {
        let mut last: Option<Entry> = None;
        for_each_line(&self.path, |v| {
            if v.get("base_url").and_then(Value::as_str) != Some(self.base_url.as_str()) {
                return;
            }
            let key = v.get("idempotency_key").and_then(Value::as_str);
            if let Some(code) = v.get("refused").and_then(Value::as_str) {
                if let Some(entry) = last
                    .as_mut()
                    .filter(|e| Some(e.idempotency_key.as_str()) == key)
                {
                    entry.refused = Some(code.to_string());
                }
                return;
            }
            if let Some(id) = v.get("id").and_then(Value::as_str) {
                if let Some(entry) = last
                    .as_mut()
                    .filter(|e| Some(e.idempotency_key.as_str()) == key)
                {
                    entry.id = Some(id.to_string());
                }
                return;
            }
            let kind = v
                .get("kind")
                .and_then(Value::as_str)
                .and_then(JobKind::parse);
            let profile = v.get("profile").and_then(Value::as_str);
            let request = v.get("request");
            if let (Some(kind), Some(key), Some(request)) = (kind, key, request)
                && kinds.contains(&kind)
                && profile == self.profile.as_deref()
            {
                last = Some(Entry {
                    time: text(&v, "time"),
                    kind,
                    idempotency_key: key.to_string(),
                    path: request
                        .get("path")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string(),
                    request: request.get("body").cloned().unwrap_or(Value::Null),
                    id: None,
                    refused: None,
                });
            }
        })?;
        if last.is_some() || !kinds.contains(&JobKind::Agent) {
            return Ok(last);
        }
        for legacy in &self.legacy {
            for_each_line(legacy, |v| {
                if let Some(id) = v.get("agent_id").and_then(Value::as_str) {
                    last = Some(Entry {
                        time: text(&v, "time"),
                        kind: JobKind::Agent,
                        idempotency_key: text(&v, "idempotency_key"),
                        path: "/v1/agent/generate".into(),
                        request: json!({"model": v.get("model")}),
                        id: Some(id.to_string()),
                        refused: None,
                    });
                }
            })?;
        }
        Ok(last)
    }
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

// Calls `f` with each JSON line of `path` (a missing file has none); lines
// that are not JSON objects, or too long, are skipped.
fn for_each_line(path: &Path, mut f: impl FnMut(Value)) -> Result<()> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(format!("cannot read {}", path.display()), e)),
    };
    let mut reader = std::io::BufReader::new(file);
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = std::io::Read::take(&mut reader, MAX_LINE + 1)
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
        if n == 0 {
            return Ok(());
        }
        if n as u64 > MAX_LINE && !line.ends_with(b"\n") {
            // Skip the rest of an over-long line.
            let mut rest = Vec::new();
            let _ = reader.read_until(b'\n', &mut rest);
            continue;
        }
        if let Ok(v @ Value::Object(_)) = serde_json::from_slice::<Value>(&line) {
            f(v);
        }
    }
}

/// How an inline file is recorded: its path, size, SHA-256 and encoding.
pub(crate) fn recorded_file(file: &LocalFile, mode: MediaMode) -> Value {
    json!({FILE_KEY: {
        "path": file.path.display().to_string(),
        "len": file.len,
        "sha256": file.sha256_hex().unwrap_or_default(),
        "mode": mode.as_str(),
    }})
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
    let changed = |why: &str| {
        Error::Config(format!(
            "cannot send the journaled request again: its file {path} {why}; re-run the original command with the same --idempotency-key"
        ))
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
    fn recorded_bodies_are_rebuilt_with_their_files() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("f.bin");
        std::fs::write(&p, b"hello").expect("write");
        let file = LocalFile::open(&p).expect("open");
        let recorded = json!({"model": "m", "image": recorded_file(&file, MediaMode::Base64)});
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
