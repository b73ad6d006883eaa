//! Errors carry their exit code: every failure becomes a [`CliError`] here,
//! in one place, with the codes of SPEC §6.

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

/// A failure as the user sees it.
#[derive(Clone, Debug)]
pub struct CliError {
    /// Process exit code.
    pub exit: u8,
    /// Machine-readable code: the server's when it sent one, else our own.
    pub code: String,
    /// What happened, to what.
    pub message: String,
    /// What to do next.
    pub hint: Option<String>,
    /// HTTP status of the answer behind it, if any.
    pub http_status: Option<u16>,
}

impl CliError {
    pub fn new(exit: u8, code: &str, message: impl Into<String>) -> Self {
        Self {
            exit,
            code: code.to_string(),
            message: message.into(),
            hint: None,
            http_status: None,
        }
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(code::USAGE, "USAGE", message)
    }
    pub fn config(message: impl Into<String>) -> Self {
        Self::new(code::USAGE, "CONFIG", message)
    }
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    /// No secret configured: exit 77 before any request.
    pub fn no_secret() -> Self {
        Self::new(code::NO_PERM, "NO_SECRET", "no API secret found")
            .with_hint("set BITHUMAN_API_SECRET, or run: bithuman auth login --with-token < secret.txt (or try --sandbox, which needs no account)")
    }
    /// stdout closed under us (`| head`): not an error.
    pub fn broken_pipe() -> Self {
        Self::new(code::OK, "BROKEN_PIPE", "stdout closed")
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            CliError::broken_pipe()
        } else {
            CliError::new(code::FAILURE, "IO_ERROR", e.to_string())
        }
    }
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        from_lib(&e)
    }
}

/// Maps a library error to exit code, code, message and hint.
pub fn from_lib(e: &Error) -> CliError {
    match e {
        Error::Api(api) => {
            let exit = match api.status {
                401..=403 => code::NO_PERM,
                404 => code::NO_INPUT,
                413 | 415 => code::DATA,
                429 | 500..=599 => code::UNAVAILABLE,
                _ => code::FAILURE,
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
            let mut err = CliError::new(exit, api.code.as_deref().unwrap_or(own), api.to_string());
            err.http_status = Some(api.status);
            err.hint = match (api.status, api.code.as_deref()) {
                (_, Some("VIDEO_INPUT_NOT_SUPPORTED")) => Some(
                    "the API no longer accepts a video input; give a face image instead: --image face.jpg".into(),
                ),
                (401, _) => Some("the API secret was rejected: check BITHUMAN_API_SECRET, or run: bithuman auth login --with-token".into()),
                (402, _) => Some("your account is out of credits: top up at https://www.bithuman.ai".into()),
                (403, _) => Some("your plan or account does not allow this; see https://www.bithuman.ai".into()),
                (429 | 500..=599, _) => Some("the service is busy or failing; try again later (status: https://status.bithuman.ai)".into()),
                _ => None,
            };
            if api.has_code("VIDEO_INPUT_NOT_SUPPORTED") {
                err.message = format!("the server refused --video: {api}");
            }
            err
        }
        Error::Network { timeout, .. } => {
            let mut err = CliError::new(
                code::UNAVAILABLE,
                if *timeout {
                    "NETWORK_TIMEOUT"
                } else {
                    "NETWORK_ERROR"
                },
                e.to_string(),
            );
            err.hint = Some(
                "check your network connection and the base URL (--base-url, BITHUMAN_API_BASE)"
                    .into(),
            );
            err
        }
        Error::Parse { status, .. } => {
            let mut err = CliError::new(code::SOFTWARE, "INVALID_RESPONSE", e.to_string());
            err.http_status = Some(*status);
            err
        }
        Error::CrossHostRedirect { .. } => {
            CliError::new(code::FAILURE, "REDIRECT_REFUSED", e.to_string())
        }
        Error::InvalidId(_) => CliError::new(code::USAGE, "INVALID_AGENT_ID", e.to_string()),
        Error::Config(m) => CliError::new(code::USAGE, "CONFIG", m.clone()),
        Error::Media(m) => media(m),
        Error::Io { .. } => CliError::new(code::FAILURE, "IO_ERROR", e.to_string()),
        Error::Interrupted => CliError::new(code::INTERRUPTED, "INTERRUPTED", "interrupted"),
    }
}

/// Maps a media error (missing file → 66, bad data → 65, two stdins → 2).
pub fn media(m: &MediaError) -> CliError {
    match m {
        MediaError::NotFound { .. } => {
            CliError::new(code::NO_INPUT, "NOT_FOUND_LOCAL_FILE", m.to_string())
        }
        MediaError::Invalid { .. } => CliError::new(code::DATA, "BAD_INPUT", m.to_string())
            .with_hint("check the file, or skip these checks with --no-preflight"),
        MediaError::Usage(_) => CliError::usage(m.to_string()),
        MediaError::Io { .. } => {
            CliError::new(code::NO_INPUT, "NOT_FOUND_LOCAL_FILE", m.to_string())
        }
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
        _ => 2,
    }
}
