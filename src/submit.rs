//! Every billed request, one shape: a [`Submit`] knows its job kind, its
//! route, its body as `--dry-run` shows it, its price and how it is sent
//! (uploads first, then the journaled, idempotent POST), so a caller — the
//! CLI's one submit pipeline, the MCP server, a Rust program — runs every
//! kind the same way. The four requests: [`GenerateRequest`] (an agent),
//! [`VideoRequest`], [`DynamicsRequest`] (gestures) and [`AddModelRequest`].

use crate::account::{Price, Pricing, billed_minutes};
use crate::blocking::Client;
use crate::error::{Error, Result};
use crate::generate::{Created, GenerateEvent, GenerateObserver, GenerateRequest, RequestPreview};
pub use crate::jobs::{AddModelRequest, DynamicsRequest};
use crate::jobs::{Job, JobKind, Submitted};
use crate::media::{AudioLength, LocalFile, MediaInput, MediaKind, Progress, audio_length};
use crate::video::{VideoInput, VideoRequest};
use serde_json::Value;
use std::sync::Arc;

/// A billed request of one kind of job.
pub trait Submit {
    /// What the server answers to it.
    type Answer: Answer;

    /// The kind of job it starts.
    fn kind(&self) -> JobKind;

    /// What it makes, for messages: `agent`, `video`, `gestures`, `model`.
    fn noun(&self) -> &'static str;

    /// The route of its billed `POST`.
    fn route(&self) -> Result<String>;

    /// The model the job is followed by (an agent's, a model add's).
    fn model(&self) -> Option<&str> {
        None
    }

    /// The requests it would send (uploads, then the submit), as
    /// `--dry-run` shows them: the secret shown as `secret_shown`, local
    /// files described, never read whole.
    fn preview(
        &self,
        base_url: &str,
        secret_shown: &str,
        idempotency_key: &str,
    ) -> Result<Vec<RequestPreview>>;

    /// Its price from the price list; `None` when it cannot be priced (a
    /// budget then fails closed).
    fn price(&self, pricing: &Pricing) -> Option<Price>;

    /// Sends it: uploads local files, then the journaled `POST` with
    /// `idempotency_key`. `events` hears each upload and, last,
    /// [`GenerateEvent::Submitting`] just before the billed request.
    fn send(
        &self,
        client: &Client,
        idempotency_key: &str,
        events: Option<GenerateObserver>,
    ) -> Result<Self::Answer>;
}

/// What every submit answer tells.
pub trait Answer {
    /// The job's id (for a model add and gestures, the agent's).
    fn id(&self) -> &str;
    /// True when the server replayed an earlier answer for the key.
    fn replayed(&self) -> bool;
    /// The credits the answer says were charged (`credits` of a model add,
    /// `credits_charged` of a video), when it says.
    fn charged(&self) -> Option<u64>;
}

impl Answer for Submitted {
    fn id(&self) -> &str {
        &self.id
    }
    fn replayed(&self) -> bool {
        self.replayed
    }
    fn charged(&self) -> Option<u64> {
        charged(&self.fields)
    }
}

impl Answer for Created {
    fn id(&self) -> &str {
        &self.agent_id
    }
    fn replayed(&self) -> bool {
        self.replayed
    }
    // The generate answer does not report credits (API-NOTES §3.2).
    fn charged(&self) -> Option<u64> {
        None
    }
}

/// The credits an answer or a record reports as charged: a model add's
/// `credits`, a video's `credits_charged`. Only a whole, non-negative
/// number counts; anything else is not reported.
pub fn charged(fields: &serde_json::Map<String, Value>) -> Option<u64> {
    ["credits_charged", "credits"]
        .iter()
        .find_map(|k| fields.get(*k))
        .and_then(|v| {
            v.as_u64().or_else(|| {
                let f = v.as_f64()?;
                // Whole and in range: the conversion is exact.
                (f.is_finite() && f >= 0.0 && f.fract() == 0.0 && f < 9.0e15).then_some(f as u64)
            })
        })
}

/// The job a submit answer starts following.
pub fn job_of<R: Submit>(request: &R, answer: &R::Answer) -> Job {
    Job {
        kind: request.kind(),
        id: answer.id().to_string(),
        model: request.model().map(str::to_string),
    }
}

// What `--dry-run` shows for a local file's URL: the upload returns it.
fn placeholder(file: &LocalFile) -> String {
    format!("<file_url returned by the upload of {}>", file.file_name)
}

