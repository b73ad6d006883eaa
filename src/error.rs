//! The library's error type. Each variant is something a caller must tell
//! apart (the CLI maps them to exit codes in one place, `cli::exit`).

use std::time::Duration;

/// An error answer from the API (any non-2xx status).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// HTTP status.
    pub status: u16,
    /// The server's error code (`UNAUTHORIZED`, `NOT_FOUND`, …) when it sent one.
    pub code: Option<String>,
    /// A human message: the server's, sanitized, or the HTTP status and page
    /// title for a non-JSON (CDN) page.
    pub message: String,
    /// `Retry-After`, when the server sent one.
    pub retry_after: Option<Duration>,
    /// Method and URL of the request (secret-free).
    pub request: String,
    /// Where to buy credits, when a 402 answer says.
    pub topup_url: Option<String>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.code {
            Some(code) => write!(f, "{} (HTTP {}, {})", self.message, self.status, code),
            None => write!(f, "{} (HTTP {})", self.message, self.status),
        }
    }
}

impl ApiError {
    /// True for answers worth trying again: 429 and every 5xx.
    pub fn is_transient(&self) -> bool {
        self.status == 429 || (500..=599).contains(&self.status)
    }

    /// True when the server sent this error code.
    pub fn has_code(&self, code: &str) -> bool {
        self.code.as_deref() == Some(code)
    }
}

