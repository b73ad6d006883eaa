//! Live sessions: a cloud avatar started in the user's LiveKit room (billed
//! per second while it runs), the account's session list and its burn
//! rate, ending one session or all of them, transcripts, and talking to an
//! agent in a live room (speak, add context) or minting an embed token.
//!
//! Two id forms name a session: the `cs_…` id `start` answers (v1 routes)
//! and the UUID of the account's session list (v2 routes, which also need
//! the account's user id from `GET /v1/me`, fetched once per client).
//! Anything else is refused before a request is made.

use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::{Answer, HttpConfig, Method, ReqBody, Request, Tries};
use crate::ids::encode_id;
use crate::media::StreamBody;
use crate::secret::ApiSecret;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value, json};
use std::sync::Arc;

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

// Lenient field readers: a field of the wrong type reads as unknown rather
// than failing the whole answer, and money is only ever a finite,
// non-negative number (anything else is unknown, never shown as inf).
fn text_field<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

fn amount<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<f64>, D::Error> {
    Ok(checked_amount(&Value::deserialize(d)?))
}

/// A finite, non-negative number, or `None`.
pub fn checked_amount(v: &Value) -> Option<f64> {
    v.as_f64().filter(|f| f.is_finite() && *f >= 0.0)
}

fn flag<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<bool>, D::Error> {
    Ok(Value::deserialize(d)?.as_bool())
}

fn count<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<u64>, D::Error> {
    Ok(Value::deserialize(d)?.as_u64())
}

/// A cloud session (`cs_…`): the start answer, `GET` and `POST …/end`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Session {
    /// The `cs_…` id.
    #[serde(default, deserialize_with = "text_field")]
    pub session_id: Option<String>,
    /// `starting`, `live` or `ended`.
    #[serde(default, deserialize_with = "text_field")]
    pub status: Option<String>,
    /// The agent.
    #[serde(default, deserialize_with = "text_field")]
    pub agent_id: Option<String>,
    /// The model.
    #[serde(default, deserialize_with = "text_field")]
    pub model: Option<String>,
    /// The LiveKit room.
    #[serde(default, deserialize_with = "text_field")]
    pub room_name: Option<String>,
    /// When it started.
    #[serde(default, deserialize_with = "text_field")]
    pub started_at: Option<String>,
    /// When it ended.
    #[serde(default, deserialize_with = "text_field")]
    pub ended_at: Option<String>,
    /// Seconds billed so far.
    #[serde(default, deserialize_with = "amount")]
    pub billed_seconds: Option<f64>,
    /// Credits billed so far.
    #[serde(default, deserialize_with = "amount")]
    pub credits: Option<f64>,
    /// True once the avatar left the room.
    #[serde(default, deserialize_with = "flag")]
    pub ended: Option<bool>,
    /// The server's note (when the avatar leaves, …).
    #[serde(default, deserialize_with = "text_field")]
    pub note: Option<String>,
    /// Every other field, as the server sent it.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One session of the account's list (v2).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SessionSummary {
    /// The UUID (what `end`, `transcript` and the v2 routes take).
    #[serde(default, deserialize_with = "text_field")]
    pub id: Option<String>,
    /// The agent.
    #[serde(default, deserialize_with = "text_field")]
    pub agent_code: Option<String>,
    /// The agent's name.
    #[serde(default, deserialize_with = "text_field")]
    pub agent_name: Option<String>,
    /// The room.
    #[serde(default, deserialize_with = "text_field")]
    pub room_name: Option<String>,
    /// When it started.
    #[serde(default, deserialize_with = "text_field")]
    pub started: Option<String>,
    /// Minutes so far.
    #[serde(default, deserialize_with = "amount")]
    pub minutes: Option<f64>,
    /// Credits so far.
    #[serde(default, deserialize_with = "amount")]
    pub credits: Option<f64>,
    /// Credits per minute while it runs.
    #[serde(default, deserialize_with = "amount")]
    pub burn_rate_cr_per_min: Option<f64>,
    /// `live`, or another state.
    #[serde(default, deserialize_with = "text_field")]
    pub status: Option<String>,
    /// Every other field, as the server sent it.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl SessionSummary {
    /// True when the list says it is live.
    pub fn is_live(&self) -> bool {
        self.status.as_deref() == Some("live")
    }
}

