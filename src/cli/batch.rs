//! `bithuman batch MANIFEST`: every row checked first, then the library's
//! paced, resumable runner; a JSON line per row as it settles (or a table at
//! the end), progress on stderr, and the worst row's exit code.

use super::Ctx;
use super::args::{BatchArgs, BatchCommand, BatchKind, BatchReportArgs};
use super::exit::{CliError, Kind, code, from_lib, worse};
use super::table::{Table, table_width};
use super::text::shown;
use super::webhook::via;
use bithuman::batch::manifest::{Manifest, RowDefaults, RowError, RowErrorKind};
use bithuman::batch::{
    self, BatchError, BatchEvent, BatchOptions, Concurrency, Outcome, RateShare, RowFailure,
    RowResult, Shard,
};
use bithuman::{JobKind, Pricing};
use serde::Serialize;
use serde_json::Value;
use std::path::PathBuf;

/// One row's result line.
#[derive(Serialize)]
struct RowLine<'a> {
    row: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    key: Option<&'a str>,
    kind: &'a str,
    id: Option<&'a str>,
    status: Option<&'a str>,
    outcome: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    model_path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    video_path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorLine>,
}

#[derive(Serialize)]
struct ErrorLine {
    code: String,
    message: String,
}

/// `--dry-run --json`: one line per row.
#[derive(Serialize)]
struct Planned<'a> {
    row: u64,
    outcome: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorLine>,
}

/// `--dry-run --json`: the last line.
#[derive(Serialize)]
struct Plan {
    rows: usize,
    planned: usize,
    invalid: usize,
    total_credits: Option<u64>,
}

fn row_error(e: &RowError) -> CliError {
    let kind = match e.kind {
        RowErrorKind::Usage => Kind::Usage,
        RowErrorKind::BadInput => Kind::BadInput,
        RowErrorKind::NotFound => Kind::NotFoundLocal,
    };
    CliError::new(kind, format!("row {}: {}", e.line, e.message))
}

/// (code, message, exit code) of a failed row.
fn describe(f: &RowFailure) -> (String, String, u8) {
    let err = match f {
        RowFailure::Api(e) => from_lib(e),
        RowFailure::Job(m) => CliError::new(Kind::Failed, format!("the job failed: {}", shown(m)))
            .with_code("JOB_FAILED"),
        RowFailure::Timeout => CliError::new(Kind::Timeout, "still running at the deadline (not failed)"),
        RowFailure::OutOfTime => CliError::new(Kind::Timeout, "not sent before --max-runtime; the same command sends it")
            .with_code("NOT_SENT"),
        RowFailure::Unsettled => CliError::new(Kind::Timeout, "submitted, not followed to its end yet: the batch command with --wait follows it")
            .with_code("NOT_SETTLED"),
        RowFailure::Unrecorded => CliError::new(Kind::Timeout, "no state file has a result for this row: not sent yet, or sent and never answered")
            .with_code("NOT_SENT"),
        RowFailure::Budget { price, reserved, max } => {
            let why = match (price, reserved) {
                (None, _) => format!("price unknown (the price list has none for its model), so --max-credits {max} cannot be kept"),
                (Some(_), None) => format!("earlier runs submitted jobs of unknown price, so --max-credits {max} cannot be kept"),
                (Some(p), Some(r)) => format!("its {p} credits on top of {r} already submitted would pass --max-credits {max}"),
            };
            CliError::new(Kind::NoPermission, format!("not sent: {why}")).with_code("BUDGET_EXCEEDED")
        }
        RowFailure::DuplicateId { id, other_row } => CliError::new(
            Kind::InvalidResponse,
            format!(
                "the server answered with {}, the id of row {other_row}'s job: it is misbehaving; this row is not counted as done, and the same command sends it again with its key",
                shown(id)
            ),
        )
        .with_code("DUPLICATE_ID"),
        RowFailure::FailFast => {
            return ("FAIL_FAST".into(), "not sent: an earlier row failed (--fail-fast)".into(), code::OK);
        }
        RowFailure::Invalid(e) => {
            let err = row_error(e);
            // A skipped row does not change the exit code.
            return (err.code().to_string(), err.message, code::OK);
        }
    };
    (err.code().to_string(), err.message.clone(), err.exit_code())
}

