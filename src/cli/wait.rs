//! `bithuman status` and `bithuman wait` (also the waiting half of every
//! `--wait`): one engine for every job kind; the record printed per kind.

use super::Ctx;
use super::args::{StatusArgs, WaitArgs};
use super::exit::{CliError, Kind, code, from_lib, worse};
use super::interrupt::{self, Phase};
use super::output::WaitProgress;
use super::text::shown;
use bithuman::blocking::Client;
use bithuman::client::validate_agent_id;
use bithuman::wait::{WaitEvent, WaitOptions, WaitOutcome, wait_jobs};
use bithuman::{Error, Job, JobKind, Record};

/// `bithuman status ID...`: one GET per id; exit 0 whatever the status.
pub fn status(ctx: &mut Ctx, args: StatusArgs) -> Result<u8, CliError> {
    let jobs: Vec<Job> = args.ids.iter().map(|id| Job::agent(id)).collect();
    show(ctx, &jobs)
}

/// One GET per job, each record printed; exit 0 whatever the status.
pub fn show(ctx: &mut Ctx, jobs: &[Job]) -> Result<u8, CliError> {
    validate_jobs(jobs)?;
    let client = ctx.client()?;
    let mut failures = Failures::new(ctx);
    for job in jobs {
        match client.job_status(job) {
            Ok(record) => {
                ctx.out.record(job, &record, &[])?;
                if ctx.web {
                    super::open::web(ctx, job, &record)?;
                }
            }
            Err(e) => {
                failures.keep(ctx, about(&job.id, from_lib(&e)))?;
            }
        }
    }
    Ok(failures.finish(ctx))
}

/// `bithuman wait ID...` / `--last`.
pub fn wait(ctx: &mut Ctx, args: WaitArgs) -> Result<u8, CliError> {
    let jobs = if args.last {
        vec![ctx.last_job(JobKind::Agent)?]
    } else {
        args.ids.iter().map(|id| Job::agent(id)).collect()
    };
    let options = ctx.wait_options(&args.wait_flags, None)?;
    wait_for(ctx, &jobs, &options)
}

/// Waits for `jobs` and prints each outcome; the worst exit code wins.
pub fn wait_for(ctx: &mut Ctx, jobs: &[Job], options: &WaitOptions) -> Result<u8, CliError> {
    validate_jobs(jobs)?;
    let client = ctx.client()?;
    let mut failures = Failures::new(ctx);
    run(ctx, &client, jobs, options, |ctx, job, outcome| {
        if let Some(err) = settle(ctx, job, outcome, &[])? {
            failures.add(ctx, err);
        }
        Ok(())
    })?;
    Ok(failures.finish(ctx))
}

/// Waits for `jobs` with a spinner (or plain lines), calling `finished` as
/// each job reaches an outcome.
pub fn run(
    ctx: &mut Ctx,
    client: &Client,
    jobs: &[Job],
    options: &WaitOptions,
    mut finished: impl FnMut(&mut Ctx, &Job, WaitOutcome) -> Result<(), CliError>,
) -> Result<(), CliError> {
    // `--via webhook`: the receiver and its webhook first (needs `ctx`; a
    // refusal, such as no --public-url on the real API, ends the command here).
    let mut receiver = match ctx.via_webhook.take() {
        Some(public_url) => Some(super::webhook::via::start(ctx, public_url.as_deref())?),
        None => None,
    };
    let resume = ctx.resume_command(jobs);
    interrupt::set(Phase::Cancellable {
        message: format!(
            "Stopped waiting; the work continues on the server. Resume with: {resume}"
        ),
    });
    let mut progress = WaitProgress::new(&ctx.out);
    let on_event = |event: WaitEvent<'_>| {
        if let WaitEvent::Polled { job, record } = event {
            progress.update(job, record);
        }
    };
    let outcomes = match &mut receiver {
        Some(receiver) => receiver.wait_jobs(client, jobs, options, on_event),
        None => wait_jobs(client, jobs, options, on_event),
    };
    progress.finish();
    if let Some(receiver) = receiver {
        receiver.finish(ctx);
    }
    interrupt::set(Phase::Idle);
    for (job, outcome) in outcomes {
        finished(ctx, &job, outcome)?;
    }
    Ok(())
}

/// Prints one agent's outcome (record on stdout, error on stderr) and
/// returns its exit code.
pub fn report(
    ctx: &Ctx,
    job: &Job,
    outcome: WaitOutcome,
    extra: &[(&str, serde_json::Value)],
) -> Result<u8, CliError> {
    match settle(ctx, job, outcome, extra)? {
        Some(err) => {
            ctx.out.error(&err);
            Ok(err.exit_code())
        }
        None => Ok(code::OK),
    }
}

