//! Talking videos: `POST /v1/video/generate`, `GET /v1/video/{job_id}` and
//! the placeholder mp4s on the file host.
//!
//! A job id (`vid_` + 19 base-36 digits + `_` + agent id) seals the
//! creation time, model, duration and outcome; the world keeps which jobs
//! it started and at what speed, so every process sharing it answers the
//! same for a job. A render takes [`RENDER_SECONDS`] at speed 1.

use std::time::Duration;

use axum::response::Response;
use serde_json::{Map, Value, json};

use super::agents::{self, Agent};
use super::codec::{Codec, field, now_ms, scaled_ms};
use super::files::{file_response, query_param};
use super::ledger::{Charge, Refund, VIDEO_PRECHARGE_MINUTES, video_rate};
use super::models::clip;
use super::routes::{Refused, Req, error, json_object, json_response, live_agent, refuse, submit};
use super::state::Shared;

/// Engines a talking video renders with (index = what the id stores).
pub(crate) const VIDEO_MODELS: [&str; 5] = [
    "essence-1",
    "expression-1",
    "essence-2",
    "essence-2-max",
    "expression-2",
];
/// Seconds (speed 1) a render takes.
pub(crate) const RENDER_SECONDS: f64 = 4.0;
/// Longest text, in characters (Unicode scalar values).
pub(crate) const MAX_TEXT_CHARS: usize = 5000;
/// Longest voice id kept.
const MAX_VOICE_CHARS: usize = 100;
/// A sync request (`wait: true`) is held at most this long (wall time).
const SYNC_CAP: Duration = Duration::from_secs(90);
/// Frames per second of the placeholder renders (for usage rows).
const FPS: u64 = 25;

/// Payload, from bit 0: nonce (12), tenths of a second (11), fails (1),
/// model (3), creation unix ms (44).
const VIDEO_IDS: Codec = Codec {
    prefix: "vid_",
    digits: 19,
    bits: 71,
    salt: b"bithuman-sandbox-video-v1",
};

/// One render, as its id tells it.
pub(crate) struct Job {
    pub id: String,
    pub agent: String,
    pub created_ms: u64,
    pub model: &'static str,
    pub fails: bool,
    /// Output length in tenths of a second (10..=1200).
    pub tenths: u64,
}

impl Job {
    fn mint(
        agent: &str,
        created_ms: u64,
        model: usize,
        fails: bool,
        tenths: u64,
        nonce: u16,
    ) -> Job {
        let payload = (u128::from(created_ms & ((1 << 44) - 1)) << 27)
            | ((model as u128 & 0x7) << 24)
            | (u128::from(fails) << 23)
            | (u128::from(tenths & 0x7FF) << 12)
            | u128::from(nonce & 0xFFF);
        let id = VIDEO_IDS.seal(payload, agent);
        Job {
            id,
            agent: agent.to_string(),
            created_ms,
            model: VIDEO_MODELS[model],
            fails,
            tenths,
        }
    }

    pub fn decode(id: &str) -> Option<Job> {
        let (payload, agent) = VIDEO_IDS.open(id)?;
        let model = VIDEO_MODELS.get(field(payload, 24, 3) as usize)?;
        let tenths = field(payload, 12, 11);
        if agent.is_empty() || !(10..=1200).contains(&tenths) {
            return None;
        }
        Some(Job {
            id: id.to_string(),
            agent: agent.to_string(),
            created_ms: field(payload, 27, 44),
            model,
            fails: field(payload, 23, 1) == 1,
            tenths,
        })
    }

    pub fn settles_ms(&self, speed: f64) -> u64 {
        self.created_ms + scaled_ms(RENDER_SECONDS, speed)
    }

    /// `ceil(minutes) × rate`.
    pub fn credits(&self) -> u64 {
        self.tenths.div_ceil(600) * video_rate(self.model)
    }

    fn frames(&self) -> u64 {
        self.tenths * FPS / 10
    }

    /// The status response at `now_ms`.
    pub fn record(&self, now_ms: u64, speed: f64, base: &str) -> Value {
        let done = now_ms >= self.settles_ms(speed);
        let (status, url, seconds, credits, failure) = match (done, self.fails) {
            (false, _) => ("processing", None, None, None, None),
            (true, true) => (
                "failed",
                None,
                None,
                None,
                Some(
                    json!({"message": "render failed: sandbox-simulated failure \
                    (bithuman sandbox --fail-rate); the pre-charged credits were refunded"}),
                ),
            ),
            (true, false) => (
                "completed",
                Some(format!("{base}/files/videos/{}.mp4", self.id)),
                Some(self.tenths as f64 / 10.0),
                Some(self.credits()),
                None,
            ),
        };
        json!({
            "success": true,
            "job_id": self.id,
            "status": status,
            "model": self.model,
            "video_url": url,
            "duration_seconds": seconds,
            "credits_charged": credits,
            "error": failure,
        })
    }
}

