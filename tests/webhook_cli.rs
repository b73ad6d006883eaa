//! Webhooks from the command line (SPEC §16): create/list/show/delete/test/
//! deliveries against scripted API answers, `verify` on bodies and raw
//! requests, and `listen` run as a child process that gets signed,
//! unsigned, stale and duplicate deliveries and forwards to a receiver.

use crate::common;
use common::*;
use serde_json::{Value, json};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const ID: &str = "3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60";
const ID2: &str = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const WHSEC: &str = "whsec_T3stS1gn1ngS3cr3t_0123456789";

fn webhook(id: &str, url: &str) -> Value {
    json!({"id": id, "url": url, "events": ["agent.ready"], "description": "ci",
        "active": true, "created_at": "2026-12-01T10:00:00Z", "updated_at": "2026-12-01T10:00:00Z"})
}

fn created_answer(url: &str) -> String {
    let mut w = webhook(ID, url);
    w["secret"] = Value::from(WHSEC);
    json!({"success": true, "data": w}).to_string()
}

/// The webhook secret must reach stdout only where it is meant to.
fn assert_no_whsec(r: &Run) {
    assert!(
        !r.stdout.contains(WHSEC),
        "webhook secret on stdout:\n{}",
        r.stdout
    );
    assert!(
        !r.stderr.contains(WHSEC),
        "webhook secret on stderr:\n{}",
        r.stderr
    );
}

#[test]
fn create_prints_the_id_and_the_secret_once_and_sends_the_documented_body() {
    let w = World::new();
    w.respond(
        Some("POST"),
        "/v1/webhooks",
        1,
        200,
        &created_answer("https://example.com/h"),
    );
    let r = w.run(&[
        "webhook",
        "create",
        "--url",
        "https://example.com/h",
        "--event",
        "agent.ready",
        "--event",
        "video.failed",
        "--description",
        "ci",
    ]);
    r.code(0);
    assert_eq!(r.stdout, format!("{ID}\n{WHSEC}\n"));
    assert!(r.stderr.contains("shown only once"), "{}", r.stderr);
    assert!(!r.stderr.contains(WHSEC), "{}", r.stderr);
    let sent = w.requests("/v1/webhooks");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].method, "POST");
    assert_eq!(sent[0].header("api-secret"), Some(SECRET));
    assert_eq!(
        sent[0].json().expect("json body"),
        json!({"url": "https://example.com/h", "events": ["agent.ready", "video.failed"], "description": "ci"})
    );

    // --json: one object with the secret; -vv logs the answer without it.
    w.respond(
        Some("POST"),
        "/v1/webhooks",
        1,
        200,
        &created_answer("https://example.com/h"),
    );
    let r = w.run(&[
        "webhook",
        "create",
        "--url",
        "https://example.com/h",
        "--json",
        "-vv",
    ]);
    r.code(0);
    let v = r.json();
    assert_eq!(
        (v["id"].as_str(), v["secret"].as_str()),
        (Some(ID), Some(WHSEC))
    );
    assert_eq!(v["schema_version"], 1);
    assert!(
        r.stderr.contains("whsec_***"),
        "the logged answer: {}",
        r.stderr
    );
    assert!(!r.stderr.contains(WHSEC), "{}", r.stderr);
    assert_eq!(
        w.requests("/v1/webhooks")[1].json().expect("json")["events"],
        json!([])
    );
}

#[test]
fn bad_urls_and_unknown_events_are_usage_errors_before_any_request() {
    let w = World::new();
    for url in ["ftp://example.com/h", "example.com/h", "https://"] {
        let r = w.run(&["webhook", "create", "--url", url]);
        r.code(2);
        assert!(
            r.stderr.contains("invalid webhook URL"),
            "{url}: {}",
            r.stderr
        );
    }
    let r = w.run(&[
        "webhook",
        "create",
        "--url",
        "https://x.example/h",
        "--event",
        "agent.done",
    ]);
    r.code(2);
    assert!(
        r.stderr
            .contains("agent.ready, agent.failed, video.completed, video.failed"),
        "{}",
        r.stderr
    );
    let r = w.run(&["webhook", "show", "../../v1/agents", "--json"]);
    r.code(2);
    r.assert_json_error("INVALID_WEBHOOK_ID", None);
    let r = w.run(&["webhook", "delete", "wh_1", "--yes"]);
    r.code(2);
    assert!(w.requests("/v1/webhooks").is_empty(), "nothing was sent");
}

