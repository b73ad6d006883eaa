//! The v0.2 jobs from the command line (SPEC §8): talking videos, added
//! models and gestures, on the same engine as agents; the budget guard
//! (SPEC §9). Each test asserts exit code, stdout, stderr and what the
//! server received.

use crate::common;
use common::*;

fn ready(w: &World) -> String {
    let id = w.create();
    w.run(&["wait", &id]).code(0);
    id
}

#[test]
fn a_video_is_rendered_waited_for_and_downloaded() {
    let w = World::new();
    let id = ready(&w);
    let r = w.run(&[
        "video",
        "generate",
        "--agent",
        &id,
        "--text",
        "Hello there",
        "--wait",
        "--download",
        "hello.mp4",
    ]);
    r.code(0);
    assert_eq!(r.stdout.lines().last(), Some("hello.mp4"), "{}", r.stdout);
    assert!(r.stdout.contains("status     completed"), "{}", r.stdout);
    let bytes = std::fs::read(w.home().join("hello.mp4")).expect("saved");
    assert!(bytes.starts_with(b"BITHUMAN SANDBOX PLACEHOLDER"));
    let sent = w.requests("/v1/video/generate");
    assert_eq!(sent.len(), 1);
    let body = sent[0].json().expect("json");
    assert_eq!(body["agent_code"], id.as_str());
    assert_eq!(body["model"], "essence-1");
    assert_eq!(body["input"]["type"], "text");
    assert_eq!(body["input"]["text"], "Hello there");
    assert!(sent[0].header("idempotency-key").is_some());
    // The mp4 comes from the public file URL, without the secret.
    let files = w.requests("/files/");
    assert!(!files.is_empty());
    assert!(files.iter().all(|f| f.header("api-secret").is_none()));
}

#[test]
fn video_json_and_wait_last() {
    let w = World::new();
    let id = ready(&w);
    let r = w.run(&[
        "video", "generate", "--agent", &id, "--text", "Hi", "--voice", "F2", "--json",
    ]);
    r.code(0);
    let out = r.json();
    assert_eq!(out["kind"], "video");
    assert_eq!(out["schema_version"], 1);
    let job = out["job_id"].as_str().expect("job_id").to_string();
    assert_eq!(out["id"], job.as_str());
    let body = w.requests("/v1/video/generate")[0].json().expect("json");
    assert_eq!(body["input"]["voice"], "F2");
    let r = w.run(&["video", "wait", "--last", "--json"]);
    r.code(0);
    let rec = r.json();
    assert_eq!(rec["job_id"], job.as_str());
    assert_eq!(rec["kind"], "video");
    assert_eq!(rec["status"], "completed");
    let r = w.run(&["video", "download", &job, "-o", "out/", "--json"]);
    r.code(0);
    assert_eq!(r.json()["video_path"], format!("out/{job}.mp4"));
    // --force rules: an existing file is refused before anything is fetched.
    let r = w.run(&["video", "download", &job, "-o", &format!("out/{job}.mp4")]);
    r.code(1);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
}

#[test]
fn video_inputs_are_checked_before_anything_is_sent() {
    let w = World::new();
    let long = "x".repeat(5001);
    for (args, code) in [
        (vec!["video", "generate", "--agent", "A1", "--text", ""], 65),
        (
            vec!["video", "generate", "--agent", "A1", "--text", &long],
            65,
        ),
        (
            vec![
                "video",
                "generate",
                "--agent",
                "A1",
                "--text",
                "hi",
                "--download",
                "x.mp4",
            ],
            2,
        ),
        (
            vec![
                "video", "generate", "--agent", "A1", "--text", "hi", "--model", "nope",
            ],
            2,
        ),
        (vec!["video", "generate", "--agent", "A1"], 2),
        (
            vec![
                "video",
                "generate",
                "--agent",
                "A1",
                "--audio",
                "missing.wav",
            ],
            66,
        ),
    ] {
        let r = w.run(&args);
        r.code(code);
    }
    let png = w.file("face.png", &png());
    let r = w.run(&[
        "video",
        "generate",
        "--agent",
        "A1",
        "--audio",
        png.to_str().expect("utf8"),
    ]);
    r.code(65);
    assert!(r.stderr.contains("not an audio file"), "{}", r.stderr);
    // 5000 characters of multi-byte text is within the limit (characters, not bytes).
    let r = w.run(&[
        "video",
        "generate",
        "--agent",
        "A1",
        "--text",
        &"é".repeat(5000),
        "--dry-run",
    ]);
    r.code(0);
    assert!(w.requests("/v1/").is_empty(), "nothing was sent");
}

