//! Live sessions: a cloud avatar started in the user's LiveKit room (billed
//! per second while it runs), the account's session list and its burn
//! rate, ending one session or all of them, transcripts, and talking to an
//! agent in a live room (speak, add context) or minting an embed token.
//!
//! Two id forms name a session: the `cs_…` id `start` answers (v1 routes)
//! and the UUID of the account's session list (v2 routes, which also need
//! the account's user id from `GET /v1/me`, fetched once per client).
//! Anything else is refused before a request is made.

mod answers;
mod calls;

pub use crate::answers::SessionDetail;
pub use answers::{
    ContextKind, Delivered, EmbedRequest, EmbedToken, Ended, Message, Revoked, Session,
    SessionList, SessionSummary, Transcript, Window, checked_amount,
};

use crate::error::{Error, Result};
use crate::ids::encode_id;
use crate::secret::ApiSecret;

/// The longest text `speak` sends. The API documents no cap for it; the
/// CLI refuses more than the API's text-to-speech cap elsewhere (5000
/// characters, talking videos), so a wrong file is caught before it is spoken.
pub const MAX_SPEAK_CHARS: usize = 5000;

/// The most sessions one list call asks for (the API's maximum).
pub const LIST_LIMIT: usize = 200;

/// A credential that must never be printed or logged: the LiveKit token a
/// session joins with, or a minted embed token. `Debug` shows `***`.
#[derive(Clone)]
pub struct Token(ApiSecret);

impl Token {
    /// Wraps a token (surrounding whitespace removed).
    pub fn new(token: String) -> Self {
        Self(ApiSecret::new(token))
    }
    /// The token itself, for the request body (or for printing as data).
    pub fn expose(&self) -> &str {
        self.0.expose()
    }
    /// `text` with every copy of the token (as is, in another case,
    /// percent- or base64-encoded) replaced by `***`.
    pub fn redact(&self, text: &str) -> String {
        self.0.redact(text)
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(***)")
    }
}

/// The id of a session, in either of its forms.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SessionId {
    /// `cs_…`: the id `start` answers (`/v1/runtime-sessions/{id}`).
    Cloud(String),
    /// The UUID of the account's session list (`/v2/{user}/runtime-sessions/{id}`).
    Listed(String),
}

impl SessionId {
    /// Parses a session id: `cs_` and 1–128 letters, digits, `-` or `_`, or
    /// a UUID (8-4-4-4-12 hex digits). Anything else is
    /// [`Error::InvalidSessionId`].
    pub fn parse(text: &str) -> Result<Self> {
        let safe = |s: &str| {
            (1..=128).contains(&s.len())
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        if let Some(rest) = text.strip_prefix("cs_")
            && safe(rest)
        {
            return Ok(Self::Cloud(text.to_string()));
        }
        if is_uuid(text) {
            return Ok(Self::Listed(text.to_ascii_lowercase()));
        }
        Err(Error::InvalidSessionId(crate::sanitize::sanitize_line(
            &text.chars().take(200).collect::<String>(),
        )))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Cloud(s) | Self::Listed(s) => s,
        }
    }
}

fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// What `start_session` needs. Build it with [`StartSession::new`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct StartSession {
    /// The agent that joins the room.
    pub agent: String,
    /// The LiveKit server (`wss://…`, `ws://…` or `https://…`).
    pub livekit_url: String,
    /// A LiveKit token minted from the user's own LiveKit keys.
    pub livekit_token: Token,
    /// The room to join.
    pub room: String,
    /// The model; the server picks one when `None`.
    pub model: Option<String>,
}

impl StartSession {
    /// A start request with the server's choice of model.
    pub fn new(agent: &str, livekit_url: &str, livekit_token: Token, room: &str) -> Self {
        Self {
            agent: agent.to_string(),
            livekit_url: livekit_url.to_string(),
            livekit_token,
            room: room.to_string(),
            model: None,
        }
    }