/// The flags that shape a run, resolved once.
struct Flags {
    kind: JobKind,
    concurrency: Concurrency,
    shard: Option<Shard>,
    rate_share: RateShare,
    max_runtime: Option<std::time::Duration>,
    manifest: String,
}

pub fn run(ctx: &mut Ctx, a: BatchArgs) -> Result<u8, CliError> {
    if let Some(BatchCommand::Report(r)) = a.command {
        return report(ctx, r);
    }
    let started = std::time::Instant::now();
    let f = check_flags(ctx, &a)?;
    let wait = if a.wait {
        Some(ctx.wait_options(&a.wait_flags, None)?)
    } else {
        None
    };
    let manifest = Manifest::open(&f.manifest)?;
    let defaults = row_defaults(ctx, a.no_preflight, a.allow_outside);
    if a.dry_run {
        return dry_run(ctx, &a, &f, &manifest, &defaults);
    }
    let checked = check_rows(&manifest, f.kind, &defaults, a.skip_invalid, f.shard)?;
    let state_path = a.state.clone().unwrap_or_else(|| {
        let m = PathBuf::from(&f.manifest);
        f.shard
            .map_or_else(|| batch::state::default_path(&m), |s| s.state_path(&m))
    });
    // `--via webhook`: the receiver and its temporary webhook, once the rows
    // are known good; deleted whatever way the run ends (its guard too).
    let receiver = match ctx.via_webhook.take() {
        Some(public_url) => Some(via::start(ctx, public_url.as_deref())?),
        None => None,
    };
    let options = BatchOptions {
        kind: f.kind,
        concurrency: f.concurrency,
        wait: match (&receiver, wait) {
            (Some(_), Some(w)) => Some(via::fallback(&w)),
            (_, w) => w,
        },
        announced: receiver.as_ref().map(via::Receiver::announced),
        download: a.download.clone(),
        fail_fast: a.fail_fast,
        max_credits: a.max_credits,
        restart_changed: a.restart_changed,
        describe: Box::new(describe),
        owner: owner(ctx),
        shard: f.shard,
        rate_share: f.rate_share,
        max_runtime: f.max_runtime,
        started: Some(started),
    };
    let client = ctx.client()?;
    let mut report = Report::new(ctx, f.kind, checked.rows);
    let result = batch::run(
        &client,
        &manifest,
        &defaults,
        &state_path,
        &options,
        &checked,
        &mut |event| report.on(event),
    );
    if let Some(receiver) = receiver {
        receiver.finish(ctx);
    }
    let (worst, ok, failed) = report.finish()?;
    let resume = || format!("resume with the same command: {}", resume_hint(ctx, &a, &f));
    match result {
        Ok(()) => {}
        Err(bithuman::Error::Interrupted { signal }) => {
            return Err(CliError::new(
                Kind::Interrupted,
                "batch interrupted; jobs already submitted continue on the server",
            )
            .with_signal(signal)
            .with_hint(resume()));
        }
        // A time limit is a checkpoint: the state is flushed, the rows
        // reported (pending), and the same command goes on.
        // The exit code is 75, or a worse row's.
        Err(e @ bithuman::Error::Batch(BatchError::OutOfTime { .. })) => {
            let err = CliError::new(Kind::Timeout, e.to_string())
                .with_code("MAX_RUNTIME")
                .with_hint(format!("state in {}; {}", state_path.display(), resume()));
            ctx.out.error(&err);
            return Ok(worse(worst, err.exit_code()));
        }
        // Refusals of the state file or a row carry their own advice.
        Err(e @ (bithuman::Error::Batch(_) | bithuman::Error::Store(_))) => {
            return Err(from_lib(&e));
        }
        Err(e) => {
            return Err(from_lib(&e).with_hint(resume()));
        }
    }
    ctx.out.note(&format!(
        "{} rows: {ok} ready, {failed} failed; state in {}",
        checked.rows,
        state_path.display()
    ));
    Ok(worst)
}

