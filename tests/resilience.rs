//! Resilience: the CLI against a fake API that misbehaves (429 with
//! `Retry-After`, 5xx bursts, CDN pages, dropped connections, stalls,
//! unparseable answers, replays, redirects, hostile text) and against
//! hostile input (bad ids, plain-HTTP base URLs), plus Ctrl-C.

use crate::common;
use common::*;

use bithuman::sandbox::{FaultAction, Sandbox, SandboxConfig};
use std::time::Duration;

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

/// The pause between two recorded requests, from the sandbox's request log
/// (when each had arrived): what the client waited, without the process's
/// start-up or the machine's load in it.
fn gap(requests: &[bithuman::sandbox::RecordedRequest], from: usize, to: usize) -> Duration {
    requests[to]
        .received
        .duration_since(requests[from].received)
}

/// From the first request the server saw until now (called right after the
/// run ended): how long the client went on once it was talking to the API.
fn since_first(world: &World, prefix: &str) -> Duration {
    world
        .requests(prefix)
        .first()
        .map_or(Duration::ZERO, |r| r.received.elapsed())
}

/// The 429 answer with this `Retry-After`.
fn rate_limited(retry_after: &str, message: &str) -> FaultAction {
    FaultAction::Respond {
        status: 429,
        headers: vec![("retry-after".into(), retry_after.into())],
        body: envelope(429, "RATE_LIMITED", message),
    }
}

/// A fault queued on the API: method, path prefix, how many times, answer.
type Queued = (&'static str, &'static str, usize, FaultAction);

/// One fault scenario: what the API does, what the user runs, what they see.
struct Case {
    name: &'static str,
    /// The faults, in order; `id` is an agent created first (when `args` names `{id}`).
    faults: fn(&str) -> Vec<Queued>,
    /// The command; `{id}` is replaced by the agent's id.
    args: &'static [&'static str],
    /// Extra environment (e.g. a short request timeout).
    env: &'static [(&'static str, &'static str)],
    exit: i32,
    /// Requests the API received under this prefix: exactly, or at least (`+`).
    requests: (&'static str, usize, bool),
    /// Text stdout / stderr must contain (`{id}` replaced).
    stdout: &'static [&'static str],
    stderr: &'static [&'static str],
    /// The JSON error's `code` on stderr (`--json` runs).
    json_code: Option<&'static str>,
    /// stdout stays empty (a failure prints nothing there).
    quiet: bool,
}

const NO_ID: &str = "A00XXX0000";

impl Case {
    const fn new(name: &'static str, args: &'static [&'static str], exit: i32) -> Self {
        Case {
            name,
            faults: |_| Vec::new(),
            args,
            env: &[],
            exit,
            requests: (STATUS, 1, false),
            stdout: &[],
            stderr: &[],
            json_code: None,
            quiet: false,
        }
    }

    /// Runs the case on a fresh API; returns what went wrong, if anything.
    fn check(&self) -> Result<(), String> {
        let mut world = World::new();
        for (k, v) in self.env {
            world.extra_env.push(((*k).into(), (*v).into()));
        }
        let id = if self.args.contains(&"{id}") {
            world.create()
        } else {
            NO_ID.to_string()
        };
        for (method, prefix, times, action) in (self.faults)(&id) {
            world.fault(Some(method), prefix, times, action);
        }
        let args: Vec<String> = self.args.iter().map(|a| a.replace("{id}", &id)).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = world.run(&args);
        let mut wrong = Vec::new();
        if run.code != self.exit {
            wrong.push(format!("exit {} (want {})", run.code, self.exit));
        }
        let (prefix, want, at_least) = self.requests;
        let sent = world.requests(prefix).len();
        if (at_least && sent < want) || (!at_least && sent != want) {
            wrong.push(format!(
                "{sent} requests to {prefix} (want {}{want})",
                if at_least { ">= " } else { "" }
            ));
        }
        for (name, text, wanted) in [
            ("stdout", &run.stdout, self.stdout),
            ("stderr", &run.stderr, self.stderr),
        ] {
            for w in wanted {
                let w = w.replace("{id}", &id);
                if !text.contains(&w) {
                    wrong.push(format!("{name} lacks {w:?}"));
                }
            }
        }
        if let Some(code) = self.json_code
            && run.json_error()["code"] != code
        {
            wrong.push(format!("JSON error code is not {code}"));
        }
        if self.quiet && !run.stdout.is_empty() {
            wrong.push("stdout is not empty".into());
        }
        assert_no_html(&run.stderr);
        assert_no_html(&run.stdout);
        if wrong.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "{}: {}\nstdout:\n{}\nstderr:\n{}",
                self.name,
                wrong.join("; "),
                run.stdout,
                run.stderr
            ))
        }
    }
}