/// A boxed cause kept behind an error (`std::error::Error::source`).
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything that can go wrong talking to the API. New failure classes may
/// be added: match with a `_` arm.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with an error status.
    #[error("{0}")]
    Api(Box<ApiError>),
    /// No usable answer: connection refused or reset, DNS, TLS, timeout.
    #[error("could not reach {request}: {message}")]
    Network {
        /// Method and URL.
        request: String,
        /// What went wrong, in words.
        message: String,
        /// True when a timeout fired.
        timeout: bool,
        /// The cause (reqwest's error), for `source()` chains.
        #[source]
        source: Option<BoxError>,
    },
    /// A 2xx answer whose body the client cannot understand.
    #[error("unexpected answer from {request} (HTTP {status}): {message}")]
    Parse {
        /// Method and URL.
        request: String,
        /// HTTP status.
        status: u16,
        /// What was wrong with it.
        message: String,
    },
    /// A redirect to another host, which the client refuses to follow with the secret.
    #[error(
        "{request} redirected to another host ({location}); not following it with the API secret"
    )]
    CrossHostRedirect {
        /// Method and URL.
        request: String,
        /// Where it pointed.
        location: String,
    },
    /// The file host (not the API) answered a download with an error status.
    #[error("the file host answered: {0}")]
    FileHost(Box<ApiError>),
    /// A file URL from the server that is not `http(s)`, or not a URL.
    #[error("refusing to fetch {url}: {reason}")]
    BadFileUrl {
        /// The URL (signed query left out).
        url: String,
        /// Why.
        reason: String,
    },
    /// A download broke off (a cut connection, fewer bytes than announced).
    #[error("the download broke off: {0}")]
    Transfer(#[source] TransferError),
    /// The model file was still not published when the deadline came.
    #[error("the model file of {id} was still not published at the deadline")]
    NotPublished {
        /// The agent.
        id: String,
    },
    /// A video job has no file yet (still rendering, or failed).
    #[error("video {id} has no file to download (status: {status})")]
    NotRendered {
        /// The job.
        id: String,
        /// Its status.
        status: String,
    },
    /// A download target exists and overwriting was not asked for.
    #[error("{} already exists; nothing was downloaded", .0.display())]
    TargetExists(std::path::PathBuf),
    /// An agent id that is not a single safe path segment.
    #[error(
        "invalid agent id {0:?}: it must be a single path segment (no '/', '..', spaces or control characters)"
    )]
    InvalidId(String),
    /// A webhook id, URL or event name refused before sending.
    #[error(transparent)]
    Webhook(#[from] WebhookInputError),
    /// A session id that is neither a `cs_…` id nor a UUID.
    #[error(
        "invalid session id {0:?}: give the cs_… id printed by `session start` or the UUID from `session list`"
    )]
    InvalidSessionId(String),
    /// A session the account has no record of (not in its session list).
    #[error("no session {0} on this account")]
    SessionNotFound(String),
    /// An argument of a request that the API would refuse (a LiveKit URL
    /// that is not ws(s)/https, an empty room name, …): nothing was sent.
    #[error("{name}: {reason}")]
    InvalidArgument {
        /// The argument, as the user knows it (`--livekit-url`).
        name: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Text to send that the API would refuse (empty, or over its cap):
    /// bad input data, nothing was sent.
    #[error("{what}: {reason}")]
    BadText {
        /// What the text is (`the text to speak`).
        what: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A base URL (or a request URL built on it) that is not an http(s)
    /// URL with a host.
    #[error("invalid base URL {url:?}: {reason}")]
    InvalidBaseUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The HTTP stack (TLS, connection pool) or the blocking client's
    /// runtime could not be set up.
    #[error("cannot set up {what}: {source}")]
    Setup {
        /// What was being set up (`HTTP`, `the async runtime`).
        what: &'static str,
        /// The cause.
        #[source]
        source: BoxError,
    },
    /// A value that cannot be sent in an HTTP header (control characters,
    /// non-ASCII): nothing was sent.
    #[error("{what} cannot be sent in a header (it contains characters a header cannot carry)")]
    HeaderValue {
        /// What it is (`the API secret`, `the idempotency key`).
        what: &'static str,
    },
    /// The blocking client (`bithuman::blocking::Client`) was called from
    /// inside an async runtime, where blocking would stall it: use the async
    /// `bithuman::Client` there.
    #[error(
        "the blocking client was called inside an async runtime; use the async bithuman::Client there (or call it from a thread of its own)"
    )]
    BlockingInRuntime,
    /// A journaled request whose local file is gone or changed since it
    /// was journaled: it is not sent again with other bytes.
    #[error(
        "cannot send the journaled request again: its file {path} {change}; re-run the original command with the same --idempotency-key"
    )]
    JournaledFileChanged {
        /// The file the journal recorded.
        path: String,
        /// `is gone` or `has changed`.
        change: &'static str,
    },
    /// The batch's worker threads stopped before taking every row (one of
    /// them panicked or the pool was shut down): an internal failure.
    #[error("the batch's workers stopped")]
    WorkersStopped,
    /// Uploading a local file failed.
    #[error("uploading {file} failed: {source}")]
    Upload {
        /// The file as the user gave it.
        file: String,
        /// Why.
        #[source]
        source: Box<Error>,
    },
    /// A local media problem.
    #[error(transparent)]
    Media(#[from] crate::media::MediaError),
    /// A local I/O failure.
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A batch's state file or rows cannot be used as they are.
    #[error(transparent)]
    Batch(#[from] BatchError),
    /// The operation was interrupted (Ctrl-C, a signal, or
    /// [`Cancel::cancel`](crate::Cancel::cancel)).
    #[error("interrupted")]
    Interrupted {
        /// The signal that cancelled it (2 for SIGINT, 15 for SIGTERM), when
        /// one did; `None` for a cancel by the program.
        signal: Option<i32>,
    },
    /// A local JSON Lines file (the journal, a batch state file) is not a
    /// regular file, is held by another run, or cannot be written or read.
    #[error(transparent)]
    Store(#[from] crate::jsonl::StoreError),
    /// A journaled request that must not be sent again (yet).
    #[error(transparent)]
    Journal(#[from] JournalError),
}

impl Error {
    /// True for failures worth retrying: 429, 5xx, network trouble and
    /// unparseable answers. Never 400/401/402/403/404/422.
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Api(e) | Error::FileHost(e) => e.is_transient(),
            Error::Upload { source, .. } => source.is_transient(),
            Error::Network { .. } | Error::Parse { .. } | Error::Transfer(_) => true,
            _ => false,
        }
    }

    /// The API error, if this is one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            Error::Upload { source, .. } => source.api(),
            _ => None,
        }
    }

    /// Wraps an I/O error with what was being done.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

