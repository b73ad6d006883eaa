//! Jobs: the API's billed, asynchronous requests. Four kinds share one
//! engine — submit with an idempotency key (journaled first), poll, decide
//! the terminal state, fetch the result — and differ only in the
//! description below: their endpoints, terminal rules and results.

pub use crate::kinds::{Job, JobKind};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::{Method, ReqBody, Request, Tries};
use crate::media::{MediaInput, MediaKind, Progress, StreamBody};
use crate::record::Record;
use serde_json::Value;

/// The answer to a submit.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Submitted {
    /// The job's id (`agent_id`, `job_id`).
    pub id: String,
    /// True when the server replayed an earlier answer for this key.
    pub replayed: bool,
    /// The answer's fields, sanitized for display.
    pub fields: serde_json::Map<String, Value>,
}

/// Gestures for an agent (`POST /v1/dynamics/generate`, a flat price).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct DynamicsRequest {
    /// The agent.
    pub agent: String,
    /// `duration` in seconds (the API's default when `None`).
    pub duration: Option<u32>,
    /// A reference image (a URL, or a local file that is uploaded).
    pub image: Option<MediaInput>,
}

impl DynamicsRequest {
    /// Gestures for `agent`, with the API's defaults.
    pub fn new(agent: &str) -> Self {
        Self {
            agent: agent.to_string(),
            duration: None,
            image: None,
        }
    }

    /// The JSON body, given the image URL to send (uploaded or given); the
    /// journal records the same value.
    pub fn body(&self, image_url: Option<&str>) -> Value {
        let mut body = serde_json::json!({ "agent_id": self.agent });
        if let Some(d) = self.duration {
            body["duration"] = Value::from(d);
        }
        if let Some(url) = image_url {
            body["image_url"] = Value::from(url);
        }
        body
    }
}

/// A model added to a ready agent (`POST /v1/agent/{id}/models`).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct AddModelRequest {
    /// The agent.
    pub agent: String,
    /// The model to add.
    pub model: String,
}

impl AddModelRequest {
    /// `model` added to `agent`.
    pub fn new(agent: &str, model: &str) -> Self {
        Self {
            agent: agent.to_string(),
            model: model.to_string(),
        }
    }

    /// The JSON body; the journal records the same value.
    pub fn body(&self) -> Value {
        serde_json::json!({ "model": self.model })
    }
}

impl Client {
    /// Polls one job within `tries`.
    pub(crate) async fn poll(&self, job: &Job, tries: Tries) -> Result<Record> {
        let path = job.poll_path()?;
        let req = Request {
            method: Method::GET,
            path: &path,
            query: &[],
            body: ReqBody::None,
            idempotency_key: None,
            timeout: None,
        };
        self.http()
            .send(&req, tries, |answer| {
                let v = answer.json()?;
                // Videos answer flat; the others inside `data`.
                let data = match v.get("data") {
                    Some(d) if d.is_object() => d.clone(),
                    _ => v,
                };
                Record::from_value(data)
                    .ok_or_else(|| answer.unexpected("no record with a status in the answer"))
            })
            .await
    }

    /// Reads a job's record once (the usual tries).
    pub async fn job_status(&self, job: &Job) -> Result<Record> {
        self.poll(job, self.one_shot()).await
    }

    /// Sends a billed submit: journaled first when the client has a journal
    /// (`request` is what the journal records to send it again), then
    /// `POST path` with `idempotency_key`, reused by every retry. While it
    /// is sent the journal marks it in flight, so that another process's
    /// `wait --last` does not send it too.
    pub(crate) async fn submit(
        &self,
        kind: JobKind,
        path: &str,
        body: StreamBody,
        recorded: &Value,
        idempotency_key: &str,
        progress: Option<Progress>,
    ) -> Result<Submitted> {
        let _sending = match self.journal() {
            Some(journal) => Some(journal.sending(kind, idempotency_key)?),
            None => None,
        };
        self.submit_marked(kind, path, body, recorded, idempotency_key, progress)
            .await
    }

