//! `POST /v1/agent/{id}/models`: adding a model to a ready agent.
//!
//! `expression-1` is enabled at once and free; the others build for
//! [`ADD_SECONDS`] (at speed 1) and then show in the agent's
//! `supported_models` (`essence-2` with `essence-2-max`), or fail under
//! `--fail-rate` (refunded). Adds are kept with the agent in the world.

use axum::response::Response;
use serde_json::{Value, json};

use super::agents::{ModelState, families};
use super::codec::scaled_ms;
use super::ledger::{Charge, Refund, creation_price};
use super::routes::{Refused, Req, json_object, live_agent, refuse, submit};
use super::state::Shared;

/// Seconds (speed 1) an add takes to build.
pub(crate) const ADD_SECONDS: f64 = 6.0;

/// Models `POST /v1/agent/{id}/models` accepts.
pub(crate) const ADDABLE: [&str; 4] = ["essence-1", "essence-2", "expression-1", "expression-2"];

/// One model added to an agent.
#[derive(Clone, Debug)]
pub(crate) struct ModelAdd {
    pub model: &'static str,
    pub start_ms: u64,
    /// Built at once (`expression-1`).
    pub instant: bool,
    pub fails: bool,
    /// The time factor the add was started at.
    pub speed: f64,
}

impl ModelAdd {
    /// Unix ms the add settles (ready or failed).
    pub fn settles_ms(&self) -> u64 {
        if self.instant {
            self.start_ms
        } else {
            self.start_ms + scaled_ms(ADD_SECONDS, self.speed)
        }
    }

    pub fn state(&self, now_ms: u64) -> ModelState {
        if now_ms < self.settles_ms() {
            ModelState::Pending
        } else if self.fails {
            ModelState::Failed(format!(
                "{} build failed: sandbox-simulated failure (bithuman sandbox --fail-rate); \
                 the credits were refunded",
                self.model
            ))
        } else {
            ModelState::Ready
        }
    }
}

/// `POST /v1/agent/{id}/models`.
pub(crate) fn add_model(shared: &Shared, req: &Req<'_>, segments: &[&str]) -> Response {
    let id = segments[2];
    let speed = shared.config.speed;
    submit(
        shared,
        req,
        "models",
        || requested_model(req),
        |shared, books, model, now| {
            let agent = live_agent(books, id)?;
            refusal(&agent, id, model, now)?;
            let (supported, states) = agent.launchable(now);
            let answer = |status: &str, credits: u64, supported: &[&str], message: String| {
                (added(id, model, status, credits, supported, message), None)
            };
            if supported.contains(&model) {
                return Ok(answer(
                    "ready",
                    0,
                    &supported,
                    format!("{model} is already available for agent {id}; nothing was charged"),
                ));
            }
            if states
                .iter()
                .any(|(f, s)| *f == model && *s == ModelState::Pending)
            {
                return Ok(answer(
                    "processing",
                    0,
                    &supported,
                    format!(
                        "{model} is already being added to agent {id}; nothing more was charged"
                    ),
                ));
            }
            let instant = model == "expression-1";
            let price = if instant { 0 } else { creation_price(model) };
            let fails = !instant && shared.chance(shared.config.fail_rate);
            let add = ModelAdd {
                model,
                start_ms: now,
                instant,
                fails,
                speed,
            };
            if price > 0 {
                books.charge(
                    now,
                    price,
                    Charge::model_add(id, model),
                    fails.then(|| Refund {
                        at_ms: add.settles_ms(),
                        credits: price,
                        why: format!("Refund: adding {model} failed"),
                    }),
                    &shared.topup_url(),
                )?;
            }
            let mut agent = agent;
            agent.adds.retain(|a| !families(model).contains(&a.model));
            agent.adds.push(add);
            books.insert_agent(&agent)?;
            let (supported, _) = agent.launchable(now);
            Ok(if instant {
                answer(
                    "ready",
                    0,
                    &supported,
                    format!("{model} enabled for agent {id} at no charge"),
                )
            } else {
                answer(
                    "processing",
                    price,
                    &supported,
                    format!(
                        "Adding {model} to agent {id}: poll GET /v1/agent/{id} until supported_models lists it"
                    ),
                )
            })
        },
    )
}

/// The API's refusals of a model add for the agent's state or subject.
fn refusal(agent: &super::agents::Agent, id: &str, model: &str, now: u64) -> Result<(), Refused> {
    if !agent.snapshot_at(now).ready {
        return Err(refuse(
            409,
            "AGENT_NOT_READY",
            format!(
                "agent {id} is not ready (it is still generating, or it failed): \
                 models can only be added to a ready agent"
            ),
        ));
    }
    if model == "essence-2" && agent.cartoon {
        return Err(refuse(
            422,
            "MODEL_SUBJECT_MISMATCH",
            "essence-2 requires a photorealistic human subject; this image looks like a \
             cartoon — use expression-2",
        ));
    }
    Ok(())
}

/// The answer to a model add.
fn added(
    id: &str,
    model: &str,
    status: &str,
    credits: u64,
    supported: &[&str],
    message: String,
) -> Value {
    json!({
        "success": true,
        "agent_id": id,
        "model": model,
        "status": status,
        "credits": credits,
        "supported_models": supported,
        "message": message,
    })
}

/// The body's `model`, one of [`ADDABLE`].
fn requested_model(req: &Req<'_>) -> Result<&'static str, Refused> {
    let body = json_object(req)?;
    let invalid = |what: String| {
        refuse(
            400,
            "VALIDATION_ERROR",
            format!("{what}; must be one of: {}", ADDABLE.join(", ")),
        )
    };
    match body.get("model") {
        None | Some(Value::Null) => Err(invalid("Missing required field: model".into())),
        Some(Value::String(m)) => ADDABLE
            .iter()
            .find(|a| **a == m.as_str())
            .copied()
            .ok_or_else(|| invalid(format!("Invalid model '{}'", clip(m)))),
        Some(_) => Err(invalid("Invalid model: must be a string".into())),
    }
}

/// At most 100 characters of client text, for messages.
pub(crate) fn clip(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(100).collect()
}
