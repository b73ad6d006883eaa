//! Black-box tests of `generate`, `status` and `wait` against the fake API:
//! exit codes, stdout, stderr, and what the server received.

use crate::common;
use bithuman::sandbox::{FaultAction, SandboxConfig};
use common::*;
use serde_json::{Value, json};

fn status_body(data: Value) -> String {
    json!({"success": true, "data": data}).to_string()
}

#[test]
fn generate_prints_the_id_alone_and_sends_model_and_key() {
    let w = World::new();
    let r = w.run(&[
        "generate",
        "--prompt",
        "You are a concierge.",
        "--image",
        "https://example.com/face.jpg",
    ]);
    r.code(0);
    let id = r.stdout.trim();
    assert!(
        !id.is_empty() && !id.contains(char::is_whitespace),
        "stdout: {:?}",
        r.stdout
    );
    assert_eq!(r.stdout, format!("{id}\n"));
    assert!(
        r.stderr.contains(&format!("bithuman wait {id}")),
        "hint: {}",
        r.stderr
    );
    let reqs = w.requests("/v1/agent/generate");
    assert_eq!(reqs.len(), 1);
    let body = reqs[0].json().expect("json body");
    assert_eq!(
        body,
        json!({"model": "essence-1", "prompt": "You are a concierge.", "image": "https://example.com/face.jpg"})
    );
    assert_eq!(reqs[0].header("api-secret"), Some(SECRET));
    assert!(
        reqs[0]
            .header("user-agent")
            .unwrap_or("")
            .starts_with("bithuman-cli/")
    );
    let key1 = reqs[0]
        .header("idempotency-key")
        .expect("idempotency key")
        .to_string();
    w.run(&["generate", "--prompt", "again"]).code(0);
    let reqs = w.requests("/v1/agent/generate");
    assert_ne!(
        reqs[1].header("idempotency-key"),
        Some(key1.as_str()),
        "a fresh key per invocation"
    );
}

#[test]
fn generate_json_output_shape() {
    let w = World::new();
    let r = w.run(&[
        "generate",
        "--prompt",
        "p",
        "--image",
        "https://example.com/f.png",
        "--idempotency-key",
        "job-42",
        "--json",
    ]);
    r.code(0);
    assert_eq!(
        r.stderr, "",
        "stderr must be empty in --json mode on success"
    );
    let v = r.json();
    assert_eq!(v["schema_version"], 1);
    assert!(v["agent_id"].as_str().is_some_and(|s| !s.is_empty()));
    assert_eq!(v["status"], "processing");
    assert_eq!(v["idempotency_key"], "job-42");
    assert_eq!(v["replayed"], false);
    assert_eq!(v["inputs"]["image"], "https://example.com/f.png");
    assert_eq!(
        w.requests("/v1/agent/generate")[0].header("idempotency-key"),
        Some("job-42")
    );
    // Same key again: the server replays, the CLI says so, no new agent.
    let again = w.run(&[
        "generate",
        "--prompt",
        "p",
        "--image",
        "https://example.com/f.png",
        "--idempotency-key",
        "job-42",
        "--json",
    ]);
    again.code(0);
    let v2 = again.json();
    assert_eq!(v2["agent_id"], v["agent_id"]);
    assert_eq!(v2["replayed"], true);
    let human = w.run(&[
        "generate",
        "--prompt",
        "p",
        "--image",
        "https://example.com/f.png",
        "--idempotency-key",
        "job-42",
    ]);
    human.code(0);
    assert!(human.stderr.contains("replayed"), "{}", human.stderr);
}

#[test]
fn every_generate_flag_reaches_the_body() {
    let w = World::new();
    let r = w.run(&[
        "generate",
        "--prompt",
        "p",
        "--audio",
        "https://example.com/v.wav",
        "--aspect-ratio",
        "9:16",
        "--duration",
        "10",
        "--agent-id",
        "my-agent",
        "--model",
        "essence-2",
        "--framing",
        "full_body",
        "--transparency",
        "--image",
        "https://example.com/f.jpg",
    ]);
    r.code(0);
    let body = w.requests("/v1/agent/generate")[0].json().expect("json");
    assert_eq!(
        body,
        json!({"model": "essence-2", "prompt": "p", "image": "https://example.com/f.jpg", "audio": "https://example.com/v.wav",
               "aspect_ratio": "9:16", "agent_id": "my-agent", "framing": "full_body", "duration": 10, "transparency": true})
    );
}

