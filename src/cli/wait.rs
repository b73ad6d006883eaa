//! `bithuman status` and `bithuman wait` (also the waiting half of
//! `generate --wait`).

use super::args::{StatusArgs, WaitArgs};
use super::exit::{CliError, Kind, code, from_lib, worse};
use super::interrupt::{self, Phase};
use super::output::WaitProgress;
use super::text::shown;
use super::{Ctx, history};
use bithuman::client::validate_agent_id;
use bithuman::wait::{WaitEvent, WaitOptions, WaitOutcome, wait_many};
use bithuman::{AgentRecord, Client, Error};

/// `bithuman status ID...`: one GET per id; exit 0 whatever the status.
pub fn status(ctx: &mut Ctx, args: StatusArgs) -> Result<u8, CliError> {
    validate_ids(&args.ids)?;
    let client = ctx.client()?;
    let mut failures = Failures::new(ctx);
    for id in &args.ids {
        match client.status(id) {
            Ok(record) => ctx.out.record(&record, id, &[])?,
            Err(e) => {
                let err = about(id, from_lib(&e));
                if err.kind == Kind::Interrupted {
                    return Err(err);
                }
                failures.add(ctx, err);
            }
        }
    }
    Ok(failures.finish(ctx))
}

/// `bithuman wait ID...` / `--last`.
pub fn wait(ctx: &mut Ctx, args: WaitArgs) -> Result<u8, CliError> {
    let ids = if args.last {
        let last = history::last(&ctx.settings)?;
        ctx.out.note(&format!(
            "Waiting for {}, the agent this machine created most recently.",
            shown(&last)
        ));
        vec![last]
    } else {
        args.ids
    };
    validate_ids(&ids)?;
    let options = ctx.wait_options(&args.wait_flags, None)?;
    let client = ctx.client()?;
    let mut failures = Failures::new(ctx);
    run(ctx, &client, &ids, &options, |ctx, id, outcome| {
        if let Some(err) = settle(ctx, id, outcome, &[])? {
            failures.add(ctx, err);
        }
        Ok(())
    })?;
    Ok(failures.finish(ctx))
}

/// Waits for `ids` with a spinner (or plain lines), calling `finished` as
/// each agent reaches an outcome.
pub fn run(
    ctx: &mut Ctx,
    client: &Client,
    ids: &[String],
    options: &WaitOptions,
    mut finished: impl FnMut(&mut Ctx, &str, WaitOutcome) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let resume = ctx.resume_command(ids);
    interrupt::set(Phase::Cancellable {
        message: format!(
            "Stopped waiting; generation continues on the server. Resume with: {resume}"
        ),
    });
    let mut progress = WaitProgress::new(&ctx.out);
    let outcomes = wait_many(client, ids, options, |event| {
        if let WaitEvent::Polled { id, record } = event {
            progress.update(id, record);
        }
    });
    progress.finish();
    interrupt::set(Phase::Idle);
    for (id, outcome) in outcomes {
        finished(ctx, &id, outcome)?;
    }
    Ok(())
}

/// Prints one agent's outcome (record on stdout, error on stderr) and
/// returns its exit code.
pub fn report(
    ctx: &Ctx,
    id: &str,
    outcome: WaitOutcome,
    extra: &[(&str, serde_json::Value)],
) -> Result<u8, CliError> {
    match settle(ctx, id, outcome, extra)? {
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
    id: &str,
    outcome: WaitOutcome,
    extra: &[(&str, serde_json::Value)],
) -> Result<Option<CliError>, CliError> {
    let resume = ctx.resume_command(&[id.to_string()]);
    let print_last = |last: &Option<AgentRecord>| -> Result<(), CliError> {
        if let Some(record) = last {
            ctx.out.record(record, id, &[])?;
        }
        Ok(())
    };
    let err = match outcome {
        WaitOutcome::Ready(record) => {
            ctx.out.record(&record, id, extra)?;
            return Ok(None);
        }
        WaitOutcome::Failed(record) => {
            ctx.out.record(&record, id, &[])?;
            let why = record.error_message().map(shown);
            CliError::new(
                Kind::Failed,
                format!(
                    "agent {} failed: {}",
                    shown(id),
                    why.as_deref().unwrap_or("no error message given")
                ),
            )
            .with_hint("failed generations are refunded; fix the input and run generate again")
        }
        WaitOutcome::TimedOut { last, last_error } => {
            print_last(&last)?;
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
                            "gave up waiting for {} at the deadline: the last poll failed: {}",
                            shown(id),
                            cause.message
                        ),
                    )
                    .with_code(cause.code());
                    err.http_status = cause.http_status;
                    err.with_hint(format!(
                        "the agent may still be generating; resume with: {resume}"
                    ))
                }
                None => {
                    let state = last
                        .as_ref()
                        .map(|r| {
                            format!(
                                " (last seen: {}{})",
                                shown(r.status()),
                                r.current_step()
                                    .map(|s| format!(", {}", shown(s)))
                                    .unwrap_or_default()
                            )
                        })
                        .unwrap_or_default();
                    CliError::new(
                        Kind::Timeout,
                        format!(
                            "timed out waiting for {}: it is still generating, not failed{state}",
                            shown(id)
                        ),
                    )
                    .with_hint(format!("resume with: {resume}"))
                }
            }
        }
        WaitOutcome::Interrupted { last } => {
            print_last(&last)?;
            CliError::new(
                Kind::Interrupted,
                format!(
                    "stopped waiting for {}; generation continues on the server",
                    shown(id)
                ),
            )
            .with_hint(format!("resume with: {resume}"))
        }
        WaitOutcome::Error { error, last } => {
            print_last(&last)?;
            about(id, from_lib(&error))
        }
    };
    Ok(Some(err))
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
pub fn validate_ids(ids: &[String]) -> Result<(), CliError> {
    for id in ids {
        validate_agent_id(id)?;
    }
    Ok(())
}

fn about(id: &str, mut err: CliError) -> CliError {
    if !err.message.contains(id) {
        err.message = format!("{}: {}", shown(id), err.message);
    }
    err
}
