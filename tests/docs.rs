//! The documentation runs as shown (SPEC §18): every ```console block of
//! README.md and docs/*.md is run by `sh`, against the built-in sandbox, and
//! its output compared with what the page shows.
//!
//! A page is one shell session (a variable set in one block is there in the
//! next), in a private world: a temporary folder with its own HOME, XDG
//! folders and sandbox state (`BITHUMAN_SANDBOX_STATE`), the files the
//! examples name (tests/docs/files/, and examples/face.png), no secret and no
//! network. `BITHUMAN_SANDBOX_SPEED=20` keeps the waits short; the progress
//! lines it changes are shown as `...` on the pages.
//!
//! A `$ ` line is a command (a line ending in `\` goes on); the lines after
//! it, up to the next command, are its stdout and stderr as they interleave.
//! Both sides are masked alike before they are compared: agent, video,
//! gesture and session ids, ports, idempotency keys, times, sandbox names
//! and voices become fixed words (`[AGENT]`, `[PORT]`, …), so the pages can
//! show real output with real-looking ids. snapbox compares the
//! rest: `[..]` matches the rest of a line, a `...` line any lines. A command
//! whose shown output has an `error:` line must fail, any other must exit 0,
//! unless the next command is `echo $?`, which shows the code.
//!
//! Blocks that cannot run offline (the real API, GitHub Actions, a server
//! that runs until stopped) are `sh`, `text` or `yaml` blocks, not `console`.
//!
//! `every_help_example_runs` does the same for the examples in every
//! command's `--help`: each `bithuman …` line runs against the sandbox and
//! exits 0, the placeholder ids standing for real sandbox objects.

#![cfg(unix)]

use regex::Regex;
use snapbox::{Assert, IntoData};
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The pages whose examples are run. Not docs/library.md (Rust code, built
/// as the crate's doc tests).
const PAGES: &[&str] = &[
    "README.md",
    "docs/agents.md",
    "docs/batch.md",
    "docs/configuration.md",
    "docs/jobs.md",
    "docs/json.md",
    "docs/mcp.md",
    "docs/resilience.md",
    "docs/sandbox.md",
    "docs/sessions.md",
    "docs/webhooks.md",
];

/// One command of a page and what the page shows it printing.
#[derive(Debug)]
struct Example {
    line: usize,
    command: String,
    expected: Vec<String>,
}

/// The ```console blocks of a page, as commands in page order.
fn examples(page: &str) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    let mut in_console = false;
    let mut in_fence = false;
    let mut indent = 0;
    let mut continued = false;
    for (i, raw) in page.lines().enumerate() {
        let trimmed = raw.trim_start();
        if trimmed.starts_with("```") {
            // A fence may be indented (in a list item); its lines are too.
            in_console = !in_fence && trimmed.trim_end() == "```console";
            in_fence = !in_fence;
            indent = raw.len() - trimmed.len();
            continue;
        }
        if !in_console {
            continue;
        }
        let line = raw.get(indent..).unwrap_or(trimmed);
        if continued && let Some(last) = out.last_mut() {
            last.command.push('\n');
            last.command.push_str(line);
            continued = line.ends_with('\\');
        } else if let Some(command) = line.strip_prefix("$ ") {
            continued = command.ends_with('\\');
            out.push(Example {
                line: i + 1,
                command: command.to_string(),
                expected: Vec::new(),
            });
        } else if let Some(last) = out.last_mut() {
            last.expected.push(line.to_string());
        }
    }
    out
}

/// A private world: a folder with the example files, and the environment
/// every command of a page runs in.
struct World {
    dir: tempfile::TempDir,
}

