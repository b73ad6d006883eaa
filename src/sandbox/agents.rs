//! Sandbox agents: self-describing ids, models and the status timeline.
//!
//! An agent's timeline is fixed when it is created: its start, the speed
//! it was created at, its model and whether (and where) it fails are stored
//! in the world ([`super::books`]), and its status at any moment is computed
//! from the clock, so every process sharing the world sees it in the same
//! state at the same moment. The id also seals these (a checksum refuses
//! ids no sandbox minted), but only the world's record makes an id known.

use serde_json::{Map, Value, json};

#[cfg(test)]
use super::codec::field;
use super::codec::{Codec, rfc3339};
use super::models::ModelAdd;

/// Resolved engines an agent can be built as (index = what the id stores).
pub(crate) const MODELS: [&str; 4] = ["expression-1", "essence-1", "essence-2", "expression-2"];

/// Every `model` value `generate` accepts, as the live API lists them.
pub(crate) const ACCEPTED_MODELS: [&str; 8] = [
    "auto",
    "essence",
    "essence-1",
    "essence-2",
    "essence-2-max",
    "expression",
    "expression-1",
    "expression-2",
];

/// Families `model/download?model=` accepts.
pub(crate) const DOWNLOADABLE: [&str; 4] =
    ["essence-1", "essence-2", "essence-2-max", "expression-2"];

/// Maps a requested `model` (+ `version`) onto a resolved engine index.
/// `auto` routes a photoreal person to `essence-2` and a cartoon to
/// `expression-2`, as the live classifier does; `essence-2-max` comes with
/// every `essence-2` creation.
pub(crate) fn resolve_model(
    model: Option<&str>,
    version: Option<&str>,
    cartoon: bool,
) -> Option<u8> {
    let v2 = version == Some("v2");
    let name = match model {
        None | Some("expression") if !v2 => "expression-1",
        None | Some("expression") => "expression-2",
        Some("essence") if v2 => "essence-2",
        Some("essence") => "essence-1",
        Some("auto") if cartoon => "expression-2",
        Some("auto") | Some("essence-2-max") => "essence-2",
        Some(other) => other,
    };
    MODELS.iter().position(|m| *m == name).map(|i| i as u8)
}

/// Folds a download `model` query value onto its family; `None` when unknown.
pub(crate) fn download_family(model: &str) -> Option<&'static str> {
    match model {
        "essence-1" => Some("essence-1"),
        "essence-2" | "essence-2-light" | "essence-2-ane" | "essence-2-gpu" | "essence-2-cpu" => {
            Some("essence-2")
        }
        "essence-2-max" => Some("essence-2-max"),
        "expression-2" | "expression-2-gpu" => Some("expression-2"),
        "expression-1" => Some("expression-1"),
        _ => None,
    }
}

/// The artifact file name of `family` for agent `id`.
pub(crate) fn artifact_name(id: &str, family: &str) -> String {
    match family {
        "essence-2" => format!("{id}.lebundle.imx"),
        "essence-2-max" => format!("{id}.pkl"),
        _ => format!("{id}.imx"),
    }
}

/// The name of a resolved engine index.
pub(crate) fn model_name(model: u8) -> &'static str {
    MODELS[usize::from(model).min(MODELS.len() - 1)]
}

/// Families an agent created (or a model added) as `model` can be launched
/// as once built: `essence-2` brings `essence-2-max` along.
pub(crate) fn families(model: &str) -> &'static [&'static str] {
    match model {
        "essence-2" => &["essence-2", "essence-2-max"],
        "essence-1" => &["essence-1"],
        "expression-2" => &["expression-2"],
        _ => &["expression-1"],
    }
}

/// Whether the sandbox treats a subject as a cartoon: the word `cartoon`
/// (any case) in the prompt or in an image URL. The live API's classifier
/// looks at the image; this rule makes the sandbox's answer predictable.
pub(crate) fn looks_cartoon(prompt: Option<&str>, image: Option<&str>) -> bool {
    let url = image.filter(|i| {
        let head = i.get(..8).unwrap_or(i).to_ascii_lowercase();
        head.starts_with("http://") || head.starts_with("https://")
    });
    [prompt, url]
        .into_iter()
        .flatten()
        .any(|t| t.to_ascii_lowercase().contains("cartoon"))
}

/// One row of the status sequence.
pub(crate) struct Row {
    pub status: &'static str,
    pub step: Option<&'static str>,
    pub progress: f64,
    pub message: &'static str,
    /// Seconds at speed 1.
    pub seconds: f64,
}