/// What a row leaves out, from the settings and the flags.
fn row_defaults(ctx: &Ctx, no_preflight: bool, allow_outside: bool) -> RowDefaults {
    RowDefaults {
        model: ctx.settings.model.value.clone(),
        video_model: ctx.settings.video_model.value.clone(),
        media: ctx.settings.media.value,
        no_preflight,
        allow_outside,
    }
}

/// `batch report`: every row's result from the state files, nothing sent.
fn report(ctx: &mut Ctx, a: BatchReportArgs) -> Result<u8, CliError> {
    let kind = match a.kind {
        BatchKind::Agent => JobKind::Agent,
        BatchKind::Video => JobKind::Video,
    };
    if a.manifest == "-" {
        return Err(CliError::usage(
            "batch report reads the manifest twice; give its file, not stdin",
        ));
    }
    let manifest = Manifest::open(&a.manifest)?;
    let defaults = row_defaults(ctx, a.no_preflight, a.allow_outside);
    let states = if a.state.is_empty() {
        batch::default_states(&PathBuf::from(&a.manifest))
    } else {
        a.state.clone()
    };
    let owner = owner(ctx);
    let mut report = Report::new(ctx, kind, 0);
    // A report draws no bar: it is over at once.
    if let Some(b) = report.bar.take() {
        b.finish_and_clear();
    }
    let result = batch::report(&manifest, kind, &defaults, &states, &owner, &mut |event| {
        report.on(event)
    });
    let (worst, ok, failed) = report.finish()?;
    result.map_err(|e| from_lib(&e))?;
    ctx.out.note(&format!(
        "{ok} ready, {failed} failed, from {} state file{}",
        states.len(),
        if states.len() == 1 { "" } else { "s" }
    ));
    Ok(worst)
}

/// The API and profile this run talks to, as its state file records them.
/// The built-in sandbox is one API whatever port it gets.
fn owner(ctx: &Ctx) -> batch::state::Owner {
    let api = if ctx.settings.sandbox {
        "sandbox"
    } else {
        ctx.settings.base_url.value.as_str()
    };
    batch::state::Owner::new(api, ctx.settings.profile.as_deref())
}

/// The flags resolved, after those that cannot go together.
fn check_flags(ctx: &Ctx, a: &BatchArgs) -> Result<Flags, CliError> {
    let manifest = a
        .manifest
        .clone()
        .ok_or_else(|| CliError::usage("give the manifest: bithuman batch MANIFEST"))?;
    if manifest == "-" && a.state.is_none() {
        return Err(CliError::usage(
            "a manifest read from stdin needs --state FILE (where a re-run finds what was done)",
        ));
    }
    if !a.wait
        && (a.wait_flags.interval.is_some()
            || a.wait_flags.timeout.is_some()
            || a.wait_flags.via.is_some())
    {
        return Err(CliError::usage(
            "--interval, --timeout and --via need --wait",
        ));
    }
    let concurrency = match a.concurrency.as_str() {
        "auto" => Concurrency::Auto,
        n => match n.parse::<usize>() {
            Ok(n) if (1..=64).contains(&n) => Concurrency::Fixed(n),
            _ => {
                return Err(CliError::usage(format!(
                    "--concurrency {n:?}: give 1 to 64, or auto"
                )));
            }
        },
    };
    let kind = match a.kind {
        BatchKind::Agent => JobKind::Agent,
        BatchKind::Video => JobKind::Video,
    };
    let shard = a
        .shard
        .as_deref()
        .map(Shard::parse)
        .transpose()
        .map_err(|e| CliError::usage(format!("--shard {e}")))?;
    let rate_share = a
        .rate_share
        .as_deref()
        .map(RateShare::parse)
        .transpose()
        .map_err(|e| CliError::usage(format!("--rate-share {e}; give 1/N")))?
        .unwrap_or_default();
    let max_runtime = match a.max_runtime.as_deref() {
        None => None,
        Some(t) => match ctx.parse_duration("--max-runtime", t)? {
            d if d.is_zero() => {
                return Err(CliError::usage("--max-runtime must be longer than 0s"));
            }
            d => Some(d),
        },
    };
    Ok(Flags {
        kind,
        concurrency,
        shard,
        rate_share,
        max_runtime,
        manifest,
    })
}