#[test]
fn video_is_sent_and_its_refusal_explained() {
    let w = World::new();
    let r = w.run(&[
        "generate",
        "--video",
        "https://example.com/v.mp4",
        "--video-aspect-ratio",
        "1:1",
    ]);
    r.code(1);
    let body = w.requests("/v1/agent/generate")[0].json().expect("json");
    assert_eq!(body["video"], "https://example.com/v.mp4");
    assert_eq!(body["video_aspect_ratio"], "1:1");
    assert!(
        r.stderr.contains("VIDEO_INPUT_NOT_SUPPORTED"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("--image"),
        "suggests --image: {}",
        r.stderr
    );
}

#[test]
fn usage_errors_exit_2_and_send_nothing() {
    let w = World::new();
    for args in [
        vec!["generate"],
        vec!["generate", "--prompt", "p", "--aspect-ratio", "4:3"],
        vec!["generate", "--prompt", "p", "--framing", "wide"],
        vec!["generate", "--prompt", "p", "--media", "carrier-pigeon"],
        vec!["generate", "--prompt", "p", "--duration", "0"],
        vec!["generate", "--prompt", "p", "--duration", "abc"],
        vec!["generate", "--prompt", "p", "--download"],
        vec!["generate", "--prompt", "p", "--wait", "--interval", "500ms"],
        vec!["generate", "--prompt", "p", "--wait", "--timeout", "soon"],
        vec!["generate", "--prompt", "p", "--prompt-file", "x.txt"],
        vec!["status"],
        vec!["wait"],
        vec!["status", "a/b"],
        vec!["status", ".."],
        vec!["wait", "A1 B2"],
        vec!["frobnicate"],
    ] {
        let r = w.run(&args);
        assert_eq!(r.code, 2, "{args:?}\n{}", r.stderr);
        assert!(!r.stderr.is_empty(), "{args:?} explains itself");
    }
    assert!(w.api.requests().is_empty(), "no request for usage errors");
}

#[test]
fn missing_secret_exits_77_before_any_request() {
    let w = World::new();
    let r = w.run_cmd(
        w.cmd()
            .env_remove("BITHUMAN_API_SECRET")
            .args(["generate", "--prompt", "p"]),
    );
    r.code(77);
    assert!(r.stderr.contains("BITHUMAN_API_SECRET"), "{}", r.stderr);
    assert!(
        r.stderr.contains("bithuman auth login --with-token"),
        "{}",
        r.stderr
    );
    let r = w.run_cmd(
        w.cmd()
            .env_remove("BITHUMAN_API_SECRET")
            .args(["status", "A1", "--json"]),
    );
    r.code(77);
    assert_eq!(r.json_error()["code"], "NO_SECRET");
    assert!(w.api.requests().is_empty());
}

#[test]
fn rejected_secret_and_no_credits_exit_77() {
    let w = World::with(SandboxConfig {
        speed: 20.0,
        secret: Some("other".into()),
        ..SandboxConfig::default()
    });
    let r = w.run(&["status", "A1", "--json"]);
    r.code(77);
    let e = r.json_error();
    assert_eq!(e["code"], "UNAUTHORIZED");
    assert_eq!(e["http_status"], 401);
    assert_eq!(e["command"], "status");
    let w = World::new();
    w.respond(
        Some("POST"),
        "/v1/agent/generate",
        1,
        402,
        &envelope(402, "INSUFFICIENT_BALANCE", "Not enough credits"),
    );
    let r = w.run(&["generate", "--prompt", "p"]);
    r.code(77);
    assert!(
        r.stderr.contains("Not enough credits") && r.stderr.contains("INSUFFICIENT_BALANCE"),
        "{}",
        r.stderr
    );
    assert_eq!(
        w.requests("/v1/agent/generate").len(),
        1,
        "402 is never retried"
    );
}

#[test]
fn status_prints_record_and_keeps_unknown_fields() {
    let w = World::new();
    let id = w.create();
    let r = w.run(&["status", &id]);
    r.code(0);
    for label in ["id", "status", "viewer"] {
        assert!(
            r.stdout.lines().any(|l| l.starts_with(label)),
            "{label} in {}",
            r.stdout
        );
    }
    assert!(r.stdout.contains(&format!("https://www.bithuman.ai/{id}")));
    w.respond(Some("GET"), "/v1/agent/status/", 1, 200, &status_body(json!({"agent_id": id, "status": "generating", "progress": 0.3, "future_field": {"x": [1, 2]}})));
    let r = w.run(&["status", &id, "--json"]);
    r.code(0);
    assert_eq!(r.stderr, "");
    let v = r.json();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["viewer_url"], format!("https://www.bithuman.ai/{id}"));
    assert_eq!(v["future_field"], json!({"x": [1, 2]}));
    assert_eq!(v["progress"], 0.3);
}