#[test]
fn a_failed_create_is_not_sent_twice_but_a_rate_limit_is_waited_out() {
    let w = World::new();
    w.respond(
        Some("POST"),
        "/v1/webhooks",
        1,
        503,
        &envelope(503, "SERVICE_UNAVAILABLE", "down"),
    );
    let r = w.run(&["webhook", "create", "--url", "https://example.com/h"]);
    r.code(69);
    assert_eq!(
        w.requests("/v1/webhooks").len(),
        1,
        "a 5xx may have created it: no retry"
    );
    w.fault(
        Some("POST"),
        "/v1/webhooks",
        1,
        bithuman::sandbox::FaultAction::Respond {
            status: 429,
            headers: vec![("retry-after".into(), "0".into())],
            body: envelope(429, "RATE_LIMITED", "slow down"),
        },
    );
    w.respond(
        Some("POST"),
        "/v1/webhooks",
        1,
        200,
        &created_answer("https://example.com/h"),
    );
    let r = w.run(&["webhook", "create", "--url", "https://example.com/h"]);
    r.code(0);
    assert_eq!(w.requests("/v1/webhooks").len(), 3);
}

#[test]
fn list_show_and_deliveries_as_tables_and_json_lines() {
    let w = World::new();
    let list = json!({"success": true, "data": [webhook(ID, "https://a.example/h"), webhook(ID2, "https://b.example/h")]});
    w.respond(Some("GET"), "/v1/webhooks", 2, 200, &list.to_string());
    let r = w.run(&["webhook", "list"]);
    r.code(0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        lines[0].starts_with("ID") && lines[0].contains("URL"),
        "{}",
        r.stdout
    );
    assert!(
        lines[1].contains(ID) && lines[1].contains("https://a.example/h"),
        "{}",
        r.stdout
    );
    assert!(lines[2].contains(ID2), "{}", r.stdout);
    let r = w.run(&["webhook", "list", "--json"]);
    r.code(0);
    let rows = r.json_lines();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[1]["id"].as_str(), rows[1]["schema_version"].as_i64()),
        (Some(ID2), Some(1))
    );
    assert!(rows.iter().all(|row| row.get("secret").is_none()));

    let one = json!({"success": true, "data": webhook(ID, "https://a.example/h")});
    w.respond(
        Some("GET"),
        &format!("/v1/webhooks/{ID}"),
        1,
        200,
        &one.to_string(),
    );
    let r = w.run(&["webhook", "show", ID, "--json"]);
    r.code(0);
    assert_eq!(r.json()["url"], "https://a.example/h");
    let got = w.requests(&format!("/v1/webhooks/{ID}"));
    assert_eq!((got.len(), got[0].method.as_str()), (1, "GET"));

    let deliveries = json!({"success": true, "data": [
        {"id": "d-2", "event_type": "video.failed", "status_code": null, "attempts": 3, "delivered": false, "created_at": "2026-12-02T00:00:00Z"},
        {"id": "d-1", "event_type": "agent.ready", "status_code": 200, "attempts": 1, "delivered": true, "created_at": "2026-12-01T00:00:00Z"}]});
    w.respond(
        Some("GET"),
        &format!("/v1/webhooks/{ID}/deliveries"),
        2,
        200,
        &deliveries.to_string(),
    );
    let r = w.run(&["webhook", "deliveries", ID]);
    r.code(0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        lines[0].contains("EVENT") && lines[0].contains("ATTEMPTS"),
        "{}",
        r.stdout
    );
    assert!(
        lines[1].contains("d-2") && lines[1].contains("video.failed") && lines[1].contains(" no"),
        "{}",
        r.stdout
    );
    assert!(
        lines[2].contains("d-1") && lines[2].contains("200"),
        "{}",
        r.stdout
    );
    let r = w.run(&["webhook", "deliveries", ID, "--json"]);
    r.code(0);
    let rows = r.json_lines();
    assert_eq!(
        (rows[0]["status_code"].clone(), rows[0]["attempts"].as_i64()),
        (Value::Null, Some(3))
    );
}

