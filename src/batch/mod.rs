//! Batches: many jobs from one manifest, in one process, as fast as the
//! account's rate limit allows, resumable after any crash, never paying
//! twice. The rows are checked first; then submits go out through a small
//! pool of workers, paced by the server's rate-limit headers and paused as
//! one by a 429, each one recorded in the state file before it is sent; the
//! jobs are followed by one [`Waiter`] on one schedule.

pub mod manifest;
pub mod state;

use crate::account::{Price, Pricing};
use crate::client::Client;
use crate::download::Destination;
use crate::error::{Error, Result};
use crate::http::RateInfo;
use crate::jobs::{Job, JobKind};
use crate::wait::{WaitEvent, WaitOptions, WaitOutcome, Waiter};
use manifest::{Manifest, Row, RowError, RowSpec};
use state::{RowState, StateFile};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How many submits may be in flight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Concurrency {
    /// At most this many.
    Fixed(usize),
    /// Start at 2, grow while answers are fast and 2xx, shrink on 429/5xx.
    Auto,
}

/// The most submits `auto` lets fly at once.
const AUTO_MAX: usize = 8;

/// What a batch does.
pub struct BatchOptions {
    /// Agents or videos.
    pub kind: JobKind,
    /// Submits in flight.
    pub concurrency: Concurrency,
    /// Wait for every job (one deadline).
    pub wait: Option<WaitOptions>,
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
        /// Its price.
        price: u64,
        /// Credits already reserved by earlier rows.
        reserved: u64,
        /// The budget.
        max: u64,
    },
    /// Not sent: an earlier row failed and `--fail-fast` was given.
    FailFast,
    /// The row is invalid (with `--skip-invalid`).
    Invalid(RowError),
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
}

/// Pace shared by the workers: the server's limit (spaced evenly, a little
/// under it) and one pause for everyone after a 429.
#[derive(Default)]
struct Pace {
    limit: Option<u64>,
    paused_until: Option<Instant>,
    next_slot: Option<Instant>,
    /// Answers seen since the last change of concurrency.
    good: usize,
    trouble: bool,
}

impl Pace {
    fn heard(&mut self, info: &RateInfo) {
        if let Some(l) = info.limit.filter(|l| *l > 0) {
            self.limit = Some(l);
        }
        if info.status == 429 || (500..600).contains(&info.status) {
            self.trouble = true;
        } else if (200..300).contains(&info.status) {
            self.good += 1;
        }
        if info.status == 429 {
            let pause = info.retry_after.unwrap_or(Duration::from_secs(1));
            let until = Instant::now() + pause;
            self.paused_until = Some(self.paused_until.map_or(until, |p| p.max(until)));
        } else if info.remaining == Some(0)
            && let Some(reset) = info.reset
        {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let wait = Duration::from_secs(reset.saturating_sub(now).min(120));
            let until = Instant::now() + wait;
            self.paused_until = Some(self.paused_until.map_or(until, |p| p.max(until)));
        }
    }

    // When the next submit may go, and books it.
    fn take_slot(&mut self) -> Option<Instant> {
        let now = Instant::now();
        let mut at = now;
        if let Some(p) = self.paused_until {
            at = at.max(p);
        }
        if let Some(n) = self.next_slot {
            at = at.max(n);
        }
        if at > now {
            return Some(at);
        }
        if let Some(l) = self.limit {
            // 5 % under the limit: a sliding 60 s window never sees L + 1.
            let gap = Duration::from_secs_f64(60.0 / l as f64 * 1.05);
            self.next_slot = Some(now + gap);
        }
        None
    }
}

struct Task {
    row: Row,
    key: String,
    client: Arc<Client>,
}

struct Answer {
    line: u64,
    result: Result<String>,
}