#[test]
fn a_local_recording_is_uploaded_as_audio() {
    let w = World::new();
    let id = ready(&w);
    let voice = w.file("voice.wav", &wav());
    let r = w.run(&[
        "video",
        "generate",
        "--agent",
        &id,
        "--audio",
        voice.to_str().expect("utf8"),
    ]);
    r.code(0);
    let upload = w.requests("/v1/files/upload");
    assert_eq!(upload.len(), 1);
    assert_eq!(upload[0].json().expect("json")["file_type"], "audio");
    let body = w.requests("/v1/video/generate")[0].json().expect("json");
    assert_eq!(body["input"]["type"], "audio");
    assert!(
        body["input"]["audio_url"]
            .as_str()
            .is_some_and(|u| u.starts_with("http"))
    );
}

#[test]
fn unknown_and_failing_video_jobs() {
    let w = World::new();
    let r = w.run(&["video", "status", "vid_nope", "--json"]);
    r.code(66);
    r.assert_json_error("NOT_FOUND", None);
    // A render that fails: exit 1 with the server's message, the record printed.
    let id = ready(&w);
    let r = w.run(&["video", "generate", "--agent", &id, "--text", "Hi"]);
    r.code(0);
    let job = r.stdout.trim().to_string();
    w.respond(
        Some("GET"),
        &format!("/v1/video/{job}"),
        1,
        200,
        &format!(r#"{{"success":true,"job_id":"{job}","status":"failed","model":"essence-1","video_url":null,"error":{{"message":"the lip sync failed"}}}}"#),
    );
    let r = w.run(&["video", "wait", &job, "--json"]);
    r.code(1);
    assert_eq!(r.json()["status"], "failed");
    r.assert_json_error("JOB_FAILED", None);
    assert!(r.stderr.contains("the lip sync failed"), "{}", r.stderr);
}

#[test]
fn adding_a_model_waits_for_it_and_reports_the_credits() {
    let w = World::new();
    let id = ready(&w);
    let r = w.run(&[
        "agent",
        "add-model",
        &id,
        "--model",
        "essence-2",
        "--wait",
        "--json",
    ]);
    r.code(0);
    let rec = r.json();
    assert_eq!(rec["kind"], "agent");
    assert_eq!(rec["added_model"], "essence-2");
    assert!(rec["credits"].is_number(), "{rec}");
    assert!(
        rec["supported_models"]
            .as_array()
            .is_some_and(|m| m.iter().any(|x| x == "essence-2")),
        "{rec}"
    );
    let sent = w.requests(&format!("/v1/agent/{id}/models"));
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].json().expect("json")["model"], "essence-2");
    assert!(sent[0].header("idempotency-key").is_some());
}

#[test]
fn add_model_refusals() {
    let w = World::new();
    let r = w.run(&["agent", "add-model", "A1", "--model", "essence-9"]);
    r.code(2);
    assert!(
        r.stderr.contains("essence-1") && r.stderr.contains("expression-2"),
        "{}",
        r.stderr
    );
    let r = w.run(&[
        "agent",
        "add-model",
        "A1",
        "--model",
        "essence-2",
        "--wait",
        "--download",
    ]);
    r.code(2);
    w.respond(
        Some("POST"),
        "/v1/agent/A1/models",
        1,
        409,
        &envelope(409, "AGENT_NOT_READY", "agent A1 is still generating"),
    );
    let r = w.run(&["agent", "add-model", "A1", "--model", "essence-2", "--json"]);
    r.code(65);
    r.assert_json_error("AGENT_NOT_READY", None);
    w.respond(
        Some("POST"),
        "/v1/agent/A1/models",
        1,
        422,
        &envelope(
            422,
            "MODEL_SUBJECT_MISMATCH",
            "essence-2 requires a photorealistic human",
        ),
    );
    let r = w.run(&["agent", "add-model", "A1", "--model", "essence-2"]);
    r.code(65);
    assert!(r.stderr.contains("photorealistic"), "{}", r.stderr);
}