// Uploads one local file, telling `events`; a URL passes through.
fn upload(
    client: &Client,
    input: &MediaInput,
    kind: MediaKind,
    events: Option<&GenerateObserver>,
) -> Result<String> {
    let file = match input {
        MediaInput::Url(u) => return Ok(u.clone()),
        MediaInput::File(file) => file,
    };
    let progress = events.map(|o| {
        let o = o.clone();
        Arc::new(move |n: u64| o(GenerateEvent::Sent(n))) as Progress
    });
    if let Some(o) = events {
        o(GenerateEvent::Uploading {
            kind,
            display: file.display.clone(),
            file_name: file.file_name.clone(),
            len: file.len,
            total: crate::media::upload_body(file, kind).content_length(),
        });
    }
    client
        .upload(file, kind, progress)
        .map_err(|e| Error::Upload {
            file: file.display.clone(),
            source: Box::new(e),
        })
}

// The billed request is next: from here its fate may be unknown.
fn submitting(events: Option<&GenerateObserver>, body: &Value) {
    if let Some(o) = events {
        o(GenerateEvent::Submitting {
            total: body.to_string().len() as u64,
        });
    }
}

// A local file's upload, then the JSON submit, as `--dry-run` shows them.
fn json_preview(
    base_url: &str,
    secret_shown: &str,
    key: &str,
    route: &str,
    file: Option<(&LocalFile, MediaKind)>,
    body: &Value,
) -> Result<Vec<RequestPreview>> {
    let mut requests = Vec::new();
    if let Some((f, kind)) = file {
        requests.push(RequestPreview::upload(base_url, secret_shown, f, kind)?);
    }
    requests.push(RequestPreview::json(
        base_url,
        route,
        secret_shown,
        Some(key),
        body,
    ));
    Ok(requests)
}

impl Submit for GenerateRequest {
    type Answer = Created;
    fn kind(&self) -> JobKind {
        JobKind::Agent
    }
    fn noun(&self) -> &'static str {
        "agent"
    }
    fn route(&self) -> Result<String> {
        JobKind::Agent.submit_path(None)
    }
    fn model(&self) -> Option<&str> {
        Some(&self.model)
    }
    fn preview(
        &self,
        base_url: &str,
        secret_shown: &str,
        key: &str,
    ) -> Result<Vec<RequestPreview>> {
        GenerateRequest::preview(self, base_url, secret_shown, key)
    }
    fn price(&self, pricing: &Pricing) -> Option<Price> {
        pricing.agent(&self.model)
    }
    fn send(
        &self,
        client: &Client,
        key: &str,
        events: Option<GenerateObserver>,
    ) -> Result<Created> {
        client.create_agent(self, key, events)
    }
}

impl Submit for VideoRequest {
    type Answer = Submitted;
    fn kind(&self) -> JobKind {
        JobKind::Video
    }
    fn noun(&self) -> &'static str {
        "video"
    }
    fn route(&self) -> Result<String> {
        JobKind::Video.submit_path(None)
    }
    fn preview(
        &self,
        base_url: &str,
        secret_shown: &str,
        key: &str,
    ) -> Result<Vec<RequestPreview>> {
        let file = match &self.input {
            VideoInput::Audio(MediaInput::File(f)) => Some((f, MediaKind::Audio)),
            _ => None,
        };
        json_preview(
            base_url,
            secret_shown,
            key,
            &self.route()?,
            file,
            &self.preview_body(),
        )
    }
    // A local WAV's length is known: its minutes, not the 2-minute
    // maximum. A WAV whose header lies cannot be priced at all.
    fn price(&self, pricing: &Pricing) -> Option<Price> {
        let minutes = match &self.input {
            VideoInput::Audio(MediaInput::File(f)) => match audio_length(f) {
                AudioLength::Known(d) => Some(billed_minutes(d)),
                AudioLength::Unusable(_) => return None,
                _ => None,
            },
            _ => None,
        };
        pricing.video(&self.model, minutes)
    }
    fn send(
        &self,
        client: &Client,
        key: &str,
        events: Option<GenerateObserver>,
    ) -> Result<Submitted> {
        let mut request = self.clone();
        if let VideoInput::Audio(input) = &self.input {
            let url = upload(client, input, MediaKind::Audio, events.as_ref())?;
            request.input = VideoInput::Audio(MediaInput::Url(url));
        }
        submitting(events.as_ref(), &request.preview_body());
        client.create_video(&request, key)
    }
}