impl World {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let work = dir.path().join("work");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_tree(&root.join("tests/docs/files"), &work);
        std::fs::create_dir_all(work.join("examples")).expect("examples dir");
        std::fs::copy(
            root.join("examples/face.png"),
            work.join("examples/face.png"),
        )
        .expect("face.png");
        Self { dir }
    }

    fn work(&self) -> PathBuf {
        self.dir.path().join("work")
    }

    /// `sh -c SCRIPT` in the world, stdin empty, nothing of the machine's
    /// environment but PATH (after the binary's folder).
    fn shell(&self, script: &str) -> Command {
        let home = self.dir.path().join("home");
        let bin = Path::new(env!("CARGO_BIN_EXE_bithuman"))
            .parent()
            .expect("binary folder");
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_else(|_| "/usr/bin:/bin".into())
        );
        let mut cmd = Command::new("sh");
        cmd.process_group(0)
            .arg("-c")
            .arg(script)
            .current_dir(self.work())
            .env_clear()
            .env("PATH", path)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_STATE_HOME", home.join(".local/state"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("TMPDIR", self.dir.path())
            .env("BITHUMAN_SANDBOX_STATE", self.dir.path().join("world"))
            .env("BITHUMAN_SANDBOX_SPEED", "20")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read fixtures") {
        let entry = entry.expect("fixture entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy fixture");
        }
    }
}

/// The byte that separates one command's output from the next (never in
/// the CLI's output: it removes control characters).
const MARK: char = '\u{1e}';

/// Runs the commands as one `sh` session; each command's output (stdout and
/// stderr as they interleave) and exit code.
/// `Err` with the outputs so far when the session does not end in time.
type Outputs = Vec<(String, i32)>;

fn run_session(world: &World, commands: &[&str], env: &[(&str, &str)]) -> Result<Outputs, Outputs> {
    let mut script = String::from("exec 2>&1\n__rc=0\n");
    for c in commands {
        // `( exit $__rc )` gives `echo $?` the previous command's code.
        script.push_str(&format!(
            "( exit $__rc )\n{c}\n__rc=$?\nprintf '{MARK}%d{MARK}\\n' \"$__rc\"\n"
        ));
    }
    let mut child = world
        .shell(&script)
        .envs(env.iter().copied())
        .spawn()
        .expect("start sh");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        let _ = stdout.read_to_string(&mut all);
        all
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut in_time = true;
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            // The shell leads a process group of its own (below), so the
            // command it is stuck in goes with it and stdout closes.
            if let Ok(pid) = i32::try_from(child.id()) {
                // SAFETY: kill(2) with a group id we created; no memory involved.
                unsafe { libc::kill(-pid, libc::SIGKILL) };
            }
            in_time = false;
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.wait();
    let all = reader.join().expect("reader");
    let marker = Regex::new("\u{1e}(-?[0-9]+)\u{1e}\n").expect("regex");
    let mut out = Vec::new();
    let mut from = 0;
    for m in marker.captures_iter(&all) {
        let whole = m.get(0).expect("match");
        let text = all[from..whole.start()].trim_end_matches('\n').to_string();
        out.push((text, m[1].parse().unwrap_or(-1)));
        from = whole.end();
    }
    if in_time { Ok(out) } else { Err(out) }
}