#[test]
fn gestures_are_generated_and_shown() {
    let w = World::new();
    let id = ready(&w);
    let r = w.run(&[
        "dynamics",
        "generate",
        &id,
        "--duration",
        "5",
        "--wait",
        "--json",
    ]);
    r.code(0);
    let rec = r.json();
    assert_eq!(rec["kind"], "dynamics");
    assert_eq!(rec["status"], "ready");
    assert!(
        rec["gestures"].as_object().is_some_and(|g| !g.is_empty()),
        "{rec}"
    );
    let body = w.requests("/v1/dynamics/generate")[0].json().expect("json");
    assert_eq!(body["agent_id"], id.as_str());
    assert_eq!(body["duration"], 5);
    let r = w.run(&["dynamics", "status", &id]);
    r.code(0);
    assert!(r.stdout.contains("status"), "{}", r.stdout);
}
#[test]
fn the_budget_guard_refuses_before_anything_billed_is_sent() {
    let w = World::new();
    let r = w.run(&[
        "generate",
        "--prompt",
        "p",
        "--model",
        "expression-2",
        "--max-credits",
        "1000",
        "--json",
    ]);
    r.code(77);
    r.assert_json_error("BUDGET_EXCEEDED", None);
    assert!(
        r.json_error()["message"]
            .as_str()
            .is_some_and(|m| m.contains("2000"))
    );
    assert!(
        w.requests("/v1/agent/generate").is_empty(),
        "nothing billed was sent"
    );
    assert_eq!(w.requests("/v1/pricing").len(), 1);
    // Within the budget it goes through.
    w.run(&[
        "generate",
        "--prompt",
        "p",
        "--model",
        "essence-1",
        "--max-credits",
        "250",
    ])
    .code(0);
    assert_eq!(w.requests("/v1/agent/generate").len(), 1);
    // A dry run with a budget shows the price and, over it, exits 77 as the
    // real run would (SPEC §18); without a budget it reads nothing.
    let r = w.run(&[
        "video",
        "generate",
        "--agent",
        "A1",
        "--text",
        "hi",
        "--model",
        "essence-2-max",
        "--dry-run",
        "--max-credits",
        "10",
        "--json",
    ]);
    r.code(77);
    assert_eq!(r.json()["price"]["credits"], 16);
    assert_eq!(r.json_error()["code"], "BUDGET_EXCEEDED");
    let before = w.requests("/v1/").len();
    w.run(&[
        "video",
        "generate",
        "--agent",
        "A1",
        "--text",
        "hi",
        "--dry-run",
    ])
    .code(0);
    assert_eq!(
        w.requests("/v1/").len(),
        before,
        "a plain dry run sends nothing"
    );
    let r = w.run(&["dynamics", "generate", "A1", "--max-credits", "100"]);
    r.code(77);
    assert!(w.requests("/v1/dynamics/generate").is_empty());
}

#[test]
fn a_video_on_a_model_the_agent_lacks_suggests_add_model() {
    let w = World::new();
    let id = ready(&w);
    w.respond(
        Some("POST"),
        "/v1/video/generate",
        1,
        409,
        &envelope(
            409,
            "MODEL_NOT_GENERATED",
            "the agent has no essence-2 model",
        ),
    );
    let r = w.run(&[
        "video",
        "generate",
        "--agent",
        &id,
        "--text",
        "Hi",
        "--model",
        "essence-2",
    ]);
    r.code(65);
    assert!(
        r.stderr.contains("the agent has no essence-2 model"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!(
            "bithuman agent add-model {id} --model essence-2 --wait"
        )),
        "{}",
        r.stderr
    );
}

// `1000000` as `1,000,000`, as the CLI prints credits.
fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

// The one `charged …` line on stderr, if any.
fn charged_line(stderr: &str) -> Option<&str> {
    let mut lines = stderr.lines().filter(|l| l.starts_with("charged "));
    let line = lines.next();
    assert!(lines.next().is_none(), "one charge line: {stderr}");
    line
}

#[test]
fn a_billed_job_names_its_charge_and_the_balance() {
    let w = World::new();
    let id = ready(&w);
    // A model add: the API's answer reports the credits charged.
    let r = w.run(&["agent", "add-model", &id, "--model", "essence-2", "--wait"]);
    r.code(0);
    let credits: i64 = r
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("credits"))
        .and_then(|v| v.trim().parse().ok())
        .expect("credits row on stdout");
    assert!(credits > 0, "{}", r.stdout);
    assert!(
        !r.stdout.contains("charged"),
        "stdout stays data: {}",
        r.stdout
    );
    let me = w.run(&["account", "--json"]);
    me.code(0);
    let balance = me.json()["credit_balance"].as_i64().expect("balance");
    assert!(
        balance >= 1000,
        "a balance with a thousands separator: {balance}"
    );
    assert_eq!(
        charged_line(&r.stderr),
        Some(
            format!(
                "charged {} credits; balance {}",
                thousands(credits),
                thousands(balance)
            )
            .as_str()
        ),
        "{}",
        r.stderr
    );
    // A video: its final record reports what it cost.
    let before = w.requests("/v1/me").len();
    let r = w.run(&[
        "video", "generate", "--agent", &id, "--text", "Hi", "--wait",
    ]);
    r.code(0);
    let line = charged_line(&r.stderr).expect("a charge line");
    let cost: i64 = r
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("credits"))
        .and_then(|v| v.trim().parse().ok())
        .expect("credits row on stdout");
    assert!(
        line.starts_with(&format!("charged {} credits; balance ", thousands(cost))),
        "{line}"
    );
    // The balance was read once, after the job.
    assert_eq!(w.requests("/v1/me").len(), before + 1);
    assert_no_secret(&r);
    // Not waited for, the add's answer still names its charge; the same key
    // again is replayed by the server: nothing billed, no charge named.
    let add = [
        "agent",
        "add-model",
        &id,
        "--model",
        "expression-2",
        "--idempotency-key",
        "ak1",
    ];
    let r = w.run(&add);
    r.code(0);
    assert!(
        charged_line(&r.stderr).is_some_and(|l| l.contains("; balance ")),
        "{}",
        r.stderr
    );
    let r = w.run(&add);
    r.code(0);
    assert!(
        r.stderr.contains("replayed its earlier answer"),
        "{}",
        r.stderr
    );
    assert_eq!(charged_line(&r.stderr), None, "{}", r.stderr);
}

