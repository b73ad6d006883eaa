//! Dynamics (gestures): `POST /v1/dynamics/generate`,
//! `GET /v1/dynamics/{agent_id}` and their placeholder files.
//!
//! A dynamics job id (`dyn_` + 19 base-36 digits + `_` + agent id, never
//! shown by the API but used in the file URLs) seals its start time and
//! outcome. Which job an agent has (and the speed it was started at) is
//! kept with the agent in the world, so every process sharing it shows the
//! same gestures.

use axum::response::Response;
use serde_json::{Map, Value, json};

use super::codec::{Codec, field, now_ms, scaled_ms};
use super::files::file_response;
use super::ledger::{Charge, DYNAMICS_PRICE, Refund};
use super::models::clip;
use super::routes::{Refused, Req, error, json_object, json_response, live_agent, refuse, submit};
use super::state::Shared;

/// Seconds (speed 1) in `processing`, then until `ready`.
const QUEUED_SECONDS: f64 = 1.0;
pub(crate) const READY_SECONDS: f64 = 5.0;
/// A failing job fails this long (speed 1) after its start.
const FAIL_SECONDS: f64 = 3.0;
/// Gestures every finished job has.
pub(crate) const GESTURES: [&str; 3] = ["wave", "nod", "smile"];

/// Payload, from bit 0: nonce (16), fails (1), start unix ms (44).
const DYNAMICS_IDS: Codec = Codec {
    prefix: "dyn_",
    digits: 19,
    bits: 61,
    salt: b"bithuman-sandbox-dynamics-v1",
};

/// One dynamics job, as its id tells it.
pub(crate) struct Job {
    pub id: String,
    pub agent: String,
    pub start_ms: u64,
    pub fails: bool,
}

impl Job {
    fn mint(agent: &str, start_ms: u64, fails: bool, nonce: u16) -> Job {
        let payload = (u128::from(start_ms & ((1 << 44) - 1)) << 17)
            | (u128::from(fails) << 16)
            | u128::from(nonce);
        Job {
            id: DYNAMICS_IDS.seal(payload, agent),
            agent: agent.to_string(),
            start_ms,
            fails,
        }
    }

    pub fn decode(id: &str) -> Option<Job> {
        let (payload, agent) = DYNAMICS_IDS.open(id)?;
        (!agent.is_empty()).then(|| Job {
            id: id.to_string(),
            agent: agent.to_string(),
            start_ms: field(payload, 17, 44),
            fails: field(payload, 16, 1) == 1,
        })
    }

    pub fn settles_ms(&self, speed: f64) -> u64 {
        let seconds = if self.fails {
            FAIL_SECONDS
        } else {
            READY_SECONDS
        };
        self.start_ms + scaled_ms(seconds, speed)
    }

    pub fn status(&self, now_ms: u64, speed: f64) -> &'static str {
        if now_ms >= self.settles_ms(speed) {
            if self.fails { "failed" } else { "ready" }
        } else if now_ms < self.start_ms + scaled_ms(QUEUED_SECONDS, speed) {
            "processing"
        } else {
            "generating"
        }
    }

    /// The `data` object of `GET /v1/dynamics/{agent_id}`.
    fn data(&self, now_ms: u64, speed: f64, base: &str) -> Value {
        let status = self.status(now_ms, speed);
        let ready = status == "ready";
        let gestures: Map<String, Value> = if ready {
            GESTURES
                .iter()
                .map(|g| {
                    (
                        (*g).to_string(),
                        json!(format!("{base}/files/dynamics/{}/{g}.mp4", self.id)),
                    )
                })
                .collect()
        } else {
            Map::new()
        };
        json!({
            "agent_id": self.agent,
            "url": ready.then(|| format!("{base}/files/dynamics/{}/dynamics.imx", self.id)),
            "status": status,
            "gestures": gestures,
            "error_message": (status == "failed").then_some(
                "dynamics generation failed: sandbox-simulated failure (bithuman sandbox --fail-rate); \
                 the credits were refunded"),
        })
    }
}