const fn row(
    status: &'static str,
    step: Option<&'static str>,
    progress: f64,
    message: &'static str,
    seconds: f64,
) -> Row {
    Row {
        status,
        step,
        progress,
        message,
        seconds,
    }
}

/// The live API's sequence; ready at 10 s at speed 1, every row at least 0.5 s.
pub(crate) const TIMELINE: [Row; 9] = [
    row("processing", None, 0.0, "Queued", 0.5),
    row(
        "generating",
        Some("payment"),
        0.02,
        "Reserving credits",
        0.75,
    ),
    row(
        "generating",
        Some("persona"),
        0.10,
        "Writing the persona",
        1.0,
    ),
    row("completed", Some("persona"), 0.15, "Persona complete", 0.5),
    row(
        "generating",
        Some("voice_image"),
        0.2,
        "Creating voice and image",
        1.0,
    ),
    row(
        "success",
        Some("voice_image"),
        0.2,
        "Voice and image ready",
        0.5,
    ),
    row(
        "generating",
        Some("video"),
        0.45,
        "Generating the identity video",
        1.25,
    ),
    row("success", Some("video"), 0.45, "Identity video ready", 0.5),
    row(
        "generating",
        Some("lip_sync"),
        0.7,
        "Building the model",
        4.0,
    ),
];

/// Rows an agent may fail in (the `generating` ones).
pub(crate) const FAIL_ROWS: [u8; 5] = [1, 2, 4, 6, 8];

/// Seconds (speed 1) from creation to `ready`.
pub(crate) fn ready_after() -> f64 {
    TIMELINE.iter().map(|r| r.seconds).sum()
}

fn row_start(index: usize) -> f64 {
    TIMELINE[..index].iter().map(|r| r.seconds).sum()
}

/// What a sandbox knows about one agent.
#[derive(Clone, Debug)]
pub(crate) struct Agent {
    pub id: String,
    /// Unix ms the current timeline started (creation or regeneration).
    pub start_ms: u64,
    /// The time factor the timeline was started at.
    pub speed: f64,
    /// Unix ms the agent was first created.
    pub created_ms: u64,
    pub model: u8,
    /// 0 = succeeds; otherwise the [`TIMELINE`] row it fails in.
    pub fail_row: u8,
    pub prompt: Option<String>,
    /// The subject is a cartoon (see [`looks_cartoon`]); sealed in the id.
    pub cartoon: bool,
    /// Models added with `POST /v1/agent/{id}/models`, in order.
    pub adds: Vec<ModelAdd>,
    /// Deleted with `DELETE /v1/agent/{id}`: answers `410 AGENT_DELETED`.
    pub deleted: bool,
    /// The id of its latest dynamics job, if any.
    pub dynamics: Option<String>,
    /// The time factor its latest dynamics job was started at.
    pub dynamics_speed: f64,
}

/// Where a model of an agent is: `model_status.<model>.state`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ModelState {
    Pending,
    Ready,
    Failed(String),
}

/// A point in an agent's life, computed from the clock.
pub(crate) struct Snapshot {
    pub status: &'static str,
    pub step: Option<&'static str>,
    pub progress: f64,
    pub message: String,
    pub error: Option<String>,
    /// Seconds (speed 1) since the timeline start when this row began.
    pub since: f64,
    pub ready: bool,
    /// Seconds (speed 1) since `ready`, when ready.
    pub ready_for: f64,
    /// Index of the current row (TIMELINE.len() when ready).
    pub row: usize,
}

impl Agent {
    /// Where the agent is `elapsed` seconds (already multiplied by speed) after start.
    pub fn snapshot(&self, elapsed: f64) -> Snapshot {
        let elapsed = elapsed.max(0.0);
        let fail = usize::from(self.fail_row);
        if fail > 0 && fail < TIMELINE.len() {
            let at = row_start(fail) + TIMELINE[fail].seconds / 2.0;
            if elapsed >= at {
                let r = &TIMELINE[fail];
                let step = r.step.unwrap_or("processing");
                return Snapshot {
                    status: "failed",
                    step: r.step,
                    progress: r.progress,
                    message: "Failed".into(),
                    error: Some(format!(
                        "{step} step failed: sandbox-simulated failure \
                         (bithuman sandbox --fail-rate); the credits were refunded"
                    )),
                    since: at,
                    ready: false,
                    ready_for: 0.0,
                    row: fail,
                };
            }
        }
        let mut start = 0.0;
        for (i, r) in TIMELINE.iter().enumerate() {
            if elapsed < start + r.seconds {
                let mut progress = r.progress;
                if r.step == Some("lip_sync") {
                    let frac = (elapsed - start) / r.seconds;
                    progress = (0.7 + 0.29 * frac).clamp(0.7, 0.99);
                    progress = (progress * 100.0).floor() / 100.0;
                }
                return Snapshot {
                    status: r.status,
                    step: r.step,
                    progress,
                    message: r.message.into(),
                    error: None,
                    since: start,
                    ready: false,
                    ready_for: 0.0,
                    row: i,
                };
            }
            start += r.seconds;
        }
        Snapshot {
            status: "ready",
            step: Some("done"),
            progress: 1.0,
            message: "Complete".into(),
            error: None,
            since: start,
            ready: true,
            ready_for: elapsed - start,
            row: TIMELINE.len(),
        }
    }

