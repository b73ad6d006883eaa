//! `bithuman mcp` protocol hygiene with raw JSON-RPC over stdio: malformed
//! JSON, an oversize line, an unknown tool, wrong argument types and a
//! cancelled wait each get a protocol or tool error (or, for the cancelled
//! call, no answer), and the server keeps serving; nothing but JSON-RPC
//! reaches stdout. An AI agent's arguments are confined: downloads and
//! uploads only below the working folder or an `--allow-path` folder, billed
//! calls under `--max-credits` / `max_credits`, server text without control
//! or bidi characters.
//! (A full generate → wait → download → video run under the official Python
//! SDK is `tests/mcp/client.py`, run by CI.)

use crate::common;
use common::*;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

struct Peer {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    lines: mpsc::Receiver<String>,
}

impl Peer {
    fn start(w: &World) -> Self {
        Self::start_with(w, &["mcp"])
    }

    fn start_with(w: &World, args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_bithuman"))
            .args(args)
            .env_clear()
            .envs(w.env())
            .current_dir(w.home())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        let mut p = Self {
            child,
            stdin,
            lines,
        };
        p.send(&json!({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}).to_string());
        let init = p.answer(0);
        assert_eq!(init["result"]["serverInfo"]["name"], "bithuman", "{init}");
        p.send(&json!({"jsonrpc":"2.0","method":"notifications/initialized"}).to_string());
        p
    }

    fn send(&mut self, line: &str) {
        writeln!(self.stdin, "{line}").expect("write");
        self.stdin.flush().expect("flush");
    }

    fn call(&mut self, id: u64, tool: &str, args: Value) {
        self.send(&json!({"jsonrpc":"2.0","id":id,"method":"tools/call","params":{"name":tool,"arguments":args}}).to_string());
    }

    /// The answer to request `id` (every stdout line must be JSON-RPC).
    fn answer(&mut self, id: u64) -> Value {
        self.answer_to(&json!(id))
    }

    /// The result of tool call `id`, which must be a tool error: its §5 error object.
    fn tool_error(&mut self, id: u64) -> Value {
        let a = self.answer(id);
        assert_eq!(a["result"]["isError"], true, "{a}");
        a["result"]["structuredContent"]["error"].clone()
    }

    /// The message whose id is `id` (`null` for errors about unreadable requests).
    fn answer_to(&mut self, id: &Value) -> Value {
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(30))
                .unwrap_or_else(|_| panic!("no answer to request {id}"));
            let v: Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| panic!("stdout is not JSON-RPC ({e}): {line}"));
            assert_eq!(v["jsonrpc"], "2.0", "{v}");
            if v.get("id") == Some(id) {
                return v;
            }
        }
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn bad_requests_get_errors_and_the_server_keeps_serving() {
    let w = World::new();
    let mut p = Peer::start(&w);
    p.send("{this is not json");
    let a = p.answer_to(&Value::Null);
    assert_eq!(a["error"]["code"], -32700, "a parse error: {a}");
    // Well-formed JSON that is not a request this server takes: answered with its id.
    p.send(r#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":"oops"}"#);
    let a = p.answer(7);
    assert_eq!(a["error"]["code"], -32600, "{a}");
    p.call(1, "no_such_tool", json!({}));
    let a = p.answer(1);
    assert!(
        a["error"]["code"].is_i64(),
        "unknown tool: a protocol error: {a}"
    );
    p.call(2, "get_agent_status", json!({"agent_id": 42}));
    let a = p.answer(2);
    assert!(
        a["error"].is_object() || a["result"]["isError"] == true,
        "wrong type: {a}"
    );
    p.call(3, "get_agent_status", json!({"agent_id": "A0NOTREAL1"}));
    let a = p.answer(3);
    assert_eq!(a["result"]["isError"], true, "{a}");
    assert_eq!(
        a["result"]["structuredContent"]["error"]["code"], "NOT_FOUND",
        "{a}"
    );
    // Still serving.
    p.call(4, "pricing", json!({}));
    let a = p.answer(4);
    assert!(
        a["result"]["structuredContent"]["agent_generation"].is_object(),
        "{a}"
    );
    // The secret never reaches a result.
    assert!(!a.to_string().contains(SECRET));
}

#[test]
fn a_cancelled_wait_stops_and_the_server_answers_the_next_call() {
    let w = World::with(bithuman::sandbox::SandboxConfig {
        speed: 0.01,
        ..Default::default()
    });
    let id = w.create();
    let mut p = Peer::start(&w);
    p.call(
        1,
        "wait_for_agent",
        json!({"agent_id": id, "timeout_seconds": 600}),
    );
    std::thread::sleep(Duration::from_millis(800));
    p.send(&json!({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1,"reason":"test"}}).to_string());
    let started = std::time::Instant::now();
    p.call(2, "get_agent_status", json!({"agent_id": id}));
    let a = p.answer(2);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(
        a["result"]["structuredContent"]["agent_id"],
        id.as_str(),
        "{a}"
    );
    // A short wait that times out says so without failing.
    p.call(
        3,
        "wait_for_agent",
        json!({"agent_id": id, "timeout_seconds": 1}),
    );
    let a = p.answer(3);
    assert_eq!(a["result"]["structuredContent"]["done"], false, "{a}");
    assert!(a["result"]["isError"] != true, "{a}");
}

