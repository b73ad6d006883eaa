//! The sandbox emulates live sessions (SPEC §17, issue 25): driven through
//! the CLI (`bithuman --sandbox session …`) on one persistent world on the
//! creator plan (3 concurrent sessions), with sessions on clocks of
//! different speeds instead of sleeps: a session started at speed 6000 is
//! past its first minute within 10 ms, one at speed 1 is not for a minute.

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_bithuman");
/// A LiveKit token: asserted absent from every output and from the world's files.
const LK_TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhdmF0YXIifQ.SbxT0kenNeverStored";

struct World {
    home: tempfile::TempDir,
    state: tempfile::TempDir,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
            .collect()
    }
}

impl World {
    fn new() -> World {
        World {
            home: tempfile::tempdir().expect("home"),
            state: tempfile::tempdir().expect("state"),
        }
    }

    /// `bithuman --sandbox ARGS` in this world, its sandbox at `speed`.
    fn run(&self, speed: &str, args: &[&str]) -> Run {
        let home = self.home.path();
        let out = Command::new(BIN)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("BITHUMAN_SANDBOX_STATE", self.state.path())
            .env("BITHUMAN_SANDBOX_PLAN", "creator")
            .env("BITHUMAN_SANDBOX_SPEED", speed)
            .arg("--sandbox")
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run bithuman");
        let run = Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        assert!(
            !run.stdout.contains(LK_TOKEN) && !run.stderr.contains(LK_TOKEN),
            "the LiveKit token was printed: {}\n{}",
            run.stdout,
            run.stderr
        );
        run
    }

    /// A ready agent of this world.
    fn agent(&self) -> String {
        let face = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/face.png");
        let face = face.to_str().expect("utf-8 path");
        let run = self.run(
            "200",
            &[
                "generate",
                "--image",
                face,
                "--wait",
                "--json",
                "--interval",
                "1s",
            ],
        );
        assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
        let record = &run.lines()[0];
        assert_eq!(record["status"], "ready", "{record}");
        record["agent_id"].as_str().expect("agent_id").to_string()
    }

    /// Starts a session of `agent` in `room` on a clock of `speed`; its `cs_…` id.
    fn start(&self, speed: &str, agent: &str, room: &str) -> Run {
        self.run(
            speed,
            &[
                "session",
                "start",
                "--agent",
                agent,
                "--livekit-url",
                "wss://demo.livekit.cloud",
                "--livekit-token",
                LK_TOKEN,
                "--room",
                room,
                "--json",
            ],
        )
    }

    fn started(&self, speed: &str, agent: &str, room: &str) -> String {
        let run = self.start(speed, agent, room);
        assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
        let answer = &run.lines()[0];
        assert_eq!(answer["avatar_session_started"], true, "{answer}");
        assert_eq!(answer["user_id"], "sandbox-user", "{answer}");
        let id = answer["session_id"].as_str().expect("session_id");
        assert!(id.starts_with("cs_"), "{answer}");
        id.to_string()
    }

    /// `session list --json`: the sessions and the totals line.
    fn list(&self, window: &str) -> (Vec<Value>, Value) {
        let run = self.run("1", &["session", "list", window, "--json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let mut lines = run.lines();
        let totals = lines.pop().expect("a totals line")["totals"].clone();
        (lines, totals)
    }

    /// Every byte of the world's database files, as text.
    fn stored(&self) -> String {
        let mut all = Vec::new();
        for entry in std::fs::read_dir(self.state.path()).expect("state dir") {
            let path = entry.expect("entry").path();
            all.extend(std::fs::read(path).unwrap_or_default());
        }
        String::from_utf8_lossy(&all).into_owned()
    }
}

fn by_cs<'a>(sessions: &'a [Value], cs: &str) -> &'a Value {
    sessions
        .iter()
        .find(|s| s["session_id"] == cs)
        .unwrap_or_else(|| panic!("{cs} listed: {sessions:?}"))
}

