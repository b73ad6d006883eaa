//! One batch run: the rows read a second time (after the check), matched
//! to what the state file knows, sent through the paced pool, followed by
//! one [`Waiter`], and settled, each as it comes.

use super::manifest::{self, Manifest, Row, RowBook, RowError, RowSpec};
use super::pace::{Pace, Pool, adapt};
use super::state::{Known, RowState, StateFile};
use super::{BatchError, BatchEvent, BatchOptions, Concurrency, Outcome, RowFailure, RowResult};
use crate::account::{Price, Pricing};
use crate::blocking::Client;
use crate::download::{Destination, DownloadOptions};
use crate::error::{Error, Result};
use crate::jobs::{Job, JobKind};
use crate::wait::{WaitEvent, WaitOutcome, Waiter};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How soon an announced job (a webhook's event) is looked at, at most.
const ANNOUNCED_SLICE: Duration = Duration::from_millis(100);

/// One batch run: the rows still to read, the jobs in flight and followed.
pub(super) struct Runner<'a> {
    pub(super) client: &'a Client,
    pub(super) manifest: &'a Manifest,
    pub(super) defaults: &'a manifest::RowDefaults,
    pub(super) options: &'a BatchOptions,
    pub(super) rows: Box<dyn Iterator<Item = std::result::Result<manifest::RawRow, RowError>>>,
    pub(super) book: RowBook,
    /// Every identity the manifest has (from the check pass).
    pub(super) claimed: &'a HashSet<String>,
    pub(super) state: StateFile,
    pub(super) known: Known,
    pub(super) pricing: Option<Pricing>,
    /// Credits submitted so far, this run and earlier ones (`--max-credits`);
    /// `None` when an earlier submit's price is unknown.
    pub(super) reserved: Option<u64>,
    /// Job ids answered so far, with the row identity each belongs to.
    pub(super) ids: HashMap<String, (String, u64)>,
    pub(super) pace: Arc<Mutex<Pace>>,
    /// Submits allowed in flight now.
    pub(super) allowed: usize,
    pub(super) pool: Pool,
    pub(super) waiter: Option<Waiter>,
    /// The client the waiter polls with (it feeds the read schedule).
    pub(super) reader: Option<Client>,
    /// Rows submitted and not answered yet, by identity, with their keys.
    pub(super) sent: HashMap<String, (Row, String)>,
    /// Rows whose jobs are followed, by identity; the waiter's index → identity.
    pub(super) followed: HashMap<String, Row>,
    pub(super) job_rows: HashMap<usize, String>,
    /// The next row to send, with its key, held back by the pace.
    pub(super) queued: Option<(Row, String)>,
    pub(super) done: usize,
    /// Rows reported `pending` so far.
    pub(super) pending: usize,
    pub(super) total: usize,
    /// `--max-runtime`: no submit and no wait after this.
    pub(super) stop_at: Option<Instant>,
    /// The `--max-runtime` passed.
    pub(super) out_of_time: bool,
    pub(super) stop: bool,
    pub(super) exhausted: bool,
    pub(super) on_event: &'a mut dyn FnMut(BatchEvent<'_>),
}

/// What to do with a row.
enum Plan {
    /// Settled by an earlier run: report it.
    Earlier(serde_json::Value),
    /// Submitted by an earlier run: follow its job.
    Follow(String, String),
    /// Send with this key; `fresh` when no earlier run sent it (it costs).
    Send { key: String, fresh: bool },
}