    /// Unix ms the agent's creation fails, when it does.
    pub fn fails_at_ms(&self) -> Option<u64> {
        let speed = self.speed;
        let fail = usize::from(self.fail_row);
        (fail > 0 && fail < TIMELINE.len()).then(|| {
            let at = row_start(fail) + TIMELINE[fail].seconds / 2.0;
            self.start_ms + super::codec::scaled_ms(at, speed)
        })
    }

    /// Where the agent is at unix ms `now_ms`.
    pub fn snapshot_at(&self, now_ms: u64) -> Snapshot {
        self.snapshot(now_ms.saturating_sub(self.start_ms) as f64 / 1000.0 * self.speed)
    }

    /// The families the agent can be launched as now (its creation's, then
    /// those of finished adds) and the state of every model it has or is
    /// getting (`model_status`).
    pub fn launchable(&self, now_ms: u64) -> (Vec<&'static str>, Vec<(&'static str, ModelState)>) {
        let snap = self.snapshot_at(now_ms);
        let created = if snap.ready {
            ModelState::Ready
        } else if let Some(error) = snap.error {
            ModelState::Failed(error)
        } else {
            ModelState::Pending
        };
        let mut states: Vec<(&'static str, ModelState)> = families(model_name(self.model))
            .iter()
            .map(|f| (*f, created.clone()))
            .collect();
        for add in &self.adds {
            let state = add.state(now_ms);
            for family in families(add.model) {
                match states.iter_mut().find(|(f, _)| f == family) {
                    Some((_, s)) if *s != ModelState::Ready => *s = state.clone(),
                    Some(_) => {}
                    None => states.push((family, state.clone())),
                }
            }
        }
        let supported = states
            .iter()
            .filter(|(_, s)| *s == ModelState::Ready)
            .map(|(f, _)| *f)
            .collect();
        (supported, states)
    }

    /// The `data` object of the status and get-agent responses.
    pub fn record(&self, now_ms: u64, base: &str) -> Value {
        let speed = self.speed;
        let snap = self.snapshot_at(now_ms);
        let id = &self.id;
        let reached = |row: usize| snap.row > row;
        let model = model_name(self.model);
        let model_url = (snap.ready && model != "expression-1")
            .then(|| format!("{base}/files/models/{id}/{}", artifact_name(id, model)));
        let prompt = self.prompt.clone().unwrap_or_else(|| {
            "You are a friendly sandbox assistant who helps people try bitHuman.".into()
        });
        let updated_ms = self.start_ms + (snap.since / speed * 1000.0) as u64;
        let (supported, states) = self.launchable(now_ms);
        let model_status: Map<String, Value> = states
            .into_iter()
            .map(|(family, state)| {
                let (state, reason) = match state {
                    ModelState::Pending => ("pending", None),
                    ModelState::Ready => ("ready", None),
                    ModelState::Failed(reason) => ("failed", Some(reason)),
                };
                (
                    family.to_string(),
                    json!({"state": state, "reason": reason}),
                )
            })
            .collect();
        json!({
            "agent_id": id,
            "code": id,
            "status": snap.status,
            "progress": snap.progress,
            "progress_msg": snap.message,
            "current_step": snap.step,
            "error_message": snap.error,
            "event_type": snap.ready.then_some("lip_created"),
            "system_prompt": reached(3).then_some(prompt),
            "name": reached(3).then(|| format!("Sandbox Agent {}", &id[id.len().saturating_sub(4)..])),
            "description": reached(3).then_some("An agent generated by the bitHuman sandbox (offline emulator)."),
            "voice_id": reached(5).then(|| format!("sandbox-voice-{}", id.to_lowercase())),
            "image_url": reached(5).then(|| format!("{base}/files/models/{id}/portrait.jpg")),
            "video_url": reached(7).then(|| format!("{base}/files/models/{id}/identity.mp4")),
            "model_url": model_url,
            "model": model,
            "supported_models": supported,
            "model_status": model_status,
            "subject": if self.cartoon { "cartoon" } else { "human" },
            "created_at": rfc3339(self.created_ms),
            "updated_at": rfc3339(updated_ms.max(self.created_ms)),
        })
    }
}

