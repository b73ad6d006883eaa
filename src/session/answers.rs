//! The typed answers of the session routes. Fields are read leniently: a
//! field of the wrong type is unknown (`None`) rather than a failed answer,
//! and every field the server sent is kept (`extra`) for `--json`.

use super::Token;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

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

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
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
    /// The `window` query value.
    pub fn as_str(self) -> &'static str {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
}