/// Why a download broke off, with the cause when there is one.
#[derive(Debug)]
#[non_exhaustive]
pub struct TransferError {
    message: String,
    source: Option<BoxError>,
}

impl TransferError {
    /// A transfer failure described by `message`, caused by `source`.
    pub fn new(message: impl Into<String>, source: Option<BoxError>) -> Self {
        Self {
            message: message.into(),
            source,
        }
    }
}

impl std::fmt::Display for TransferError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TransferError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What the journal refuses to do with a recorded entry.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JournalError {
    /// The recorded endpoint is not the submit route of the recorded kind:
    /// the file was edited, and a request is never sent where a file says.
    #[error(
        "the journaled {kind} request names {path:?}, which is not a known submit route of the API; nothing was sent"
    )]
    UnknownRoute {
        /// The recorded kind.
        kind: &'static str,
        /// The recorded path.
        path: String,
    },
    /// Another process holds this submit between its journal entry and its
    /// answer: sending it again now would race it.
    #[error(
        "the {kind} request with idempotency key {key:?} is still being sent by another process; nothing was sent again"
    )]
    InFlight {
        /// The kind.
        kind: &'static str,
        /// Its idempotency key.
        key: String,
    },
}

/// Why a batch cannot go on with its state file or its rows.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BatchError {
    /// `--state` names the manifest itself (another path or a hard link included).
    #[error("the state file {} is the manifest itself; a batch would append its state to its own rows", .path.display())]
    StateIsManifest {
        /// The path given.
        path: std::path::PathBuf,
    },
    /// The state file was written against another API or profile.
    #[error("the state file {} belongs to {recorded}, not to {current}; its jobs are not on this API", .path.display())]
    ForeignState {
        /// The state file.
        path: std::path::PathBuf,
        /// The API and profile it records.
        recorded: String,
        /// This run's.
        current: String,
    },
    /// A file with lines but no header naming its API: not a state file of
    /// this version (or not a state file at all).
    #[error("{} is not a batch state file of this version (it has no line naming its API); nothing in it was used", .path.display())]
    NotAState {
        /// The file.
        path: std::path::PathBuf,
    },
    /// A row changed since the state file recorded it.
    #[error(
        "row {line} changed since the state file recorded it; run with --restart-changed to submit it anew (the earlier job is not cancelled), or restore the row"
    )]
    RowChanged {
        /// Its line.
        line: u64,
    },
    /// `--max-runtime` passed: submitting and waiting stopped, the state
    /// file holds everything done so far, and the same command resumes.
    #[error("stopped at the --max-runtime of {}s: {pending} rows are not finished yet; jobs already submitted continue on the server", .after.as_secs())]
    OutOfTime {
        /// The runtime allowed.
        after: Duration,
        /// Rows left pending (submitted and still running, or not sent).
        pending: usize,
    },
}

/// Input the client refuses before sending anything.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookInputError {
    /// A webhook id that is not a UUID (and so not one safe path segment).
    #[error(
        "invalid webhook id {0:?}: it must be a UUID like 3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60"
    )]
    Id(String),
    /// A delivery URL that is not an http(s) URL with a host.
    #[error("invalid webhook URL {url:?}: {reason}")]
    Url {
        /// The URL (sanitized).
        url: String,
        /// Why.
        reason: &'static str,
    },
    /// An event name the API does not deliver.
    #[error(
        "unknown event {0:?}; the events are: agent.ready, agent.failed, video.completed, video.failed"
    )]
    Event(String),
}
