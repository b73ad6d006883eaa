//! The one submit pipeline of every billed command (`generate`, `video
//! generate`, `agent add-model`, `dynamics generate`): flags → model check
//! → price/budget → dry run → journal → submit → wait → download → report.
//! A command checks its own flags and builds its library request (a
//! [`Submit`]); [`run`] does the rest, asking the command (a [`Command`])
//! only for what differs: the line for a job not waited for, the note
//! before waiting, and how a ready job is saved.

use super::Ctx;
use super::args::SubmitFlags;
use super::exit::{CliError, Kind, code, from_lib};
use super::interrupt::{self, Phase};
use super::output::stderr_line;
use super::text::{shell_word, shown};
use super::wait;
use bithuman::blocking::Client;
use bithuman::generate::{GenerateObserver, RequestPreview};
use bithuman::media::{self, MediaInput, MediaKind};
use bithuman::submit::{Answer, Submit, job_of};
use bithuman::wait::{WaitOptions, WaitOutcome};
use bithuman::{
    Error, GenerateEvent, Job, JobKind, Price, Pricing, Record, Submitted, new_idempotency_key,
};
use serde::Serialize;
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Bodies bigger than this get an upload progress bar on a terminal.
const PROGRESS_THRESHOLD: u64 = 4 * 1024 * 1024;

/// The largest script or prompt read from a file or stdin.
pub const MAX_TEXT_BYTES: u64 = 1024 * 1024;

/// `--dry-run` in `--json` mode.
#[derive(Serialize)]
struct DryRun<'a> {
    dry_run: bool,
    requests: &'a [RequestPreview],
    #[serde(skip_serializing_if = "Option::is_none")]
    price: Option<&'a Price>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_credits: Option<u64>,
}

/// A submitted job that is not waited for (`--json`), and the MCP
/// `generate_video` result: the answer's fields, the kind, id and key.
#[derive(Serialize)]
pub struct Pending<'a> {
    kind: &'a str,
    id: &'a str,
    #[serde(flatten)]
    answer: &'a serde_json::Map<String, serde_json::Value>,
    idempotency_key: &'a str,
    replayed: bool,
}

impl<'a> Pending<'a> {
    /// The result of `job` submitted with `key`, answered `submitted`.
    pub fn of(job: &'a Job, submitted: &'a Submitted, key: &'a str) -> Self {
        Self {
            kind: job.kind.as_str(),
            id: &job.id,
            answer: &submitted.fields,
            idempotency_key: key,
            replayed: submitted.replayed,
        }
    }
}

/// `--download PATH` (SPEC §18): a folder, created when missing, unless PATH
/// ends with the job's file extension, in which case it is the file. So
/// `--download mymodels` saves `mymodels/<id>.imx`, never a file named
/// `mymodels`. `-` (stdout) is left for the caller to refuse.
pub fn download_target(path: PathBuf, extension: &str) -> PathBuf {
    let is_file = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if is_file || path.as_os_str() == "-" || bithuman::download::is_dir_target(&path) {
        return path;
    }
    let mut folder = path.into_os_string();
    folder.push(std::path::MAIN_SEPARATOR_STR);
    PathBuf::from(folder)
}

/// The key for this submit: `--idempotency-key`, else a fresh one.
fn key(flags: &SubmitFlags) -> Result<String, CliError> {
    checked_key(flags.idempotency_key.clone(), "--idempotency-key")
}

/// A given idempotency key (`name`: the flag or argument), checked, else
/// a fresh one.
pub fn checked_key(given: Option<String>, name: &str) -> Result<String, CliError> {
    match given {
        Some(k) if k.trim().is_empty() || k.chars().any(char::is_control) => Err(CliError::usage(
            format!("{name} must be non-empty printable text"),
        )),
        Some(k) => Ok(k),
        None => Ok(new_idempotency_key()),
    }
}

/// `--interval`/`--timeout` only mean something with `--wait`.
fn check_wait_flags(flags: &SubmitFlags) -> Result<(), CliError> {
    if !flags.wait
        && (flags.wait_flags.interval.is_some()
            || flags.wait_flags.timeout.is_some()
            || flags.wait_flags.via.is_some())
    {
        return Err(CliError::usage(
            "--interval, --timeout and --via need --wait",
        ));
    }
    Ok(())
}

