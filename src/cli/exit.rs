//! Errors carry their exit code: every failure becomes a [`CliError`] of
//! one [`Kind`], which alone decides the exit code (SPEC §6) and the
//! default machine-readable code. Library errors are mapped here, in one place.

use bithuman::Error;
use bithuman::media::MediaError;

/// Exit codes (sysexits, as the official bitHuman CLI).
pub mod code {
    pub const OK: u8 = 0;
    pub const FAILURE: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const DATA: u8 = 65;
    pub const NO_INPUT: u8 = 66;
    pub const UNAVAILABLE: u8 = 69;
    pub const SOFTWARE: u8 = 70;
    pub const TEMP_FAIL: u8 = 75;
    pub const NO_PERM: u8 = 77;
    pub const INTERRUPTED: u8 = 130;
}

/// What went wrong, as far as the exit code is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A bad flag or value (2).
    Usage,
    /// A bad config file or setting (2).
    Config,
    /// An id that is not one safe path segment (2).
    InvalidId,
    /// Bad input data: wrong type, empty, too big (65).
    BadInput,
    /// A local file is missing or unreadable (66).
    NotFoundLocal,
    /// Nothing in the local record to resume (66).
    NoHistory,
    /// The API does not know the agent or job (404) (66).
    NotFound,
    /// No secret, or the API refused it, or no credits (77).
    NoPermission,
    /// Network trouble, 5xx, 429 after retries (69).
    Unavailable,
    /// An answer the CLI cannot understand (70).
    InvalidResponse,
    /// The wait deadline passed while the job was still running (75).
    Timeout,
    /// The generation failed on the server (1).
    Failed,
    /// A download target exists (1).
    FileExists,
    /// A local I/O failure (1).
    Io,
    /// Any other error answer or failure (1).
    Other,
    /// Ctrl-C or another signal (130, or 128 + the signal).
    Interrupted,
    /// A failure of this program itself, not of the input or the API: its
    /// HTTP stack or a worker pool could not run (70).
    Software,
    /// A webhook delivery whose signature or timestamp does not hold (1).
    Unverified,
}

impl Kind {
    /// The process exit code.
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Usage | Kind::Config | Kind::InvalidId => code::USAGE,
            Kind::BadInput => code::DATA,
            Kind::NotFoundLocal | Kind::NoHistory | Kind::NotFound => code::NO_INPUT,
            Kind::NoPermission => code::NO_PERM,
            Kind::Unavailable => code::UNAVAILABLE,
            Kind::InvalidResponse | Kind::Software => code::SOFTWARE,
            Kind::Timeout => code::TEMP_FAIL,
            Kind::Failed | Kind::FileExists | Kind::Io | Kind::Other | Kind::Unverified => {
                code::FAILURE
            }
            Kind::Interrupted => code::INTERRUPTED,
        }
    }

    /// The code in the JSON error object when nothing more specific is known.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Usage => "USAGE",
            Kind::Config => "CONFIG",
            Kind::InvalidId => "INVALID_AGENT_ID",
            Kind::BadInput => "BAD_INPUT",
            Kind::NotFoundLocal => "NOT_FOUND_LOCAL_FILE",
            Kind::NoHistory => "NO_HISTORY",
            Kind::NotFound => "NOT_FOUND",
            Kind::NoPermission => "UNAUTHORIZED",
            Kind::Unavailable => "SERVICE_UNAVAILABLE",
            Kind::InvalidResponse => "INVALID_RESPONSE",
            Kind::Timeout => "TIMEOUT",
            Kind::Failed => "GENERATION_FAILED",
            Kind::FileExists => "FILE_EXISTS",
            Kind::Io => "IO_ERROR",
            Kind::Other => "API_ERROR",
            Kind::Interrupted => "INTERRUPTED",
            Kind::Unverified => "BAD_SIGNATURE",
            Kind::Software => "INTERNAL_ERROR",
        }
    }

    /// Rank for "the worst outcome wins" across several jobs.
    pub fn severity(self) -> u8 {
        severity(self.exit_code())
    }
}

/// A failure as the user sees it.
#[derive(Clone, Debug)]
pub struct CliError {
    /// Decides the exit code.
    pub kind: Kind,
    /// The server's error code, or a more specific one of ours; else the kind's.
    pub specific: Option<String>,
    /// What happened, to what.
    pub message: String,
    /// What to do next.
    pub hint: Option<String>,
    /// HTTP status of the answer behind it, if any.
    pub http_status: Option<u16>,
    /// For an interruption: the signal behind it (the exit code is 128 + it).
    pub signal: Option<i32>,
}