#[test]
fn an_unknown_webhook_is_66() {
    let w = World::new();
    let missing = envelope(404, "NOT_FOUND", "Webhook not found");
    for args in [
        ["webhook", "show", ID],
        ["webhook", "test", ID],
        ["webhook", "deliveries", ID],
    ] {
        w.respond(None, &format!("/v1/webhooks/{ID}"), 1, 404, &missing);
        let r = w.run(&args);
        r.code(66);
        assert!(r.stderr.contains(ID), "names the webhook: {}", r.stderr);
    }
    w.respond(
        Some("DELETE"),
        &format!("/v1/webhooks/{ID}"),
        1,
        404,
        &missing,
    );
    let r = w.run(&["webhook", "delete", ID, "--yes", "--json"]);
    r.code(66);
    r.assert_json_error("NOT_FOUND", None);
}

#[test]
fn delete_needs_yes_off_a_terminal_and_reports_each_id() {
    let w = World::new();
    let r = w.run(&["webhook", "delete", ID, ID2]);
    r.code(2);
    assert!(r.stderr.contains("needs --yes"), "{}", r.stderr);
    assert!(w.requests("/v1/webhooks").is_empty(), "nothing deleted");
    let ok = json!({"success": true, "deleted": true}).to_string();
    w.respond(Some("DELETE"), "/v1/webhooks/", 2, 200, &ok);
    let r = w.run(&["webhook", "delete", ID, ID2, "--yes", "--json"]);
    r.code(0);
    let rows = r.json_lines();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0]["webhook_id"].as_str(), rows[0]["deleted"].as_bool()),
        (Some(ID), Some(true))
    );
    let sent: Vec<String> = w
        .requests("/v1/webhooks/")
        .iter()
        .map(|q| format!("{} {}", q.method, q.path))
        .collect();
    assert_eq!(
        sent,
        [
            format!("DELETE /v1/webhooks/{ID}"),
            format!("DELETE /v1/webhooks/{ID2}")
        ]
    );
}

#[test]
fn test_sends_a_ping_and_exits_1_when_it_was_not_delivered() {
    let w = World::new();
    let path = format!("/v1/webhooks/{ID}/test");
    let delivered =
        json!({"success": true, "data": {"delivered": true, "status_code": 200, "attempts": 1}});
    w.respond(Some("POST"), &path, 1, 200, &delivered.to_string());
    let r = w.run(&["webhook", "test", ID]);
    r.code(0);
    assert_eq!(r.stdout.trim(), "delivered (HTTP 200, 1 attempt(s))");
    let failed =
        json!({"success": true, "data": {"delivered": false, "status_code": null, "attempts": 3}});
    w.respond(Some("POST"), &path, 1, 200, &failed.to_string());
    let r = w.run(&["webhook", "test", ID, "--json"]);
    r.code(1);
    let v = r.json();
    assert_eq!(
        (
            v["webhook_id"].as_str(),
            v["delivered"].as_bool(),
            v["attempts"].as_i64()
        ),
        (Some(ID), Some(false), Some(3))
    );
    assert_eq!(w.requests(&path).len(), 2);
}

// ---- verify ----

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn event_body(id: &str) -> String {
    json!({"id": id, "event": "agent.ready", "created": now_secs(), "data": {"agent_id": "A80HVD8577", "code": "A80HVD8577"}}).to_string()
}