/// Runs a batch. `client` talks to the API (a clone per worker is made
/// with [`Client::fresh_with_hook`]); `rows_total` is the number of rows the check
/// found; `on_event` hears every settled row and progress.
pub fn run(
    client: &Client,
    manifest: &Manifest,
    defaults: &manifest::RowDefaults,
    state_path: &std::path::Path,
    options: &BatchOptions,
    rows_total: usize,
    on_event: &mut dyn FnMut(BatchEvent<'_>),
) -> Result<()> {
    let (mut state, known) = StateFile::open(state_path)?;
    let pace = Arc::new(Mutex::new(Pace::default()));
    let pricing = match options.max_credits {
        Some(_) => Some(client.pricing()?),
        None => None,
    };
    let mut reserved: u64 = 0;
    let workers = match options.concurrency {
        Concurrency::Fixed(n) => n.max(1),
        Concurrency::Auto => AUTO_MAX,
    };
    let mut allowed = match options.concurrency {
        Concurrency::Fixed(n) => n.max(1),
        Concurrency::Auto => 2,
    };
    // The pool: each worker has its own client (its own connection and
    // runtime) hearing every answer's rate-limit facts.
    let (task_tx, task_rx) = mpsc::channel::<Task>();
    let task_rx = Arc::new(Mutex::new(task_rx));
    let (done_tx, done_rx) = mpsc::channel::<Answer>();
    let mut pool = Vec::new();
    let submit_path = options.kind.submit_path(None)?;
    for _ in 0..workers {
        let rx = task_rx.clone();
        let tx = done_tx.clone();
        pool.push(std::thread::spawn(move || {
            loop {
                let task = match rx.lock() {
                    Ok(rx) => match rx.recv() {
                        Ok(t) => t,
                        Err(_) => return,
                    },
                    Err(_) => return,
                };
                let result = submit(&task.client, &task.row, &task.key);
                if tx
                    .send(Answer {
                        line: task.row.line,
                        result,
                    })
                    .is_err()
                {
                    return;
                }
            }
        }));
    }
    drop(done_tx);
    let hook_pace = pace.clone();
    let hook_path = submit_path.clone();
    let worker_client = Arc::new(client.fresh_with_hook(Arc::new(
        move |path: &str, info: &RateInfo| {
            if path == hook_path
                && let Ok(mut p) = hook_pace.lock()
            {
                p.heard(info);
            }
        },
    )));

    let mut waiter = options.wait.as_ref().map(Waiter::new);
    let mut rows = manifest.rows()?;
    let mut pending_rows: HashMap<u64, (Row, String)> = HashMap::new();
    let mut followed: HashMap<u64, Row> = HashMap::new();
    let mut job_rows: HashMap<usize, u64> = HashMap::new();
    let mut in_flight = 0usize;
    let mut done = 0usize;
    let mut stop = false;
    let mut exhausted = false;
    let mut queued: Option<(Row, String)> = None;
    let settle = |r: RowResult,
                  state: &mut StateFile,
                  on_event: &mut dyn FnMut(BatchEvent<'_>),
                  done: &mut usize|
     -> Result<()> {
        // Pending rows are followed again by a re-run; the rest are final.
        if r.earlier.is_none() && !matches!(r.outcome, Outcome::Pending) {
            let mut line = result_line(&r);
            if let Some(f) = &r.failure {
                let (code, message, exit) = (options.describe)(f);
                line["error"] = serde_json::json!({"code": code, "message": message});
                line["exit"] = serde_json::Value::from(exit);
            }
            state.settled(r.row, &line)?;
        }
        *done += 1;
        on_event(BatchEvent::Settled(&r));
        Ok(())
    };

    loop {
        if stop && let Some((row, key)) = queued.take() {
            settle(skipped_fail_fast(row, key), &mut state, on_event, &mut done)?;
        }
        // 1. Hand rows to the workers while the pace and concurrency allow.
        while !stop && in_flight < allowed {
            let next = match queued.take() {
                Some(q) => q,
                None => {
                    if exhausted {
                        break;
                    }
                    let Some(raw) = rows.next() else {
                        exhausted = true;
                        break;
                    };
                    let row = match raw.and_then(|raw| manifest.check(&raw, options.kind, defaults))
                    {
                        Ok(row) => row,
                        Err(e) => {
                            // Invalid rows were reported by the check pass (or skipped).
                            let r = RowResult {
                                row: e.line,
                                name: None,
                                key: None,
                                id: None,
                                status: None,
                                outcome: Outcome::Skipped,
                                path: None,
                                failure: Some(RowFailure::Invalid(e)),
                                earlier: None,
                            };
                            settle(r, &mut state, on_event, &mut done)?;
                            continue;
                        }
                    };
                    match plan(&row, known.get(&row.line), options)? {
                        Plan::Earlier(result) => {
                            let r = earlier(&row, result);
                            settle(r, &mut state, on_event, &mut done)?;
                            continue;
                        }
                        Plan::Follow(id) => {
                            let mut row = row;
                            if row.key.is_none() {
                                row.key = known.get(&row.line).map(|k| k.key.clone());
                            }
                            match waiter.as_mut() {
                                Some(w) => {
                                    let index = w.add(job_of(&row, &id, options.kind));
                                    job_rows.insert(index, row.line);
                                    followed.insert(row.line, row);
                                }
                                None => {
                                    settle(pending(row, Some(id)), &mut state, on_event, &mut done)?
                                }
                            }
                            continue;
                        }
                        Plan::Send(key) => {
                            // The budget is a running reservation: concurrent
                            // submits can never pass it together.
                            if let (Some(max), Some(pricing)) = (options.max_credits, &pricing) {
                                let price = price_of(pricing, &row).map_or(u64::MAX, |p| p.credits);
                                if reserved.saturating_add(price) > max {
                                    let r = RowResult {
                                        row: row.line,
                                        name: row.name.clone(),
                                        key: Some(key),
                                        id: None,
                                        status: None,
                                        outcome: Outcome::Error,
                                        path: None,
                                        failure: Some(RowFailure::Budget {
                                            price,
                                            reserved,
                                            max,
                                        }),
                                        earlier: None,
                                    };
                                    settle(r, &mut state, on_event, &mut done)?;
                                    continue;
                                }
                                reserved += price;
                            }
                            (row, key)
                        }
                    }
                }
            };
            let slot = pace.lock().ok().and_then(|mut p| p.take_slot());
            if let Some(at) = slot {
                queued = Some(next);
                // Wait for the slot below, still hearing answers meanwhile.
                let _ = at;
                break;
            }
            let (mut row, key) = next;
            // Reported with the key it is sent with, generated or its own.
            row.key = Some(key.clone());
            state.intent(row.line, &row.digest, &key, options.kind.as_str())?;
            pending_rows.insert(row.line, (row.clone(), key.clone()));
            in_flight += 1;
            if task_tx
                .send(Task {
                    row,
                    key,
                    client: worker_client.clone(),
                })
                .is_err()
            {
                return Err(Error::Config("the batch's workers stopped".into()));
            }
        }
        on_event(BatchEvent::Progress {
            done,
            total: rows_total,
            running: in_flight + waiter.as_ref().map_or(0, Waiter::len),
        });

        let nothing_left = exhausted || stop;
        if nothing_left
            && queued.is_none()
            && in_flight == 0
            && waiter.as_ref().is_none_or(Waiter::is_empty)
        {
            break;
        }

        // 2. Sleep until an answer arrives, the next slot, or the next poll.
        let mut wake = Instant::now() + Duration::from_millis(500);
        if let Some(next) = waiter.as_ref().and_then(Waiter::next_due) {
            wake = wake.min(next);
        }
        if queued.is_some()
            && let Some(at) = pace
                .lock()
                .ok()
                .and_then(|p| p.paused_until.max(p.next_slot))
        {
            wake = wake.min(at.max(Instant::now()));
        }
        let timeout = wake.saturating_duration_since(Instant::now());
        let answer = if in_flight > 0 {
            done_rx.recv_timeout(timeout).ok()
        } else {
            if client.sleep(timeout).is_err() {
                return Err(Error::Interrupted);
            }
            None
        };
        if is_cancelled(client) {
            return Err(Error::Interrupted);
        }
        if let Some(a) = answer {
            in_flight -= 1;
            let Some((row, key)) = pending_rows.remove(&a.line) else {
                continue;
            };
            match a.result {
                Ok(id) => {
                    state.answered(row.line, &id)?;
                    if let Concurrency::Auto = options.concurrency {
                        adapt(&pace, &mut allowed);
                    }
                    match waiter.as_mut() {
                        Some(w) => {
                            let index = w.add(job_of(&row, &id, options.kind));
                            job_rows.insert(index, row.line);
                            followed.insert(row.line, row);
                        }
                        None => settle(pending(row, Some(id)), &mut state, on_event, &mut done)?,
                    }
                }
                Err(Error::Interrupted) => return Err(Error::Interrupted),
                Err(e) => {
                    if let Concurrency::Auto = options.concurrency {
                        adapt(&pace, &mut allowed);
                    }
                    if options.fail_fast {
                        stop = true;
                    }
                    let r = RowResult {
                        row: row.line,
                        name: row.name.clone(),
                        key: Some(key),
                        id: None,
                        status: None,
                        outcome: Outcome::Error,
                        path: None,
                        failure: Some(RowFailure::Api(e)),
                        earlier: None,
                    };
                    settle(r, &mut state, on_event, &mut done)?;
                }
            }
        }

        // 3. Poll the jobs that are due, all on one schedule.
        if let Some(w) = waiter.as_mut() {
            let finished = w.poll_due(client, &mut |_e: WaitEvent<'_>| {});
            for (index, job, outcome) in finished {
                let Some(line) = job_rows.remove(&index) else {
                    continue;
                };
                let Some(row) = followed.remove(&line) else {
                    continue;
                };
                let r = finish(client, row, &job, outcome, options, known.get(&line));
                if r.outcome == Outcome::Failed && options.fail_fast {
                    stop = true;
                }
                settle(r, &mut state, on_event, &mut done)?;
            }
        }
    }
    // Rows never sent after --fail-fast.
    if stop {
        if let Some((row, key)) = queued.take() {
            settle(skipped_fail_fast(row, key), &mut state, on_event, &mut done)?;
        }
        for raw in rows.by_ref().flatten() {
            if let Ok(row) = manifest.check(&raw, options.kind, defaults) {
                let key = row.key.clone().unwrap_or_default();
                settle(skipped_fail_fast(row, key), &mut state, on_event, &mut done)?;
            }
        }
    }
    drop(task_tx);
    for w in pool {
        let _ = w.join();
    }
    Ok(())
}

fn is_cancelled(client: &Client) -> bool {
    client.sleep(Duration::ZERO).is_err()
}

fn skipped_fail_fast(row: Row, key: String) -> RowResult {
    RowResult {
        row: row.line,
        name: row.name,
        key: Some(key).filter(|k| !k.is_empty()),
        id: None,
        status: None,
        outcome: Outcome::Skipped,
        path: None,
        failure: Some(RowFailure::FailFast),
        earlier: None,
    }
}

// auto: one more submit in flight after a run of fast 2xx answers, half as
// many after a 429 or 5xx.
fn adapt(pace: &Arc<Mutex<Pace>>, allowed: &mut usize) {
    if let Ok(mut p) = pace.lock() {
        if p.trouble {
            *allowed = (*allowed / 2).max(1);
            p.trouble = false;
            p.good = 0;
        } else if p.good >= 4 {
            *allowed = (*allowed + 1).min(AUTO_MAX);
            p.good = 0;
        }
    }
}

enum Plan {
    /// Settled by an earlier run: report it.
    Earlier(serde_json::Value),
    /// Submitted by an earlier run: follow its job.
    Follow(String),
    /// Send (again) with this key.
    Send(String),
}

fn plan(row: &Row, known: Option<&RowState>, options: &BatchOptions) -> Result<Plan> {
    let Some(k) = known else {
        return Ok(Plan::Send(
            row.key.clone().unwrap_or_else(crate::new_idempotency_key),
        ));
    };
    if k.digest != row.digest {
        if options.restart_changed {
            return Ok(Plan::Send(
                row.key.clone().unwrap_or_else(crate::new_idempotency_key),
            ));
        }
        return Err(Error::Config(format!(
            "row {} changed since the state file recorded it; run with --restart-changed to submit it anew (the earlier job is not cancelled), or restore the row",
            row.line
        )));
    }
    if let Some(result) = &k.result {
        return Ok(Plan::Earlier(result.clone()));
    }
    if let Some(id) = &k.id {
        return Ok(Plan::Follow(id.clone()));
    }
    // Recorded but never answered: the same key, so the server replays.
    Ok(Plan::Send(k.key.clone()))
}

fn job_of(row: &Row, id: &str, kind: JobKind) -> Job {
    match kind {
        JobKind::Video => Job::video(id),
        _ => {
            let mut j = Job::agent(id);
            if let RowSpec::Agent(r) = &row.spec {
                j.model = Some(r.model.clone());
            }
            j
        }
    }
}

fn submit(client: &Client, row: &Row, key: &str) -> Result<String> {
    match &row.spec {
        RowSpec::Agent(r) => client.create_agent(r, key, None).map(|c| c.agent_id),
        RowSpec::Video(v) => client.create_video(v, key).map(|s| s.id),
    }
}

fn price_of(pricing: &Pricing, row: &Row) -> Option<Price> {
    match &row.spec {
        RowSpec::Agent(r) => pricing.agent(&r.model),
        RowSpec::Video(v) => pricing.video(&v.model, None),
    }
}

fn pending(row: Row, id: Option<String>) -> RowResult {
    RowResult {
        row: row.line,
        name: row.name,
        key: row.key,
        id,
        status: None,
        outcome: Outcome::Pending,
        path: None,
        failure: None,
        earlier: None,
    }
}

fn earlier(row: &Row, result: serde_json::Value) -> RowResult {
    let outcome = match result.get("outcome").and_then(serde_json::Value::as_str) {
        Some("ready") => Outcome::Ready,
        Some("failed") => Outcome::Failed,
        Some("skipped") => Outcome::Skipped,
        _ => Outcome::Error,
    };
    RowResult {
        row: row.line,
        name: row.name.clone(),
        key: result
            .get("key")
            .and_then(|k| k.as_str())
            .map(str::to_string),
        id: result
            .get("id")
            .and_then(|k| k.as_str())
            .map(str::to_string),
        status: result
            .get("status")
            .and_then(|k| k.as_str())
            .map(str::to_string),
        outcome,
        path: None,
        failure: None,
        earlier: Some(result),
    }
}

// A followed job's outcome, with its download when asked for.
fn finish(
    client: &Client,
    row: Row,
    job: &Job,
    outcome: WaitOutcome,
    options: &BatchOptions,
    known: Option<&RowState>,
) -> RowResult {
    let key = row.key.clone().or_else(|| known.map(|k| k.key.clone()));
    let mut r = RowResult {
        row: row.line,
        name: row.name,
        key,
        id: Some(job.id.clone()),
        status: None,
        outcome: Outcome::Pending,
        path: None,
        failure: None,
        earlier: None,
    };
    match outcome {
        WaitOutcome::Ready(record) => {
            r.status = Some(job.shown_status(&record).to_string());
            r.outcome = Outcome::Ready;
            if let Some(dir) = &options.download {
                let dest = Destination::Path(dir.join(""));
                let saved = match job.kind {
                    JobKind::Video => client.download_video(&job.id, dest, false, &mut |_| {}),
                    _ => client.download_model(
                        &job.id,
                        None,
                        Some(Instant::now() + Duration::from_secs(600)),
                        dest,
                        false,
                        &mut |_| {},
                    ),
                };
                match saved {
                    Ok(s) => r.path = s.path,
                    // Saved by an earlier run for this same job: kept.
                    Err(Error::TargetExists(p)) => r.path = Some(p),
                    Err(e) => {
                        r.outcome = Outcome::Error;
                        r.failure = Some(RowFailure::Api(e));
                    }
                }
            }
        }
        WaitOutcome::Failed(record) => {
            r.status = Some(record.status().to_string());
            r.outcome = Outcome::Failed;
            r.failure = Some(RowFailure::Job(
                job.failure(&record)
                    .unwrap_or("no error message given")
                    .to_string(),
            ));
        }
        WaitOutcome::TimedOut { last, last_error } => {
            r.status = last.map(|l| l.status().to_string());
            r.outcome = Outcome::Pending;
            r.failure = Some(match last_error {
                Some(e) => RowFailure::Api(e),
                None => RowFailure::Timeout,
            });
        }
        WaitOutcome::Interrupted { last } => {
            r.status = last.map(|l| l.status().to_string());
            r.outcome = Outcome::Pending;
            r.failure = Some(RowFailure::Api(Error::Interrupted));
        }
        WaitOutcome::Error { error, last } => {
            r.status = last.map(|l| l.status().to_string());
            r.outcome = Outcome::Error;
            r.failure = Some(RowFailure::Api(error));
        }
    }
    r
}

/// What the check of a whole manifest found.
#[derive(Debug, Default)]
pub struct Checked {
    /// Rows read (valid or not).
    pub rows: usize,
    /// Rows refused.
    pub invalid: usize,
    /// The sum of the valid rows' prices, when a price list was given.
    pub total_credits: Option<u64>,
}

/// Checks every row of `manifest` (streamed: nothing but the counts is
/// kept), calling `on_row` with each row's line and its error, if any.
pub fn check_all(
    manifest: &Manifest,
    kind: JobKind,
    defaults: &manifest::RowDefaults,
    pricing: Option<&Pricing>,
    on_row: &mut dyn FnMut(u64, Option<&RowError>),
) -> Result<Checked> {
    let mut checked = Checked {
        total_credits: pricing.map(|_| 0),
        ..Checked::default()
    };
    for raw in manifest.rows()? {
        checked.rows += 1;
        match raw.and_then(|raw| manifest.check(&raw, kind, defaults)) {
            Ok(row) => {
                if let (Some(p), Some(total)) = (pricing, checked.total_credits.as_mut()) {
                    match price_of(p, &row) {
                        Some(price) => *total += price.credits,
                        None => checked.total_credits = None,
                    }
                }
                on_row(row.line, None);
            }
            Err(e) => {
                checked.invalid += 1;
                on_row(e.line, Some(&e));
            }
        }
    }
    Ok(checked)
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