    // `submit`, with the in-flight mark already held.
    async fn submit_marked(
        &self,
        kind: JobKind,
        path: &str,
        mut body: StreamBody,
        recorded: &Value,
        idempotency_key: &str,
        progress: Option<Progress>,
    ) -> Result<Submitted> {
        // Inline files are hashed while sent: their line is written before the body's end.
        let intent = match self.journal() {
            Some(journal) => {
                journal.intent_for(kind, idempotency_key, path, recorded, &mut body)?
            }
            None => Default::default(),
        };
        let timeout = self.upload_timeout(body.content_length());
        let req = Request {
            method: Method::POST,
            path,
            query: &[],
            body: ReqBody::Stream(body, progress),
            idempotency_key: Some(idempotency_key),
            timeout: Some(timeout),
        };
        let submitted = self
            .http()
            .send(&req, self.one_shot(), |answer| {
                let v = answer.json()?;
                let id_key = match kind {
                    JobKind::Video => "job_id",
                    _ => "agent_id",
                };
                let id = v
                    .get(id_key)
                    .or_else(|| v.get("data").and_then(|d| d.get(id_key)))
                    .and_then(Value::as_str)
                    .filter(|s| !s.is_empty())
                    .ok_or_else(|| answer.unexpected(&format!("no {id_key} in the answer")))?;
                let mut fields = match &v {
                    Value::Object(m) => m.clone(),
                    _ => serde_json::Map::new(),
                };
                if let Some(Value::Object(data)) = v.get("data") {
                    for (k, val) in data {
                        fields.entry(k.clone()).or_insert_with(|| val.clone());
                    }
                }
                let mut value = Value::Object(fields);
                crate::sanitize::sanitize_json(&mut value);
                Ok(Submitted {
                    id: id.to_string(),
                    replayed: answer
                        .header("idempotency-replayed")
                        .is_some_and(|h| h.eq_ignore_ascii_case("true")),
                    fields: match value {
                        Value::Object(m) => m,
                        _ => serde_json::Map::new(),
                    },
                })
            })
            .await;
        // A journal line that could not be written cut the body short: that is the error.
        let submitted = submitted.map_err(|e| intent.failure().unwrap_or(e));
        let submitted = match submitted {
            Ok(s) => s,
            Err(e) => {
                // A refusal is an answer: `wait --last` must not send it again.
                if let (Some(journal), Some(api)) = (self.journal(), e.api())
                    && !e.is_transient()
                {
                    let code = api.code.clone().unwrap_or_else(|| api.status.to_string());
                    let _ = journal.refused(idempotency_key, &code);
                }
                return Err(e);
            }
        };
        if let Some(journal) = self.journal() {
            // The id is safe in the server's records already; a failure to
            // note it here only costs a replayed POST on `wait --last`.
            let _ = journal.answered(idempotency_key, &submitted.id);
        }
        Ok(submitted)
    }

    /// Sends a journaled request again with its recorded key: the server
    /// replays its first answer, so nothing is billed twice.
    /// Only to the submit route of the entry's kind (never a host or path
    /// taken from the file), and never while another process is sending it.
    pub async fn resend(&self, entry: &crate::journal::Entry) -> Result<Submitted> {
        let route = entry.submit_route()?;
        let key = entry.idempotency_key.as_str();
        let _sending = match self.journal() {
            Some(journal) => {
                let sending = journal.sending(entry.kind, key)?;
                // The other process may have had its answer between our
                // read of the journal and the mark: then there is no POST.
                if let Some(id) = journal.answer(key)? {
                    return Ok(Submitted {
                        id,
                        replayed: true,
                        fields: serde_json::Map::new(),
                    });
                }
                Some(sending)
            }
            None => None,
        };
        let body = crate::journal::body_from_recorded(&entry.request)?;
        self.submit_marked(entry.kind, &route, body, &entry.request, key, None)
            .await
    }

    /// `POST /v1/agent/{id}/models`: adds `request.model` to the ready
    /// agent `request.agent`; the body is [`AddModelRequest::body`].
    pub async fn add_model(
        &self,
        request: &AddModelRequest,
        idempotency_key: &str,
    ) -> Result<Submitted> {
        let path = JobKind::Model.submit_path(Some(&request.agent))?;
        let body = request.body();
        let mut submitted = self
            .submit(
                JobKind::Model,
                &path,
                StreamBody::json(&body),
                &body,
                idempotency_key,
                None,
            )
            .await;
        // The answer names the agent; its id is the agent's.
        if let Ok(s) = &mut submitted {
            s.id = request.agent.clone();
        }
        submitted
    }

    /// `POST /v1/dynamics/generate` for `request.agent`: uploads a local
    /// reference image first (a failed upload is reported with the file's
    /// name); the body is [`DynamicsRequest::body`].
    pub async fn create_dynamics(
        &self,
        request: &DynamicsRequest,
        idempotency_key: &str,
    ) -> Result<Submitted> {
        crate::ids::validate_agent_id(&request.agent)?;
        let image_url = match &request.image {
            None => None,
            Some(MediaInput::Url(u)) => Some(u.clone()),
            Some(MediaInput::File(file)) => Some(
                self.upload(file, MediaKind::Image, None)
                    .await
                    .map_err(|e| Error::Upload {
                        file: file.display.clone(),
                        source: Box::new(e),
                    })?,
            ),
        };
        let body = request.body(image_url.as_deref());
        let path = JobKind::Dynamics.submit_path(None)?;
        self.submit(
            JobKind::Dynamics,
            &path,
            StreamBody::json(&body),
            &body,
            idempotency_key,
            None,
        )
        .await
        .map(|mut s| {
            s.id = request.agent.clone();
            s
        })
    }
}