/// What changes from run to run, masked on both sides alike.
struct Masks(Vec<(Regex, &'static str)>);

impl Masks {
    fn new() -> Self {
        let re = |s: &str| Regex::new(s).expect("mask regex");
        Self(vec![
            (re(r"vid_[0-9A-Z]{19}"), "vid_[VIDEO]"),
            (re(r"dyn_[0-9A-Z]{19}"), "dyn_[DYN]"),
            (re(r"A0V[0-9A-Z]{16}"), "[AGENT]"),
            (
                re(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                "[UUID]",
            ),
            (re(r"cs_[0-9A-Za-z]{6,}"), "cs_[SESSION]"),
            (re(r"127\.0\.0\.1:[0-9]+"), "127.0.0.1:[PORT]"),
            (re(r"bh-[0-9a-f]{32}"), "[KEY]"),
            (
                re(
                    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})",
                ),
                "[TIME]",
            ),
            (re(r"[0-9]{8}_[0-9]{6}_[0-9a-f]{6}_"), "[UPLOAD]_"),
            (re(r"Sandbox Agent [0-9A-Z]{4}"), "Sandbox Agent [NAME]"),
            (re(r"sandbox-voice-[0-9a-z]+"), "sandbox-voice-[VOICE]"),
            (re(r"whsec_[0-9A-Za-z]+"), "whsec_[SECRET]"),
        ])
    }

    fn apply(&self, text: &str) -> String {
        let mut text = text.to_string();
        for (re, fixed) in &self.0 {
            text = re.replace_all(&text, *fixed).into_owned();
        }
        text
    }
}

/// Runs a page's examples; a description of each that differs.
fn check_page(name: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join(name)).expect("read page");
    let examples = examples(&page);
    if examples.is_empty() {
        return Vec::new();
    }
    let world = World::new();
    let commands: Vec<&str> = examples.iter().map(|e| e.command.as_str()).collect();
    let results = match run_session(&world, &commands, &[]) {
        Ok(r) => r,
        Err(partial) => {
            let stuck = examples
                .get(partial.len())
                .map_or("?", |e| e.command.as_str());
            return vec![format!("{name}: `{stuck}` did not finish within 120 s")];
        }
    };
    if results.len() != examples.len() {
        return vec![format!("{name}: the session ended early")];
    }
    let masks = Masks::new();
    let mut failures = Vec::new();
    for (i, (example, (actual, code))) in examples.iter().zip(&results).enumerate() {
        let expected = example.expected.join("\n");
        let where_ = format!("{name}:{} `{}`", example.line, example.command);
        let shows_code = examples
            .get(i + 1)
            .is_some_and(|next| next.command.trim() == "echo $?");
        let fails = example
            .expected
            .iter()
            .any(|l| l.starts_with("error:") || l.starts_with("{\"error\""));
        if !shows_code && fails != (*code != 0) {
            failures.push(format!("{where_}: exit {code}\n{actual}"));
            continue;
        }
        let actual = masks.apply(actual);
        let expected = masks.apply(&expected);
        let assert = Assert::new();
        if let Err(e) = assert.try_eq(None, actual.into_data(), expected.into_data()) {
            failures.push(format!("{where_}:\n{e}"));
        }
    }
    failures
}

#[test]
fn every_console_example_in_the_docs_runs_as_shown() {
    // Each page has its own world, so they run side by side.
    let failures: Vec<String> = std::thread::scope(|s| {
        let runs: Vec<_> = PAGES.iter().map(|p| s.spawn(|| check_page(p))).collect();
        runs.into_iter()
            .flat_map(|r| r.join().expect("page thread"))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} example(s) differ from the program:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_pages_hold_the_examples_the_test_runs() {
    // A parser that found nothing would pass every page: count them.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let count = |p: &str| examples(&std::fs::read_to_string(root.join(p)).expect("page")).len();
    assert!(count("README.md") >= 1);
    assert!(count("docs/agents.md") >= 10);
    let total: usize = PAGES.iter().map(|p| count(p)).sum();
    assert!(total >= 30, "only {total} examples found");
}

#[test]
fn the_pages_listed_are_every_page_but_the_excluded_ones() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut on_disk: Vec<String> = std::fs::read_dir(root.join("docs"))
        .expect("docs folder")
        .filter_map(|e| e.ok())
        .map(|e| format!("docs/{}", e.file_name().to_string_lossy()))
        .filter(|p| p.ends_with(".md"))
        .filter(|p| p != "docs/library.md")
        .collect();
    on_disk.push("README.md".into());
    on_disk.sort();
    let mut listed: Vec<String> = PAGES.iter().map(|p| p.to_string()).collect();
    listed.sort();
    assert_eq!(listed, on_disk, "a new page must be added to PAGES");
}

#[test]
fn masks_hide_what_changes_between_runs_and_nothing_else() {
    let masks = Masks::new();
    let text = "vid_0E4BWU2YR8V0LBXM3AU_A0VRQSVNILGZ8JQ5K9M at http://127.0.0.1:40935 costs 250";
    assert_eq!(
        masks.apply(text),
        "vid_[VIDEO]_[AGENT] at http://127.0.0.1:[PORT] costs 250"
    );
}

/// Every command path (`["agent", "list"]`, …) and its `--help` text.
fn every_help() -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let mut todo: Vec<Vec<String>> = vec![Vec::new()];
    while let Some(path) = todo.pop() {
        let help = Command::new(env!("CARGO_BIN_EXE_bithuman"))
            .args(&path)
            .arg("--help")
            .env("NO_COLOR", "1")
            .env("COLUMNS", "200")
            .output()
            .expect("run --help");
        let text = String::from_utf8_lossy(&help.stdout).into_owned();
        let mut in_commands = false;
        for line in text.lines() {
            if line == "Commands:" {
                in_commands = true;
            } else if in_commands && !line.starts_with("  ") {
                in_commands = false;
            } else if in_commands
                && let Some(name) = line.split_whitespace().next()
                && name != "help"
            {
                let mut sub = path.clone();
                sub.push(name.to_string());
                todo.push(sub);
            }
        }
        out.push((path, text));
    }
    out
}