#[test]
fn the_cap_the_list_the_guard_end_and_the_bill() {
    let w = World::new();
    let agent = w.agent();
    // A: a clock 6000× fast (a minute per 10 ms); B and C: real time.
    let a = w.started("6000", &agent, "fast-room");
    let b = w.started("1", &agent, "lobby");
    let c = w.started("1", &agent, "lobby-2");

    // The creator plan's fourth concurrent session is refused: exit 77.
    let fourth = w.start("1", &agent, "one-too-many");
    assert_eq!(fourth.code, 77, "{}\n{}", fourth.stdout, fourth.stderr);
    assert!(
        fourth.stderr.contains("CONCURRENCY_LIMIT_REACHED")
            || fourth.stderr.contains("Concurrent session limit"),
        "{}",
        fourth.stderr
    );
    assert!(
        fourth.stderr.contains("session list --live"),
        "{}",
        fourth.stderr
    );

    // The list: minutes, credits, rates, and the account's live burn rate.
    let (sessions, totals) = w.list("--all");
    assert_eq!(sessions.len(), 3, "{sessions:?}");
    assert_eq!(totals["active_count"], 3, "{totals}");
    let rate = by_cs(&sessions, &a)["burn_rate_cr_per_min"]
        .as_f64()
        .expect("rate");
    assert!(rate > 0.0);
    assert_eq!(
        totals["live_burn_rate_cr_per_min"].as_f64(),
        Some(rate * 3.0)
    );
    let fast = by_cs(&sessions, &a);
    assert!(fast["minutes"].as_f64().expect("minutes") > 1.0, "{fast}");
    assert!(fast["credits"].as_f64().expect("credits") >= rate, "{fast}");
    assert!(by_cs(&sessions, &b)["minutes"].as_f64().expect("minutes") < 1.0);
    let table = w.run("1", &["session", "list"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(table.stdout.contains("MINUTES") && table.stdout.contains("CREDITS"));
    assert!(
        table.stdout.contains(&format!(
            "live: 3 session(s), burning {} credits/min",
            rate * 3.0
        )),
        "{}",
        table.stdout
    );

    // The guard ends the session past its first minute, and no other.
    let watch = w.run(
        "1",
        &["session", "watch", "--once", "--max-minutes", "1", "--json"],
    );
    assert_eq!(watch.code, 0, "{}\n{}", watch.stdout, watch.stderr);
    let ended = watch.lines();
    assert_eq!(ended.len(), 1, "{}", watch.stdout);
    let a_uuid = fast["id"].as_str().expect("uuid");
    assert_eq!(ended[0]["session_id"], a_uuid, "{}", watch.stdout);
    let (live, totals) = w.list("--live");
    let mut live_ids: Vec<&str> = live
        .iter()
        .filter_map(|s| s["session_id"].as_str())
        .collect();
    live_ids.sort_unstable();
    let mut want = vec![b.as_str(), c.as_str()];
    want.sort_unstable();
    assert_eq!(live_ids, want);
    assert_eq!(totals["active_count"], 2, "{totals}");

    // Ending twice: the second says so and bills nothing more.
    let first = w.run("1", &["session", "end", &b]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stdout.starts_with(&format!("ended {b}: ")),
        "{}",
        first.stdout
    );
    let second = w.run("1", &["session", "end", &b]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second
            .stdout
            .starts_with(&format!("{b} was already ended: ")),
        "{}",
        second.stdout
    );
    // The same billed seconds and credits both times.
    assert_eq!(
        first.stdout.split_once(": ").map(|p| p.1),
        second.stdout.split_once(": ").map(|p| p.1)
    );

    // A live session's room is the agent's live room: speak reaches C's.
    let spoken = w.run(
        "1",
        &["agent", "speak", &agent, "--text", "Doors open at nine."],
    );
    assert_eq!(spoken.code, 0, "{}", spoken.stderr);
    assert!(
        spoken.stdout.contains("delivered to 1 room"),
        "{}",
        spoken.stdout
    );
    let gone = w.run("1", &["session", "end", &c]);
    assert_eq!(gone.code, 0, "{}", gone.stderr);
    // No live session, no live room: 404, exit 66.
    let unheard = w.run("1", &["agent", "speak", &agent, "--text", "Anyone?"]);
    assert_eq!(unheard.code, 66, "{}\n{}", unheard.stdout, unheard.stderr);
    assert!(
        unheard.stderr.contains("No active rooms found"),
        "{}",
        unheard.stderr
    );
    let context = w.run("1", &["agent", "context", &agent, "--text", "A fact."]);
    assert_eq!(context.code, 66, "{}", context.stderr);

    // The bill: one usage row per session with credits, and the balance.
    let (all, _) = w.list("--all");
    let a_credits = by_cs(&all, &a)["credits"].as_f64().expect("credits") as i64;
    assert!(a_credits >= 4 * rate as i64, "{all:?}");
    let usage = w.run("1", &["usage", "--json"]);
    assert_eq!(usage.code, 0, "{}", usage.stderr);
    let rows: Vec<Value> = usage
        .lines()
        .into_iter()
        .filter(|r| r["activity_type"] == "live_session")
        .collect();
    assert!(
        rows.iter().any(|r| r["credits_change"] == -a_credits),
        "{}",
        usage.stdout
    );
    let session_spend: i64 = rows
        .iter()
        .map(|r| r["credits_change"].as_i64().unwrap_or(0))
        .sum();
    let billed: i64 = all
        .iter()
        .map(|s| s["credits"].as_f64().unwrap_or(0.0) as i64)
        .sum();
    assert_eq!(-session_spend, billed, "{}", usage.stdout);
    let charges: i64 = usage
        .lines()
        .iter()
        .map(|r| r["credits_change"].as_i64().unwrap_or(0))
        .sum();
    let account = w.run("1", &["account", "--json"]);
    assert_eq!(account.code, 0, "{}", account.stderr);
    assert_eq!(
        account.lines()[0]["credit_balance"].as_i64(),
        Some(1_000_000 + charges),
        "{}",
        account.stdout
    );
    assert!(
        !w.stored().contains(LK_TOKEN),
        "the LiveKit token was stored"
    );
}

#[test]
fn parallel_starts_from_many_processes_never_pass_the_cap() {
    let w = World::new();
    let agent = w.agent();
    let codes: Vec<i32> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..6)
            .map(|i| {
                let (w, agent) = (&w, &agent);
                scope.spawn(move || w.start("1", agent, &format!("room-{i}")).code)
            })
            .collect();
        runs.into_iter().map(|r| r.join().unwrap_or(-1)).collect()
    });
    let started = codes.iter().filter(|c| **c == 0).count();
    let refused = codes.iter().filter(|c| **c == 77).count();
    assert_eq!((started, refused), (3, 3), "{codes:?}");
    let (live, totals) = w.list("--live");
    assert_eq!(live.len(), 3, "{live:?}");
    assert_eq!(totals["active_count"], 3);
}

