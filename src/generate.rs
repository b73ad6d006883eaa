//! Creating an agent from inputs: media given as URLs pass through, local
//! files are uploaded (`POST /v1/files/upload`) or inlined as base64, then
//! one `POST /v1/agent/generate` carries an idempotency key. The body is
//! built once and streamed; nothing holds a file whole in memory.

use crate::client::Client;
use crate::error::{Error, Result};
use crate::jobs::JobKind;
use crate::media::{LocalFile, MediaInput, MediaKind, MediaMode, Progress, StreamBody};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Aspect ratios the API accepts: `16:9`, `9:16`, `1:1` ([`AspectRatio::as_str`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum AspectRatio {
    /// `16:9`: landscape.
    #[cfg_attr(feature = "cli", value(name = "16:9"))]
    Wide,
    /// `9:16`: upright (phones).
    #[cfg_attr(feature = "cli", value(name = "9:16"))]
    Tall,
    /// `1:1`.
    #[cfg_attr(feature = "cli", value(name = "1:1"))]
    Square,
}

impl AspectRatio {
    /// The API's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            AspectRatio::Wide => "16:9",
            AspectRatio::Tall => "9:16",
            AspectRatio::Square => "1:1",
        }
    }
}

/// Framing of the generated portrait: `portrait` or `full_body`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Framing {
    /// `portrait`: head and shoulders (the API's default).
    Portrait,
    /// `full_body`: the whole figure.
    #[cfg_attr(feature = "cli", value(name = "full_body"))]
    FullBody,
}

impl Framing {
    /// The API's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Framing::Portrait => "portrait",
            Framing::FullBody => "full_body",
        }
    }
}

/// What to create an agent from. Fields left `None` are not sent (the
/// server's defaults apply), except `model`, which always is.
#[derive(Clone, Debug)]
pub struct GenerateRequest {
    /// `model`: always sent.
    pub model: String,
    /// `prompt`: the agent's system prompt.
    pub prompt: Option<String>,
    /// `image`: the face (a URL, or a local file).
    pub image: Option<MediaInput>,
    /// `audio`: a voice sample.
    pub audio: Option<MediaInput>,
    /// `video` (the live API refuses it with `VIDEO_INPUT_NOT_SUPPORTED`).
    pub video: Option<MediaInput>,
    /// How local files are sent.
    pub media: MediaMode,
    /// `aspect_ratio`.
    pub aspect_ratio: Option<AspectRatio>,
    /// `video_aspect_ratio`.
    pub video_aspect_ratio: Option<AspectRatio>,
    /// `duration` in seconds (ignored by the live API).
    pub duration: Option<f64>,
    /// `agent_id`: regenerate or name an agent.
    pub agent_id: Option<String>,
    /// `framing`.
    pub framing: Option<Framing>,
    /// `transparency: true` when set.
    pub transparency: bool,
}

impl GenerateRequest {
    /// A request for `model` with nothing else set.
    pub fn new(model: &str) -> Self {
        Self {
            model: model.to_string(),
            prompt: None,
            image: None,
            audio: None,
            video: None,
            media: MediaMode::default(),
            aspect_ratio: None,
            video_aspect_ratio: None,
            duration: None,
            agent_id: None,
            framing: None,
            transparency: false,
        }
    }

    fn media_fields(&self) -> impl Iterator<Item = (MediaKind, &MediaInput)> {
        [
            (MediaKind::Image, &self.image),
            (MediaKind::Audio, &self.audio),
            (MediaKind::Video, &self.video),
        ]
        .into_iter()
        .filter_map(|(k, m)| m.as_ref().map(|m| (k, m)))
    }

    /// The JSON body, with each media field as `sent` says (URL text or an
    /// inline file), streamed.
    fn body(&self, sent: &BTreeMap<MediaKind, Sent>) -> StreamBody {
        let mut body = StreamBody::new();
        let mut first = true;
        let mut key = |body: &mut StreamBody, name: &str| {
            body.push_raw(if first { "{" } else { "," });
            first = false;
            body.push_raw(&format!("\"{name}\":"));
        };
        let text = |body: &mut StreamBody, v: &str| body.push_raw(&Value::from(v).to_string());
        key(&mut body, "model");
        text(&mut body, &self.model);
        if let Some(p) = &self.prompt {
            key(&mut body, "prompt");
            text(&mut body, p);
        }
        for (kind, value) in sent {
            key(&mut body, kind.as_str());
            match value {
                Sent::Text(t) => text(&mut body, t),
                Sent::Inline(file) => crate::media::push_encoded_value(&mut body, file, self.media),
            }
        }
        let strings = [
            ("aspect_ratio", self.aspect_ratio.map(AspectRatio::as_str)),
            (
                "video_aspect_ratio",
                self.video_aspect_ratio.map(AspectRatio::as_str),
            ),
            ("agent_id", self.agent_id.as_deref()),
            ("framing", self.framing.map(Framing::as_str)),
        ];
        for (name, value) in strings {
            if let Some(v) = value {
                key(&mut body, name);
                text(&mut body, v);
            }
        }
        if let Some(d) = self.duration {
            key(&mut body, "duration");
            // Whole seconds go as an integer: the API types `duration` as one.
            let v = if d.fract() == 0.0 && d.abs() < 1e15 {
                Value::from(d as i64)
            } else {
                Value::from(d)
            };
            body.push_raw(&v.to_string());
        }
        if self.transparency {
            key(&mut body, "transparency");
            body.push_raw("true");
        }
        body.push_raw("}");
        body
    }

