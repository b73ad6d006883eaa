//! Black-box tests of `bithuman sandbox serve` (the built binary, as users run
//! it) and of the global `--sandbox` mode: the stdout handshake, signals,
//! fault knobs, `-v` logging, the vendor's REST flow in plain bash/curl/jq
//! (`scripts/rest-flow.sh`), our own CLI end to end against the server, and
//! the one persistent world every `--sandbox` command and `serve` share
//! (plans and buckets, `sandbox status`/`reset`, unusable state, many
//! processes at once, SIGKILL).
//!
//! Every server child is owned by a [`Server`] guard that kills it on drop, so
//! a failing assertion never leaves a process behind.

use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_bithuman");
const SECRET: &str = "sk_sandbox_test_5e1f";

/// A command with a clean environment: only `PATH` and a temporary `HOME`.
fn isolated(home: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .stdin(Stdio::null());
    cmd
}

/// A running `bithuman sandbox serve`; killed (if still running) on drop.
struct Server {
    child: Child,
    base: String,
    stderr: Option<JoinHandle<String>>,
    _home: tempfile::TempDir,
}

impl Server {
    /// Starts `bithuman [pre...] sandbox serve --port 0 [args...]` and reads the
    /// two-line handshake from stdout.
    fn start(pre: &[&str], args: &[&str]) -> Server {
        let home = tempfile::tempdir().expect("temp home");
        let mut child = isolated(home.path())
            .args(pre)
            .args(["sandbox", "serve", "--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn bithuman sandbox serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut stderr = child.stderr.take().expect("stderr");
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            base: String::new(),
            stderr: Some(stderr),
            _home: home,
        };
        let line = || {
            rx.recv_timeout(Duration::from_secs(10))
                .expect("the server printed a line within 10 s")
                .expect("stdout is readable")
        };
        let base = line();
        let export = line();
        assert!(
            base.starts_with("http://127.0.0.1:") && base.len() > "http://127.0.0.1:".len(),
            "line 1 is the base URL: {base:?}"
        );
        assert_eq!(export, format!("export BITHUMAN_API_BASE={base}"));
        server.base = base;
        server
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Sends `signal` (`TERM`, `INT`) with kill(1).
    fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .args([format!("-{signal}"), self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{signal} worked");
    }

    /// Waits (at most `limit`) for the server to exit; returns its status and stderr.
    fn wait(mut self, limit: Duration) -> (ExitStatus, String) {
        let status = wait_child(&mut self.child, limit).expect("the server exited in time");
        let stderr = self
            .stderr
            .take()
            .map(|h| h.join().unwrap_or_default())
            .unwrap_or_default();
        (status, stderr)
    }

    /// SIGTERM, then the exit status and everything printed on stderr.
    fn stop(self) -> (ExitStatus, String) {
        self.signal("TERM");
        self.wait(Duration::from_secs(5))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

fn wait_child(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn http() -> reqwest::blocking::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::blocking::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .expect("http client")
}

fn generate(server: &Server, secret: &str) -> reqwest::blocking::Response {
    http()
        .post(server.url("/v1/agent/generate"))
        .header("api-secret", secret)
        .json(&serde_json::json!({"prompt": "You are a test.", "model": "essence-1"}))
        .send()
        .expect("generate request")
}

fn status(server: &Server, id: &str) -> Value {
    let response = http()
        .get(server.url(&format!("/v1/agent/status/{id}")))
        .header("api-secret", SECRET)
        .send()
        .expect("status request");
    assert_eq!(response.status(), 200);
    response.json().expect("status JSON")
}

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn vendor_rest_flow_in_bash_works_against_serve() {
    if !(have("curl") && have("jq") && have("bash")) {
        eprintln!("note: skipping the REST flow test: bash, curl and jq are needed");
        return;
    }
    let server = Server::start(&[], &["--speed", "20"]);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/rest-flow.sh");
    let home = tempfile::tempdir().expect("temp home");
    let mut child = Command::new("bash")
        .arg(script)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("TMPDIR", home.path())
        .env("BITHUMAN_API_BASE", &server.base)
        .env("BITHUMAN_API_SECRET", SECRET)
        .env("POLL_INTERVAL", "1")
        .env("MAX_POLLS", "15")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run scripts/rest-flow.sh");
    let done = wait_child(&mut child, Duration::from_secs(30));
    if done.is_none() {
        let _ = child.kill();
    }
    let output = child.wait_with_output().expect("script output");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "rest-flow.sh failed ({:?}):\n{stderr}",
        output.status
    );
    let id = String::from_utf8_lossy(&output.stdout).trim().to_string();
    assert!(id.starts_with('A'), "prints the agent id: {id:?}");
    assert!(stderr.contains("download url ok"), "{stderr}");
    let (exit, _) = server.stop();
    assert!(exit.success(), "SIGTERM is a normal stop: {exit:?}");
}

#[test]
fn verbose_logs_each_request_without_the_secret() {
    let server = Server::start(&["-v"], &["--speed", "20"]);
    assert_eq!(generate(&server, SECRET).status(), 200);
    let missing = http()
        .get(server.url("/v1/agent/status/A000"))
        .header("api-secret", SECRET)
        .send()
        .expect("status request");
    assert_eq!(missing.status(), 404);
    let (exit, stderr) = server.stop();
    assert!(exit.success(), "{exit:?}");
    assert!(
        stderr.contains("POST /v1/agent/generate -> 200"),
        "logs the generate request: {stderr}"
    );
    assert!(
        stderr.contains("GET /v1/agent/status/A000 -> 404"),
        "logs the status request: {stderr}"
    );
    assert!(!stderr.contains(SECRET), "never logs the secret: {stderr}");
}

#[test]
fn sigterm_stops_with_exit_0() {
    let server = Server::start(&[], &[]);
    let (exit, _) = server.stop();
    assert_eq!(exit.code(), Some(0), "{exit:?}");
}

#[test]
fn sigint_stops_with_exit_0() {
    let server = Server::start(&[], &[]);
    server.signal("INT");
    let (exit, _) = server.wait(Duration::from_secs(5));
    assert_eq!(exit.code(), Some(0), "{exit:?}");
}

#[test]
fn secret_flag_rejects_other_secrets() {
    let server = Server::start(&[], &["--secret", "S3cret"]);
    let refused = generate(&server, "not-it");
    assert_eq!(refused.status(), 401);
    let body: Value = refused.json().expect("envelope");
    assert_eq!(body["error"]["httpStatus"], 401, "{body}");
    let valid: Value = http()
        .post(server.url("/v1/validate"))
        .header("api-secret", "not-it")
        .send()
        .and_then(reqwest::blocking::Response::json)
        .expect("validate");
    assert_eq!(valid["valid"], false);
    assert_eq!(generate(&server, "S3cret").status(), 200);
}

#[test]
fn credits_flag_sets_the_balance() {
    let server = Server::start(&[], &["--credits", "300"]);
    let me = |server: &Server| -> Value {
        http()
            .get(server.url("/v1/me"))
            .header("api-secret", SECRET)
            .send()
            .and_then(reqwest::blocking::Response::json)
            .expect("me")
    };
    assert_eq!(me(&server)["data"]["credit_balance"], 300);
    assert_eq!(generate(&server, SECRET).status(), 200); // essence-1: 250
    assert_eq!(me(&server)["data"]["credit_balance"], 50);
    let refused = generate(&server, SECRET);
    assert_eq!(refused.status(), 402);
    let body: Value = refused.json().expect("envelope");
    assert_eq!(body["error"]["code"], "INSUFFICIENT_BALANCE", "{body}");
    assert!(
        body["error"]["topup_url"]
            .as_str()
            .is_some_and(|u| u.starts_with(&server.base)),
        "{body}"
    );
}

#[test]
fn rate_limit_answers_429_with_retry_after() {
    let server = Server::start(&[], &["--rate-limit", "1"]);
    assert_eq!(generate(&server, SECRET).status(), 200);
    let limited = generate(&server, SECRET);
    assert_eq!(limited.status(), 429);
    let retry: u64 = limited
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in whole seconds");
    assert!((1..=60).contains(&retry), "Retry-After {retry}");
    let body: Value = limited.json().expect("envelope");
    assert_eq!(body["error"]["code"], "RATE_LIMITED", "{body}");
}

#[test]
fn fail_rate_ends_agents_failed_at_a_named_step() {
    let server = Server::start(&[], &["--fail-rate", "1", "--seed", "3", "--speed", "20"]);
    let created: Value = generate(&server, SECRET).json().expect("generate JSON");
    let id = created["agent_id"].as_str().expect("agent_id").to_string();
    let deadline = Instant::now() + Duration::from_secs(5);
    let record = loop {
        let record = status(&server, &id);
        let state = record["data"]["status"].as_str().unwrap_or("").to_string();
        assert_ne!(state, "ready", "a --fail-rate 1 agent never gets ready");
        if state == "failed" {
            break record;
        }
        assert!(Instant::now() < deadline, "failed within 5 s: {record}");
        std::thread::sleep(Duration::from_millis(50));
    };
    let data = &record["data"];
    let step = data["current_step"].as_str().expect("current_step");
    let message = data["error_message"].as_str().expect("error_message");
    assert!(
        ["payment", "persona", "voice_image", "video", "lip_sync"].contains(&step),
        "{step}"
    );
    assert!(message.contains(step), "names the step: {message}");
    assert!(message.contains("sandbox"), "names the sandbox: {message}");
}

#[test]
fn flaky_answers_503_envelopes() {
    let server = Server::start(&[], &["--flaky", "1"]);
    for response in [
        generate(&server, SECRET),
        http()
            .post(server.url("/v1/validate"))
            .header("api-secret", SECRET)
            .send()
            .expect("validate"),
    ] {
        assert_eq!(response.status(), 503);
        let body: Value = response.json().expect("envelope");
        assert_eq!(body["error"]["code"], "SERVICE_UNAVAILABLE", "{body}");
        assert_eq!(body["error"]["httpStatus"], 503, "{body}");
    }
}

#[test]
fn port_in_use_exits_non_zero_with_a_clear_message() {
    let taken = TcpListener::bind("127.0.0.1:0").expect("bind a port");
    let port = taken.local_addr().expect("addr").port();
    let home = tempfile::tempdir().expect("temp home");
    let mut child = isolated(home.path())
        .args(["sandbox", "serve", "--port", &port.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let exited = wait_child(&mut child, Duration::from_secs(5));
    if exited.is_none() {
        let _ = child.kill();
    }
    let output = child.wait_with_output().expect("output");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(exited.is_some(), "exits at once when the port is taken");
    assert!(!output.status.success(), "{:?}", output.status);
    assert!(output.stdout.is_empty(), "no base URL printed");
    assert!(
        stderr.contains(&format!("127.0.0.1:{port}")) && stderr.contains("in use"),
        "names the address and the reason: {stderr}"
    );
    assert!(stderr.contains("--port"), "suggests another port: {stderr}");
}

#[test]
fn cli_generate_wait_json_against_serve() {
    let server = Server::start(&[], &["--speed", "20"]);
    let home = tempfile::tempdir().expect("temp home");
    let output = isolated(home.path())
        .env("BITHUMAN_API_BASE", &server.base)
        .env("BITHUMAN_API_SECRET", SECRET)
        .args([
            "generate",
            "--prompt",
            "x",
            "--wait",
            "--json",
            "--interval",
            "1s",
        ])
        .args(["--timeout", "30s"])
        .output()
        .expect("run bithuman generate");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{:?}\nstdout: {stdout}\nstderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON record: {stdout}");
    let record: Value = serde_json::from_str(lines[0]).expect("JSON record");
    assert_eq!(record["status"], "ready", "{record}");
    assert_eq!(record["schema_version"], 1, "{record}");
    assert_eq!(record["model"], "essence-1", "{record}");
    let model_url = record["model_url"].as_str().expect("model_url");
    assert!(model_url.starts_with(&server.base), "{model_url}");
}

#[test]
fn global_sandbox_flag_downloads_a_placeholder_without_a_secret() {
    let home = tempfile::tempdir().expect("temp home");
    let dir = tempfile::tempdir().expect("download dir");
    // The in-process sandbox runs at speed 1 (ready after ~10 s); 10x here.
    let output = isolated(home.path())
        .env("BITHUMAN_SANDBOX_SPEED", "10")
        .args([
            "--sandbox",
            "generate",
            "--prompt",
            "x",
            "--wait",
            "--interval",
            "1s",
        ])
        .arg("--download")
        .arg(dir.path())
        .output()
        .expect("run bithuman --sandbox generate");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?}\n{stderr}", output.status);
    assert!(
        stderr.contains("sandbox"),
        "says it uses the sandbox: {stderr}"
    );
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read download dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "one downloaded file: {files:?}");
    let bytes = std::fs::read(&files[0]).expect("read model");
    assert!(
        bytes.starts_with(b"BITHUMAN SANDBOX PLACEHOLDER\n"),
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let name = files[0].file_name().and_then(|n| n.to_str()).unwrap_or("");
    assert!(stdout.contains(name), "prints the saved path: {stdout}");
}

// ---------------------------------------------------------------- one world (SPEC §14)

/// A `bithuman` command in `home` whose sandbox world is `state`.
fn in_world(home: &Path, state: &Path) -> Command {
    let mut cmd = isolated(home);
    cmd.env("BITHUMAN_SANDBOX_STATE", state)
        .env("BITHUMAN_SANDBOX_SPEED", "20");
    cmd
}

/// Runs `cmd`; (exit code, stdout, stderr).
fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("run bithuman");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// stdout as JSON lines.
fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn face() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/face.png")
}

#[test]
fn sandbox_commands_share_one_world() {
    let home = tempfile::tempdir().expect("home");
    let state = tempfile::tempdir().expect("state");
    let sb = || in_world(home.path(), state.path());
    let (code, stdout, stderr) = run(sb()
        .args(["--sandbox", "generate", "--image"])
        .arg(face())
        .args(["--wait", "--json", "--interval", "1s"]));
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let record = &json_lines(&stdout)[0];
    let id = record["agent_id"].as_str().expect("agent_id").to_string();
    assert_eq!(record["status"], "ready", "{record}");

    // A later process lists it, with its status.
    let (code, stdout, stderr) = run(sb().args(["--sandbox", "agent", "list", "--json"]));
    assert_eq!(code, 0, "{stderr}");
    let agents = json_lines(&stdout);
    assert_eq!(agents.len(), 1, "{stdout}");
    assert_eq!(agents[0]["code"], id.as_str());
    assert_eq!(agents[0]["status"], "ready");

    // Its charge is in the usage, and the balance went down by it.
    let (code, stdout, stderr) = run(sb().args(["--sandbox", "usage", "--json"]));
    assert_eq!(code, 0, "{stderr}");
    let rows = json_lines(&stdout);
    let charge = rows
        .iter()
        .find(|r| r["agent_code"] == id.as_str())
        .unwrap_or_else(|| panic!("a usage row for {id}: {stdout}"));
    let spent = -charge["credits_change"].as_i64().expect("credits_change");
    assert!(spent > 0, "{charge}");
    let (code, stdout, stderr) = run(sb().args(["--sandbox", "account", "--json"]));
    assert_eq!(code, 0, "{stderr}");
    let me = &json_lines(&stdout)[0];
    assert_eq!(me["credit_balance"], 1_000_000 - spent, "{me}");

    // Gestures made by one command show in the next.
    let (code, _, stderr) = run(sb().args(["--sandbox", "dynamics", "generate", &id, "--wait"]));
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = run(sb().args(["--sandbox", "dynamics", "status", &id, "--json"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("wave"), "gestures listed: {stdout}");

    // Deleted stays deleted.
    let (code, _, stderr) = run(sb().args(["--sandbox", "agent", "delete", &id, "--yes"]));
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, _) = run(sb().args(["--sandbox", "status", &id]));
    assert_eq!(code, 66, "a deleted agent is not found: {stdout}");
    let (_, stdout, _) = run(sb().args(["--sandbox", "agent", "list", "--json"]));
    assert!(json_lines(&stdout).is_empty(), "{stdout}");
}

#[test]
fn eight_sandbox_generates_at_once_are_all_listed_and_billed() {
    let home = tempfile::tempdir().expect("home");
    let state = tempfile::tempdir().expect("state");
    let children: Vec<Child> = (0..8)
        .map(|i| {
            in_world(home.path(), state.path())
                .args(["--sandbox", "generate", "--model", "essence-1", "--prompt"])
                .arg(format!("agent {i}"))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    let mut ids = Vec::new();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
        ids.push(String::from_utf8_lossy(&out.stdout).trim().to_string());
    }
    let (code, stdout, stderr) = run(in_world(home.path(), state.path()).args([
        "--sandbox",
        "agent",
        "list",
        "--json",
        "--all",
    ]));
    assert_eq!(code, 0, "{stderr}");
    let listed: Vec<String> = json_lines(&stdout)
        .iter()
        .map(|a| a["code"].as_str().unwrap_or_default().to_string())
        .collect();
    for id in &ids {
        assert!(listed.contains(id), "{id} listed: {listed:?}");
    }
    // No lost update: every charge (essence-1: 250) reached the one balance.
    let (_, stdout, _) =
        run(in_world(home.path(), state.path()).args(["--sandbox", "account", "--json"]));
    assert_eq!(
        json_lines(&stdout)[0]["credit_balance"],
        1_000_000 - 8 * 250
    );
}

#[test]
fn serve_plan_creator_has_its_buckets() {
    let state = tempfile::tempdir().expect("state");
    let state_arg = state.path().to_str().expect("utf-8 path").to_string();
    let server = Server::start(&[], &["--plan", "creator", "--state", &state_arg]);
    // Ten generate requests a minute; the plan's cap of 7 agents refuses
    // the 8th to 10th, which still draw from the bucket.
    let mut ids = Vec::new();
    for i in 0..10 {
        let answer = generate(&server, SECRET);
        let limit = answer.headers()["x-ratelimit-limit"]
            .to_str()
            .unwrap()
            .to_string();
        assert_eq!(limit, "10");
        let status = answer.status();
        let body: Value = answer.json().expect("JSON");
        if i < 7 {
            assert_eq!(status, 200, "{body}");
            ids.push(body["agent_id"].as_str().expect("id").to_string());
        } else {
            assert_eq!(status, 403, "{body}");
            assert_eq!(body["error"]["code"], "AGENT_LIMIT_REACHED", "{body}");
        }
    }
    let limited = generate(&server, SECRET);
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    assert_eq!(limited.headers()["x-ratelimit-remaining"], "0");
    let body: Value = limited.json().expect("envelope");
    assert_eq!(body["error"]["code"], "RATE_LIMITED", "{body}");
    // A status poll is a read: the creator plan's 240 per minute.
    let poll = http()
        .get(server.url(&format!("/v1/agent/status/{}", ids[0])))
        .header("api-secret", SECRET)
        .send()
        .expect("status");
    assert_eq!(poll.status(), 200);
    let headers = poll.headers();
    assert_eq!(headers["x-ratelimit-limit"], "240");
    let remaining: u32 = headers["x-ratelimit-remaining"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(remaining < 240, "{remaining}");
    let reset: u64 = headers["x-ratelimit-reset"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(
        reset >= now && reset <= now + 61,
        "a Unix time within a minute: {reset}"
    );
    // The plan is the world's: `sandbox status` on the same state says so.
    let home = tempfile::tempdir().expect("home");
    let (code, stdout, stderr) =
        run(isolated(home.path()).args(["sandbox", "status", "--json", "--state", &state_arg]));
    assert_eq!(code, 0, "{stderr}");
    let status = &json_lines(&stdout)[0];
    assert_eq!(status["plan"], "creator", "{status}");
    assert_eq!(status["agents"], 7, "{status}");
    assert_eq!(status["rate_limits"]["read"], 240, "{status}");
}

#[test]
fn serve_plan_free_refuses_all_but_me() {
    let server = Server::start(&[], &["--plan", "free", "--state", ":memory:"]);
    let refused = generate(&server, SECRET);
    assert_eq!(refused.status(), 403);
    let body: Value = refused.json().expect("envelope");
    assert_eq!(body["error"]["code"], "PLAN_REQUIRED", "{body}");
    let me: Value = http()
        .get(server.url("/v1/me"))
        .header("api-secret", SECRET)
        .send()
        .and_then(reqwest::blocking::Response::json)
        .expect("me");
    assert_eq!(me["data"]["plan"], "free", "{me}");
}

#[test]
fn sandbox_reset_empties_the_world_and_asks_first() {
    let home = tempfile::tempdir().expect("home");
    let state = tempfile::tempdir().expect("state");
    let sb = || in_world(home.path(), state.path());
    let (code, stdout, stderr) = run(sb().args(["--sandbox", "generate", "--prompt", "x"]));
    assert_eq!(code, 0, "{stderr}");
    let id = stdout.trim().to_string();
    let (code, stdout, _) = run(sb().args(["sandbox", "status"]));
    assert_eq!(code, 0);
    assert!(
        stdout.contains(&state.path().display().to_string()),
        "{stdout}"
    );
    assert!(stdout.contains("business"), "{stdout}");
    // Off a terminal, --yes is required.
    let (code, _, stderr) = run(sb().args(["sandbox", "reset"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--yes"), "{stderr}");
    let (code, _, _) = run(sb().args(["--sandbox", "status", &id]));
    assert_eq!(code, 0, "nothing was reset");
    let (code, _, stderr) = run(sb().args(["sandbox", "reset", "--yes"]));
    assert_eq!(code, 0, "{stderr}");
    let (code, _, _) = run(sb().args(["--sandbox", "status", &id]));
    assert_eq!(code, 66, "old ids answer 404 after a reset");
    let (_, stdout, _) = run(sb().args(["sandbox", "status", "--json"]));
    let status = &json_lines(&stdout)[0];
    assert_eq!(
        (status["agents"].as_u64(), status["balance"].as_i64()),
        (Some(0), Some(1_000_000))
    );
}

#[test]
fn unusable_state_is_refused_with_the_path_and_the_fix() {
    let home = tempfile::tempdir().expect("home");
    let dir = tempfile::tempdir().expect("dir");
    // Not writable: the folder would have to be made inside a file.
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let below = file.join("sandbox");
    let (code, _, stderr) = run(in_world(home.path(), &below).args(["--sandbox", "agent", "list"]));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(&below.display().to_string()), "{stderr}");

    // Not our database: another program's file.
    let foreign = dir.path().join("foreign");
    std::fs::create_dir(&foreign).expect("mkdir");
    std::fs::write(
        foreign.join("world.sqlite3"),
        "not a database at all, just text\n".repeat(200),
    )
    .expect("write");
    let (code, _, stderr) =
        run(in_world(home.path(), &foreign).args(["--sandbox", "agent", "list"]));
    assert_eq!(code, 65, "{stderr}");
    assert!(
        stderr.contains("world.sqlite3") && stderr.contains("sandbox reset"),
        "{stderr}"
    );

    // A newer schema.
    let newer = dir.path().join("newer");
    std::fs::create_dir(&newer).expect("mkdir");
    let conn = rusqlite::Connection::open(newer.join("world.sqlite3")).expect("open");
    conn.execute_batch("CREATE TABLE world (id INTEGER); PRAGMA user_version = 99;")
        .expect("schema");
    drop(conn);
    let (code, _, stderr) = run(in_world(home.path(), &newer).args(["--sandbox", "agent", "list"]));
    assert_eq!(code, 65, "{stderr}");
    assert!(
        stderr.contains("99") && stderr.contains("sandbox reset"),
        "{stderr}"
    );

    // Corrupt: a real world with its pages overwritten.
    let corrupt = dir.path().join("corrupt");
    let (code, _, stderr) =
        run(in_world(home.path(), &corrupt).args(["--sandbox", "generate", "--prompt", "x"]));
    assert_eq!(code, 0, "{stderr}");
    let db = corrupt.join("world.sqlite3");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .expect("checkpoint");
    drop(conn);
    let mut bytes = std::fs::read(&db).expect("read");
    assert!(bytes.len() > 8192, "{} bytes", bytes.len());
    for b in &mut bytes[4096..] {
        *b = 0x5A;
    }
    std::fs::write(&db, &bytes).expect("write");
    let (code, _, stderr) =
        run(in_world(home.path(), &corrupt).args(["--sandbox", "agent", "list"]));
    assert_eq!(code, 65, "{stderr}");
    assert!(
        stderr.contains("world.sqlite3") && stderr.contains("sandbox reset"),
        "{stderr}"
    );
    // The fix the hint names works.
    let (code, _, stderr) =
        run(in_world(home.path(), &corrupt).args(["sandbox", "reset", "--yes"]));
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) =
        run(in_world(home.path(), &corrupt).args(["--sandbox", "agent", "list"]));
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn sigkill_at_any_moment_leaves_a_consistent_world() {
    let home = tempfile::tempdir().expect("home");
    let state = tempfile::tempdir().expect("state");
    for round in 0..8u64 {
        let mut child = in_world(home.path(), state.path())
            .args([
                "--sandbox",
                "generate",
                "--model",
                "essence-1",
                "--prompt",
                "x",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(round * 25));
        let _ = Command::new("kill")
            .args(["-KILL", &child.id().to_string()])
            .status();
        let _ = child.wait();
    }
    let (code, _, stderr) = run(in_world(home.path(), state.path()).args(["sandbox", "status"]));
    assert_eq!(code, 0, "{stderr}");
    let conn = rusqlite::Connection::open(state.path().join("world.sqlite3")).expect("open");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(check, "ok");
    // A charge and its agent are one transaction: never one without the other.
    let agents: i64 = conn
        .query_row("SELECT count(*) FROM agents", [], |r| r.get(0))
        .expect("agents");
    let charges: i64 = conn
        .query_row(
            "SELECT count(*) FROM usage WHERE activity_type = 'agent_generation'",
            [],
            |r| r.get(0),
        )
        .expect("charges");
    assert_eq!(agents, charges);
}

#[test]
fn serve_and_sandbox_commands_share_the_world() {
    let state = tempfile::tempdir().expect("state");
    let state_arg = state.path().to_str().expect("utf-8 path").to_string();
    let server = Server::start(&[], &["--state", &state_arg, "--speed", "20"]);
    let home = tempfile::tempdir().expect("home");
    let (code, stdout, stderr) = run(in_world(home.path(), state.path()).args([
        "--sandbox",
        "generate",
        "--model",
        "essence-2",
        "--prompt",
        "made by a command",
    ]));
    assert_eq!(code, 0, "{stderr}");
    let id = stdout.trim().to_string();
    // The running server answers for it, with URLs on its own address.
    let record = status(&server, &id);
    assert_eq!(record["data"]["model"], "essence-2", "{record}");
    // And what the server does, the next command sees.
    let deleted = http()
        .delete(server.url(&format!("/v1/agent/{id}")))
        .header("api-secret", SECRET)
        .send()
        .expect("delete");
    assert_eq!(deleted.status(), 200);
    let (code, _, _) = run(in_world(home.path(), state.path()).args(["--sandbox", "status", &id]));
    assert_eq!(code, 66);
}
