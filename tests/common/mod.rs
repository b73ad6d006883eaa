//! Shared test harness: a fake bitHuman API (the project's sandbox emulator
//! with fault injection and a request log) and an isolated CLI runner.
//! Every run asserts the API secret never appears in stdout or stderr.
#![allow(dead_code)]

use assert_cmd::Command;
use bithuman::sandbox::{Fault, FaultAction, RecordedRequest, Sandbox, SandboxConfig};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The secret every test uses; asserted absent from all output.
pub const SECRET: &str = "sk_test_S3cr3tV4lue_do_not_leak_9f8e7d";

/// What one CLI run produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<std::process::Output> for Run {
    fn from(out: std::process::Output) -> Self {
        Self {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl Run {
    /// stdout parsed as NDJSON.
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("stdout line is not JSON ({e}): {l}"))
            })
            .collect()
    }

    /// The one JSON object on stdout.
    pub fn json(&self) -> serde_json::Value {
        let mut lines = self.json_lines();
        assert_eq!(
            lines.len(),
            1,
            "expected one JSON line, got: {}",
            self.stdout
        );
        lines.remove(0)
    }

    /// The JSON error object on stderr.
    pub fn json_error(&self) -> serde_json::Value {
        let line = self
            .stderr
            .lines()
            .rfind(|l| l.trim_start().starts_with('{'))
            .unwrap_or_else(|| panic!("no JSON error on stderr: {}", self.stderr));
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("bad JSON error ({e}): {line}"));
        v["error"].clone()
    }

    /// Asserts the JSON error's code and, when given, that its hint holds `hint`.
    pub fn assert_json_error(&self, code: &str, hint: Option<&str>) {
        let err = self.json_error();
        assert_eq!(err["code"], code, "{err}");
        if let Some(h) = hint {
            assert!(
                err["hint"].as_str().unwrap_or_default().contains(h),
                "hint should hold {h:?}: {err}"
            );
        }
    }

    /// Asserts the exit code, showing the output on failure.
    pub fn code(&self, want: i32) -> &Self {
        assert_eq!(
            self.code, want,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// A fake API plus an isolated home directory.
pub struct World {
    pub api: Sandbox,
    pub home: TempDir,
    pub extra_env: Vec<(String, String)>,
}

impl World {
    /// A fake API whose agents are ready in about half a second.
    pub fn new() -> Self {
        Self::with(SandboxConfig {
            speed: 20.0,
            ..SandboxConfig::default()
        })
    }

    pub fn with(config: SandboxConfig) -> Self {
        let api = Sandbox::start(config).expect("start fake API");
        let home = tempfile::tempdir().expect("temp home");
        Self {
            api,
            home,
            extra_env: Vec::new(),
        }
    }

    pub fn base(&self) -> String {
        self.api.base_url()
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// The default config file path inside the temp home.
    pub fn config_path(&self) -> PathBuf {
        self.home()
            .join(".config")
            .join("bithuman")
            .join("config.toml")
    }

    /// A CLI command with a clean environment: temp HOME/XDG dirs, the fake
    /// API and the test secret, fast retries and short request timeouts.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("bithuman").expect("binary");
        cmd.env_clear().envs(self.env()).current_dir(self.home());
        cmd
    }

    /// The whole environment a CLI run gets (nothing is inherited but PATH).
    pub fn env(&self) -> Vec<(String, std::ffi::OsString)> {
        let mut env: Vec<(String, std::ffi::OsString)> = vec![
            ("PATH".into(), std::env::var_os("PATH").unwrap_or_default()),
            ("HOME".into(), self.home().into()),
            ("XDG_CONFIG_HOME".into(), self.home().join(".config").into()),
            ("XDG_STATE_HOME".into(), self.home().join(".state").into()),
            ("BITHUMAN_API_BASE".into(), self.base().into()),
            ("BITHUMAN_API_SECRET".into(), SECRET.into()),
            ("BITHUMAN_RETRY_BASE".into(), "50ms".into()),
            ("BITHUMAN_REQUEST_TIMEOUT".into(), "3s".into()),
        ];
        env.extend(self.extra_env.iter().map(|(k, v)| (k.clone(), v.into())));
        env
    }

    /// Runs the CLI with `args` (and optional stdin), asserting the secret
    /// never appears in its output.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_cmd(self.cmd().args(args))
    }

    pub fn run_stdin(&self, args: &[&str], stdin: impl Into<Vec<u8>>) -> Run {
        let mut cmd = self.cmd();
        cmd.args(args).write_stdin(stdin.into());
        self.run_cmd(&mut cmd)
    }

    pub fn run_cmd(&self, cmd: &mut Command) -> Run {
        let out = cmd
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .expect("run bithuman");
        let run = Run::from(out);
        assert_no_secret(&run);
        run
    }

    /// Starts the CLI in the background (same environment as [`World::cmd`]),
    /// sends it SIGINT after `after`, and returns what it printed.
    #[cfg(unix)]
    pub fn interrupt(
        &self,
        args: &[&str],
        extra_env: &[(&str, &str)],
        after: std::time::Duration,
    ) -> Run {
        use std::process::{Command, Stdio};
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_bithuman"));
        cmd.args(args)
            .env_clear()
            .envs(self.env())
            .envs(extra_env.iter().copied())
            .current_dir(self.home())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let child = cmd.spawn().expect("spawn bithuman");
        std::thread::sleep(after);
        let sent = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill -INT");
        let run = Run::from(child.wait_with_output().expect("wait for bithuman"));
        assert_no_secret(&run);
        run
    }

    /// Requests the fake received, optionally only those whose path starts with `prefix`.
    pub fn requests(&self, prefix: &str) -> Vec<RecordedRequest> {
        self.api
            .requests()
            .into_iter()
            .filter(|r| r.path.starts_with(prefix))
            .collect()
    }

    /// Queues a fault for `times` requests matching method and path prefix.
    pub fn fault(&self, method: Option<&str>, prefix: &str, times: usize, action: FaultAction) {
        self.api.inject(Fault {
            method: method.map(str::to_string),
            path_prefix: prefix.to_string(),
            times,
            action,
        });
    }

    /// Queues a canned answer.
    pub fn respond(
        &self,
        method: Option<&str>,
        prefix: &str,
        times: usize,
        status: u16,
        body: &str,
    ) {
        self.fault(
            method,
            prefix,
            times,
            FaultAction::Respond {
                status,
                headers: vec![],
                body: body.to_string(),
            },
        );
    }

    /// Writes a file in the temp home and returns its path.
    pub fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.home().join(name);
        std::fs::write(&p, bytes).expect("write test file");
        p
    }

    /// Creates an agent through the CLI and returns its id.
    pub fn create(&self) -> String {
        let r = self.run(&["generate", "--prompt", "You are a test."]);
        r.code(0);
        r.stdout.trim().to_string()
    }
}

