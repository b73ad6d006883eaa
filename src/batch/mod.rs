//! Batches: many jobs from one manifest, in one process, as fast as the
//! account's rate limit allows, resumable after any crash, never paying
//! twice. The rows are checked first; then submits go out through a small
//! pool of workers, paced by the server's rate-limit headers and paused as
//! one by a 429, each one recorded in the state file (held by this run
//! alone) before it is sent; the jobs are followed by one
//! [`crate::wait::Waiter`] on one schedule.

mod files;
pub mod manifest;
mod pace;
mod read;
mod report;
mod runner;
pub mod shard;
pub mod state;

use crate::account::Pricing;
use crate::blocking::Client;
use crate::error::{Error, Result};
use crate::jobs::JobKind;
use crate::wait::{Announced, ReadPace, WaitOptions, Waiter};
use manifest::{Manifest, RowBook, RowError};
pub use pace::{MAX_PAUSE, Pause};
use pace::{Pace, Pool};
pub use report::{default_states, report};
pub use shard::{RateShare, Shard, ShardError, shard_of};
use state::{Known, Owner, StateFile};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use crate::error::BatchError;

/// How many submits may be in flight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Concurrency {
    /// At most this many.
    Fixed(usize),
    /// Start at 2, grow while answers are fast and 2xx, shrink on 429/5xx.
    Auto,
}

/// What a batch does.
pub struct BatchOptions {
    /// Agents or videos.
    pub kind: JobKind,
    /// Submits in flight.
    pub concurrency: Concurrency,
    /// Wait for every job (one deadline).
    pub wait: Option<WaitOptions>,
    /// With `wait`: jobs whose end was announced (a webhook) are read at
    /// once; `wait`'s interval is then the slow fallback poll's.
    pub announced: Option<Announced>,
    /// Save each result into this folder (with `wait`).
    pub download: Option<PathBuf>,
    /// Stop submitting after the first failed row.
    pub fail_fast: bool,
    /// The sum of submitted jobs' prices never passes this.
    pub max_credits: Option<u64>,
    /// Submit rows whose content changed since the state was written, anew.
    pub restart_changed: bool,
    /// Names a failure for the state file: (code, message, exit code), so a
    /// re-run reports an earlier row exactly as the first run did.
    pub describe: Describe,
    /// The API and profile this run talks to (the state file must be theirs).
    pub owner: Owner,
    /// Only the rows of this shard (`--shard I/N`).
    pub shard: Option<Shard>,
    /// Pace at this share of the account's rate limits (`--rate-share 1/N`).
    pub rate_share: RateShare,
    /// Stop submitting and waiting this long after the start
    /// (`--max-runtime`); the run then ends [`BatchError::OutOfTime`].
    pub max_runtime: Option<Duration>,
    /// When the batch started, for `max_runtime` (the CLI: before its check
    /// of every row, which counts against a CI job's time too); `None`:
    /// when [`run`] is called.
    pub started: Option<Instant>,
}

/// Names a failure: (code, message, exit code).
pub type Describe = Box<dyn Fn(&RowFailure) -> (String, String, u8)>;

/// How a row ended up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Done (`ready`, `completed`).
    Ready,
    /// The job failed.
    Failed,
    /// Submitted and not waited for, or still running at the deadline.
    Pending,
    /// Not submitted or not followed: an error (budget, refusal, network…).
    Error,
    /// An invalid row left out (`--skip-invalid`), or not sent after `--fail-fast`.
    Skipped,
}

impl Outcome {
    /// `ready`, `failed`, `pending`, `error`, `skipped`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ready => "ready",
            Outcome::Failed => "failed",
            Outcome::Pending => "pending",
            Outcome::Error => "error",
            Outcome::Skipped => "skipped",
        }
    }
}

/// Why a row did not end `ready`.
#[derive(Debug)]
pub enum RowFailure {
    /// The API (or the network) refused or failed the submit, poll or download.
    Api(Error),
    /// The job itself failed on the server.
    Job(String),
    /// The job was still running at the deadline.
    Timeout,
    /// Over `--max-credits`.
    Budget {
        /// Its price (`None`: the price list has none for it).
        price: Option<u64>,
        /// Credits already submitted, by this run and earlier ones (`None`:
        /// an earlier submit's price is unknown).
        reserved: Option<u64>,
        /// The budget.
        max: u64,
    },
    /// Not sent: an earlier row failed and `--fail-fast` was given.
    FailFast,
    /// The row is invalid (with `--skip-invalid`).
    Invalid(RowError),
    /// Not sent (or not followed to its end) before `--max-runtime`: the
    /// same command goes on with it.
    OutOfTime,
    /// Submitted, and no run has followed its job to the end yet (`batch
    /// report`).
    Unsettled,
    /// No state file has the row (`batch report`): never sent, or sent by
    /// a run whose state file was not given.
    Unrecorded,
    /// The server answered with the id of another row's job.
    DuplicateId {
        /// The id.
        id: String,
        /// The line of the row that has it.
        other_row: u64,
    },
}

