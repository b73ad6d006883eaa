//! Typed answers of the account and agent-management calls: the fields a
//! program reads, typed, and every other field the server sent kept in
//! `extra`, so an answer turned back into JSON ([`Account::to_json`] and the
//! like) is the object the server sent.
//!
//! A known field is typed only when the server sent it with the expected
//! type; a `null` or a value of another type stays in `extra` as it was
//! sent, so nothing is lost or changed on the way back. Numbers the server
//! may send as integers or decimals are [`Number`]s, which keep them as sent.

use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

// Moves `key` out of `fields` when it holds a `T` (not `null`).
fn take<T: DeserializeOwned>(fields: &mut Map<String, Value>, key: &str) -> Option<T> {
    let typed = match fields.get(key) {
        None | Some(Value::Null) => return None,
        Some(v) => serde_json::from_value(v.clone()).ok()?,
    };
    fields.remove(key);
    Some(typed)
}

// A server object: typed optional fields plus the rest, read from any JSON
// object and written back as it came.
macro_rules! server_object {
    ($(#[$meta:meta])* pub struct $name:ident {
        $( $(#[$doc:meta])* $field:ident: $ty:ty, )*
    }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(from = "Map<String, Value>")]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$doc])*
            #[serde(skip_serializing_if = "Option::is_none")]
            pub $field: Option<$ty>, )*
            /// Every other field, as the server sent it.
            #[serde(flatten)]
            pub extra: Map<String, Value>,
        }

        impl From<Map<String, Value>> for $name {
            fn from(mut extra: Map<String, Value>) -> Self {
                $( let $field = take(&mut extra, stringify!($field)); )*
                Self { $( $field, )* extra }
            }
        }

        impl $name {
            /// The object as the server sent it (keys sorted, as every
            /// `serde_json` object here is).
            pub fn to_json(&self) -> Map<String, Value> {
                match serde_json::to_value(self) {
                    Ok(Value::Object(fields)) => fields,
                    // Not reached: the fields are plain JSON values.
                    _ => self.extra.clone(),
                }
            }
        }
    };
}

server_object! {
    /// The account (`GET /v1/me`'s `data`): plan, balances, status.
    pub struct Account {
        /// `user_id`: the id the v2 session routes are under.
        user_id: String,
        /// `email`.
        email: String,
        /// `plan`: the plan's name (e.g. `Pro`).
        plan: String,
        /// `plan_code` (e.g. `membership_pro`).
        plan_code: String,
        /// `credit_balance`: all credits left.
        credit_balance: Number,
        /// `plan_credits_remaining`: the plan's credits left this period.
        plan_credits_remaining: Number,
        /// `topup_credits_remaining`: bought credits left.
        topup_credits_remaining: Number,
        /// `account_status` (e.g. `active`).
        account_status: String,
    }
}

server_object! {
    /// One agent of `GET /v1/agents`.
    pub struct AgentSummary {
        /// `agent_id`.
        agent_id: String,
        /// `code`: the agent's id in older answers.
        code: String,
        /// `name`.
        name: String,
        /// `model`.
        model: String,
        /// `status` (`processing`, `ready`, `failed`, …).
        status: String,
        /// `created_at` (ISO 8601).
        created_at: String,
        /// `image_url`.
        image_url: String,
        /// `model_url`.
        model_url: String,
        /// `video_url`.
        video_url: String,
    }
}

impl AgentSummary {
    /// The agent's id: `agent_id`, or `code` in older answers.
    pub fn id(&self) -> Option<&str> {
        self.agent_id.as_deref().or(self.code.as_deref())
    }
}

server_object! {
    /// One row of the credit history (`GET /v1/usage`).
    pub struct UsageRow {
        /// `activity_type`.
        activity_type: String,
        /// `pricing_code`.
        pricing_code: String,
        /// `pricing_code_meaning`: what was billed, in words.
        pricing_code_meaning: String,
        /// `source`: the channel (e.g. `api`).
        source: String,
        /// `agent_code`: the agent billed for.
        agent_code: String,
        /// `credits_change`: negative for a charge, positive for a refund.
        credits_change: Number,
        /// `start_time` (ISO 8601).
        start_time: String,
        /// `end_time` (ISO 8601).
        end_time: String,
        /// `created_at` (ISO 8601).
        created_at: String,
    }
}

server_object! {
    /// The answer to an agent update (`POST /v1/agent/{id}`) or deletion
    /// (`DELETE /v1/agent/{id}`).
    pub struct AgentChange {
        /// `agent_code`: the agent changed.
        agent_code: String,
        /// `updated`, sent by an update.
        updated: bool,
        /// `deleted`, sent by a deletion.
        deleted: bool,
        /// `message`, when sent.
        message: String,
    }
}

server_object! {
    /// The price list (`GET /v1/pricing`'s `data`); [`Pricing::agent`] and
    /// the like price a job from it.
    pub struct Pricing {
        /// `agent_generation`: creating an agent.
        agent_generation: AgentPrices,
        /// `talking_video`: a talking video, a minute.
        talking_video: VideoRates,
        /// `dynamics_generation`: gestures.
        dynamics_generation: FlatPrice,
    }
}

server_object! {
    /// `agent_generation` of the price list.
    pub struct AgentPrices {
        /// `by_model`: credits an agent, by model (values as sent: a lookup
        /// checks each one).
        by_model: Map<String, Value>,
    }
}

server_object! {
    /// `talking_video` of the price list.
    pub struct VideoRates {
        /// `rates`: credits a minute, by model (values as sent).
        rates: Map<String, Value>,
    }
}

server_object! {
    /// `dynamics_generation` of the price list.
    pub struct FlatPrice {
        /// `flat`: credits a job.
        flat: Number,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn answers_keep_what_the_server_sent() {
        let sent = json!({
            "user_id": "u1", "plan": null, "plan_code": 7, "credit_balance": 12.50,
            "plan_credits_remaining": 3, "topup_credits_remaining": "0", "new_field": [1]
        });
        let Value::Object(fields) = sent.clone() else {
            panic!("an object")
        };
        let account: Account = serde_json::from_value(sent.clone()).expect("any object reads");
        assert_eq!(account.user_id.as_deref(), Some("u1"));
        assert_eq!(account.plan, None);
        assert_eq!(account.plan_code, None);
        assert_eq!(
            account.credit_balance.as_ref().map(ToString::to_string),
            Some("12.5".into())
        );
        assert_eq!(account.topup_credits_remaining, None);
        assert_eq!(account.to_json(), fields);
        assert_eq!(serde_json::to_value(&account).expect("json"), sent);
        assert!(serde_json::from_value::<Account>(json!([1])).is_err());
    }
}

server_object! {
    /// One session as `session show` reads it: `GET /v1/runtime-sessions/{id}`
    /// for a `cs_…` id, or the session's entry in the account's list for a
    /// UUID (then its fields are the list's: `id`, `agent_code`, `minutes`…).
    pub struct SessionDetail {
        /// `session_id`: the `cs_…` id.
        session_id: String,
        /// `id`: the UUID (list entries).
        id: String,
        /// `status` (`live`, `ended`, …).
        status: String,
        /// `agent_id` (`agent_code` in list entries).
        agent_id: String,
        /// `model`.
        model: String,
        /// `room_name`.
        room_name: String,
        /// `started_at`.
        started_at: String,
        /// `ended_at`.
        ended_at: String,
        /// `billed_seconds`, as sent.
        billed_seconds: Number,
        /// `credits`, as sent.
        credits: Number,
    }
}