#[test]
fn nothing_is_said_about_credits_the_api_does_not_report() {
    let w = World::new();
    // Creating an agent: the answer and the record do not report credits.
    let r = w.run(&["generate", "--prompt", "p", "--wait"]);
    r.code(0);
    assert_eq!(charged_line(&r.stderr), None, "{}", r.stderr);
    let id = r
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("id"))
        .map(str::trim)
        .expect("id")
        .to_string();
    // JSON and quiet modes print no human line and read no balance.
    let before = w.requests("/v1/me").len();
    let r = w.run(&[
        "video", "generate", "--agent", &id, "--text", "Hi", "--wait", "--json",
    ]);
    r.code(0);
    assert!(r.json()["credits_charged"].is_number(), "{}", r.stdout);
    assert_eq!(charged_line(&r.stderr), None, "{}", r.stderr);
    let r = w.run(&[
        "--quiet",
        "agent",
        "add-model",
        &id,
        "--model",
        "essence-2",
        "--wait",
    ]);
    r.code(0);
    assert_eq!(charged_line(&r.stderr), None, "{}", r.stderr);
    assert_eq!(w.requests("/v1/me").len(), before);
    // A free job billed nothing: the answer's `credits: 0` is not a charge.
    let r = w.run(&["agent", "add-model", &id, "--model", "expression-1"]);
    r.code(0);
    assert!(
        r.stdout.contains("added model  expression-1"),
        "{}",
        r.stdout
    );
    assert_eq!(charged_line(&r.stderr), None, "{}", r.stderr);
    assert_eq!(w.requests("/v1/me").len(), before);
    // A failed render is refunded: no charge is named.
    w.respond(
        Some("POST"),
        "/v1/video/generate",
        1,
        409,
        &envelope(409, "MODEL_NOT_GENERATED", "the agent lacks essence-2"),
    );
    let r = w.run(&[
        "video",
        "generate",
        "--agent",
        &id,
        "--text",
        "Hi",
        "--model",
        "essence-2",
        "--wait",
    ]);
    r.code(65);
    assert_eq!(charged_line(&r.stderr), None, "{}", r.stderr);
}

#[test]
fn a_dry_run_shows_the_body_the_real_submit_sends() {
    let w = World::new();
    let id = ready(&w);
    let image = w.file("pose.png", &png());
    let image = image.to_str().expect("utf-8 path");
    for (args, route) in [
        (
            vec!["dynamics", "generate", id.as_str(), "--duration", "5"],
            "/v1/dynamics/generate".to_string(),
        ),
        (
            vec!["dynamics", "generate", id.as_str(), "--image", image],
            "/v1/dynamics/generate".to_string(),
        ),
        (
            vec!["agent", "add-model", id.as_str(), "--model", "essence-2"],
            format!("/v1/agent/{id}/models"),
        ),
    ] {
        let mut dry = args.clone();
        dry.extend(["--dry-run", "--json", "--idempotency-key", "k-dry"]);
        let before = w.requests(&route).len();
        let r = w.run(&dry);
        r.code(0);
        let preview = r.json();
        let requests = preview["requests"].as_array().expect("requests");
        let last = requests.last().expect("the submit");
        assert!(
            last["url"].as_str().is_some_and(|u| u.ends_with(&route)),
            "{preview}"
        );
        assert_eq!(last["headers"]["idempotency-key"], "k-dry");
        assert_eq!(w.requests(&route).len(), before, "a dry run sends nothing");
        let mut real = args.clone();
        real.push("--wait");
        w.run(&real).code(0);
        let sent = w.requests(&route);
        let sent = sent.last().expect("sent").json().expect("json");
        let mut shown = last["body"].clone();
        // The upload's URL is known only once it is made.
        if let Some(url) = sent.get("image_url") {
            assert!(
                shown["image_url"]
                    .as_str()
                    .is_some_and(|u| u.contains("pose.png")),
                "{shown}"
            );
            assert_eq!(requests.len(), 2, "the upload first: {preview}");
            shown["image_url"] = url.clone();
        }
        assert_eq!(shown, sent, "{args:?}");
    }
}
