//! The session calls on [`Client`]: v1 routes by `cs_…` id, v2 routes by
//! the list's UUID under the account's user id, speak/add-context and
//! embed tokens.

use super::answers::{
    ContextKind, Delivered, EmbedRequest, EmbedToken, Ended, Revoked, Session, SessionList,
    SessionSummary, Transcript, Window,
};
use super::{LIST_LIMIT, MAX_SPEAK_CHARS, SessionId, StartSession, Token, check_text};
use crate::answers::SessionDetail;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::{Answer, HttpConfig, Method, ReqBody, Request, Tries};
use crate::ids::encode_id;
use crate::media::StreamBody;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::sync::Arc;

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
            source,
        } => Error::Network {
            request,
            message: token.redact(&message),
            timeout,
            // The cause's own text may echo the token: it is dropped.
            source: source.filter(|_| false),
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
    async fn session_call<T>(
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
        self.http().send(&req, tries, parse).await
    }

    /// The account's user id (`GET /v1/me`'s `data.user_id`), fetched once.
    pub async fn user_id(&self) -> Result<String> {
        if let Some(id) = self.user_id_cache().get() {
            return Ok(id.clone());
        }
        let id = self
            .session_call(Method::GET, "/v1/me", &[], None, self.one_shot(), |a| {
                data_of(a)?
                    .get("user_id")
                    .and_then(Value::as_str)
                    .filter(|s| !s.is_empty())
                    .ok_or_else(|| a.unexpected("no data.user_id in /v1/me"))
                    .and_then(|id| {
                        // It goes into a path: one safe segment, percent-encoded.
                        encode_id(id)
                            .map_err(|_| a.unexpected("data.user_id is not one path segment"))
                    })
            })
            .await?;
        Ok(self.user_id_cache().get_or_init(|| id).clone())
    }

    /// `POST /v1/runtime-tokens/request` in `gpu` mode: starts a cloud
    /// avatar in the user's LiveKit room (billed per second until it
    /// ends). Sent once, never retried: a retry could start a second one.
    /// The LiveKit token is redacted from logs, errors and the answer.
    pub async fn start_session(&self, start: &StartSession) -> Result<Session> {
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
            .await
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
    pub async fn session(&self, id: &str) -> Result<SessionDetail> {
        match SessionId::parse(id)? {
            SessionId::Cloud(cs) => {
                let path = format!("/v1/runtime-sessions/{}", encode_id(&cs)?);
                let answer = self
                    .session_call(Method::GET, &path, &[], None, self.one_shot(), flat_of)
                    .await?;
                Ok(detail(answer))
            }
            SessionId::Listed(uuid) => {
                let list = self.sessions(Window::All).await?;
                let found = list
                    .sessions
                    .into_iter()
                    .find(|s| {
                        s.id.as_deref()
                            .is_some_and(|i| i.eq_ignore_ascii_case(&uuid))
                    })
                    .ok_or(Error::SessionNotFound(uuid))?;
                let answer = serde_json::to_value(found).map_err(|e| Error::Parse {
                    request: "GET runtime-sessions".into(),
                    status: 200,
                    message: e.to_string(),
                })?;
                Ok(detail(answer))
            }
        }
    }

    /// `GET /v2/{user}/runtime-sessions?window=…`: the account's sessions
    /// (up to [`LIST_LIMIT`]) and its totals.
    pub async fn sessions(&self, window: Window) -> Result<SessionList> {
        let path = format!("/v2/{}/runtime-sessions", self.user_id().await?);
        let limit = LIST_LIMIT.to_string();
        let query = [("window", window.as_str()), ("limit", limit.as_str())];
        self.session_call(Method::GET, &path, &query, None, self.one_shot(), |a| {
            typed(a, data_of(a)?)
        })
        .await
    }

    /// Ends a session: `POST /v1/runtime-sessions/{cs_id}/end` or, for a
    /// UUID, `POST /v2/{user}/runtime-sessions/{uuid}/terminate`. Both are
    /// idempotent (ending an ended session bills nothing); the session is
    /// looked at first so the answer says whether it had already ended.
    pub async fn end_session(&self, id: &str) -> Result<Ended> {
        match SessionId::parse(id)? {
            SessionId::Cloud(cs) => self.end_cloud(&cs).await,
            SessionId::Listed(uuid) => self.terminate(&uuid).await,
        }
    }

    async fn end_cloud(&self, cs: &str) -> Result<Ended> {
        let path = format!("/v1/runtime-sessions/{}", encode_id(cs)?);
        let before: Session = self
            .session_call(Method::GET, &path, &[], None, self.one_shot(), |a| {
                typed(a, flat_of(a)?)
            })
            .await?;
        let already_ended = before.status.as_deref() == Some("ended");
        let end = format!("{path}/end");
        let answer = self
            .session_call(Method::POST, &end, &[], None, self.one_shot(), flat_of)
            .await?;
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

    async fn terminate(&self, uuid: &str) -> Result<Ended> {
        // Only a complete live list proves that a session is not live.
        let live = self.sessions(Window::Live).await?;
        let listed = live.sessions.iter().find(|s| {
            s.id.as_deref()
                .is_some_and(|i| i.eq_ignore_ascii_case(uuid))
        });
        let already_ended = listed.is_none() && live.sessions.len() < LIST_LIMIT;
        let mut ended = self.terminate_listed(uuid, listed).await?;
        ended.already_ended = already_ended;
        Ok(ended)
    }

    /// Ends a session of the account's list by its UUID
    /// (`POST /v2/{user}/runtime-sessions/{uuid}/terminate`), without
    /// looking it up first: for a guard that has just listed it.
    pub async fn end_listed(&self, session: &SessionSummary) -> Result<Ended> {
        let id = session.id.as_deref().unwrap_or_default();
        match SessionId::parse(id)? {
            SessionId::Listed(uuid) => self.terminate_listed(&uuid, Some(session)).await,
            SessionId::Cloud(_) => Err(Error::InvalidSessionId(id.to_string())),
        }
    }

    async fn terminate_listed(&self, uuid: &str, listed: Option<&SessionSummary>) -> Result<Ended> {
        let (credits, minutes) = listed.map_or((None, None), |s| (s.credits, s.minutes));
        let path = format!(
            "/v2/{}/runtime-sessions/{}/terminate",
            self.user_id().await?,
            encode_id(uuid)?
        );
        let body = json!({ "reason": "user-terminated" });
        let answer = self
            .session_call(
                Method::POST,
                &path,
                &[],
                Some(&body),
                self.one_shot(),
                data_of,
            )
            .await?;
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
    pub async fn transcript(&self, id: &str) -> Result<Transcript> {
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
            self.user_id().await?,
            encode_id(&uuid)?
        );
        self.session_call(Method::GET, &path, &[], None, self.one_shot(), |a| {
            typed(a, data_of(a)?)
        })
        .await
    }

    /// `POST /v2/{user}/runtime/revoke-all`: suspends every runtime token
    /// of the account (sessions stop within minutes; a new secret clears it).
    pub async fn revoke_all(&self) -> Result<Revoked> {
        let path = format!("/v2/{}/runtime/revoke-all", self.user_id().await?);
        let body = json!({ "reason": "user-terminated" });
        self.session_call(
            Method::POST,
            &path,
            &[],
            Some(&body),
            self.one_shot(),
            |a| typed(a, data_of(a)?),
        )
        .await
    }

    /// `POST /v1/agent/{code}/speak`: the agent says `text` in its live
    /// rooms (or in `room`). Sent once: a retry could say it twice.
    pub async fn speak(&self, agent: &str, text: &str, room: Option<&str>) -> Result<Delivered> {
        check_text(text, "the text to speak", Some(MAX_SPEAK_CHARS))?;
        let mut body = json!({ "message": text });
        if let Some(r) = room {
            body["room_id"] = Value::from(r);
        }
        self.deliver(agent, "speak", &body).await
    }

    /// `POST /v1/agent/{code}/add-context`: knowledge for the agent in its
    /// live rooms (or in `room`), silent or answered aloud.
    pub async fn add_context(
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
        self.deliver(agent, "add-context", &body).await
    }

    async fn deliver(&self, agent: &str, route: &str, body: &Value) -> Result<Delivered> {
        let path = format!("/v1/agent/{}/{route}", encode_id(agent)?);
        self.session_call(
            Method::POST,
            &path,
            &[],
            Some(body),
            Tries::Bounded(1),
            |a| typed(a, flat_of(a)?),
        )
        .await
    }

    /// `POST /v1/embed-tokens/request`: a one-hour token that embeds the
    /// agent in a web page. The answer is never logged (`-vv` shows no body).
    pub async fn embed_token(&self, request: &EmbedRequest) -> Result<EmbedToken> {
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
        quiet
            .session_call(Method::POST, path, &[], Some(&body), self.one_shot(), |a| {
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
            .await
    }
}

/// A session object as [`SessionDetail`] (every field kept); an answer that is
/// not an object keeps nothing but is not an error, as before.
fn detail(answer: Value) -> SessionDetail {
    match answer {
        Value::Object(fields) => SessionDetail::from(fields),
        _ => SessionDetail::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_echoed_token_is_redacted_from_answers() {
        let t = Token::new("eyJhbGciOiJIUzI1NiJ9.secret-part".into());
        let mut v = json!({"echo": ["x eyJhbGciOiJIUzI1NiJ9.secret-part y"]});
        redact_value(&mut v, &t);
        assert_eq!(v, json!({"echo": ["x *** y"]}));
    }
}