impl CliError {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Self {
            kind,
            specific: None,
            message: message.into(),
            hint: None,
            http_status: None,
            signal: None,
        }
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }
    pub fn config(message: impl Into<String>) -> Self {
        Self::new(Kind::Config, message)
    }
    pub fn io(message: impl Into<String>) -> Self {
        Self::new(Kind::Io, message)
    }
    /// A more specific code than the kind's (`NO_SECRET`, `DOWNLOAD_FAILED`, …).
    pub fn with_code(mut self, code: &str) -> Self {
        self.specific = Some(code.to_string());
        self
    }
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    /// The signal behind an interruption (`None`: a cancel without one, 130).
    pub fn with_signal(mut self, signal: Option<i32>) -> Self {
        self.signal = signal;
        self
    }
    /// No secret configured: exit 77 before any request.
    pub fn no_secret() -> Self {
        Self::new(Kind::NoPermission, "no API secret found")
            .with_code("NO_SECRET")
            .with_hint("set BITHUMAN_API_SECRET, or run: bithuman auth login --with-token < secret.txt (or try --sandbox, which needs no account)")
    }
    /// The exit code: the kind's, and 128 + the signal for an interruption
    /// (the signal travels in the error, never read from a global).
    pub fn exit_code(&self) -> u8 {
        match self.kind {
            Kind::Interrupted => interrupted_exit_code(self.signal),
            kind => kind.exit_code(),
        }
    }
    /// The machine-readable code.
    pub fn code(&self) -> &str {
        self.specific.as_deref().unwrap_or(self.kind.code())
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::io(e.to_string())
    }
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        from_lib(&e)
    }
}

impl From<MediaError> for CliError {
    fn from(m: MediaError) -> Self {
        media(&m)
    }
}

/// The `409` codes by which the API refuses a job for the state of the
/// agent or its model (SPEC §18: exit 65 on every command).
pub const STATE_REFUSALS: [&str; 4] = [
    "AGENT_NOT_READY",
    "MODEL_NOT_GENERATED",
    "MODEL_PREREQUISITE_MISSING",
    "MODEL_SUBJECT_MISMATCH",
];

/// Maps a library error to kind, code, message and hint.
pub fn from_lib(e: &Error) -> CliError {
    match e {
        Error::Api(api) => api_error(api),
        Error::FileHost(api) => {
            let kind = if api.is_transient() {
                Kind::Unavailable
            } else {
                Kind::Other
            };
            let mut err = CliError::new(kind, e.to_string()).with_code("DOWNLOAD_FAILED");
            err.http_status = Some(api.status);
            err
        }
        Error::Transfer(_) | Error::BadFileUrl { .. } => {
            let kind = if e.is_transient() {
                Kind::Unavailable
            } else {
                Kind::Other
            };
            CliError::new(kind, e.to_string()).with_code("DOWNLOAD_FAILED")
        }
        Error::NotPublished { id } => CliError::new(Kind::Timeout, e.to_string())
            .with_code("MODEL_ARTIFACT_NOT_READY")
            .with_hint(format!(
                "try again shortly: bithuman download {} (or give a longer --timeout)",
                super::text::shell_word(id)
            )),
        Error::NotRendered { id, .. } => CliError::new(Kind::Other, e.to_string())
            .with_code("VIDEO_NOT_READY")
            .with_hint(format!(
                "wait for it: bithuman video wait {}",
                super::text::shell_word(id)
            )),
        Error::TargetExists(_) => CliError::new(Kind::FileExists, e.to_string())
            .with_hint("use --force to overwrite it, or -o to choose another path"),
        Error::Upload { source, .. } => {
            let mut err = from_lib(source);
            err.message = e.to_string();
            err
        }
        Error::Network { timeout, .. } => CliError::new(Kind::Unavailable, e.to_string())
            .with_code(if *timeout {
                "NETWORK_TIMEOUT"
            } else {
                "NETWORK_ERROR"
            })
            .with_hint(
                "check your network connection and the base URL (--base-url, BITHUMAN_API_BASE)",
            ),
        Error::Parse { status, .. } => {
            let mut err = CliError::new(Kind::InvalidResponse, e.to_string());
            err.http_status = Some(*status);
            err
        }
        Error::CrossHostRedirect { .. } => {
            CliError::new(Kind::Other, e.to_string()).with_code("REDIRECT_REFUSED")
        }
        Error::InvalidId(_) => CliError::new(Kind::InvalidId, e.to_string()),
        Error::Webhook(w) => webhook_input(w),
        Error::InvalidSessionId(_) => {
            CliError::new(Kind::InvalidId, e.to_string()).with_code("INVALID_SESSION_ID")
        }
        Error::SessionNotFound(_) => CliError::new(Kind::NotFound, e.to_string())
            .with_hint("see the account's sessions with: bithuman session list --all"),
        Error::InvalidArgument { .. } => CliError::usage(e.to_string()),
        Error::BadText { .. } => CliError::new(Kind::BadInput, e.to_string()),
        Error::Media(m) => media(m),
        Error::Io { .. } => CliError::io(e.to_string()),
        Error::Batch(b) => batch(b),
        Error::Interrupted { signal } => {
            CliError::new(Kind::Interrupted, "interrupted").with_signal(*signal)
        }
        Error::Store(s) => store(s),
        Error::Journal(j) => journal(j),
        _ => setup(e),
    }
}