/// The example commands of a `--help` text: the lines after `Examples:`
/// that run `bithuman` (a line ending in `\` goes on).
fn help_examples(help: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_examples = false;
    let mut continued = false;
    for line in help.lines() {
        if line.trim_end().ends_with("Examples:") {
            in_examples = true;
            continue;
        }
        if continued && let Some(last) = out.last_mut() {
            last.push('\n');
            last.push_str(line.trim());
            continued = line.ends_with('\\');
        } else if in_examples && line.starts_with("  ") && line.contains("bithuman ") {
            out.push(line.trim().to_string());
            continued = line.ends_with('\\');
        } else if !line.starts_with("  ") {
            in_examples = false;
        }
    }
    out
}

/// Examples in `--help` that cannot run on the sandbox here, and why.
const HELP_OFFLINE: &[(&str, &str)] = &[
    (
        "bithuman auth login",
        "the sandbox accepts any secret, so `auth login` is refused there",
    ),
    (
        "echo \"$BITHUMAN_API_SECRET\" | bithuman auth login",
        "as above",
    ),
    (
        "bithuman mcp",
        "a server on stdin/stdout, for an MCP client",
    ),
    ("bithuman --sandbox mcp", "as above"),
    ("npx ", "needs Node.js and the network"),
    ("bithuman sandbox serve", "a server that runs until stopped"),
    (
        "bithuman webhook listen",
        "a receiver that runs until stopped",
    ),
    ("bithuman --sandbox webhook listen", "as above"),
    (
        "bithuman session watch --max-minutes 30",
        "a guard that runs until stopped",
    ),
    (
        "bithuman session watch --max-credits 200 --total --interval 1m",
        "as above",
    ),
    ("*/5 * * * *", "a crontab line, not a command"),
    ("bithuman man > bithuman.1 && man", "needs man(1)"),
    (
        "bithuman webhook create --url https://example.com",
        "the sandbox delivers to loopback URLs only",
    ),
    (
        "{ read -r id; read -r secret; }",
        "bash process substitution, and a public URL",
    ),
    (
        "bithuman webhook verify --secret \"$WHSEC\" --timestamp 1780417371",
        "the signature is elided (`9f86…`)",
    ),
    (
        "bithuman webhook verify --request saved-request.http",
        "needs a request captured from a real delivery",
    ),
    ("bithuman completion zsh", "writes into zsh's $fpath"),
    (
        "bithuman completion powershell",
        "writes into PowerShell's $PROFILE",
    ),
    (
        "bithuman sandbox reset            # asks",
        "asks on a terminal; stdin here is not one",
    ),
    ("bithuman agent delete A91XMB7113\n", "as above"),
    (
        "bithuman webhook delete 3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60\n",
        "as above",
    ),
];

