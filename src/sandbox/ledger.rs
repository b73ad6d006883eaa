//! Credits: prices, the balance, charges at submit, refunds when a job
//! fails (or a video's pre-charge is trued up), and the usage rows that
//! explain every change.
//!
//! Jobs settle on the clock, so refunds are booked lazily: a charge may
//! leave a [`Refund`] due at a later instant, and every read of the ledger
//! first books the refunds whose time has come (dated when they fell due).
//! The ledger belongs to one sandbox process.

use std::collections::VecDeque;

use sha2::{Digest, Sha256};

use super::routes::{Refused, error};

/// The balance a sandbox starts with unless told otherwise.
pub(crate) const DEFAULT_CREDITS: u64 = 1_000_000;
/// Dynamics generation, flat.
pub(crate) const DYNAMICS_PRICE: u64 = 250;
/// Minutes a talking video is pre-charged (its 120 s maximum).
pub(crate) const VIDEO_PRECHARGE_MINUTES: u64 = 2;
/// Usage rows kept (the oldest are forgotten; the balance is not affected).
const MAX_ROWS: usize = 10_000;
/// Refunds waiting for their time; past this, billed submits answer 429.
const MAX_PENDING: usize = 200_000;

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
    seq: u64,
}

struct Pending {
    refund: Refund,
    charge: Charge,
}

pub(crate) struct Ledger {
    balance: i64,
    rows: VecDeque<Row>,
    pending: Vec<Pending>,
    seq: u64,
    salt: u64,
    /// Where a `402` sends people: a page on the sandbox's own address.
    topup_url: String,
}

impl Ledger {
    pub fn new(credits: u64, salt: u64, topup_url: String) -> Ledger {
        Ledger {
            balance: i64::try_from(credits).unwrap_or(i64::MAX),
            rows: VecDeque::new(),
            pending: Vec::new(),
            seq: 0,
            salt,
            topup_url,
        }
    }

    fn push(&mut self, charge: Charge, refund: bool, credits_change: i64, created_ms: u64) {
        self.seq += 1;
        let digest = Sha256::new()
            .chain_update(self.salt.to_be_bytes())
            .chain_update(self.seq.to_be_bytes())
            .finalize();
        let h = hex::encode(&digest[..16]);
        // A version-4-shaped UUID.
        let id = format!(
            "{}-{}-4{}-a{}-{}",
            &h[..8],
            &h[8..12],
            &h[13..16],
            &h[17..20],
            &h[20..32]
        );
        self.balance = self.balance.saturating_add(credits_change);
        self.rows.push_back(Row {
            id,
            charge,
            refund,
            credits_change,
            created_ms,
            seq: self.seq,
        });
        while self.rows.len() > MAX_ROWS {
            self.rows.pop_front();
        }
    }

    /// Books every refund due by `now_ms`, in the order they fell due.
    pub fn settle(&mut self, now_ms: u64) {
        if !self.pending.iter().any(|p| p.refund.at_ms <= now_ms) {
            return;
        }
        let (mut due, rest): (Vec<Pending>, Vec<Pending>) = std::mem::take(&mut self.pending)
            .into_iter()
            .partition(|p| p.refund.at_ms <= now_ms);
        self.pending = rest;
        due.sort_by_key(|p| p.refund.at_ms);
        for p in due {
            let charge = Charge {
                pricing_code: format!("credit_refund_{}", p.charge.pricing_code),
                meaning: p.refund.why,
                activity_type: "credit_refund",
                ..p.charge
            };
            let credits = i64::try_from(p.refund.credits).unwrap_or(i64::MAX);
            self.push(charge, true, credits, p.refund.at_ms);
        }
    }

    /// The balance at `now_ms`.
    pub fn balance(&mut self, now_ms: u64) -> i64 {
        self.settle(now_ms);
        self.balance
    }

    /// Takes `price` credits now (`402 INSUFFICIENT_BALANCE` when the
    /// balance cannot pay), and books `refund` when its time comes.
    pub fn charge(
        &mut self,
        now_ms: u64,
        price: u64,
        charge: Charge,
        refund: Option<Refund>,
    ) -> Result<(), Refused> {
        let balance = self.balance(now_ms);
        if i64::try_from(price).map_or(true, |p| p > balance) {
            return Err(insufficient(price, balance, &self.topup_url));
        }
        if refund.is_some() && self.pending.len() >= MAX_PENDING {
            let mut busy = error(
                429,
                "RATE_LIMITED",
                "Too many billed jobs in flight in this sandbox. Retry in ~1s.",
            );
            busy.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(1),
            );
            return Err(Box::new(busy));
        }
        self.push(
            charge.clone(),
            false,
            -i64::try_from(price).unwrap_or(i64::MAX),
            now_ms,
        );
        if let Some(refund) = refund.filter(|r| r.credits > 0) {
            self.pending.push(Pending { refund, charge });
        }
        Ok(())
    }

    /// Every row booked by `now_ms`, newest first.
    pub fn rows(&mut self, now_ms: u64) -> Vec<Row> {
        self.settle(now_ms);
        let mut rows: Vec<Row> = self.rows.iter().cloned().collect();
        rows.sort_by(|a, b| b.created_ms.cmp(&a.created_ms).then(b.seq.cmp(&a.seq)));
        rows
    }
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