/// Prints one agent's record (or last record) on stdout and returns the
/// error to report, if the outcome is not success.
pub fn settle(
    ctx: &Ctx,
    job: &Job,
    outcome: WaitOutcome,
    extra: &[(&str, serde_json::Value)],
) -> Result<Option<CliError>, CliError> {
    let id = job.id.as_str();
    let noun = noun(job);
    let resume = ctx.resume_command(std::slice::from_ref(job));
    let print_last = |last: &Option<Record>| -> Result<(), CliError> {
        if let Some(record) = last {
            ctx.out.record(job, record, &[])?;
        }
        Ok(())
    };
    let err = match outcome {
        WaitOutcome::Ready(record) => {
            ctx.out.record(job, &record, extra)?;
            if ctx.web {
                super::open::web(ctx, job, &record)?;
            }
            return Ok(None);
        }
        WaitOutcome::Failed(record) => {
            ctx.out.record(job, &record, &[])?;
            let why = job.failure(&record).map(shown);
            CliError::new(
                Kind::Failed,
                format!(
                    "{noun} {} failed: {}",
                    shown(id),
                    why.as_deref().unwrap_or("no error message given")
                ),
            )
            .with_code(match job.kind {
                JobKind::Agent => "GENERATION_FAILED",
                _ => "JOB_FAILED",
            })
            .with_hint("failed jobs are refunded; fix the input and submit again")
        }
        WaitOutcome::TimedOut { last, last_error } => {
            print_last(&last)?;
            timed_out(job, &noun, &resume, last.as_ref(), last_error)
        }
        WaitOutcome::Interrupted { last } => {
            print_last(&last)?;
            CliError::new(
                Kind::Interrupted,
                format!(
                    "stopped waiting for {noun} {}; it continues on the server",
                    shown(id)
                ),
            )
            .with_signal(ctx.cancel.signal())
            .with_hint(format!("resume with: {resume}"))
        }
        WaitOutcome::Error { error, last } => {
            print_last(&last)?;
            about(id, from_lib(&error))
        }
    };
    Ok(Some(err))
}

/// The error of a wait that reached its deadline: the service failing
/// (69, or 70 for answers that cannot be parsed) or the job still running (75).
fn timed_out(
    job: &Job,
    noun: &str,
    resume: &str,
    last: Option<&Record>,
    last_error: Option<Error>,
) -> CliError {
    let id = job.id.as_str();
    match last_error {
        Some(e) => {
            let cause = from_lib(&e);
            let kind = if matches!(e, Error::Parse { .. }) {
                Kind::InvalidResponse
            } else {
                Kind::Unavailable
            };
            let mut err = CliError::new(
                kind,
                format!(
                    "gave up waiting for {noun} {} at the deadline: the last poll failed: {}",
                    shown(id),
                    cause.message
                ),
            )
            .with_code(cause.code());
            err.http_status = cause.http_status;
            err.with_hint(format!(
                "it may still be running on the server; resume with: {resume}"
            ))
        }
        None => {
            let state = last
                .as_ref()
                .map(|r| {
                    format!(
                        " (last seen: {}{})",
                        shown(job.shown_status(r)),
                        r.current_step()
                            .map(|s| format!(", {}", shown(s)))
                            .unwrap_or_default()
                    )
                })
                .unwrap_or_default();
            CliError::new(
                Kind::Timeout,
                format!(
                    "timed out waiting for {noun} {}: it is still running, not failed{state}",
                    shown(id)
                ),
            )
            .with_hint(format!("resume with: {resume}"))
        }
    }
}

/// The failures of several agents. Human mode prints each as it comes; in
/// `--json` mode stderr gets the one error object SPEC §5 allows, for the
/// worst failure, naming the others in its message.
pub struct Failures {
    json: bool,
    errors: Vec<CliError>,
    worst: u8,
}

impl Failures {
    pub fn new(ctx: &Ctx) -> Self {
        Self {
            json: ctx.out.json,
            errors: Vec::new(),
            worst: code::OK,
        }
    }

    /// Records the failure of one of several items and carries on, unless
    /// it is an interrupt: that ends the command at once.
    pub fn keep(&mut self, ctx: &Ctx, err: CliError) -> Result<(), CliError> {
        if err.kind == Kind::Interrupted {
            return Err(err);
        }
        self.add(ctx, err);
        Ok(())
    }

    pub fn add(&mut self, ctx: &Ctx, err: CliError) {
        self.worst = worse(self.worst, err.exit_code());
        if self.json {
            self.errors.push(err);
        } else {
            ctx.out.error(&err);
        }
    }

    /// Prints what is pending and returns the worst exit code.
    pub fn finish(mut self, ctx: &Ctx) -> u8 {
        if self.errors.is_empty() {
            return self.worst;
        }
        self.errors
            .sort_by_key(|e| std::cmp::Reverse(e.kind.severity()));
        let mut first = self.errors[0].clone();
        if self.errors.len() > 1 {
            first.message = self
                .errors
                .iter()
                .map(|e| e.message.as_str())
                .collect::<Vec<_>>()
                .join("; ");
            let mut hints: Vec<&str> = Vec::new();
            for h in self.errors.iter().filter_map(|e| e.hint.as_deref()) {
                if !hints.contains(&h) {
                    hints.push(h);
                }
            }
            first.hint = (!hints.is_empty()).then(|| hints.join("; "));
        }
        ctx.out.error(&first);
        self.worst
    }
}

/// Refuses ids that are not one safe path segment (exit 2).
pub fn validate_jobs(jobs: &[Job]) -> Result<(), CliError> {
    for job in jobs {
        validate_agent_id(&job.id)?;
    }
    Ok(())
}

/// "agent", "video", "model add to", "gestures of": for messages.
pub fn noun(job: &Job) -> String {
    match job.kind {
        JobKind::Agent => "agent".into(),
        JobKind::Video => "video".into(),
        JobKind::Model => format!(
            "{} on agent",
            shown(job.model.as_deref().unwrap_or("the model"))
        ),
        JobKind::Dynamics => "gestures of agent".into(),
    }
}

/// Names the id in a message that does not yet.
pub fn about(id: &str, mut err: CliError) -> CliError {
    if !err.message.contains(id) {
        err.message = format!("{}: {}", shown(id), err.message);
    }
    err
}