    /// With this model.
    pub fn model(mut self, model: &str) -> Self {
        self.model = Some(model.to_string());
        self
    }

    /// Refuses what the API would refuse, before anything is sent.
    pub fn check(&self) -> Result<()> {
        encode_id(&self.agent)?;
        check_livekit_url(&self.livekit_url)?;
        let invalid = |name: &str, reason: &str| Error::InvalidArgument {
            name: name.to_string(),
            reason: reason.to_string(),
        };
        if self.livekit_token.expose().is_empty() {
            return Err(invalid("--livekit-token", "the LiveKit token is empty"));
        }
        let room = self.room.trim();
        if room.is_empty() || room.chars().any(char::is_control) {
            return Err(invalid(
                "--room",
                "the room name is empty or has control characters",
            ));
        }
        Ok(())
    }
}

/// Accepts the LiveKit server URLs the API takes: `wss://`, `ws://` or
/// `https://` with a host.
pub fn check_livekit_url(url: &str) -> Result<()> {
    let shown = crate::sanitize::sanitize_line(&url.chars().take(200).collect::<String>());
    let bad = |reason: &str| Error::InvalidArgument {
        name: "--livekit-url".into(),
        reason: format!("{shown:?} {reason}"),
    };
    let parsed = reqwest::Url::parse(url.trim())
        .map_err(|_| bad("is not a URL (give wss://your-project.livekit.cloud)"))?;
    if !matches!(parsed.scheme(), "wss" | "ws" | "https") {
        return Err(bad("must start with wss://, ws:// or https://"));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(bad("has no host"));
    }
    Ok(())
}

/// Refuses empty text and text over `max` characters (bad input data).
pub fn check_text(text: &str, what: &str, max: Option<usize>) -> Result<()> {
    let bad = |reason: String| Error::BadText {
        what: what.to_string(),
        reason,
    };
    if text.trim().is_empty() {
        return Err(bad("it is empty; nothing was sent".into()));
    }
    if let Some(max) = max {
        let n = text.chars().count();
        if n > max {
            return Err(bad(format!(
                "{n} characters, over the limit of {max}; nothing was sent"
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_ids() {
        assert_eq!(
            SessionId::parse("cs_4f1c9a").ok(),
            Some(SessionId::Cloud("cs_4f1c9a".into()))
        );
        let uuid = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
        assert_eq!(
            SessionId::parse(uuid).ok(),
            Some(SessionId::Listed(uuid.to_ascii_lowercase()))
        );
        for bad in [
            "",
            "cs_",
            "cs_a/b",
            "cs_..",
            "cs_a b",
            "A91XMB7113",
            "3f2504e0-4f89-11d3-9a0c",
            "3f2504e0-4f89-11d3-9a0c-0305e82c330g",
            "cs_\u{1b}[31m",
        ] {
            assert!(
                matches!(SessionId::parse(bad), Err(Error::InvalidSessionId(_))),
                "{bad:?}"
            );
        }
        assert!(SessionId::parse(&format!("cs_{}", "a".repeat(129))).is_err());
    }

    #[test]
    fn livekit_urls() {
        for good in [
            "wss://x.livekit.cloud",
            "ws://127.0.0.1:7880",
            "https://lk.example",
        ] {
            assert!(check_livekit_url(good).is_ok(), "{good}");
        }
        for bad in ["http://x", "x.livekit.cloud", "ftp://x", "wss://", ""] {
            assert!(
                matches!(check_livekit_url(bad), Err(Error::InvalidArgument { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn text_and_token_checks() {
        let t = Token::new("eyJhbGciOiJIUzI1NiJ9.secret-part".into());
        assert_eq!(format!("{t:?}"), "Token(***)");
        assert!(check_text(" \n", "t", None).is_err());
        assert!(check_text(&"a".repeat(5001), "t", Some(5000)).is_err());
        assert!(check_text("hi", "t", Some(5000)).is_ok());
    }
}
