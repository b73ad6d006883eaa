//! A batch's state file: JSON Lines on the one local store
//! (`jsonl.rs`), held by one run for its whole life. Its first line
//! names the API (base URL) and profile it belongs to; then, per row, the
//! intent (synced before the submit leaves: row identity, digest, key,
//! price), the job's id once answered, and the row's result once the API
//! gave a final answer. Reading it back is what makes a re-run resume.
//!
//! Rows are matched by identity ([`super::manifest::Row::ident`]: their own
//! `key`, else their content), never by line number: the line is kept only
//! to show, and to tell a changed row from a new one.

use super::BatchError;
use crate::error::Result;
use crate::jsonl::{Held, Store};
use crate::{Skipped, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The version written in the header line.
const VERSION: u32 = 1;

/// The API and profile a state file belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    /// The API's base URL (`sandbox` for the built-in sandbox).
    pub api: String,
    /// The settings profile, when one was chosen.
    pub profile: Option<String>,
}

impl Owner {
    /// `api` (a trailing `/` left out) with `profile`.
    pub fn new(api: &str, profile: Option<&str>) -> Self {
        Self {
            api: api.trim().trim_end_matches('/').to_string(),
            profile: profile.map(str::to_string),
        }
    }

    /// `https://api.example (profile work)`, for messages.
    pub fn describe(&self) -> String {
        match &self.profile {
            Some(p) => format!("{} (profile {p})", self.api),
            None => format!("{} (no profile)", self.api),
        }
    }
}

/// One line of the state file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "entry", rename_all = "snake_case")]
enum Entry {
    /// The first line: whose state this is.
    Header {
        version: u32,
        #[serde(flatten)]
        owner: Owner,
    },
    /// Before a submit.
    Intent {
        row: u64,
        ident: String,
        digest: String,
        key: String,
        kind: String,
        #[serde(default)]
        model: Option<String>,
        #[serde(default)]
        credits: Option<u64>,
    },
    /// The job's id.
    Answer { ident: String, id: String },
    /// The API's final answer for the row.
    Result { ident: String, result: Value },
}

/// What the state file knows of one row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowState {
    /// The line it was on when last submitted (shown, never matched on).
    pub row: u64,
    /// The row's digest when it was submitted.
    pub digest: String,
    /// The idempotency key it was sent with.
    pub key: String,
    /// The job's id, once the answer arrived.
    pub id: Option<String>,
    /// The row's result line, once it settled for good.
    pub result: Option<Value>,
}

/// One submit an earlier run made (what `--max-credits` counts).
#[derive(Clone, Debug, PartialEq)]
pub struct Submit {
    /// `agent` or `video`.
    pub kind: String,
    /// The model or engine, when recorded.
    pub model: Option<String>,
    /// Its price, when it was known.
    pub credits: Option<u64>,
}

/// Everything the state file knows.
#[derive(Debug, Default)]
pub struct Known {
    /// By row identity.
    pub rows: HashMap<String, RowState>,
    /// The identity last submitted from each line.
    pub by_line: HashMap<u64, String>,
    /// Every key sent by earlier runs, and what it cost, except those the
    /// API refused (nothing billed).
    pub submits: HashMap<String, Submit>,
}

/// The state file, held by this run until dropped.
pub struct StateFile {
    held: Held,
}

impl StateFile {
    /// Holds the state file (creating it) and reads what it knows. Refused
    /// when another run holds it, when it belongs to another API or
    /// profile, or when it is not a state file; lines that cannot be used
    /// are skipped and counted.
    pub fn open(path: &Path, owner: &Owner) -> Result<(Self, Known, Skipped)> {
        let mut held = Store::new(path).hold()?;
        let (header, entries, known, skipped) = load(&held)?;
        match header {
            Some(h) => check_owner(path, &h, owner)?,
            // Nothing usable (a new file, or only a torn first line): ours now.
            None if entries == 0 && skipped.invalid_json == 0 => {
                held.append(&Entry::Header {
                    version: VERSION,
                    owner: owner.clone(),
                })?;
            }
            None => {
                return Err(BatchError::NotAState {
                    path: path.to_path_buf(),
                }
                .into());
            }
        }
        Ok((Self { held }, known, skipped))
    }