/// Reads a text file or stdin (`-`), at most [`MAX_TEXT_BYTES`], as UTF-8
/// without its final newline. `what` names it in messages ("the prompt").
pub fn read_text(path: &str, what: &str) -> Result<String, CliError> {
    let text = read_text_or_empty(path, what)?;
    if text.trim().is_empty() {
        return Err(CliError::new(
            Kind::BadInput,
            format!("the {what} file {path} is empty"),
        ));
    }
    Ok(text)
}

/// [`read_text`] without its refusal of an empty text, for a caller that
/// gives empty text its own meaning.
pub fn read_text_or_empty(path: &str, what: &str) -> Result<String, CliError> {
    let bytes = if path == "-" {
        read_capped(&mut std::io::stdin().lock(), "stdin", what)?
    } else {
        let meta = std::fs::metadata(path)
            .map_err(|e| CliError::new(Kind::NotFoundLocal, format!("{what} file {path}: {e}")))?;
        if !meta.is_file() {
            return Err(CliError::new(
                Kind::NotFoundLocal,
                format!("{what} file {path} is not a regular file"),
            ));
        }
        let mut f = std::fs::File::open(path).map_err(|e| {
            CliError::new(
                Kind::NotFoundLocal,
                format!("cannot read {what} file {path}: {e}"),
            )
        })?;
        read_capped(&mut f, path, what)?
    };
    let text = String::from_utf8(bytes).map_err(|_| {
        CliError::new(
            Kind::BadInput,
            format!("{what} in {path} is not UTF-8 text"),
        )
    })?;
    // Like `$(cat file)`: the file's final newline is not part of the text.
    Ok(text.trim_end_matches(['\n', '\r']).to_string())
}

