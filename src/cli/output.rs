//! Output: data on stdout (human blocks or NDJSON), everything else on
//! stderr; colour and animation only on a terminal.

use super::exit::CliError;
use super::settings::Settings;
use super::text::shown;
use bithuman::sanitize::sanitize_json;
use bithuman::{Job, JobKind, Record};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::io::Write;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// The version of every JSON object printed on stdout or returned by an
/// MCP tool.
const SCHEMA_VERSION: u32 = 1;

/// A result object as `--json` prints it and an MCP tool returns it:
/// `schema_version` is added here and nowhere else.
pub fn versioned(mut value: Value) -> Value {
    if let Value::Object(map) = &mut value {
        map.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    }
    value
}

/// A typed result as a JSON value (before [`versioned`]).
pub fn to_value<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The SPEC §5 error object of a failure, as MCP tools return it (the
/// same object `--json` prints on stderr, there with the secret redacted
/// and the warnings held back).
pub fn error_value(err: &CliError, command: &str) -> Value {
    serde_json::to_value(ErrorObject {
        error: ErrorBody::of(err, command, &|t| t.to_string()),
        warnings: Vec::new(),
    })
    .unwrap_or(Value::Null)
}

/// The JSON error object of SPEC §5.
#[derive(Serialize)]
struct ErrorObject<'a> {
    error: ErrorBody<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: String,
    http_status: Option<u16>,
    hint: Option<String>,
    command: &'a str,
}

impl<'a> ErrorBody<'a> {
    // `clean` is applied to the texts (the secret's redaction on stderr).
    fn of(err: &'a CliError, command: &'a str, clean: &dyn Fn(&str) -> String) -> Self {
        Self {
            code: err.code(),
            message: clean(&err.message),
            http_status: err.http_status,
            hint: err.hint.as_deref().map(clean),
            command,
        }
    }
}

/// A warning line in `--json` mode.
#[derive(Serialize)]
struct WarningLine {
    warning: WarningBody,
}

#[derive(Serialize)]
struct WarningBody {
    message: String,
}

/// How to print.
#[derive(Clone, Debug)]
pub struct Output {
    pub json: bool,
    pub quiet: bool,
    pub color: bool,
    pub animate: bool,
    /// The subcommand, for JSON error objects.
    pub command: String,
    /// Human blocks printed so far (a blank line separates them).
    blocks: Rc<Cell<usize>>,
    /// The secret in use: redacted from everything printed, in case a
    /// server echoes it back in a message or a field.
    secret: Option<bithuman::ApiSecret>,
    /// Warnings held back in `--json` mode.
    warnings: Rc<RefCell<Vec<String>>>,
    /// Set once a write to stdout found it closed (`| head`): later data is
    /// dropped, and the exit code stays what the work decides.
    stdout_closed: Rc<Cell<bool>>,
    /// `--jq`: the filter every JSON value goes through.
    pub jq: Option<Rc<super::jq::Jq>>,
}

impl Output {
    pub fn new(settings: &Settings, command: &str) -> Self {
        let mut out = Self::plain(settings.json, command);
        out.quiet = settings.quiet;
        out.color = settings.color;
        out.animate = settings.animate;
        out.secret = settings.secret.as_ref().map(|s| s.value.clone());
        out
    }

    /// Before settings exist (a usage or config error): no colour, no secret.
    pub fn plain(json: bool, command: &str) -> Self {
        Self {
            json,
            quiet: false,
            color: false,
            animate: false,
            command: command.to_string(),
            blocks: Default::default(),
            secret: None,
            warnings: Default::default(),
            stdout_closed: Default::default(),
            jq: None,
        }
    }