/// The account's sessions and what they burn (totals over the last hour).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SessionList {
    /// Live sessions now.
    #[serde(default, deserialize_with = "count")]
    pub active_count: Option<u64>,
    /// Credits per minute the live sessions burn together.
    #[serde(default, deserialize_with = "amount")]
    pub live_burn_rate_cr_per_min: Option<f64>,
    /// Credits spent on sessions this hour.
    #[serde(default, deserialize_with = "amount")]
    pub credits_this_hour: Option<f64>,
    /// The sessions.
    #[serde(default)]
    pub sessions: Vec<SessionSummary>,
}

/// Which sessions to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Window {
    /// Running now.
    Live,
    /// Recently ended ones too.
    Recent,
    /// All the server keeps.
    All,
}

impl Window {
    fn as_str(self) -> &'static str {
        match self {
            Window::Live => "live",
            Window::Recent => "recent",
            Window::All => "all",
        }
    }
}

/// What ending a session did.
#[derive(Clone, Debug, Serialize)]
#[non_exhaustive]
pub struct Ended {
    /// The id as given.
    pub session_id: String,
    /// True when it had ended before this call (nothing more was billed).
    pub already_ended: bool,
    /// Seconds billed in all, when the server said.
    pub billed_seconds: Option<f64>,
    /// Credits billed in all, when the server said.
    pub credits: Option<f64>,
    /// The server's note.
    pub note: Option<String>,
    /// The server's answer, every field kept.
    pub answer: Value,
}

/// One message of a transcript.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Message {
    /// When it was said.
    #[serde(default, deserialize_with = "text_field")]
    pub timestamp: Option<String>,
    /// `user` or `assistant`.
    #[serde(default, deserialize_with = "text_field")]
    pub role: Option<String>,
    /// What was said.
    #[serde(default, deserialize_with = "text_field")]
    pub message: Option<String>,
}

/// A session's transcript, oldest message first.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transcript {
    /// The session.
    #[serde(default, deserialize_with = "text_field")]
    pub session_id: Option<String>,
    /// The agent.
    #[serde(default, deserialize_with = "text_field")]
    pub agent_code: Option<String>,
    /// The messages (none for a self-hosted session).
    #[serde(default)]
    pub messages: Vec<Message>,
}

/// Where a speak or add-context call was delivered.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Delivered {
    /// The agent.
    #[serde(default, deserialize_with = "text_field")]
    pub agent_code: Option<String>,
    /// Rooms that got it (0: nobody heard it).
    #[serde(default, deserialize_with = "count")]
    pub delivered_to_rooms: Option<u64>,
    /// Every other field, as the server sent it.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What add-context sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ContextKind {
    /// Silent knowledge (the API's default).
    Knowledge,
    /// Knowledge the agent answers aloud.
    Speak,
}

/// A minted embed token (valid one hour). The token is a credential:
/// `Debug` hides it.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct EmbedToken {
    /// The token.
    pub token: Token,
    /// The session id the server gave it, when it did.
    pub sid: Option<String>,
    /// The model, when the server said.
    pub model: Option<String>,
}

/// A request to mint an embed token.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct EmbedRequest {
    /// The agent to embed.
    pub agent: String,
    /// A stable per-visitor fingerprint (hex).
    pub fingerprint: String,
    /// The model, when one is asked for.
    pub model: Option<String>,
}

impl EmbedRequest {
    /// A request for `agent` and `fingerprint`.
    pub fn new(agent: &str, fingerprint: &str) -> Self {
        Self {
            agent: agent.to_string(),
            fingerprint: fingerprint.to_string(),
            model: None,
        }
    }
}