impl Runner<'_> {
    pub(super) fn drive(&mut self) -> Result<()> {
        loop {
            if !self.out_of_time && self.stop_at.is_some_and(|t| Instant::now() >= t) {
                // Submits in flight are heard (their ids recorded); the
                // waiter ends its jobs at the same moment (its deadline).
                self.out_of_time = true;
            }
            if self.out_of_time
                && let Some((row, key)) = self.queued.take()
            {
                self.settle(unsent(&row, Some(key)))?;
            }
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
            if (self.exhausted || self.stop || self.out_of_time)
                && self.queued.is_none()
                && self.pool.in_flight == 0
                && self.waiter.as_ref().is_none_or(Waiter::is_empty)
            {
                break;
            }
            self.receive()?;
            self.poll()?;
        }
        if self.out_of_time {
            return self.leave_the_rest();
        }
        if self.stop {
            self.skip_the_rest()?;
        }
        Ok(())
    }

    /// After `--max-runtime`: the rows never read are reported `pending`
    /// (nothing recorded: the same command sends them), and the run ends
    /// [`BatchError::OutOfTime`].
    fn leave_the_rest(&mut self) -> Result<()> {
        while let Some(row) = self.next_row()? {
            let r = match self.known.rows.get(&row.ident) {
                // Submitted by an earlier run: still pending, with its job.
                Some(k) if k.result.is_none() && k.digest == row.digest => {
                    let mut r = unsent(&row, Some(k.key.clone()));
                    r.id = k.id.clone();
                    r
                }
                Some(k) if k.digest == row.digest => {
                    earlier(&row, k.result.clone().unwrap_or_default())
                }
                _ => unsent(&row, row.key.clone()),
            };
            self.settle(r)?;
        }
        Err(BatchError::OutOfTime {
            after: self.options.max_runtime.unwrap_or_default(),
            pending: self.pending,
        }
        .into())
    }

    /// Records a row the API answered for good (only those: a transient
    /// failure leaves it sent and unanswered, so the next run re-sends it
    /// with its key) and reports it.
    fn settle(&mut self, r: RowResult) -> Result<()> {
        if r.earlier.is_none()
            && r.is_final()
            && let Some(ident) = &r.ident
        {
            let mut line = super::result_line(&r);
            if let Some(f) = &r.failure {
                let (code, message, exit) = (self.options.describe)(f);
                line["error"] = serde_json::json!({"code": code, "message": message});
                line["exit"] = serde_json::Value::from(exit);
            }
            self.state.settled(ident, &line)?;
        }
        self.done += 1;
        if r.outcome == Outcome::Pending {
            self.pending += 1;
        }
        (self.on_event)(BatchEvent::Settled(&r));
        Ok(())
    }

    fn follow(&mut self, row: Row, id: &str) -> Result<()> {
        match self.waiter.as_mut() {
            Some(w) => {
                let index = w.add(job_of(&row, id, self.options.kind));
                self.job_rows.insert(index, row.ident.clone());
                self.followed.insert(row.ident.clone(), row);
                if let Ok(mut p) = self.pace.lock() {
                    p.deadline = w.deadline();
                }
                Ok(())
            }
            None => {
                let mut r = blank(&row);
                r.id = Some(id.to_string());
                self.settle(r)
            }
        }
    }

    /// The next row of this run's shard, checked and named; invalid rows
    /// (listed by the check pass) are reported `skipped` on the way, by
    /// shard 1 alone when sharded.
    fn next_row(&mut self) -> Result<Option<Row>> {
        while let Some(raw) = self.rows.next() {
            let name = raw.as_ref().ok().and_then(manifest::RawRow::name);
            let checked = raw
                .and_then(|raw| self.manifest.check(&raw, self.options.kind, self.defaults))
                .and_then(|mut row| self.book.admit(&mut row).map(|()| row));
            match checked {
                Ok(row) if self.options.shard.is_some_and(|s| !s.holds(&row)) => {}
                Ok(row) => return Ok(Some(row)),
                Err(_) if !super::holds_invalid(self.options.shard) => {}
                Err(e) => {
                    let mut r = RowResult::new(e.line, name, None, None);
                    r.outcome = Outcome::Skipped;
                    r.failure = Some(RowFailure::Invalid(e));
                    self.settle(r)?;
                }
            }
        }
        self.exhausted = true;
        Ok(None)
    }

    /// The next row to send: rows settled earlier are reported, rows in
    /// flight followed, rows over the budget refused, as they come.
    fn next_to_send(&mut self) -> Result<Option<(Row, String)>> {
        while let Some(row) = self.next_row()? {
            match self.plan(&row)? {
                Plan::Earlier(result) => self.settle(earlier(&row, result))?,
                Plan::Follow(id, key) => {
                    let mut row = row;
                    row.key.get_or_insert(key);
                    self.ids.insert(id.clone(), (row.ident.clone(), row.line));
                    self.follow(row, &id)?;
                }
                Plan::Send { key, fresh } => {
                    if fresh && let Some(refused) = self.reserve(&row, &key) {
                        self.settle(refused)?;
                        continue;
                    }
                    return Ok(Some((row, key)));
                }
            }
        }
        Ok(None)
    }

    /// Books a fresh row's price against `--max-credits` (a running
    /// reservation: concurrent submits can never pass it together), or the
    /// row refused.
    fn reserve(&mut self, row: &Row, key: &str) -> Option<RowResult> {
        let (Some(max), Some(pricing)) = (self.options.max_credits, &self.pricing) else {
            return None;
        };
        let price = price_of(pricing, row).map(|p| p.credits);
        match (price, self.reserved) {
            (Some(p), Some(reserved)) if reserved.checked_add(p).is_some_and(|t| t <= max) => {
                self.reserved = Some(reserved + p);
                None
            }
            (price, reserved) => {
                let mut r = blank(row);
                r.key = Some(key.to_string());
                r.outcome = Outcome::Error;
                r.failure = Some(RowFailure::Budget {
                    price,
                    reserved,
                    max,
                });
                Some(r)
            }
        }
    }

    fn plan(&self, row: &Row) -> Result<Plan> {
        let fresh = || Plan::Send {
            key: row.key.clone().unwrap_or_else(crate::new_idempotency_key),
            fresh: true,
        };
        let changed = || -> Result<Plan> {
            if self.options.restart_changed {
                Ok(fresh())
            } else {
                Err(BatchError::RowChanged { line: row.line }.into())
            }
        };
        let Some(k) = self.known.rows.get(&row.ident) else {
            // A row whose line an earlier run submitted, under an identity
            // no row of the manifest has now: the row was edited.
            let orphan = self
                .known
                .by_line
                .get(&row.line)
                .is_some_and(|ident| !self.claimed.contains(ident));
            return if orphan { changed() } else { Ok(fresh()) };
        };
        if k.digest != row.digest {
            return changed();
        }
        Ok(match (&k.result, &k.id) {
            (Some(result), _) => Plan::Earlier(result.clone()),
            (None, Some(id)) => Plan::Follow(id.clone(), k.key.clone()),
            // Recorded but never answered: the same key, so the server replays.
            (None, None) => Plan::Send {
                key: k.key.clone(),
                fresh: false,
            },
        })
    }

    /// Hands rows to the workers while the pace and concurrency allow; each
    /// intent is in the state file before its submit leaves.
    fn dispatch(&mut self) -> Result<()> {
        while !self.stop && !self.out_of_time && self.pool.in_flight < self.allowed {
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
            let credits = self
                .pricing
                .as_ref()
                .and_then(|p| price_of(p, &row))
                .map(|p| p.credits);
            self.state.intent(&row, &key, credits)?;
            self.sent
                .insert(row.ident.clone(), (row.clone(), key.clone()));
            self.pool.send(row, key)?;
        }
        Ok(())
    }

    /// Sleeps until an answer arrives, the next slot or the next poll, and
    /// handles the answer.
    fn receive(&mut self) -> Result<()> {
        let mut wake = Instant::now()
            + match &self.options.announced {
                // An announced job is read within this (not a read: a look
                // at the queue the webhook receiver fills).
                Some(a) if !a.is_empty() => Duration::ZERO,
                Some(_) => ANNOUNCED_SLICE,
                None => Duration::from_millis(500),
            };
        if let Some(next) = self.waiter.as_ref().and_then(Waiter::next_due) {
            wake = wake.min(next);
        }
        if let Some(at) = self.stop_at.filter(|_| !self.out_of_time) {
            wake = wake.min(at);
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
            return Err(Error::Interrupted { signal: None });
        }
        if let Some(pause) = self.pace.lock().ok().and_then(|mut p| p.notice.take()) {
            (self.on_event)(BatchEvent::Paused(pause));
        }
        let Some(a) = answer else { return Ok(()) };
        self.pool.in_flight -= 1;
        let Some((row, key)) = self.sent.remove(&a.ident) else {
            return Ok(());
        };
        if let Concurrency::Auto = self.options.concurrency {
            adapt(&self.pace, &mut self.allowed);
        }
        match a.result {
            Ok(id) => self.answered(row, key, id),
            Err(e @ Error::Interrupted { .. }) => Err(e),
            Err(e) => {
                if self.options.fail_fast {
                    self.stop = true;
                }
                let mut r = blank(&row);
                r.key = Some(key);
                r.outcome = Outcome::Error;
                r.failure = Some(RowFailure::Api(e));
                self.settle(r)
            }
        }
    }

    /// A submit's answer: the job is followed, unless the server gave the
    /// id of another row's job (then it is misbehaving, and the row fails
    /// rather than one job being reported twice).
    fn answered(&mut self, row: Row, key: String, id: String) -> Result<()> {
        if let Some((ident, line)) = self.ids.get(&id)
            && *ident != row.ident
        {
            let mut r = blank(&row);
            r.key = Some(key);
            r.outcome = Outcome::Error;
            r.failure = Some(RowFailure::DuplicateId {
                id,
                other_row: *line,
            });
            return self.settle(r);
        }
        self.ids.insert(id.clone(), (row.ident.clone(), row.line));
        self.state.answered(&row.ident, &id)?;
        self.follow(row, &id)
    }

    /// Polls the jobs that are due, all on one schedule.
    fn poll(&mut self) -> Result<()> {
        let (Some(w), Some(reader)) = (self.waiter.as_mut(), self.reader.as_ref()) else {
            return Ok(());
        };
        if let Some(announced) = &self.options.announced {
            w.take_announced(announced);
        }
        let finished = w.poll_due(reader, &mut |_e: WaitEvent<'_>| {});
        for (index, job, outcome) in finished {
            let Some(ident) = self.job_rows.remove(&index) else {
                continue;
            };
            let Some(row) = self.followed.remove(&ident) else {
                continue;
            };
            let known = self.known.rows.get(&ident);
            let r = finish(self.client, row, &job, outcome, self.options, known);
            if r.outcome == Outcome::Failed && self.options.fail_fast {
                self.stop = true;
            }
            self.settle(r)?;
        }
        Ok(())
    }

    /// After Ctrl-C: every job still followed is reported `pending` with its
    /// id (nothing is recorded: the same command follows it), so the report
    /// names every job the run paid for, not only those that had settled.
    pub(super) fn report_followed(&mut self) {
        let ids: HashMap<&str, &str> = self
            .ids
            .iter()
            .map(|(id, (ident, _))| (ident.as_str(), id.as_str()))
            .collect();
        let mut rows: Vec<RowResult> = self
            .followed
            .values()
            .map(|row| {
                let mut r = blank(row);
                r.id = ids.get(row.ident.as_str()).map(|id| id.to_string());
                r.failure = Some(RowFailure::Api(Error::Interrupted { signal: None }));
                r
            })
            .collect();
        self.followed.clear();
        rows.sort_by_key(|r| r.row);
        for r in rows {
            // A pending row is not final: settle only reports it.
            let _ = self.settle(r);
        }
    }

    /// After `--fail-fast`: the rows never sent, reported `skipped`.
    fn skip_the_rest(&mut self) -> Result<()> {
        if let Some((row, key)) = self.queued.take() {
            self.settle(skipped_fail_fast(row, key))?;
        }
        while let Some(row) = self.next_row()? {
            let key = row.key.clone().unwrap_or_default();
            self.settle(skipped_fail_fast(row, key))?;
        }
        Ok(())
    }
}