/// The families a video can be rendered as for `agent` now: those it can be
/// launched as (its creation's and its finished adds), plus `expression-1`
/// for an `essence-1` agent: the v1 engine drives a v1 agent's stored image
/// and voice, nothing is trained. Second-generation agents render
/// `expression-1` only after the free `expression-1` add, as the live API's
/// `409 MODEL_NOT_GENERATED` text says; `essence-2-max` comes with `essence-2`.
pub(crate) fn renderable(agent: &Agent, now_ms: u64) -> Vec<&'static str> {
    let (mut families, _) = agent.launchable(now_ms);
    if agents::model_name(agent.model) == "essence-1" && !families.is_empty() {
        families.push("expression-1");
    }
    families
}

/// What a valid generate body asks for.
pub(crate) struct VideoSpec {
    model: usize,
    agent: String,
    tenths: u64,
    wait: bool,
}

fn invalid(message: impl Into<String>) -> Refused {
    refuse(400, "VALIDATION_ERROR", message)
}

fn string<'a>(
    body: &'a Map<String, Value>,
    field: &str,
    name: &str,
) -> Result<Option<&'a str>, Refused> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(invalid(format!("Invalid {name}: must be a string"))),
    }
}

fn parse(req: &Req<'_>) -> Result<VideoSpec, Refused> {
    let body = json_object(req)?;
    let model = match string(&body, "model", "model")? {
        None => {
            return Err(invalid(format!(
                "Missing required field: model; must be one of: {}",
                VIDEO_MODELS.join(", ")
            )));
        }
        Some(m) => VIDEO_MODELS.iter().position(|v| *v == m).ok_or_else(|| {
            invalid(format!(
                "Invalid model '{}'; must be one of: {}",
                clip(m),
                VIDEO_MODELS.join(", ")
            ))
        })?,
    };
    let agent = match string(&body, "agent_code", "agent_code")? {
        Some(a) if !a.trim().is_empty() => a.to_string(),
        _ => return Err(invalid("Missing required field: agent_code")),
    };
    let input = match body.get("input") {
        Some(Value::Object(input)) => input,
        None | Some(Value::Null) => return Err(invalid("Missing required field: input")),
        Some(_) => return Err(invalid("Invalid input: must be an object")),
    };
    let tenths = match string(input, "type", "input.type")? {
        Some("text") => {
            let text = string(input, "text", "input.text")?.unwrap_or("");
            if text.trim().is_empty() {
                return Err(invalid(
                    "input.text is required and must not be empty when input.type is text",
                ));
            }
            let chars = text.chars().count();
            if chars > MAX_TEXT_CHARS {
                return Err(invalid(format!(
                    "input.text is too long: {chars} characters (max {MAX_TEXT_CHARS})"
                )));
            }
            if string(input, "voice", "input.voice")?
                .is_some_and(|v| v.chars().count() > MAX_VOICE_CHARS)
            {
                return Err(invalid(format!(
                    "input.voice is too long (max {MAX_VOICE_CHARS} characters)"
                )));
            }
            // About one second per 15 characters, 1 s to 120 s.
            ((chars as u64 * 10).div_ceil(15)).clamp(10, 1200)
        }
        Some("audio") => {
            let url = string(input, "audio_url", "input.audio_url")?.unwrap_or("");
            let head = url.get(..8).unwrap_or(url).to_ascii_lowercase();
            if url.is_empty() {
                return Err(invalid(
                    "input.audio_url is required when input.type is audio",
                ));
            }
            if !(head.starts_with("http://") || head.starts_with("https://")) {
                return Err(invalid(
                    "Invalid input.audio_url: must be a public http(s) URL to a WAV or MP3 file",
                ));
            }
            // The sandbox does not fetch the audio: it renders 10 s.
            100
        }
        Some(other) => {
            return Err(invalid(format!(
                "Invalid input.type '{}'; must be one of: text, audio",
                clip(other)
            )));
        }
        None => {
            return Err(invalid(
                "Missing required field: input.type (text or audio)",
            ));
        }
    };
    let wait = match body.get("wait") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(invalid("Invalid wait: must be a boolean")),
    } || query_param(req.query, "wait").is_some_and(|w| w == "true" || w == "1");
    Ok(VideoSpec {
        model,
        agent,
        tenths,
        wait,
    })
}