/// What revoke-all answered.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Revoked {
    /// True when runtime tokens are now suspended.
    #[serde(default, deserialize_with = "flag")]
    pub revoked: Option<bool>,
    /// Seconds until every session has stopped.
    #[serde(default, deserialize_with = "count")]
    pub effective_in_seconds: Option<u64>,
    /// The server's note.
    #[serde(default, deserialize_with = "text_field")]
    pub note: Option<String>,
    /// Every other field, as the server sent it.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn typed<T: DeserializeOwned>(answer: &Answer, v: Value) -> Result<T> {
    serde_json::from_value(v).map_err(|e| answer.unexpected(&format!("unexpected shape ({e})")))
}

// v2 answers wrap their object in `data`.
fn data_of(answer: &Answer) -> Result<Value> {
    match answer.json()?.get_mut("data").map(Value::take) {
        Some(d @ Value::Object(_)) => Ok(d),
        _ => Err(answer.unexpected("no data object in the answer")),
    }
}

// v1 session answers are flat objects.
fn flat_of(answer: &Answer) -> Result<Value> {
    match answer.json()? {
        v @ Value::Object(_) => Ok(v),
        _ => Err(answer.unexpected("the answer is not a JSON object")),
    }
}

/// Replaces every copy of `token` in the strings of `v` (a server echoing
/// the LiveKit token back must not get it printed).
fn redact_value(v: &mut Value, token: &Token) {
    match v {
        Value::String(s) => *s = token.redact(s),
        Value::Array(a) => a.iter_mut().for_each(|x| redact_value(x, token)),
        Value::Object(o) => o.values_mut().for_each(|x| redact_value(x, token)),
        _ => {}
    }
}

/// The error with every copy of `token` removed from its text.
fn redact_error(e: Error, token: &Token) -> Error {
    match e {
        Error::Api(mut api) => {
            api.message = token.redact(&api.message);
            Error::Api(api)
        }
        Error::Parse {
            request,
            status,
            message,
        } => Error::Parse {
            request,
            status,
            message: token.redact(&message),
        },
        Error::Network {
            request,
            message,
            timeout,
        } => Error::Network {
            request,
            message: token.redact(&message),
            timeout,
        },
        other => other,
    }
}

// The HTTP layer redacts the API secret from its log lines and pause
// reasons; a call carrying another credential wraps both hooks so that one
// is redacted as well (`-vv` logs request bodies).
fn redacting(config: &mut HttpConfig, token: &Token) {
    if let Some(logger) = config.logger.take() {
        let token = token.clone();
        config.logger = Some(Arc::new(move |line: &str| logger(&token.redact(line))));
    }
    if let Some(hook) = config.on_pause.take() {
        let token = token.clone();
        config.on_pause = Some(Arc::new(move |pause: &crate::http::Pause| {
            let mut pause = pause.clone();
            pause.reason = token.redact(&pause.reason);
            hook(&pause)
        }));
    }
}