/// Maps the failures of the client's own setup and of its caller's program:
/// a base URL or a secret that cannot be used is configuration (2); a TLS
/// or runtime that cannot start, a worker pool that stopped, or the blocking
/// client inside a runtime is a failure of this program (70); a journaled
/// file that changed is bad data (65).
fn setup(e: &Error) -> CliError {
    match e {
        Error::InvalidBaseUrl { .. } => {
            CliError::config(e.to_string()).with_code("INVALID_BASE_URL")
        }
        Error::HeaderValue { .. } => CliError::config(e.to_string()).with_code("BAD_HEADER_VALUE"),
        Error::JournaledFileChanged { .. } => {
            CliError::new(Kind::BadInput, e.to_string()).with_code("JOURNALED_FILE_CHANGED")
        }
        Error::Setup { .. } => {
            CliError::new(Kind::Software, e.to_string()).with_code("SETUP_FAILED")
        }
        Error::WorkersStopped => {
            CliError::new(Kind::Software, e.to_string()).with_code("WORKERS_STOPPED")
        }
        Error::BlockingInRuntime => {
            CliError::new(Kind::Software, e.to_string()).with_code("BLOCKING_IN_RUNTIME")
        }
        // `Error` is non-exhaustive: a class added later is a failure (1)
        // until it is given its own code here.
        _ => CliError::new(Kind::Other, e.to_string()),
    }
}

/// The exit code for an interruption by `signal` (130 without one).
pub fn interrupted_exit_code(signal: Option<i32>) -> u8 {
    signal.map_or(code::INTERRUPTED, |s| {
        128u8.saturating_add(u8::try_from(s).unwrap_or(2))
    })
}

/// Maps the journal's refusals: a recorded route that is not the API's is
/// bad data (65); a submit another process is still sending is a temporary
/// failure (75), to be tried again once that process has its answer.
pub fn journal(j: &bithuman::journal::JournalError) -> CliError {
    use bithuman::journal::JournalError as J;
    match j {
        J::UnknownRoute { .. } => CliError::new(Kind::BadInput, j.to_string())
            .with_code("JOURNAL_ROUTE")
            .with_hint("the journal was edited; give an id instead: bithuman wait <id>"),
        J::InFlight { .. } => CliError::new(Kind::Timeout, j.to_string())
            .with_code("IN_FLIGHT")
            .with_hint("try again when the other process has its answer"),
        _ => CliError::new(Kind::Other, j.to_string()),
    }
}

/// Maps a local store's error: a file held by another run is a temporary
/// failure (75), a line too long to be read back is bad data (65), a path
/// that is not a regular file or a failing disk is a failure (1).
pub fn store(s: &bithuman::StoreError) -> CliError {
    use bithuman::StoreError as S;
    match s {
        S::Locked { .. } => CliError::new(Kind::Timeout, s.to_string()).with_code("LOCKED"),
        S::LineTooLong { .. } => CliError::new(Kind::BadInput, s.to_string()),
        S::NotRegular { .. } => CliError::io(s.to_string()).with_code("NOT_A_REGULAR_FILE"),
        _ => CliError::io(s.to_string()),
    }
}

/// Maps a refused webhook id (2, as an agent id), URL or event name (2).
pub fn webhook_input(w: &bithuman::webhook::WebhookInputError) -> CliError {
    use bithuman::webhook::WebhookInputError as W;
    match w {
        W::Id(_) => CliError::new(Kind::InvalidId, w.to_string()).with_code("INVALID_WEBHOOK_ID"),
        _ => CliError::usage(w.to_string()),
    }
}

/// Maps a refused delivery (1), with a code per reason.
pub fn unverified(v: &bithuman::VerifyError) -> CliError {
    use bithuman::VerifyError as V;
    let specific = match v {
        V::MalformedSignature => "MALFORMED_SIGNATURE",
        V::MalformedTimestamp => "MALFORMED_TIMESTAMP",
        V::Stale { .. } => "STALE_TIMESTAMP",
        _ => "BAD_SIGNATURE",
    };
    CliError::new(Kind::Unverified, format!("delivery refused: {v}")).with_code(specific)
}

