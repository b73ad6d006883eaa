//! `bithuman mcp` protocol hygiene with raw JSON-RPC over stdio: malformed
//! JSON, an unknown tool, wrong argument types and a cancelled wait each get
//! a protocol or tool error (or, for the cancelled call, no answer), and the
//! server keeps serving; nothing but JSON-RPC reaches stdout.
//! (A full generate → wait → download → video run under the official Python
//! SDK is `tests/mcp/client.py`, run by CI.)

mod common;
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
        let mut child = Command::new(env!("CARGO_BIN_EXE_bithuman"))
            .args(["mcp"])
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
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(30))
                .unwrap_or_else(|_| panic!("no answer to request {id}"));
            let v: Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| panic!("stdout is not JSON-RPC ({e}): {line}"));
            assert_eq!(v["jsonrpc"], "2.0", "{v}");
            if v["id"] == id {
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
