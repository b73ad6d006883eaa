//! The sandbox's webhooks (SPEC §16): stored in the world, delivered signed
//! when jobs end on the API's schedule (three attempts), only to loopback,
//! with fault knobs; and `webhook listen` behind a shared `sandbox serve`.

use crate::common;
use bithuman::sandbox::{SandboxConfig, WebhookFaults};
use common::*;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// Polls `check` until it gives a value; a bound so that a missing delivery
/// fails the test instead of hanging it (not a timing assertion).
fn eventually<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(v) = check() {
            return v;
        }
        assert!(Instant::now() < deadline, "never happened: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `webhook create` against `w`: the id and the secret.
fn create(w: &World, url: &str, events: &[&str]) -> (String, String) {
    let mut args = vec!["webhook", "create", "--url", url, "--json"];
    for e in events {
        args.extend(["--event", e]);
    }
    let r = w.run(&args);
    r.code(0);
    let v = r.json();
    let id = v["id"].as_str().expect("id").to_string();
    let secret = v["secret"].as_str().expect("secret").to_string();
    assert!(secret.starts_with("whsec_"), "{secret}");
    (id, secret)
}

fn deliveries(w: &World, id: &str) -> Vec<Value> {
    let r = w.run(&["webhook", "deliveries", id, "--json"]);
    r.code(0);
    r.json_lines()
}

/// A receiver: another sandbox whose `POST /hook` answers 200 (recorded).
fn receiver() -> World {
    let r = World::new();
    r.respond(Some("POST"), "/hook", 100, 200, "{}");
    r
}

#[test]
fn a_finished_agent_is_delivered_signed_and_verify_accepts_it() {
    let w = World::new();
    let rx = receiver();
    let (hook, secret) = create(&w, &format!("{}/hook", rx.base()), &["agent.ready"]);
    // The secret is shown once: later answers redact it.
    let listed = w.run(&["webhook", "list", "--json"]);
    listed.code(0);
    assert!(!listed.stdout.contains("whsec_"), "{}", listed.stdout);
    assert_eq!(listed.json_lines()[0]["id"], hook.as_str());

    let agent = w.run(&["generate", "--prompt", "A concierge."]);
    agent.code(0);
    let agent = agent.stdout.trim().to_string();
    let got = eventually("the agent.ready delivery", || {
        rx.requests("/hook").into_iter().next()
    });
    let body = got.json().expect("a JSON body");
    assert_eq!(body["event"], "agent.ready");
    assert_eq!(body["data"], json!({"agent_id": agent, "code": agent}));
    let id = body["id"].as_str().expect("event id");
    assert!(id.starts_with("evt_"), "{id}");
    assert_eq!(got.header("x-bithuman-event"), Some("agent.ready"));
    assert_eq!(got.header("x-bithuman-delivery"), Some(id));
    assert_eq!(got.header("content-type"), Some("application/json"));
    let ts = got.header("x-bithuman-timestamp").expect("timestamp");
    let sig = got.header("x-bithuman-signature").expect("signature");
    assert_eq!(sig, bithuman::webhook::signature(&secret, ts, &got.body));
    let verify = |body: Vec<u8>| {
        w.run_stdin(
            &[
                "webhook",
                "verify",
                "--secret",
                &secret,
                "--timestamp",
                ts,
                "--signature",
                sig,
            ],
            body,
        )
    };
    verify(got.body.clone()).code(0);
    let mut tampered = got.body.clone();
    tampered.push(b' ');
    verify(tampered).code(1);

    let rows = eventually("the delivery recorded", || {
        let rows = deliveries(&w, &hook);
        (rows.first()?["delivered"] == true).then_some(rows)
    });
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["event_type"], "agent.ready");
    assert_eq!(rows[0]["attempts"], 1);
    assert_eq!(rows[0]["status_code"], 200);
    assert_eq!(rx.requests("/hook").len(), 1, "delivered once");
}

