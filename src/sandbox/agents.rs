//! Sandbox agents: self-describing ids, models and the status timeline.
//!
//! Separate `bithuman --sandbox …` invocations each run their own emulator, so
//! an id must carry everything needed to answer for it: its creation time, its
//! model and whether (and where) it fails, sealed by a checksum. Any sandbox
//! can then replay the same timeline for an id another sandbox minted.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

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
/// `auto` routes to `essence-2` (the sandbox assumes a photoreal person), and
/// `essence-2-max` comes with every `essence-2` creation.
pub(crate) fn resolve_model(model: Option<&str>, version: Option<&str>) -> Option<u8> {
    let v2 = version == Some("v2");
    let name = match model {
        None | Some("expression") if !v2 => "expression-1",
        None | Some("expression") => "expression-2",
        Some("essence") if v2 => "essence-2",
        Some("essence") => "essence-1",
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

/// Families an agent of `model` can be launched as once ready.
pub(crate) fn supported_models(model: u8) -> Vec<&'static str> {
    match model {
        2 => vec!["essence-2", "essence-2-max"],
        m => vec![MODELS[usize::from(m).min(MODELS.len() - 1)]],
    }
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
#[cfg(test)]
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
    /// Unix ms the agent was first created.
    pub created_ms: u64,
    pub model: u8,
    /// 0 = succeeds; otherwise the [`TIMELINE`] row it fails in.
    pub fail_row: u8,
    pub prompt: Option<String>,
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
                         (bithuman sandbox --fail-rate); no credits were charged"
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

    /// The `data` object of the status and get-agent responses.
    pub fn record(&self, now_ms: u64, speed: f64, base: &str) -> Value {
        let elapsed = now_ms.saturating_sub(self.start_ms) as f64 / 1000.0 * speed;
        let snap = self.snapshot(elapsed);
        let id = &self.id;
        let reached = |row: usize| snap.row > row;
        let model = MODELS[usize::from(self.model).min(MODELS.len() - 1)];
        let model_url = (snap.ready && self.model != 0)
            .then(|| format!("{base}/files/models/{id}/{}", artifact_name(id, model)));
        let prompt = self.prompt.clone().unwrap_or_else(|| {
            "You are a friendly sandbox assistant who helps people try bitHuman.".into()
        });
        let updated_ms = self.start_ms + (snap.since / speed * 1000.0) as u64;
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
            "supported_models": if snap.ready { supported_models(self.model) } else { Vec::new() },
            "created_at": rfc3339(self.created_ms),
            "updated_at": rfc3339(updated_ms.max(self.created_ms)),
        })
    }
}

const ID_DIGITS: usize = 18;
const ALPHABET: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const SALT: &[u8] = b"bithuman-sandbox-id-v1";

fn checksum(payload: u128) -> u128 {
    let digest = Sha256::new()
        .chain_update(SALT)
        .chain_update(payload.to_be_bytes())
        .finalize();
    let mut c = 0u128;
    for b in &digest[..3] {
        c = (c << 8) | u128::from(*b);
    }
    c
}

/// Mints an id (`A` + 18 base-36 digits) sealing time, model, fail row and a nonce.
pub(crate) fn mint_id(created_ms: u64, model: u8, fail_row: u8, nonce: u16) -> String {
    let payload = (u128::from(created_ms & ((1 << 44) - 1)) << 23)
        | (u128::from(model & 0x7) << 20)
        | (u128::from(fail_row & 0xF) << 16)
        | u128::from(nonce);
    let mut n = (payload << 24) | checksum(payload);
    let mut digits = [b'0'; ID_DIGITS];
    for d in digits.iter_mut().rev() {
        *d = ALPHABET[(n % 36) as usize];
        n /= 36;
    }
    let mut id = String::from("A");
    id.extend(digits.iter().map(|&b| char::from(b)));
    id
}

/// Reads back an id minted by any sandbox; `None` when malformed or tampered.
pub(crate) fn decode_id(id: &str) -> Option<Agent> {
    let digits = id.strip_prefix('A')?;
    if digits.len() != ID_DIGITS {
        return None;
    }
    let mut n: u128 = 0;
    for c in digits.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)?;
        n = n.checked_mul(36)?.checked_add(v as u128)?;
    }
    let payload = n >> 24;
    if payload >> 67 != 0 || checksum(payload) != n & 0xFF_FFFF {
        return None;
    }
    let created_ms = (payload >> 23) as u64;
    let model = ((payload >> 20) & 0x7) as u8;
    let fail_row = ((payload >> 16) & 0xF) as u8;
    if usize::from(model) >= MODELS.len() || usize::from(fail_row) >= TIMELINE.len() {
        return None;
    }
    Some(Agent {
        id: id.to_string(),
        start_ms: created_ms,
        created_ms,
        model,
        fail_row,
        prompt: None,
    })
}

/// Unix milliseconds now.
pub(crate) fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// `2026-08-18T12:34:56.789+00:00` for unix milliseconds.
pub(crate) fn rfc3339(ms: u64) -> String {
    let (y, mo, d, h, mi, s) = civil(ms / 1000);
    format!(
        "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{:03}+00:00",
        ms % 1000
    )
}

/// `YYYYMMDD_HHMMSS` for unix milliseconds (upload file names).
pub(crate) fn compact_time(ms: u64) -> String {
    let (y, mo, d, h, mi, s) = civil(ms / 1000);
    format!("{y:04}{mo:02}{d:02}_{h:02}{mi:02}{s:02}")
}

fn civil(secs: u64) -> (i64, u32, u32, u64, u64, u64) {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_reject_tampering() {
        let id = mint_id(1_787_000_000_123, 1, 4, 0xBEEF);
        assert_eq!(id.len(), 19);
        let agent = decode_id(&id).expect("decodes");
        assert_eq!(
            (agent.created_ms, agent.model, agent.fail_row),
            (1_787_000_000_123, 1, 4)
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
        let a = decode_id(&mint_id(0, 1, 0, 1)).unwrap();
        assert_eq!(a.snapshot(0.1).status, "processing");
        assert_eq!(a.snapshot(2.0).status, "generating");
        assert_eq!(a.snapshot(10.0).status, "ready");
        let f = decode_id(&mint_id(0, 1, 6, 1)).unwrap();
        let s = f.snapshot(9.0);
        assert_eq!((s.status, s.step), ("failed", Some("video")));
    }

    #[test]
    fn dates_format() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000+00:00");
        assert_eq!(rfc3339(1_709_210_096_007), "2024-02-29T12:34:56.007+00:00");
        assert_eq!(compact_time(1_709_210_096_007), "20240229_123456");
    }

    #[test]
    fn models_resolve() {
        assert_eq!(resolve_model(None, None), Some(0));
        assert_eq!(resolve_model(Some("essence"), Some("v2")), Some(2));
        assert_eq!(resolve_model(Some("auto"), None), Some(2));
        assert_eq!(resolve_model(Some("bogus"), None), None);
    }
}
