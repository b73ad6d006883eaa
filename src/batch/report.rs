//! `batch report`: a batch's results read back from its state files (one,
//! or every shard's), row by row in manifest order, as the batch would have
//! reported them at its end. Nothing is sent.

use super::manifest::{self, Manifest, RowBook};
use super::state::{Known, Owner, RowState, StateFile};
use super::{BatchEvent, Outcome, RowFailure, RowResult};
use crate::error::Result;
use crate::jobs::JobKind;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The state files a report reads by default: the manifest's own
/// (`rows.state.jsonl`) and every shard's (`rows.shard-I-of-N.state.jsonl`)
/// beside it, those that exist, in name order.
pub fn default_states(manifest: &Path) -> Vec<PathBuf> {
    let own = super::state::default_path(manifest);
    let stem = manifest
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = match manifest.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let prefix = format!("{stem}.shard-");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&prefix) && is_shard_state(&n[prefix.len()..]))
        .map(|n| dir.join(n))
        .collect();
    found.sort();
    if own.exists() {
        found.insert(0, own);
    }
    found
}

// "I-of-N.state.jsonl" with two whole numbers.
fn is_shard_state(rest: &str) -> bool {
    let Some(nums) = rest.strip_suffix(".state.jsonl") else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    nums.split_once("-of-")
        .is_some_and(|(i, n)| digits(i) && digits(n))
}

/// What every state file knows, merged by row identity: a row settled in
/// one file wins over one only submitted in another.
fn merged(
    states: &[PathBuf],
    owner: &Owner,
    on_event: &mut dyn FnMut(BatchEvent<'_>),
) -> Result<HashMap<String, RowState>> {
    let mut rows: HashMap<String, RowState> = HashMap::new();
    for path in states {
        let (known, skipped): (Known, _) = StateFile::read(path, owner)?;
        if !skipped.is_empty() {
            on_event(BatchEvent::StateSkipped {
                path: path.clone(),
                skipped,
            });
        }
        for (ident, r) in known.rows {
            let rank = |r: &RowState| u8::from(r.id.is_some()) + 2 * u8::from(r.result.is_some());
            match rows.get(&ident) {
                Some(have) if rank(have) >= rank(&r) => {}
                _ => {
                    rows.insert(ident, r);
                }
            }
        }
    }
    Ok(rows)
}

/// Reports every row of `manifest` from the state files `states`, each
/// as a [`BatchEvent::Settled`] in manifest order: a settled row as its run
/// recorded it; a row submitted and never settled `pending` with its job's
/// id ([`RowFailure::Unsettled`]); a row no state file has (or whose content
/// changed since) `pending` with no id ([`RowFailure::Unrecorded`]);
/// an invalid row `skipped`.
///
/// # Errors
/// A state file is missing, held by a running batch, of another API or
/// profile, or not a state file; the manifest cannot be read.
pub fn report(
    manifest: &Manifest,
    kind: JobKind,
    defaults: &manifest::RowDefaults,
    states: &[PathBuf],
    owner: &Owner,
    on_event: &mut dyn FnMut(BatchEvent<'_>),
) -> Result<()> {
    let known = merged(states, owner, on_event)?;
    let mut book = RowBook::default();
    for raw in manifest.rows()? {
        let name = raw.as_ref().ok().and_then(manifest::RawRow::name);
        let checked = raw
            .and_then(|raw| manifest.check(&raw, kind, defaults))
            .and_then(|mut row| book.admit(&mut row).map(|()| row));
        let r = match checked {
            Err(e) => {
                let mut r = RowResult::new(e.line, name, None, None);
                r.outcome = Outcome::Skipped;
                r.failure = Some(RowFailure::Invalid(e));
                r
            }
            Ok(row) => match known.get(&row.ident).filter(|k| k.digest == row.digest) {
                Some(RowState {
                    result: Some(result),
                    ..
                }) => super::runner::earlier(&row, result.clone()),
                Some(k) => {
                    let mut r = RowResult::new(
                        row.line,
                        row.name.clone(),
                        Some(k.key.clone()),
                        k.id.clone(),
                    );
                    r.failure = Some(match k.id {
                        Some(_) => RowFailure::Unsettled,
                        None => RowFailure::Unrecorded,
                    });
                    r
                }
                None => {
                    let mut r = RowResult::new(row.line, row.name.clone(), row.key.clone(), None);
                    r.failure = Some(RowFailure::Unrecorded);
                    r
                }
            },
        };
        on_event(BatchEvent::Settled(&r));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_state_names() {
        assert!(is_shard_state("2-of-3.state.jsonl"));
        for bad in [
            "2-of-.state.jsonl",
            "x-of-3.state.jsonl",
            "2-of-3.jsonl",
            "2of3.state.jsonl",
        ] {
            assert!(!is_shard_state(bad), "{bad}");
        }
    }
}