impl Submit for DynamicsRequest {
    type Answer = Submitted;
    fn kind(&self) -> JobKind {
        JobKind::Dynamics
    }
    fn noun(&self) -> &'static str {
        "gestures"
    }
    fn route(&self) -> Result<String> {
        JobKind::Dynamics.submit_path(None)
    }
    fn preview(
        &self,
        base_url: &str,
        secret_shown: &str,
        key: &str,
    ) -> Result<Vec<RequestPreview>> {
        let (file, url) = match &self.image {
            Some(MediaInput::File(f)) => (Some((f, MediaKind::Image)), Some(placeholder(f))),
            Some(MediaInput::Url(u)) => (None, Some(u.clone())),
            None => (None, None),
        };
        let body = self.body(url.as_deref());
        json_preview(base_url, secret_shown, key, &self.route()?, file, &body)
    }
    fn price(&self, pricing: &Pricing) -> Option<Price> {
        pricing.dynamics()
    }
    fn send(
        &self,
        client: &Client,
        key: &str,
        events: Option<GenerateObserver>,
    ) -> Result<Submitted> {
        crate::ids::validate_agent_id(&self.agent)?;
        let url = match &self.image {
            Some(input) => Some(upload(client, input, MediaKind::Image, events.as_ref())?),
            None => None,
        };
        submitting(events.as_ref(), &self.body(url.as_deref()));
        let mut request = self.clone();
        request.image = url.map(MediaInput::Url);
        client.create_dynamics(&request, key)
    }
}

impl Submit for AddModelRequest {
    type Answer = Submitted;
    fn kind(&self) -> JobKind {
        JobKind::Model
    }
    fn noun(&self) -> &'static str {
        "model"
    }
    fn route(&self) -> Result<String> {
        JobKind::Model.submit_path(Some(&self.agent))
    }
    fn model(&self) -> Option<&str> {
        Some(&self.model)
    }
    fn preview(
        &self,
        base_url: &str,
        secret_shown: &str,
        key: &str,
    ) -> Result<Vec<RequestPreview>> {
        json_preview(
            base_url,
            secret_shown,
            key,
            &self.route()?,
            None,
            &self.body(),
        )
    }
    fn price(&self, pricing: &Pricing) -> Option<Price> {
        pricing.model_add(&self.model)
    }
    fn send(
        &self,
        client: &Client,
        key: &str,
        events: Option<GenerateObserver>,
    ) -> Result<Submitted> {
        submitting(events.as_ref(), &self.body());
        client.add_model(self, key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(v: Value) -> serde_json::Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => serde_json::Map::new(),
        }
    }

    #[test]
    fn only_a_whole_reported_charge_counts() {
        for (answer, want) in [
            (json!({"credits": 500}), Some(500)),
            (json!({"credits_charged": 2}), Some(2)),
            (json!({"credits_charged": 4.0}), Some(4)),
            (json!({"credits": 0}), Some(0)),
            (json!({"credits_charged": null}), None),
            (json!({"credits": -3}), None),
            (json!({"credits": 2.5}), None),
            (json!({"credits": "500"}), None),
            (json!({"credits": 1e300}), None),
            (json!({"status": "processing"}), None),
        ] {
            assert_eq!(charged(&fields(answer.clone())), want, "{answer}");
        }
    }

    #[test]
    fn each_request_names_its_kind_route_and_job() {
        let add = AddModelRequest::new("A1", "essence-2");
        assert_eq!(add.kind(), JobKind::Model);
        assert_eq!(add.route().ok().as_deref(), Some("/v1/agent/A1/models"));
        let answer = Submitted {
            id: "A1".into(),
            replayed: false,
            fields: fields(json!({"credits": 500})),
        };
        assert_eq!(job_of(&add, &answer), Job::model("A1", "essence-2"));
        assert_eq!(answer.charged(), Some(500));
        let mut gestures = DynamicsRequest::new("A1");
        gestures.image = Some(MediaInput::Url("https://x.test/p.png".into()));
        gestures.duration = Some(5);
        assert_eq!(job_of(&gestures, &answer), Job::dynamics("A1"));
        let preview = gestures.preview("http://h/", "***", "k");
        let preview = preview.ok().unwrap_or_default();
        assert_eq!(preview.len(), 1, "a URL is not uploaded");
        assert_eq!(preview[0].url, "http://h/v1/dynamics/generate");
        assert_eq!(
            preview[0].body,
            json!({"agent_id": "A1", "duration": 5, "image_url": "https://x.test/p.png"})
        );
        assert_eq!(
            preview[0]
                .headers
                .get("idempotency-key")
                .map(String::as_str),
            Some("k")
        );
    }
}
