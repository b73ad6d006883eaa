//! `--via webhook` on `wait`, `generate --wait`, `video … --wait` and
//! `batch --wait`: the receiver of `webhook listen` (verified deliveries, deduplicated by their
//! delivery id) behind a temporary webhook, so that a job is read as soon as
//! its event arrives. The event only says *when* to read: the outcome and
//! the record printed always come from a status read, as by polling, and
//! polling goes on at a tenth of the rate, so a lost, late, duplicated,
//! forged or out-of-order delivery changes nothing but the timing.

use super::super::Ctx;
use super::super::exit::{CliError, from_lib};
use super::super::text::{shell_word, shown};
use super::listen::{Registered, Shown, State, accept_loop, bind};
use bithuman::blocking::Client;
use bithuman::wait::{Announced, WaitEvent, WaitOptions, WaitOutcome, Waiter};
use bithuman::{Cancel, Job};
use serde_json::Value;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

/// Fallback polls are this many times further apart than plain polling's…
const FALLBACK_FACTOR: u32 = 10;
/// …but never further apart than this.
const FALLBACK_MAX: Duration = Duration::from_secs(60);
/// How long the wait sleeps at a time: deliveries and Ctrl-C are seen this soon.
const SLICE: Duration = Duration::from_millis(100);

/// A running receiver and its temporary webhook (deleted by
/// [`Receiver::finish`], or by its guard on any other way out).
pub struct Receiver {
    guard: Registered,
    id: String,
    runtime: tokio::runtime::Runtime,
    /// The jobs the verified deliveries named, as they arrive.
    announced: Announced,
}

/// Starts the receiver on a free port of 127.0.0.1 and registers a webhook
/// for every event at it (or at `public_url`, which the real API needs).
///
/// # Errors
/// No `--public-url` on the real API (usage, exit 2), the port, the runtime,
/// or the webhook's creation.
pub fn start(ctx: &mut Ctx, public_url: Option<&str>) -> Result<Receiver, CliError> {
    if let Some(url) = public_url {
        bithuman::webhook::validate_webhook_url(url)
            .map_err(|e| CliError::usage(format!("--public-url: {e}")))?;
    }
    let api_is_local = ctx.settings.sandbox
        || reqwest::Url::parse(&ctx.settings.base_url.value)
            .is_ok_and(|u| bithuman::is_loopback(&u));
    if public_url.is_none() && !api_is_local {
        return Err(CliError::usage(
            "--via webhook needs --public-url on the real API: it cannot deliver to 127.0.0.1",
        )
        .with_hint("run a tunnel to a local port and give its https address, or use --via poll"));
    }
    let listener = bind(0)?;
    let port = listener
        .local_addr()
        .map_err(|e| CliError::io(format!("cannot listen: {e}")))?
        .port();
    let target = public_url.map_or_else(|| format!("http://127.0.0.1:{port}/"), str::to_string);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| CliError::io(format!("cannot start the webhook receiver: {e}")))?;
    // Its own cancel flag: a Ctrl-C must not stop the webhook's deletion.
    let client = ctx.client()?.with_cancel(Arc::new(Cancel::default()));
    let no_filter: [&str; 0] = [];
    let created = client.create_webhook(
        &target,
        &no_filter,
        Some("temporary: bithuman --via webhook"),
    )?;
    let id = created.webhook.id.clone();
    let guard = Registered::new(client, id.clone());
    let (tx, mut rx) = mpsc::channel::<Shown>(256);
    let state = Arc::new(State::new(created.secret, tx));
    runtime.spawn(async move {
        if let Ok(listener) = tokio::net::TcpListener::from_std(listener) {
            // Ends only when accepting fails for good; polling then carries on alone.
            let _ = accept_loop(listener, state).await;
        }
    });
    // Drained here, at once, whatever the waiting thread is doing (a batch
    // busy submitting): a full channel would hold deliveries past the
    // API's 10 s and make them fail.
    let announced = Announced::default();
    let sink = announced.clone();
    runtime.spawn(async move {
        while let Some(shown) = rx.recv().await {
            // Refused deliveries (bad signatures) change nothing: the
            // fallback poll still finds the job's end.
            if let Shown::Event(received) = shown
                && let Some(id) = subject(&received.data)
            {
                sink.announce(id);
            }
        }
    });
    ctx.out.note(&format!(
        "Waiting via webhook {} at {}; polling continues as a fallback.",
        shown(&id),
        shown(&target)
    ));
    Ok(Receiver {
        guard,
        id,
        runtime,
        announced,
    })
}

