//! Webhooks (API-NOTES §14): managing an account's webhooks, reading the
//! events the API delivers to them, and [`verify`]ing a delivery's signature
//! (HMAC-SHA256 over `timestamp "." raw body`, keyed with the whole
//! `whsec_…` secret, compared in constant time, within a time window).

use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::{Answer, Method, ReqBody, Request, Tries};
use crate::media::StreamBody;
use hmac::{KeyInit, Mac};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

/// The events a webhook can subscribe to (an empty list means all of them).
pub const EVENTS: [&str; 4] = [
    "agent.ready",
    "agent.failed",
    "video.completed",
    "video.failed",
];

/// How far a delivery's timestamp may be from the receiver's clock, either
/// way: the API's own example rejects `abs(now - ts) > 300`.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

/// Header naming the event (`agent.ready`).
pub const EVENT_HEADER: &str = "X-BitHuman-Event";
/// Header with the delivery id (equal to the body's `id`).
pub const DELIVERY_HEADER: &str = "X-BitHuman-Delivery";
/// Header with the unix seconds the signature covers.
pub const TIMESTAMP_HEADER: &str = "X-BitHuman-Timestamp";
/// Header with `sha256=<lowercase hex>`.
pub const SIGNATURE_HEADER: &str = "X-BitHuman-Signature";

/// A webhook's signing secret (`whsec_…`). `Debug` never shows it.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct WebhookSecret(String);

impl WebhookSecret {
    /// Wraps a secret.
    pub fn new(secret: String) -> Self {
        Self(secret)
    }
    /// The secret itself, for [`verify`] or the one print at creation.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebhookSecret(***)")
    }
}

/// A webhook as listed (its secret is never sent again after creation).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Webhook {
    /// Its id (a UUID).
    pub id: String,
    /// Where events are delivered.
    pub url: String,
    /// The events it receives; empty means all.
    #[serde(default)]
    pub events: Vec<String>,
    /// The user's note.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether deliveries are made.
    #[serde(default = "yes")]
    pub active: bool,
    /// When it was created.
    #[serde(default)]
    pub created_at: Option<String>,
    /// When it last changed.
    #[serde(default)]
    pub updated_at: Option<String>,
}

fn yes() -> bool {
    true
}

/// A webhook just created, with the signing secret the API shows only once.
#[derive(Clone, Debug, Deserialize)]
#[non_exhaustive]
pub struct WebhookWithSecret {
    /// The webhook.
    #[serde(flatten)]
    pub webhook: Webhook,
    /// The signing secret (`whsec_…`).
    pub secret: WebhookSecret,
}

/// One event's delivery record (`GET /v1/webhooks/{id}/deliveries`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Delivery {
    /// Its id.
    pub id: String,
    /// The event delivered.
    #[serde(default)]
    pub event_type: String,
    /// The receiver's last HTTP status; `None` after a network error or timeout.
    #[serde(default)]
    pub status_code: Option<u16>,
    /// Attempts made.
    #[serde(default)]
    pub attempts: u32,
    /// Whether an attempt got a 2xx.
    #[serde(default)]
    pub delivered: bool,
    /// When the event was first sent.
    #[serde(default)]
    pub created_at: Option<String>,
    /// When the last attempt was made.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// What `POST /v1/webhooks/{id}/test` (one `ping` event) came to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TestDelivery {
    /// Whether the receiver answered 2xx.
    pub delivered: bool,
    /// The receiver's last HTTP status, if it answered.
    #[serde(default)]
    pub status_code: Option<u16>,
    /// Attempts made.
    #[serde(default)]
    pub attempts: u32,
}

/// A delivered event: the body of a webhook request (API-NOTES §14.2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// The delivery id (`evt_…`), the same on every retry of one event.
    pub id: String,
    /// `agent.ready`, `video.completed`, … (new kinds may appear).
    pub event: String,
    /// Unix seconds.
    #[serde(default)]
    pub created: Option<i64>,
    /// The event's data, as sent.
    #[serde(default)]
    pub data: Value,
}