#[test]
fn a_failing_receiver_gets_three_attempts_and_filtered_events_none() {
    let w = World::new();
    let rx = World::new();
    // No answer scripted for /down: the receiver answers 404 every time.
    let (down, _) = create(&w, &format!("{}/down", rx.base()), &[]);
    let (videos_only, _) = create(&w, &format!("{}/videos", rx.base()), &["video.completed"]);
    w.run(&["generate", "--prompt", "A concierge."]).code(0);
    let rows = eventually("three attempts", || {
        let rows = deliveries(&w, &down);
        (rows.first()?["attempts"] == 3).then_some(rows)
    });
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["delivered"], false);
    assert_eq!(rows[0]["status_code"], 404);
    assert_eq!(
        rx.requests("/down").len(),
        3,
        "at once, then 2 s and 5 s later"
    );
    assert!(deliveries(&w, &videos_only).is_empty());
    assert!(rx.requests("/videos").is_empty());
}

#[test]
fn dropped_deliveries_never_reach_the_receiver_but_are_recorded() {
    let w = World::with(SandboxConfig {
        speed: 20.0,
        seed: Some(7),
        webhook_faults: WebhookFaults {
            drop: 1.0,
            ..WebhookFaults::default()
        },
        ..SandboxConfig::default()
    });
    let rx = receiver();
    let (hook, _) = create(&w, &format!("{}/hook", rx.base()), &[]);
    w.run(&["generate", "--prompt", "A concierge."]).code(0);
    let rows = eventually("three dropped attempts", || {
        let rows = deliveries(&w, &hook);
        (rows.first()?["attempts"] == 3).then_some(rows)
    });
    assert_eq!(rows[0]["delivered"], false);
    assert_eq!(rows[0]["status_code"], Value::Null);
    assert!(rx.requests("/hook").is_empty());
}

#[test]
fn bad_signature_and_duplicate_faults_reach_the_receiver_as_such() {
    let w = World::with(SandboxConfig {
        speed: 20.0,
        seed: Some(7),
        webhook_faults: WebhookFaults {
            duplicate: 1.0,
            bad_signature: 1.0,
            ..WebhookFaults::default()
        },
        ..SandboxConfig::default()
    });
    let rx = receiver();
    let (_, secret) = create(&w, &format!("{}/hook", rx.base()), &[]);
    w.run(&["generate", "--prompt", "A concierge."]).code(0);
    let got = eventually("a duplicated delivery", || {
        let got = rx.requests("/hook");
        (got.len() >= 2).then_some(got)
    });
    assert_eq!(got[0].body, got[1].body);
    assert_eq!(
        got[0].header("x-bithuman-delivery"),
        got[1].header("x-bithuman-delivery")
    );
    let ts = got[0].header("x-bithuman-timestamp").expect("timestamp");
    let good = bithuman::webhook::signature(&secret, ts, &got[0].body);
    let sent = got[0].header("x-bithuman-signature").expect("signature");
    assert!(
        sent.starts_with("sha256=") && sent.len() == good.len(),
        "{sent}"
    );
    assert_ne!(sent, good, "signed with a wrong key");
}

/// A raw call to the sandbox's API.
fn call(w: &World, method: &str, path: &str, body: Option<Value>) -> (u16, Value, bool) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::blocking::Client::builder()
        .no_proxy()
        .build()
        .expect("client");
    let url = format!("{}{path}", w.base());
    let mut req = match method {
        "POST" => client.post(&url),
        "DELETE" => client.delete(&url),
        _ => client.get(&url),
    }
    .header("api-secret", SECRET);
    if let Some(body) = body {
        req = req.json(&body);
    }
    let res = req.send().expect("the sandbox answers");
    let status = res.status().as_u16();
    let metered = res.headers().contains_key("x-ratelimit-remaining");
    (status, res.json().unwrap_or(Value::Null), metered)
}

