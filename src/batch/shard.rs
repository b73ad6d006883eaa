//! Splitting one manifest across machines (`--shard I/N`) and one account's
//! rate limits across them (`--rate-share 1/N`).
//!
//! A row's shard is a fixed function of who the row is: SHA-256 of its own
//! `key`, else of its identity in the state file (its content and which of
//! several identical rows it is), the first 8 bytes read as a big-endian
//! `u64`, modulo N. Never the line number (a comment line added above would
//! move rows between shards) and never Rust's per-process randomized hasher
//! (every machine must compute the same shard). A worker of a job queue
//! (Temporal, Celery…) that uses row keys as idempotency keys can call
//! [`shard_of`] to take the same rows a `bithuman batch --shard` would.

use super::manifest::Row;
use sha2::{Digest, Sha256};
use std::num::NonZeroU64;
use std::path::{Path, PathBuf};

/// Why `--shard` or `--rate-share` was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ShardError {
    /// Not `I/N` with two whole numbers.
    #[error("{given:?} is not I/N (two whole numbers, like 2/5)")]
    Syntax {
        /// What was given.
        given: String,
    },
    /// N is 0, or I is outside 1..=N.
    #[error("{index}/{count}: I must be 1 to N, and N at least 1")]
    OutOfRange {
        /// I.
        index: u64,
        /// N.
        count: u64,
    },
}

/// Shard `index` of `count` (1-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Shard {
    index: u64,
    count: NonZeroU64,
}

/// The shard (1-based, `1..=count`) that `key` falls in: SHA-256 of the
/// key's bytes, the first 8 bytes as a big-endian `u64`, modulo `count`,
/// plus 1. Stable across machines, processes and versions.
pub fn shard_of(key: &str, count: NonZeroU64) -> u64 {
    let digest = Sha256::digest(key.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first) % count.get() + 1
}

/// The text a row is sharded by: its own key, else its identity.
pub fn shard_key(row: &Row) -> &str {
    row.key.as_deref().unwrap_or(&row.ident)
}

fn parse_pair(given: &str) -> Result<(u64, u64), ShardError> {
    let syntax = || ShardError::Syntax {
        given: given.to_string(),
    };
    let (i, n) = given.trim().split_once('/').ok_or_else(syntax)?;
    let whole = |s: &str| {
        let s = s.trim();
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(syntax());
        }
        s.parse::<u64>().map_err(|_| syntax())
    };
    Ok((whole(i)?, whole(n)?))
}

impl Shard {
    /// Shard `index` of `count`; refused unless `1 <= index <= count`.
    pub fn new(index: u64, count: u64) -> Result<Self, ShardError> {
        match NonZeroU64::new(count) {
            Some(n) if (1..=count).contains(&index) => Ok(Self { index, count: n }),
            _ => Err(ShardError::OutOfRange { index, count }),
        }
    }

    /// Reads `I/N`.
    pub fn parse(given: &str) -> Result<Self, ShardError> {
        let (i, n) = parse_pair(given)?;
        Self::new(i, n)
    }

    /// I.
    pub fn index(&self) -> u64 {
        self.index
    }

    /// N.
    pub fn count(&self) -> u64 {
        self.count.get()
    }

    /// True when `key` (a row's own key, or its identity) is in this shard.
    pub fn holds_key(&self, key: &str) -> bool {
        shard_of(key, self.count) == self.index
    }

    /// True when `row` is in this shard.
    pub fn holds(&self, row: &Row) -> bool {
        self.holds_key(shard_key(row))
    }

    /// This shard's default state file, beside the manifest:
    /// `rows.jsonl` → `rows.shard-2-of-5.state.jsonl`.
    pub fn state_path(&self, manifest: &Path) -> PathBuf {
        manifest.with_extension(format!(
            "shard-{}-of-{}.state.jsonl",
            self.index,
            self.count()
        ))
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

pub use crate::plans::RateShare;

// Reading a share is the batch's (its errors are the shard flags'); the
// type lives with the plans so the wait loop can use it without a circle.
impl RateShare {
    /// 1/`parts` of every bucket; refused for 0.
    pub fn new(parts: u64) -> Result<Self, ShardError> {
        NonZeroU64::new(parts)
            .map(|parts| Self { parts })
            .ok_or(ShardError::OutOfRange {
                index: 1,
                count: parts,
            })
    }

    /// Reads `1/N` (the numerator must be 1).
    pub fn parse(given: &str) -> Result<Self, ShardError> {
        match parse_pair(given)? {
            (1, n) => Self::new(n),
            (i, n) => Err(ShardError::OutOfRange { index: i, count: n }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_stable_and_cover_every_key_once() {
        let three = NonZeroU64::new(3).expect("3");
        // Fixed by the algorithm: these values must never change.
        let a = shard_of("row-1", three);
        assert_eq!(a, shard_of("row-1", three));
        let mut counts = [0u32; 3];
        for i in 0..300 {
            let key = format!("row-{i}");
            let s = shard_of(&key, three);
            let holders = (1..=3)
                .filter(|i| Shard::new(*i, 3).expect("shard").holds_key(&key))
                .count();
            assert_eq!(holders, 1);
            counts[usize::try_from(s - 1).expect("small")] += 1;
        }
        assert!(counts.iter().all(|c| *c > 60), "{counts:?}");
        assert_eq!(shard_of("anything", NonZeroU64::MIN), 1);
    }

    #[test]
    fn shard_and_share_syntax() {
        assert_eq!(Shard::parse("2/5").map(|s| s.to_string()), Ok("2/5".into()));
        for bad in ["0/3", "4/3", "1/0", "0/0"] {
            assert!(
                matches!(Shard::parse(bad), Err(ShardError::OutOfRange { .. })),
                "{bad}"
            );
        }
        for bad in [
            "",
            "1",
            "a/3",
            "1/",
            "/3",
            "-1/3",
            "1/3/4",
            "+1/3",
            "1/99999999999999999999",
        ] {
            assert!(
                matches!(Shard::parse(bad), Err(ShardError::Syntax { .. })),
                "{bad}"
            );
        }
        assert_eq!(RateShare::parse("1/4").map(|s| s.of(60)), Ok(15));
        assert_eq!(RateShare::parse("1/400").map(|s| s.of(60)), Ok(1));
        assert!(RateShare::parse("2/4").is_err() && RateShare::parse("1/0").is_err());
        assert_eq!(
            Shard::new(2, 5)
                .expect("shard")
                .state_path(Path::new("d/rows.jsonl")),
            Path::new("d/rows.shard-2-of-5.state.jsonl")
        );
    }
}
