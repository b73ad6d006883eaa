//! A batch's state file (JSON Lines, appended and synced before each
//! submit): row number, digest and key, then the job's id, then the row's
//! result. Reading it back is what makes a re-run resume.

use crate::error::{Error, Result};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// What the state file knows of one row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowState {
    /// The row's digest when it was submitted.
    pub digest: String,
    /// The idempotency key it was sent with.
    pub key: String,
    /// The job's id, once the answer arrived.
    pub id: Option<String>,
    /// The row's result line, once it settled for good.
    pub result: Option<Value>,
}

/// An open state file.
pub struct StateFile {
    path: PathBuf,
    file: std::fs::File,
}

impl StateFile {
    /// Opens (creating) the state file and reads what it knows, row by row.
    pub fn open(path: &Path) -> Result<(Self, HashMap<u64, RowState>)> {
        let fail = |e| Error::io(format!("cannot use the state file {}", path.display()), e);
        let mut rows: HashMap<u64, RowState> = HashMap::new();
        if let Ok(f) = std::fs::File::open(path) {
            let reader = std::io::BufReader::new(f);
            for line in reader.lines() {
                let line = line.map_err(fail)?;
                let Ok(v) = serde_json::from_str::<Value>(&line) else {
                    continue;
                };
                let Some(row) = v.get("row").and_then(Value::as_u64) else {
                    continue;
                };
                let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
                if let (Some(digest), Some(key)) = (text("digest"), text("key")) {
                    // A new intent for the row starts over (--restart-changed).
                    rows.insert(
                        row,
                        RowState {
                            digest,
                            key,
                            id: None,
                            result: None,
                        },
                    );
                } else if let Some(entry) = rows.get_mut(&row) {
                    if let Some(result) = v.get("result") {
                        entry.result = Some(result.clone());
                    } else if let Some(id) = text("id") {
                        entry.id = Some(id);
                    }
                }
            }
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(path).map_err(fail)?;
        Ok((
            Self {
                path: path.to_path_buf(),
                file,
            },
            rows,
        ))
    }

    fn append(&mut self, line: &Value) -> Result<()> {
        let fail = |e| {
            Error::io(
                format!("cannot write the state file {}", self.path.display()),
                e,
            )
        };
        let mut text = line.to_string();
        text.push('\n');
        self.file.write_all(text.as_bytes()).map_err(fail)?;
        self.file.sync_data().map_err(fail)
    }

    /// Before a submit: the row, its digest and the key it is sent with.
    pub fn intent(&mut self, row: u64, digest: &str, key: &str, kind: &str) -> Result<()> {
        self.append(&json!({"row": row, "digest": digest, "key": key, "kind": kind}))
    }

    /// The job's id.
    pub fn answered(&mut self, row: u64, id: &str) -> Result<()> {
        self.append(&json!({"row": row, "id": id}))
    }

    /// The row's final result line.
    pub fn settled(&mut self, row: u64, result: &Value) -> Result<()> {
        self.append(&json!({"row": row, "result": result}))
    }
}

/// The default state file: beside the manifest, its extension replaced by
/// `.state.jsonl` (`rows.jsonl` → `rows.state.jsonl`).
pub fn default_path(manifest: &Path) -> PathBuf {
    manifest.with_extension("state.jsonl")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_is_read_back_row_by_row() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("rows.state.jsonl");
        {
            let (mut s, rows) = StateFile::open(&p).expect("open");
            assert!(rows.is_empty());
            s.intent(2, "d2", "k2", "agent").expect("w");
            s.answered(2, "A2").expect("w");
            s.intent(3, "d3", "k3", "agent").expect("w");
            s.settled(2, &json!({"outcome": "ready"})).expect("w");
        }
        let (_, rows) = StateFile::open(&p).expect("reopen");
        assert_eq!(rows[&2].id.as_deref(), Some("A2"));
        assert_eq!(
            rows[&2].result.as_ref().map(|r| r["outcome"].clone()),
            Some(json!("ready"))
        );
        assert_eq!(rows[&3].key, "k3");
        assert_eq!(rows[&3].id, None);
        assert_eq!(
            default_path(Path::new("a/rows.jsonl")),
            Path::new("a/rows.state.jsonl")
        );
    }
}