/// Checks every row before anything is sent: with any invalid row (and no
/// `--skip-invalid`, or one the manifest cannot be read past) one error
/// listing them all, with the worst code.
fn check_rows(
    manifest: &Manifest,
    kind: JobKind,
    defaults: &RowDefaults,
    skip_invalid: bool,
    shard: Option<Shard>,
) -> Result<batch::Checked, CliError> {
    let mut bad: Vec<CliError> = Vec::new();
    let mut ends = false;
    let checked = batch::check_all(manifest, kind, defaults, None, shard, &mut |_, e| {
        if let Some(e) = e {
            ends |= e.ends_manifest;
            bad.push(row_error(e));
        }
    })?;
    if bad.is_empty() || (skip_invalid && !ends) {
        return Ok(checked);
    }
    let worst = bad.iter().map(CliError::exit_code).fold(code::OK, worse);
    // `bad` is not empty here: the first row with the worst code speaks.
    let first = bad.iter().position(|e| e.exit_code() == worst).unwrap_or(0);
    let mut err = bad[first].clone();
    err.message = format!(
        "{} of {} rows are invalid; nothing was sent: {}",
        bad.len(),
        checked.rows,
        bad.iter()
            .map(|e| e.message.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    );
    Err(err.with_hint(if ends {
        "fix the rows: the manifest cannot be read past the last one listed"
    } else {
        "fix the rows, or leave them out with --skip-invalid"
    }))
}

/// What a batch shows as it goes: a JSON line per row (`--json`), a plain
/// line per row in CI, a progress bar on a terminal, and a table at the end.
struct Report<'a> {
    ctx: &'a Ctx,
    kind: JobKind,
    bar: Option<indicatif::ProgressBar>,
    plain: bool,
    started: std::time::Instant,
    table: Vec<Vec<String>>,
    worst: u8,
    ok: usize,
    failed: usize,
    write_error: Option<CliError>,
}

impl<'a> Report<'a> {
    fn new(ctx: &'a Ctx, kind: JobKind, rows: usize) -> Self {
        Self {
            ctx,
            kind,
            bar: ctx.out.bars().counter(rows as u64, "rows"),
            plain: !ctx.out.animate && !ctx.out.json && !ctx.out.quiet,
            started: std::time::Instant::now(),
            table: Vec::new(),
            worst: code::OK,
            ok: 0,
            failed: 0,
            write_error: None,
        }
    }

    fn on(&mut self, event: BatchEvent<'_>) {
        match event {
            BatchEvent::Settled(r) => self.settled(r),
            BatchEvent::Paused(p) => self.paused(p),
            BatchEvent::StateSkipped { path, skipped } => self.ctx.out.warn(&format!(
                "the state file {} has lines that cannot be used ({}); they were skipped",
                path.display(),
                skipped.describe()
            )),
            BatchEvent::Progress {
                done,
                total,
                running,
            } => {
                if let Some(b) = &self.bar {
                    b.set_position(done as u64);
                    let eta = if done > 0 && total > done {
                        let per = self.started.elapsed().as_secs_f64() / done as f64;
                        format!(
                            "ETA {}",
                            super::output::elapsed_text(std::time::Duration::from_secs_f64(
                                per * (total - done) as f64
                            ))
                        )
                    } else {
                        String::new()
                    };
                    b.set_message(format!(
                        "ok {}, failed {}, running {running} {eta}",
                        self.ok, self.failed
                    ));
                }
            }
        }
    }

    // A 429 pauses every submit; a pause shorter than asked is said loudly.
    fn paused(&self, p: batch::Pause) {
        let taken = super::output::elapsed_text(p.taken);
        let asked = p.asked.map_or_else(
            || "no Retry-After".to_string(),
            |a| format!("Retry-After {}s", a.as_secs()),
        );
        if p.capped {
            self.ctx.out.warn(&format!(
                "rate limited ({asked}): pausing every submit for {taken} only (a pause is capped at {} and never runs past the wait deadline or --max-runtime)",
                super::output::elapsed_text(batch::MAX_PAUSE)
            ));
        } else {
            self.ctx.out.note(&format!(
                "rate limited ({asked}): pausing every submit for {taken}"
            ));
        }
    }