impl Event {
    /// Parses a delivery's raw body.
    pub fn parse(body: &[u8]) -> std::result::Result<Event, serde_json::Error> {
        serde_json::from_slice(body)
    }

    /// The agent the event is about (`data.agent_id`, else `data.code`).
    pub fn agent_id(&self) -> Option<&str> {
        ["agent_id", "code"]
            .iter()
            .find_map(|k| self.data.get(*k).and_then(Value::as_str))
    }

    /// The video job the event is about (`data.job_id`).
    pub fn job_id(&self) -> Option<&str> {
        self.data.get("job_id").and_then(Value::as_str)
    }
}

pub use crate::error::WebhookInputError;

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
/// Refuses an id that is not a UUID (8-4-4-4-12 hex digits), so it is one
/// safe path segment with nothing to encode.
pub fn validate_webhook_id(id: &str) -> std::result::Result<(), WebhookInputError> {
    let groups: Vec<&str> = id.split('-').collect();
    let shape = [8, 4, 4, 4, 12];
    let ok = groups.len() == shape.len()
        && groups
            .iter()
            .zip(shape)
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()));
    if ok {
        Ok(())
    } else {
        Err(WebhookInputError::Id(crate::sanitize::sanitize_line(id)))
    }
}

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
/// Refuses a delivery URL that is not `http(s)://host…`.
pub fn validate_webhook_url(url: &str) -> std::result::Result<(), WebhookInputError> {
    let bad = |reason| WebhookInputError::Url {
        url: crate::sanitize::sanitize_line(url),
        reason,
    };
    let parsed = url::Url::parse(url).map_err(|_| bad("not a URL"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(bad("it must start with https:// (or http://)"));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(bad("it has no host"));
    }
    Ok(())
}

/// Refuses event names not in [`EVENTS`].
pub fn validate_events<S: AsRef<str>>(events: &[S]) -> std::result::Result<(), WebhookInputError> {
    match events.iter().find(|e| !EVENTS.contains(&e.as_ref())) {
        Some(e) => Err(WebhookInputError::Event(crate::sanitize::sanitize_line(
            e.as_ref(),
        ))),
        None => Ok(()),
    }
}

/// How many times `create_webhook` retries a 429 (the only refusal that
/// surely created nothing).
const CREATE_TRIES: u32 = 5;

impl Client {
    /// `POST /v1/webhooks`: a new webhook delivering `events` (empty: all)
    /// to `url`. The answer's secret is shown by the API this once.
    ///
    /// Not retried after a 5xx or a lost answer, unlike other calls: the
    /// API has no idempotency key for webhooks, and a second webhook would
    /// deliver every event twice. Only a 429 is tried again.
    pub async fn create_webhook<S: AsRef<str>>(
        &self,
        url: &str,
        events: &[S],
        description: Option<&str>,
    ) -> Result<WebhookWithSecret> {
        validate_webhook_url(url)?;
        validate_events(events)?;
        let events: Vec<&str> = events.iter().map(AsRef::as_ref).collect();
        let mut body = json!({ "url": url, "events": events });
        if let Some(d) = description {
            body["description"] = Value::from(d);
        }
        let mut tries = 0;
        loop {
            tries += 1;
            let sent = self
                .webhook_call(Method::POST, "/v1/webhooks", Some(&body), Tries::Bounded(1))
                .await;
            match sent {
                Err(Error::Api(e)) if e.status == 429 && tries < CREATE_TRIES => {
                    let pause = e.retry_after.unwrap_or(Duration::from_secs(1));
                    self.sleep(pause.min(Duration::from_secs(60))).await?;
                }
                other => return other,
            }
        }
    }

    /// `GET /v1/webhooks`: the account's webhooks (secrets redacted by the API).
    pub async fn list_webhooks(&self) -> Result<Vec<Webhook>> {
        self.webhook_call(Method::GET, "/v1/webhooks", None, self.one_shot())
            .await
    }

    /// `GET /v1/webhooks/{id}`.
    pub async fn webhook(&self, id: &str) -> Result<Webhook> {
        validate_webhook_id(id)?;
        let path = format!("/v1/webhooks/{id}");
        self.webhook_call(Method::GET, &path, None, self.one_shot())
            .await
    }

    /// `DELETE /v1/webhooks/{id}`.
    pub async fn delete_webhook(&self, id: &str) -> Result<()> {
        validate_webhook_id(id)?;
        let path = format!("/v1/webhooks/{id}");
        let req = request(Method::DELETE, &path, None);
        self.http()
            .send(&req, self.one_shot(), |answer| {
                match answer.json()?.get("deleted") {
                    Some(Value::Bool(false)) => {
                        Err(answer.unexpected("the answer says it was not deleted"))
                    }
                    _ => Ok(()),
                }
            })
            .await
    }

    /// `POST /v1/webhooks/{id}/test`: the API sends one `ping` event.
    pub async fn test_webhook(&self, id: &str) -> Result<TestDelivery> {
        validate_webhook_id(id)?;
        let path = format!("/v1/webhooks/{id}/test");
        self.webhook_call(Method::POST, &path, None, self.one_shot())
            .await
    }

    /// `GET /v1/webhooks/{id}/deliveries`: most recent first.
    pub async fn deliveries(&self, id: &str) -> Result<Vec<Delivery>> {
        validate_webhook_id(id)?;
        let path = format!("/v1/webhooks/{id}/deliveries");
        self.webhook_call(Method::GET, &path, None, self.one_shot())
            .await
    }

    // One call whose answer's `data` is a `T`.
    async fn webhook_call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        tries: Tries,
    ) -> Result<T> {
        let req = request(method, path, body);
        self.http().send(&req, tries, data_of).await
    }
}