/// One settled row.
#[derive(Debug)]
pub struct RowResult {
    /// Line number.
    pub row: u64,
    /// `name`, when the row had one.
    pub name: Option<String>,
    /// The idempotency key it was (or would have been) sent with.
    pub key: Option<String>,
    /// The job's id, once known.
    pub id: Option<String>,
    /// The job's last status, when known.
    pub status: Option<String>,
    /// How it ended.
    pub outcome: Outcome,
    /// The saved file (`--download`).
    pub path: Option<PathBuf>,
    /// Why it did not end `ready`.
    pub failure: Option<RowFailure>,
    /// Settled by an earlier run (read back from the state file).
    pub earlier: Option<serde_json::Value>,
    /// The row's identity in the state file, when it got one.
    pub ident: Option<String>,
}

impl RowResult {
    fn new(row: u64, name: Option<String>, key: Option<String>, id: Option<String>) -> Self {
        Self {
            row,
            name,
            key,
            id,
            status: None,
            outcome: Outcome::Pending,
            path: None,
            failure: None,
            earlier: None,
            ident: None,
        }
    }

    /// True when this is the API's final word on the row: the job is ready
    /// or failed, or the API refused the row itself (a 4xx). Anything else
    /// (a transient failure, a refusal of the account rather than the row,
    /// a budget or fail-fast stop, a job still running, a misbehaving
    /// server) leaves the row for the next run.
    pub fn is_final(&self) -> bool {
        match (self.outcome, &self.failure) {
            (Outcome::Ready | Outcome::Failed, _) => true,
            (Outcome::Error, Some(RowFailure::Api(e))) => e.api().is_some_and(|a| {
                // 401/402/403 are about the secret, the credits or the plan:
                // once they are fixed the same command must send the row.
                // 408/409 (a request timed out, the key is still in use) and
                // 429/5xx are transient.
                (400..500).contains(&a.status) && !matches!(a.status, 401..=403 | 408 | 409 | 429)
            }),
            _ => false,
        }
    }
}

/// What the runner reports as it goes.
pub enum BatchEvent<'a> {
    /// A row settled.
    Settled(&'a RowResult),
    /// Progress counts changed.
    Progress {
        /// Rows settled.
        done: usize,
        /// Rows in all.
        total: usize,
        /// Jobs submitted and still followed.
        running: usize,
    },
    /// Every submit pauses after a 429.
    Paused(Pause),
    /// The state file had lines that could not be used (they were skipped).
    StateSkipped {
        /// The state file.
        path: PathBuf,
        /// What was skipped.
        skipped: crate::Skipped,
    },
}

