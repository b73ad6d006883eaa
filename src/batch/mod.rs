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

/// Runs a batch. `client` talks to the API (each worker gets a client of
/// its own, made with [`Client::fresh_with_hook`]); `rows_total` is the
/// number of rows the check found; `on_event` hears every settled row and
/// progress.
pub fn run(
    client: &Client,
    manifest: &Manifest,
    defaults: &manifest::RowDefaults,
    state_path: &std::path::Path,
    options: &BatchOptions,
    rows_total: usize,
    on_event: &mut dyn FnMut(BatchEvent<'_>),
) -> Result<()> {
    let (state, known) = StateFile::open(state_path)?;
    let pricing = match options.max_credits {
        Some(_) => Some(client.pricing()?),
        None => None,
    };
    let pace = Arc::new(Mutex::new(Pace::default()));
    let pool = Pool::start(client, options, pace.clone())?;
    let mut run = Runner {
        client,
        manifest,
        defaults,
        options,
        rows: manifest.rows()?,
        state,
        known,
        pricing,
        reserved: 0,
        pace,
        allowed: match options.concurrency {
            Concurrency::Fixed(n) => n.max(1),
            Concurrency::Auto => 2,
        },
        pool,
        waiter: options.wait.as_ref().map(Waiter::new),
        sent: HashMap::new(),
        followed: HashMap::new(),
        job_rows: HashMap::new(),
        queued: None,
        done: 0,
        total: rows_total,
        stop: false,
        exhausted: false,
        on_event,
    };
    let result = run.drive();
    run.pool.stop();
    result
}

/// The submit workers: each has its own client (its own connection and
/// runtime), whose answers tell the shared pace about the rate limit.
struct Pool {
    tasks: Option<mpsc::Sender<Task>>,
    answers: mpsc::Receiver<Answer>,
    client: Arc<Client>,
    threads: Vec<std::thread::JoinHandle<()>>,
    in_flight: usize,
}

impl Pool {
    fn start(client: &Client, options: &BatchOptions, pace: Arc<Mutex<Pace>>) -> Result<Self> {
        let workers = match options.concurrency {
            Concurrency::Fixed(n) => n.max(1),
            Concurrency::Auto => AUTO_MAX,
        };
        let submit_path = options.kind.submit_path(None)?;
        let hook: crate::http::AnswerHook = Arc::new(move |path: &str, info: &RateInfo| {
            if path == submit_path
                && let Ok(mut p) = pace.lock()
            {
                p.heard(info);
            }
        });
        let (task_tx, task_rx) = mpsc::channel::<Task>();
        let task_rx = Arc::new(Mutex::new(task_rx));
        let (done_tx, answers) = mpsc::channel::<Answer>();
        let threads = (0..workers)
            .map(|_| {
                let rx = task_rx.clone();
                let tx = done_tx.clone();
                std::thread::spawn(move || {
                    // One task at a time; the loop ends when the pool stops.
                    while let Some(task) = rx.lock().ok().and_then(|rx| rx.recv().ok()) {
                        let result = submit(&task.client, &task.row, &task.key);
                        let line = task.row.line;
                        if tx.send(Answer { line, result }).is_err() {
                            return;
                        }
                    }
                })
            })
            .collect();
        Ok(Self {
            tasks: Some(task_tx),
            answers,
            client: Arc::new(client.fresh_with_hook(hook)),
            threads,
            in_flight: 0,
        })
    }

    fn send(&mut self, row: Row, key: String) -> Result<()> {
        let task = Task {
            row,
            key,
            client: self.client.clone(),
        };
        self.tasks
            .as_ref()
            .and_then(|t| t.send(task).ok())
            .ok_or_else(|| Error::Config("the batch's workers stopped".into()))?;
        self.in_flight += 1;
        Ok(())
    }

    fn stop(&mut self) {
        self.tasks.take();
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

/// One batch run: the rows still to read, the jobs in flight and followed.
struct Runner<'a> {
    client: &'a Client,
    manifest: &'a Manifest,
    defaults: &'a manifest::RowDefaults,
    options: &'a BatchOptions,
    rows: Box<dyn Iterator<Item = std::result::Result<manifest::RawRow, RowError>>>,
    state: StateFile,
    known: HashMap<u64, RowState>,
    pricing: Option<Pricing>,
    /// Credits of the rows submitted so far (`--max-credits`).
    reserved: u64,
    pace: Arc<Mutex<Pace>>,
    /// Submits allowed in flight now.
    allowed: usize,
    pool: Pool,
    waiter: Option<Waiter>,
    /// Rows submitted and not answered yet, with their keys.
    sent: HashMap<u64, (Row, String)>,
    /// Rows whose jobs are followed, by line; the waiter's index → line.
    followed: HashMap<u64, Row>,
    job_rows: HashMap<usize, u64>,
    /// The next row to send, held back by the pace.
    queued: Option<(Row, String)>,
    done: usize,
    total: usize,
    stop: bool,
    exhausted: bool,
    on_event: &'a mut dyn FnMut(BatchEvent<'_>),
}

impl Runner<'_> {
    fn drive(&mut self) -> Result<()> {
        loop {
            if self.stop
                && let Some((row, key)) = self.queued.take()
            {
                self.settle(skipped_fail_fast(row, key))?;
            }
            self.dispatch()?;
            let running = self.pool.in_flight + self.waiter.as_ref().map_or(0, Waiter::len);
            (self.on_event)(BatchEvent::Progress {
                done: self.done,
                total: self.total,
                running,
            });
            if (self.exhausted || self.stop)
                && self.queued.is_none()
                && self.pool.in_flight == 0
                && self.waiter.as_ref().is_none_or(Waiter::is_empty)
            {
                break;
            }
            self.receive()?;
            self.poll()?;
        }
        if self.stop {
            self.skip_the_rest()?;
        }
        Ok(())
    }

    /// Records a settled row (pending ones are followed again by a re-run)
    /// and reports it.
    fn settle(&mut self, r: RowResult) -> Result<()> {
        if r.earlier.is_none() && !matches!(r.outcome, Outcome::Pending) {
            let mut line = result_line(&r);
            if let Some(f) = &r.failure {
                let (code, message, exit) = (self.options.describe)(f);
                line["error"] = serde_json::json!({"code": code, "message": message});
                line["exit"] = serde_json::Value::from(exit);
            }
            self.state.settled(r.row, &line)?;
        }
        self.done += 1;
        (self.on_event)(BatchEvent::Settled(&r));
        Ok(())
    }

    fn follow(&mut self, row: Row, id: &str) -> Result<()> {
        match self.waiter.as_mut() {
            Some(w) => {
                let index = w.add(job_of(&row, id, self.options.kind));
                self.job_rows.insert(index, row.line);
                self.followed.insert(row.line, row);
                Ok(())
            }
            None => self.settle(pending(row, Some(id.to_string()))),
        }
    }

    /// The next row to send: rows settled earlier are reported, rows in
    /// flight followed, rows over the budget refused, as they come.
    fn next_to_send(&mut self) -> Result<Option<(Row, String)>> {
        while let Some(raw) = self.rows.next() {
            let row = match raw
                .and_then(|raw| self.manifest.check(&raw, self.options.kind, self.defaults))
            {
                Ok(row) => row,
                Err(e) => {
                    // Invalid rows were reported by the check pass (or skipped).
                    let mut r = blank(e.line, None, None);
                    r.outcome = Outcome::Skipped;
                    r.failure = Some(RowFailure::Invalid(e));
                    self.settle(r)?;
                    continue;
                }
            };
            match plan(&row, self.known.get(&row.line), self.options)? {
                Plan::Earlier(result) => self.settle(earlier(&row, result))?,
                Plan::Follow(id) => {
                    let mut row = row;
                    if row.key.is_none() {
                        row.key = self.known.get(&row.line).map(|k| k.key.clone());
                    }
                    self.follow(row, &id)?;
                }
                Plan::Send(key) => {
                    // The budget is a running reservation: concurrent
                    // submits can never pass it together.
                    if let (Some(max), Some(pricing)) = (self.options.max_credits, &self.pricing) {
                        let price = price_of(pricing, &row).map_or(u64::MAX, |p| p.credits);
                        let reserved = self.reserved;
                        if reserved.saturating_add(price) > max {
                            let mut r = blank(row.line, row.name.clone(), Some(key));
                            r.outcome = Outcome::Error;
                            r.failure = Some(RowFailure::Budget {
                                price,
                                reserved,
                                max,
                            });
                            self.settle(r)?;
                            continue;
                        }
                        self.reserved += price;
                    }
                    return Ok(Some((row, key)));
                }
            }
        }
        self.exhausted = true;
        Ok(None)
    }

    /// Hands rows to the workers while the pace and concurrency allow; each
    /// intent is in the state file before its submit leaves.
    fn dispatch(&mut self) -> Result<()> {
        while !self.stop && self.pool.in_flight < self.allowed {
            let next = match self.queued.take() {
                Some(q) => q,
                None if self.exhausted => return Ok(()),
                None => match self.next_to_send()? {
                    Some(n) => n,
                    None => return Ok(()),
                },
            };
            if self
                .pace
                .lock()
                .ok()
                .and_then(|mut p| p.take_slot())
                .is_some()
            {
                // Not yet: the loop sleeps until the slot, hearing answers meanwhile.
                self.queued = Some(next);
                return Ok(());
            }
            let (mut row, key) = next;
            // Reported with the key it is sent with, generated or its own.
            row.key = Some(key.clone());
            self.state
                .intent(row.line, &row.digest, &key, self.options.kind.as_str())?;
            self.sent.insert(row.line, (row.clone(), key.clone()));
            self.pool.send(row, key)?;
        }
        Ok(())
    }

    /// Sleeps until an answer arrives, the next slot or the next poll, and
    /// handles the answer.
    fn receive(&mut self) -> Result<()> {
        let mut wake = Instant::now() + Duration::from_millis(500);
        if let Some(next) = self.waiter.as_ref().and_then(Waiter::next_due) {
            wake = wake.min(next);
        }
        if self.queued.is_some()
            && let Some(at) = self
                .pace
                .lock()
                .ok()
                .and_then(|p| p.paused_until.max(p.next_slot))
        {
            wake = wake.min(at.max(Instant::now()));
        }
        let timeout = wake.saturating_duration_since(Instant::now());
        let answer = if self.pool.in_flight > 0 {
            self.pool.answers.recv_timeout(timeout).ok()
        } else {
            self.client.sleep(timeout)?;
            None
        };
        if is_cancelled(self.client) {
            return Err(Error::Interrupted);
        }
        let Some(a) = answer else { return Ok(()) };
        self.pool.in_flight -= 1;
        let Some((row, key)) = self.sent.remove(&a.line) else {
            return Ok(());
        };
        if let Concurrency::Auto = self.options.concurrency {
            adapt(&self.pace, &mut self.allowed);
        }
        match a.result {
            Ok(id) => {
                self.state.answered(row.line, &id)?;
                self.follow(row, &id)
            }
            Err(Error::Interrupted) => Err(Error::Interrupted),
            Err(e) => {
                if self.options.fail_fast {
                    self.stop = true;
                }
                let mut r = blank(row.line, row.name.clone(), Some(key));
                r.outcome = Outcome::Error;
                r.failure = Some(RowFailure::Api(e));
                self.settle(r)
            }
        }
    }

    /// Polls the jobs that are due, all on one schedule.
    fn poll(&mut self) -> Result<()> {
        let Some(w) = self.waiter.as_mut() else {
            return Ok(());
        };
        let finished = w.poll_due(self.client, &mut |_e: WaitEvent<'_>| {});
        for (index, job, outcome) in finished {
            let Some(line) = self.job_rows.remove(&index) else {
                continue;
            };
            let Some(row) = self.followed.remove(&line) else {
                continue;
            };
            let r = finish(
                self.client,
                row,
                &job,
                outcome,
                self.options,
                self.known.get(&line),
            );
            if r.outcome == Outcome::Failed && self.options.fail_fast {
                self.stop = true;
            }
            self.settle(r)?;
        }
        Ok(())
    }

    /// After `--fail-fast`: the rows never sent, reported `skipped`.
    fn skip_the_rest(&mut self) -> Result<()> {
        if let Some((row, key)) = self.queued.take() {
            self.settle(skipped_fail_fast(row, key))?;
        }
        while let Some(raw) = self.rows.next() {
            if let Ok(row) =
                raw.and_then(|raw| self.manifest.check(&raw, self.options.kind, self.defaults))
            {
                let key = row.key.clone().unwrap_or_default();
                self.settle(skipped_fail_fast(row, key))?;
            }
        }
        Ok(())
    }
}

/// A result with nothing known yet but the row.
fn blank(row: u64, name: Option<String>, key: Option<String>) -> RowResult {
    RowResult {
        row,
        name,
        key,
        id: None,
        status: None,
        outcome: Outcome::Pending,
        path: None,
        failure: None,
        earlier: None,
    }
}

fn is_cancelled(client: &Client) -> bool {
    client.sleep(Duration::ZERO).is_err()
}

fn skipped_fail_fast(row: Row, key: String) -> RowResult {
    let mut r = blank(row.line, row.name, Some(key).filter(|k| !k.is_empty()));
    r.outcome = Outcome::Skipped;
    r.failure = Some(RowFailure::FailFast);
    r
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
    let mut r = blank(row.line, row.name, row.key);
    r.id = id;
    r
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