/// The body's `agent_id`, after checking the optional fields.
fn parse(req: &Req<'_>) -> Result<String, Refused> {
    let body = json_object(req)?;
    let invalid = |m: &str| refuse(400, "VALIDATION_ERROR", m.to_string());
    let agent = match body.get("agent_id") {
        Some(Value::String(a)) if !a.trim().is_empty() => a.clone(),
        None | Some(Value::Null) | Some(Value::String(_)) => {
            return Err(invalid("Missing required field: agent_id"));
        }
        Some(_) => return Err(invalid("Invalid agent_id: must be a string")),
    };
    match body.get("image_url") {
        None | Some(Value::Null) => {}
        Some(Value::String(u)) if u.starts_with("http://") || u.starts_with("https://") => {}
        Some(_) => return Err(invalid("Invalid image_url: must be a public http(s) URL")),
    }
    match body.get("duration") {
        None | Some(Value::Null) => {}
        Some(Value::Number(n)) if n.as_f64().is_some_and(|d| d > 0.0 && d <= 60.0) => {}
        Some(_) => {
            return Err(invalid(
                "Invalid duration: must be a number of seconds from 1 to 60",
            ));
        }
    }
    // Any other `model` (the retired `kling`, …) is coerced to `seedance`, as the live API does.
    match body.get("model") {
        None | Some(Value::Null | Value::String(_)) => Ok(agent),
        Some(_) => Err(invalid(
            "Invalid model: must be a string (seedance or auto)",
        )),
    }
}

/// `POST /v1/dynamics/generate`. While a job of the agent is running, a new
/// request answers the same start without charging again.
pub(crate) fn generate(shared: &Shared, req: &Req<'_>, _: &[&str]) -> Response {
    let speed = shared.config.speed;
    submit(
        shared,
        req,
        "dynamics",
        || parse(req),
        |shared, books, agent_id, now| {
            let agent = live_agent(books, &agent_id)?;
            if !agent.snapshot_at(now).ready {
                return Err(refuse(
                    409,
                    "AGENT_NOT_READY",
                    format!(
                        "agent {} is not ready: dynamics need a ready agent",
                        agent.id
                    ),
                ));
            }
            let started = json!({
                "success": true,
                "message": "Dynamics generation started",
                "agent_id": agent.id,
                "status": "processing",
            });
            let running = agent
                .dynamics
                .as_deref()
                .and_then(Job::decode)
                .is_some_and(|j| now < j.settles_ms(agent.dynamics_speed));
            if running {
                return Ok((started, None));
            }
            let fails = shared.chance(shared.config.fail_rate);
            let job = Job::mint(&agent.id, now, fails, shared.random());
            let refund = fails.then(|| Refund {
                at_ms: job.settles_ms(speed),
                credits: DYNAMICS_PRICE,
                why: "Refund: dynamics generation failed".into(),
            });
            books.charge(
                now,
                DYNAMICS_PRICE,
                Charge::dynamics(&agent.id),
                refund,
                &shared.topup_url(),
            )?;
            let mut agent = agent;
            agent.dynamics = Some(job.id);
            agent.dynamics_speed = speed;
            books.insert_agent(&agent)?;
            Ok((started, None))
        },
    )
}

/// `GET /v1/dynamics/{agent_id}`.
pub(crate) fn status(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let id = segments[2];
    let agent = match shared.read(|books| live_agent(books, id)) {
        Ok(agent) => agent,
        Err(refused) => return *refused,
    };
    let data = match agent.dynamics.as_deref().and_then(Job::decode) {
        Some(job) => job.data(now_ms(), agent.dynamics_speed, &shared.base),
        None => {
            json!({"agent_id": agent.id, "url": null, "status": "ready", "gestures": {}, "error_message": null})
        }
    };
    json_response(200, &json!({"success": true, "data": data}))
}

/// `GET /files/dynamics/{job}/{gesture}.mp4` and `…/dynamics.imx`.
pub(crate) fn dynamics_file(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let (id, file) = (segments[2], segments[3]);
    let known = GESTURES
        .iter()
        .any(|g| file.strip_suffix(".mp4") == Some(g))
        || file == "dynamics.imx";
    // Only the agent's current job, in this world, at the speed it was started at.
    let owner = Job::decode(id).map(|j| shared.agent(&j.agent));
    let speed = match owner {
        Some(Ok(Some(agent))) if !agent.deleted && agent.dynamics.as_deref() == Some(id) => {
            Some(agent.dynamics_speed)
        }
        Some(Err(e)) => return *Refused::from(e),
        _ => None,
    };
    let job = Job::decode(id)
        .zip(speed)
        .filter(|(j, speed)| known && j.status(now_ms(), *speed) == "ready")
        .map(|(j, _)| j);
    let Some(job) = job else {
        return error(404, "NOT_FOUND", format!("File not found: {}", clip(file)));
    };
    let text = format!(
        "BITHUMAN SANDBOX PLACEHOLDER\nagent: {}\ndynamics: {}\nfile: {file}\n\
         note: served by the bitHuman sandbox, an offline emulator; this is not a real video.\n",
        job.agent, job.id
    );
    let mime = if file.ends_with(".mp4") {
        "video/mp4"
    } else {
        "application/octet-stream"
    };
    file_response(text.into_bytes(), mime, file)
}