/// Agent ids: `A` + 18 base-36 digits. Payload, from bit 0: nonce (16),
/// fail row (4), model (3), creation unix ms (44), cartoon (1). Ids minted
/// before the cartoon bit existed read as not cartoon.
const AGENT_IDS: Codec = Codec {
    prefix: "A",
    digits: 18,
    bits: 68,
    salt: b"bithuman-sandbox-id-v1",
};

/// Mints an agent id sealing time, model, fail row, subject and a nonce.
pub(crate) fn mint_id(
    created_ms: u64,
    model: u8,
    fail_row: u8,
    cartoon: bool,
    nonce: u16,
) -> String {
    let payload = (u128::from(cartoon) << 67)
        | (u128::from(created_ms & ((1 << 44) - 1)) << 23)
        | (u128::from(model & 0x7) << 20)
        | (u128::from(fail_row & 0xF) << 16)
        | u128::from(nonce);
    AGENT_IDS.seal(payload, "")
}

/// Reads back an id minted by any sandbox; `None` when malformed or tampered.
#[cfg(test)]
pub(crate) fn decode_id(id: &str) -> Option<Agent> {
    let (payload, tail) = AGENT_IDS.open(id)?;
    let created_ms = field(payload, 23, 44);
    let model = field(payload, 20, 3) as u8;
    let fail_row = field(payload, 16, 4) as u8;
    if !tail.is_empty()
        || usize::from(model) >= MODELS.len()
        || usize::from(fail_row) >= TIMELINE.len()
    {
        return None;
    }
    Some(Agent {
        id: id.to_string(),
        start_ms: created_ms,
        created_ms,
        model,
        fail_row,
        prompt: None,
        cartoon: field(payload, 67, 1) == 1,
        adds: Vec::new(),
        deleted: false,
        dynamics: None,
        speed: 1.0,
        dynamics_speed: 1.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_reject_tampering() {
        let id = mint_id(1_787_000_000_123, 1, 4, true, 0xBEEF);
        assert_eq!(id.len(), 19);
        let agent = decode_id(&id).expect("decodes");
        assert_eq!(
            (agent.created_ms, agent.model, agent.fail_row, agent.cartoon),
            (1_787_000_000_123, 1, 4, true)
        );
        // An id minted before the cartoon bit (same layout, bit clear) still reads.
        assert!(
            !decode_id(&mint_id(1_787_000_000_123, 1, 4, false, 1))
                .unwrap()
                .cartoon
        );
        let mut bad = id.clone().into_bytes();
        bad[10] = if bad[10] == b'0' { b'1' } else { b'0' };
        assert!(decode_id(&String::from_utf8(bad).unwrap()).is_none());
        assert!(decode_id("A91XMB7113").is_none());
        assert!(decode_id("").is_none());
    }

    #[test]
    fn timeline_reaches_ready_at_ten_seconds() {
        assert!((ready_after() - 10.0).abs() < 1e-9);
        assert!(TIMELINE.iter().all(|r| r.seconds >= 0.5));
        let a = decode_id(&mint_id(0, 1, 0, false, 1)).unwrap();
        assert_eq!(a.snapshot(0.1).status, "processing");
        assert_eq!(a.snapshot(2.0).status, "generating");
        assert_eq!(a.snapshot(10.0).status, "ready");
        let f = decode_id(&mint_id(0, 1, 6, false, 1)).unwrap();
        let s = f.snapshot(9.0);
        assert_eq!((s.status, s.step), ("failed", Some("video")));
    }

    #[test]
    fn models_resolve() {
        assert_eq!(resolve_model(None, None, false), Some(0));
        assert_eq!(resolve_model(Some("essence"), Some("v2"), false), Some(2));
        assert_eq!(resolve_model(Some("auto"), None, false), Some(2));
        assert_eq!(resolve_model(Some("auto"), None, true), Some(3));
        assert_eq!(resolve_model(Some("bogus"), None, false), None);
        assert!(looks_cartoon(Some("A CARTOON fox"), None));
        assert!(looks_cartoon(None, Some("https://x/cartoon.png")));
        assert!(!looks_cartoon(Some("a person"), Some("Y2FydG9vbg==")));
    }
}