/// An API error answer: kind by status (and by code for state refusals),
/// the server's code, and the hint for what to do.
fn api_error(api: &bithuman::ApiError) -> CliError {
    let kind = match api.status {
        // One rule for every command (SPEC §18): the API refusing a
        // job because the agent or its model is not in the right state
        // is bad input, like an empty or oversized file.
        409 if STATE_REFUSALS.iter().any(|c| api.has_code(c)) => Kind::BadInput,
        401..=403 => Kind::NoPermission,
        404 | 410 => Kind::NotFound,
        413 | 415 | 422 => Kind::BadInput,
        429 | 500..=599 => Kind::Unavailable,
        _ => Kind::Other,
    };
    let own = match api.status {
        401 => "UNAUTHORIZED",
        402 => "INSUFFICIENT_BALANCE",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        429 => "RATE_LIMITED",
        500..=599 => "SERVICE_UNAVAILABLE",
        _ => "API_ERROR",
    };
    let mut err =
        CliError::new(kind, api.to_string()).with_code(api.code.as_deref().unwrap_or(own));
    err.http_status = Some(api.status);
    err.hint = match (api.status, api.code.as_deref()) {
        (_, Some("VIDEO_INPUT_NOT_SUPPORTED")) => Some(
            "the API no longer accepts a video input; give a face image instead: --image face.jpg".into(),
        ),
        (401, _) => Some("the API secret was rejected: check BITHUMAN_API_SECRET, or run: bithuman auth login --with-token".into()),
        (402, _) => Some(format!(
            "your account is out of credits: top up at {} (see the balance with: bithuman account)",
            api.topup_url.as_deref().unwrap_or("https://www.bithuman.ai")
        )),
        (403, _) => Some("your plan or account does not allow this; see https://www.bithuman.ai".into()),
        (429 | 500..=599, _) => Some("the service is busy or failing; try again later (status: https://status.bithuman.ai)".into()),
        _ => None,
    };
    if api.has_code("AGENT_DELETED") || api.has_code("AGENT_PURGED") {
        err.message = format!("the agent was deleted: {api}");
        err.hint = Some("deleted agents cannot be used again; see: bithuman agent list".into());
    }
    if api.has_code("VIDEO_INPUT_NOT_SUPPORTED") {
        err.message = format!("the server refused --video: {api}");
    }
    err
}

/// Maps a media error (missing file → 66, bad data → 65, two stdins → 2).
pub fn media(m: &MediaError) -> CliError {
    match m {
        MediaError::NotFound { .. } | MediaError::Io { .. } => {
            CliError::new(Kind::NotFoundLocal, m.to_string())
        }
        MediaError::Invalid { .. } => CliError::new(Kind::BadInput, m.to_string())
            .with_hint("check the file, or skip these checks with --no-preflight"),
        MediaError::Usage(_) => CliError::usage(m.to_string()),
    }
}

/// Maps a batch's refusal: a state file that is the manifest or a changed
/// row is a usage error (2), a state file of another API or not a state
/// file is bad data (65).
pub fn batch(b: &bithuman::batch::BatchError) -> CliError {
    use bithuman::batch::BatchError as B;
    match b {
        B::StateIsManifest { .. } => CliError::usage(b.to_string())
            .with_code("STATE_IS_MANIFEST")
            .with_hint("give the state file another path with --state (the default is MANIFEST.state.jsonl)"),
        B::ForeignState { .. } => CliError::new(Kind::BadInput, b.to_string())
            .with_code("STATE_OF_ANOTHER_API")
            .with_hint("use the API and profile it records, or give this run its own state file with --state FILE"),
        B::NotAState { .. } => CliError::new(Kind::BadInput, b.to_string())
            .with_code("NOT_A_STATE_FILE")
            .with_hint("give this run its own state file with --state FILE"),
        B::RowChanged { .. } => CliError::usage(b.to_string()).with_code("ROW_CHANGED"),
        _ => CliError::new(Kind::Other, b.to_string()),
    }
}

/// Severity for "the worst outcome wins" across several agents.
pub fn severity(exit: u8) -> u8 {
    match exit {
        code::OK => 0,
        code::TEMP_FAIL => 1,
        code::FAILURE => 2,
        code::SOFTWARE => 3,
        code::UNAVAILABLE => 4,
        code::NO_INPUT => 5,
        code::NO_PERM => 6,
        code::INTERRUPTED => 7,
        // 128 + any other signal.
        n if n >= 128 => 7,
        _ => 2,
    }
}

/// The worse of two exit codes.
pub fn worse(a: u8, b: u8) -> u8 {
    if severity(b) > severity(a) { b } else { a }
}