/// The library's signature (pinned to Python-computed vectors in its unit tests).
fn sign(ts: &str, body: &[u8]) -> String {
    bithuman::webhook::signature(WHSEC, ts, body)
}

#[test]
fn verify_accepts_a_signed_body_and_refuses_with_the_reason() {
    let w = World::new();
    let body = event_body("evt_1");
    let ts = now_secs().to_string();
    let sig = sign(&ts, body.as_bytes());
    let args = |ts: &str, sig: &str| -> Vec<String> {
        [
            "webhook",
            "verify",
            "--secret",
            WHSEC,
            "--timestamp",
            ts,
            "--signature",
            sig,
        ]
        .map(str::to_string)
        .to_vec()
    };
    let run = |a: Vec<String>, body: &str| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let r = w.run_stdin(&a, body.as_bytes().to_vec());
        assert_no_whsec(&r);
        r
    };
    let r = run(args(&ts, &sig), &body);
    r.code(0);
    assert_eq!(r.stdout.trim(), "valid agent.ready");
    let mut json_args = args(&ts, &sig);
    json_args.push("--json".into());
    let v = run(json_args, &body).json();
    assert_eq!(
        (v["valid"].as_bool(), v["delivery_id"].as_str()),
        (Some(true), Some("evt_1"))
    );

    // A changed body, a wrong signature, a stale timestamp: 1 and why.
    let old = (now_secs() - 3600).to_string();
    let cases = [
        (
            args(&ts, &sig),
            format!("{body} "),
            "BAD_SIGNATURE",
            "does not match",
        ),
        (
            args(&ts, "sha256=zz"),
            body.clone(),
            "MALFORMED_SIGNATURE",
            "malformed",
        ),
        (
            args("yesterday", &sig),
            body.clone(),
            "MALFORMED_TIMESTAMP",
            "unix seconds",
        ),
        (
            args(&old, &sign(&old, body.as_bytes())),
            body.clone(),
            "STALE_TIMESTAMP",
            "behind",
        ),
    ];
    for (mut a, body, code, why) in cases {
        a.push("--json".into());
        let r = run(a, &body);
        r.code(1);
        r.assert_json_error(code, None);
        assert!(
            r.json_error()["message"]
                .as_str()
                .unwrap_or_default()
                .contains(why),
            "{}",
            r.stderr
        );
    }
    // A wider window takes the old one; the secret can come from the environment.
    let mut cmd = w.cmd();
    cmd.args([
        "webhook",
        "verify",
        "--tolerance",
        "2h",
        "--timestamp",
        &old,
        "--signature",
        &sign(&old, body.as_bytes()),
    ])
    .env("BITHUMAN_WEBHOOK_SECRET", WHSEC)
    .write_stdin(body.clone());
    let r = w.run_cmd(&mut cmd);
    r.code(0);
    assert_no_whsec(&r);
}

#[test]
fn verify_checks_an_independently_signed_delivery() {
    // The API's own example: python3 -c 'import hmac,hashlib; print(hmac.new(
    //   b"whsec_test_5f3a9c", b"1780417371." + BODY, hashlib.sha256).hexdigest())'
    let body = r#"{"id":"evt_a1b2c3","event":"agent.ready","created":1780417371,"data":{"agent_id":"A80HVD8577","code":"A80HVD8577"}}"#;
    let sig = "sha256=6ca779c64eb5a9412c85b1bc11dbf8c095cfaec953f124bf32ba76a45adedb35";
    let w = World::new();
    let base = [
        "webhook",
        "verify",
        "--secret",
        "whsec_test_5f3a9c",
        "--timestamp",
        "1780417371",
        "--signature",
        sig,
    ];
    let mut wide = base.to_vec();
    wide.extend(["--tolerance", "3650d"]);
    w.run_stdin(&wide, body).code(0);
    let r = w.run_stdin(&base, body);
    r.code(1);
    assert!(
        r.stderr.contains("behind this machine's clock"),
        "{}",
        r.stderr
    );
}