    /// Reads what an existing state file knows, writing nothing (for
    /// `batch report`). Held while it is read, so a file a running batch
    /// holds is refused ([`crate::StoreError::Locked`]) rather than read
    /// half-written; refused too when missing, of another API or profile,
    /// or not a state file.
    pub fn read(path: &Path, owner: &Owner) -> Result<(Known, Skipped)> {
        if !path.exists() {
            return Err(crate::Error::io(
                format!("cannot read the state file {}", path.display()),
                std::io::Error::from(std::io::ErrorKind::NotFound),
            ));
        }
        let held = Store::new(path).hold()?;
        match load(&held)? {
            (Some(h), _, known, skipped) => {
                check_owner(path, &h, owner)?;
                Ok((known, skipped))
            }
            // An empty file: a run that sent nothing yet.
            (None, 0, known, skipped) if skipped.invalid_json == 0 => Ok((known, skipped)),
            _ => Err(BatchError::NotAState {
                path: path.to_path_buf(),
            }
            .into()),
        }
    }

    /// The file.
    pub fn path(&self) -> PathBuf {
        self.held.path().to_path_buf()
    }

    /// Before a submit: the row, its identity, digest, key and price.
    pub fn intent(
        &mut self,
        row: &super::manifest::Row,
        key: &str,
        credits: Option<u64>,
    ) -> Result<()> {
        let (kind, model) = match &row.spec {
            super::manifest::RowSpec::Agent(r) => ("agent", r.model.clone()),
            super::manifest::RowSpec::Video(v) => ("video", v.model.clone()),
        };
        self.append(Entry::Intent {
            row: row.line,
            ident: row.ident.clone(),
            digest: row.digest.clone(),
            key: key.to_string(),
            kind: kind.to_string(),
            model: Some(model),
            credits,
        })
    }

    /// The job's id.
    pub fn answered(&mut self, ident: &str, id: &str) -> Result<()> {
        self.append(Entry::Answer {
            ident: ident.to_string(),
            id: id.to_string(),
        })
    }

    /// The row's final result line.
    pub fn settled(&mut self, ident: &str, result: &Value) -> Result<()> {
        self.append(Entry::Result {
            ident: ident.to_string(),
            result: result.clone(),
        })
    }

    fn append(&mut self, e: Entry) -> Result<()> {
        self.held.append(&e).map_err(|e: StoreError| e.into())
    }
}

// The header (if any), the number of other entries, what they say, and
// the lines skipped.
fn load(held: &Held) -> Result<(Option<Owner>, usize, Known, Skipped)> {
    let mut header: Option<Owner> = None;
    let mut entries = 0usize;
    let mut known = Known::default();
    let mut refused: HashSet<String> = HashSet::new();
    let skipped = held.read(|e: Entry| match e {
        Entry::Header { owner, .. } => {
            header.get_or_insert(owner);
        }
        other => {
            entries = entries.saturating_add(1);
            learn(&mut known, &mut refused, other);
        }
    })?;
    for key in refused {
        known.submits.remove(&key);
    }
    Ok((header, entries, known, skipped))
}

fn check_owner(path: &Path, recorded: &Owner, owner: &Owner) -> Result<()> {
    if recorded == owner {
        return Ok(());
    }
    Err(BatchError::ForeignState {
        path: path.to_path_buf(),
        recorded: recorded.describe(),
        current: owner.describe(),
    }
    .into())
}