/// `POST /v1/video/generate`.
pub(crate) fn generate(shared: &Shared, req: &Req<'_>, _: &[&str]) -> Response {
    let speed = shared.config.speed;
    submit(
        shared,
        req,
        "video",
        || parse(req),
        |shared, books, spec, now| {
            let agent = live_agent(books, &spec.agent)?;
            let model = VIDEO_MODELS[spec.model];
            if !renderable(&agent, now).contains(&model) {
                return Err(refuse(
                    409,
                    "MODEL_NOT_GENERATED",
                    format!(
                        "agent {}'s {model} model hasn't been generated yet",
                        agent.id
                    ),
                ));
            }
            let fails = shared.chance(shared.config.fail_rate);
            let job = Job::mint(
                &agent.id,
                now,
                spec.model,
                fails,
                spec.tenths,
                shared.random(),
            );
            let settles = job.settles_ms(speed);
            let precharge = VIDEO_PRECHARGE_MINUTES * video_rate(model);
            let refund = if fails {
                Refund {
                    at_ms: settles,
                    credits: precharge,
                    why: "Refund: the talking video failed".into(),
                }
            } else {
                Refund {
                    at_ms: settles,
                    credits: precharge.saturating_sub(job.credits()),
                    why: "Talking video true-up: refund of the pre-charged minutes not rendered"
                        .into(),
                }
            };
            let frames = (!fails).then(|| job.frames());
            books.charge(
                now,
                precharge,
                Charge::video(&agent.id, model, frames, now, settles),
                Some(refund),
                &shared.topup_url(),
            )?;
            books.insert_video(&job.id, &agent.id, now, speed)?;
            if spec.wait {
                let cap = now + SYNC_CAP.as_millis() as u64;
                if settles <= cap {
                    return Ok((job.record(settles, speed, &shared.base), Some(settles)));
                }
                let body = json!({"success": true, "job_id": job.id, "status": "processing"});
                return Ok((body, Some(cap)));
            }
            Ok((
                json!({"success": true, "job_id": job.id, "status": "processing"}),
                None,
            ))
        },
    )
}

/// The job called `id` and the speed it was started at, when this world started it.
fn known_job(shared: &Shared, id: &str) -> Result<Option<(Job, f64)>, Refused> {
    let Some(job) = Job::decode(id) else {
        return Ok(None);
    };
    let speed = shared.read(|books| books.video_speed(id))?;
    Ok(speed.map(|speed| (job, speed)))
}

/// `GET /v1/video/{job_id}`.
pub(crate) fn status(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let id = segments[2];
    match known_job(shared, id) {
        Ok(Some((job, speed))) => json_response(200, &job.record(now_ms(), speed, &shared.base)),
        Ok(None) => error(
            404,
            "NOT_FOUND",
            format!("Video job not found: {}", clip(id)),
        ),
        Err(refused) => *refused,
    }
}

/// `GET /files/videos/{job_id}.mp4`: the placeholder of a completed render.
pub(crate) fn video_file(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let file = segments[2];
    let found = match file.strip_suffix(".mp4").map(|id| known_job(shared, id)) {
        Some(Ok(found)) => found,
        Some(Err(refused)) => return *refused,
        None => None,
    };
    let job = found
        .filter(|(j, speed)| !j.fails && now_ms() >= j.settles_ms(*speed))
        .map(|(j, _)| j);
    let Some(job) = job else {
        return error(404, "NOT_FOUND", format!("File not found: {}", clip(file)));
    };
    let text = format!(
        "BITHUMAN SANDBOX PLACEHOLDER\njob: {}\nagent: {}\nmodel: {}\nduration_seconds: {:.1}\n\
         note: served by the bitHuman sandbox, an offline emulator; this is not a real video.\n",
        job.id,
        job.agent,
        job.model,
        job.tenths as f64 / 10.0
    );
    file_response(text.into_bytes(), "video/mp4", file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_ids_round_trip_and_price() {
        let job = Job::mint(
            "A0VRBS2SBCBQSR1S8VR",
            1_787_000_000_123,
            3,
            true,
            1200,
            0xABC,
        );
        let back = Job::decode(&job.id).expect("decodes");
        assert_eq!(
            (
                back.agent.as_str(),
                back.created_ms,
                back.model,
                back.fails,
                back.tenths
            ),
            (
                "A0VRBS2SBCBQSR1S8VR",
                1_787_000_000_123,
                "essence-2-max",
                true,
                1200
            )
        );
        assert_eq!(back.credits(), 16);
        assert!(Job::decode(&job.id.replace("_A0", "_A1")).is_none());
        assert!(Job::decode("vid_3f9a2c1b8e7d4a6f0b21").is_none());
        let short = Job::mint("A1", 0, 0, false, 10, 1);
        assert_eq!(short.credits(), 2);
    }
}