/// Runs every case (each on its own API) and reports all failures at once.
fn check_all(cases: &[Case]) {
    let failures: Vec<String> = cases.iter().filter_map(|c| c.check().err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
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

// ---------------------------------------------------------------- the fault table

/// Transient failures are retried (same request, bounded tries), refusals are
/// not, and what the user sees names the cause without the server's HTML.
#[test]
fn faults_on_one_shot_calls() {
    check_all(&[
        Case {
            faults: |_| vec![("GET", STATUS, 10, rate_limited("0", "Too many requests"))],
            requests: (STATUS, 5, false),
            json_code: Some("RATE_LIMITED"),
            ..Case::new(
                "a 429 that keeps coming: 5 tries, exit 69",
                &["status", NO_ID, "--json"],
                69,
            )
        },
        Case {
            faults: |_| {
                vec![
                    ("GET", STATUS, 4, unavailable()),
                    (
                        "GET",
                        STATUS,
                        1,
                        html(
                            504,
                            "<html><head><title>Gateway time-out</title></head><body>x</body></html>",
                        ),
                    ),
                    ("GET", STATUS, 5, unavailable()),
                ]
            },
            requests: (STATUS, 5, false),
            stderr: &["504", "Gateway time-out"],
            quiet: true,
            ..Case::new(
                "persistent 5xx gives up after 5 tries naming the last cause",
                &["status", "{id}"],
                69,
            )
        },
        Case {
            faults: |_| vec![("GET", STATUS, 5, html(502, CDN_502))],
            requests: (STATUS, 5, false),
            stderr: &["502", "Bad gateway"],
            ..Case::new(
                "a CDN page shows as status and title in --json",
                &["status", NO_ID, "--json"],
                69,
            )
        },
        Case {
            faults: |_| vec![("GET", STATUS, 1, FaultAction::Drop)],
            requests: (STATUS, 2, false),
            stdout: &["{id}"],
            ..Case::new(
                "a dropped connection is retried",
                &["status", "{id}", "--json"],
                0,
            )
        },
        Case {
            faults: |_| {
                vec![
                    ("GET", STATUS, 1, html(200, "<html>maintenance</html>")),
                    (
                        "GET",
                        STATUS,
                        1,
                        json_answer(200, r#"{"success":true}"#.into()),
                    ),
                ]
            },
            requests: (STATUS, 3, false),
            stdout: &["{id}"],
            ..Case::new(
                "an unparseable 200 is retried",
                &["status", "{id}", "--json"],
                0,
            )
        },
        Case {
            faults: |_| {
                vec![(
                    "GET",
                    STATUS,
                    5,
                    html(200, "<html><title>oops</title>nope</html>"),
                )]
            },
            requests: (STATUS, 5, false),
            quiet: true,
            ..Case::new(
                "a persistent unparseable 200 exits 70 after 5 tries",
                &["status", "{id}"],
                70,
            )
        },
        Case {
            faults: |_| vec![("GET", STATUS, 5, FaultAction::Stall(Duration::from_secs(5)))],
            env: &[("BITHUMAN_REQUEST_TIMEOUT", "1s")],
            requests: (STATUS, 5, false),
            stderr: &["timed out"],
            ..Case::new(
                "a persistent stall is bounded by the tries",
                &["status", NO_ID],
                69,
            )
        },
        Case {
            faults: |_| {
                vec![(
                    "GET",
                    STATUS,
                    5,
                    json_answer(401, envelope(401, "UNAUTHORIZED", "Invalid API secret")),
                )]
            },
            stderr: &["UNAUTHORIZED"],
            ..Case::new("401 is not retried", &["status", NO_ID], 77)
        },
        Case {
            faults: |_| {
                vec![(
                    "POST",
                    GENERATE,
                    5,
                    json_answer(
                        402,
                        envelope(402, "INSUFFICIENT_BALANCE", "Not enough credits"),
                    ),
                )]
            },
            requests: (GENERATE, 1, false),
            json_code: Some("INSUFFICIENT_BALANCE"),
            quiet: true,
            ..Case::new(
                "402 is not retried",
                &["generate", "--prompt", "You are a test.", "--json"],
                77,
            )
        },
        Case {
            faults: |_| vec![("GET", STATUS, 10, rate_limited("3600", "Retry in an hour"))],
            stderr: &["Retry in an hour"],
            ..Case::new(
                "a one-shot call gives up at once on a long Retry-After",
                &["status", NO_ID],
                69,
            )
        },
    ]);
}

/// A wait rides out transient trouble, ends at once on 404, and keeps going
/// on a status it does not know.
#[test]
fn faults_during_a_wait() {
    check_all(&[
        Case {
            faults: |_| {
                vec![
                    ("GET", STATUS, 3, unavailable()),
                    ("GET", STATUS, 1, html(502, CDN_502)),
                ]
            },
            requests: (STATUS, 5, true),
            stdout: &["ready"],
            // -v names each retry's reason; the CDN page shows as status and title.
            stderr: &["retrying", "502", "Bad gateway"],
            ..Case::new(
                "a 503 burst and a CDN 502",
                &["wait", "{id}", "--interval", "1s", "--timeout", "30s", "-v"],
                0,
            )
        },
        Case {
            faults: |id| {
                let unknown = serde_json::json!({"agent_id": id, "status": "quantum", "progress": 0.5, "current_step": "entangling"});
                vec![("GET", STATUS, 2, status_answer(unknown))]
            },
            requests: (STATUS, 3, true),
            stdout: &["ready"],
            stderr: &["quantum"],
            ..Case::new(
                "an unknown status keeps waiting",
                &["wait", "{id}", "--interval", "1s", "--timeout", "30s"],
                0,
            )
        },
        Case::new(
            "404 ends a wait at once",
            &["wait", NO_ID, "--interval", "1s", "--timeout", "60s"],
            66,
        ),
        Case {
            faults: |id| {
                vec![
                    (
                        "GET",
                        STATUS,
                        1,
                        status_answer(serde_json::json!({"agent_id": id, "status": "processing"})),
                    ),
                    (
                        "GET",
                        STATUS,
                        1,
                        json_answer(
                            404,
                            envelope(404, "NOT_FOUND", &format!("Agent not found for code: {id}")),
                        ),
                    ),
                ]
            },
            requests: (STATUS, 2, false),
            stderr: &["NOT_FOUND"],
            ..Case::new(
                "404 in the middle of a wait ends it",
                &["wait", "{id}", "--interval", "1s", "--timeout", "60s"],
                66,
            )
        },
    ]);
}

// ---------------------------------------------------------------- pauses, from the request log

#[test]
fn retry_after_seconds_is_honoured() {
    let world = World::new();
    let id = world.create();
    world.fault(
        Some("GET"),
        STATUS,
        1,
        rate_limited("1", "Too many requests. Retry in ~1s."),
    );
    let run = world.run(&["status", &id]);
    run.code(0);
    assert!(run.stdout.contains(&id), "{}", run.stdout);
    let calls = world.requests(STATUS);
    assert_eq!(calls.len(), 2);
    // The backoff alone would be at most 50 ms (BITHUMAN_RETRY_BASE).
    assert!(
        gap(&calls, 0, 1) >= Duration::from_millis(950),
        "retried after {:?}, before Retry-After: 1",
        gap(&calls, 0, 1)
    );
}

#[test]
fn retry_after_http_date_is_honoured() {
    let world = World::new();
    let id = world.create();
    let until = std::time::SystemTime::now() + Duration::from_secs(3);
    world.fault(
        Some("GET"),
        STATUS,
        1,
        rate_limited(&httpdate::fmt_http_date(until), "slow down"),
    );
    let run = world.run(&["status", &id, "--json"]);
    run.code(0);
    assert!(run.json()["status"].is_string());
    let calls = world.requests(STATUS);
    assert_eq!(calls.len(), 2);
    // The date has one-second resolution: the retry comes no earlier than
    // the whole second before it.
    let floor = until - Duration::from_secs(1);
    let retried = std::time::SystemTime::now() - calls[1].received.elapsed();
    assert!(
        retried >= floor,
        "retried {:?} before the date",
        floor.duration_since(retried).unwrap_or_default()
    );
}

#[test]
fn generate_429_waits_and_retries_with_the_same_key() {
    let world = World::new();
    world.fault(
        Some("POST"),
        GENERATE,
        1,
        rate_limited("1", "Too many generate requests. Retry in ~1s."),
    );
    let run = world.run(&["generate", "--prompt", "You are a test.", "--json"]);
    run.code(0);
    let out = run.json();
    assert_eq!(out["replayed"], false, "{out}");
    let calls = world.requests(GENERATE);
    assert_eq!(calls.len(), 2);
    assert!(
        gap(&calls, 0, 1) >= Duration::from_millis(950),
        "{:?}",
        gap(&calls, 0, 1)
    );
    assert_eq!(
        calls[0].header("idempotency-key"),
        calls[1].header("idempotency-key")
    );
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
    let run = world.run(&["status", &id]);
    run.code(0);
    let calls = world.requests(STATUS);
    assert_eq!(calls.len(), 2);
    // Retried after the 1 s timeout, not after the 5 s stall ended.
    assert!(
        gap(&calls, 0, 1) < Duration::from_millis(4000),
        "waited for the stall: {:?}",
        gap(&calls, 0, 1)
    );
}

// ---------------------------------------------------------------- deadlines

/// A wait's deadline holds while the service fails: the try in flight at the
/// deadline is cut short, the exit says why, with the command that resumes.
#[test]
fn wait_deadlines_hold_while_the_service_fails() {
    struct Deadline {
        fault: fn(&str) -> Vec<Queued>,
        env: Option<&'static str>,
        timeout: &'static str,
        limit: Duration,
        exit: i32,
        json: Option<&'static str>,
    }
    let stall = |_: &str| {
        vec![(
            "GET",
            STATUS,
            20,
            FaultAction::Stall(Duration::from_secs(5)),
        )]
    };
    let cases = [
        // A 1 s per-request timeout, a server that never answers.
        Deadline {
            fault: stall,
            env: Some("1s"),
            timeout: "2s",
            limit: Duration::from_millis(3500),
            exit: 69,
            json: Some("NETWORK_TIMEOUT"),
        },
        // The default 60 s per-request timeout: the try in flight is cut at the deadline.
        Deadline {
            fault: stall,
            env: None,
            timeout: "1s",
            limit: Duration::from_millis(2500),
            exit: 69,
            json: None,
        },
        Deadline {
            fault: |_| vec![("GET", STATUS, 100, html(200, "<html>not JSON</html>"))],
            env: None,
            timeout: "1500ms",
            limit: Duration::from_secs(3),
            exit: 70,
            json: None,
        },
    ];
    for case in cases {
        let mut world = World::new();
        let id = world.create();
        if let Some(t) = case.env {
            world
                .extra_env
                .push(("BITHUMAN_REQUEST_TIMEOUT".into(), t.into()));
        }
        for (method, prefix, times, action) in (case.fault)(&id) {
            world.fault(Some(method), prefix, times, action);
        }
        let mut args = vec!["wait", &id, "--timeout", case.timeout];
        if case.json.is_some() {
            args.push("--json");
        }
        let run = world.run(&args);
        let took = since_first(&world, STATUS);
        run.code(case.exit);
        assert!(
            took < case.limit,
            "--timeout {}: went on for {took:?} after the first request",
            case.timeout
        );
        let resume = format!("bithuman wait {id}");
        match case.json {
            Some(code) => run.assert_json_error(code, Some(&resume)),
            None => assert!(run.stderr.contains(&resume), "{}", run.stderr),
        }
        assert_no_html(&run.stderr);
    }
}

#[test]
fn wait_deadline_while_failing_prints_the_last_record_and_exits_69() {
    let world = World::new();
    let id = world.create();
    let generating =
        serde_json::json!({"agent_id": id, "status": "generating", "current_step": "video"});
    world.fault(Some("GET"), STATUS, 1, status_answer(generating));
    world.fault(Some("GET"), STATUS, 100, unavailable());
    let run = world.run(&["wait", &id, "--interval", "1s", "--timeout", "2s", "--json"]);
    let took = since_first(&world, STATUS);
    run.code(69);
    assert!(took < Duration::from_millis(3500), "{took:?}");
    assert_eq!(run.json()["status"], "generating");
    run.assert_json_error("SERVICE_UNAVAILABLE", Some(&format!("bithuman wait {id}")));
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
    let run = world.run(&["status", NO_ID, "-v"]);
    run.code(69);
    assert_eq!(
        run.stderr.matches("→ GET").count(),
        5,
        "5 tries: {}",
        run.stderr
    );
    assert!(run.stderr.contains("could not reach"), "{}", run.stderr);
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
    let sent_at = std::time::Instant::now();
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