impl Client {
    fn session_call<T>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
        tries: Tries,
        parse: impl Fn(&Answer) -> Result<T>,
    ) -> Result<T> {
        let req = Request {
            method,
            path,
            query,
            body: body.map_or(ReqBody::None, |b| {
                ReqBody::Stream(StreamBody::json(b), None)
            }),
            idempotency_key: None,
            timeout: None,
        };
        self.http().send(&req, tries, parse)
    }

    /// The account's user id (`GET /v1/me`'s `data.user_id`), fetched once.
    pub fn user_id(&self) -> Result<String> {
        if let Some(id) = self.user_id_cache().get() {
            return Ok(id.clone());
        }
        let id = self.session_call(Method::GET, "/v1/me", &[], None, self.one_shot(), |a| {
            data_of(a)?
                .get("user_id")
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .ok_or_else(|| a.unexpected("no data.user_id in /v1/me"))
                .and_then(|id| {
                    // It goes into a path: one safe segment, percent-encoded.
                    encode_id(id).map_err(|_| a.unexpected("data.user_id is not one path segment"))
                })
        })?;
        Ok(self.user_id_cache().get_or_init(|| id).clone())
    }

    /// `POST /v1/runtime-tokens/request` in `gpu` mode: starts a cloud
    /// avatar in the user's LiveKit room (billed per second until it
    /// ends). Sent once, never retried: a retry could start a second one.
    /// The LiveKit token is redacted from logs, errors and the answer.
    pub fn start_session(&self, start: &StartSession) -> Result<Session> {
        start.check()?;
        let token = &start.livekit_token;
        let mut body = json!({
            "mode": "gpu",
            "agent_id": start.agent,
            "livekit_url": start.livekit_url.trim(),
            "livekit_token": token.expose(),
            "room_name": start.room.trim(),
        });
        if let Some(m) = &start.model {
            body["model"] = Value::from(m.as_str());
        }
        let client = self.derived(|c| redacting(c, token));
        let path = "/v1/runtime-tokens/request";
        let mut answer = client
            .session_call(
                Method::POST,
                path,
                &[],
                Some(&body),
                Tries::Bounded(1),
                |a| {
                    let v = flat_of(a)?;
                    match v.get("session_id").and_then(Value::as_str) {
                        Some(s) if !s.is_empty() => Ok(v),
                        _ => Err(a.unexpected("no session_id in the answer")),
                    }
                },
            )
            .map_err(|e| redact_error(e, token))?;
        redact_value(&mut answer, token);
        serde_json::from_value(answer).map_err(|e| Error::Parse {
            request: format!("POST {path}"),
            status: 200,
            message: format!("unexpected shape ({e})"),
        })
    }

    /// `GET /v1/runtime-sessions/{id}` (a `cs_…` id), or the session's entry
    /// in the account's list (a UUID; [`Error::SessionNotFound`] when the
    /// list has none).
    pub fn session(&self, id: &str) -> Result<Value> {
        match SessionId::parse(id)? {
            SessionId::Cloud(cs) => {
                let path = format!("/v1/runtime-sessions/{}", encode_id(&cs)?);
                self.session_call(Method::GET, &path, &[], None, self.one_shot(), flat_of)
            }
            SessionId::Listed(uuid) => {
                let list = self.sessions(Window::All)?;
                let found = list
                    .sessions
                    .into_iter()
                    .find(|s| {
                        s.id.as_deref()
                            .is_some_and(|i| i.eq_ignore_ascii_case(&uuid))
                    })
                    .ok_or(Error::SessionNotFound(uuid))?;
                serde_json::to_value(found).map_err(|e| Error::Parse {
                    request: "GET runtime-sessions".into(),
                    status: 200,
                    message: e.to_string(),
                })
            }
        }
    }

    /// `GET /v2/{user}/runtime-sessions?window=…`: the account's sessions
    /// (up to [`LIST_LIMIT`]) and its totals.
    pub fn sessions(&self, window: Window) -> Result<SessionList> {
        let path = format!("/v2/{}/runtime-sessions", self.user_id()?);
        let limit = LIST_LIMIT.to_string();
        let query = [("window", window.as_str()), ("limit", limit.as_str())];
        self.session_call(Method::GET, &path, &query, None, self.one_shot(), |a| {
            typed(a, data_of(a)?)
        })
    }

    /// Ends a session: `POST /v1/runtime-sessions/{cs_id}/end` or, for a
    /// UUID, `POST /v2/{user}/runtime-sessions/{uuid}/terminate`. Both are
    /// idempotent (ending an ended session bills nothing); the session is
    /// looked at first so the answer says whether it had already ended.
    pub fn end_session(&self, id: &str) -> Result<Ended> {
        match SessionId::parse(id)? {
            SessionId::Cloud(cs) => self.end_cloud(&cs),
            SessionId::Listed(uuid) => self.terminate(&uuid),
        }
    }

    fn end_cloud(&self, cs: &str) -> Result<Ended> {
        let path = format!("/v1/runtime-sessions/{}", encode_id(cs)?);
        let before: Session =
            self.session_call(Method::GET, &path, &[], None, self.one_shot(), |a| {
                typed(a, flat_of(a)?)
            })?;
        let already_ended = before.status.as_deref() == Some("ended");
        let end = format!("{path}/end");
        let answer = self.session_call(Method::POST, &end, &[], None, self.one_shot(), flat_of)?;
        let after: Session = serde_json::from_value(answer.clone()).unwrap_or_default();
        Ok(Ended {
            session_id: cs.to_string(),
            already_ended,
            billed_seconds: after.billed_seconds.or(before.billed_seconds),
            credits: after.credits.or(before.credits),
            note: after.note,
            answer,
        })
    }

    fn terminate(&self, uuid: &str) -> Result<Ended> {
        // Only a complete live list proves that a session is not live.
        let live = self.sessions(Window::Live)?;
        let listed = live.sessions.iter().find(|s| {
            s.id.as_deref()
                .is_some_and(|i| i.eq_ignore_ascii_case(uuid))
        });
        let already_ended = listed.is_none() && live.sessions.len() < LIST_LIMIT;
        let mut ended = self.terminate_listed(uuid, listed)?;
        ended.already_ended = already_ended;
        Ok(ended)
    }

    /// Ends a session of the account's list by its UUID
    /// (`POST /v2/{user}/runtime-sessions/{uuid}/terminate`), without
    /// looking it up first: for a guard that has just listed it.
    pub fn end_listed(&self, session: &SessionSummary) -> Result<Ended> {
        let id = session.id.as_deref().unwrap_or_default();
        match SessionId::parse(id)? {
            SessionId::Listed(uuid) => self.terminate_listed(&uuid, Some(session)),
            SessionId::Cloud(_) => Err(Error::InvalidSessionId(id.to_string())),
        }
    }

    fn terminate_listed(&self, uuid: &str, listed: Option<&SessionSummary>) -> Result<Ended> {
        let (credits, minutes) = listed.map_or((None, None), |s| (s.credits, s.minutes));
        let path = format!(
            "/v2/{}/runtime-sessions/{}/terminate",
            self.user_id()?,
            encode_id(uuid)?
        );
        let body = json!({ "reason": "user-terminated" });
        let answer = self.session_call(
            Method::POST,
            &path,
            &[],
            Some(&body),
            self.one_shot(),
            data_of,
        )?;
        Ok(Ended {
            session_id: uuid.to_string(),
            already_ended: false,
            billed_seconds: minutes.map(|m| m * 60.0).filter(|s| s.is_finite()),
            credits,
            note: answer
                .get("note")
                .and_then(Value::as_str)
                .map(str::to_string),
            answer,
        })
    }

    /// `GET /v2/{user}/runtime-sessions/{uuid}/messages`: the transcript.
    pub fn transcript(&self, id: &str) -> Result<Transcript> {
        let uuid = match SessionId::parse(id)? {
            SessionId::Listed(uuid) => uuid,
            SessionId::Cloud(_) => {
                return Err(Error::InvalidArgument {
                    name: "ID".into(),
                    reason: "transcripts are found by the session list's UUID, not the cs_… id (see: bithuman session list)".into(),
                });
            }
        };
        let path = format!(
            "/v2/{}/runtime-sessions/{}/messages",
            self.user_id()?,
            encode_id(&uuid)?
        );
        self.session_call(Method::GET, &path, &[], None, self.one_shot(), |a| {
            typed(a, data_of(a)?)
        })
    }

    /// `POST /v2/{user}/runtime/revoke-all`: suspends every runtime token
    /// of the account (sessions stop within minutes; a new secret clears it).
    pub fn revoke_all(&self) -> Result<Revoked> {
        let path = format!("/v2/{}/runtime/revoke-all", self.user_id()?);
        let body = json!({ "reason": "user-terminated" });
        self.session_call(
            Method::POST,
            &path,
            &[],
            Some(&body),
            self.one_shot(),
            |a| typed(a, data_of(a)?),
        )
    }

    /// `POST /v1/agent/{code}/speak`: the agent says `text` in its live
    /// rooms (or in `room`). Sent once: a retry could say it twice.
    pub fn speak(&self, agent: &str, text: &str, room: Option<&str>) -> Result<Delivered> {
        check_text(text, "the text to speak", Some(MAX_SPEAK_CHARS))?;
        let mut body = json!({ "message": text });
        if let Some(r) = room {
            body["room_id"] = Value::from(r);
        }
        self.deliver(agent, "speak", &body)
    }

    /// `POST /v1/agent/{code}/add-context`: knowledge for the agent in its
    /// live rooms (or in `room`), silent or answered aloud.
    pub fn add_context(
        &self,
        agent: &str,
        text: &str,
        kind: ContextKind,
        room: Option<&str>,
    ) -> Result<Delivered> {
        check_text(text, "the context", None)?;
        let kind = match kind {
            ContextKind::Knowledge => "add_context",
            ContextKind::Speak => "speak",
        };
        let mut body = json!({ "context": text, "type": kind });
        if let Some(r) = room {
            body["room_id"] = Value::from(r);
        }
        self.deliver(agent, "add-context", &body)
    }

    fn deliver(&self, agent: &str, route: &str, body: &Value) -> Result<Delivered> {
        let path = format!("/v1/agent/{}/{route}", encode_id(agent)?);
        self.session_call(
            Method::POST,
            &path,
            &[],
            Some(body),
            Tries::Bounded(1),
            |a| typed(a, flat_of(a)?),
        )
    }

    /// `POST /v1/embed-tokens/request`: a one-hour token that embeds the
    /// agent in a web page. The answer is never logged (`-vv` shows no body).
    pub fn embed_token(&self, request: &EmbedRequest) -> Result<EmbedToken> {
        encode_id(&request.agent)?;
        let fp = &request.fingerprint;
        if fp.is_empty() || fp.len() > 128 || !fp.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Error::InvalidArgument {
                name: "--fingerprint".into(),
                reason: "give 1–128 hex digits (a stable id of the visitor)".into(),
            });
        }
        let mut body = json!({ "agent_id": request.agent, "fingerprint": fp });
        if let Some(m) = &request.model {
            body["model"] = Value::from(m.as_str());
        }
        let quiet = self.derived(|c| c.verbosity = c.verbosity.min(1));
        let path = "/v1/embed-tokens/request";
        quiet.session_call(Method::POST, path, &[], Some(&body), self.one_shot(), |a| {
            let data = data_of(a)?;
            let text = |k: &str| data.get(k).and_then(Value::as_str).map(str::to_string);
            let token = text("token")
                .filter(|t| !t.trim().is_empty())
                .ok_or_else(|| a.unexpected("no data.token in the answer"))?;
            Ok(EmbedToken {
                token: Token::new(token),
                sid: text("sid"),
                model: text("model"),
            })
        })
    }
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
    fn money_is_finite_and_not_negative() {
        let list: SessionList = serde_json::from_value(json!({
            "active_count": 2, "live_burn_rate_cr_per_min": -4,
            "sessions": [{"id": "x", "credits": 1e308, "minutes": "soon", "burn_rate_cr_per_min": 4.5}]
        }))
        .expect("lenient");
        assert_eq!(list.live_burn_rate_cr_per_min, None);
        assert_eq!(list.sessions[0].credits, Some(1e308));
        assert_eq!(list.sessions[0].minutes, None);
        assert_eq!(list.sessions[0].burn_rate_cr_per_min, Some(4.5));
        assert_eq!(checked_amount(&json!(f64::MAX)), Some(f64::MAX));
        assert_eq!(checked_amount(&json!("3")), None);
    }

    #[test]
    fn the_token_never_shows() {
        let t = Token::new("eyJhbGciOiJIUzI1NiJ9.secret-part".into());
        assert_eq!(format!("{t:?}"), "Token(***)");
        let mut v = json!({"echo": ["x eyJhbGciOiJIUzI1NiJ9.secret-part y"]});
        redact_value(&mut v, &t);
        assert_eq!(v, json!({"echo": ["x *** y"]}));
        assert!(check_text(" \n", "t", None).is_err());
        assert!(check_text(&"a".repeat(5001), "t", Some(5000)).is_err());
        assert!(check_text("hi", "t", Some(5000)).is_ok());
    }
}