#[test]
fn verify_reads_a_whole_raw_request_from_a_file_or_stdin() {
    let w = World::new();
    let body = event_body("evt_raw");
    let ts = now_secs().to_string();
    let raw = format!(
        "POST /hooks HTTP/1.1\r\nhost: example.com\r\ncontent-type: application/json\r\nx-bithuman-event: agent.ready\r\nX-BITHUMAN-DELIVERY: evt_raw\r\nx-bithuman-timestamp: {ts}\r\nX-BitHuman-Signature: {}\r\nContent-Length: {}\r\n\r\n{body}\n",
        sign(&ts, body.as_bytes()),
        body.len()
    );
    let file = w.file("delivery.http", raw.as_bytes());
    let path = file.to_string_lossy().to_string();
    let r = w.run(&[
        "webhook",
        "verify",
        "--secret",
        WHSEC,
        "--request",
        &path,
        "--json",
    ]);
    r.code(0);
    assert_eq!(r.json()["delivery_id"], "evt_raw");
    let r = w.run_stdin(
        &["webhook", "verify", "--secret", WHSEC, "--request", "-"],
        raw.clone(),
    );
    r.code(0);
    // Without the signature header: refused, 1.
    let unsigned = raw.replace("X-BitHuman-Signature", "X-Other");
    let r = w.run_stdin(
        &[
            "webhook",
            "verify",
            "--secret",
            WHSEC,
            "--request",
            "-",
            "--json",
        ],
        unsigned,
    );
    r.code(1);
    r.assert_json_error("MISSING_SIGNATURE", None);
    // A body past 1 MiB is bad input (65), on stdin and in a request.
    let big = vec![b'{'; 1024 * 1024 + 1];
    let r = w.run_stdin(
        &[
            "webhook",
            "verify",
            "--secret",
            WHSEC,
            "--timestamp",
            &ts,
            "--signature",
            &sign(&ts, &big),
        ],
        big.clone(),
    );
    r.code(65);
    let mut huge = format!("X-BitHuman-Timestamp: {ts}\r\n\r\n").into_bytes();
    huge.extend(&big);
    huge.extend(vec![b' '; 70 * 1024]);
    let r = w.run_stdin(
        &["webhook", "verify", "--secret", WHSEC, "--request", "-"],
        huge,
    );
    r.code(65);
    let r = w.run(&[
        "webhook",
        "verify",
        "--secret",
        WHSEC,
        "--request",
        "missing.http",
    ]);
    r.code(66);
}

// ---- listen ----

struct Listener {
    child: std::process::Child,
    local: String,
}

/// Scripts the fake's answers to one webhook create and its delete.
fn script_create_and_delete(w: &World) {
    w.respond(
        Some("POST"),
        "/v1/webhooks",
        1,
        200,
        &created_answer("scripted"),
    );
    let deleted = json!({"success": true, "deleted": true}).to_string();
    w.respond(
        Some("DELETE"),
        &format!("/v1/webhooks/{ID}"),
        1,
        200,
        &deleted,
    );
}