    fn settled(&mut self, r: &RowResult) {
        let (line, exit) = row_line(r, self.kind);
        self.worst = worse(self.worst, exit);
        match r.outcome {
            Outcome::Ready => self.ok += 1,
            Outcome::Failed | Outcome::Error => self.failed += 1,
            _ => {}
        }
        if self.ctx.out.json {
            if let Err(e) = self.ctx.out.emit(&line) {
                self.write_error.get_or_insert(e);
            }
            return;
        }
        let note = line
            .error
            .as_ref()
            .map(|e| e.message.clone())
            .or(line.model_path.clone())
            .or(line.video_path.clone())
            .unwrap_or_default();
        if self.plain {
            self.ctx.out.progress_line(&format!(
                "row {} {} {} {}",
                line.row,
                line.outcome,
                line.id.map(shown).unwrap_or_else(|| "-".into()),
                shown(&note)
            ));
        }
        self.table.push(vec![
            line.row.to_string(),
            line.name.unwrap_or("-").to_string(),
            line.id.unwrap_or("-").to_string(),
            line.status.unwrap_or("-").to_string(),
            line.outcome.to_string(),
            note,
        ]);
    }

    /// The table (in manifest order), and (worst exit code, ready, failed).
    fn finish(mut self) -> Result<(u8, usize, usize), CliError> {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
        if let Some(e) = self.write_error.take() {
            return Err(e);
        }
        if !self.ctx.out.json && !self.table.is_empty() {
            // Settled in any order; shown in the manifest's.
            self.table.sort_by_key(|r| r[0].parse::<u64>().unwrap_or(0));
            let mut table =
                Table::new(&["ROW", "NAME", "ID", "STATUS", "OUTCOME", "NOTE"], &[1, 5])
                    .drop_order(&[3, 0]);
            for r in self.table.drain(..) {
                table.row(r);
            }
            self.ctx
                .out
                .data(&table.render(table_width(&self.ctx.settings)))?;
        }
        Ok((self.worst, self.ok, self.failed))
    }
}

/// The command that resumes this batch: the global flags that choose the
/// API, the same manifest and state file, and every flag that decides which
/// rows are sent and how.
fn resume_hint(ctx: &Ctx, a: &BatchArgs, f: &Flags) -> String {
    use super::text::shell_word;
    let mut cmd = format!(
        "bithuman{} batch {}",
        ctx.global_flags(),
        shell_word(&f.manifest)
    );
    let mut flag = |name: &str, value: Option<String>| {
        if let Some(v) = value {
            cmd.push_str(&format!(" {name} {}", shell_word(&v)));
        }
    };
    flag("--state", a.state.as_ref().map(|s| s.display().to_string()));
    flag(
        "--kind",
        matches!(a.kind, BatchKind::Video).then(|| "video".into()),
    );
    flag("--shard", f.shard.map(|s| s.to_string()));
    flag(
        "--rate-share",
        a.rate_share.as_ref().map(|_| f.rate_share.to_string()),
    );
    flag(
        "--concurrency",
        (a.concurrency != "auto").then(|| a.concurrency.clone()),
    );
    flag("--max-runtime", a.max_runtime.clone());
    flag("--interval", a.wait_flags.interval.clone());
    flag("--timeout", a.wait_flags.timeout.clone());
    flag(
        "--via",
        (a.wait_flags.via == Some(super::args::Via::Webhook)).then(|| "webhook".into()),
    );
    flag("--public-url", a.wait_flags.public_url.clone());
    flag(
        "--download",
        a.download.as_ref().map(|d| d.display().to_string()),
    );
    flag("--max-credits", a.max_credits.map(|m| m.to_string()));
    for (on, name) in [
        (a.wait, " --wait"),
        (a.fail_fast, " --fail-fast"),
        (a.skip_invalid, " --skip-invalid"),
        (a.no_preflight, " --no-preflight"),
        (a.allow_outside, " --allow-outside"),
    ] {
        if on {
            cmd.push_str(name);
        }
    }
    cmd
}

