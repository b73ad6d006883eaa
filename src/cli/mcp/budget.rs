//! The spending cap of one MCP server (SPEC §17): `bithuman mcp
//! --max-credits N` bounds what all billed tool calls together may spend,
//! and a billed tool's `max_credits` argument bounds that one call. A call
//! is priced from `GET /v1/pricing` (free) — as `generate --max-credits`
//! prices it — and refused with `BUDGET_EXCEEDED` before anything billed is
//! sent when it would pass a cap, or when it cannot be priced (fail closed).
//! A retry with an idempotency key this server already counted cannot bill
//! again, so it is not counted twice.

use super::super::exit::{CliError, Kind, from_lib};
use bithuman::blocking::Client;
use bithuman::{Price, Pricing};
use std::collections::HashSet;
use std::sync::{Mutex, PoisonError};

/// The server's cap and what its calls have spent or reserved so far.
#[derive(Debug, Default)]
pub struct Budget {
    cap: Option<u64>,
    state: Mutex<Spent>,
}

#[derive(Debug, Default)]
struct Spent {
    credits: u64,
    /// Idempotency keys whose credits are counted.
    keys: HashSet<String>,
}

/// Credits set aside for one call; given back when the call surely billed
/// nothing.
#[must_use]
pub struct Reservation<'a> {
    budget: &'a Budget,
    credits: u64,
    key: String,
}

impl Reservation<'_> {
    /// The call billed nothing (refused by the API, an idempotent replay):
    /// its credits no longer count.
    pub fn release(self) {
        let mut spent = self.budget.lock();
        spent.credits = spent.credits.saturating_sub(self.credits);
        spent.keys.remove(&self.key);
    }
}

fn over(message: String) -> CliError {
    CliError::new(Kind::NoPermission, message)
        .with_code("BUDGET_EXCEEDED")
        .with_hint(
            "raise --max-credits or max_credits, or choose a cheaper model (see the pricing tool)",
        )
}

impl Budget {
    pub fn new(cap: Option<u64>) -> Self {
        Self {
            cap,
            state: Mutex::new(Spent::default()),
        }
    }

    // A panic while holding the lock cannot leave the number half-written.
    fn lock(&self) -> std::sync::MutexGuard<'_, Spent> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Prices the call (`what`, `price_of`, idempotency `key`) when a cap
    /// applies and reserves its credits; `None` when no cap applies or the
    /// key is already counted (nothing is asked).
    pub fn reserve(
        &self,
        client: &Client,
        call_cap: Option<u64>,
        price_of: impl FnOnce(&Pricing) -> Option<Price>,
        what: &str,
        key: &str,
    ) -> Result<Option<Reservation<'_>>, CliError> {
        if (self.cap.is_none() && call_cap.is_none()) || self.lock().keys.contains(key) {
            return Ok(None);
        }
        let pricing = client.pricing().map_err(|e| from_lib(&e))?;
        let price = price_of(&pricing).ok_or_else(|| {
            over(format!(
                "cannot price the {what}: the pricing does not list it, so the credit cap cannot be checked; nothing was sent"
            ))
        })?;
        if let Some(max) = call_cap
            && price.credits > max
        {
            return Err(over(format!(
                "the {what} costs {} credits ({}), over max_credits {max}; nothing was sent",
                price.credits, price.basis
            )));
        }
        let mut spent = self.lock();
        if let Some(cap) = self.cap {
            // Overflow counts as over the cap.
            if spent
                .credits
                .checked_add(price.credits)
                .is_none_or(|t| t > cap)
            {
                return Err(over(format!(
                    "the {what} costs {} credits ({}); this server already spent or reserved {} of its --max-credits {cap}; nothing was sent",
                    price.credits, price.basis, spent.credits
                )));
            }
        }
        spent.credits = spent.credits.saturating_add(price.credits);
        spent.keys.insert(key.to_string());
        Ok(Some(Reservation {
            budget: self,
            credits: price.credits,
            key: key.to_string(),
        }))
    }
}

/// True when a failed billed call surely created nothing: the API refused it
/// (4xx), or it failed before the billed request (a local file, an upload,
/// an id). A network failure or 5xx may have billed, so it keeps counting.
pub fn surely_unbilled(e: &bithuman::Error) -> bool {
    match e {
        bithuman::Error::Api(api) => (400..500).contains(&api.status),
        bithuman::Error::Upload { .. }
        | bithuman::Error::Media(_)
        | bithuman::Error::InvalidId(_)
        | bithuman::Error::InvalidBaseUrl { .. }
        | bithuman::Error::HeaderValue { .. }
        | bithuman::Error::Setup { .. }
        | bithuman::Error::JournaledFileChanged { .. }
        | bithuman::Error::BlockingInRuntime => true,
        _ => false,
    }
}