/// Creates what the examples' placeholder ids stand for and exports them.
const HELP_SETUP: &str = r#"A=$(bithuman generate --image face.jpg --wait --jq .agent_id) &&
bithuman agent add-model "$A" --model essence-2 --wait --quiet >/dev/null &&
B=$(bithuman generate --image face.jpg --wait --jq .agent_id) &&
V=$(bithuman video generate --agent "$A" --text Hi --wait --jq .job_id) &&
S=$(bithuman session start --agent "$A" --livekit-url wss://demo.livekit.cloud --livekit-token x --room lobby 2>/dev/null) &&
U=$(bithuman session list --live --json --jq 'select(.id) | .id' | head -1) &&
W=$(bithuman webhook create --url "$HOOK" 2>/dev/null | head -1) &&
printf 'agent,text\n%s,Hello there.\n' "$A" > videos.csv &&
cp agents.jsonl rows.jsonl && cp face.jpg face.png && cp voice.wav narration.wav &&
echo "Welcome to the museum." > script.txt &&
echo "The doors open at nine." > announcement.txt &&
echo "The premium plan includes breakfast." > facts.txt &&
echo "livekit-token" > token.txt &&
bithuman batch rows.jsonl --wait >/dev/null 2>&1 &&
bithuman batch rows.jsonl --state a.state.jsonl --wait >/dev/null 2>&1 &&
bithuman batch rows.jsonl --state b.state.jsonl --wait >/dev/null 2>&1 &&
mkdir -p ~/.local/share/bash-completion/completions ~/.config/fish/completions &&
BASE=$PWD"#;

/// A webhook receiver that answers every request 204, for `webhook test`;
/// its URL.
fn receiver() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind receiver");
    let url = format!("http://{}/hook", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut buf = [0u8; 65536];
            let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
            let _ = std::io::Read::read(&mut stream, &mut buf);
            let _ = std::io::Write::write_all(
                &mut stream,
                b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n",
            );
        }
    });
    url
}