    /// One line of data on stdout. A closed stdout is not an error: the
    /// rest of the data is dropped and the command carries on, so its exit
    /// code still says how the work went.
    pub fn data(&self, line: &str) -> Result<(), CliError> {
        if self.stdout_closed.get() {
            return Ok(());
        }
        let line = self.redact(line);
        let mut out = std::io::stdout().lock();
        match writeln!(out, "{line}").and_then(|()| out.flush()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.stdout_closed.set(true);
                Ok(())
            }
            Err(e) => Err(CliError::io(format!("cannot write to stdout: {e}"))),
            Ok(()) => Ok(()),
        }
    }

    /// One JSON object on one line of stdout, with `schema_version`.
    pub fn emit<T: Serialize>(&self, value: &T) -> Result<(), CliError> {
        self.json_value(&versioned(to_value(value)))
    }

    // Every JSON line on stdout passes here, so every server string in it
    // goes through the one sanitizer (control and bidi characters out).
    fn json_value(&self, value: &Value) -> Result<(), CliError> {
        let mut value = value.clone();
        sanitize_json(&mut value);
        if let Some(jq) = &self.jq {
            for line in jq.lines(&value)? {
                self.data(&line)?;
            }
            return Ok(());
        }
        self.data(&escape_c1(&value.to_string()))
    }

    /// A note on stderr (not in `--json` or `--quiet` mode).
    pub fn note(&self, message: &str) {
        if !self.json && !self.quiet {
            stderr_line(&self.redact(message));
        }
    }

    /// A warning about the user's setup: shown even with `--json`, not with `--quiet`.
    pub fn warn(&self, message: &str) {
        if self.quiet {
            return;
        }
        if self.json {
            // Held back: a failure's error object carries them, so stderr
            // stays one JSON object; on success they follow as JSON lines.
            self.warnings.borrow_mut().push(message.to_string());
        } else {
            stderr_line(&format!(
                "{} {}",
                self.paint("warning:", "33"),
                self.redact(message)
            ));
        }
    }

    /// Prints warnings still held back (`--json` mode, on success).
    pub fn flush_warnings(&self) {
        for w in self.warnings.borrow_mut().drain(..) {
            let line = WarningLine {
                warning: WarningBody {
                    message: self.redact(&w),
                },
            };
            stderr_line(&serde_json::to_string(&line).unwrap_or_default());
        }
    }

    /// A progress line on stderr (a batch's plain row lines), with the
    /// secret redacted like everything else this output prints.
    pub fn progress_line(&self, line: &str) {
        stderr_line(&self.redact(line));
    }

    fn redact(&self, text: &str) -> String {
        match &self.secret {
            Some(s) => s.redact(text),
            None => text.to_string(),
        }
    }

    fn paint(&self, text: &str, ansi: &str) -> String {
        if self.color {
            format!("\x1b[{ansi}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Prints a failure on stderr: a JSON error object in `--json` mode
    /// (carrying the warnings held back so far), else `error: …` and a hint.
    pub fn error(&self, err: &CliError) {
        stderr_line(&self.error_text(err));
        self.warnings.borrow_mut().clear();
    }

    /// The text [`Output::error`] prints. Reading it changes nothing: the
    /// Ctrl-C message is built ahead of time from it.
    pub fn error_text(&self, err: &CliError) -> String {
        if self.json {
            let obj = ErrorObject {
                error: ErrorBody::of(err, &self.command, &|t| self.redact(t)),
                warnings: self
                    .warnings
                    .borrow()
                    .iter()
                    .map(|w| self.redact(w))
                    .collect(),
            };
            escape_c1(&serde_json::to_string(&obj).unwrap_or_default())
        } else {
            let mut text = format!(
                "{} {}",
                self.paint("error:", "1;31"),
                self.redact(&err.message)
            );
            if let Some(hint) = &err.hint {
                text.push_str(&format!(
                    "\n{} {}",
                    self.paint("hint:", "36"),
                    self.redact(hint)
                ));
            }
            text
        }
    }

    /// Prints a job's record: NDJSON (every server field, plus
    /// `schema_version` and `kind`), or the human block of its kind.
    pub fn record(
        &self,
        job: &Job,
        record: &Record,
        extra: &[(&str, Value)],
    ) -> Result<(), CliError> {
        let value = record_value(job, record, extra);
        if self.json {
            self.json_value(&versioned(value))
        } else {
            self.block(&match job.kind {
                JobKind::Agent | JobKind::Model => record_block(&value),
                JobKind::Video => video_block(&value),
                JobKind::Dynamics => dynamics_block(&value),
            })
        }
    }

    /// `agent show`: the whole agent (SPEC §18) — name, prompt, voice,
    /// models with their states, dates, URLs; the full record with `--json`.
    pub fn agent(&self, job: &Job, record: &Record) -> Result<(), CliError> {
        let value = record_value(job, record, &[]);
        if self.json {
            return self.json_value(&versioned(value));
        }
        let relative = std::io::IsTerminal::is_terminal(&std::io::stdout());
        self.block(&agent_block(&value, relative))
    }

    /// A human block on stdout, separated from the previous one by a blank line.
    pub fn block(&self, block: &str) -> Result<(), CliError> {
        let n = self.blocks.get();
        self.blocks.set(n + 1);
        self.data(&if n > 0 {
            format!("\n{block}")
        } else {
            block.to_string()
        })
    }
}

/// One line on stderr. A closed stderr is ignored: it must never turn into
/// a panic or change the exit code.
pub fn stderr_line(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// Escapes C1 control characters (U+0080–U+009F), which JSON allows raw
/// but some terminals read as escape sequences (U+009B is CSI).
pub fn escape_c1(json: &str) -> String {
    if !json.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        return json.to_string();
    }
    json.chars()
        .map(|c| {
            if ('\u{80}'..='\u{9f}').contains(&c) {
                format!("\\u{:04x}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The human block: id, status, step, progress, model URL, viewer, error.
pub fn record_block(v: &Value) -> String {
    let text = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(shown)
            .filter(|s| !s.is_empty())
    };
    let mut rows: Vec<(&str, String)> = Vec::new();
    rows.push(("id", text("agent_id").unwrap_or_default()));
    rows.push(("status", text("status").unwrap_or_else(|| "unknown".into())));
    if let Some(step) = text("current_step") {
        rows.push(("step", step));
    }
    if let Some(p) = v
        .get("progress")
        .and_then(bithuman::record::progress_fraction)
    {
        rows.push(("progress", format!("{:.0}%", p * 100.0)));
    }
    if let Some(model) = text("model") {
        rows.push(("model", model));
    }
    if let Some(models) = v.get("supported_models").and_then(Value::as_array) {
        let names: Vec<String> = models.iter().filter_map(Value::as_str).map(shown).collect();
        if !names.is_empty() {
            rows.push(("models", names.join(", ")));
        }
    }
    rows.push(("model url", text("model_url").unwrap_or_else(|| "-".into())));
    rows.push(("viewer", text("viewer_url").unwrap_or_default()));
    if let Some(e) = text("error_message") {
        rows.push(("error", e));
    }
    if let Some(m) = text("added_model") {
        rows.push(("added model", m));
    }
    if let Some(c) = v.get("credits").filter(|c| c.is_number()) {
        rows.push(("credits", c.to_string()));
    }
    if let Some(p) = text("model_path") {
        rows.push(("saved to", p));
    }
    aligned(&rows)
}

/// The human block of `agent show`.
pub fn agent_block(v: &Value, relative: bool) -> String {
    let text = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(shown)
            .filter(|s| !s.is_empty())
    };
    let mut rows: Vec<(&str, String)> = vec![
        (
            "id",
            text("agent_id")
                .or_else(|| text("code"))
                .unwrap_or_default(),
        ),
        ("name", text("name").unwrap_or_else(|| "-".into())),
        ("status", text("status").unwrap_or_else(|| "unknown".into())),
    ];
    if let Some(e) = text("error_message") {
        rows.push(("error", e));
    }
    rows.push(("model", text("model").unwrap_or_else(|| "-".into())));
    rows.push(("models", model_states(v)));
    rows.push(("voice", text("voice_id").unwrap_or_else(|| "-".into())));
    for (label, key) in [("created", "created_at"), ("updated", "updated_at")] {
        if let Some(t) = text(key) {
            rows.push((label, super::manage::when(&t, relative)));
        }
    }
    rows.push(("model url", text("model_url").unwrap_or_else(|| "-".into())));
    rows.push(("viewer", text("viewer_url").unwrap_or_default()));
    // The prompt last: it may be long, and the other rows stay aligned above it.
    let prompt = v
        .get("system_prompt")
        .and_then(Value::as_str)
        .map(|p| {
            p.lines()
                .map(shown)
                .collect::<Vec<_>>()
                .join("\n           ")
        })
        .filter(|p| !p.is_empty());
    rows.push(("prompt", prompt.unwrap_or_else(|| "-".into())));
    aligned(&rows)
}

// `essence-1 ready, essence-2 pending`: each model and its state, from
// `model_status` when the API sends it, else the supported models.
fn model_states(v: &Value) -> String {
    let mut names: Vec<String> = Vec::new();
    if let Some(states) = v.get("model_status").and_then(Value::as_object) {
        for (model, s) in states {
            let state = s.get("state").and_then(Value::as_str).unwrap_or("unknown");
            names.push(format!("{} {}", shown(model), shown(state)));
        }
    }
    if let Some(models) = v.get("supported_models").and_then(Value::as_array) {
        for m in models.iter().filter_map(Value::as_str) {
            if !names.iter().any(|n| n.split(' ').next() == Some(m)) {
                names.push(format!("{} ready", shown(m)));
            }
        }
    }
    if names.is_empty() {
        "-".into()
    } else {
        names.join(", ")
    }
}

/// The human block of a video job: job, status, model, duration, credits,
/// video URL, error, saved path.
pub fn video_block(v: &Value) -> String {
    let text = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(shown)
            .filter(|s| !s.is_empty())
    };
    let number = |k: &str| v.get(k).filter(|n| n.is_number()).map(Value::to_string);
    let mut rows: Vec<(&str, String)> = vec![
        ("job", text("job_id").unwrap_or_default()),
        ("status", text("status").unwrap_or_else(|| "unknown".into())),
    ];
    if let Some(m) = text("model") {
        rows.push(("model", m));
    }
    rows.push((
        "duration",
        number("duration_seconds").map_or_else(|| "-".into(), |d| format!("{d} s")),
    ));
    rows.push((
        "credits",
        number("credits_charged").unwrap_or_else(|| "-".into()),
    ));
    rows.push(("video url", text("video_url").unwrap_or_else(|| "-".into())));
    if let Some(e) = v
        .get("error")
        .and_then(|e| e.get("message").and_then(Value::as_str).or(e.as_str()))
    {
        rows.push(("error", shown(e)));
    }
    if let Some(p) = text("video_path") {
        rows.push(("saved to", p));
    }
    aligned(&rows)
}

/// The human block of an agent's gestures: status, then one line per gesture.
pub fn dynamics_block(v: &Value) -> String {
    let text = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(shown)
            .filter(|s| !s.is_empty())
    };
    let mut rows: Vec<(String, String)> = vec![
        ("agent".into(), text("agent_id").unwrap_or_default()),
        (
            "status".into(),
            text("status").unwrap_or_else(|| "unknown".into()),
        ),
    ];
    match v.get("gestures").and_then(Value::as_object) {
        Some(g) if !g.is_empty() => {
            for (name, url) in g {
                rows.push((
                    shown(name),
                    url.as_str().map(shown).unwrap_or_else(|| "-".into()),
                ));
            }
        }
        _ => rows.push(("gestures".into(), "none".into())),
    }
    let rows: Vec<(&str, String)> = rows.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    aligned(&rows)
}

fn aligned(rows: &[(&str, String)]) -> String {
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    rows.iter()
        .map(|(k, val)| format!("{k:<width$}  {val}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One status line: `<id> <status> <step> <progress%> <elapsed>`.
pub fn status_line(job: &Job, record: &Record, elapsed: Duration) -> String {
    format!(
        "{} {} {} {} {}",
        shown(&job.id),
        shown(job.shown_status(record)),
        // A model add polls the agent's record, whose step and progress are
        // the finished creation's, not the add's.
        record
            .current_step()
            .filter(|_| job.kind != JobKind::Model)
            .map(shown)
            .unwrap_or_else(|| "-".into()),
        record
            .progress_percent()
            .filter(|_| job.kind != JobKind::Model)
            .map(|p| format!("{p:.0}%"))
            .unwrap_or_else(|| "-".into()),
        elapsed_text(elapsed)
    )
}

/// `1m05s`-style elapsed time.
pub fn elapsed_text(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}h{:02}m{:02}s", s / 3600, (s % 3600) / 60, s % 60)
    } else if s >= 60 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

/// The bar or spinner on screen, so that a notice printed while it spins (a
/// rate-limit pause, from the HTTP layer's thread) goes above it instead of
/// through it.
static ON_SCREEN: std::sync::Mutex<Option<ProgressBar>> = std::sync::Mutex::new(None);

fn on_screen(bar: &ProgressBar) {
    if let Ok(mut slot) = ON_SCREEN.lock() {
        *slot = Some(bar.clone());
    }
}

/// A line on stderr above any bar on screen (callers decide about
/// `--json`/`--quiet`).
pub fn notice(line: &str) {
    let bar = ON_SCREEN.lock().ok().and_then(|slot| slot.clone());
    match bar {
        Some(bar) if !bar.is_finished() => bar.suspend(|| stderr_line(line)),
        _ => stderr_line(line),
    }
}

/// Why the client is about to wait, said once per pause (SPEC §18): a rate
/// limit always; other retries when the pause is long enough to be noticed.
pub fn pause_notice(pause: &bithuman::Pause) {
    let wait = format!("{}s", pause.delay.as_secs().max(1));
    if pause.rate_limited {
        notice(&format!("rate limited by the API; next try in {wait}"));
    } else if pause.delay >= Duration::from_secs(5) {
        notice(&format!(
            "the API did not answer ({}); next try in {wait}",
            super::text::shown(&pause.reason)
        ));
    }
}

/// Progress of a wait: a spinner on a terminal, one plain line per change
/// of status/step elsewhere, nothing with `--json`/`--quiet`.
pub struct WaitProgress {
    bar: Option<ProgressBar>,
    plain: bool,
    last: std::collections::HashMap<String, (String, String)>,
    started: Instant,
    /// The secret, redacted from the server's statuses and steps shown.
    secret: Option<bithuman::ApiSecret>,
}

impl WaitProgress {
    pub fn new(out: &Output) -> Self {
        let bar = out.animate.then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template(if out.color {
                    "{spinner:.cyan} {msg} {elapsed}"
                } else {
                    "{spinner} {msg} {elapsed}"
                })
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(100));
            bar.set_message("waiting…");
            on_screen(&bar);
            bar
        });
        Self {
            plain: !out.animate && !out.json && !out.quiet,
            bar,
            last: Default::default(),
            started: Instant::now(),
            secret: out.secret.clone(),
        }
    }

    /// Reports a poll.
    pub fn update(&mut self, job: &Job, record: &Record) {
        let id = job.id.as_str();
        let elapsed = self.started.elapsed();
        let redact = |line: String| match &self.secret {
            Some(s) => s.redact(&line),
            None => line,
        };
        if let Some(bar) = &self.bar {
            // The bar draws the elapsed time itself, so it ticks between polls.
            let line = redact(status_line(job, record, elapsed));
            let without_elapsed = line
                .rsplit_once(' ')
                .map_or(line.as_str(), |(head, _)| head);
            bar.set_message(without_elapsed.to_string());
        } else if self.plain {
            let key = (
                job.shown_status(record).to_string(),
                record.current_step().unwrap_or("").to_string(),
            );
            if self.last.get(id) != Some(&key) {
                stderr_line(&redact(status_line(job, record, elapsed)));
                self.last.insert(id.to_string(), key);
            }
        }
    }

    /// Clears the spinner before printing results.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for WaitProgress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// A job's record as `--json` prints it (and the MCP server returns it),
/// before [`versioned`]: every server field kept, strings made safe, plus
/// `kind` and `extra`.
pub fn record_value(job: &Job, record: &Record, extra: &[(&str, Value)]) -> Value {
    // Every server field is kept; only terminal escape sequences and
    // control characters are taken out of strings, so `jq -r` of a field
    // cannot drive the terminal either.
    let mut value = match job.kind {
        JobKind::Agent | JobKind::Model => record.to_output(&job.id),
        JobKind::Video | JobKind::Dynamics => {
            let mut map = record.fields().clone();
            let id_key = if job.kind == JobKind::Video {
                "job_id"
            } else {
                "agent_id"
            };
            map.entry(id_key.to_string())
                .or_insert_with(|| Value::from(job.id.as_str()));
            Value::Object(map)
        }
    };
    sanitize_json(&mut value);
    if let Value::Object(map) = &mut value {
        // A model add prints the agent's record.
        let kind = if job.kind == JobKind::Model {
            JobKind::Agent
        } else {
            job.kind
        };
        map.insert("kind".into(), Value::from(kind.as_str()));
        for (k, v) in extra {
            map.insert((*k).to_string(), v.clone());
        }
    }
    value
}

/// How byte progress bars look; `Send`, so a library callback can hold it.
#[derive(Clone, Copy, Debug)]
pub struct Bars {
    animate: bool,
    color: bool,
}

impl Output {
    /// The bar settings of this output.
    pub fn bars(&self) -> Bars {
        Bars {
            animate: self.animate,
            color: self.color,
        }
    }
}

impl Bars {
    /// A counter bar (rows of a batch) on a terminal.
    pub fn counter(self, total: u64, label: &str) -> Option<ProgressBar> {
        if !self.animate {
            return None;
        }
        let bar = ProgressBar::new(total);
        let template = if self.color {
            "{prefix} [{bar:30.cyan/blue}] {pos}/{len} {msg}"
        } else {
            "{prefix} [{bar:30}] {pos}/{len} {msg}"
        };
        bar.set_style(
            ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.set_prefix(label.to_string());
        bar.enable_steady_tick(Duration::from_millis(200));
        on_screen(&bar);
        Some(bar)
    }

    /// A byte progress bar for uploads/downloads (terminal only).
    pub fn bytes(self, total: Option<u64>, label: &str) -> Option<ProgressBar> {
        if !self.animate {
            return None;
        }
        let bar = match total {
            Some(t) => ProgressBar::new(t),
            None => ProgressBar::new_spinner(),
        };
        let template = match (total.is_some(), self.color) {
            (true, true) => {
                "{msg} [{bar:30.cyan/blue}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}"
            }
            (true, false) => "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            (false, _) => "{spinner} {msg} {bytes} {bytes_per_sec}",
        };
        bar.set_style(
            ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.set_message(label.to_string());
        on_screen(&bar);
        Some(bar)
    }
}