#[test]
fn status_of_unknown_agent_exits_66_with_json_error() {
    let w = World::new();
    let r = w.run(&["status", "A00XXX0000", "--json"]);
    r.code(66);
    assert_eq!(r.stdout, "");
    let e = r.json_error();
    assert_eq!(e["code"], "NOT_FOUND");
    assert_eq!(e["http_status"], 404);
    assert!(e["message"].as_str().unwrap_or("").contains("A00XXX0000"));
    assert_eq!(
        w.requests("/v1/agent/status/").len(),
        1,
        "404 is not retried"
    );
}

#[test]
fn several_ids_print_one_record_each_and_worst_exit() {
    let w = World::new();
    let a = w.create();
    let b = w.create();
    let r = w.run(&["status", &a, &b, "--json"]);
    r.code(0);
    let lines = r.json_lines();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["agent_id"], a.as_str());
    assert_eq!(lines[1]["agent_id"], b.as_str());
    let r = w.run(&["status", &a, "A00XXX0000"]);
    r.code(66);
    assert!(r.stdout.contains(&a));
}

#[test]
fn wait_reaches_ready_with_plain_progress_lines() {
    let w = World::new();
    let id = w.create();
    let r = w.run(&["wait", &id, "--interval", "1s"]);
    r.code(0);
    assert!(r.stdout.contains("ready"), "{}", r.stdout);
    assert!(
        !r.stderr.contains('\r'),
        "no carriage returns off a terminal"
    );
    let lines: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with(&id)).collect();
    assert!(!lines.is_empty(), "one line per change: {}", r.stderr);
    assert!(
        lines.last().is_some_and(|l| l.contains("ready")),
        "{}",
        r.stderr
    );
    let json = w.run(&["wait", &id, "--json"]);
    json.code(0);
    assert_eq!(json.stderr, "");
    let v = json.json();
    assert_eq!(v["status"], "ready");
    assert!(
        v["model_url"]
            .as_str()
            .is_some_and(|u| u.starts_with(&w.base()))
    );
}

#[test]
fn wait_walks_through_completed_and_success_rows() {
    let w = World::new();
    let id = w.create();
    let row = |status: &str, p: f64| {
        status_body(
            json!({"agent_id": id, "status": status, "progress": p, "current_step": "persona"}),
        )
    };
    w.respond(
        Some("GET"),
        "/v1/agent/status/",
        1,
        200,
        &row("completed", 0.05),
    );
    w.respond(
        Some("GET"),
        "/v1/agent/status/",
        1,
        200,
        &row("success", 0.2),
    );
    w.respond(
        Some("GET"),
        "/v1/agent/status/",
        1,
        200,
        &row("quantum_state", 0.5),
    );
    let r = w.run(&["wait", &id, "--interval", "1s", "--json"]);
    r.code(0);
    assert_eq!(r.json()["status"], "ready");
    assert!(
        w.requests("/v1/agent/status/").len() >= 4,
        "kept polling past completed/success/unknown"
    );
}

#[test]
fn legacy_success_at_full_progress_is_ready() {
    let w = World::new();
    w.respond(
        Some("GET"),
        "/v1/agent/status/",
        1,
        200,
        &status_body(json!({"agent_id": "ALEGACY", "status": "success", "progress": 100})),
    );
    let r = w.run(&["wait", "ALEGACY", "--json"]);
    r.code(0);
    assert_eq!(r.json()["status"], "success");
    assert_eq!(w.requests("/v1/agent/status/").len(), 1);
}

#[test]
fn failed_agent_exits_1_with_its_message() {
    let w = World::new();
    let id = w.create();
    w.respond(Some("GET"), "/v1/agent/status/", 1, 200, &status_body(json!({"agent_id": id, "status": "failed", "progress": 0.2, "error_message": "Image processing failed: Failed to download after 3 attempts: 404"})));
    let r = w.run(&["wait", &id]);
    r.code(1);
    assert!(r.stdout.contains("failed"));
    assert!(r.stderr.contains("Image processing failed"), "{}", r.stderr);
    let r2 = w.run(&["generate", "--prompt", "p", "--wait", "--json"]);
    r2.code(0);
}

#[test]
fn timeout_prints_last_record_and_resume_command_exit_75() {
    let w = World::with(SandboxConfig {
        speed: 0.01,
        ..SandboxConfig::default()
    });
    let id = w.create();
    let started = std::time::Instant::now();
    let r = w.run(&["wait", &id, "--timeout", "2s", "--interval", "1s"]);
    r.code(75);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(6),
        "deadline honoured"
    );
    assert!(
        r.stdout.contains(&id),
        "last record on stdout: {}",
        r.stdout
    );
    assert!(
        r.stderr.contains(&format!("bithuman wait {id}")),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("not failed"), "{}", r.stderr);
    let r = w.run(&["wait", &id, "--timeout", "1s", "--json"]);
    r.code(75);
    let e = r.json_error();
    assert_eq!(e["code"], "TIMEOUT");
    assert!(
        e["hint"]
            .as_str()
            .unwrap_or("")
            .contains(&format!("bithuman wait {id}"))
    );
    assert_eq!(r.json()["agent_id"], id.as_str());
}

