//! What a job is, apart from sending it: its kind, its id, its endpoints,
//! and how its record reads (terminal or not, why it failed, how long to
//! wait by default). The engine that submits and polls (`jobs.rs`) sits
//! above this module, as the journal and the wait loop do, so
//! the import graph has no circles.

use crate::error::Result;
use crate::ids::encode_id;
use crate::record::{AgentState, Record};
use serde_json::Value;
use std::time::Duration;

/// The kinds of job (SPEC §8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// An agent creation (`POST /v1/agent/generate`).
    Agent,
    /// A talking video (`POST /v1/video/generate`).
    Video,
    /// A model added to an agent (`POST /v1/agent/{id}/models`).
    Model,
    /// Gestures for an agent (`POST /v1/dynamics/generate`).
    Dynamics,
}

impl JobKind {
    /// `agent`, `video`, `model` or `dynamics`: the JSON `kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::Agent => "agent",
            JobKind::Video => "video",
            JobKind::Model => "model",
            JobKind::Dynamics => "dynamics",
        }
    }

    /// Parses [`JobKind::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "agent" => Some(JobKind::Agent),
            "video" => Some(JobKind::Video),
            "model" => Some(JobKind::Model),
            "dynamics" => Some(JobKind::Dynamics),
            _ => None,
        }
    }

    /// The submit endpoint's path for `subject` (the agent, for a model add).
    pub fn submit_path(self, subject: Option<&str>) -> Result<String> {
        Ok(match self {
            JobKind::Agent => "/v1/agent/generate".into(),
            JobKind::Video => "/v1/video/generate".into(),
            JobKind::Dynamics => "/v1/dynamics/generate".into(),
            JobKind::Model => format!(
                "/v1/agent/{}/models",
                encode_id(subject.unwrap_or_default())?
            ),
        })
    }
}

/// One job to follow: its kind, its id (the agent for model adds and
/// dynamics, the `job_id` for videos) and, for a model add, the model.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Job {
    /// The kind.
    pub kind: JobKind,
    /// The id polled.
    pub id: String,
    /// The model: the one added (model jobs), or the one asked for (agents).
    pub model: Option<String>,
}

impl Job {
    /// An agent creation.
    pub fn agent(id: &str) -> Self {
        Self {
            kind: JobKind::Agent,
            id: id.to_string(),
            model: None,
        }
    }

    /// A video render.
    pub fn video(job_id: &str) -> Self {
        Self {
            kind: JobKind::Video,
            id: job_id.to_string(),
            model: None,
        }
    }

    /// A model being added to `agent`.
    pub fn model(agent: &str, model: &str) -> Self {
        Self {
            kind: JobKind::Model,
            id: agent.to_string(),
            model: Some(model.to_string()),
        }
    }

    /// Gestures being made for `agent`.
    pub fn dynamics(agent: &str) -> Self {
        Self {
            kind: JobKind::Dynamics,
            id: agent.to_string(),
            model: None,
        }
    }

    /// The poll endpoint's path.
    pub fn poll_path(&self) -> Result<String> {
        let id = encode_id(&self.id)?;
        Ok(match self.kind {
            JobKind::Agent => format!("/v1/agent/status/{id}"),
            JobKind::Video => format!("/v1/video/{id}"),
            JobKind::Model => format!("/v1/agent/{id}"),
            JobKind::Dynamics => format!("/v1/dynamics/{id}"),
        })
    }

    /// Where `record` stands for this job.
    pub fn state(&self, record: &Record) -> AgentState {
        match self.kind {
            JobKind::Agent => record.state(),
            JobKind::Video => match record.status() {
                "completed" => AgentState::Ready,
                "failed" => AgentState::Failed,
                _ => AgentState::Pending,
            },
            JobKind::Dynamics => match record.status() {
                "ready" => AgentState::Ready,
                "failed" => AgentState::Failed,
                _ => AgentState::Pending,
            },
            JobKind::Model => {
                let model = self.model.as_deref().unwrap_or_default();
                if model_state(record, model) == Some("failed") {
                    AgentState::Failed
                } else if record.supported_models().contains(&model) {
                    AgentState::Ready
                } else {
                    AgentState::Pending
                }
            }
        }
    }

    /// The status to show for this job: for a model add, the model's own
    /// state (the agent stays `ready` meanwhile).
    pub fn shown_status<'a>(&self, record: &'a Record) -> &'a str {
        match self.kind {
            JobKind::Model => {
                let model = self.model.as_deref().unwrap_or_default();
                if record.supported_models().contains(&model) {
                    "ready"
                } else {
                    model_state(record, model).unwrap_or("adding")
                }
            }
            _ => record.status(),
        }
    }

    /// Why the job failed, as the server said it.
    pub fn failure<'a>(&self, record: &'a Record) -> Option<&'a str> {
        match self.kind {
            JobKind::Agent => record.error_message(),
            JobKind::Video | JobKind::Dynamics => record
                .fields()
                .get("error")
                .and_then(|e| e.get("message").and_then(Value::as_str).or(e.as_str()))
                .or_else(|| record.error_message()),
            JobKind::Model => {
                let model = self.model.as_deref().unwrap_or_default();
                record
                    .fields()
                    .get("model_status")
                    .and_then(|s| s.get(model))
                    .and_then(|s| s.get("reason"))
                    .and_then(Value::as_str)
            }
        }
    }

    /// The default wait: 30 minutes for v1 models, videos and gestures, 4
    /// hours for v2 models and anything unknown.
    pub fn default_timeout(&self, model: Option<&str>) -> Duration {
        match self.kind {
            JobKind::Video | JobKind::Dynamics => Duration::from_secs(30 * 60),
            JobKind::Agent | JobKind::Model => {
                crate::models::default_timeout(self.model.as_deref().or(model))
            }
        }
    }
}

fn model_state<'a>(record: &'a Record, model: &str) -> Option<&'a str> {
    record
        .fields()
        .get("model_status")?
        .get(model)?
        .get("state")?
        .as_str()
}