fn request<'a>(method: Method, path: &'a str, body: Option<&Value>) -> Request<'a> {
    Request {
        method,
        path,
        query: &[],
        body: body.map_or(ReqBody::None, |b| {
            ReqBody::Stream(StreamBody::json(b), None)
        }),
        idempotency_key: None,
        timeout: None,
    }
}

// The `data` of `{"success": true, "data": …}` as a `T`. The message never
// quotes the body: a create answer holds the secret.
fn data_of<T: DeserializeOwned>(answer: &Answer) -> Result<T> {
    let mut v = answer.json()?;
    let data = v
        .get_mut("data")
        .map(Value::take)
        .ok_or_else(|| answer.unexpected("no data in the answer"))?;
    serde_json::from_value(data)
        .map_err(|e| answer.unexpected(&format!("the data is not as documented: {e}")))
}

/// Why a delivery was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The signature header is not `sha256=` and 64 hex digits.
    #[error("the signature header is malformed: it must be sha256= and 64 hex digits")]
    MalformedSignature,
    /// The timestamp header is not unix seconds.
    #[error("the timestamp header is malformed: it must be unix seconds")]
    MalformedTimestamp,
    /// The timestamp is outside the tolerance window.
    #[error(
        "the timestamp is {}s {} this machine's clock, past the {}s tolerance",
        skew.as_secs(),
        if *in_future { "ahead of" } else { "behind" },
        tolerance.as_secs()
    )]
    Stale {
        /// How far off it is.
        skew: Duration,
        /// True when it is ahead of the clock.
        in_future: bool,
        /// The window it missed.
        tolerance: Duration,
    },
    /// The signature does not match the body, timestamp and secret.
    #[error("the signature does not match (wrong secret, or the body or timestamp was changed)")]
    BadSignature,
}

