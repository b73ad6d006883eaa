//! Resilience: the CLI against a fake API that misbehaves (429 with
//! `Retry-After`, 5xx bursts, CDN pages, dropped connections, stalls,
//! unparseable answers, replays, redirects, hostile text) and against
//! hostile input (bad ids, plain-HTTP base URLs), plus Ctrl-C.

mod common;
use common::*;

use bithuman::sandbox::{FaultAction, Sandbox, SandboxConfig};
use std::time::{Duration, Instant};

const STATUS: &str = "/v1/agent/status/";
const GENERATE: &str = "/v1/agent/generate";

/// A Cloudflare-like 502 page.
const CDN_502: &str = "<!DOCTYPE html>\n<html><head><title>api.bithuman.ai | 502: Bad gateway</title>\
<style>body{font:x}</style></head><body><h1>Bad gateway</h1><script>window.cf=1</script>\
<p>Cloudflare Ray ID: 8a1b2c3d4e5f</p></body></html>";

fn html(status: u16, body: &str) -> FaultAction {
    FaultAction::Respond {
        status,
        headers: vec![("content-type".into(), "text/html; charset=UTF-8".into())],
        body: body.into(),
    }
}

fn json_answer(status: u16, body: String) -> FaultAction {
    FaultAction::Respond {
        status,
        headers: vec![],
        body,
    }
}

fn unavailable() -> FaultAction {
    json_answer(
        503,
        envelope(503, "SERVICE_UNAVAILABLE", "busy, retry shortly"),
    )
}

/// A status answer with this `data` object.
fn status_answer(data: serde_json::Value) -> FaultAction {
    json_answer(
        200,
        serde_json::json!({"success": true, "data": data}).to_string(),
    )
}

fn timed(world: &World, args: &[&str]) -> (Run, Duration) {
    let started = Instant::now();
    let run = world.run(args);
    (run, started.elapsed())
}

fn assert_no_terminal_control(run: &Run) {
    for (name, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        assert!(!text.contains('\u{1b}'), "ESC reached {name}: {:?}", text);
        assert!(!text.contains('\u{7}'), "BEL reached {name}: {:?}", text);
        assert!(!text.contains('\u{9b}'), "CSI reached {name}: {:?}", text);
    }
}

fn assert_no_html(text: &str) {
    let lower = text.to_ascii_lowercase();
    for tag in ["<html", "<title", "<!doctype", "<script", "<body", "cf=1"] {
        assert!(
            !lower.contains(tag),
            "HTML ({tag}) reached the output:\n{text}"
        );
    }
}

// ---------------------------------------------------------------- 429 and Retry-After