#[test]
fn the_routes_answer_with_the_api_envelopes_and_refuse_other_hosts() {
    let w = World::new();
    let rx = receiver();
    let url = format!("{}/hook", rx.base());
    let (status, made, metered) = call(
        &w,
        "POST",
        "/v1/webhooks",
        Some(json!({"url": url, "events": ["agent.failed"], "description": "ci"})),
    );
    assert_eq!((status, metered), (200, true));
    let id = made["data"]["id"].as_str().expect("id").to_string();
    assert!(
        made["data"]["secret"]
            .as_str()
            .expect("secret")
            .starts_with("whsec_")
    );
    assert_eq!(made["data"]["events"], json!(["agent.failed"]));
    assert_eq!(made["data"]["active"], true);

    let (status, shown, metered) = call(&w, "GET", &format!("/v1/webhooks/{id}"), None);
    assert_eq!((status, metered), (200, true));
    assert_eq!(shown["data"]["description"], "ci");
    assert!(shown["data"].get("secret").is_none(), "{shown}");

    let (status, tested, _) = call(&w, "POST", &format!("/v1/webhooks/{id}/test"), None);
    assert_eq!(status, 200);
    assert_eq!(
        tested["data"],
        json!({"delivered": true, "status_code": 200, "attempts": 1})
    );
    let ping = rx.requests("/hook");
    assert_eq!(ping.len(), 1);
    assert_eq!(ping[0].header("x-bithuman-event"), Some("ping"));
    let (_, rows, _) = call(&w, "GET", &format!("/v1/webhooks/{id}/deliveries"), None);
    assert_eq!(rows["data"][0]["event_type"], "ping");

    for bad in [
        json!({"url": "https://example.com/hook"}),
        json!({"url": "http://10.1.2.3/hook"}),
        json!({"url": url, "events": ["agent.exploded"]}),
        json!({"events": []}),
    ] {
        let (status, answer, _) = call(&w, "POST", "/v1/webhooks", Some(bad.clone()));
        assert_eq!(status, 400, "{bad}: {answer}");
        assert_eq!(answer["error"]["code"], "VALIDATION_ERROR");
    }

    let (status, gone, _) = call(&w, "DELETE", &format!("/v1/webhooks/{id}"), None);
    assert_eq!(status, 200);
    assert_eq!(gone, json!({"success": true, "deleted": true}));
    for path in [
        format!("/v1/webhooks/{id}"),
        format!("/v1/webhooks/{id}/deliveries"),
    ] {
        assert_eq!(call(&w, "GET", &path, None).0, 404, "{path}");
    }
    let (_, listed, _) = call(&w, "GET", "/v1/webhooks", None);
    assert_eq!(listed, json!({"success": true, "data": []}));
}

/// A child process whose stdout is read line by line.
#[cfg(unix)]
struct Child {
    child: std::process::Child,
    out: std::io::BufReader<std::process::ChildStdout>,
}

#[cfg(unix)]
impl Child {
    fn spawn(w: &World, args: &[&str], env: &[(&str, &str)]) -> Child {
        use std::process::{Command, Stdio};
        let mut child = Command::new(env!("CARGO_BIN_EXE_bithuman"))
            .args(args)
            .env_clear()
            .envs(w.env())
            .envs(env.iter().copied())
            .current_dir(w.home())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn bithuman");
        let out = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        Child { child, out }
    }

    fn line(&mut self) -> String {
        use std::io::BufRead;
        let mut line = String::new();
        self.out.read_line(&mut line).expect("a line");
        line.trim().to_string()
    }

    /// Sends SIGINT and waits: the exit code.
    fn interrupt(mut self) -> Option<i32> {
        let sent = std::process::Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success());
        self.child.wait().expect("wait").code()
    }
}

#[cfg(unix)]
#[test]
fn listen_behind_a_shared_serve_gets_a_concurrent_generates_signed_event() {
    let w = World::new();
    let state = tempfile::tempdir().expect("state dir");
    let dir = state.path().to_str().expect("utf-8 path");
    let mut serve = Child::spawn(
        &w,
        &[
            "sandbox", "serve", "--port", "0", "--state", dir, "--speed", "20",
        ],
        &[],
    );
    let base = serve.line();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    let rx = receiver();
    let forward = format!("{}/hook", rx.base());
    let mut listen = Child::spawn(
        &w,
        &[
            "webhook",
            "listen",
            "--port",
            "0",
            "--forward-to",
            &forward,
            "--print-secret",
        ],
        &[("BITHUMAN_API_BASE", &base)],
    );
    let secret = listen.line();
    assert!(secret.starts_with("whsec_"), "{secret}");

    // Another process, on the same world through its own in-process sandbox.
    let mut generate = w.cmd();
    generate
        .args([
            "--sandbox",
            "generate",
            "--wait",
            "--prompt",
            "A concierge.",
        ])
        .env("BITHUMAN_SANDBOX_STATE", dir)
        .env("BITHUMAN_SANDBOX_SPEED", "20");
    let r = w.run_cmd(&mut generate);
    r.code(0);
    let agent_id = eventually("the agent's id in the output", || {
        r.stdout
            .split_whitespace()
            .find(|t| t.starts_with('A') && t.len() > 10)
            .map(str::to_string)
    });
    let got = eventually("the forwarded agent.ready", || {
        rx.requests("/hook").into_iter().find(|q| {
            q.json().is_some_and(|b| {
                b["event"] == "agent.ready" && b["data"]["agent_id"] == agent_id.as_str()
            })
        })
    });
    let header = |name| got.header(name).expect("header").to_string();
    w.run_stdin(
        &[
            "webhook",
            "verify",
            "--secret",
            &secret,
            "--timestamp",
            &header("x-bithuman-timestamp"),
            "--signature",
            &header("x-bithuman-signature"),
        ],
        got.body.clone(),
    )
    .code(0);

    assert_eq!(listen.interrupt(), Some(0));
    let mut list = w.cmd();
    list.args(["webhook", "list", "--json"])
        .env("BITHUMAN_API_BASE", &base);
    let listed = w.run_cmd(&mut list);
    listed.code(0);
    assert_eq!(listed.stdout.trim(), "", "the temporary webhook is gone");
    assert_eq!(serve.interrupt(), Some(0));
}