/// Starts `webhook listen` with `args` against `w` (whose create answer is
/// scripted) and waits until it registered its webhook.
fn listen(w: &World, args: &[&str]) -> Listener {
    use std::process::{Command, Stdio};
    script_create_and_delete(w);
    let child = Command::new(env!("CARGO_BIN_EXE_bithuman"))
        .args(["webhook", "listen", "--port", "0"])
        .args(args)
        .env_clear()
        .envs(w.env())
        .current_dir(w.home())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn bithuman");
    let deadline = Instant::now() + Duration::from_secs(30);
    let local = loop {
        let posted = w
            .requests("/v1/webhooks")
            .into_iter()
            .find(|q| q.method == "POST");
        if let Some(q) = posted {
            let body = q.json().expect("create body");
            break body["url"].as_str().expect("url").to_string();
        }
        assert!(
            Instant::now() < deadline,
            "listen never registered its webhook"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    Listener { child, local }
}

impl Listener {
    fn send(&self, body: &str, headers: &[(&str, String)]) -> u16 {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::blocking::Client::builder()
            .no_proxy()
            .build()
            .expect("client");
        let mut req = client
            .post(&self.local)
            .body(body.to_string())
            .header("content-type", "application/json");
        for (k, v) in headers {
            req = req.header(*k, v);
        }
        req.send().expect("listener answers").status().as_u16()
    }

    fn stop(self, signal: &str) -> Run {
        let sent = std::process::Command::new("kill")
            .args([signal, &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success());
        Run::from(self.child.wait_with_output().expect("wait for listen"))
    }
}

fn signed(id: &str, ts: &str, body: &str) -> Vec<(&'static str, String)> {
    vec![
        ("X-BitHuman-Event", "agent.ready".into()),
        ("X-BitHuman-Delivery", id.into()),
        ("X-BitHuman-Timestamp", ts.into()),
        ("X-BitHuman-Signature", sign(ts, body.as_bytes())),
    ]
}

#[cfg(unix)]
#[test]
fn listen_verifies_shows_once_forwards_and_deletes_its_webhook_on_ctrl_c() {
    let w = World::new();
    let receiver = World::new();
    receiver.respond(Some("POST"), "/fwd", 10, 200, "{}");
    let forward = format!("{}/fwd", receiver.base());
    let l = listen(
        &w,
        &["--forward-to", &forward, "--event", "agent.ready", "--json"],
    );
    assert!(l.local.starts_with("http://127.0.0.1:"), "{}", l.local);
    let created = w.requests("/v1/webhooks")[0].json().expect("json");
    assert_eq!(created["events"], json!(["agent.ready"]));

    let ts = now_secs().to_string();
    let body = event_body("evt_one");
    assert_eq!(l.send(&body, &signed("evt_one", &ts, &body)), 200);
    // The same delivery again (an API retry): answered, not shown or forwarded twice.
    assert_eq!(l.send(&body, &signed("evt_one", &ts, &body)), 200);
    // Unsigned, wrongly signed and stale deliveries: 401, never acted on.
    let other = event_body("evt_forged");
    assert_eq!(l.send(&other, &[]), 401);
    let mut forged = signed("evt_forged", &ts, &other);
    forged[3].1 = sign(&ts, b"something else");
    assert_eq!(l.send(&other, &forged), 401);
    let old = (now_secs() - 600).to_string();
    assert_eq!(l.send(&other, &signed("evt_forged", &old, &other)), 401);

    let r = l.stop("-INT");
    r.code(0);
    assert_no_secret(&r);
    assert_no_whsec(&r);
    let events = r.json_lines();
    assert_eq!(events.len(), 1, "shown once: {}", r.stdout);
    assert_eq!(
        (events[0]["id"].as_str(), events[0]["event"].as_str()),
        (Some("evt_one"), Some("agent.ready"))
    );
    assert_eq!(events[0]["data"]["agent_id"], "A80HVD8577");
    assert_eq!(
        r.stderr.matches("refused a delivery").count(),
        3,
        "{}",
        r.stderr
    );

    let got = receiver.requests("/fwd");
    assert_eq!(got.len(), 1, "forwarded once");
    assert_eq!(got[0].body, body.as_bytes(), "the body unchanged");
    assert_eq!(got[0].header("x-bithuman-delivery"), Some("evt_one"));
    assert_eq!(got[0].header("x-bithuman-timestamp"), Some(ts.as_str()));
    assert_eq!(
        got[0].header("x-bithuman-signature").map(str::to_string),
        Some(sign(&ts, body.as_bytes()))
    );
    assert_eq!(got[0].header("content-type"), Some("application/json"));

    let deletes: Vec<_> = w
        .requests(&format!("/v1/webhooks/{ID}"))
        .into_iter()
        .filter(|q| q.method == "DELETE")
        .collect();
    assert_eq!(deletes.len(), 1, "the webhook is deleted on Ctrl-C");
}

#[cfg(unix)]
#[test]
fn listen_answers_502_while_the_forward_target_is_down_and_deletes_on_sigterm() {
    let w = World::new();
    let down = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = down.local_addr().expect("addr").port();
    drop(down);
    let forward = format!("http://127.0.0.1:{port}/hook");
    let l = listen(&w, &["--forward-to", &forward, "--print-secret"]);
    let ts = now_secs().to_string();
    let body = event_body("evt_down");
    assert_eq!(l.send(&body, &signed("evt_down", &ts, &body)), 502);
    // The API's retry of it: still down, still 502, still shown once.
    assert_eq!(l.send(&body, &signed("evt_down", &ts, &body)), 502);
    let r = l.stop("-TERM");
    r.code(0);
    assert_no_secret(&r);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert_eq!(lines[0], WHSEC, "--print-secret: the secret first");
    assert_eq!(lines[1], "agent.ready  A80HVD8577  evt_down");
    assert_eq!(r.stderr.matches("answered 502").count(), 2, "{}", r.stderr);
    assert!(!r.stderr.contains(WHSEC));
    let deletes = w
        .requests(&format!("/v1/webhooks/{ID}"))
        .into_iter()
        .filter(|q| q.method == "DELETE")
        .count();
    assert_eq!(deletes, 1, "the webhook is deleted on SIGTERM");
}

#[test]
fn listen_needs_a_public_url_on_the_real_api() {
    let w = World::new();
    let mut cmd = w.cmd();
    cmd.args(["webhook", "listen"])
        .env("BITHUMAN_API_BASE", "https://api.example.invalid");
    let r = w.run_cmd(&mut cmd);
    r.code(2);
    assert!(
        r.stderr.contains("--public-url is required"),
        "{}",
        r.stderr
    );
    let r = w.run(&["webhook", "listen", "--forward-to", "ftp://x/"]);
    r.code(2);
    let free = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = free.local_addr().expect("addr").port().to_string();
    drop(free);
    let itself = format!("http://127.0.0.1:{port}/");
    let r = w.run(&[
        "webhook",
        "listen",
        "--port",
        &port,
        "--forward-to",
        &itself,
    ]);
    r.code(2);
    assert!(r.stderr.contains("this listener itself"), "{}", r.stderr);
    assert!(w.requests("/v1/webhooks").is_empty());
}

#[cfg(unix)]
#[test]
fn listen_registers_the_public_url_when_given() {
    let w = World::new();
    let l = listen(&w, &["--public-url", "https://abc.tunnel.example/in"]);
    assert_eq!(l.local, "https://abc.tunnel.example/in");
    let r = l.stop("-INT");
    r.code(0);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert_eq!(
        w.requests(&format!("/v1/webhooks/{ID}"))
            .iter()
            .filter(|q| q.method == "DELETE")
            .count(),
        1
    );
}

// ---- MCP ----

/// Calls MCP tools one at a time over stdio; returns each call's result.
fn mcp_calls(w: &World, calls: &[(&str, Value)]) -> Vec<Value> {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_bithuman"))
        .arg("mcp")
        .env_clear()
        .envs(w.env())
        .current_dir(w.home())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn mcp");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut answer = |stdin: &mut std::process::ChildStdin, request: Value| -> Value {
        writeln!(stdin, "{request}").expect("write");
        stdin.flush().expect("flush");
        let id = request["id"].clone();
        loop {
            let line = lines.next().expect("an answer").expect("a line");
            assert!(!line.contains(SECRET), "API secret in an MCP answer");
            let v: Value = serde_json::from_str(&line).expect("JSON-RPC");
            if v["id"] == id {
                return v;
            }
        }
    };
    answer(
        &mut stdin,
        json!({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}),
    );
    writeln!(
        stdin,
        "{}",
        json!({"jsonrpc":"2.0","method":"notifications/initialized"})
    )
    .expect("write");
    let results = calls
        .iter()
        .enumerate()
        .map(|(i, (tool, args))| {
            let request = json!({"jsonrpc":"2.0","id":i + 1,"method":"tools/call","params":{"name":tool,"arguments":args}});
            answer(&mut stdin, request)["result"].clone()
        })
        .collect();
    drop(stdin);
    let _ = child.kill();
    let _ = child.wait();
    results
}

#[test]
fn mcp_lists_creates_and_deletes_webhooks_with_the_json_objects() {
    let w = World::new();
    let list = json!({"success": true, "data": [webhook(ID, "https://a.example/h")]});
    w.respond(Some("GET"), "/v1/webhooks", 1, 200, &list.to_string());
    w.respond(
        Some("POST"),
        "/v1/webhooks",
        1,
        200,
        &created_answer("https://a.example/h"),
    );
    let deleted = json!({"success": true, "deleted": true}).to_string();
    w.respond(
        Some("DELETE"),
        &format!("/v1/webhooks/{ID}"),
        1,
        200,
        &deleted,
    );
    let results = mcp_calls(
        &w,
        &[
            ("list_webhooks", json!({})),
            (
                "create_webhook",
                json!({"url": "https://a.example/h", "events": ["agent.ready"]}),
            ),
            ("delete_webhook", json!({"webhook_id": ID})),
            (
                "create_webhook",
                json!({"url": "https://a.example/h", "events": ["agent.done"]}),
            ),
            ("delete_webhook", json!({"webhook_id": "../agents"})),
        ],
    );
    let listed = &results[0]["structuredContent"];
    assert_eq!(listed["webhooks"][0]["id"], ID, "{listed}");
    assert_eq!(listed["schema_version"], 1);
    let created = &results[1]["structuredContent"];
    assert_eq!(
        (created["id"].as_str(), created["secret"].as_str()),
        (Some(ID), Some(WHSEC))
    );
    assert_eq!(
        results[2]["structuredContent"],
        json!({"schema_version": 1, "webhook_id": ID, "deleted": true})
    );
    assert_eq!(results[3]["isError"], true);
    assert_eq!(results[3]["structuredContent"]["error"]["code"], "USAGE");
    assert_eq!(
        results[4]["structuredContent"]["error"]["code"],
        "INVALID_WEBHOOK_ID"
    );
    let sent: Vec<String> = w
        .requests("/v1/webhooks")
        .iter()
        .map(|q| format!("{} {}", q.method, q.path))
        .collect();
    assert_eq!(
        sent,
        [
            "GET /v1/webhooks".to_string(),
            "POST /v1/webhooks".into(),
            format!("DELETE /v1/webhooks/{ID}")
        ]
    );
    assert_eq!(
        w.requests("/v1/webhooks")[1].json().expect("json")["events"],
        json!(["agent.ready"])
    );
}

#[cfg(unix)]
#[test]
fn listen_deletes_its_webhook_when_it_stops_on_an_error() {
    use std::process::{Command, Stdio};
    let w = World::new();
    script_create_and_delete(&w);
    // The secret line cannot be written (a full disk): an error after the
    // webhook was made, before any delivery.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_bithuman"))
        .args([
            "webhook",
            "listen",
            "--port",
            "0",
            "--print-secret",
            "--json",
        ])
        .env_clear()
        .envs(w.env())
        .current_dir(w.home())
        .stdin(Stdio::null())
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("listen ends by itself");
    let r = Run::from(out);
    r.code(1);
    assert_no_whsec(&r);
    r.assert_json_error("IO_ERROR", None);
    let deletes = w
        .requests(&format!("/v1/webhooks/{ID}"))
        .into_iter()
        .filter(|q| q.method == "DELETE")
        .count();
    assert_eq!(deletes, 1, "the webhook is deleted on an error");
}
