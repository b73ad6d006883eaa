//! Black-box tests of `bithuman download`, `generate --wait --download` and
//! `bithuman auth login|status|logout`, against the project's fake API.

use crate::common;

use bithuman::sandbox::{FaultAction, SandboxConfig};
use common::*;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::{Duration, Instant};

// ---------------------------------------------------------------- helpers

/// Creates an agent (essence-1) and polls until it is `ready`.
fn ready_agent(world: &World) -> String {
    let id = world.create();
    let start = Instant::now();
    loop {
        let r = world.run(&["status", &id, "--json"]);
        r.code(0);
        if r.json()["status"] == "ready" {
            return id;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "agent {id} never became ready: {}",
            r.stdout
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// What the fake's file host serves for `id` (fetched directly, no secret).
fn served_bytes(world: &World, id: &str) -> Vec<u8> {
    let url = file_url(world, id);
    let _ = rustls::crypto::ring::default_provider().install_default();
    let response = reqwest::blocking::Client::builder()
        .no_proxy()
        .build()
        .expect("client")
        .get(&url)
        .send()
        .expect("GET file");
    assert_eq!(response.status().as_u16(), 200, "{url}");
    response.bytes().expect("body").to_vec()
}

fn file_url(world: &World, id: &str) -> String {
    format!("{}/files/models/{id}/{id}.imx", world.base())
}

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Names of leftover temporary download files under `dir` (recursively).
fn temp_files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(".bithuman-download-") {
            found.push(path.display().to_string());
        } else if path.is_dir() && !entry.file_type().is_ok_and(|t| t.is_symlink()) {
            found.extend(temp_files(&path));
        }
    }
    found
}

fn no_secret_sent_to_file_host(world: &World) {
    let files = world.requests("/files/");
    assert!(!files.is_empty(), "the file host was never asked");
    for r in files {
        assert!(
            r.header("api-secret").is_none(),
            "api-secret sent to the file host: {} {}",
            r.method,
            r.path
        );
    }
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

fn masked(secret: &str) -> String {
    format!("sk_…{}", &secret[secret.len() - 4..])
}

// ---------------------------------------------------------------- download

#[test]
fn download_saves_the_served_file_atomically_without_the_secret() {
    let world = World::new();
    let id = ready_agent(&world);
    let r = world.run(&["download", &id]);
    r.code(0);
    let saved = world.home().join(format!("{id}.imx"));
    assert_eq!(
        r.stdout.trim(),
        format!("{id}.imx"),
        "stdout is the saved path"
    );
    assert!(saved.is_file());

    // The API call carried the secret and asked for JSON; the file host got none.
    let api = world.requests(&format!("/v1/agent/{id}/model/download"));
    assert!(!api.is_empty());
    for req in &api {
        assert_eq!(req.header("api-secret"), Some(SECRET));
        assert!(
            req.query
                .as_deref()
                .unwrap_or("")
                .contains("redirect=false"),
            "{:?}",
            req.query
        );
    }
    no_secret_sent_to_file_host(&world);

    let got = std::fs::read(&saved).expect("read saved");
    let want = served_bytes(&world, &id);
    assert!(got.starts_with(b"BITHUMAN SANDBOX PLACEHOLDER"));
    assert_eq!(got.len(), want.len());
    assert_eq!(sha256(&got), sha256(&want));
    assert!(
        temp_files(world.home()).is_empty(),
        "temp files left: {:?}",
        temp_files(world.home())
    );
}

#[test]
fn download_json_prints_model_path() {
    let world = World::new();
    let id = ready_agent(&world);
    let r = world.run(&["download", &id, "--json"]);
    r.code(0);
    let v = r.json();
    assert_eq!(v["agent_id"], id.as_str());
    assert_eq!(v["model_path"], format!("{id}.imx"));
    assert!(r.stderr.is_empty(), "stderr in --json mode: {}", r.stderr);
}

#[test]
fn download_retries_while_the_artifact_is_not_ready() {
    let world = World::new();
    let id = ready_agent(&world);
    let before = world
        .requests(&format!("/v1/agent/{id}/model/download"))
        .len();
    let path = format!("/v1/agent/{id}/model/download");
    let body = envelope(
        404,
        "MODEL_ARTIFACT_NOT_READY",
        "artifact isn't available for download yet: retry in a few seconds",
    );
    world.respond(Some("GET"), &path, 2, 404, &body);
    let started = Instant::now();
    let r = world.run(&["download", &id]);
    r.code(0);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(
        world.requests(&path).len() - before,
        3,
        "two not-ready answers, then the URL"
    );
    assert!(r.stderr.contains("not published yet"), "{}", r.stderr);
    assert!(world.home().join(format!("{id}.imx")).is_file());
}

#[test]
fn download_gives_up_on_an_unpublished_artifact_at_the_deadline() {
    let world = World::new();
    let id = ready_agent(&world);
    let path = format!("/v1/agent/{id}/model/download");
    world.respond(
        Some("GET"),
        &path,
        100,
        404,
        &envelope(404, "MODEL_ARTIFACT_NOT_READY", "not yet"),
    );
    let r = world.run(&["download", &id, "--timeout", "1s"]);
    r.code(75);
    assert!(r.stderr.contains("not published"), "{}", r.stderr);
    assert!(world.requests("/files/").is_empty());
}

#[test]
fn download_refuses_an_existing_file_without_force() {
    let world = World::new();
    let id = ready_agent(&world);
    let before = world.requests("/v1/").len();

    // Explicit path: refused before any request.
    let target = world.file("keep.imx", b"keep me");
    let r = world.run(&["download", &id, "-o", target.to_str().expect("utf-8")]);
    r.code(1);
    assert!(
        r.stderr.contains("already exists") && r.stderr.contains("--force"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(&target).expect("read"), b"keep me");
    assert_eq!(
        world.requests("/v1/").len(),
        before,
        "no request for an explicit existing target"
    );

    // Default name (from the server): refused before the file is fetched.
    let default = world.file(&format!("{id}.imx"), b"mine");
    let r = world.run(&["download", &id]);
    r.code(1);
    assert_eq!(std::fs::read(&default).expect("read"), b"mine");
    assert!(world.requests("/files/").is_empty(), "nothing downloaded");
    assert!(temp_files(world.home()).is_empty());
}

#[test]
fn download_force_overwrites() {
    let world = World::new();
    let id = ready_agent(&world);
    let target = world.file("model.imx", b"old");
    let r = world.run(&["download", &id, "-o", "model.imx", "--force"]);
    r.code(0);
    assert_eq!(r.stdout.trim(), "model.imx");
    assert_eq!(
        std::fs::read(&target).expect("read"),
        served_bytes(&world, &id)
    );
    assert!(temp_files(world.home()).is_empty());
}

#[test]
fn download_to_stdout() {
    let world = World::new();
    let id = ready_agent(&world);
    let out = world
        .cmd()
        .args(["download", &id, "-o", "-"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, served_bytes(&world, &id));
    assert!(
        !world.home().join(format!("{id}.imx")).exists(),
        "no file written"
    );
    assert!(temp_files(world.home()).is_empty());
}

#[test]
fn download_into_a_new_directory() {
    let world = World::new();
    let id = ready_agent(&world);
    let r = world.run(&["download", &id, "-o", "models/"]);
    r.code(0);
    let saved = world.home().join("models").join(format!("{id}.imx"));
    assert!(saved.is_file(), "{}", r.stderr);
    assert_eq!(
        Path::new(r.stdout.trim()),
        Path::new("models").join(format!("{id}.imx"))
    );
    assert_eq!(
        std::fs::read(&saved).expect("read"),
        served_bytes(&world, &id)
    );
}

#[test]
fn download_into_an_existing_directory_without_slash() {
    let world = World::new();
    let id = ready_agent(&world);
    std::fs::create_dir(world.home().join("out")).expect("mkdir");
    world.run(&["download", &id, "-o", "out"]).code(0);
    assert!(world.home().join("out").join(format!("{id}.imx")).is_file());
}

#[test]
fn interrupted_download_leaves_nothing_and_prints_the_url() {
    let world = World::new();
    let id = ready_agent(&world);
    // More drops than the CLI's tries: every try is cut mid-body.
    world.fault(Some("GET"), "/files/", 20, FaultAction::Drop);
    let r = world.run(&["download", &id, "-o", "models/"]);
    assert_ne!(r.code, 0, "{r:?}");
    r.code(69);
    assert!(
        !world
            .home()
            .join("models")
            .join(format!("{id}.imx"))
            .exists(),
        "no final file"
    );
    assert!(
        temp_files(world.home()).is_empty(),
        "temp files left: {:?}",
        temp_files(world.home())
    );
    assert!(
        r.stderr.contains(&file_url(&world, &id)),
        "stderr names the URL: {}",
        r.stderr
    );
    assert!(
        world.requests("/files/").len() > 1,
        "the transfer was retried"
    );
    no_secret_sent_to_file_host(&world);
}

#[test]
fn a_dropped_transfer_is_retried_once_and_then_succeeds() {
    let world = World::new();
    let id = ready_agent(&world);
    world.fault(Some("GET"), "/files/", 1, FaultAction::Drop);
    let r = world.run(&["download", &id]);
    r.code(0);
    let saved = world.home().join(format!("{id}.imx"));
    assert_eq!(
        std::fs::read(&saved).expect("read"),
        served_bytes(&world, &id)
    );
    assert!(temp_files(world.home()).is_empty());
}

#[test]
fn expression_1_agents_are_not_downloadable() {
    let world = World::new();
    let r = world.run(&[
        "generate",
        "--prompt",
        "You are a test.",
        "--model",
        "expression-1",
    ]);
    r.code(0);
    let id = r.stdout.trim().to_string();
    let r = world.run(&["download", &id]);
    r.code(1);
    assert!(r.stderr.contains("MODEL_NOT_DOWNLOADABLE"), "{}", r.stderr);
    assert!(
        r.stderr.contains("expression-1") && r.stderr.contains("essence-1"),
        "{}",
        r.stderr
    );
    assert!(world.requests("/files/").is_empty());

    let r = world.run(&["download", &id, "--json"]);
    r.code(1);
    assert_eq!(r.json_error()["code"], "MODEL_NOT_DOWNLOADABLE");
    assert_eq!(r.json_error()["http_status"], 400);
}

#[test]
fn model_not_generated_is_explained() {
    let world = World::new();
    let id = ready_agent(&world);
    let path = format!("/v1/agent/{id}/model/download");
    world.respond(
        Some("GET"),
        &path,
        1,
        409,
        &envelope(
            409,
            "MODEL_NOT_GENERATED",
            "agent's essence-2 model hasn't been generated",
        ),
    );
    let r = world.run(&["download", &id, "--model", "essence-2"]);
    // The same class of refusal is 65 on every command (SPEC §18), with the fix.
    r.code(65);
    assert!(
        r.stderr.contains("MODEL_NOT_GENERATED") && r.stderr.contains("essence-2"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains(&format!("bithuman agent add-model {id} --model essence-2")),
        "{}",
        r.stderr
    );
    let q = world
        .requests(&path)
        .last()
        .and_then(|r| r.query.clone())
        .unwrap_or_default();
    assert!(q.contains("model=essence-2"), "{q}");
}

#[test]
fn download_of_an_unknown_agent_is_not_found() {
    let world = World::new();
    let r = world.run(&["download", "A00NOPE0000"]);
    r.code(66);
    assert!(r.stderr.contains("A00NOPE0000"), "{}", r.stderr);
}

// ------------------------------------------------- generate --wait --download

#[test]
fn generate_wait_download_prints_record_then_path() {
    let world = World::new();
    let r = world.run(&[
        "generate",
        "--prompt",
        "You are a test.",
        "--wait",
        "--interval",
        "1s",
        "--download",
        "models/",
    ]);
    r.code(0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        r.stdout.contains("status") && r.stdout.contains("ready"),
        "record block: {}",
        r.stdout
    );
    let last = lines.last().expect("a line");
    let saved = world.home().join(last);
    assert!(
        last.starts_with("models/") && last.ends_with(".imx"),
        "{last}"
    );
    assert!(saved.is_file());
    let id = saved
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    assert_eq!(
        std::fs::read(&saved).expect("read"),
        served_bytes(&world, &id)
    );
    no_secret_sent_to_file_host(&world);
}

#[test]
fn generate_wait_download_json_has_model_path() {
    let world = World::new();
    let r = world.run(&[
        "generate",
        "--prompt",
        "You are a test.",
        "--wait",
        "--interval",
        "1s",
        "--download",
        "--json",
    ]);
    r.code(0);
    let v = r.json();
    assert_eq!(v["status"], "ready");
    assert_eq!(v["schema_version"], 1);
    let path = v["model_path"].as_str().expect("model_path");
    assert!(world.home().join(path).is_file(), "{path}");
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn generate_wait_download_failure_still_prints_the_record() {
    let world = World::new();
    world.fault(Some("GET"), "/files/", 20, FaultAction::Drop);
    let r = world.run(&[
        "generate",
        "--prompt",
        "You are a test.",
        "--wait",
        "--interval",
        "1s",
        "--download",
        "models/",
    ]);
    r.code(69);
    assert!(r.stdout.contains("ready"), "record printed: {}", r.stdout);
    assert!(
        r.stderr
            .contains("is ready, but downloading its model failed"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("/files/models/"),
        "URL shown: {}",
        r.stderr
    );
    assert!(temp_files(world.home()).is_empty());
}

// ---------------------------------------------------------------- auth

fn strict_world() -> World {
    World::with(SandboxConfig {
        speed: 20.0,
        secret: Some(SECRET.to_string()),
        ..SandboxConfig::default()
    })
}

#[test]
fn login_stores_a_valid_secret_privately() {
    let world = strict_world();
    let r = world.run_stdin(&["auth", "login", "--with-token"], format!("{SECRET}\n"));
    r.code(0);
    assert!(r.stderr.contains(&masked(SECRET)), "{}", r.stderr);
    let config = world.config_path();
    let table: toml::Table = std::fs::read_to_string(&config)
        .expect("config written")
        .parse()
        .expect("toml");
    assert_eq!(table["api_secret"].as_str(), Some(SECRET));
    #[cfg(unix)]
    {
        assert_eq!(mode(&config), 0o600);
        assert_eq!(mode(config.parent().expect("dir")), 0o700);
    }
    let validate = world.requests("/v1/validate");
    assert_eq!(validate.len(), 1);
    assert_eq!(validate[0].header("api-secret"), Some(SECRET));
    assert!(validate[0].body.is_empty(), "no request body");
    // No stray temp files next to the config: only it and its (empty) lock file.
    let mut names: Vec<_> = std::fs::read_dir(config.parent().expect("dir"))
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["config.toml", "config.toml.lock"], "{names:?}");

    // The stored secret is then used, with env unset.
    let mut cmd = world.cmd();
    cmd.env_remove("BITHUMAN_API_SECRET")
        .args(["auth", "status"]);
    let r = world.run_cmd(&mut cmd);
    r.code(0);
    assert!(
        r.stdout.contains(&config.display().to_string()),
        "{}",
        r.stdout
    );
}

#[test]
fn login_preserves_other_keys() {
    let world = strict_world();
    let config = world.config_path();
    std::fs::create_dir_all(config.parent().expect("dir")).expect("mkdir");
    std::fs::write(&config, "model = \"essence-2\"\napi_secret = \"sk_old_value_123456789\"\n\n[profiles.work]\nbase_url = \"https://example.com\"\n").expect("write");
    let r = world.run_stdin(&["auth", "login", "--with-token"], SECRET);
    r.code(0);
    let table: toml::Table = std::fs::read_to_string(&config)
        .expect("read")
        .parse()
        .expect("toml");
    assert_eq!(table["api_secret"].as_str(), Some(SECRET));
    assert_eq!(table["model"].as_str(), Some("essence-2"));
    assert_eq!(
        table["profiles"]["work"]["base_url"].as_str(),
        Some("https://example.com")
    );
    #[cfg(unix)]
    assert_eq!(mode(&config), 0o600);
}

fn assert_nothing_stored(world: &World) {
    assert!(
        !world.config_path().exists(),
        "config written: {:?}",
        std::fs::read_to_string(world.config_path())
    );
}

#[test]
fn login_refuses_a_secret_the_api_calls_invalid() {
    let world = strict_world();
    let r = world.run_stdin(
        &["auth", "login", "--with-token"],
        "sk_wrong_0000000000000000\n",
    );
    r.code(77);
    assert!(r.stderr.contains("nothing was stored"), "{}", r.stderr);
    assert!(!r.stderr.contains("sk_wrong_0000000000000000"));
    assert_nothing_stored(&world);
}

#[test]
fn login_treats_401_as_invalid() {
    let world = World::new();
    world.respond(
        Some("POST"),
        "/v1/validate",
        1,
        401,
        &envelope(401, "UNAUTHORIZED", "Invalid API secret"),
    );
    let r = world.run_stdin(&["auth", "login", "--with-token"], SECRET);
    r.code(77);
    assert_nothing_stored(&world);
}

#[test]
fn login_with_empty_stdin_stores_nothing() {
    let world = World::new();
    let r = world.run_stdin(&["auth", "login", "--with-token"], "  \n");
    r.code(2);
    assert!(r.stderr.contains("no secret"), "{}", r.stderr);
    assert_nothing_stored(&world);
    assert!(world.requests("/v1/validate").is_empty());
}

#[test]
fn login_keeps_the_old_config_when_the_new_secret_is_invalid() {
    let world = strict_world();
    let config = world.config_path();
    std::fs::create_dir_all(config.parent().expect("dir")).expect("mkdir");
    let before = "api_secret = \"sk_old_value_123456789\"\nmodel = \"essence-1\"\n";
    std::fs::write(&config, before).expect("write");
    world
        .run_stdin(&["auth", "login", "--with-token"], "sk_bad_0000000000000")
        .code(77);
    assert_eq!(std::fs::read_to_string(&config).expect("read"), before);
}

#[test]
fn status_reports_the_env_secret_masked() {
    let world = World::new();
    let r = world.run(&["auth", "status"]);
    r.code(0);
    assert!(r.stdout.contains("env BITHUMAN_API_SECRET"), "{}", r.stdout);
    assert!(r.stdout.contains(&masked(SECRET)), "{}", r.stdout);
    assert!(r.stdout.contains("valid"));

    let r = world.run(&["auth", "status", "--json"]);
    r.code(0);
    let v = r.json();
    assert_eq!(v["valid"], true);
    assert_eq!(v["source"], "env BITHUMAN_API_SECRET");
    assert_eq!(v["secret"], masked(SECRET));
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn status_reports_the_config_file() {
    let world = World::new();
    let config = world.config_path();
    std::fs::create_dir_all(config.parent().expect("dir")).expect("mkdir");
    std::fs::write(&config, format!("api_secret = \"{SECRET}\"\n")).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    let mut cmd = world.cmd();
    cmd.env_remove("BITHUMAN_API_SECRET")
        .args(["auth", "status", "--json"]);
    let r = world.run_cmd(&mut cmd);
    r.code(0);
    let v = r.json();
    let source = v["source"].as_str().expect("source");
    assert!(source.contains(&config.display().to_string()), "{source}");
    assert_eq!(v["secret"], masked(SECRET));
    assert_eq!(
        world.requests("/v1/validate")[0].header("api-secret"),
        Some(SECRET)
    );
}

#[test]
fn status_falls_back_to_the_official_config() {
    let world = World::new();
    let dir = world.home().join(".bithuman");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("config"),
        format!("# official tools\nBITHUMAN_API_SECRET=\"{SECRET}\"\n"),
    )
    .expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.join("config"), std::fs::Permissions::from_mode(0o600))
            .expect("chmod");
    }
    let mut cmd = world.cmd();
    cmd.env_remove("BITHUMAN_API_SECRET")
        .args(["auth", "status"]);
    let r = world.run_cmd(&mut cmd);
    r.code(0);
    assert!(r.stdout.contains(".bithuman/config"), "{}", r.stdout);
    assert!(r.stdout.contains(&masked(SECRET)), "{}", r.stdout);
}

#[test]
fn status_without_a_secret_exits_77() {
    let world = World::new();
    let mut cmd = world.cmd();
    cmd.env_remove("BITHUMAN_API_SECRET")
        .args(["auth", "status"]);
    let r = world.run_cmd(&mut cmd);
    r.code(77);
    assert!(
        r.stderr.contains("BITHUMAN_API_SECRET") && r.stderr.contains("auth login --with-token"),
        "{}",
        r.stderr
    );
    assert!(
        world.requests("/v1/").is_empty(),
        "no request without a secret"
    );
}

#[test]
fn status_with_a_rejected_secret_exits_77() {
    let world = World::with(SandboxConfig {
        speed: 20.0,
        secret: Some("sk_other_secret_0000000".into()),
        ..SandboxConfig::default()
    });
    let r = world.run(&["auth", "status"]);
    r.code(77);
    assert!(r.stdout.contains("REJECTED"), "{}", r.stdout);
    assert!(r.stderr.contains("auth login"), "{}", r.stderr);
}

#[test]
fn logout_removes_only_the_secret() {
    let world = World::new();
    let config = world.config_path();
    std::fs::create_dir_all(config.parent().expect("dir")).expect("mkdir");
    std::fs::write(
        &config,
        "api_secret = \"sk_old_value_123456789\"\nmodel = \"essence-2\"\n",
    )
    .expect("write");
    let r = world.run(&["auth", "logout"]);
    r.code(0);
    assert!(r.stderr.contains("Removed"), "{}", r.stderr);
    // The env secret remains in effect: say so.
    assert!(r.stderr.contains("BITHUMAN_API_SECRET"), "{}", r.stderr);
    let table: toml::Table = std::fs::read_to_string(&config)
        .expect("read")
        .parse()
        .expect("toml");
    assert!(table.get("api_secret").is_none());
    assert_eq!(table["model"].as_str(), Some("essence-2"));
    #[cfg(unix)]
    assert_eq!(mode(&config), 0o600);

    // Again: nothing to remove, still success, file unchanged.
    let r = world.run(&["auth", "logout"]);
    r.code(0);
    assert!(r.stderr.contains("No secret stored"), "{}", r.stderr);
}

#[test]
fn logout_without_a_config_file_creates_none() {
    let world = World::new();
    world.run(&["auth", "logout"]).code(0);
    assert!(!world.config_path().exists());
}

#[test]
fn download_flag_is_a_folder_unless_it_ends_with_the_extension() {
    let world = World::new();
    // No trailing slash and no such folder: a folder all the same (SPEC §18).
    let r = world.run(&[
        "generate",
        "--prompt",
        "p",
        "--wait",
        "--download",
        "mymodels",
        "--json",
    ]);
    r.code(0);
    let id = r.json()["agent_id"].as_str().expect("id").to_string();
    let saved = world.home().join("mymodels").join(format!("{id}.imx"));
    assert!(
        saved.is_file(),
        "saved at {}: {}",
        saved.display(),
        r.stdout
    );
    // With the extension it is the file itself.
    let r = world.run(&[
        "generate",
        "--prompt",
        "p",
        "--wait",
        "--download",
        "one.imx",
    ]);
    r.code(0);
    assert!(world.home().join("one.imx").is_file());
}

#[test]
fn login_off_a_terminal_without_with_token_says_how() {
    let world = strict_world();
    let r = world.run_stdin(&["auth", "login"], format!("{SECRET}\n"));
    r.code(2);
    assert!(r.stderr.contains("--with-token"), "{}", r.stderr);
    assert!(!world.config_path().exists(), "nothing stored");
    assert!(world.requests("/").is_empty(), "nothing sent");
}