/// Runs each group of command lines on the sandbox, chosen by the
/// environment as a reader's commands would be on a real account (each
/// group in a fresh copy of the files, in order); the ones that do not exit
/// as expected: 0, or the code a trailing `# refused (NN)` comment names.
fn run_groups(mut groups: Vec<Vec<String>>) -> Vec<String> {
    // jq is the reader's, not ours: its examples run where it is installed.
    let has_jq = Command::new("jq").arg("--version").output().is_ok();
    for g in &mut groups {
        g.retain(|e| {
            !HELP_OFFLINE
                .iter()
                .any(|(p, _)| format!("{e}\n").starts_with(p))
                && (has_jq || !e.contains("| jq"))
        });
    }
    groups.retain(|g| !g.is_empty());
    // What destroys the world (deletes, ends, the reset) last.
    let last = |g: &Vec<String>| {
        ["reset", "session end", "delete"]
            .iter()
            .position(|w| g.iter().any(|e| e.contains(w)))
            .map_or(0, |p| 3 - p)
    };
    groups.sort_by_key(last);
    let placeholders = [
        ("A91XMB7113", "$A"),
        ("A12BCD3456", "$B"),
        ("vid_3f9a2c1b", "$V"),
        ("cs_4f1c9a", "$S"),
        ("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "$U"),
        ("3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60", "$W"),
    ];
    let fresh = "cd \"$(mktemp -d)\" && cp -R \"$BASE\"/. .".to_string();
    let mut examples: Vec<String> = Vec::new();
    let mut commands: Vec<String> = Vec::new();
    for group in &groups {
        examples.push(format!("(a fresh folder for `{}`)", group[0]));
        // `open FILE` opens a file a download saved.
        if group.iter().any(|e| e.starts_with("bithuman open models/")) {
            commands.push(format!("{fresh} && bithuman download \"$A\" -o models/"));
        } else {
            commands.push(fresh.clone());
        }
        for e in group {
            examples.push(e.clone());
            commands.push(
                placeholders
                    .iter()
                    .fold(e.clone(), |e, (from, to)| e.replace(from, to)),
            );
        }
    }
    let world = World::new();
    let setup = format!("HOOK={}\n{HELP_SETUP}", receiver());
    let mut script = vec![setup.as_str()];
    script.extend(commands.iter().map(String::as_str));
    // An opener that does nothing; a LiveKit token.
    let env = [
        ("BITHUMAN_SANDBOX", "1"),
        ("BITHUMAN_OPENER", "true"),
        ("LIVEKIT_TOKEN", "livekit-token"),
    ];
    let results = run_session(&world, &script, &env).unwrap_or_else(|partial| {
        let stuck = script.get(partial.len()).copied().unwrap_or("?");
        panic!("`{stuck}` did not finish within 120 s")
    });
    let (setup, runs) = results.split_first().expect("the setup ran");
    assert_eq!(setup.1, 0, "setup failed:\n{}", setup.0);
    assert_eq!(runs.len(), examples.len(), "the session ended early");
    let refused = Regex::new(r"# refused \(([0-9]+)\)").expect("regex");
    examples
        .iter()
        .zip(runs)
        .filter(|(e, (_, code))| {
            let expected = refused
                .captures(e)
                .and_then(|c| c[1].parse().ok())
                .unwrap_or(0);
            *code != expected
        })
        .map(|(e, (out, code))| format!("`{e}`: exit {code}\n{out}"))
        .collect()
}

#[test]
fn every_help_example_runs() {
    let groups: Vec<Vec<String>> = every_help()
        .iter()
        .map(|(_, help)| help_examples(help))
        .collect();
    let count: usize = groups.iter().map(Vec::len).sum();
    assert!(count >= 60, "only {count} examples found");
    let failed = run_groups(groups);
    assert!(
        failed.is_empty(),
        "{} --help example(s) do not run as shown:\n\n{}",
        failed.len(),
        failed.join("\n\n")
    );
}

/// The command lines of a page's ```sh blocks, one group per block: the
/// lines that run `bithuman` (or set a variable from it). Synopsis lines
/// (`ID...`, `[--all]`, `JOB`) are not commands.
fn sh_commands(page: &str) -> Vec<Vec<String>> {
    let mut groups = Vec::new();
    let mut current: Option<Vec<String>> = None;
    let synopsis = Regex::new(r"\[--|\bID\b|\.\.\.|\bJOB\b|…").expect("regex");
    for line in page.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            match current.take() {
                Some(g) => groups.push(g),
                None if trimmed == "```sh" => current = Some(Vec::new()),
                None => {}
            }
            continue;
        }
        if let Some(g) = current.as_mut()
            && (trimmed.starts_with("bithuman ") || trimmed.starts_with("id=$(bithuman "))
            && !synopsis.is_match(trimmed)
        {
            g.push(trimmed.to_string());
        }
    }
    groups
}

#[test]
fn every_command_line_in_the_docs_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let groups: Vec<Vec<String>> = PAGES
        .iter()
        .flat_map(|p| sh_commands(&std::fs::read_to_string(root.join(p)).expect("page")))
        .collect();
    let count: usize = groups.iter().map(Vec::len).sum();
    assert!(count >= 30, "only {count} command lines found");
    let failed = run_groups(groups);
    assert!(
        failed.is_empty(),
        "{} command line(s) in the docs do not run as shown:\n\n{}",
        failed.len(),
        failed.join("\n\n")
    );
}