    /// The body as the journal records it: inline files as path and SHA-256.
    fn recorded(&self, sent: &BTreeMap<MediaKind, Sent>) -> Value {
        let mut body = serde_json::Map::new();
        body.insert("model".into(), Value::from(self.model.as_str()));
        if let Some(p) = &self.prompt {
            body.insert("prompt".into(), Value::from(p.as_str()));
        }
        for (kind, value) in sent {
            let v = match value {
                Sent::Text(t) => Value::from(t.as_str()),
                Sent::Inline(file) => crate::journal::recorded_file(file, self.media),
            };
            body.insert(kind.as_str().into(), v);
        }
        for (name, value) in [
            ("aspect_ratio", self.aspect_ratio.map(AspectRatio::as_str)),
            (
                "video_aspect_ratio",
                self.video_aspect_ratio.map(AspectRatio::as_str),
            ),
            ("agent_id", self.agent_id.as_deref()),
            ("framing", self.framing.map(Framing::as_str)),
        ] {
            if let Some(v) = value {
                body.insert(name.into(), Value::from(v));
            }
        }
        if let Some(d) = self.duration {
            let v = if d.fract() == 0.0 && d.abs() < 1e15 {
                Value::from(d as i64)
            } else {
                Value::from(d)
            };
            body.insert("duration".into(), v);
        }
        if self.transparency {
            body.insert("transparency".into(), Value::Bool(true));
        }
        Value::Object(body)
    }

    /// The requests a generate would send (uploads, then the generate),
    /// for `--dry-run`: base64 payloads described as
    /// `<base64: N bytes, sha256 …>`, the secret shown as `secret_shown`.
    pub fn preview(
        &self,
        base_url: &str,
        secret_shown: &str,
        idempotency_key: &str,
    ) -> Result<Vec<RequestPreview>> {
        let base = base_url.trim_end_matches('/');
        let mut requests = Vec::new();
        let mut sent = BTreeMap::new();
        for (kind, input) in self.media_fields() {
            let value = match input {
                MediaInput::Url(u) => Sent::Text(u.clone()),
                MediaInput::File(file) if self.media == MediaMode::Upload => {
                    let body = crate::media::upload_body(file, kind);
                    requests.push(RequestPreview::post(
                        base,
                        "/v1/files/upload",
                        secret_shown,
                        None,
                        &body,
                    )?);
                    Sent::Text(format!(
                        "<file_url returned by the upload of {}>",
                        file.file_name
                    ))
                }
                MediaInput::File(file) => Sent::Inline(file.clone()),
            };
            sent.insert(kind, value);
        }
        requests.push(RequestPreview::post(
            base,
            "/v1/agent/generate",
            secret_shown,
            Some(idempotency_key),
            &self.body(&sent),
        )?);
        Ok(requests)
    }
}

/// How one media field goes into the generate body.
enum Sent {
    /// A URL (given, or returned by an upload).
    Text(String),
    /// A local file as base64 or a data URI.
    Inline(LocalFile),
}

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
/// One request as `--dry-run` shows it.
#[derive(Clone, Debug, Serialize)]
pub struct RequestPreview {
    /// `POST`.
    pub method: &'static str,
    /// The full URL.
    pub url: String,
    /// Headers (the secret redacted).
    pub headers: BTreeMap<&'static str, String>,
    /// The JSON body, base64 payloads described.
    pub body: Value,
}

impl RequestPreview {
    /// A small JSON `POST` as `--dry-run` shows it.
    pub fn json(
        base_url: &str,
        path: &str,
        secret_shown: &str,
        idempotency_key: Option<&str>,
        body: &Value,
    ) -> Self {
        let mut headers = BTreeMap::new();
        headers.insert("api-secret", secret_shown.to_string());
        headers.insert("content-type", "application/json".to_string());
        headers.insert("content-length", body.to_string().len().to_string());
        if let Some(k) = idempotency_key {
            headers.insert("idempotency-key", k.to_string());
        }
        headers.insert("user-agent", crate::USER_AGENT.to_string());
        Self {
            method: "POST",
            url: format!("{}{path}", base_url.trim_end_matches('/')),
            headers,
            body: body.clone(),
        }
    }

    /// The upload of a local file as `--dry-run` shows it (payload described).
    pub fn upload(
        base_url: &str,
        secret_shown: &str,
        file: &LocalFile,
        kind: MediaKind,
    ) -> Result<Self> {
        Self::post(
            base_url.trim_end_matches('/'),
            "/v1/files/upload",
            secret_shown,
            None,
            &crate::media::upload_body(file, kind),
        )
    }