/// The `X-BitHuman-Signature` value for `body` sent at `timestamp`:
/// `sha256=` and the lowercase hex HMAC-SHA256, keyed with the whole secret
/// string (prefix included, not base64-decoded), of `timestamp "." body`.
pub fn signature(secret: &str, timestamp: &str, body: &[u8]) -> String {
    format!(
        "sha256={}",
        hex::encode(mac(secret, timestamp, body).finalize().into_bytes())
    )
}

fn mac(secret: &str, timestamp: &str, body: &[u8]) -> HmacSha256 {
    // HMAC takes keys of any length; `new_from_slice` cannot fail for it,
    // and `KeyInit::new` needs a fixed-size key, so the fallible call is
    // kept with an empty-key fallback that can never be reached.
    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| <HmacSha256 as KeyInit>::new(&Default::default()));
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// Checks one delivery: `signature` (the `X-BitHuman-Signature` value) must
/// be the HMAC of `timestamp` (the `X-BitHuman-Timestamp` value, as sent),
/// `"."` and the raw `body` under `secret`, compared in constant time; and
/// `timestamp` must be within `tolerance` of `now`, either way.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// let body = br#"{"id":"evt_1","event":"ping","created":1780417371,"data":{}}"#;
/// let sig = bithuman::webhook::signature("whsec_abc", "1780417371", body);
/// let now = UNIX_EPOCH + Duration::from_secs(1780417400);
/// assert!(bithuman::webhook::verify("whsec_abc", "1780417371", &sig, body, now, Duration::from_secs(300)).is_ok());
/// ```
pub fn verify(
    secret: &str,
    timestamp: &str,
    signature: &str,
    body: &[u8],
    now: SystemTime,
    tolerance: Duration,
) -> std::result::Result<(), VerifyError> {
    let hex_part = signature
        .strip_prefix("sha256=")
        .filter(|h| h.len() == 64)
        .ok_or(VerifyError::MalformedSignature)?;
    let expected = hex::decode(hex_part).map_err(|_| VerifyError::MalformedSignature)?;
    let sent: u64 = Some(timestamp)
        .filter(|t| (1..=20).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|t| t.parse().ok())
        .ok_or(VerifyError::MalformedTimestamp)?;
    // The signature first: a forgery is reported as one whatever its time.
    mac(secret, timestamp, body)
        .verify_slice(&expected)
        .map_err(|_| VerifyError::BadSignature)?;
    // In whole seconds, as the header: no `SystemTime` arithmetic that
    // could overflow on a timestamp near `u64::MAX`.
    let now = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (skew, in_future) = if now >= sent {
        (Duration::from_secs(now - sent), false)
    } else {
        (Duration::from_secs(sent - now), true)
    };
    if skew > tolerance {
        return Err(VerifyError::Stale {
            skew,
            in_future,
            tolerance,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &[u8] = br#"{"id":"evt_a1b2c3","event":"agent.ready","created":1780417371,"data":{"agent_id":"A80HVD8577","code":"A80HVD8577"}}"#;
    // Computed independently with Python's standard library:
    // python3 -c 'import hmac,hashlib; print(hmac.new(b"whsec_test_5f3a9c", b"1780417371." + BODY, hashlib.sha256).hexdigest())'
    // (BODY being the bytes above).
    const EXPECTED: &str = "6ca779c64eb5a9412c85b1bc11dbf8c095cfaec953f124bf32ba76a45adedb35";

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn signatures_match_independent_vectors() {
        assert_eq!(
            signature("whsec_test_5f3a9c", "1780417371", BODY),
            format!("sha256={EXPECTED}")
        );
        // python3 -c 'import hmac,hashlib; print(hmac.new(b"whsec_", b"0.", hashlib.sha256).hexdigest())'
        assert_eq!(
            signature("whsec_", "0", b""),
            "sha256=62fe567b97fbbaeb61fbe2bae7ddb826267c0661a7208b55b316b5d80cc81c3e"
        );
        // A UTF-8 key and a binary body:
        // python3 -c 'import hmac,hashlib; print(hmac.new("whsec_ключ".encode(), b"1700000000."+bytes([0,255,10]), hashlib.sha256).hexdigest())'
        let sig = "sha256=faa70e02acca51ba97fb1493e641771cca22d736374c55fd4a61b8c366061008";
        assert_eq!(signature("whsec_ключ", "1700000000", &[0, 255, 10]), sig);
        assert_eq!(
            verify(
                "whsec_ключ",
                "1700000000",
                sig,
                &[0, 255, 10],
                at(1700000000),
                DEFAULT_TOLERANCE
            ),
            Ok(())
        );
    }

    #[test]
    fn verify_accepts_within_the_window_both_ways() {
        let sig = format!("sha256={EXPECTED}");
        for now in [1780417371, 1780417371 + 300, 1780417371 - 300] {
            assert_eq!(
                verify(
                    "whsec_test_5f3a9c",
                    "1780417371",
                    &sig,
                    BODY,
                    at(now),
                    DEFAULT_TOLERANCE
                ),
                Ok(()),
                "{now}"
            );
        }
    }

    #[test]
    fn verify_refuses_each_way_a_delivery_can_be_wrong() {
        use VerifyError::*;
        let good = format!("sha256={EXPECTED}");
        let (ts, key, t) = ("1780417371", "whsec_test_5f3a9c", 1780417371);
        let stale = |in_future| Stale {
            skew: Duration::from_secs(301),
            in_future,
            tolerance: DEFAULT_TOLERANCE,
        };
        // What, secret, timestamp, signature, body, now, the refusal.
        type Case<'a> = (
            &'a str,
            &'a str,
            &'a str,
            &'a str,
            &'a [u8],
            u64,
            VerifyError,
        );
        let cases: [Case; 15] = [
            (
                "wrong secret",
                "whsec_test_5f3a9d",
                ts,
                &good,
                BODY,
                t,
                BadSignature,
            ),
            // The key is the whole string: stripping the prefix is wrong.
            (
                "prefix stripped",
                "test_5f3a9c",
                ts,
                &good,
                BODY,
                t,
                BadSignature,
            ),
            ("changed body", key, ts, &good, &BODY[1..], t, BadSignature),
            (
                "changed timestamp",
                key,
                "1780417372",
                &good,
                BODY,
                t,
                BadSignature,
            ),
            ("no prefix", key, ts, EXPECTED, BODY, t, MalformedSignature),
            (
                "sha1",
                key,
                ts,
                &good.replace("sha256", "sha1"),
                BODY,
                t,
                MalformedSignature,
            ),
            ("short", key, ts, &good[..70], BODY, t, MalformedSignature),
            (
                "not hex",
                key,
                ts,
                &good.replace('c', "g"),
                BODY,
                t,
                MalformedSignature,
            ),
            ("empty", key, ts, "", BODY, t, MalformedSignature),
            ("words", key, "soon", &good, BODY, t, MalformedTimestamp),
            (
                "signed",
                key,
                "+1780417371",
                &good,
                BODY,
                t,
                MalformedTimestamp,
            ),
            (
                "past u64",
                key,
                "99999999999999999999",
                &good,
                BODY,
                t,
                MalformedTimestamp,
            ),
            ("no timestamp", key, "", &good, BODY, t, MalformedTimestamp),
            ("too old", key, ts, &good, BODY, t + 301, stale(false)),
            ("too new", key, ts, &good, BODY, t - 301, stale(true)),
        ];
        for (what, secret, ts, sig, body, now, want) in cases {
            let got = verify(secret, ts, sig, body, at(now), DEFAULT_TOLERANCE);
            assert_eq!(got, Err(want), "{what}");
        }
    }

    #[test]
    fn verify_says_how_stale_and_never_panics_on_a_huge_timestamp() {
        use VerifyError::*;
        let good = format!("sha256={EXPECTED}");
        let (ts, key, t) = ("1780417371", "whsec_test_5f3a9c", 1780417371);
        // Hex case does not matter to the comparison (the bytes are compared).
        let upper = format!("sha256={}", EXPECTED.to_uppercase());
        assert_eq!(
            verify(key, ts, &upper, BODY, at(t), DEFAULT_TOLERANCE),
            Ok(())
        );
        // Stale says by how much and which way.
        let late = verify(key, ts, &good, BODY, at(t + 400), DEFAULT_TOLERANCE);
        let msg = late.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.contains("400s behind"), "{msg}");
        // The largest timestamp, correctly signed: stale, not a panic.
        let max = u64::MAX.to_string();
        let sig = signature(key, &max, BODY);
        let far = verify(key, &max, &sig, BODY, at(t), DEFAULT_TOLERANCE);
        assert!(
            matches!(
                far,
                Err(Stale {
                    in_future: true,
                    ..
                })
            ),
            "{far:?}"
        );
    }

    #[test]
    fn ids_urls_and_events_are_checked() {
        assert!(validate_webhook_id("3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60").is_ok());
        assert!(validate_webhook_id("3F2B8C1E-5D4A-4E7B-9A0C-1B2C3D4E5F60").is_ok());
        for bad in [
            "",
            "wh_1",
            "../webhooks",
            "3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f6",
            "3f2b8c1e/5d4a-4e7b-9a0c-1b2c3d4e5f60",
            "3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f6g",
            "3f2b8c1e-5d4a-4e7b-9a0c1-b2c3d4e5f60",
            "3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60-",
        ] {
            assert!(validate_webhook_id(bad).is_err(), "{bad:?}");
        }
        assert!(validate_webhook_url("https://example.com/hook").is_ok());
        assert!(validate_webhook_url("http://127.0.0.1:8080/").is_ok());
        for bad in [
            "ftp://example.com/",
            "example.com/hook",
            "file:///etc/passwd",
            "",
        ] {
            assert!(validate_webhook_url(bad).is_err(), "{bad:?}");
        }
        assert!(validate_events(&["agent.ready", "video.failed"]).is_ok());
        assert!(validate_events::<&str>(&[]).is_ok());
        assert_eq!(
            validate_events(&["agent.ready", "agent.done"]),
            Err(WebhookInputError::Event("agent.done".into()))
        );
    }

    #[test]
    fn secrets_are_redacted_from_logged_text() {
        assert_eq!(
            crate::secret::redact_webhook_secrets(
                r#"{"secret":"whsec_Ab-9_x+/=","url":"u"} whsec_"#
            ),
            r#"{"secret":"whsec_***","url":"u"} whsec_***"#
        );
        assert_eq!(
            crate::secret::redact_webhook_secrets("nothing here"),
            "nothing here"
        );
    }

    #[test]
    fn answers_parse_and_the_secret_stays_out_of_debug() {
        let v = json!({"id": "3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60", "url": "https://x/h",
            "events": [], "description": null, "active": true, "secret": "whsec_zzz",
            "created_at": "2026-12-01T00:00:00Z", "updated_at": "2026-12-01T00:00:00Z", "new_field": 1});
        let created: WebhookWithSecret = serde_json::from_value(v).expect("parses");
        assert_eq!(created.secret.expose(), "whsec_zzz");
        assert_eq!(created.webhook.url, "https://x/h");
        assert!(!format!("{created:?}").contains("whsec_zzz"));
        let d: Delivery = serde_json::from_value(json!({"id": "d1", "event_type": "agent.ready",
            "status_code": null, "attempts": 3, "delivered": false}))
        .expect("parses");
        assert_eq!((d.status_code, d.attempts, d.delivered), (None, 3, false));
        let e = Event::parse(BODY).expect("parses");
        assert_eq!(
            (e.event.as_str(), e.agent_id()),
            ("agent.ready", Some("A80HVD8577"))
        );
    }
}