// Reads at most MAX_TEXT_BYTES; more is bad input (65), not memory growth.
fn read_capped(input: &mut dyn Read, from: &str, what: &str) -> Result<Vec<u8>, CliError> {
    let mut bytes = Vec::new();
    input
        .take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            CliError::new(
                Kind::BadInput,
                format!("cannot read {what} from {from}: {e}"),
            )
        })?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(CliError::new(
            Kind::BadInput,
            format!(
                "{what} in {from} is over the {} MiB limit",
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(bytes)
}

/// Resolves a media flag (URL, local file, `-`), preflighted unless `skip`.
pub fn media_input(arg: &str, kind: MediaKind, skip_checks: bool) -> Result<MediaInput, CliError> {
    let value = media::resolve(arg, kind, &mut std::io::stdin().lock())?;
    if let MediaInput::File(file) = &value
        && !skip_checks
    {
        media::preflight(file, kind)?;
    }
    Ok(value)
}

/// Prints `--dry-run` requests: JSON, or method, URL, headers and body;
/// with the job's price when `--max-credits` asked for it.
fn print_dry_run(
    ctx: &Ctx,
    requests: &[RequestPreview],
    price: Option<&Price>,
    max_credits: Option<u64>,
) -> Result<u8, CliError> {
    if ctx.out.json {
        ctx.out.emit(&DryRun {
            dry_run: true,
            requests,
            price,
            max_credits,
        })?;
    } else {
        let mut text = String::new();
        for r in requests {
            text.push_str(&format!("{} {}\n", r.method, r.url));
            for (k, v) in &r.headers {
                text.push_str(&format!("{k}: {v}\n"));
            }
            text.push('\n');
            text.push_str(&serde_json::to_string_pretty(&r.body).unwrap_or_default());
            text.push_str("\n\n");
        }
        if let (Some(p), Some(max)) = (price, max_credits) {
            let verdict = if p.credits > max { "over" } else { "within" };
            text.push_str(&format!(
                "price: {} credits ({}), {verdict} --max-credits {max}\n",
                p.credits, p.basis
            ));
        }
        ctx.out.data(text.trim_end())?;
        ctx.out.note("(dry run: nothing billed was sent)");
    }
    match (price, max_credits) {
        (Some(p), Some(max)) if p.credits > max => Err(over_budget("job", p, max)),
        _ => Ok(super::exit::code::OK),
    }
}

/// The budget guard (SPEC §9): with `--max-credits N`, prices the job from
/// `GET /v1/pricing` (free) and refuses it — exit 77, `BUDGET_EXCEEDED` —
/// before anything billed is sent when the price is over N. A plain
/// `--dry-run` (no N) reads nothing.
fn budget(
    ctx: &mut Ctx,
    max: Option<u64>,
    dry_run: bool,
    price_of: impl FnOnce(&Pricing) -> Option<Price>,
    what: &str,
) -> Result<Option<Price>, CliError> {
    let Some(max) = max else { return Ok(None) };
    let client = ctx.client()?;
    let pricing = client.pricing()?;
    let price = price_of(&pricing).ok_or_else(|| {
        CliError::new(
            Kind::NoPermission,
            format!("cannot price the {what}: /v1/pricing does not list a usable price for it, so --max-credits {max} cannot be checked; nothing was sent"),
        )
        .with_code("BUDGET_EXCEEDED")
        .with_hint("see: bithuman pricing")
    })?;
    if price.credits > max && !dry_run {
        return Err(over_budget(what, &price, max));
    }
    Ok(Some(price))
}

/// The refusal of a job priced over `--max-credits`: the same for a real
/// run and a dry run (which exits as the real run would, SPEC §18).
fn over_budget(what: &str, price: &Price, max: u64) -> CliError {
    CliError::new(
        Kind::NoPermission,
        format!(
            "the {what} costs {} credits ({}), over --max-credits {max}; nothing was sent",
            price.credits, price.basis
        ),
    )
    .with_code("BUDGET_EXCEEDED")
    .with_hint("raise --max-credits, or choose a cheaper model (see: bithuman pricing)")
}

/// The model from the config file or environment, checked like the flag's
/// value (clap checks the flag): a typo there is a usage error naming its
/// source, before anything is read or sent.
pub fn configured_model(
    model: &super::settings::Sourced<String>,
    accepted: &'static [&'static str],
) -> Result<String, CliError> {
    bithuman::models::check(&model.value, accepted).map_err(|e| {
        CliError::usage(format!("{e} (from {})", model.source))
            .with_hint("fix the setting, or pass --model")
    })?;
    Ok(model.value.clone())
}

/// Where `--dry-run` says the requests would go, and how the secret shows.
fn dry_run_target(ctx: &Ctx) -> Result<(String, &'static str), CliError> {
    let base = if ctx.settings.sandbox {
        "<built-in sandbox>".to_string()
    } else {
        ctx.settings.check_base_url()?;
        ctx.settings.base_url.value.clone()
    };
    let secret = if ctx.settings.sandbox || ctx.settings.secret.is_some() {
        "***"
    } else {
        "<not set>"
    };
    Ok((base, secret))
}

/// A job submitted and not waited for: its id alone on stdout (human) with a
/// hint on stderr, or one JSON object.
pub fn print_pending(
    ctx: &Ctx,
    job: &Job,
    submitted: &Submitted,
    key: &str,
) -> Result<u8, CliError> {
    if ctx.out.json {
        ctx.out.emit(&Pending::of(job, submitted, key))?;
    } else {
        ctx.out.data(&shown(&submitted.id))?;
        ctx.out.note(&format!(
            "Submitted. Follow it with: {}",
            ctx.resume_command(std::slice::from_ref(job))
        ));
    }
    Ok(super::exit::code::OK)
}

/// The flags every submit command shares, checked and resolved once,
/// before anything is read, priced or sent.
pub struct Flags {
    /// The idempotency key of this submit (given, or fresh).
    pub key: String,
    pub dry_run: bool,
    pub wait: bool,
    pub max_credits: Option<u64>,
    /// How to wait (with `--wait`).
    pub options: WaitOptions,
    /// Where a ready job is saved (`--download`, as [`download_target`] says).
    pub download: Option<PathBuf>,
}

impl Flags {
    /// Checks `flags` (`--interval` needs `--wait`, the key) and resolves
    /// the wait options (`model` picks the default timeout); an existing
    /// download target is refused now, not after a paid job.
    pub fn resolve(
        ctx: &mut Ctx,
        flags: &SubmitFlags,
        download: Option<PathBuf>,
        model: Option<&str>,
    ) -> Result<Self, CliError> {
        check_wait_flags(flags)?;
        let key = key(flags)?;
        let options = ctx.wait_options(&flags.wait_flags, model)?;
        if let Some(target) = &download {
            bithuman::download::precheck(target, false).map_err(|e| {
                CliError::from(e)
                    .with_hint("choose another --download path, or move the existing file away")
            })?;
        }
        Ok(Self {
            key,
            dry_run: flags.dry_run,
            wait: flags.wait,
            max_credits: flags.max_credits,
            options,
            download,
        })
    }
}

/// What one submit command adds to the pipeline.
pub trait Command {
    /// The library request it sends.
    type Request: Submit;

    /// The request, checked and with its inputs read.
    fn request(&self) -> &Self::Request;

    /// Fields added to the record printed (a model add: what was added).
    fn extra(&self, _answer: &<Self::Request as Submit>::Answer) -> Vec<(&'static str, Value)> {
        Vec::new()
    }

    /// A failed submit's error, with the hint only this command knows.
    fn refine(&self, _e: &Error, err: CliError) -> CliError {
        err
    }

    /// A job submitted and not waited for: what is printed.
    fn pending(
        &self,
        ctx: &Ctx,
        client: &Client,
        job: &Job,
        answer: &<Self::Request as Submit>::Answer,
        key: &str,
    ) -> Result<u8, CliError>;

    /// The note before waiting: what is being made, and how to resume.
    fn waiting(&self, ctx: &Ctx, job: &Job) -> String;

    /// A ready job with `--download`: saved, then reported.
    fn save(
        &self,
        ctx: &Ctx,
        _client: &Client,
        job: &Job,
        record: Record,
        _target: &Path,
        extra: &[(&str, Value)],
    ) -> Result<u8, CliError> {
        wait::report(ctx, job, WaitOutcome::Ready(record), extra)
    }
}

/// The pipeline after the flags and the request: price/budget, dry run,
/// the journaled submit (with the interrupt phase around it), then the
/// wait, the download and the report, with the charge when the API
/// reports one (SPEC §18).
pub fn run<C: Command>(ctx: &mut Ctx, flags: &Flags, command: &C) -> Result<u8, CliError> {
    let request = command.request();
    let price = budget(
        ctx,
        flags.max_credits,
        flags.dry_run,
        |p| request.price(p),
        request.noun(),
    )?;
    if flags.dry_run {
        let (base, secret) = dry_run_target(ctx)?;
        let requests = request.preview(&base, secret, &flags.key)?;
        return print_dry_run(ctx, &requests, price.as_ref(), flags.max_credits);
    }
    let client = ctx.client()?;
    let answer = send(ctx, &client, request, &flags.key).map_err(|e| {
        let err = submit_error(&e, request.noun(), request.kind(), &flags.key);
        command.refine(&e, err)
    })?;
    let job = job_of(request, &answer);
    if answer.replayed() {
        ctx.out.note(&format!(
            "note: the server replayed its earlier answer for idempotency key {}: nothing new was submitted or billed.",
            shown(&flags.key)
        ));
    }
    let extra = command.extra(&answer);
    if !flags.wait {
        let exit = command.pending(ctx, &client, &job, &answer, &flags.key)?;
        report_charge(ctx, &client, &answer, None);
        return Ok(exit);
    }
    ctx.out.note(&command.waiting(ctx, &job));
    let mut exit = code::OK;
    wait::run(ctx, &client, &[job], &flags.options, |ctx, job, outcome| {
        let ready = match &outcome {
            WaitOutcome::Ready(record) => Some(record.clone()),
            _ => None,
        };
        exit = match (outcome, &flags.download) {
            (WaitOutcome::Ready(record), Some(target)) => {
                command.save(ctx, &client, job, record, target, &extra)?
            }
            (outcome, _) => wait::report(ctx, job, outcome, &extra)?,
        };
        if let Some(record) = ready.filter(|_| exit == code::OK) {
            report_charge(ctx, &client, &answer, Some((job, &record)));
        }
        Ok(())
    })?;
    Ok(exit)
}

/// Uploads and the billed POST, with progress on a terminal. While the POST
/// is in flight Ctrl-C leaves the job's fate unknown, so the handler says
/// how to find out.
fn send<R: Submit>(ctx: &Ctx, client: &Client, request: &R, key: &str) -> Result<R::Answer, Error> {
    let creating = ctx
        .out
        .error_text(&interrupted_submit(request.noun(), request.kind(), key));
    let bar: Arc<Mutex<Option<indicatif::ProgressBar>>> = Arc::default();
    let quiet = ctx.out.json || ctx.out.quiet;
    let shared = bar.clone();
    let bars = ctx.out.bars();
    let observer: GenerateObserver = Arc::new(move |event| {
        let Ok(mut bar) = shared.lock() else { return };
        let (label, total) = match event {
            GenerateEvent::Uploading {
                display,
                len,
                total,
                file_name,
                ..
            } => {
                if !quiet {
                    stderr_line(&format!(
                        "Uploading {} ({})…",
                        shown(&display),
                        media::human_size(len)
                    ));
                }
                (file_name, total)
            }
            GenerateEvent::Submitting { total } => {
                interrupt::set(Phase::Creating {
                    message: creating.clone(),
                });
                ("generate".to_string(), total)
            }
            GenerateEvent::Sent(n) => {
                if let Some(b) = bar.as_ref() {
                    b.set_position(n);
                }
                return;
            }
            // An event of a later library: nothing to show for it.
            _ => return,
        };
        if let Some(b) = bar.take() {
            b.finish_and_clear();
        }
        *bar = (total > PROGRESS_THRESHOLD)
            .then(|| bars.bytes(Some(total), &label))
            .flatten();
    });
    let answer = request.send(client, key, Some(observer));
    interrupt::set(Phase::Idle);
    if let Ok(mut bar) = bar.lock()
        && let Some(b) = bar.take()
    {
        b.finish_and_clear();
    }
    answer
}

/// The error for a signal during a billed POST: the job may or may not
/// exist; `wait --last` or the same command with the same key finds out
/// without paying twice (the server replays its first answer).
fn interrupted_submit(what: &str, kind: JobKind, key: &str) -> CliError {
    CliError::new(
        Kind::Interrupted,
        format!("interrupted while submitting the {what}: it may or may not have been created"),
    )
    .with_hint(format!(
        "find out with: bithuman {}wait --last, or re-run the same command with --idempotency-key {}: the server then replays its first answer; nothing is billed twice",
        if kind == JobKind::Video { "video " } else { "" },
        shell_word(key)
    ))
}

/// A failed submit: the server's refusals of the input are bad input (65);
/// a transient failure of the billed POST (not of an upload, not a 429)
/// may have created the job.
fn submit_error(e: &Error, what: &str, kind: JobKind, key: &str) -> CliError {
    if matches!(e, Error::Interrupted { .. }) {
        return interrupted_submit(what, kind, key);
    }
    let err = from_lib(e);
    // A failed upload sent nothing billed, and a 429 created nothing.
    let unknown = !matches!(e, Error::Upload { .. }) && e.api().is_none_or(|api| api.status != 429);
    if e.is_transient() && unknown {
        return err.with_hint(format!(
            "the {what} may have been created; re-run with --idempotency-key {} to find out without paying twice",
            shell_word(key)
        ));
    }
    err
}

/// `charged 250 credits; balance 9,750` on stderr (human output) after a
/// billed job, when the API reports the charge: a model add's answer, a
/// video's final record. The balance is read from `/v1/me` (free) only
/// then. A replayed answer billed nothing now, and a free job nothing at
/// all, so they say nothing.
fn report_charge<A: Answer>(
    ctx: &Ctx,
    client: &Client,
    answer: &A,
    ready: Option<(&Job, &Record)>,
) {
    if ctx.out.json || ctx.out.quiet || answer.replayed() {
        return;
    }
    let from_record = ready
        .filter(|(job, _)| job.kind == JobKind::Video)
        .and_then(|(_, record)| bithuman::submit::charged(record.fields()));
    // A free job (expression-1 added) was not billed: nothing to name.
    let Some(credits) = from_record.or_else(|| answer.charged()).filter(|c| *c > 0) else {
        return;
    };
    let mut line = format!("charged {} credits", thousands(credits.into()));
    if let Some(balance) = balance(client) {
        line.push_str(&format!("; balance {}", thousands(balance)));
    }
    ctx.out.note(&line);
}

// The account's balance, when `/v1/me` says it as a whole number.
fn balance(client: &Client) -> Option<i128> {
    let b = client.account().ok()?.credit_balance?;
    b.as_i64().map(i128::from).or_else(|| {
        let f = b.as_f64()?;
        (f.is_finite() && f.abs() < 9.0e15).then(|| f.round() as i128)
    })
}

/// `9750` as `9,750`.
fn thousands(n: i128) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_are_separated() {
        for (n, text) in [
            (0, "0"),
            (250, "250"),
            (1000, "1,000"),
            (9750, "9,750"),
            (1_000_000, "1,000,000"),
            (-11, "-11"),
            (-12_345, "-12,345"),
        ] {
            assert_eq!(thousands(n), text);
        }
    }
}