#[test]
fn an_oversize_request_is_answered_without_being_kept_and_the_next_one_served() {
    let w = World::new();
    let mut p = Peer::start(&w);
    // 50 MB on one line, written in pieces as a client would stream it.
    let head = r#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"pricing","arguments":{"pad":""#;
    p.stdin.write_all(head.as_bytes()).expect("write");
    let chunk = vec![b'x'; 1024 * 1024];
    for _ in 0..50 {
        p.stdin.write_all(&chunk).expect("write");
    }
    p.send(r#""}}}"#);
    // Answered under its id, which came before the cut.
    let a = p.answer(1);
    assert_eq!(a["error"]["code"], -32600, "{a}");
    assert!(
        a["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("MiB"),
        "{a}"
    );
    p.call(2, "pricing", json!({}));
    let a = p.answer(2);
    assert!(
        a["result"]["structuredContent"]["agent_generation"].is_object(),
        "{a}"
    );
}

/// An agent made ready through the server, for the download tests.
fn ready_agent(w: &World, p: &mut Peer) -> String {
    let id = w.create();
    p.call(
        90,
        "wait_for_agent",
        json!({"agent_id": id, "timeout_seconds": 60}),
    );
    let a = p.answer(90);
    assert_eq!(a["result"]["structuredContent"]["status"], "ready", "{a}");
    id
}

#[cfg(unix)]
#[test]
fn downloads_write_only_below_the_working_folder_and_never_to_stdout() {
    let w = World::new();
    let outside = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink(outside.path(), w.home().join("out-link")).expect("link");
    std::os::unix::fs::symlink(outside.path().join("victim"), w.home().join("model.imx"))
        .expect("link");
    // A FIFO nobody reads: writing to it would hang the call.
    let fifo = std::process::Command::new("mkfifo")
        .arg(w.home().join("pipe.imx"))
        .status()
        .expect("mkfifo");
    assert!(fifo.success());
    let mut p = Peer::start(&w);
    let id = ready_agent(&w, &mut p);
    let refused = [
        "/proc/self/fd/1".to_string(),
        "/dev/stdout".to_string(),
        "/dev/fd/1".to_string(),
        "../escape.imx".to_string(),
        outside.path().join("abs.imx").display().to_string(),
        outside.path().join("made/here/").display().to_string(),
        "out-link/through.imx".to_string(),
        "model.imx".to_string(),
        ".config/bithuman/config.toml".to_string(),
        ".ssh/authorized_keys".to_string(),
        "pipe.imx".to_string(),
    ];
    let mut messages = std::collections::BTreeSet::new();
    for (n, path) in (1..).zip(&refused) {
        p.call(n, "download_model", json!({"agent_id": id, "path": path}));
        // `answer` also checks that every stdout line is JSON-RPC: a model
        // file written to stdout would fail here.
        let err = p.tool_error(n);
        assert_eq!(err["code"], "PATH_NOT_ALLOWED", "{path}: {err}");
        messages.insert(err["message"].to_string());
    }
    assert_eq!(messages.len(), 1, "one generic message: {messages:?}");
    let left: Vec<_> = std::fs::read_dir(outside.path()).expect("read").collect();
    assert!(left.is_empty(), "nothing written outside: {left:?}");
    assert!(
        !w.home()
            .parent()
            .expect("parent")
            .join("escape.imx")
            .exists()
    );
    assert!(!w.config_path().exists());
    assert!(
        !w.home().join(".ssh").exists(),
        "no folder made for a refused path"
    );
    // Below the working folder: a new folder is made and the file saved once.
    p.call(
        20,
        "download_model",
        json!({"agent_id": id, "path": "models/"}),
    );
    let a = p.answer(20);
    let saved = a["result"]["structuredContent"]["model_path"]
        .as_str()
        .unwrap_or_else(|| panic!("{a}"))
        .to_string();
    assert!(
        std::fs::read(&saved)
            .expect("saved")
            .starts_with(b"BITHUMAN SANDBOX")
    );
    assert!(
        saved.starts_with(
            &*std::fs::canonicalize(w.home())
                .expect("home")
                .to_string_lossy()
        )
    );
    p.call(
        21,
        "download_model",
        json!({"agent_id": id, "path": "models/"}),
    );
    assert_eq!(p.tool_error(21)["code"], "FILE_EXISTS");
}

#[test]
fn allow_path_opens_one_more_folder_for_downloads() {
    let w = World::new();
    let extra = tempfile::tempdir().expect("tempdir");
    let allow = extra.path().display().to_string();
    let mut p = Peer::start_with(&w, &["mcp", "--allow-path", &allow]);
    let id = ready_agent(&w, &mut p);
    let target = extra.path().join("sub").join("agent.imx");
    p.call(
        1,
        "download_model",
        json!({"agent_id": id, "path": target.display().to_string()}),
    );
    let a = p.answer(1);
    assert!(a["result"]["isError"] != true, "{a}");
    assert!(target.is_file(), "{a}");
    // A folder that does not exist is a usage error at start.
    let r = w.run(&["mcp", "--allow-path", "/nonexistent/folder"]);
    r.code(2);
    assert!(r.stderr.contains("--allow-path"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn uploads_read_only_allowed_files_and_one_error_reveals_nothing() {
    let w = World::new();
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::write(outside.path().join("face.png"), png()).expect("write");
    std::fs::create_dir_all(w.home().join(".ssh")).expect("mkdir");
    std::fs::write(
        w.home().join(".ssh").join("id_ed25519"),
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----\n",
    )
    .expect("write");
    std::fs::create_dir_all(w.config_path().parent().expect("dir")).expect("mkdir");
    std::fs::write(w.config_path(), "api_secret = \"sk_x\"\n").expect("write");
    std::os::unix::fs::symlink(outside.path().join("face.png"), w.home().join("link.png"))
        .expect("link");
    let mut p = Peer::start(&w);
    let refused = [
        outside.path().join("face.png").display().to_string(),
        outside.path().join("missing.png").display().to_string(),
        "~/.ssh/id_ed25519".replace('~', &w.home().display().to_string()),
        ".ssh/id_ed25519".to_string(),
        ".ssh/missing".to_string(),
        w.config_path().display().to_string(),
        ".state/bithuman/jobs.jsonl".to_string(),
        "link.png".to_string(),
        "../face.png".to_string(),
        "/dev/zero".to_string(),
        "/etc/passwd".to_string(),
    ];
    let mut messages = std::collections::BTreeSet::new();
    for (n, path) in (1..).zip(&refused) {
        p.call(n, "generate_agent", json!({"image": path}));
        let err = p.tool_error(n);
        assert_eq!(err["code"], "PATH_NOT_ALLOWED", "{path}: {err}");
        messages.insert(err["message"].to_string());
    }
    assert_eq!(messages.len(), 1, "one message for all: {messages:?}");
    assert!(
        !messages
            .iter()
            .any(|m| m.contains("PEM") || m.contains("id_ed25519"))
    );
    p.call(
        40,
        "generate_video",
        json!({"agent_id": "A91XMB7113", "audio": "/etc/passwd"}),
    );
    assert_eq!(p.tool_error(40)["code"], "PATH_NOT_ALLOWED");
    assert!(w.requests("/v1/files").is_empty(), "nothing uploaded");
    assert!(
        w.requests("/v1/agent/generate").is_empty(),
        "nothing generated"
    );
    // URLs and files below the working folder still work.
    w.file("face.png", &png());
    p.call(50, "generate_agent", json!({"image": "face.png"}));
    let a = p.answer(50);
    assert!(
        a["result"]["structuredContent"]["agent_id"].is_string(),
        "{a}"
    );
    assert_eq!(w.requests("/v1/files").len(), 1);
}

#[test]
fn max_credits_caps_the_server_and_each_call_before_anything_is_billed() {
    let w = World::new();
    let mut p = Peer::start_with(&w, &["mcp", "--max-credits", "300"]);
    p.send(&json!({"jsonrpc":"2.0","id":1,"method":"tools/list"}).to_string());
    let tools = p.answer(1);
    for name in ["generate_agent", "generate_video"] {
        let tool = tools["result"]["tools"]
            .as_array()
            .and_then(|t| t.iter().find(|t| t["name"] == name))
            .unwrap_or_else(|| panic!("{name}: {tools}"));
        assert!(
            tool["inputSchema"]["properties"]["max_credits"].is_object(),
            "{tool}"
        );
    }
    p.call(
        2,
        "generate_agent",
        json!({"prompt": "One.", "model": "essence-1"}),
    );
    let a = p.answer(2);
    assert!(
        a["result"]["structuredContent"]["agent_id"].is_string(),
        "{a}"
    );
    p.call(
        3,
        "generate_agent",
        json!({"prompt": "Two.", "model": "essence-1"}),
    );
    let err = p.tool_error(3);
    assert_eq!(err["code"], "BUDGET_EXCEEDED", "{err}");
    assert_eq!(err["command"], "generate_agent", "{err}");
    let posts = |w: &World| {
        w.requests("/v1/agent/generate")
            .iter()
            .filter(|r| r.method == "POST")
            .count()
    };
    assert_eq!(posts(&w), 1, "the sandbox got one generate");

    // Without a server cap, a call's own max_credits refuses it.
    let w = World::new();
    let mut p = Peer::start(&w);
    p.call(
        1,
        "generate_agent",
        json!({"prompt": "x", "max_credits": 100}),
    );
    assert_eq!(p.tool_error(1)["code"], "BUDGET_EXCEEDED");
    p.call(
        2,
        "generate_video",
        json!({"agent_id": "A91XMB7113", "text": "Hi.", "max_credits": 1}),
    );
    assert_eq!(p.tool_error(2)["code"], "BUDGET_EXCEEDED");
    assert_eq!(posts(&w), 0);
    assert!(w.requests("/v1/video/generate").is_empty());
    // A price the pricing does not list is refused under a cap (fail closed).
    w.respond(
        Some("GET"),
        "/v1/pricing",
        1,
        200,
        r#"{"success":true,"data":{}}"#,
    );
    p.call(
        3,
        "generate_agent",
        json!({"prompt": "x", "max_credits": 100000}),
    );
    assert_eq!(p.tool_error(3)["code"], "BUDGET_EXCEEDED");
    assert_eq!(posts(&w), 0);
}

#[test]
fn server_text_in_results_loses_control_and_bidi_characters() {
    let w = World::new();
    let mut p = Peer::start(&w);
    let hostile = "ok\u{202E}gpj.exe\u{2066}\u{200F}\u{1b}[2J\u{7}";
    w.respond(
        Some("POST"),
        "/v1/video/generate",
        1,
        200,
        &json!({"success": true, "job_id": "V1abc", "status": "processing", "message": hostile})
            .to_string(),
    );
    p.call(
        1,
        "generate_video",
        json!({"agent_id": "A91XMB7113", "text": "Hi."}),
    );
    let a = p.answer(1);
    assert_eq!(
        a["result"]["structuredContent"]["message"], "okgpj.exe",
        "{a}"
    );
    // A list, an error message and a key: the same cleaning everywhere.
    w.respond(
        Some("GET"),
        "/v1/agents",
        1,
        200,
        &json!({"success": true, "data": [{"agent_id": "A1", "name": hostile, format!("k{hostile}"): 1}]}).to_string(),
    );
    p.call(2, "list_agents", json!({}));
    let listed = p.answer(2);
    assert_eq!(
        listed["result"]["structuredContent"]["agents"][0]["name"], "okgpj.exe",
        "{listed}"
    );
    w.respond(
        Some("GET"),
        "/v1/agent/status/",
        1,
        404,
        &envelope(404, "NOT_FOUND", hostile),
    );
    p.call(3, "get_agent_status", json!({"agent_id": "A91XMB7113"}));
    let failed = p.answer(3);
    assert_eq!(failed["result"]["isError"], true, "{failed}");
    for answer in [&a, &listed, &failed] {
        let text = answer.to_string();
        for bad in ['\u{202E}', '\u{2066}', '\u{200F}', '\u{1b}', '\u{7}'] {
            assert!(!text.contains(bad), "{bad:?} in {text}");
        }
    }
}

#[test]
fn a_retry_with_the_same_key_or_a_refused_call_does_not_count_against_the_cap() {
    let w = World::new();
    let mut p = Peer::start_with(&w, &["mcp", "--max-credits", "300"]);
    // The API refuses the first call (402): nothing billed, nothing counted.
    w.respond(
        Some("POST"),
        "/v1/agent/generate",
        1,
        402,
        &envelope(402, "INSUFFICIENT_CREDITS", "Not enough credits"),
    );
    p.call(
        1,
        "generate_agent",
        json!({"prompt": "One.", "idempotency_key": "k-1"}),
    );
    assert_eq!(p.tool_error(1)["http_status"], 402);
    p.call(
        2,
        "generate_agent",
        json!({"prompt": "One.", "idempotency_key": "k-2"}),
    );
    let first = p.answer(2);
    assert!(
        first["result"]["structuredContent"]["agent_id"].is_string(),
        "{first}"
    );
    // The same key again cannot bill twice, so the cap lets it through.
    p.call(
        3,
        "generate_agent",
        json!({"prompt": "One.", "idempotency_key": "k-2"}),
    );
    let again = p.answer(3);
    assert_eq!(
        again["result"]["structuredContent"]["agent_id"],
        first["result"]["structuredContent"]["agent_id"],
        "{again}"
    );
    p.call(
        4,
        "generate_agent",
        json!({"prompt": "Two.", "idempotency_key": "k-3"}),
    );
    assert_eq!(p.tool_error(4)["code"], "BUDGET_EXCEEDED");
}

#[test]
fn a_server_that_echoes_the_secret_never_gets_it_to_the_mcp_client() {
    use base64::Engine as _;
    let w = World::new();
    let mut p = Peer::start(&w);
    let encoded = base64::engine::general_purpose::STANDARD.encode(SECRET);
    let echoed = format!(
        "bad key {SECRET} (base64 {encoded}, url {})",
        SECRET.replace('_', "%5F")
    );
    w.respond(
        Some("GET"),
        "/v1/agent/status/",
        1,
        401,
        &envelope(401, "UNAUTHORIZED", &echoed),
    );
    p.call(1, "get_agent_status", json!({"agent_id": "A91XMB7113"}));
    let failed = p.tool_error(1);
    assert_eq!(failed["code"], "UNAUTHORIZED", "{failed}");
    w.respond(
        Some("GET"),
        "/v1/agents",
        1,
        200,
        &json!({"success": true, "data": [{"agent_id": "A1", "name": echoed, SECRET: 1}]})
            .to_string(),
    );
    p.call(2, "list_agents", json!({}));
    let listed = p.answer(2);
    for text in [failed.to_string(), listed.to_string()] {
        assert!(text.contains("bad key"), "{text}");
        for form in [SECRET, encoded.as_str(), &SECRET.replace('_', "%5F")] {
            assert!(
                !text.contains(form),
                "the secret ({form}) reached the MCP client: {text}"
            );
        }
    }
}