#[test]
fn transcripts_revoke_all_embed_tokens_and_unknown_sessions() {
    let w = World::new();
    let agent = w.agent();
    let a = w.started("6000", &agent, "room-a");
    let b = w.started("1", &agent, "room-b");
    let (live, _) = w.list("--live");
    let a_uuid = by_cs(&live, &a)["id"].as_str().expect("uuid").to_string();
    assert_eq!(by_cs(&live, &a)["has_transcript"], true);

    // Seeded messages, oldest first, by the list's UUID.
    let t = w.run("1", &["session", "transcript", &a_uuid]);
    assert_eq!(t.code, 0, "{}", t.stderr);
    let said: Vec<&str> = t.stdout.lines().collect();
    assert!(said.len() >= 3, "{}", t.stdout);
    assert!(said[0].contains("assistant: Hi!"), "{}", t.stdout);
    assert!(said[1].contains("user: "), "{}", t.stdout);

    // `show` by cs id and by UUID.
    let shown = w.run("1", &["session", "show", &b, "--json"]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert_eq!(shown.lines()[0]["status"], "live");
    assert_eq!(shown.lines()[0]["room_name"], "room-b");

    // Unknown ids: 66; malformed: 2.
    let unknown = w.run("1", &["session", "end", "cs_0000000000000000000000ff"]);
    assert_eq!(unknown.code, 66, "{}", unknown.stderr);
    let unknown = w.run(
        "1",
        &[
            "session",
            "transcript",
            "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
        ],
    );
    assert_eq!(unknown.code, 66, "{}", unknown.stderr);
    assert_eq!(w.run("1", &["session", "end", "nope"]).code, 2);

    // Revoke-all ends every live session at once.
    let revoked = w.run("1", &["session", "end", "--all", "--yes", "--json"]);
    assert_eq!(revoked.code, 0, "{}", revoked.stderr);
    assert_eq!(revoked.lines()[0]["revoked"], true, "{}", revoked.stdout);
    let (live, totals) = w.list("--live");
    assert!(live.is_empty(), "{live:?}");
    assert_eq!(totals["active_count"], 0);
    assert_eq!(totals["live_burn_rate_cr_per_min"].as_f64(), Some(0.0));
    let (all, _) = w.list("--all");
    assert!(all.iter().all(|s| s["status"] == "ended"), "{all:?}");
    let ended = w.run("1", &["session", "end", &a]);
    assert!(
        ended.stdout.contains("was already ended"),
        "{}",
        ended.stdout
    );
    // The slots are free again.
    w.started("1", &agent, "room-c");

    // Embed tokens: opaque, printed as data only.
    let token = w.run("1", &["embed-token", "--agent", &agent, "--json"]);
    assert_eq!(token.code, 0, "{}", token.stderr);
    let minted = &token.lines()[0];
    assert!(
        minted["token"]
            .as_str()
            .is_some_and(|t| t.starts_with("sbx_embed_")),
        "{minted}"
    );
    let missing = w.run("1", &["embed-token", "--agent", "A00NOAGENT0"]);
    assert_eq!(missing.code, 66, "{}", missing.stderr);
}

#[test]
fn the_free_plan_starts_no_session() {
    let w = World::new();
    let agent = w.agent();
    let home = w.home.path();
    let out = Command::new(BIN)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("BITHUMAN_SANDBOX_STATE", w.state.path())
        .env("BITHUMAN_SANDBOX_PLAN", "free")
        .args(["--sandbox", "session", "start", "--agent", &agent])
        .args(["--livekit-url", "wss://x.livekit.cloud", "--room", "r"])
        .args(["--livekit-token", LK_TOKEN])
        .stdin(Stdio::null())
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("PLAN_REQUIRED") || stderr.contains("Creator plan"),
        "{stderr}"
    );
    // Nothing was started.
    let (all, totals) = {
        let run = w.run("1", &["session", "list", "--json"]);
        let mut lines = run.lines();
        let totals = lines.pop().expect("totals")["totals"].clone();
        (lines, totals)
    };
    assert!(all.is_empty(), "{all:?}");
    assert_eq!(totals["active_count"], 0);
}