#[test]
fn several_ids_share_one_deadline_and_worst_exit_wins() {
    let w = World::with(SandboxConfig {
        speed: 0.01,
        ..SandboxConfig::default()
    });
    let slow = w.create();
    w.respond(
        Some("GET"),
        &format!("/v1/agent/status/{slow}"),
        1,
        200,
        &status_body(json!({"agent_id": slow, "status": "generating"})),
    );
    let fast_ready = status_body(
        json!({"agent_id": "AREADY", "status": "ready", "progress": 1.0, "current_step": "done"}),
    );
    w.respond(Some("GET"), "/v1/agent/status/AREADY", 1, 200, &fast_ready);
    let started = std::time::Instant::now();
    let r = w.run(&[
        "wait",
        "AREADY",
        &slow,
        "--timeout",
        "2s",
        "--interval",
        "1s",
        "--json",
    ]);
    assert!(started.elapsed() < std::time::Duration::from_secs(6));
    r.code(75);
    let lines = r.json_lines();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
}

#[test]
fn generate_wait_shows_the_id_before_waiting() {
    let w = World::new();
    let r = w.run(&["generate", "--prompt", "p", "--wait"]);
    r.code(0);
    let first = r
        .stderr
        .lines()
        .find(|l| l.contains("Created agent"))
        .expect("id shown before waiting");
    let id = first.split_whitespace().nth(2).expect("id");
    assert!(r.stdout.contains(id));
    assert!(r.stdout.contains("ready"));
}

#[test]
fn html_error_pages_are_summarised_not_dumped() {
    let w = World::new();
    let page = "<!DOCTYPE html><html><head><title>502 Bad gateway</title></head><body><script>alert(1)</script></body></html>";
    w.fault(
        Some("GET"),
        "/v1/agent/status/",
        10,
        FaultAction::Respond {
            status: 502,
            headers: vec![("content-type".into(), "text/html".into())],
            body: page.into(),
        },
    );
    let r = w.run(&["status", "A1"]);
    r.code(69);
    assert!(r.stderr.contains("502"), "{}", r.stderr);
    assert!(
        !r.stderr.contains("<script>") && !r.stderr.contains("<html"),
        "{}",
        r.stderr
    );
}

#[test]
fn settings_precedence_and_sources() {
    let w = World::new();
    std::fs::create_dir_all(w.config_path().parent().expect("dir")).expect("mkdir");
    // Deprecated alias: accepted with a warning.
    let r = w.run_cmd(
        w.cmd()
            .env_remove("BITHUMAN_API_SECRET")
            .env("BITHUMAN_API_KEY", SECRET)
            .args(["status", "A00XXX0000"]),
    );
    r.code(66);
    assert!(
        r.stderr.contains("BITHUMAN_API_KEY is deprecated"),
        "{}",
        r.stderr
    );
    // Both set and different: BITHUMAN_API_SECRET wins, the warning names the alias.
    let r = w.run_cmd(
        w.cmd()
            .env("BITHUMAN_API_KEY", "sk_other_value_123456")
            .args(["status", "A00XXX0000"]),
    );
    r.code(66);
    assert!(r.stderr.contains("BITHUMAN_API_KEY"), "{}", r.stderr);
    assert_eq!(
        w.api
            .requests()
            .last()
            .and_then(|q| q.header("api-secret").map(str::to_string))
            .as_deref(),
        Some(SECRET)
    );
    // Config file and profile; --base-url beats the environment.
    std::fs::write(
        w.config_path(),
        format!("api_secret = \"{SECRET}\"\nmodel = \"expression-2\"\n[profiles.alt]\nmodel = \"essence-2\"\n"),
    )
    .expect("config");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(w.config_path(), std::fs::Permissions::from_mode(0o600))
            .expect("chmod");
    }
    let r = w.run_cmd(
        w.cmd()
            .env_remove("BITHUMAN_API_SECRET")
            .args(["generate", "--prompt", "p"]),
    );
    r.code(0);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
    let last = w.requests("/v1/agent/generate").pop().expect("generate");
    assert_eq!(last.json().expect("json")["model"], "expression-2");
    w.run(&["--profile", "alt", "generate", "--prompt", "p"])
        .code(0);
    assert_eq!(
        w.requests("/v1/agent/generate")
            .pop()
            .and_then(|q| q.json())
            .expect("json")["model"],
        "essence-2"
    );
    w.run(&["generate", "--prompt", "p", "--model", "essence-1"])
        .code(0);
    assert_eq!(
        w.requests("/v1/agent/generate")
            .pop()
            .and_then(|q| q.json())
            .expect("json")["model"],
        "essence-1"
    );
    let r = w.run(&["--profile", "missing", "status", "A1"]);
    r.code(2);
    let r = w.run_cmd(
        w.cmd()
            .env("BITHUMAN_API_BASE", "http://127.0.0.1:9")
            .args(["--base-url", &w.base(), "status", "A00XXX0000"]),
    );
    r.code(66);
    // BITHUMAN_API_URL is the fallback.
    let r = w.run_cmd(
        w.cmd()
            .env_remove("BITHUMAN_API_BASE")
            .env("BITHUMAN_API_URL", w.base())
            .args(["status", "A00XXX0000"]),
    );
    r.code(66);
    // A world-readable config holding the secret earns a warning.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(w.config_path(), std::fs::Permissions::from_mode(0o644))
            .expect("chmod");
        let r = w.run_cmd(
            w.cmd()
                .env_remove("BITHUMAN_API_SECRET")
                .args(["status", "A00XXX0000"]),
        );
        assert!(r.stderr.contains("chmod 600"), "{}", r.stderr);
    }
}