/// The job an event is about: `data.agent_id` or `data.job_id`.
fn subject(data: &Value) -> Option<&str> {
    data.get("agent_id")
        .or_else(|| data.get("job_id"))
        .and_then(Value::as_str)
}

/// The wait settings of the fallback poll: the interval this many times
/// longer (at most a minute, never shorter than asked), the same deadline.
pub fn fallback(options: &WaitOptions) -> WaitOptions {
    WaitOptions {
        interval: options
            .interval
            .checked_mul(FALLBACK_FACTOR)
            .unwrap_or(FALLBACK_MAX)
            .min(FALLBACK_MAX)
            .max(options.interval),
        timeout: options.timeout.clone(),
    }
}

impl Receiver {
    /// The queue of jobs the deliveries announced (for a batch's runner).
    pub fn announced(&self) -> Announced {
        self.announced.clone()
    }

    /// Waits for `jobs` as [`bithuman::wait::wait_jobs`] does, polling at the
    /// fallback rate and reading a job at once when a verified event names it.
    pub fn wait_jobs(
        &mut self,
        client: &Client,
        jobs: &[Job],
        options: &WaitOptions,
        mut on_event: impl FnMut(WaitEvent<'_>),
    ) -> Vec<(Job, WaitOutcome)> {
        let mut waiter = Waiter::new(&fallback(options));
        for job in jobs {
            waiter.add(job.clone());
        }
        // Every read through a client that tells the schedule the read bucket.
        let client = &client.fresh_with_hook(waiter.reads().hook());
        let mut results: Vec<Option<(Job, WaitOutcome)>> = jobs.iter().map(|_| None).collect();
        let mut keep = |done: Vec<(usize, Job, WaitOutcome)>| {
            for (i, job, outcome) in done {
                if let Some(slot) = results.get_mut(i) {
                    *slot = Some((job, outcome));
                }
            }
        };
        while !waiter.is_empty() {
            keep(waiter.poll_due(client, &mut on_event));
            if !self.sleep_until_due(client, &mut waiter) {
                keep(waiter.end_all(&mut on_event, |last| WaitOutcome::Interrupted { last }));
            }
        }
        results
            .into_iter()
            .zip(jobs)
            .map(|(r, job)| {
                r.unwrap_or_else(|| (job.clone(), WaitOutcome::Interrupted { last: None }))
            })
            .collect()
    }

    /// Sleeps until a job is due, making a job due as its event arrives;
    /// false when interrupted.
    fn sleep_until_due(&mut self, client: &Client, waiter: &mut Waiter) -> bool {
        loop {
            waiter.take_announced(&self.announced);
            let Some(next) = waiter.next_due() else {
                return true;
            };
            let now = Instant::now();
            if now >= next {
                return true;
            }
            if client.sleep((next - now).min(SLICE)).is_err() {
                return false;
            }
        }
    }

    /// Stops the receiver and deletes the webhook; a failed deletion is a
    /// warning (the jobs' outcomes stand) naming the command that removes it.
    pub fn finish(self, ctx: &Ctx) {
        let Receiver {
            guard, id, runtime, ..
        } = self;
        runtime.shutdown_timeout(Duration::from_millis(200));
        if let Err(e) = guard.delete() {
            ctx.out.warn(&format!(
                "could not delete the temporary webhook {}: {}; delete it with: bithuman webhook delete {} --yes",
                shown(&id),
                from_lib(&e).message,
                shell_word(&id)
            ));
        }
    }
}