// ---- --via webhook ----

/// Status reads of `agent` the sandbox answered.
fn status_reads(w: &World, agent: &str) -> usize {
    w.requests(&format!("/v1/agent/status/{agent}"))
        .iter()
        .filter(|q| q.method == "GET")
        .count()
}

fn generate(w: &World) -> String {
    let r = w.run(&["generate", "--prompt", "A concierge."]);
    r.code(0);
    r.stdout.trim().to_string()
}

/// The temporary webhook was made for the wait and deleted after it.
fn assert_temporary_webhook_removed(w: &World) {
    let made: Vec<_> = w
        .requests("/v1/webhooks")
        .into_iter()
        .filter(|q| q.method == "POST" && q.path == "/v1/webhooks")
        .collect();
    assert_eq!(made.len(), 1, "one temporary webhook");
    let url = made[0].json().expect("body")["url"]
        .as_str()
        .expect("url")
        .to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let deleted = w
        .requests("/v1/webhooks/")
        .iter()
        .filter(|q| q.method == "DELETE")
        .count();
    assert_eq!(deleted, 1, "deleted at the end");
    let listed = w.run(&["webhook", "list", "--json"]);
    listed.code(0);
    assert_eq!(listed.stdout.trim(), "");
}

#[test]
fn wait_via_webhook_reads_less_than_polling_and_prints_the_same_record() {
    // Agents take about 5 s: polling every second reads each several times.
    let w = World::with(SandboxConfig {
        speed: 2.0,
        ..SandboxConfig::default()
    });
    let (pushed, polled) = (generate(&w), generate(&w));
    // Both waits at once, over the same stretch of the agents' timelines.
    let (by_webhook, by_poll) = std::thread::scope(|s| {
        let webhook = s.spawn(|| {
            w.run(&[
                "wait",
                &pushed,
                "--via",
                "webhook",
                "--interval",
                "1s",
                "--json",
            ])
        });
        let poll = s.spawn(|| w.run(&["wait", &polled, "--interval", "1s", "--json"]));
        (
            webhook.join().expect("webhook wait"),
            poll.join().expect("poll wait"),
        )
    });
    by_webhook.code(0);
    by_poll.code(0);
    let (a, b) = (by_webhook.json(), by_poll.json());
    assert_eq!(a["agent_id"], pushed.as_str());
    assert_eq!(a["status"], "ready");
    let keys = |v: &Value| {
        v.as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    assert_eq!(keys(&a), keys(&b), "the same record as by polling");
    assert_eq!(a["status"], b["status"]);
    let (reads_webhook, reads_poll) = (status_reads(&w, &pushed), status_reads(&w, &polled));
    assert!(
        reads_webhook < reads_poll,
        "via webhook {reads_webhook} reads, by polling {reads_poll}"
    );
    assert_temporary_webhook_removed(&w);
}

#[test]
fn wait_via_webhook_finishes_by_polling_when_every_delivery_is_dropped() {
    let w = World::with(SandboxConfig {
        speed: 20.0,
        seed: Some(3),
        webhook_faults: WebhookFaults {
            drop: 1.0,
            ..WebhookFaults::default()
        },
        ..SandboxConfig::default()
    });
    let agent = generate(&w);
    let r = w.run(&[
        "wait",
        &agent,
        "--via",
        "webhook",
        "--interval",
        "1s",
        "--json",
    ]);
    r.code(0);
    assert_eq!(r.json()["status"], "ready");
    assert_temporary_webhook_removed(&w);
}

#[test]
fn generate_wait_via_webhook_on_the_sandbox_and_usage_errors() {
    let w = World::new();
    let mut cmd = w.cmd();
    cmd.args([
        "--sandbox",
        "generate",
        "--prompt",
        "A concierge.",
        "--wait",
        "--via",
        "webhook",
        "--json",
    ])
    .env("BITHUMAN_SANDBOX_SPEED", "20");
    let r = w.run_cmd(&mut cmd);
    r.code(0);
    assert_eq!(r.json()["status"], "ready");

    // Without --wait, and on the real API without --public-url: usage errors, nothing sent.
    w.run(&["generate", "--prompt", "x", "--via", "webhook"])
        .code(2);
    let mut real = w.cmd();
    real.args(["wait", "A12345678901", "--via", "webhook"])
        .env("BITHUMAN_API_BASE", "https://api.bithuman.ai");
    let r = w.run_cmd(&mut real);
    r.code(2);
    assert!(r.stderr.contains("--public-url"), "{}", r.stderr);
    assert!(w.requests("/v1/").is_empty(), "nothing sent");
}

#[test]
fn a_video_wait_via_webhook_and_the_video_completed_event() {
    let w = World::new();
    let agent = generate(&w);
    w.run(&["wait", &agent]).code(0);
    let rx = receiver();
    let (hook, _) = create(&w, &format!("{}/hook", rx.base()), &["video.completed"]);
    let r = w.run(&[
        "video", "generate", "--agent", &agent, "--text", "Hi", "--wait", "--via", "webhook",
        "--json",
    ]);
    r.code(0);
    let record = r.json();
    assert_eq!(record["status"], "completed");
    let job = record["job_id"].as_str().expect("job_id").to_string();
    let got = eventually("the video.completed delivery", || {
        rx.requests("/hook").into_iter().next()
    });
    let body = got.json().expect("json");
    assert_eq!(body["event"], "video.completed");
    assert_eq!(body["data"]["job_id"], job.as_str());
    assert_eq!(body["data"]["status"], "completed");
    assert!(body["data"]["video_url"].is_string(), "{body}");
    assert!(body["data"].get("success").is_none());
    // Only the user's webhook is left; the wait's temporary one is gone.
    let listed = w.run(&["webhook", "list", "--json"]);
    listed.code(0);
    let ids: Vec<Value> = listed
        .json_lines()
        .iter()
        .map(|v| v["id"].clone())
        .collect();
    assert_eq!(ids, vec![Value::from(hook)]);
}

#[cfg(unix)]
#[test]
fn ctrl_c_on_a_wait_via_webhook_deletes_its_webhook() {
    // Agents take about 10 s: the wait is still waiting when interrupted.
    let w = World::with(SandboxConfig::default());
    let agent = generate(&w);
    let r = w.interrupt(
        &["wait", &agent, "--via", "webhook"],
        &[],
        Duration::from_secs(2),
    );
    r.code(130);
    let deleted = w
        .requests("/v1/webhooks/")
        .iter()
        .filter(|q| q.method == "DELETE")
        .count();
    assert_eq!(deleted, 1, "{}", r.stderr);
    let listed = w.run(&["webhook", "list", "--json"]);
    listed.code(0);
    assert_eq!(listed.stdout.trim(), "");
}

#[test]
fn two_sandboxes_sharing_a_world_deliver_each_event_once() {
    let state = tempfile::tempdir().expect("state dir");
    let shared = || {
        World::with(SandboxConfig {
            speed: 20.0,
            state: bithuman::sandbox::StateLocation::Dir(state.path().to_path_buf()),
            ..SandboxConfig::default()
        })
    };
    let (one, two) = (shared(), shared());
    let rx = receiver();
    let (hook, _) = create(&one, &format!("{}/hook", rx.base()), &["agent.ready"]);
    let agents: Vec<String> = (0..4)
        .map(|i| generate(if i % 2 == 0 { &one } else { &two }))
        .collect();
    // Both processes run their delivery loop over the same due events.
    let rows = eventually("every delivery recorded", || {
        let rows = deliveries(&two, &hook);
        (rows.len() == agents.len() && rows.iter().all(|r| r["delivered"] == true)).then_some(rows)
    });
    assert!(rows.iter().all(|r| r["attempts"] == 1), "{rows:?}");
    let got = rx.requests("/hook");
    let mut ids: Vec<String> = got
        .iter()
        .filter_map(|q| q.header("x-bithuman-delivery").map(str::to_string))
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(got.len(), agents.len(), "each event sent once");
    assert_eq!(ids.len(), agents.len());
    let mut named: Vec<String> = got
        .iter()
        .filter_map(|q| q.json()?["data"]["agent_id"].as_str().map(str::to_string))
        .collect();
    named.sort();
    let mut want = agents.clone();
    want.sort();
    assert_eq!(named, want);
}

// ---- batch --wait --via webhook ----

/// A manifest of `n` agent rows in `w`'s folder.
fn agent_manifest(w: &World, name: &str, n: usize) -> String {
    let rows: Vec<String> = (1..=n)
        .map(|i| format!(r#"{{"prompt":"You are agent {i}.","name":"a{i}"}}"#))
        .collect();
    let p = w.file(name, rows.join("\n").as_bytes());
    p.to_str().expect("utf8").to_string()
}

/// Reads that follow jobs: status reads and agent-list pages.
fn follow_reads(w: &World) -> usize {
    w.requests("/v1/agent")
        .iter()
        .filter(|q| {
            q.method == "GET" && (q.path == "/v1/agents" || q.path.starts_with("/v1/agent/status/"))
        })
        .count()
}

/// A batch's rows, each reported exactly once: row number → (outcome, status).
fn rows_once(r: &Run, n: u64) -> std::collections::BTreeMap<u64, (String, String)> {
    let lines = r.json_lines();
    let mut seen: Vec<u64> = lines.iter().filter_map(|l| l["row"].as_u64()).collect();
    seen.sort_unstable();
    assert_eq!(seen, (1..=n).collect::<Vec<_>>(), "{}", r.stdout);
    lines
        .iter()
        .filter_map(|l| {
            let text = |k: &str| l[k].as_str().unwrap_or_default().to_string();
            Some((l["row"].as_u64()?, (text("outcome"), text("status"))))
        })
        .collect()
}

#[test]
fn batch_via_webhook_settles_every_row_once_with_fewer_reads_than_polling() {
    // Agents take about 10 s: polling every second reads the list ~10 times.
    let (pushed, polled) = (
        World::with(SandboxConfig::default()),
        World::with(SandboxConfig::default()),
    );
    let (m_pushed, m_polled) = (
        agent_manifest(&pushed, "rows.jsonl", 6),
        agent_manifest(&polled, "rows.jsonl", 6),
    );
    let (by_webhook, by_poll) = std::thread::scope(|s| {
        let webhook = s.spawn(|| {
            pushed.run(&[
                "batch",
                &m_pushed,
                "--wait",
                "--via",
                "webhook",
                "--interval",
                "1s",
                "--json",
            ])
        });
        let poll =
            s.spawn(|| polled.run(&["batch", &m_polled, "--wait", "--interval", "1s", "--json"]));
        (
            webhook.join().expect("webhook batch"),
            poll.join().expect("poll batch"),
        )
    });
    by_webhook.code(0);
    by_poll.code(0);
    let (a, b) = (rows_once(&by_webhook, 6), rows_once(&by_poll, 6));
    assert_eq!(a, b, "the same outcomes as by polling");
    assert!(a.values().all(|(o, _)| o == "ready"), "{a:?}");
    let (reads_webhook, reads_poll) = (follow_reads(&pushed), follow_reads(&polled));
    assert!(
        reads_webhook < reads_poll,
        "via webhook {reads_webhook} reads, by polling {reads_poll}"
    );
    assert_temporary_webhook_removed(&pushed);
    assert_no_secret(&by_webhook);
}

#[test]
fn batch_via_webhook_finishes_by_the_fallback_poll_when_every_delivery_is_dropped() {
    let w = World::with(SandboxConfig {
        speed: 2.0,
        seed: Some(5),
        webhook_faults: WebhookFaults {
            drop: 1.0,
            ..WebhookFaults::default()
        },
        ..SandboxConfig::default()
    });
    let m = agent_manifest(&w, "rows.jsonl", 4);
    let r = w.run(&[
        "batch",
        &m,
        "--wait",
        "--via",
        "webhook",
        "--interval",
        "1s",
        "--json",
    ]);
    r.code(0);
    let rows = rows_once(&r, 4);
    assert!(rows.values().all(|(o, _)| o == "ready"), "{rows:?}");
    assert_temporary_webhook_removed(&w);
}

#[test]
fn late_deliveries_after_the_fallback_poll_change_nothing_and_report_no_row_twice() {
    // Speed 0.6: agents end 16.7 s after creation and every delivery is held
    // 8 s / 0.6 = 13.3 s more, longer than the 10 s fallback poll (--interval
    // 1s): the fallback notices each end first and the event comes after.
    // One submit is held 18 s, so its agent (ending at ~35 s) keeps the batch
    // waiting while the other rows' late events (at ~30 s) arrive.
    let w = World::with(SandboxConfig {
        speed: 0.6,
        seed: Some(11),
        webhook_faults: WebhookFaults {
            late: 1.0,
            ..WebhookFaults::default()
        },
        ..SandboxConfig::default()
    });
    w.fault(
        Some("POST"),
        "/v1/agent/generate",
        1,
        bithuman::sandbox::FaultAction::Stall(Duration::from_secs(18)),
    );
    let m = agent_manifest(&w, "rows.jsonl", 4);
    let r = w.run(&[
        "batch",
        &m,
        "--wait",
        "--via",
        "webhook",
        "--interval",
        "1s",
        "--concurrency",
        "2",
        "--json",
    ]);
    r.code(0);
    let rows = rows_once(&r, 4);
    assert!(
        rows.values().all(|(o, s)| o == "ready" && s == "ready"),
        "{rows:?}"
    );
    // A late event for an agent already settled is not followed: no read
    // of it (each agent is read at most when added and for its end).
    for l in r.json_lines() {
        let id = l["id"].as_str().expect("id");
        let reads = status_reads(&w, id);
        assert!(reads <= 2, "{id} read {reads} times");
    }
    assert_temporary_webhook_removed(&w);
}

/// The webhook list of `w` is empty, and every webhook made was deleted.
fn assert_no_webhook_left(w: &World) {
    let made = w
        .requests("/v1/webhooks")
        .iter()
        .filter(|q| q.method == "POST" && q.path == "/v1/webhooks")
        .count();
    let deleted = w
        .requests("/v1/webhooks/")
        .iter()
        .filter(|q| q.method == "DELETE")
        .count();
    assert_eq!((made, deleted), (1, 1), "one temporary webhook, deleted");
    let listed = w.run(&["webhook", "list", "--json"]);
    listed.code(0);
    assert_eq!(listed.stdout.trim(), "");
}

#[test]
fn batch_via_webhook_at_max_runtime_deletes_its_webhook_and_resumes_via_webhook() {
    // Agents take about 10 s: the batch is still waiting at --max-runtime.
    let w = World::with(SandboxConfig::default());
    let m = agent_manifest(&w, "rows.jsonl", 3);
    let r = w.run(&[
        "batch",
        &m,
        "--wait",
        "--via",
        "webhook",
        "--max-runtime",
        "2s",
        "--json",
    ]);
    r.code(75);
    assert!(
        r.stderr.contains("--wait") && r.stderr.contains("--via webhook"),
        "{}",
        r.stderr
    );
    assert_no_webhook_left(&w);
}

#[cfg(unix)]
#[test]
fn ctrl_c_on_batch_via_webhook_deletes_its_webhook_and_resumes_via_webhook() {
    // Agents take about 10 s: the batch is still waiting when interrupted.
    let w = World::with(SandboxConfig::default());
    let m = agent_manifest(&w, "rows.jsonl", 3);
    let r = w.interrupt(
        &["batch", &m, "--wait", "--via", "webhook"],
        &[],
        Duration::from_secs(3),
    );
    r.code(130);
    assert!(r.stderr.contains("--via webhook"), "{}", r.stderr);
    assert_no_webhook_left(&w);
}