#[test]
fn official_config_is_the_last_fallback() {
    let w = World::new();
    std::fs::create_dir_all(w.home().join(".bithuman")).expect("mkdir");
    std::fs::write(
        w.home().join(".bithuman/config"),
        format!("# official\nBITHUMAN_API_SECRET=\"{SECRET}\"\n"),
    )
    .expect("write");
    let r = w.run_cmd(
        w.cmd()
            .env_remove("BITHUMAN_API_SECRET")
            .args(["status", "A00XXX0000"]),
    );
    r.code(66);
    assert_eq!(w.api.requests()[0].header("api-secret"), Some(SECRET));
}

#[test]
fn plain_http_is_refused_unless_loopback_or_allowed() {
    let w = World::new();
    let r = w.run(&["--base-url", "http://api.example.invalid", "status", "A1"]);
    r.code(2);
    assert!(
        r.stderr.contains("https") && r.stderr.contains("BITHUMAN_ALLOW_HTTP"),
        "{}",
        r.stderr
    );
    let r = w.run_cmd(w.cmd().env("BITHUMAN_ALLOW_HTTP", "1").args([
        "--base-url",
        "http://api.example.invalid",
        "status",
        "A1",
    ]));
    assert_eq!(r.code, 69, "allowed, then fails to connect: {}", r.stderr);
}

#[test]
fn global_flags_work_before_and_after_the_command() {
    let w = World::new();
    let id = w.create();
    let a = w.run(&["--json", "status", &id]);
    let b = w.run(&["status", &id, "--json"]);
    a.code(0);
    b.code(0);
    assert_eq!(a.json()["agent_id"], b.json()["agent_id"]);
    let q = w.run(&["-q", "generate", "--prompt", "p"]);
    q.code(0);
    assert_eq!(q.stderr, "", "quiet: {}", q.stderr);
    let env_json = w.run_cmd(w.cmd().env("BITHUMAN_JSON", "1").args(["status", &id]));
    env_json.code(0);
    assert_eq!(env_json.json()["agent_id"], id.as_str());
}

#[test]
fn version_names_the_build_and_sends_nothing() {
    let w = World::new();
    let plain = w.run(&["--version"]);
    plain.code(0);
    assert_eq!(
        plain.stdout,
        format!("bithuman {}\n", env!("CARGO_PKG_VERSION"))
    );
    let v = w.run(&["version", "--json"]);
    v.code(0);
    let j = v.json();
    assert_eq!(j["schema_version"], 1);
    assert_eq!(j["version"], env!("CARGO_PKG_VERSION"));
    for key in ["commit", "build_date", "target"] {
        assert!(j[key].as_str().is_some_and(|s| !s.is_empty()), "{key}: {j}");
    }
    let date = j["build_date"].as_str().unwrap_or_default();
    assert!(
        date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-',
        "build_date: {date}"
    );
    let human = w.run(&["version"]);
    human.code(0);
    assert_eq!(
        human.stdout,
        format!(
            "bithuman {} ({} {}, {})\n",
            j["version"].as_str().unwrap_or_default(),
            j["commit"].as_str().unwrap_or_default(),
            date,
            j["target"].as_str().unwrap_or_default()
        )
    );
    assert!(w.requests("/").is_empty(), "version sent a request");
}

#[test]
fn sandbox_ids_work_across_invocations() {
    let w = World::new();
    let r = w.run_cmd(w.cmd().env_remove("BITHUMAN_API_SECRET").args([
        "--sandbox",
        "generate",
        "--prompt",
        "p",
    ]));
    r.code(0);
    let id = r.stdout.trim().to_string();
    assert!(r.stderr.contains("sandbox"), "{}", r.stderr);
    let r = w.run_cmd(w.cmd().env_remove("BITHUMAN_API_SECRET").args([
        "--sandbox",
        "status",
        &id,
        "--json",
    ]));
    r.code(0);
    assert_eq!(r.stderr, "", "no sandbox note with --json");
    assert_eq!(r.json()["agent_id"], id.as_str());
    assert!(
        w.api.requests().is_empty(),
        "the sandbox never touched the configured API"
    );
}