// One entry into what is known. A new intent for a row starts it over
// (`--restart-changed`, or a re-send after a transient failure).
fn learn(known: &mut Known, refused: &mut HashSet<String>, e: Entry) {
    match e {
        Entry::Header { .. } => {}
        Entry::Intent {
            row,
            ident,
            digest,
            key,
            kind,
            model,
            credits,
        } => {
            // Sent (again): whatever an earlier answer for the key said.
            refused.remove(&key);
            known.submits.insert(
                key.clone(),
                Submit {
                    kind,
                    model,
                    credits,
                },
            );
            known.by_line.insert(row, ident.clone());
            let id = known
                .rows
                .get(&ident)
                .filter(|k| k.key == key)
                .and_then(|k| k.id.clone());
            known.rows.insert(
                ident,
                RowState {
                    row,
                    digest,
                    key,
                    id,
                    result: None,
                },
            );
        }
        Entry::Answer { ident, id } => {
            if let Some(r) = known.rows.get_mut(&ident) {
                r.id = Some(id);
            }
        }
        Entry::Result { ident, result } => {
            if let Some(r) = known.rows.get_mut(&ident) {
                // Refused by the API: nothing was billed for that key.
                if r.id.is_none() && result.get("outcome") == Some(&Value::from("error")) {
                    refused.insert(r.key.clone());
                }
                r.result = Some(result);
            }
        }
    }
}

/// The default state file: beside the manifest, its extension replaced by
/// `.state.jsonl` (`rows.jsonl` → `rows.state.jsonl`).
pub fn default_path(manifest: &Path) -> PathBuf {
    manifest.with_extension("state.jsonl")
}

/// True when `state` and `manifest` are one file (by device and inode, so
/// another path or a hard link to it counts too).
pub fn is_same_file(state: &Path, manifest: &Path) -> bool {
    let (Ok(a), Ok(b)) = (std::fs::metadata(state), std::fs::metadata(manifest)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        matches!(
            (std::fs::canonicalize(state), std::fs::canonicalize(manifest)),
            (Ok(x), Ok(y)) if x == y
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row(line: u64, ident: &str) -> super::super::manifest::Row {
        super::super::manifest::Row {
            line,
            name: None,
            key: None,
            ident: ident.to_string(),
            digest: format!("d-{ident}"),
            spec: super::super::manifest::RowSpec::Agent(Box::new(
                crate::generate::GenerateRequest::new("essence-1"),
            )),
        }
    }

    #[test]
    fn state_is_read_back_by_identity_and_owner() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("rows.state.jsonl");
        let me = Owner::new("https://api.example/", None);
        {
            let (mut s, known, skipped) = StateFile::open(&p, &me).expect("open");
            assert!(known.rows.is_empty() && skipped.is_empty());
            s.intent(&row(2, "a"), "k2", Some(250)).expect("w");
            s.answered("a", "A2").expect("w");
            s.intent(&row(3, "b"), "k3", None).expect("w");
            s.settled("a", &json!({"outcome": "ready"})).expect("w");
            s.intent(&row(4, "c"), "k4", Some(250)).expect("w");
            s.settled("c", &json!({"outcome": "error"})).expect("w");
        }
        let (_, known, _) = StateFile::open(&p, &me).expect("reopen");
        assert_eq!(known.rows["a"].id.as_deref(), Some("A2"));
        assert_eq!(known.rows["a"].result, Some(json!({"outcome": "ready"})));
        assert_eq!(known.rows["b"].key, "k3");
        assert_eq!(known.by_line[&3], "b");
        assert_eq!(known.submits["k2"].credits, Some(250));
        assert!(!known.submits.contains_key("k4"), "refused: nothing billed");
        let other = Owner::new("https://api.example", Some("work"));
        assert!(matches!(
            StateFile::open(&p, &other),
            Err(crate::Error::Batch(BatchError::ForeignState { .. }))
        ));
        assert_eq!(
            default_path(Path::new("a/rows.jsonl")),
            Path::new("a/rows.state.jsonl")
        );
    }
}