    fn post(
        base: &str,
        path: &str,
        secret_shown: &str,
        key: Option<&str>,
        body: &StreamBody,
    ) -> Result<Self> {
        let text = body
            .describe()
            .map_err(|e| Error::io("cannot read an input file", e))?;
        let parsed: Value = serde_json::from_str(&text).unwrap_or(Value::String(text));
        let mut headers = BTreeMap::new();
        headers.insert("api-secret", secret_shown.to_string());
        headers.insert("content-type", "application/json".to_string());
        headers.insert("content-length", body.content_length().to_string());
        if let Some(k) = key {
            headers.insert("idempotency-key", k.to_string());
        }
        headers.insert("user-agent", crate::USER_AGENT.to_string());
        Ok(Self {
            method: "POST",
            url: format!("{base}{path}"),
            headers,
            body: parsed,
        })
    }
}

/// What happens during [`Client::create_agent`], for progress displays.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum GenerateEvent {
    /// A local file is being uploaded; `total` is the request body's size.
    Uploading {
        /// Which field.
        kind: MediaKind,
        /// What the user gave (path or `stdin`).
        display: String,
        /// The file's base name.
        file_name: String,
        /// The file's size.
        len: u64,
        /// The upload body's size.
        total: u64,
    },
    /// The billed generate request is about to be sent (`total` body bytes):
    /// from here until it returns, the agent may or may not exist.
    Submitting {
        /// The generate body's size.
        total: u64,
    },
    /// Body bytes sent so far in the current request.
    Sent(u64),
}

/// Hears [`GenerateEvent`]s.
pub type GenerateObserver = Arc<dyn Fn(GenerateEvent) + Send + Sync>;

/// The answer to a generate call.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Created {
    /// The new agent's id.
    pub agent_id: String,
    /// `status`, when sent (usually `processing`).
    pub status: Option<String>,
    /// `message`, when sent.
    pub message: Option<String>,
    /// True when the server replayed an earlier answer for this idempotency key.
    pub replayed: bool,
    /// What each media field was sent as: a URL, or
    /// `"<name> (<N> bytes, base64|data-uri)"` for an inline file.
    pub inputs: BTreeMap<String, String>,
}

impl Client {
    /// Creates an agent: uploads local files (unless inlined), then sends
    /// `POST /v1/agent/generate` with `idempotency_key` (reused by every
    /// retry, so a retried POST never bills twice). A failed upload is
    /// reported with the file's name.
    pub async fn create_agent(
        &self,
        request: &GenerateRequest,
        idempotency_key: &str,
        observer: Option<GenerateObserver>,
    ) -> Result<Created> {
        let notify = |e: GenerateEvent| {
            if let Some(o) = &observer {
                o(e);
            }
        };
        let progress: Option<Progress> = observer
            .clone()
            .map(|o| Arc::new(move |n: u64| o(GenerateEvent::Sent(n))) as Progress);
        let mut sent = BTreeMap::new();
        let mut inputs = BTreeMap::new();
        for (kind, input) in request.media_fields() {
            let value = match input {
                MediaInput::Url(u) => {
                    inputs.insert(kind.as_str().to_string(), u.clone());
                    Sent::Text(u.clone())
                }
                MediaInput::File(file) if request.media == MediaMode::Upload => {
                    let body = crate::media::upload_body(file, kind);
                    notify(GenerateEvent::Uploading {
                        kind,
                        display: file.display.clone(),
                        file_name: file.file_name.clone(),
                        len: file.len,
                        total: body.content_length(),
                    });
                    let url = self
                        .upload_body(body, progress.clone())
                        .await
                        .map_err(|e| Error::Upload {
                            file: file.display.clone(),
                            source: Box::new(e),
                        })?;
                    inputs.insert(kind.as_str().to_string(), url.clone());
                    Sent::Text(url)
                }
                MediaInput::File(file) => {
                    inputs.insert(
                        kind.as_str().to_string(),
                        format!(
                            "{} ({} bytes, {})",
                            file.file_name,
                            file.len,
                            request.media.as_str()
                        ),
                    );
                    Sent::Inline(file.clone())
                }
            };
            sent.insert(kind, value);
        }
        let body = request.body(&sent);
        let recorded = request.recorded(&sent);
        notify(GenerateEvent::Submitting {
            total: body.content_length(),
        });
        let submitted = self
            .submit(
                JobKind::Agent,
                "/v1/agent/generate",
                body,
                &recorded,
                idempotency_key,
                progress,
            )
            .await?;
        let text = |k: &str| {
            submitted
                .fields
                .get(k)
                .and_then(Value::as_str)
                .map(crate::sanitize::sanitize_line)
        };
        Ok(Created {
            agent_id: submitted.id.clone(),
            status: text("status"),
            message: text("message"),
            replayed: submitted.replayed,
            inputs,
        })
    }
}