/// Runs a batch. `client` talks to the API (each worker gets a client of
/// its own, made with [`Client::fresh_with_hook`]); `checked` is what the
/// check pass found (the number of rows, every row's identity); `on_event`
/// hears every settled row, pause and progress.
///
/// # Errors
/// The state file is the manifest, held by another run, or belongs to
/// another API or profile; a row changed since it was recorded; the price
/// list (with `--max-credits`) or the state file cannot be read or written;
/// the run was interrupted.
pub fn run(
    client: &Client,
    manifest: &Manifest,
    defaults: &manifest::RowDefaults,
    state_path: &Path,
    options: &BatchOptions,
    checked: &Checked,
    on_event: &mut dyn FnMut(BatchEvent<'_>),
) -> Result<()> {
    let started = options.started.unwrap_or_else(Instant::now);
    if state::is_same_file(state_path, manifest.path()) {
        return Err(BatchError::StateIsManifest {
            path: state_path.to_path_buf(),
        }
        .into());
    }
    // Held before anything is sent, and checked against this API.
    let (state, known, skipped) = StateFile::open(state_path, &options.owner)?;
    if !skipped.is_empty() {
        on_event(BatchEvent::StateSkipped {
            path: state_path.to_path_buf(),
            skipped,
        });
    }
    let pricing = match options.max_credits {
        Some(_) => Some(client.pricing()?),
        None => None,
    };
    let reserved = spent(&known, pricing.as_ref());
    let ids = known_ids(&known);
    let stop_at = options.max_runtime.and_then(|t| started.checked_add(t));
    let mut waiter = options
        .wait
        .as_ref()
        .map(|o| Waiter::new(o).with_reads(ReadPace::new(options.rate_share)));
    // Polls go through a client that tells the read schedule the bucket.
    let reader = waiter
        .as_ref()
        .map(|w| client.fresh_with_hook(w.reads().hook()));
    if let (Some(w), Some(at)) = (waiter.as_mut(), stop_at) {
        w.stop_at(at);
    }
    // No pause runs past the wait deadline or the --max-runtime.
    let until = waiter.as_ref().and_then(Waiter::deadline).or(stop_at);
    let pace = Arc::new(Mutex::new(Pace::until(until, options.rate_share)));
    let pool = Pool::start(client, options, pace.clone())?;
    let mut run = runner::Runner {
        client,
        manifest,
        defaults,
        options,
        rows: manifest.rows()?,
        book: RowBook::default(),
        claimed: &checked.idents,
        state,
        known,
        pricing,
        reserved,
        ids,
        pace,
        allowed: match options.concurrency {
            Concurrency::Fixed(n) => n.max(1),
            Concurrency::Auto => 2,
        },
        pool,
        waiter,
        reader,
        sent: HashMap::new(),
        followed: HashMap::new(),
        job_rows: HashMap::new(),
        queued: None,
        done: 0,
        pending: 0,
        total: checked.rows,
        stop_at,
        out_of_time: false,
        stop: false,
        exhausted: false,
        on_event,
    };
    let result = match run.drive() {
        Err(e @ Error::Interrupted { .. }) => {
            run.report_followed();
            Err(e)
        }
        other => other,
    };
    run.pool.stop();
    result
}

// What earlier runs submitted (every key sent, except those the API
// refused), priced as recorded or by the model it was sent with; `None`
// when one cannot be priced.
fn spent(known: &Known, pricing: Option<&Pricing>) -> Option<u64> {
    known.submits.values().try_fold(0u64, |total, s| {
        let credits = s.credits.or_else(|| {
            let (pricing, model) = (pricing?, s.model.as_deref()?);
            match s.kind.as_str() {
                "video" => pricing.video(model, None),
                _ => pricing.agent(model),
            }
            .map(|p| p.credits)
        })?;
        total.checked_add(credits)
    })
}

// The job ids earlier runs were answered with, by row identity and line.
fn known_ids(known: &Known) -> HashMap<String, (String, u64)> {
    known
        .rows
        .iter()
        .filter_map(|(ident, r)| Some((r.id.clone()?, (ident.clone(), r.row))))
        .collect()
}

/// What the check of a whole manifest found.
#[derive(Debug, Default)]
pub struct Checked {
    /// Rows read (valid or not).
    pub rows: usize,
    /// Rows refused.
    pub invalid: usize,
    /// The sum of the valid rows' prices, when a price list was given and
    /// every row has a price.
    pub total_credits: Option<u64>,
    /// Every valid row's identity ([`manifest::Row::ident`]).
    pub idents: HashSet<String>,
}

/// Checks every row of `manifest` (streamed: nothing but the counts and
/// the rows' identities is kept), calling `on_row` with each valid row's
/// line (of `shard`, when given) and each invalid row's line and error
/// (whatever the shard: the manifest is shared, so every shard refuses it).
/// Rows and prices are counted for `shard` alone; invalid rows count in
/// shard 1 (they have no identity to be sharded by).
pub fn check_all(
    manifest: &Manifest,
    kind: JobKind,
    defaults: &manifest::RowDefaults,
    pricing: Option<&Pricing>,
    shard: Option<Shard>,
    on_row: &mut dyn FnMut(u64, Option<&RowError>),
) -> Result<Checked> {
    let mut checked = Checked {
        total_credits: pricing.map(|_| 0),
        ..Checked::default()
    };
    let mut book = RowBook::default();
    for raw in manifest.rows()? {
        let row = raw
            .and_then(|raw| manifest.check(&raw, kind, defaults))
            .and_then(|mut row| book.admit(&mut row).map(|()| row));
        match row {
            // Named (the n-th of identical rows counts every shard's), then left out.
            Ok(row) if shard.is_some_and(|s| !s.holds(&row)) => {
                checked.idents.insert(row.ident);
            }
            Ok(row) => {
                checked.rows += 1;
                if let Some(p) = pricing {
                    checked.total_credits = checked
                        .total_credits
                        .and_then(|total| total.checked_add(runner::price_of(p, &row)?.credits));
                }
                on_row(row.line, None);
                checked.idents.insert(row.ident);
            }
            Err(e) => {
                if holds_invalid(shard) {
                    checked.rows += 1;
                    checked.invalid += 1;
                }
                on_row(e.line, Some(&e));
            }
        }
    }
    Ok(checked)
}

/// True when `shard` reports the invalid rows (shard 1, or no shard).
pub(crate) fn holds_invalid(shard: Option<Shard>) -> bool {
    shard.is_none_or(|s| s.index() == 1)
}

/// The state file's record of a settled row (what a re-run reports).
pub fn result_line(r: &RowResult) -> serde_json::Value {
    let mut v = serde_json::json!({
        "row": r.row,
        "key": r.key,
        "id": r.id,
        "status": r.status,
        "outcome": r.outcome.as_str(),
    });
    if let Some(n) = &r.name {
        v["name"] = serde_json::Value::from(n.as_str());
    }
    if let Some(p) = &r.path {
        v["path"] = serde_json::Value::from(p.display().to_string());
    }
    v
}