/// A result with nothing known yet but the row.
fn blank(row: &Row) -> RowResult {
    let mut r = RowResult::new(row.line, row.name.clone(), row.key.clone(), None);
    r.ident = Some(row.ident.clone());
    r
}

/// A row not sent before `--max-runtime`: pending, with no job.
fn unsent(row: &Row, key: Option<String>) -> RowResult {
    let mut r = blank(row);
    r.key = key;
    r.failure = Some(RowFailure::OutOfTime);
    r
}

fn is_cancelled(client: &Client) -> bool {
    client.sleep(Duration::ZERO).is_err()
}

fn skipped_fail_fast(row: Row, key: String) -> RowResult {
    let mut r = RowResult::new(
        row.line,
        row.name,
        Some(key).filter(|k| !k.is_empty()),
        None,
    );
    r.outcome = Outcome::Skipped;
    r.failure = Some(RowFailure::FailFast);
    r
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

pub(super) fn price_of(pricing: &Pricing, row: &Row) -> Option<Price> {
    match &row.spec {
        RowSpec::Agent(r) => pricing.agent(&r.model),
        RowSpec::Video(v) => pricing.video(&v.model, None),
    }
}

pub(super) fn earlier(row: &Row, result: serde_json::Value) -> RowResult {
    let outcome = match result.get("outcome").and_then(serde_json::Value::as_str) {
        Some("ready") => Outcome::Ready,
        Some("failed") => Outcome::Failed,
        Some("skipped") => Outcome::Skipped,
        _ => Outcome::Error,
    };
    let text = |k: &str| result.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let mut r = RowResult::new(row.line, row.name.clone(), text("key"), text("id"));
    r.status = text("status");
    r.outcome = outcome;
    r.earlier = Some(result);
    r
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
    let mut r = RowResult::new(row.line, row.name, key, Some(job.id.clone()));
    r.ident = Some(row.ident);
    match outcome {
        WaitOutcome::Ready(record) => {
            r.status = Some(job.shown_status(&record).to_string());
            r.outcome = Outcome::Ready;
            if let Some(dir) = &options.download {
                save(client, job, dir, &mut r);
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
            r.failure = Some(match last_error {
                Some(e) => RowFailure::Api(e),
                None => RowFailure::Timeout,
            });
        }
        WaitOutcome::Interrupted { last } => {
            r.status = last.map(|l| l.status().to_string());
            r.failure = Some(RowFailure::Api(Error::Interrupted { signal: None }));
        }
        WaitOutcome::Error { error, last } => {
            r.status = last.map(|l| l.status().to_string());
            r.outcome = Outcome::Error;
            r.failure = Some(RowFailure::Api(error));
        }
    }
    r
}

// Saves a ready job's file into `dir`.
fn save(client: &Client, job: &Job, dir: &std::path::Path, r: &mut RowResult) {
    let dest = Destination::Path(dir.join(""));
    let saved = match job.kind {
        JobKind::Video => client.download_video(&job.id, dest, &DownloadOptions::new(), |_| {}),
        _ => client.download_model(
            &job.id,
            dest,
            &DownloadOptions::new().deadline(Instant::now() + Duration::from_secs(600)),
            |_| {},
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
