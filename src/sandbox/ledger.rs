//! Credits: prices, the balance, charges at submit, refunds when a job
//! fails (or a video's pre-charge is trued up), and the usage rows that
//! explain every change.
//!
//! Jobs settle on the clock, so a charge that will be refunded (a job that
//! fails, a video's pre-charge trued up) books its refund at once, dated
//! when the job settles: the balance and the usage list count only rows
//! dated by now, so every process sharing the world sees the same ledger
//! at the same moment without anyone settling it.

use rusqlite::params;
use sha2::{Digest, Sha256};

use super::books::Books;
use super::routes::Refused;
use super::store::StateError;

/// The balance a sandbox starts with unless told otherwise.
pub(crate) const DEFAULT_CREDITS: u64 = 1_000_000;
/// Dynamics generation, flat.
pub(crate) const DYNAMICS_PRICE: u64 = 250;
/// Minutes a talking video is pre-charged (its 120 s maximum).
pub(crate) const VIDEO_PRECHARGE_MINUTES: u64 = 2;

/// One-time credits for creating an agent as `model` (or adding it).
pub(crate) fn creation_price(model: &str) -> u64 {
    match model {
        "essence-2" | "essence-2-max" => 500,
        "expression-2" | "auto" => 2000,
        _ => 250,
    }
}

/// Credits per started minute of talking video rendered as `model`.
pub(crate) fn video_rate(model: &str) -> u64 {
    match model {
        "essence-1" => 2,
        "essence-2-max" => 8,
        _ => 4,
    }
}

/// What a charge is for, as its usage row says.
#[derive(Clone, Debug)]
pub(crate) struct Charge {
    pub activity_type: &'static str,
    pub pricing_code: String,
    pub meaning: String,
    pub agent_code: String,
    pub frames_rendered: Option<u64>,
    pub start_ms: Option<u64>,
    pub end_ms: Option<u64>,
}

fn code(model: &str) -> String {
    model.replace('-', "_")
}

impl Charge {
    fn new(
        activity_type: &'static str,
        pricing_code: String,
        meaning: String,
        agent: &str,
    ) -> Charge {
        Charge {
            activity_type,
            pricing_code,
            meaning,
            agent_code: agent.to_string(),
            frames_rendered: None,
            start_ms: None,
            end_ms: None,
        }
    }

    pub fn agent(agent: &str, model: &str) -> Charge {
        Charge::new(
            "agent_generation",
            format!("agent_generation_{}", code(model)),
            format!("Agent creation ({model})"),
            agent,
        )
    }

    pub fn model_add(agent: &str, model: &str) -> Charge {
        Charge::new(
            "model_add",
            format!("model_add_{}", code(model)),
            format!("Model added to an agent ({model})"),
            agent,
        )
    }

    pub fn dynamics(agent: &str) -> Charge {
        Charge::new(
            "dynamics_generation",
            "dynamics_generation".into(),
            "Dynamics (gesture) generation".into(),
            agent,
        )
    }

    pub fn video(
        agent: &str,
        model: &str,
        frames: Option<u64>,
        start_ms: u64,
        end_ms: u64,
    ) -> Charge {
        Charge {
            frames_rendered: frames,
            start_ms: Some(start_ms),
            end_ms: Some(end_ms),
            ..Charge::new(
                "talking_video",
                format!("talking_video_{}", code(model)),
                format!(
                    "Talking video ({model}): pre-charge of {VIDEO_PRECHARGE_MINUTES} minutes, trued up when rendered"
                ),
                agent,
            )
        }
    }
}

/// Credits given back at `at_ms`, and why.
pub(crate) struct Refund {
    pub at_ms: u64,
    pub credits: u64,
    pub why: String,
}

/// One usage row.
#[derive(Clone, Debug)]
pub(crate) struct Row {
    pub id: String,
    pub charge: Charge,
    pub refund: bool,
    pub credits_change: i64,
    pub created_ms: u64,
}