#[test]
fn wait_last_resumes_the_newest_agent() {
    let w = World::new();
    let r = w.run(&["wait", "--last"]);
    r.code(66);
    let id = w.create();
    let r = w.run(&["wait", "--last", "--json"]);
    r.code(0);
    assert_eq!(r.json()["agent_id"], id.as_str());
    // The journal (SPEC §8): the intent, then the id; never the secret.
    let path = w.home().join(".state/bithuman/jobs.jsonl");
    let journal = std::fs::read_to_string(&path).expect("journal");
    assert!(journal.contains(&id));
    assert!(journal.contains("\"kind\":\"agent\""), "{journal}");
    assert!(!journal.contains(SECRET));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("stat").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn json_mode_usage_errors_are_json_too() {
    let w = World::new();
    for args in [
        vec!["status", "--json"],
        vec![
            "generate",
            "--prompt",
            "p",
            "--aspect-ratio",
            "4:3",
            "--json",
        ],
        vec!["--json", "frobnicate"],
    ] {
        let r = w.run(&args);
        r.code(2);
        let e = r.json_error();
        assert_eq!(e["code"], "USAGE", "{args:?}");
        assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert_eq!(
            r.stderr.lines().count(),
            1,
            "one error object: {}",
            r.stderr
        );
    }
    let r = w.run(&["status", "--json"]);
    assert_eq!(r.json_error()["command"], "status");
}

#[test]
fn several_failures_make_one_json_error_object() {
    let w = World::with(SandboxConfig {
        speed: 0.01,
        ..SandboxConfig::default()
    });
    let slow = w.create();
    w.respond(
        Some("GET"),
        "/v1/agent/status/AFAILED",
        1,
        200,
        &status_body(json!({"agent_id": "AFAILED", "status": "failed", "error_message": "boom"})),
    );
    let r = w.run(&[
        "wait",
        "AFAILED",
        &slow,
        "--timeout",
        "2s",
        "--interval",
        "1s",
        "--json",
    ]);
    r.code(1);
    assert_eq!(
        r.stderr.lines().count(),
        1,
        "one error object: {}",
        r.stderr
    );
    let e = r.json_error();
    let message = e["message"].as_str().unwrap_or("");
    assert!(
        message.contains("AFAILED") && message.contains(&slow),
        "{message}"
    );
    assert!(
        e["hint"]
            .as_str()
            .unwrap_or("")
            .contains(&format!("bithuman wait {slow}"))
    );
    let r = w.run(&["status", "A00XXX0001", "A00XXX0002", "--json"]);
    r.code(66);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}

#[test]
fn a_secret_echoed_by_the_server_is_redacted() {
    let w = World::new();
    let echo = envelope(401, "UNAUTHORIZED", &format!("bad secret {SECRET} given"));
    w.respond(Some("GET"), "/v1/agent/status/", 2, 401, &echo);
    // The harness asserts the secret never reaches stdout or stderr.
    let r = w.run(&["status", "A1"]);
    r.code(77);
    assert!(r.stderr.contains("bad secret *** given"), "{}", r.stderr);
    w.run(&["status", "A1", "--json"]).code(77);
}

#[test]
fn generate_refuses_unsafe_agent_ids_and_download_to_stdout() {
    let w = World::new();
    w.run(&["generate", "--prompt", "p", "--agent-id", "a/b"])
        .code(2);
    w.run(&["generate", "--prompt", "p", "--wait", "--download", "-"])
        .code(2);
    assert!(w.api.requests().is_empty());
}

#[test]
fn prompt_file_loses_only_its_final_newline() {
    let w = World::new();
    let file = w.file("persona.txt", b"  You are a concierge.\nBe kind.\n\n");
    w.run(&["generate", "--prompt-file", file.to_str().expect("path")])
        .code(0);
    w.run_stdin(&["generate", "--prompt-file", "-"], "from stdin\n")
        .code(0);
    let bodies = w.requests("/v1/agent/generate");
    assert_eq!(
        bodies[0].json().expect("json")["prompt"],
        "  You are a concierge.\nBe kind."
    );
    assert_eq!(bodies[1].json().expect("json")["prompt"], "from stdin");
}

#[test]
fn json_mode_keeps_stderr_parseable_with_warnings() {
    let w = World::new();
    let alias = |args: &[&str]| {
        w.run_cmd(
            w.cmd()
                .env_remove("BITHUMAN_API_SECRET")
                .env("BITHUMAN_API_KEY", SECRET)
                .args(args),
        )
    };
    // Failure: the warning travels inside the one error object.
    let r = alias(&["status", "A00XXX0000", "--json"]);
    r.code(66);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let v: Value = serde_json::from_str(r.stderr.trim()).expect("stderr is one JSON object");
    assert_eq!(v["error"]["code"], "NOT_FOUND");
    assert!(
        v["warnings"][0]
            .as_str()
            .unwrap_or("")
            .contains("BITHUMAN_API_KEY"),
        "{v}"
    );
    // Success: warnings are JSON lines.
    let id = w.create();
    let r = alias(&["status", &id, "--json"]);
    r.code(0);
    for line in r.stderr.lines() {
        let v: Value = serde_json::from_str(line).expect("JSON warning line");
        assert!(
            v["warning"]["message"]
                .as_str()
                .unwrap_or("")
                .contains("BITHUMAN_API_KEY")
        );
    }
    assert_eq!(r.stderr.lines().count(), 1);
}

#[test]
fn auth_login_can_create_a_new_profile() {
    let w = World::new();
    let r = w.run_stdin(
        &["--profile", "ci", "auth", "login", "--with-token"],
        format!("{SECRET}\n"),
    );
    r.code(0);
    let text = std::fs::read_to_string(w.config_path()).expect("config written");
    let table: toml::Table = text.parse().expect("valid TOML");
    assert_eq!(table["profiles"]["ci"]["api_secret"].as_str(), Some(SECRET));
    assert!(
        table.get("api_secret").is_none(),
        "stored under the profile only"
    );
    // The profile now resolves.
    let r = w.run_cmd(w.cmd().env_remove("BITHUMAN_API_SECRET").args([
        "--profile",
        "ci",
        "auth",
        "status",
    ]));
    r.code(0);
    assert!(r.stdout.contains("profile ci"), "{}", r.stdout);
}

// Everyday use (SPEC §18): one exit-code rule per class of input, and no
// typo or over-budget job gets as far as an upload.

#[test]
fn a_model_typo_is_a_usage_error_before_anything_is_uploaded() {
    let w = World::new();
    let image = w.file("face.png", &png());
    let r = w.run(&[
        "generate",
        "--image",
        image.to_str().expect("utf-8 path"),
        "--model",
        "essense-1",
    ]);
    r.code(2);
    assert!(
        r.stderr.contains("essence-1"),
        "names the nearest: {}",
        r.stderr
    );
    assert!(w.requests("/").is_empty(), "nothing was sent");
}

#[test]
fn a_model_typo_in_the_config_file_is_a_usage_error_naming_its_source() {
    let w = World::new();
    let config = w.config_path();
    std::fs::create_dir_all(config.parent().expect("config folder")).expect("mkdir");
    std::fs::write(&config, "model = \"essense-1\"\n").expect("config");
    let r = w.run(&["generate", "--prompt", "p"]);
    r.code(2);
    assert!(r.stderr.contains("did you mean essence-1?"), "{}", r.stderr);
    assert!(
        r.stderr.contains("config"),
        "names the source: {}",
        r.stderr
    );
    assert!(w.requests("/").is_empty(), "nothing was sent");
}

#[test]
fn an_empty_prompt_is_bad_input_like_an_empty_text() {
    let w = World::new();
    let r = w.run(&["generate", "--prompt", "  "]);
    r.code(65);
    assert!(r.stderr.contains("--prompt is empty"), "{}", r.stderr);
    let r = w.run(&["video", "generate", "--agent", "A1", "--text", ""]);
    r.code(65);
    assert!(w.requests("/").is_empty(), "nothing was sent");
}

#[test]
fn a_dry_run_over_the_budget_exits_as_the_real_run_would() {
    let w = World::new();
    let args = ["generate", "--prompt", "p", "--max-credits", "100"];
    let real = w.run(&args);
    real.code(77);
    let mut dry = args.to_vec();
    dry.push("--dry-run");
    let r = w.run(&dry);
    r.code(77);
    assert!(
        r.stdout.contains("POST "),
        "the preview is still printed: {}",
        r.stdout
    );
    assert!(r.stderr.contains("over --max-credits 100"), "{}", r.stderr);
    assert!(w.requests("/v1/agent/generate").is_empty());
    // Within the budget the dry run succeeds.
    w.run(&[
        "generate",
        "--prompt",
        "p",
        "--max-credits",
        "1000",
        "--dry-run",
    ])
    .code(0);
}

#[test]
fn a_base_url_ending_in_v1_is_refused_with_the_fix() {
    let w = World::new();
    let base = format!("{}/v1", w.base());
    let r = w.run(&["--base-url", &base, "status", "A1"]);
    r.code(2);
    assert!(r.stderr.contains("/v1/v1"), "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("use {}", w.base())),
        "{}",
        r.stderr
    );
    assert!(w.requests("/").is_empty(), "nothing was sent");
}

#[test]
fn jq_filters_the_json_output_and_prints_strings_raw() {
    let w = World::new();
    let r = w.run(&["generate", "--prompt", "p", "--jq", ".agent_id"]);
    r.code(0);
    let id = r.stdout.trim();
    assert!(
        !id.is_empty() && !id.starts_with('"'),
        "raw string: {:?}",
        r.stdout
    );
    assert_eq!(w.requests("/v1/agent/generate").len(), 1);
    let r = w.run(&["status", id, "--jq", "{id: .agent_id, kind}"]);
    r.code(0);
    assert_eq!(
        r.stdout,
        format!("{{\"id\":\"{id}\",\"kind\":\"agent\"}}\n")
    );
}

#[test]
fn a_bad_jq_expression_is_a_usage_error_before_anything_is_sent() {
    let w = World::new();
    let r = w.run(&["generate", "--prompt", "p", "--jq", ".["]);
    r.code(2);
    assert!(r.stdout.is_empty());
    assert_eq!(r.json_error()["code"], "USAGE");
    assert!(w.requests("/").is_empty(), "nothing was sent");
}

#[test]
fn a_rate_limit_pause_is_said_not_silent() {
    let w = World::new();
    w.fault(
        Some("POST"),
        "/v1/agent/generate",
        1,
        FaultAction::Respond {
            status: 429,
            headers: vec![("Retry-After".into(), "1".into())],
            body: envelope(429, "RATE_LIMITED", "Too many generate requests"),
        },
    );
    let r = w.run(&["generate", "--prompt", "p"]);
    r.code(0);
    assert!(
        r.stderr.contains("rate limited by the API; next try in 1s"),
        "{}",
        r.stderr
    );
    assert_eq!(w.requests("/v1/agent/generate").len(), 2);
    // Nothing but data in --json mode: the pause is not a JSON object.
    w.fault(
        Some("POST"),
        "/v1/agent/generate",
        1,
        FaultAction::Respond {
            status: 429,
            headers: vec![("Retry-After".into(), "1".into())],
            body: envelope(429, "RATE_LIMITED", "Too many generate requests"),
        },
    );
    let r = w.run(&["generate", "--prompt", "p", "--json"]);
    r.code(0);
    assert_eq!(r.stderr, "");
}

#[test]
fn doctor_is_ready_with_a_valid_secret_and_names_what_is_missing_without() {
    let w = World::new();
    w.create();
    let r = w.run(&["doctor", "--json"]);
    r.code(0);
    let report = r.json();
    assert_eq!(report["ready"], true, "{report}");
    let names: Vec<&str> = report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    for want in ["config", "api", "clock", "plan", "rate limits", "file host"] {
        assert!(names.contains(&want), "{want} in {names:?}");
    }
    assert!(w.requests("/v1/validate").len() == 1);

    let mut cmd = w.cmd();
    cmd.env_remove("BITHUMAN_API_SECRET").arg("doctor");
    let r = w.run_cmd(&mut cmd);
    r.code(1);
    assert!(r.stdout.contains("no API secret found"), "{}", r.stdout);
    assert!(r.stdout.contains("BITHUMAN_API_SECRET"), "{}", r.stdout);
    assert!(r.stdout.contains("Not ready"), "{}", r.stdout);
}

#[test]
fn open_and_web_hand_the_page_to_the_opener() {
    let w = World::new();
    let log = w.home().join("opened.txt");
    let opener = w.file(
        "opener.sh",
        format!("#!/bin/sh\necho \"$1\" >> '{}'\n", log.display()).as_bytes(),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let id = w.create();
    let mut cmd = w.cmd();
    cmd.env("BITHUMAN_OPENER", &opener).args(["open", &id]);
    let r = w.run_cmd(&mut cmd);
    r.code(0);
    let page = format!("https://www.bithuman.ai/{id}");
    assert_eq!(r.stdout.trim(), page);
    let mut cmd = w.cmd();
    cmd.env("BITHUMAN_OPENER", &opener)
        .args(["wait", &id, "--web"]);
    w.run_cmd(&mut cmd).code(0);
    let opened = std::fs::read_to_string(&log).expect("the opener ran");
    assert_eq!(opened, format!("{page}\n{page}\n"));
    // Off a terminal and without BITHUMAN_OPENER nothing is launched: the
    // page is only named.
    let r = w.run(&["status", &id, "--web"]);
    r.code(0);
    assert!(
        r.stderr.contains(&format!("Open it at: {page}")),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read_to_string(&log).expect("log"), opened);
}