// ------------------------------------------------------------ the HTTP contract

mod http {
    use bithuman::sandbox::{Plan, Sandbox, SandboxConfig};
    use reqwest::blocking::{Client, Response};
    use serde_json::{Value, json};

    const SECRET: &str = "sk_sessions_contract";

    struct Api {
        sandbox: Sandbox,
        http: Client,
    }

    impl Api {
        fn new() -> Api {
            let sandbox = Sandbox::start(SandboxConfig {
                plan: Some(Plan::Creator),
                speed: 600.0,
                ..SandboxConfig::default()
            })
            .expect("sandbox");
            let _ = rustls::crypto::ring::default_provider().install_default();
            let http = Client::builder()
                .no_proxy()
                .timeout(std::time::Duration::from_secs(10))
                .build()
                .expect("http client");
            Api { sandbox, http }
        }

        fn call(&self, method: &str, path: &str, body: Option<Value>) -> Response {
            let url = format!("{}{path}", self.sandbox.base_url());
            let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
            let mut req = self.http.request(method, url).header("api-secret", SECRET);
            if let Some(body) = body {
                req = req.json(&body);
            }
            req.send().expect("send")
        }

        fn json(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
            let r = self.call(method, path, body);
            let status = r.status().as_u16();
            (status, r.json().unwrap_or(Value::Null))
        }