/// A version-4-shaped UUID for usage row `seq` of a world with `salt`.
fn row_id(salt: i64, seq: i64) -> String {
    let digest = Sha256::new()
        .chain_update(salt.to_be_bytes())
        .chain_update(seq.to_be_bytes())
        .finalize();
    let h = hex::encode(&digest[..16]);
    format!(
        "{}-{}-4{}-a{}-{}",
        &h[..8],
        &h[8..12],
        &h[13..16],
        &h[17..20],
        &h[20..32]
    )
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Books<'_> {
    /// Books one usage row dated `created_ms` (a refund may be dated in the
    /// future: it counts from then on).
    pub(crate) fn push(
        &self,
        charge: &Charge,
        refund: bool,
        credits_change: i64,
        created_ms: u64,
    ) -> Result<(), StateError> {
        self.sql(self.conn.execute(
            "INSERT INTO usage (activity_type, pricing_code, meaning, agent_code, frames, \
             start_ms, end_ms, refund, credits_change, created_ms) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                charge.activity_type,
                charge.pricing_code,
                charge.meaning,
                charge.agent_code,
                charge.frames_rendered.map(to_i64),
                charge.start_ms.map(to_i64),
                charge.end_ms.map(to_i64),
                refund,
                credits_change,
                to_i64(created_ms),
            ],
        ))?;
        Ok(())
    }

    /// The balance at `now_ms`: the starting credits plus every row dated by then.
    pub fn balance(&self, now_ms: u64) -> Result<i64, StateError> {
        self.sql(self.conn.query_row(
            "SELECT (SELECT credits_start FROM world WHERE id = 1) + \
             (SELECT COALESCE(SUM(credits_change), 0) FROM usage WHERE created_ms <= ?1)",
            [to_i64(now_ms)],
            |r| r.get(0),
        ))
    }

    /// Sets the balance at `now_ms` to `credits` (`--credits N`).
    pub fn set_balance(&self, now_ms: u64, credits: u64) -> Result<(), StateError> {
        let booked = self.balance(now_ms)?
            - self.sql(self.conn.query_row(
                "SELECT credits_start FROM world WHERE id = 1",
                [],
                |r| r.get::<_, i64>(0),
            ))?;
        self.sql(self.conn.execute(
            "UPDATE world SET credits_start = ?1 WHERE id = 1",
            [to_i64(credits).saturating_sub(booked)],
        ))?;
        Ok(())
    }

    /// Takes `price` credits now (`402 INSUFFICIENT_BALANCE` when the
    /// balance cannot pay), and books `refund` for when its time comes.
    /// Call inside a write transaction: the check and the charge are one step.
    pub fn charge(
        &self,
        now_ms: u64,
        price: u64,
        charge: Charge,
        refund: Option<Refund>,
        topup_url: &str,
    ) -> Result<(), Refused> {
        let balance = self.balance(now_ms)?;
        if to_i64(price) > balance {
            return Err(insufficient(price, balance, topup_url));
        }
        self.push(&charge, false, -to_i64(price), now_ms)?;
        if let Some(refund) = refund.filter(|r| r.credits > 0) {
            let back = Charge {
                pricing_code: format!("credit_refund_{}", charge.pricing_code),
                meaning: refund.why,
                activity_type: "credit_refund",
                ..charge
            };
            self.push(&back, true, to_i64(refund.credits), refund.at_ms)?;
        }
        Ok(())
    }

    /// Every row dated by `now_ms`, newest first.
    pub fn rows(&self, now_ms: u64) -> Result<Vec<Row>, StateError> {
        let salt: i64 = self.sql(self.conn.query_row(
            "SELECT salt FROM world WHERE id = 1",
            [],
            |r| r.get(0),
        ))?;
        let mut statement = self.sql(self.conn.prepare(
            "SELECT seq, activity_type, pricing_code, meaning, agent_code, frames, start_ms, \
             end_ms, refund, credits_change, created_ms FROM usage WHERE created_ms <= ?1 \
             ORDER BY created_ms DESC, seq DESC",
        ))?;
        let ms = |v: Option<i64>| v.and_then(|v| u64::try_from(v).ok());
        let rows = self.sql(statement.query_map([to_i64(now_ms)], |r| {
            let activity: String = r.get(1)?;
            Ok(Row {
                id: row_id(salt, r.get(0)?),
                charge: Charge {
                    activity_type: activity_name(&activity),
                    pricing_code: r.get(2)?,
                    meaning: r.get(3)?,
                    agent_code: r.get(4)?,
                    frames_rendered: ms(r.get(5)?),
                    start_ms: ms(r.get(6)?),
                    end_ms: ms(r.get(7)?),
                },
                refund: r.get(8)?,
                credits_change: r.get(9)?,
                created_ms: ms(r.get(10)?).unwrap_or(0),
            })
        }))?;
        rows.map(|r| self.sql(r)).collect()
    }
}

/// The `'static` name of a stored activity type.
fn activity_name(stored: &str) -> &'static str {
    [
        "agent_generation",
        "model_add",
        "dynamics_generation",
        "talking_video",
        "credit_refund",
        "live_session",
    ]
    .into_iter()
    .find(|a| *a == stored)
    .unwrap_or("other")
}

/// `402 INSUFFICIENT_BALANCE`, with the `topup_url` the live API adds.
fn insufficient(price: u64, balance: i64, topup_url: &str) -> Refused {
    let body = serde_json::json!({
        "error": {
            "code": "INSUFFICIENT_BALANCE",
            "message": format!(
                "Insufficient credits: this job costs {price} credits and the balance is {balance} \
                 (sandbox: start it with a larger --credits)"
            ),
            "httpStatus": 402,
            "topup_url": topup_url,
        },
        "status": "error",
        "status_code": 402,
    });
    Box::new(super::routes::json_response(402, &body))
}