/// The secret must never reach the user's terminal or a log.
pub fn assert_no_secret(run: &Run) {
    assert!(
        !run.stdout.contains(SECRET),
        "secret leaked to stdout:\n{}",
        run.stdout
    );
    assert!(
        !run.stderr.contains(SECRET),
        "secret leaked to stderr:\n{}",
        run.stderr
    );
}

/// The error envelope the real API sends.
pub fn envelope(status: u16, code: &str, message: &str) -> String {
    serde_json::json!({"error": {"code": code, "message": message, "httpStatus": status}, "status": "error", "status_code": status}).to_string()
}

/// A minimal valid PNG (1x1).
pub fn png() -> Vec<u8> {
    vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F,
        0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00,
        0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49,
        0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}

/// A minimal WAV header with a little silence.
pub fn wav() -> Vec<u8> {
    let data = vec![0u8; 64];
    let mut v = Vec::new();
    v.extend_from_slice(b"RIFF");
    v.extend_from_slice(&((36 + data.len()) as u32).to_le_bytes());
    v.extend_from_slice(b"WAVEfmt ");
    v.extend_from_slice(&16u32.to_le_bytes());
    v.extend_from_slice(&1u16.to_le_bytes());
    v.extend_from_slice(&1u16.to_le_bytes());
    v.extend_from_slice(&16000u32.to_le_bytes());
    v.extend_from_slice(&32000u32.to_le_bytes());
    v.extend_from_slice(&2u16.to_le_bytes());
    v.extend_from_slice(&16u16.to_le_bytes());
    v.extend_from_slice(b"data");
    v.extend_from_slice(&(data.len() as u32).to_le_bytes());
    v.extend_from_slice(&data);
    v
}