// A row's JSON line and its exit code.
fn row_line(r: &RowResult, kind: JobKind) -> (RowLine<'_>, u8) {
    // The saved file, the error and the exit code: from the state file for a
    // row an earlier run settled (as that run saw it), else from this run.
    let (path, error, exit) = match &r.earlier {
        Some(earlier) => {
            let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
            let error = earlier.get("error").map(|e| ErrorLine {
                code: text(e, "code").unwrap_or_default(),
                message: text(e, "message").unwrap_or_default(),
            });
            let exit = earlier.get("exit").and_then(Value::as_u64).map_or(
                match r.outcome {
                    Outcome::Failed => code::FAILURE,
                    _ => code::OK,
                },
                |e| u8::try_from(e).unwrap_or(code::FAILURE),
            );
            (text(earlier, "path"), error, exit)
        }
        None => {
            let (error, exit) = match &r.failure {
                Some(f) => {
                    let (code, message, exit) = describe(f);
                    (Some(ErrorLine { code, message }), exit)
                }
                None => (None, code::OK),
            };
            (
                r.path.as_ref().map(|p| p.display().to_string()),
                error,
                exit,
            )
        }
    };
    let (model_path, video_path) = match kind {
        JobKind::Video => (None, path),
        _ => (path, None),
    };
    (
        RowLine {
            row: r.row,
            name: r.name.as_deref(),
            key: r.key.as_deref(),
            kind: kind.as_str(),
            id: r.id.as_deref(),
            status: r.status.as_deref(),
            outcome: r.outcome.as_str(),
            model_path,
            video_path,
            error,
        },
        exit,
    )
}

fn dry_run(
    ctx: &mut Ctx,
    a: &BatchArgs,
    f: &Flags,
    manifest: &Manifest,
    defaults: &RowDefaults,
) -> Result<u8, CliError> {
    let kind = f.kind;
    // The price list is a free GET; without a secret the total is unknown.
    let pricing: Option<Pricing> = if ctx.settings.sandbox || ctx.settings.secret.is_some() {
        ctx.client().ok().and_then(|c| c.pricing().ok())
    } else {
        None
    };
    let mut worst = code::OK;
    let json = ctx.out.json;
    let mut lines: Vec<String> = Vec::new();
    let mut write_error = None;
    let checked = batch::check_all(
        manifest,
        kind,
        defaults,
        pricing.as_ref(),
        f.shard,
        &mut |line, e| {
            let error = e.map(|e| {
                let err = row_error(e);
                if !a.skip_invalid {
                    worst = worse(worst, err.exit_code());
                }
                ErrorLine {
                    code: err.code().to_string(),
                    message: err.message,
                }
            });
            if json {
                let planned = Planned {
                    row: line,
                    outcome: if error.is_some() {
                        "invalid"
                    } else {
                        "planned"
                    },
                    error,
                };
                if let Err(err) = ctx.out.emit(&planned) {
                    write_error.get_or_insert(err);
                }
            } else if let Some(e) = error {
                lines.push(e.message);
            }
        },
    )?;
    if let Some(e) = write_error {
        return Err(e);
    }
    let summary = Plan {
        rows: checked.rows,
        planned: checked.rows - checked.invalid,
        invalid: checked.invalid,
        total_credits: checked.total_credits,
    };
    if json {
        ctx.out.emit(&summary)?;
    } else {
        for l in &lines {
            ctx.out.progress_line(&format!("invalid: {}", shown(l)));
        }
        ctx.out.data(&format!(
            "{} rows: {} planned, {} invalid; total price {}",
            summary.rows,
            summary.planned,
            summary.invalid,
            summary.total_credits.map_or_else(
                || "unknown (no price list)".to_string(),
                |c| format!("{c} credits")
            )
        ))?;
        ctx.out.note("(dry run: nothing billed was sent)");
    }
    Ok(worst)
}