        /// A ready agent.
        fn agent(&self) -> String {
            let (status, made) = self.json(
                "POST",
                "/v1/agent/generate",
                Some(json!({"prompt": "You are a guide."})),
            );
            assert_eq!(status, 200, "{made}");
            let id = made["agent_id"].as_str().expect("agent_id").to_string();
            for _ in 0..200 {
                let (_, record) = self.json("GET", &format!("/v1/agent/status/{id}"), None);
                if record["data"]["status"] == "ready" {
                    return id;
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            panic!("agent {id} never got ready");
        }

        fn start(&self, agent: &str, room: &str) -> (u16, Value) {
            self.json(
                "POST",
                "/v1/runtime-tokens/request",
                Some(json!({"mode": "gpu", "agent_id": agent,
                    "livekit_url": "wss://x.livekit.cloud", "livekit_token": "opaque-lk-token",
                    "room_name": room})),
            )
        }
    }

    #[test]
    fn end_is_idempotent_and_bills_once() {
        let api = Api::new();
        let agent = api.agent();
        let (status, started) = api.start(&agent, "lobby");
        assert_eq!(status, 200, "{started}");
        // A prompt-only agent runs expression-1: 4 credits a minute.
        assert_eq!(started["model"], "expression-1");
        let cs = started["session_id"].as_str().expect("id").to_string();
        std::thread::sleep(std::time::Duration::from_millis(300));
        let (status, live) = api.json("GET", &format!("/v1/runtime-sessions/{cs}"), None);
        assert_eq!((status, &live["status"]), (200, &json!("live")), "{live}");
        let end = format!("/v1/runtime-sessions/{cs}/end");
        let (status, first) = api.json("POST", &end, None);
        assert_eq!(status, 200, "{first}");
        assert_eq!(first["ended"], true);
        assert_eq!(first["slot_released"], true);
        // 300 ms at speed 600 is three minutes: 4 credits/min, rounded down.
        let seconds = first["billed_seconds"].as_f64().expect("seconds");
        assert!(seconds >= 180.0, "{first}");
        assert_eq!(
            first["credits"].as_f64(),
            Some((seconds * 4.0 / 60.0).floor())
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
        let (status, second) = api.json("POST", &end, None);
        assert_eq!(status, 200);
        assert_eq!(first, second, "the same answer, nothing more billed");
        let (_, usage) = api.json("GET", "/v1/usage", None);
        let rows: Vec<&Value> = usage["data"]
            .as_array()
            .expect("rows")
            .iter()
            .filter(|r| r["activity_type"] == "live_session")
            .collect();
        assert_eq!(rows.len(), 1, "{usage}");
        assert_eq!(
            rows[0]["credits_change"],
            -first["credits"].as_i64().expect("credits")
        );
        assert_eq!(rows[0]["agent_code"], agent.as_str());
    }

    #[test]
    fn session_routes_are_metered_and_authenticated() {
        let api = Api::new();
        let agent = api.agent();
        let started = api.call(
            "POST",
            "/v1/runtime-tokens/request",
            Some(
                json!({"mode": "gpu", "agent_id": agent, "livekit_url": "wss://x.livekit.cloud",
                "livekit_token": "t", "room_name": "r"}),
            ),
        );
        assert_eq!(started.status().as_u16(), 200);
        // Runtime tokens are exempt from the buckets: no rate headers.
        assert!(started.headers().get("x-ratelimit-limit").is_none());
        let listed = api.call("GET", "/v2/sandbox-user/runtime-sessions?window=live", None);
        assert_eq!(listed.status().as_u16(), 200);
        assert_eq!(
            listed.headers()["x-ratelimit-limit"],
            "240",
            "the read bucket"
        );
        let list: Value = listed.json().expect("json");
        let uuid = list["data"]["sessions"][0]["id"]
            .as_str()
            .expect("uuid")
            .to_string();
        let spoken = api.call(
            "POST",
            &format!("/v1/agent/{agent}/speak"),
            Some(json!({"message": "hi", "room_id": "another-room"})),
        );
        assert_eq!(
            spoken.status().as_u16(),
            404,
            "no live session in that room"
        );
        assert_eq!(
            spoken.headers()["x-ratelimit-limit"],
            "60",
            "the write bucket"
        );
        let terminated = api.call(
            "POST",
            &format!("/v2/sandbox-user/runtime-sessions/{uuid}/terminate"),
            Some(json!({"reason": "test"})),
        );
        assert_eq!(terminated.headers()["x-ratelimit-limit"], "60");
        let body: Value = terminated.json().expect("json");
        assert_eq!(body["data"]["ended"], true, "{body}");
        // Unknown users, no secret, bad windows.
        let (status, _) = api.json("GET", "/v2/someone-else/runtime-sessions", None);
        assert_eq!(status, 404);
        let (status, _) = api.json("GET", "/v2//runtime-sessions", None);
        assert_eq!(status, 404);
        let (status, _) = api.json("GET", "/v2/sandbox-user/runtime-sessions?window=soon", None);
        assert_eq!(status, 400);
        let url = format!(
            "{}/v2/sandbox-user/runtime-sessions",
            api.sandbox.base_url()
        );
        let anonymous = api.http.get(url).send().expect("send");
        assert_eq!(anonymous.status().as_u16(), 401);
        // A start without the LiveKit token, or for an unknown agent.
        let (status, _) = api.json(
            "POST",
            "/v1/runtime-tokens/request",
            Some(json!({"mode": "gpu", "agent_id": agent, "livekit_url": "wss://x", "room_name": "r"})),
        );
        assert_eq!(status, 400);
        let (status, _) = api.start("A00NOAGENT0", "r");
        assert_eq!(status, 404);
        // A multi-byte character where the scheme ends is refused, not a panic.
        for url in ["wsé://x", "é", "wss:/", "http://x"] {
            let (status, answer) = api.json(
                "POST",
                "/v1/runtime-tokens/request",
                Some(json!({"mode": "gpu", "agent_id": agent, "livekit_url": url,
                    "livekit_token": "t", "room_name": "r"})),
            );
            assert_eq!(status, 400, "{url}: {answer}");
        }
    }
}
