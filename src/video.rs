//! Talking videos: `POST /v1/video/generate` with a script or a voice
//! recording (a local recording is uploaded first), then the mp4 at the
//! finished job's public `video_url`.

use crate::client::Client;
use crate::download::{Destination, DownloadEvent, DownloadOptions, Saved};
use crate::error::{Error, Result};
use crate::jobs::{Job, JobKind, Submitted};
use crate::media::{MediaInput, MediaKind, StreamBody};
use serde_json::{Value, json};

/// The longest script the API takes, in characters (Unicode scalar values).
pub const MAX_TEXT_CHARS: usize = 5000;

/// The model a video is rendered with when none is chosen.
pub const DEFAULT_VIDEO_MODEL: &str = "essence-1";

/// The engines `POST /v1/video/generate` accepts.
pub use crate::models::VIDEO_MODELS;

/// What the agent says.
#[derive(Clone, Debug)]
pub enum VideoInput {
    /// A script, spoken with the agent's voice or `voice`.
    Text {
        /// The script (1 to [`MAX_TEXT_CHARS`] characters).
        text: String,
        /// A voice id overriding the agent's.
        voice: Option<String>,
    },
    /// A recording (a URL, or a local file that is uploaded).
    Audio(MediaInput),
}

/// A talking-video request.
#[derive(Clone, Debug)]
pub struct VideoRequest {
    /// The agent (`agent_code`).
    pub agent: String,
    /// The engine.
    pub model: String,
    /// What is said.
    pub input: VideoInput,
}

impl VideoRequest {
    /// Refuses an empty or over-long script (before anything is sent).
    pub fn check(&self) -> std::result::Result<(), String> {
        if let VideoInput::Text { text, .. } = &self.input {
            let n = text.chars().count();
            if text.trim().is_empty() {
                return Err("the text is empty".into());
            }
            if n > MAX_TEXT_CHARS {
                return Err(format!(
                    "the text is {n} characters, over the API's {MAX_TEXT_CHARS}"
                ));
            }
        }
        Ok(())
    }

    // The JSON body, given the audio URL to send (uploaded or given).
    fn body(&self, audio_url: Option<&str>) -> Value {
        let input = match &self.input {
            VideoInput::Text { text, voice } => {
                let mut i = json!({"type": "text", "text": text});
                if let Some(v) = voice {
                    i["voice"] = Value::from(v.as_str());
                }
                i
            }
            VideoInput::Audio(_) => json!({"type": "audio", "audio_url": audio_url}),
        };
        json!({"model": self.model, "agent_code": self.agent, "input": input})
    }

    /// The body `--dry-run` shows (a local recording as the URL its upload returns).
    pub fn preview_body(&self) -> Value {
        let placeholder = match &self.input {
            VideoInput::Audio(MediaInput::Url(u)) => Some(u.clone()),
            VideoInput::Audio(MediaInput::File(f)) => Some(format!(
                "<file_url returned by the upload of {}>",
                f.file_name
            )),
            VideoInput::Text { .. } => None,
        };
        self.body(placeholder.as_deref())
    }
}

impl Client {
    /// Starts a talking video: uploads a local recording, then sends the
    /// journaled, idempotent `POST /v1/video/generate`.
    pub async fn create_video(
        &self,
        request: &VideoRequest,
        idempotency_key: &str,
    ) -> Result<Submitted> {
        crate::ids::validate_agent_id(&request.agent)?;
        let audio_url = match &request.input {
            VideoInput::Text { .. } => None,
            VideoInput::Audio(MediaInput::Url(u)) => Some(u.clone()),
            VideoInput::Audio(MediaInput::File(file)) => Some(
                self.upload(file, MediaKind::Audio, None)
                    .await
                    .map_err(|e| Error::Upload {
                        file: file.display.clone(),
                        source: Box::new(e),
                    })?,
            ),
        };
        let body = request.body(audio_url.as_deref());
        let path = JobKind::Video.submit_path(None)?;
        self.submit(
            JobKind::Video,
            &path,
            StreamBody::json(&body),
            &body,
            idempotency_key,
            None,
        )
        .await
    }

    /// Downloads a finished video's mp4 (public URL, no secret) to
    /// `destination`; `<job_id>.mp4` when it is a folder (an existing file
    /// is replaced only with `options.overwrite`).
    pub async fn download_video(
        &self,
        job_id: &str,
        destination: Destination<'_>,
        options: &DownloadOptions,
        on_event: impl FnMut(DownloadEvent<'_>),
    ) -> Result<Saved> {
        let record = self.job_status(&Job::video(job_id)).await?;
        let url = record
            .fields()
            .get("video_url")
            .and_then(Value::as_str)
            .filter(|u| !u.is_empty())
            .ok_or_else(|| Error::NotRendered {
                id: job_id.to_string(),
                status: crate::sanitize::sanitize_line(record.status()),
            })?
            .to_string();
        let name = crate::download::safe_file_name(None, "", &format!("{job_id}.mp4"));
        self.download_file(&url, &name, destination, options, on_event)
            .await
    }
}