#[test]
fn retry_after_seconds_is_honoured() {
    let world = World::new();
    let id = world.create();
    world.fault(
        Some("GET"),
        STATUS,
        1,
        FaultAction::Respond {
            status: 429,
            headers: vec![("retry-after".into(), "1".into())],
            body: envelope(429, "RATE_LIMITED", "Too many requests. Retry in ~1s."),
        },
    );
    let (run, took) = timed(&world, &["status", &id]);
    run.code(0);
    assert!(run.stdout.contains(&id), "{}", run.stdout);
    assert_eq!(world.requests(STATUS).len(), 2);
    // The backoff alone would be at most 50 ms (BITHUMAN_RETRY_BASE).
    assert!(
        took >= Duration::from_millis(950),
        "retried after {took:?}, before Retry-After: 1"
    );
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn retry_after_http_date_is_honoured() {
    let world = World::new();
    let id = world.create();
    let when = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(3));
    world.fault(
        Some("GET"),
        STATUS,
        1,
        FaultAction::Respond {
            status: 429,
            headers: vec![("retry-after".into(), when)],
            body: envelope(429, "RATE_LIMITED", "slow down"),
        },
    );
    let (run, took) = timed(&world, &["status", &id, "--json"]);
    run.code(0);
    assert!(run.json()["status"].is_string());
    assert_eq!(world.requests(STATUS).len(), 2);
    // The date has one-second resolution: between 2 and 3 s from now.
    assert!(
        took >= Duration::from_millis(1500),
        "retried after {took:?}"
    );
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn retry_after_is_capped_and_tries_stay_bounded() {
    // A 429 that keeps coming: still exactly 5 tries, exit 69, RATE_LIMITED.
    let world = World::new();
    world.fault(
        Some("GET"),
        STATUS,
        10,
        FaultAction::Respond {
            status: 429,
            headers: vec![("retry-after".into(), "0".into())],
            body: envelope(429, "RATE_LIMITED", "Too many requests"),
        },
    );
    let run = world.run(&["status", "A00XXX0000", "--json"]);
    run.code(69);
    assert_eq!(world.requests(STATUS).len(), 5);
    assert_eq!(run.json_error()["code"], "RATE_LIMITED");
    assert_eq!(run.json_error()["http_status"], 429);
}

// ---------------------------------------------------------------- 5xx and CDN pages

#[test]
fn wait_rides_out_503_burst_and_html_502() {
    let world = World::new();
    let id = world.create();
    world.fault(Some("GET"), STATUS, 3, unavailable());
    world.fault(Some("GET"), STATUS, 1, html(502, CDN_502));
    let run = world.run(&["wait", &id, "--interval", "1s", "--timeout", "30s", "-v"]);
    run.code(0);
    assert!(run.stdout.contains("ready"), "{}", run.stdout);
    assert_no_html(&run.stderr);
    assert_no_html(&run.stdout);
    // -v names each retry's reason; the CDN page shows as status and title.
    assert!(run.stderr.contains("retrying"), "{}", run.stderr);
    assert!(run.stderr.contains("502"), "{}", run.stderr);
    assert!(run.stderr.contains("Bad gateway"), "{}", run.stderr);
    assert!(world.requests(STATUS).len() >= 5);
}

#[test]
fn one_shot_persistent_503_gives_up_after_five_tries() {
    let world = World::new();
    let id = world.create();
    world.fault(Some("GET"), STATUS, 4, unavailable());
    // The last cause differs, so the message can be checked to name it.
    world.fault(
        Some("GET"),
        STATUS,
        1,
        html(
            504,
            "<html><head><title>Gateway time-out</title></head><body>x</body></html>",
        ),
    );
    world.fault(Some("GET"), STATUS, 5, unavailable());
    let run = world.run(&["status", &id]);
    run.code(69);
    assert_eq!(world.requests(STATUS).len(), 5, "exactly 5 tries");
    assert!(run.stderr.contains("504"), "{}", run.stderr);
    assert!(run.stderr.contains("Gateway time-out"), "{}", run.stderr);
    assert_no_html(&run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn html_error_page_is_shown_as_status_and_title_in_json_mode() {
    let world = World::new();
    world.fault(Some("GET"), STATUS, 5, html(502, CDN_502));
    let run = world.run(&["status", "A00XXX0000", "--json"]);
    run.code(69);
    let err = run.json_error();
    assert_eq!(err["http_status"], 502);
    let message = err["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("502") && message.contains("Bad gateway"),
        "{message}"
    );
    assert_no_html(&run.stderr);
}

// ---------------------------------------------------------------- broken transport

#[test]
fn dropped_connection_is_retried() {
    let world = World::new();
    let id = world.create();
    world.fault(Some("GET"), STATUS, 1, FaultAction::Drop);
    let run = world.run(&["status", &id, "--json"]);
    run.code(0);
    assert_eq!(run.json()["agent_id"], id.as_str());
    assert_eq!(world.requests(STATUS).len(), 2);
}

#[test]
fn stalled_request_times_out_and_is_retried() {
    let mut world = World::new();
    let id = world.create();
    world
        .extra_env
        .push(("BITHUMAN_REQUEST_TIMEOUT".into(), "1s".into()));
    world.fault(
        Some("GET"),
        STATUS,
        1,
        FaultAction::Stall(Duration::from_secs(5)),
    );
    let (run, took) = timed(&world, &["status", &id]);
    run.code(0);
    assert_eq!(world.requests(STATUS).len(), 2);
    assert!(
        took < Duration::from_millis(4500),
        "waited for the stall: {took:?}"
    );
}

#[test]
fn persistent_stall_never_hangs_past_the_wait_deadline() {
    let mut world = World::new();
    let id = world.create();
    world
        .extra_env
        .push(("BITHUMAN_REQUEST_TIMEOUT".into(), "1s".into()));
    world.fault(
        Some("GET"),
        STATUS,
        20,
        FaultAction::Stall(Duration::from_secs(5)),
    );
    let (run, took) = timed(&world, &["wait", &id, "--timeout", "2s", "--json"]);
    // The deadline passed while the service was failing: 69, with the resume command.
    run.code(69);
    assert!(
        took < Duration::from_millis(4500),
        "overran the 2 s deadline: {took:?}"
    );
    run.assert_json_error("NETWORK_TIMEOUT", Some(&format!("bithuman wait {id}")));
}

#[test]
fn slow_tries_are_cut_short_at_the_wait_deadline() {
    // A 3 s per-request timeout, a 1 s deadline, a server that never answers:
    // the try in flight at the deadline is not allowed its full 3 s.
    let world = World::new();
    let id = world.create();
    world.fault(
        Some("GET"),
        STATUS,
        20,
        FaultAction::Stall(Duration::from_secs(5)),
    );
    let (run, took) = timed(&world, &["wait", &id, "--timeout", "1s"]);
    run.code(69);
    assert!(
        took < Duration::from_millis(2500),
        "overran the 1 s deadline: {took:?}"
    );
    assert!(
        run.stderr.contains(&format!("bithuman wait {id}")),
        "{}",
        run.stderr
    );
}

#[test]
fn one_shot_persistent_stall_is_bounded() {
    let mut world = World::new();
    world
        .extra_env
        .push(("BITHUMAN_REQUEST_TIMEOUT".into(), "1s".into()));
    world.fault(
        Some("GET"),
        STATUS,
        5,
        FaultAction::Stall(Duration::from_secs(5)),
    );
    let (run, took) = timed(&world, &["status", "A00XXX0000"]);
    run.code(69);
    assert_eq!(world.requests(STATUS).len(), 5);
    assert!(took < Duration::from_secs(9), "{took:?}");
    assert!(run.stderr.contains("timed out"), "{}", run.stderr);
}

// ---------------------------------------------------------------- unparseable answers

#[test]
fn non_json_200_is_retried() {
    let world = World::new();
    let id = world.create();
    world.fault(
        Some("GET"),
        STATUS,
        1,
        html(200, "<html>maintenance</html>"),
    );
    world.fault(
        Some("GET"),
        STATUS,
        1,
        json_answer(200, r#"{"success":true}"#.into()),
    );
    let run = world.run(&["status", &id, "--json"]);
    run.code(0);
    assert_eq!(run.json()["agent_id"], id.as_str());
    assert_eq!(world.requests(STATUS).len(), 3);
}

#[test]
fn persistent_non_json_200_exits_70_after_five_tries() {
    let world = World::new();
    let id = world.create();
    world.fault(
        Some("GET"),
        STATUS,
        5,
        html(200, "<html><title>oops</title>nope</html>"),
    );
    let run = world.run(&["status", &id]);
    run.code(70);
    assert_eq!(world.requests(STATUS).len(), 5);
    assert_no_html(&run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn wait_deadline_while_failing_prints_the_last_record_and_exits_69() {
    let world = World::new();
    let id = world.create();
    world.fault(
        Some("GET"),
        STATUS,
        1,
        status_answer(
            serde_json::json!({"agent_id": id, "status": "generating", "current_step": "video"}),
        ),
    );
    world.fault(Some("GET"), STATUS, 100, unavailable());
    let (run, took) = timed(
        &world,
        &["wait", &id, "--interval", "1s", "--timeout", "2s", "--json"],
    );
    run.code(69);
    assert!(took < Duration::from_secs(4), "{took:?}");
    let last = run.json();
    assert_eq!(last["status"], "generating");
    run.assert_json_error("SERVICE_UNAVAILABLE", Some(&format!("bithuman wait {id}")));
}

#[test]
fn wait_deadline_with_unparseable_answers_exits_70() {
    let world = World::new();
    let id = world.create();
    world.fault(Some("GET"), STATUS, 100, html(200, "<html>not JSON</html>"));
    let (run, took) = timed(&world, &["wait", &id, "--timeout", "1500ms"]);
    run.code(70);
    assert!(took < Duration::from_secs(4), "{took:?}");
    assert!(
        run.stderr.contains(&format!("bithuman wait {id}")),
        "{}",
        run.stderr
    );
    assert_no_html(&run.stderr);
}

#[test]
fn unknown_status_string_keeps_waiting() {
    let world = World::new();
    let id = world.create();
    world.fault(
        Some("GET"),
        STATUS,
        2,
        status_answer(serde_json::json!({
            "agent_id": id, "status": "quantum", "progress": 0.5, "current_step": "entangling",
        })),
    );
    let run = world.run(&["wait", &id, "--interval", "1s", "--timeout", "30s"]);
    run.code(0);
    assert!(run.stderr.contains("quantum"), "{}", run.stderr);
    assert!(run.stdout.contains("ready"), "{}", run.stdout);
    assert!(world.requests(STATUS).len() >= 3);
}

// ---------------------------------------------------------------- idempotent replay

#[test]
fn generate_500_after_creation_is_replayed_with_the_same_key() {
    let world = World::new();
    world.fault(
        Some("POST"),
        GENERATE,
        1,
        FaultAction::RespondAfterHandling {
            status: 500,
            body: envelope(500, "INTERNAL_ERROR", "lost the answer"),
        },
    );
    let run = world.run(&["generate", "--prompt", "You are a test.", "--json"]);
    run.code(0);
    let out = run.json();
    assert_eq!(out["replayed"], true, "{out}");
    let calls = world.requests(GENERATE);
    assert_eq!(calls.len(), 2, "one retry");
    let keys: Vec<_> = calls
        .iter()
        .map(|r| r.header("idempotency-key").map(str::to_string))
        .collect();
    assert!(keys[0].is_some(), "no Idempotency-Key sent");
    assert_eq!(keys[0], keys[1], "the retry must reuse the key");
    assert_eq!(out["idempotency_key"].as_str(), keys[0].as_deref());
    // One agent: the replay names the agent the first call created, and it works.
    let id = out["agent_id"].as_str().expect("agent_id").to_string();
    world.run(&["status", &id]).code(0);
}

#[test]
fn generate_429_waits_and_retries_with_the_same_key() {
    let world = World::new();
    world.fault(
        Some("POST"),
        GENERATE,
        1,
        FaultAction::Respond {
            status: 429,
            headers: vec![("retry-after".into(), "1".into())],
            body: envelope(
                429,
                "RATE_LIMITED",
                "Too many generate requests. Retry in ~1s.",
            ),
        },
    );
    let (run, took) = timed(
        &world,
        &["generate", "--prompt", "You are a test.", "--json"],
    );
    run.code(0);
    assert!(took >= Duration::from_millis(950), "{took:?}");
    let out = run.json();
    assert_eq!(out["replayed"], false, "{out}");
    let calls = world.requests(GENERATE);
    assert_eq!(calls.len(), 2);
    assert_eq!(
        calls[0].header("idempotency-key"),
        calls[1].header("idempotency-key")
    );
}

#[test]
fn connection_refused_is_retried_then_exit_69() {
    let mut world = World::new();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    world.extra_env.push((
        "BITHUMAN_API_BASE".into(),
        format!("http://127.0.0.1:{port}"),
    ));
    let (run, took) = timed(&world, &["status", "A00XXX0000", "-v"]);
    run.code(69);
    assert_eq!(
        run.stderr.matches("→ GET").count(),
        5,
        "5 tries: {}",
        run.stderr
    );
    assert!(run.stderr.contains("could not reach"), "{}", run.stderr);
    assert!(took < Duration::from_secs(5), "{took:?}");
}

// ---------------------------------------------------------------- refusals: no retry storm

#[test]
fn unauthorized_is_not_retried() {
    let world = World::new();
    world.fault(
        Some("GET"),
        STATUS,
        5,
        json_answer(401, envelope(401, "UNAUTHORIZED", "Invalid API secret")),
    );
    let run = world.run(&["status", "A00XXX0000"]);
    run.code(77);
    assert_eq!(world.requests(STATUS).len(), 1);
    assert!(run.stderr.contains("UNAUTHORIZED"), "{}", run.stderr);
}

#[test]
fn out_of_credits_is_not_retried() {
    let world = World::new();
    world.fault(
        Some("POST"),
        GENERATE,
        5,
        json_answer(
            402,
            envelope(402, "INSUFFICIENT_BALANCE", "Not enough credits"),
        ),
    );
    let run = world.run(&["generate", "--prompt", "You are a test.", "--json"]);
    run.code(77);
    assert_eq!(world.requests(GENERATE).len(), 1);
    assert_eq!(run.json_error()["code"], "INSUFFICIENT_BALANCE");
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn not_found_ends_a_wait_at_once() {
    let world = World::new();
    let (run, took) = timed(
        &world,
        &["wait", "A00XXX0000", "--interval", "1s", "--timeout", "60s"],
    );
    run.code(66);
    assert_eq!(world.requests(STATUS).len(), 1);
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn not_found_mid_wait_ends_it() {
    let world = World::new();
    let id = world.create();
    world.fault(
        Some("GET"),
        STATUS,
        1,
        status_answer(serde_json::json!({"agent_id": id, "status": "processing"})),
    );
    world.fault(
        Some("GET"),
        STATUS,
        1,
        json_answer(
            404,
            envelope(404, "NOT_FOUND", &format!("Agent not found for code: {id}")),
        ),
    );
    let run = world.run(&["wait", &id, "--interval", "1s", "--timeout", "60s"]);
    run.code(66);
    assert_eq!(world.requests(STATUS).len(), 2);
    assert!(run.stderr.contains("NOT_FOUND"), "{}", run.stderr);
}

// ---------------------------------------------------------------- redirects

#[test]
fn redirect_to_another_host_never_carries_the_secret() {
    let world = World::new();
    let other = Sandbox::start(SandboxConfig::default()).expect("second server");
    let target = format!("{}/v1/agent/status/A00XXX0000", other.base_url());
    world.fault(
        Some("GET"),
        STATUS,
        5,
        FaultAction::Respond {
            status: 302,
            headers: vec![("location".into(), target.clone())],
            body: String::new(),
        },
    );
    let run = world.run(&["status", "A00XXX0000"]);
    assert_ne!(run.code, 0, "{run:?}");
    assert!(
        other.requests().is_empty(),
        "the other host was contacted: {:?}",
        other.requests()
    );
    assert!(run.stderr.contains("redirect"), "{}", run.stderr);
    assert!(
        run.stderr.contains(&other.base_url()),
        "names where it pointed: {}",
        run.stderr
    );
    // A refusal, not a transient failure: no retries.
    assert_eq!(world.requests(STATUS).len(), 1);
}

// ---------------------------------------------------------------- hostile server text

const HOSTILE: &str = "boom\u{1b}[2J\u{1b}]0;pwned\u{7}\u{1b}[31mred\u{1b}[0m \u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\ \u{9b}31m bell\u{7} nul\u{0} del\u{7f}";

#[test]
fn hostile_error_message_is_sanitized_in_human_mode() {
    let world = World::new();
    let id = world.create();
    let failed = serde_json::json!({
        "agent_id": id, "status": "failed", "progress": 0.4, "current_step": "voice\u{1b}[5m_image",
        "error_message": HOSTILE,
    });
    world.fault(Some("GET"), STATUS, 2, status_answer(failed));
    let run = world.run(&["status", &id]);
    run.code(0);
    assert_no_terminal_control(&run);
    assert!(run.stdout.contains("boom"), "{}", run.stdout);
    let run = world.run(&["wait", &id, "--interval", "1s"]);
    run.code(1);
    assert_no_terminal_control(&run);
    assert!(run.stderr.contains("boom"), "{}", run.stderr);
}

#[test]
fn hostile_error_message_is_clean_json() {
    let world = World::new();
    let id = world.create();
    let failed = serde_json::json!({
        "agent_id": id, "status": "failed", "error_message": HOSTILE, "extra\u{1b}[1m": "x",
    });
    world.fault(Some("GET"), STATUS, 2, status_answer(failed));
    for args in [vec!["status", &id, "--json"], vec!["wait", &id, "--json"]] {
        let run = world.run(&args);
        assert_no_terminal_control(&run);
        let record = run.json();
        let message = record["error_message"]
            .as_str()
            .expect("error_message kept");
        assert!(message.contains("boom"), "{message}");
        assert!(
            !message
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{message:?}"
        );
    }
}

#[test]
fn hostile_error_envelope_is_sanitized() {
    let world = World::new();
    world.fault(
        Some("POST"),
        GENERATE,
        1,
        json_answer(400, envelope(400, "VALIDATION_\u{1b}[2JERROR", HOSTILE)),
    );
    let run = world.run(&["generate", "--prompt", "You are a test."]);
    run.code(1);
    assert_no_terminal_control(&run);
    assert!(run.stderr.contains("boom"), "{}", run.stderr);
    assert!(run.stderr.contains("VALIDATION_ERROR"), "{}", run.stderr);
    assert_eq!(world.requests(GENERATE).len(), 1, "400 is never retried");

    world.fault(
        Some("POST"),
        GENERATE,
        1,
        json_answer(400, envelope(400, "VALIDATION_ERROR", HOSTILE)),
    );
    let run = world.run(&["generate", "--prompt", "You are a test.", "--json"]);
    run.code(1);
    assert_no_terminal_control(&run);
    let message = run.json_error()["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(!message.chars().any(char::is_control), "{message:?}");
}

// ---------------------------------------------------------------- verbose logs

#[test]
fn verbose_logs_redact_the_secret_and_elide_base64() {
    use base64::Engine as _;
    let world = World::new();
    let face = world.file("face.png", &png());
    let face = face.to_str().expect("utf-8 path");
    let encoded = base64::engine::general_purpose::STANDARD.encode(png());
    let run = world.run(&["generate", "--image", face, "--media", "base64", "-vv"]);
    run.code(0);
    assert!(run.stderr.contains("api-secret: ***"), "{}", run.stderr);
    assert!(
        !run.stderr.contains(&encoded),
        "base64 payload logged:\n{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains(&encoded[..40]),
        "base64 payload logged:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("POST"), "{}", run.stderr);
    assert!(
        run.stderr.contains("base64"),
        "the elision says what was left out: {}",
        run.stderr
    );
    // The generate request did carry the payload.
    let body = world.requests(GENERATE)[0].json().expect("JSON body");
    assert_eq!(body["image"], encoded.as_str());

    let run = world.run(&["status", run.stdout.trim(), "-v"]);
    run.code(0);
    assert!(run.stderr.contains("GET"), "{}", run.stderr);
    assert!(run.stderr.contains("200"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("api-secret"),
        "headers only with -vv: {}",
        run.stderr
    );
}

#[test]
fn verbose_logs_rate_limit_headers() {
    let world = World::new();
    let id = world.create();
    let record =
        serde_json::json!({"success": true, "data": {"agent_id": id, "status": "processing"}});
    world.fault(
        Some("GET"),
        STATUS,
        1,
        FaultAction::Respond {
            status: 200,
            headers: vec![
                ("x-ratelimit-limit".into(), "240".into()),
                ("x-ratelimit-remaining".into(), "17".into()),
                ("x-ratelimit-reset".into(), "1767225600".into()),
            ],
            body: record.to_string(),
        },
    );
    let run = world.run(&["status", &id, "-v"]);
    run.code(0);
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with('←'))
        .unwrap_or_else(|| panic!("no response line: {}", run.stderr));
    assert!(line.contains("remaining 17"), "{line}");
    assert!(line.contains("reset 1767225600"), "{line}");
    assert!(line.contains("limit 240"), "{line}");
}

// ---------------------------------------------------------------- refused before any request

#[test]
fn plain_http_base_url_is_refused_before_connecting() {
    let world = World::new();
    for base in ["http://example.com", "http://api.bithuman.ai"] {
        let run = world.run(&["--base-url", base, "status", "A00XXX0000"]);
        run.code(2);
        assert!(run.stderr.contains("https"), "{}", run.stderr);
        assert!(run.stderr.contains("BITHUMAN_ALLOW_HTTP"), "{}", run.stderr);
    }
    assert!(world.api.requests().is_empty());
}

#[test]
fn unsafe_agent_ids_are_refused_before_any_request() {
    let world = World::new();
    for bad in [
        "../etc/passwd",
        "a/b",
        "..",
        "A1 B2",
        "A1\tB",
        "A1\u{1b}[2J",
    ] {
        for cmd in ["status", "wait"] {
            let run = world.run(&[cmd, bad]);
            run.code(2);
            assert_no_terminal_control(&run);
        }
    }
    assert!(
        world.api.requests().is_empty(),
        "{:?}",
        world.api.requests()
    );
}

// ---------------------------------------------------------------- Ctrl-C

#[cfg(unix)]
#[test]
fn ctrl_c_during_wait_exits_130_with_the_resume_command() {
    let world = World::with(SandboxConfig {
        speed: 0.01,
        ..SandboxConfig::default()
    });
    let id = world.create();
    let sent_at = Instant::now();
    let run = world.interrupt(
        &["wait", &id, "--interval", "1s"],
        &[],
        Duration::from_millis(1500),
    );
    let started = sent_at + Duration::from_millis(1500);
    run.code(130);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "slow to stop: {:?}",
        started.elapsed()
    );
    assert!(
        run.stderr.contains(&format!("bithuman wait {id}")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("continues on the server"),
        "{}",
        run.stderr
    );
}

#[test]
fn one_shot_gives_up_at_once_on_a_long_retry_after() {
    let world = World::new();
    world.fault(
        Some("GET"),
        STATUS,
        10,
        FaultAction::Respond {
            status: 429,
            headers: vec![("retry-after".into(), "3600".into())],
            body: envelope(429, "RATE_LIMITED", "Retry in an hour"),
        },
    );
    let started = std::time::Instant::now();
    let run = world.run(&["status", "A00XXX0000"]);
    run.code(69);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(world.requests(STATUS).len(), 1);
    assert!(run.stderr.contains("Retry in an hour"), "{}", run.stderr);
}

#[test]
fn ctrl_c_while_creating_prints_the_idempotency_key_to_rerun_with() {
    let world = World::new();
    world.fault(
        Some("POST"),
        "/v1/agent/generate",
        1,
        FaultAction::Stall(Duration::from_secs(5)),
    );
    let run = world.interrupt(
        &["generate", "--prompt", "p", "--idempotency-key", "job-7"],
        &[("BITHUMAN_REQUEST_TIMEOUT", "10s")],
        Duration::from_millis(1000),
    );
    run.code(130);
    assert!(run.stderr.contains("may"), "{}", run.stderr);
    assert!(
        run.stderr.contains("--idempotency-key job-7"),
        "{}",
        run.stderr
    );
    // Re-running with the key gets the agent (created now, since the stalled
    // request was dropped); once more and the server replays it.
    let args = [
        "generate",
        "--prompt",
        "p",
        "--idempotency-key",
        "job-7",
        "--json",
    ];
    let first = world.run(&args);
    first.code(0);
    let again = world.run(&args);
    again.code(0);
    assert_eq!(again.json()["replayed"], true);
    assert_eq!(again.json()["agent_id"], first.json()["agent_id"]);
}
