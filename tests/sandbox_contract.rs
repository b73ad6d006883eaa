//! Contract tests of the sandbox emulator against the project's own
//! description of the API (`api/bithuman.openapi.json`, which the sandbox
//! serves at `GET /openapi.json`) and the live API's documented behaviour.
//!
//! Every answer the `get`/`post` helpers receive from an operation in the
//! document must have a status that operation documents. The document types
//! the optional fields the live API sends as `null` as nullable, so the
//! schemas are used as written.

use crate::openapi;

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use base64::Engine;
use bithuman::sandbox::{Fault, FaultAction, Sandbox, SandboxConfig, StateLocation};
use reqwest::blocking::{Client, Response};
use serde_json::{Value, json};

const SECRET: &str = "sk_test_sandbox";

fn schema(path: &str, method: &str, status: &str) -> jsonschema::Validator {
    openapi::response_schema(openapi::ours(), path, method, status)
}

fn assert_valid(validator: &jsonschema::Validator, body: &Value, what: &str) {
    let errors = openapi::violations(validator, body);
    assert!(
        errors.is_empty(),
        "{what} does not match our document: {errors:?}\n{body:#}"
    );
}

fn start(config: SandboxConfig) -> Sandbox {
    Sandbox::start(config).expect("start sandbox")
}

fn fast() -> SandboxConfig {
    SandboxConfig {
        speed: 20.0,
        ..SandboxConfig::default()
    }
}

/// `config` in the world kept in `dir`, which other sandboxes can share.
fn in_world(dir: &tempfile::TempDir, config: SandboxConfig) -> SandboxConfig {
    SandboxConfig {
        state: StateLocation::Dir(dir.path().to_path_buf()),
        ..config
    }
}

fn world_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp state folder")
}

fn client() -> Client {
    static CLIENT: OnceLock<Client> = OnceLock::new();
    CLIENT
        .get_or_init(|| {
            // reqwest is built without a TLS provider (see Cargo.toml).
            let _ = rustls::crypto::ring::default_provider().install_default();
            Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(5))
                .build()
                .expect("client")
        })
        .clone()
}

fn error_schema() -> &'static jsonschema::Validator {
    static ERROR: OnceLock<jsonschema::Validator> = OnceLock::new();
    ERROR.get_or_init(|| openapi::validator(openapi::ours(), "/components/schemas/Error"))
}

/// Fails when `response` to `method path` comes from an operation in our
/// document that does not list its status.
fn documented(method: &str, path: &str, response: Response) -> Response {
    let doc = openapi::ours();
    let path = path.split('?').next().unwrap_or(path);
    if let Some(template) = openapi::template_for(doc, path)
        && let Some(operation) = doc["paths"][template].get(method)
    {
        let status = response.status().as_str().to_string();
        assert!(
            operation["responses"].get(&status).is_some(),
            "{method} {path} answered {status}, which our document does not list for {method} {template}"
        );
    }
    response
}

/// A GET whose status is not checked against the document (injected faults).
fn get_raw(sb: &Sandbox, path: &str) -> Response {
    client()
        .get(format!("{}{path}", sb.base_url()))
        .header("api-secret", SECRET)
        .send()
        .expect("GET")
}

fn get(sb: &Sandbox, path: &str) -> Response {
    documented("get", path, get_raw(sb, path))
}

fn post(sb: &Sandbox, path: &str, body: &Value) -> Response {
    let response = client()
        .post(format!("{}{path}", sb.base_url()))
        .header("api-secret", SECRET)
        .json(body)
        .send()
        .expect("POST");
    documented("post", path, response)
}

fn json_of(response: Response) -> (u16, Value) {
    let status = response.status().as_u16();
    (status, response.json().expect("JSON body"))
}

/// Asserts the live API's error envelope with `status` and `code`.
fn assert_error(response: Response, status: u16, code: &str) -> Value {
    let (got, body) = json_of(response);
    assert_eq!(got, status, "{body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert_eq!(body["error"]["httpStatus"], status);
    assert_eq!(body["status_code"], status);
    assert_eq!(body["status"], "error");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty())
    );
    assert_valid(error_schema(), &body, code);
    body
}

fn generate(sb: &Sandbox, body: &Value) -> String {
    let (status, reply) = json_of(post(sb, "/v1/agent/generate", body));
    assert_eq!(status, 200, "{reply}");
    reply["agent_id"].as_str().expect("agent_id").to_string()
}

fn wait_ready(sb: &Sandbox, id: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let (_, body) = json_of(get(sb, &format!("/v1/agent/status/{id}")));
        if body["data"]["status"] == "ready" || body["data"]["status"] == "failed" {
            return body["data"].clone();
        }
        assert!(Instant::now() < deadline, "agent never finished: {body}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn validate_answers_valid_flag_never_401() {
    let sb = start(SandboxConfig {
        secret: Some(SECRET.into()),
        ..fast()
    });
    let check = schema("/v1/validate", "post", "200");
    let url = format!("{}/v1/validate", sb.base_url());
    for (secret, valid) in [(Some(SECRET), true), (Some("wrong"), false), (None, false)] {
        let mut request = client().post(&url);
        if let Some(s) = secret {
            request = request.header("api-secret", s);
        }
        let (status, body) = json_of(request.send().unwrap());
        assert_eq!(status, 200);
        assert_eq!(body, json!({"valid": valid}));
        assert_valid(&check, &body, "validate");
    }
}

#[test]
fn status_machine_reaches_ready_with_downloadable_model() {
    // Speed 10: ready after 1 s, every row lasts at least 50 ms.
    let sb = start(SandboxConfig {
        speed: 10.0,
        ..SandboxConfig::default()
    });
    let started = schema("/v1/agent/generate", "post", "200");
    let check = schema("/v1/agent/status/{agent_id}", "get", "200");
    let (status, reply) = json_of(post(
        &sb,
        "/v1/agent/generate",
        &json!({"prompt": "hi", "model": "essence-1"}),
    ));
    assert_eq!(status, 200);
    assert_valid(&started, &reply, "generate");
    assert_eq!(reply["message"], "Agent generation started");
    assert_eq!(reply["status"], "processing");
    let id = reply["agent_id"].as_str().unwrap().to_string();
    assert!(
        id.starts_with('A')
            && id
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    );

    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(2);
    let ready = loop {
        let (code, body) = json_of(get(&sb, &format!("/v1/agent/status/{id}")));
        assert_eq!(code, 200);
        assert_valid(&check, &body, "status");
        let data = &body["data"];
        let s = data["status"].as_str().unwrap().to_string();
        if seen.last() != Some(&s) {
            seen.push(s.clone());
        }
        if s == "ready" {
            break data.clone();
        }
        if seen.len() == 1 {
            assert_error(
                get(&sb, &format!("/v1/agent/{id}/model/download")),
                404,
                "MODEL_ARTIFACT_NOT_READY",
            );
        }
        assert!(Instant::now() < deadline, "not ready in time; saw {seen:?}");
    };
    for expected in ["processing", "generating", "completed", "success", "ready"] {
        assert!(
            seen.iter().any(|s| s == expected),
            "never saw {expected}: {seen:?}"
        );
    }
    let ready_at = seen.iter().position(|s| s == "ready").unwrap();
    assert!(
        seen[..ready_at].iter().any(|s| s == "completed")
            && seen[..ready_at].iter().any(|s| s == "success")
    );
    assert_eq!(ready["progress"], 1.0);
    assert_eq!(ready["current_step"], "done");
    assert_eq!(ready["event_type"], "lip_created");
    assert_eq!(ready["agent_id"], id.as_str());
    assert_eq!(ready["error_message"], Value::Null);
    let model_url = ready["model_url"].as_str().unwrap().to_string();
    assert_eq!(
        model_url,
        format!("{}/files/models/{id}/{id}.imx", sb.base_url())
    );

    let agent = schema("/v1/agent/{agent_id}", "get", "200");
    let (code, body) = json_of(get(&sb, &format!("/v1/agent/{id}")));
    assert_eq!(code, 200);
    assert_valid(&agent, &body, "get agent");

    // The model file is fetched without api-secret.
    let file = client().get(&model_url).send().unwrap();
    assert_eq!(file.status(), 200);
    assert_eq!(file.headers()["content-type"], "application/octet-stream");
    let text = file.text().unwrap();
    assert!(text.starts_with("BITHUMAN SANDBOX PLACEHOLDER\n"), "{text}");

    std::thread::sleep(Duration::from_millis(60)); // publish lag: 0.5 s / speed after ready
    let download = schema("/v1/agent/{agent_id}/model/download", "get", "200");
    let (code, body) = json_of(get(
        &sb,
        &format!("/v1/agent/{id}/model/download?redirect=false"),
    ));
    assert_eq!(code, 200, "{body}");
    assert_valid(&download, &body, "download");
    assert_eq!(body["data"]["url"], model_url.as_str());
    assert_eq!(body["data"]["filename"], format!("{id}.imx"));
    assert_eq!(body["data"]["model"], "essence-1");
    let redirect = get(&sb, &format!("/v1/agent/{id}/model/download"));
    assert_eq!(redirect.status(), 302);
    assert_eq!(redirect.headers()["location"], model_url.as_str());
    assert_error(
        get(&sb, &format!("/v1/agent/{id}/model/download?model=bogus")),
        400,
        "VALIDATION_ERROR",
    );
    assert_error(
        get(
            &sb,
            &format!("/v1/agent/{id}/model/download?model=expression-1"),
        ),
        400,
        "MODEL_NOT_DOWNLOADABLE",
    );
}

#[test]
fn default_model_is_expression_1_without_model_url() {
    let sb = start(SandboxConfig {
        speed: 50.0,
        ..SandboxConfig::default()
    });
    let id = generate(&sb, &json!({"prompt": "no model"}));
    let data = wait_ready(&sb, &id);
    assert_eq!(data["model"], "expression-1");
    assert_eq!(data["model_url"], Value::Null);
    assert_error(
        get(&sb, &format!("/v1/agent/{id}/model/download")),
        400,
        "MODEL_NOT_DOWNLOADABLE",
    );
}

#[test]
fn failed_agents_name_the_step_and_the_sandbox() {
    let sb = start(SandboxConfig {
        speed: 50.0,
        fail_rate: 1.0,
        seed: Some(3),
        ..SandboxConfig::default()
    });
    let id = generate(&sb, &json!({"prompt": "doomed", "model": "essence-1"}));
    let data = wait_ready(&sb, &id);
    assert_eq!(data["status"], "failed");
    let message = data["error_message"].as_str().unwrap();
    let step = data["current_step"].as_str().unwrap();
    assert!(
        message.contains(step) && message.contains("sandbox"),
        "{message}"
    );
    assert!(data["progress"].as_f64().unwrap() < 1.0);
    assert_valid(
        &schema("/v1/agent/status/{agent_id}", "get", "200"),
        &json!({"success": true, "data": data}),
        "failed",
    );
}

#[test]
fn documented_errors_use_the_envelope() {
    let sb = start(SandboxConfig {
        secret: Some(SECRET.into()),
        ..fast()
    });
    let url = format!("{}/v1/agent/generate", sb.base_url());
    assert_error(
        client()
            .post(&url)
            .json(&json!({"prompt": "x"}))
            .send()
            .unwrap(),
        401,
        "MISSING_AUTH",
    );
    assert_error(
        client()
            .post(&url)
            .header("api-secret", "")
            .json(&json!({}))
            .send()
            .unwrap(),
        401,
        "MISSING_AUTH",
    );
    assert_error(
        client()
            .post(&url)
            .header("api-secret", "nope")
            .json(&json!({}))
            .send()
            .unwrap(),
        401,
        "UNAUTHORIZED",
    );
    assert_error(get(&sb, "/v1/nothing/here"), 404, "NOT_FOUND");
    let missing = assert_error(get(&sb, "/v1/agent/status/A91XMB7113"), 404, "NOT_FOUND");
    assert_eq!(
        missing["error"]["message"],
        "Agent not found for code: A91XMB7113"
    );
    assert_error(get(&sb, "/v1/agent/generate"), 405, "METHOD_NOT_ALLOWED");
    assert_error(
        client()
            .delete(format!("{}/v1/validate", sb.base_url()))
            .send()
            .unwrap(),
        405,
        "METHOD_NOT_ALLOWED",
    );

    let raw = |body: &str| {
        client()
            .post(&url)
            .header("api-secret", SECRET)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .unwrap()
    };
    let bad_json = assert_error(raw("{nope"), 400, "VALIDATION_ERROR");
    assert_eq!(
        bad_json["error"]["message"],
        "Request body must be valid JSON"
    );
    let not_object = assert_error(raw("[1]"), 400, "VALIDATION_ERROR");
    assert_eq!(
        not_object["error"]["message"],
        "Request body must be a JSON object"
    );
    let bad_model = assert_error(
        post(
            &sb,
            "/v1/agent/generate",
            &json!({"model": "essence-2-light"}),
        ),
        400,
        "VALIDATION_ERROR",
    );
    assert!(
        bad_model["error"]["message"]
            .as_str()
            .unwrap()
            .contains("essence-1")
    );
    for body in [
        json!({"prompt": 5}),
        json!({"aspect_ratio": "4:3"}),
        json!({"framing": "wide"}),
        json!({"transparency": "yes"}),
        json!({"duration": -1}),
        json!({"image": "not base64 !!"}),
        json!({"audio": "data:audio/wav,plain"}),
    ] {
        let field = body.as_object().unwrap().keys().next().unwrap().clone();
        let refused = assert_error(
            post(&sb, "/v1/agent/generate", &body),
            400,
            "VALIDATION_ERROR",
        );
        assert!(
            refused["error"]["message"]
                .as_str()
                .unwrap()
                .contains(&field),
            "{refused}"
        );
    }
    assert_error(
        post(
            &sb,
            "/v1/agent/generate",
            &json!({"video": "https://x/v.mp4"}),
        ),
        400,
        "VIDEO_INPUT_NOT_SUPPORTED",
    );
    let huge = "A".repeat(11 * 1024 * 1024 / 3 * 4);
    assert_error(
        post(&sb, "/v1/agent/generate", &json!({"image": huge})),
        413,
        "FILE_TOO_LARGE",
    );
    let small = base64::engine::general_purpose::STANDARD.encode(b"\xff\xd8\xff\xe0 tiny jpeg");
    let id = generate(
        &sb,
        &json!({"image": small, "audio": format!("data:audio/wav;base64,{small}")}),
    );
    assert!(id.starts_with('A'));

    assert_error(
        post(
            &sb,
            "/v1/files/upload",
            &json!({"file_data": small, "file_name": "face.svg"}),
        ),
        415,
        "UNSUPPORTED_TYPE",
    );
    assert_error(
        post(
            &sb,
            "/v1/files/upload",
            &json!({"file_data": "@@@", "file_name": "face.jpg"}),
        ),
        400,
        "VALIDATION_ERROR",
    );
    assert_error(
        post(
            &sb,
            "/v1/files/upload",
            &json!({"file_data": small, "file_name": "a.jpg", "file_url": "https://x/a.jpg"}),
        ),
        400,
        "VALIDATION_ERROR",
    );
    let big = "A".repeat((10 * 1024 * 1024 + 3) / 3 * 4); // just over 10 MB of zeros
    assert_error(
        post(
            &sb,
            "/v1/files/upload",
            &json!({"file_data": big, "file_name": "face.png"}),
        ),
        413,
        "FILE_TOO_LARGE",
    );
}

#[test]
fn upload_stores_bytes_on_the_file_host() {
    let sb = start(fast());
    let bytes: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    let encoded = base64::engine::general_purpose::STANDARD.encode(&bytes);
    let (status, body) = json_of(post(
        &sb,
        "/v1/files/upload",
        &json!({"file_data": encoded, "file_name": "dir/voice.wav", "file_type": "audio"}),
    ));
    assert_eq!(status, 200, "{body}");
    assert_valid(&schema("/v1/files/upload", "post", "200"), &body, "upload");
    let data = &body["data"];
    assert_eq!(data["file_size"], 5000);
    assert_eq!(data["asset_category"], "audio");
    assert_eq!(data["mime_type"], "audio/wav");
    let url = data["file_url"].as_str().unwrap();
    assert!(
        url.starts_with(&format!("{}/files/uploads/", sb.base_url())) && url.ends_with("voice.wav"),
        "{url}"
    );
    let fetched = client().get(url).send().unwrap();
    assert_eq!(fetched.status(), 200);
    assert_eq!(fetched.bytes().unwrap().as_ref(), bytes.as_slice());
    let recorded = sb
        .requests()
        .into_iter()
        .find(|r| r.path == "/v1/files/upload")
        .unwrap();
    assert_eq!(recorded.method, "POST");
    assert_eq!(recorded.header("API-Secret"), Some(SECRET));
    assert_eq!(recorded.json().unwrap()["file_data"], encoded.as_str());

    let (status, body) = json_of(post(
        &sb,
        "/v1/files/upload",
        &json!({"file_url": "https://example.com/face.jpg", "file_type": "auto"}),
    ));
    assert_eq!(status, 200);
    assert_eq!(
        body["data"]["original_source"],
        "https://example.com/face.jpg"
    );
    assert!(
        body["data"]["file_url"]
            .as_str()
            .unwrap()
            .starts_with(&sb.base_url())
    );
}

#[test]
fn idempotent_replay_returns_the_first_answer() {
    let sb = start(fast());
    let send = |key: &str| {
        client()
            .post(format!("{}/v1/agent/generate", sb.base_url()))
            .header("api-secret", SECRET)
            .header("Idempotency-Key", key)
            .json(&json!({"prompt": "once", "model": "essence-1"}))
            .send()
            .unwrap()
    };
    let first = send("key-1");
    assert!(first.headers().get("idempotency-replayed").is_none());
    let first = first.bytes().unwrap();
    let second = send("key-1");
    assert_eq!(second.headers()["idempotency-replayed"], "true");
    assert_eq!(second.bytes().unwrap(), first);
    let other: Value = send("key-2").json().unwrap();
    let first: Value = serde_json::from_slice(&first).unwrap();
    assert_ne!(other["agent_id"], first["agent_id"]);
}

#[test]
fn regenerate_in_place_restarts_the_timeline() {
    let sb = start(SandboxConfig {
        speed: 50.0,
        ..SandboxConfig::default()
    });
    let id = generate(&sb, &json!({"prompt": "v1", "model": "essence-1"}));
    assert_eq!(wait_ready(&sb, &id)["status"], "ready");
    assert_eq!(generate(&sb, &json!({"agent_id": id, "prompt": "v2"})), id);
    let (_, body) = json_of(get(&sb, &format!("/v1/agent/status/{id}")));
    assert_ne!(body["data"]["status"], "ready");
    assert_eq!(body["data"]["model"], "essence-1");
}

#[test]
fn plan_caps_live_agents_and_deleted_ones_do_not_count() {
    let sb = start(SandboxConfig {
        plan: Some(bithuman::sandbox::Plan::Creator),
        rate_limits: bithuman::sandbox::RateLimits {
            generate: Some(100),
            ..Default::default()
        },
        ..fast()
    });
    let ids: Vec<String> = (0..7)
        .map(|i| generate(&sb, &json!({"prompt": format!("agent {i}")})))
        .collect();
    let refused = assert_error(
        post(&sb, "/v1/agent/generate", &json!({"prompt": "eighth"})),
        403,
        "AGENT_LIMIT_REACHED",
    );
    assert!(
        refused["error"]["message"].as_str().unwrap().contains('7'),
        "{refused}"
    );
    assert_eq!(delete(&sb, &format!("/v1/agent/{}", ids[0])).status(), 200);
    generate(&sb, &json!({"prompt": "eighth, after a delete"}));
}

#[test]
fn the_buckets_belong_to_the_world_not_to_a_process() {
    let dir = world_dir();
    let creator = || {
        in_world(
            &dir,
            SandboxConfig {
                plan: Some(bithuman::sandbox::Plan::Creator),
                rate_limits: bithuman::sandbox::RateLimits::parse("read=2").unwrap(),
                ..fast()
            },
        )
    };
    let a = start(creator());
    assert_eq!(get(&a, "/v1/agents").status(), 200);
    assert_eq!(get(&a, "/v1/agents").status(), 200);
    // Another process on the same world, naming the same plan, draws from
    // the same (now empty) bucket rather than a fresh one.
    let b = start(creator());
    let limited = get(&b, "/v1/agents");
    assert_error(limited, 429, "RATE_LIMITED");
}

#[test]
fn every_metered_answer_carries_its_buckets_headers() {
    let sb = start(SandboxConfig {
        rate_limits: bithuman::sandbox::RateLimits::parse("write=2,read=3").unwrap(),
        ..fast()
    });
    let header =
        |r: &Response, name: &str| -> u64 { r.headers()[name].to_str().unwrap().parse().unwrap() };
    // Reads: the read bucket (3), then 429 with Retry-After.
    for left in [2, 1, 0] {
        let r = get(&sb, "/v1/agents");
        assert_eq!(r.status(), 200);
        assert_eq!(header(&r, "x-ratelimit-limit"), 3);
        assert_eq!(header(&r, "x-ratelimit-remaining"), left);
    }
    let limited = get(&sb, "/v1/agents");
    assert!(header(&limited, "retry-after") >= 1);
    let body = assert_error(limited, 429, "RATE_LIMITED");
    assert!(
        body["error"]["message"].as_str().unwrap().contains("read"),
        "{body}"
    );
    // Writes draw from their own bucket; generate from the business plan's 60.
    let r = post(&sb, "/v1/agent/A91XMB7113", &json!({"system_prompt": "x"}));
    assert_eq!(header(&r, "x-ratelimit-limit"), 2);
    let r = post(&sb, "/v1/agent/generate", &json!({"prompt": "x"}));
    assert_eq!(header(&r, "x-ratelimit-limit"), 60);
    let reset = header(&r, "x-ratelimit-reset");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(
        (now..=now + 2).contains(&reset),
        "full again within a second or two: {reset}"
    );
    // `/v1/me` is not metered by the plan.
    let me = get(&sb, "/v1/me");
    assert!(!me.headers().contains_key("x-ratelimit-limit"));
}

#[test]
fn ids_are_known_to_every_sandbox_sharing_the_world() {
    let dir = world_dir();
    let a = start(in_world(&dir, fast()));
    let b = start(in_world(&dir, fast()));
    let id = generate(&a, &json!({"prompt": "shared", "model": "essence-2"}));
    let (status, body) = json_of(get(&b, &format!("/v1/agent/status/{id}")));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["data"]["agent_id"], id.as_str());
    assert_eq!(body["data"]["model"], "essence-2");
    // Another world (a per-process one) never had it.
    let elsewhere = start(fast());
    assert_error(
        get(&elsewhere, &format!("/v1/agent/status/{id}")),
        404,
        "NOT_FOUND",
    );
    let mut tampered: Vec<char> = id.chars().collect();
    let last = tampered.len() - 1;
    tampered[last] = if tampered[last] == '0' { '1' } else { '0' };
    let tampered: String = tampered.into_iter().collect();
    assert_error(
        get(&b, &format!("/v1/agent/status/{tampered}")),
        404,
        "NOT_FOUND",
    );
}

#[test]
fn rate_limit_answers_429_with_retry_after() {
    let sb = start(SandboxConfig {
        rate_limit: Some(2),
        ..fast()
    });
    let body = json!({"prompt": "x"});
    generate(&sb, &body);
    generate(&sb, &body);
    let limited = post(&sb, "/v1/agent/generate", &body);
    let retry: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry));
    assert_error(limited, 429, "RATE_LIMITED");
    // Other routes are not limited.
    assert_eq!(get(&sb, "/v1/agent/status/A91XMB7113").status(), 404);
}

#[test]
fn flaky_answers_503_on_every_route() {
    let sb = start(SandboxConfig {
        flaky: 1.0,
        ..fast()
    });
    assert_error(
        post(&sb, "/v1/validate", &json!({})),
        503,
        "SERVICE_UNAVAILABLE",
    );
    assert_error(get(&sb, "/files/uploads/x.jpg"), 503, "SERVICE_UNAVAILABLE");
    assert_error(
        post(&sb, "/v1/agent/generate", &json!({"prompt": "x"})),
        503,
        "SERVICE_UNAVAILABLE",
    );
}

#[test]
fn injected_faults_fire_in_order() {
    let sb = start(fast());
    sb.inject(Fault {
        method: Some("GET".into()),
        path_prefix: "/v1/agent/status/".into(),
        times: 1,
        action: FaultAction::Respond {
            status: 502,
            headers: vec![("content-type".into(), "text/html".into())],
            body: "<html><title>Bad gateway</title></html>".into(),
        },
    });
    let scripted = get_raw(&sb, "/v1/agent/status/A91XMB7113");
    assert_eq!(scripted.status(), 502);
    assert_eq!(scripted.headers()["content-type"], "text/html");
    assert_eq!(get(&sb, "/v1/agent/status/A91XMB7113").status(), 404); // fired once only

    sb.inject(Fault {
        method: None,
        path_prefix: "/v1/agent/generate".into(),
        times: 1,
        action: FaultAction::RespondAfterHandling {
            status: 500,
            body: "{\"detail\":\"oops\"}".into(),
        },
    });
    let send = || {
        client()
            .post(format!("{}/v1/agent/generate", sb.base_url()))
            .header("api-secret", SECRET)
            .header("Idempotency-Key", "after")
            .json(&json!({"prompt": "x"}))
            .send()
            .unwrap()
    };
    assert_eq!(send().status(), 500);
    let replay = send();
    assert_eq!(replay.headers()["idempotency-replayed"], "true"); // the agent was created
    let id = replay.json::<Value>().unwrap()["agent_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(get(&sb, &format!("/v1/agent/status/{id}")).status(), 200);

    sb.inject(Fault {
        method: None,
        path_prefix: "/v1/agent/".into(),
        times: 1,
        action: FaultAction::Drop,
    });
    let dropped = client()
        .get(format!("{}/v1/agent/{id}", sb.base_url()))
        .header("api-secret", SECRET)
        .send();
    assert!(
        dropped.and_then(|r| r.bytes()).is_err(),
        "a dropped connection must fail the read"
    );
    assert_eq!(get(&sb, &format!("/v1/agent/{id}")).status(), 200);

    sb.inject(Fault {
        method: None,
        path_prefix: "/v1/validate".into(),
        times: 1,
        action: FaultAction::Stall(Duration::from_millis(600)),
    });
    let _ = rustls::crypto::ring::default_provider().install_default();
    let impatient = Client::builder()
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let stalled = impatient
        .post(format!("{}/v1/validate", sb.base_url()))
        .send();
    assert!(stalled.is_err_and(|e| e.is_timeout()));
    assert!(
        sb.requests()
            .iter()
            .filter(|r| r.path == "/v1/validate")
            .count()
            == 1
    );
}

#[test]
fn seeded_sandboxes_choose_alike() {
    let outcomes = |seed| {
        let sb = start(SandboxConfig {
            speed: 50.0,
            fail_rate: 0.5,
            seed: Some(seed),
            ..SandboxConfig::default()
        });
        let ids: Vec<String> = (0..6)
            .map(|_| generate(&sb, &json!({"prompt": "x"})))
            .collect();
        ids.iter()
            .map(|id| wait_ready(&sb, id)["status"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(outcomes(42), outcomes(42));
}

#[test]
fn serves_our_openapi_document_without_auth() {
    let sb = start(SandboxConfig {
        secret: Some(SECRET.into()),
        ..fast()
    });
    let url = format!("{}/openapi.json", sb.base_url());
    let response = client().get(&url).send().unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let served = response.text().unwrap();
    let file = std::fs::read_to_string(openapi::DOCUMENT).unwrap();
    assert_eq!(served, file, "the sandbox serves api/bithuman.openapi.json");
    let head = client().head(&url).send().unwrap();
    assert_eq!(head.status(), 200);
    assert_error(
        client().post(&url).send().unwrap(),
        405,
        "METHOD_NOT_ALLOWED",
    );
}

#[test]
fn every_documented_operation_is_served_and_guarded_as_documented() {
    let sb = start(SandboxConfig {
        secret: Some(SECRET.into()),
        ..fast()
    });
    let doc = openapi::ours();
    for (template, method, operation) in openapi::operations(doc) {
        let path: String = template
            .split('/')
            .map(|s| if s.starts_with('{') { "A91XMB7113" } else { s })
            .collect::<Vec<_>>()
            .join("/");
        let url = format!("{}{path}", sb.base_url());
        let request = match method {
            "get" => client().get(&url),
            "post" => client().post(&url).json(&json!({})),
            "delete" => client().delete(&url),
            other => panic!("no test request for {other}"),
        };
        // Without the secret: 401 unless the operation lets it be left out.
        let open = operation["security"]
            .as_array()
            .is_some_and(|alternatives| alternatives.iter().any(|a| a == &json!({})));
        let response = documented(method, &path, request.send().unwrap());
        if open {
            assert_eq!(response.status(), 200, "{method} {template}");
        } else {
            assert_error(response, 401, "MISSING_AUTH");
        }
    }
}

// ---- v0.2 jobs: talking videos, model adds, dynamics ----

/// A POST with an `Idempotency-Key`, its status checked against the document.
fn post_keyed(sb: &Sandbox, path: &str, key: &str, body: &Value) -> Response {
    let response = client()
        .post(format!("{}{path}", sb.base_url()))
        .header("api-secret", SECRET)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .expect("POST");
    documented("post", path, response)
}

/// A ready agent of `model`.
fn ready_agent(sb: &Sandbox, model: &str, prompt: &str) -> String {
    let id = generate(sb, &json!({"prompt": prompt, "model": model}));
    assert_eq!(wait_ready(sb, &id)["status"], "ready");
    id
}

/// Polls `path` (checked against `check`) until `done` says so; the last body.
fn poll(
    sb: &Sandbox,
    path: &str,
    check: &jsonschema::Validator,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let (status, body) = json_of(get(sb, path));
        assert_eq!(status, 200, "{body}");
        assert_valid(check, &body, path);
        if done(&body) {
            return body;
        }
        assert!(Instant::now() < deadline, "{path} never settled: {body}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn text_video(agent: &str, model: &str, text: &str) -> Value {
    json!({"model": model, "agent_code": agent, "input": {"type": "text", "text": text}})
}

#[test]
fn video_renders_and_the_placeholder_downloads() {
    let sb = start(fast());
    let started = schema("/v1/video/generate", "post", "200");
    let job_schema = schema("/v1/video/{job_id}", "get", "200");
    let id = generate(&sb, &json!({"prompt": "speaker", "model": "essence-1"}));
    // Not ready yet: nothing can be rendered.
    assert_error(
        post(
            &sb,
            "/v1/video/generate",
            &text_video(&id, "essence-1", "Hi"),
        ),
        409,
        "MODEL_NOT_GENERATED",
    );
    wait_ready(&sb, &id);
    let text = "Hello from the sandbox, thirty!"; // 31 characters: about 2 s
    let (status, reply) = json_of(post(
        &sb,
        "/v1/video/generate",
        &text_video(&id, "essence-1", text),
    ));
    assert_eq!(status, 200, "{reply}");
    assert_valid(&started, &reply, "video generate");
    assert_eq!(reply["status"], "processing");
    let job = reply["job_id"].as_str().unwrap().to_string();
    assert!(job.starts_with("vid_"), "{job}");
    let (_, first) = json_of(get(&sb, &format!("/v1/video/{job}")));
    assert_valid(&job_schema, &first, "processing job");
    assert_eq!(first["status"], "processing");
    assert_eq!(first["video_url"], Value::Null);
    let done = poll(&sb, &format!("/v1/video/{job}"), &job_schema, |b| {
        b["status"] != "processing"
    });
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(done["model"], "essence-1");
    assert_eq!(done["duration_seconds"], 2.1);
    assert_eq!(done["credits_charged"], 2);
    assert_eq!(done["error"], Value::Null);
    let url = done["video_url"].as_str().unwrap();
    assert!(
        url.starts_with(&format!("{}/files/videos/", sb.base_url())),
        "{url}"
    );
    let file = client().get(url).send().unwrap();
    assert_eq!(file.status(), 200);
    assert_eq!(file.headers()["content-type"], "video/mp4");
    assert!(
        file.text()
            .unwrap()
            .starts_with("BITHUMAN SANDBOX PLACEHOLDER\n")
    );

    // An essence-1 agent also renders expression-1 (the v1 engine needs no
    // training), not the second-generation models.
    let (status, _) = json_of(post(
        &sb,
        "/v1/video/generate",
        &text_video(&id, "expression-1", "Hi"),
    ));
    assert_eq!(status, 200);
    for model in ["essence-2", "essence-2-max", "expression-2"] {
        let refused = assert_error(
            post(&sb, "/v1/video/generate", &text_video(&id, model, "Hi")),
            409,
            "MODEL_NOT_GENERATED",
        );
        assert!(
            refused["error"]["message"]
                .as_str()
                .unwrap()
                .contains(model)
        );
    }
    // Audio input: 10 s.
    let (status, reply) = json_of(post(
        &sb,
        "/v1/video/generate",
        &json!({"model": "essence-1", "agent_code": id, "input": {"type": "audio", "audio_url": "https://example.com/a.wav"}}),
    ));
    assert_eq!(status, 200, "{reply}");
    let audio_job = reply["job_id"].as_str().unwrap();
    let done = poll(&sb, &format!("/v1/video/{audio_job}"), &job_schema, |b| {
        b["status"] != "processing"
    });
    assert_eq!(done["duration_seconds"], 10.0);

    // Sync mode answers the finished render.
    let (status, sync) = json_of(post(
        &sb,
        "/v1/video/generate",
        &json!({"model": "essence-1", "agent_code": id, "wait": true, "input": {"type": "text", "text": "Hi"}}),
    ));
    assert_eq!(status, 200);
    assert_valid(&started, &sync, "sync video");
    assert_eq!(sync["status"], "completed", "{sync}");
    assert_eq!(sync["duration_seconds"], 1.0);

    assert_error(
        get(&sb, "/v1/video/vid_3f9a2c1b8e7d4a6f0b21"),
        404,
        "NOT_FOUND",
    );
    assert_error(
        post(
            &sb,
            "/v1/video/generate",
            &text_video("A91XMB7113", "essence-1", "Hi"),
        ),
        404,
        "NOT_FOUND",
    );
    let long = "x".repeat(5001);
    for body in [
        json!({"agent_code": id, "input": {"type": "text", "text": "Hi"}}),
        json!({"model": "essence-2-light", "agent_code": id, "input": {"type": "text", "text": "Hi"}}),
        json!({"model": "essence-1", "input": {"type": "text", "text": "Hi"}}),
        json!({"model": "essence-1", "agent_code": id}),
        json!({"model": "essence-1", "agent_code": id, "input": {"type": "video"}}),
        json!({"model": "essence-1", "agent_code": id, "input": {"type": "text", "text": ""}}),
        json!({"model": "essence-1", "agent_code": id, "input": {"type": "text", "text": long}}),
        json!({"model": "essence-1", "agent_code": id, "input": {"type": "audio"}}),
        json!({"model": "essence-1", "agent_code": id, "wait": "yes", "input": {"type": "text", "text": "Hi"}}),
    ] {
        assert_error(
            post(&sb, "/v1/video/generate", &body),
            400,
            "VALIDATION_ERROR",
        );
    }
    // 5000 characters (Unicode scalar values) are fine: capped at 120 s.
    let (status, reply) = json_of(post(
        &sb,
        "/v1/video/generate",
        &text_video(&id, "essence-1", &"é".repeat(5000)),
    ));
    assert_eq!(status, 200, "{reply}");
    let job = reply["job_id"].as_str().unwrap();
    let done = poll(&sb, &format!("/v1/video/{job}"), &job_schema, |b| {
        b["status"] != "processing"
    });
    assert_eq!(
        (
            done["duration_seconds"].as_f64(),
            done["credits_charged"].as_u64()
        ),
        (Some(120.0), Some(4))
    );
}

#[test]
fn video_submits_replay_and_count_against_the_rate_limit() {
    let sb = start(SandboxConfig {
        rate_limit: Some(3),
        ..fast()
    });
    let id = ready_agent(&sb, "essence-1", "limited");
    let body = text_video(&id, "essence-1", "Once only");
    let first = post_keyed(&sb, "/v1/video/generate", "vk-1", &body);
    assert!(first.headers().get("idempotency-replayed").is_none());
    assert_eq!(first.headers()["x-ratelimit-limit"], "3");
    assert_eq!(first.headers()["x-ratelimit-remaining"], "1");
    let first = first.bytes().unwrap();
    let again = post_keyed(&sb, "/v1/video/generate", "vk-1", &body);
    assert_eq!(again.headers()["idempotency-replayed"], "true");
    assert_eq!(again.bytes().unwrap(), first);
    // generate + 2 videos used the window: dynamics is in the same bucket.
    let limited = post(&sb, "/v1/dynamics/generate", &json!({"agent_id": id}));
    assert!(limited.headers().contains_key("retry-after"));
    assert_error(limited, 429, "RATE_LIMITED");
}

#[test]
fn add_model_reaches_supported_models() {
    let sb = start(fast());
    let check = schema("/v1/agent/{agent_id}/models", "post", "200");
    let agent_schema = schema("/v1/agent/{agent_id}", "get", "200");
    let id = generate(&sb, &json!({"prompt": "grows", "model": "essence-1"}));
    let path = format!("/v1/agent/{id}/models");
    assert_error(
        post(&sb, &path, &json!({"model": "essence-2"})),
        409,
        "AGENT_NOT_READY",
    );
    let (_, body) = json_of(get(&sb, &format!("/v1/agent/{id}")));
    assert_valid(&agent_schema, &body, "agent while generating");
    assert_eq!(
        body["data"]["model_status"]["essence-1"],
        json!({"state": "pending", "reason": null})
    );
    wait_ready(&sb, &id);

    // expression-1: instant and free.
    let (status, reply) = json_of(post(&sb, &path, &json!({"model": "expression-1"})));
    assert_eq!(status, 200, "{reply}");
    assert_valid(&check, &reply, "add expression-1");
    assert_eq!(
        (reply["status"].as_str(), reply["credits"].as_u64()),
        (Some("ready"), Some(0))
    );
    assert_eq!(
        reply["supported_models"],
        json!(["essence-1", "expression-1"])
    );

    // essence-2: billed, processing, then both tiers.
    let (status, reply) = json_of(post_keyed(
        &sb,
        &path,
        "add-1",
        &json!({"model": "essence-2"}),
    ));
    assert_eq!(status, 200, "{reply}");
    assert_valid(&check, &reply, "add essence-2");
    assert_eq!(
        (reply["status"].as_str(), reply["credits"].as_u64()),
        (Some("processing"), Some(500))
    );
    let replay = post_keyed(&sb, &path, "add-1", &json!({"model": "essence-2"}));
    assert_eq!(replay.headers()["idempotency-replayed"], "true");
    assert_eq!(json_of(replay).1, reply);
    // A new request while it builds charges nothing.
    let (_, again) = json_of(post(&sb, &path, &json!({"model": "essence-2"})));
    assert_eq!(
        (again["status"].as_str(), again["credits"].as_u64()),
        (Some("processing"), Some(0))
    );
    let (_, status_body) = json_of(get(&sb, &format!("/v1/agent/status/{id}")));
    assert_eq!(
        status_body["data"]["model_status"]["essence-2"]["state"],
        "pending"
    );
    let body = poll(&sb, &format!("/v1/agent/{id}"), &agent_schema, |b| {
        b["data"]["supported_models"]
            .as_array()
            .is_some_and(|m| m.contains(&json!("essence-2")))
    });
    assert_eq!(
        body["data"]["supported_models"],
        json!(["essence-1", "expression-1", "essence-2", "essence-2-max"])
    );
    for family in ["essence-1", "expression-1", "essence-2", "essence-2-max"] {
        assert_eq!(
            body["data"]["model_status"][family],
            json!({"state": "ready", "reason": null}),
            "{family}"
        );
    }
    // Already there: ready, free.
    let (_, reply) = json_of(post(&sb, &path, &json!({"model": "essence-2"})));
    assert_eq!(
        (reply["status"].as_str(), reply["credits"].as_u64()),
        (Some("ready"), Some(0))
    );
    // The added model renders and downloads.
    let (status, _) = json_of(post(
        &sb,
        "/v1/video/generate",
        &text_video(&id, "essence-2-max", "Hi"),
    ));
    assert_eq!(status, 200);
    let (status, body) = json_of(get(
        &sb,
        &format!("/v1/agent/{id}/model/download?model=essence-2&redirect=false"),
    ));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["data"]["filename"], format!("{id}.lebundle.imx"));

    for bad in [
        json!({}),
        json!({"model": "essence-2-max"}),
        json!({"model": 2}),
    ] {
        let refused = assert_error(post(&sb, &path, &bad), 400, "VALIDATION_ERROR");
        assert!(
            refused["error"]["message"]
                .as_str()
                .unwrap()
                .contains("expression-2")
        );
    }
    assert_error(
        post(
            &sb,
            "/v1/agent/A91XMB7113/models",
            &json!({"model": "essence-1"}),
        ),
        404,
        "NOT_FOUND",
    );
}

#[test]
fn cartoon_subjects_are_refused_by_essence_2() {
    let dir = world_dir();
    let sb = start(in_world(&dir, fast()));
    // The sandbox's rule: "cartoon" in the prompt or the image URL.
    assert_error(
        post(
            &sb,
            "/v1/agent/generate",
            &json!({"prompt": "A cartoon fox", "model": "essence-2"}),
        ),
        422,
        "MODEL_SUBJECT_MISMATCH",
    );
    let auto = generate(
        &sb,
        &json!({"image": "https://example.com/cartoon-cat.png", "model": "auto"}),
    );
    let (_, body) = json_of(get(&sb, &format!("/v1/agent/{auto}")));
    assert_eq!(body["data"]["model"], "expression-2");
    assert_eq!(body["data"]["subject"], "cartoon");
    let id = ready_agent(&sb, "essence-1", "A cartoon fox");
    let refused = assert_error(
        post(
            &sb,
            &format!("/v1/agent/{id}/models"),
            &json!({"model": "essence-2"}),
        ),
        422,
        "MODEL_SUBJECT_MISMATCH",
    );
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("cartoon")
    );
    // The subject is kept in the world: another sandbox sharing it refuses too.
    let other = start(in_world(&dir, fast()));
    assert_error(
        post(
            &other,
            &format!("/v1/agent/{id}/models"),
            &json!({"model": "essence-2"}),
        ),
        422,
        "MODEL_SUBJECT_MISMATCH",
    );
    let (status, _) = json_of(post(
        &other,
        &format!("/v1/agent/{id}/models"),
        &json!({"model": "expression-2"}),
    ));
    assert_eq!(status, 200);
}

#[test]
fn dynamics_become_ready_with_gestures() {
    let sb = start(fast());
    let started = schema("/v1/dynamics/generate", "post", "200");
    let check = schema("/v1/dynamics/{agent_id}", "get", "200");
    let id = generate(&sb, &json!({"prompt": "waves", "model": "essence-1"}));
    assert_error(
        post(&sb, "/v1/dynamics/generate", &json!({"agent_id": id})),
        409,
        "AGENT_NOT_READY",
    );
    wait_ready(&sb, &id);
    let path = format!("/v1/dynamics/{id}");
    let (status, none) = json_of(get(&sb, &path));
    assert_eq!(status, 200);
    assert_valid(&check, &none, "no dynamics");
    assert_eq!(
        (
            &none["data"]["status"],
            &none["data"]["url"],
            &none["data"]["gestures"]
        ),
        (&json!("ready"), &Value::Null, &json!({}))
    );

    let (status, reply) = json_of(post_keyed(
        &sb,
        "/v1/dynamics/generate",
        "dyn-1",
        &json!({"agent_id": id, "duration": 5}),
    ));
    assert_eq!(status, 200, "{reply}");
    assert_valid(&started, &reply, "dynamics generate");
    assert_eq!(
        reply,
        json!({"success": true, "message": "Dynamics generation started", "agent_id": id, "status": "processing"})
    );
    let replay = post_keyed(
        &sb,
        "/v1/dynamics/generate",
        "dyn-1",
        &json!({"agent_id": id}),
    );
    assert_eq!(replay.headers()["idempotency-replayed"], "true");
    let (_, running) = json_of(get(&sb, &path));
    assert!(
        ["processing", "generating"].contains(&running["data"]["status"].as_str().unwrap()),
        "{running}"
    );
    let ready = poll(&sb, &path, &check, |b| b["data"]["status"] == "ready");
    let gestures = ready["data"]["gestures"].as_object().unwrap();
    assert_eq!(
        gestures.keys().collect::<Vec<_>>(),
        ["nod", "smile", "wave"]
    );
    assert!(
        ready["data"]["url"]
            .as_str()
            .unwrap()
            .starts_with(&sb.base_url())
    );
    for url in gestures.values() {
        let url = url.as_str().unwrap();
        assert!(
            url.starts_with(&format!("{}/files/dynamics/", sb.base_url())),
            "{url}"
        );
        let file = client().get(url).send().unwrap();
        assert_eq!(file.status(), 200);
        assert!(
            file.text()
                .unwrap()
                .starts_with("BITHUMAN SANDBOX PLACEHOLDER\n")
        );
    }
    assert_error(
        post(
            &sb,
            "/v1/dynamics/generate",
            &json!({"agent_id": "A91XMB7113"}),
        ),
        404,
        "NOT_FOUND",
    );
    assert_error(get(&sb, "/v1/dynamics/A91XMB7113"), 404, "NOT_FOUND");
    for bad in [
        json!({}),
        json!({"agent_id": 5}),
        json!({"agent_id": id, "duration": -1}),
    ] {
        assert_error(
            post(&sb, "/v1/dynamics/generate", &bad),
            400,
            "VALIDATION_ERROR",
        );
    }
}

#[test]
fn jobs_are_known_to_every_sandbox_sharing_the_world() {
    let dir = world_dir();
    let a = start(in_world(&dir, fast()));
    let b = start(in_world(&dir, fast()));
    let id = ready_agent(&a, "essence-1", "shared");
    let (_, reply) = json_of(post(
        &a,
        "/v1/video/generate",
        &text_video(&id, "essence-1", "Shared render"),
    ));
    let job = reply["job_id"].as_str().unwrap().to_string();
    let check = schema("/v1/video/{job_id}", "get", "200");
    let done = poll(&b, &format!("/v1/video/{job}"), &check, |x| {
        x["status"] != "processing"
    });
    assert_eq!(done["status"], "completed");
    // Every URL is on the answering sandbox's own address.
    let url = done["video_url"].as_str().unwrap();
    assert!(url.starts_with(&b.base_url()), "{url}");
    assert_eq!(client().get(url).send().unwrap().status(), 200);
    let tampered = job.replacen("vid_", "vid_1", 1);
    assert_error(
        get(
            &b,
            &format!("/v1/video/{}", &tampered[..tampered.len() - 1]),
        ),
        404,
        "NOT_FOUND",
    );
    // A sandbox renders for an agent another one created.
    let (status, _) = json_of(post(
        &b,
        "/v1/video/generate",
        &text_video(&id, "essence-1", "Hi"),
    ));
    assert_eq!(status, 200);
    // A model add made through one is building in the other's answer too.
    let (status, _) = json_of(post(
        &a,
        &format!("/v1/agent/{id}/models"),
        &json!({"model": "expression-2"}),
    ));
    assert_eq!(status, 200);
    let (_, seen) = json_of(get(&b, &format!("/v1/agent/{id}")));
    assert_eq!(
        seen["data"]["model_status"]["expression-2"]["state"], "pending",
        "{seen}"
    );
}

#[test]
fn fail_rate_fails_jobs_with_a_reason() {
    let dir = world_dir();
    let healthy = start(in_world(&dir, fast()));
    let id = ready_agent(&healthy, "essence-1", "doomed jobs");
    let sb = start(in_world(
        &dir,
        SandboxConfig {
            fail_rate: 1.0,
            ..fast()
        },
    ));
    let (_, reply) = json_of(post(
        &sb,
        "/v1/video/generate",
        &text_video(&id, "essence-1", "Hi"),
    ));
    let job = reply["job_id"].as_str().unwrap();
    let check = schema("/v1/video/{job_id}", "get", "200");
    let failed = poll(&sb, &format!("/v1/video/{job}"), &check, |b| {
        b["status"] != "processing"
    });
    assert_eq!(failed["status"], "failed");
    assert!(
        failed["error"]["message"]
            .as_str()
            .unwrap()
            .contains("sandbox"),
        "{failed}"
    );
    assert_eq!(
        (&failed["video_url"], &failed["credits_charged"]),
        (&Value::Null, &Value::Null)
    );

    let (_, reply) = json_of(post(
        &sb,
        &format!("/v1/agent/{id}/models"),
        &json!({"model": "essence-2"}),
    ));
    assert_eq!(reply["status"], "processing");
    let agent = schema("/v1/agent/{agent_id}", "get", "200");
    let body = poll(&sb, &format!("/v1/agent/{id}"), &agent, |b| {
        b["data"]["model_status"]["essence-2"]["state"] != "pending"
    });
    let state = &body["data"]["model_status"]["essence-2"];
    assert_eq!(state["state"], "failed");
    assert!(
        state["reason"].as_str().unwrap().contains("sandbox"),
        "{state}"
    );
    assert_eq!(body["data"]["supported_models"], json!(["essence-1"]));
    // A failed add may be tried again (billed again).
    let (_, again) = json_of(post(
        &sb,
        &format!("/v1/agent/{id}/models"),
        &json!({"model": "essence-2"}),
    ));
    assert_eq!(
        (again["status"].as_str(), again["credits"].as_u64()),
        (Some("processing"), Some(500))
    );

    let (status, _) = json_of(post(&sb, "/v1/dynamics/generate", &json!({"agent_id": id})));
    assert_eq!(status, 200);
    let check = schema("/v1/dynamics/{agent_id}", "get", "200");
    let failed = poll(&sb, &format!("/v1/dynamics/{id}"), &check, |b| {
        b["data"]["status"] == "failed"
    });
    assert_eq!(failed["data"]["gestures"], json!({}));
}

// ---- v0.2 management, account and credits ----

fn delete(sb: &Sandbox, path: &str) -> Response {
    let response = client()
        .delete(format!("{}{path}", sb.base_url()))
        .header("api-secret", SECRET)
        .send()
        .expect("DELETE");
    documented("delete", path, response)
}

#[test]
fn agents_are_listed_updated_and_deleted() {
    let dir = world_dir();
    let sb = start(in_world(&dir, fast()));
    let list = schema("/v1/agents", "get", "200");
    let ids: Vec<String> = ["essence-1", "expression-1", "essence-1"]
        .iter()
        .map(|m| {
            let id = generate(&sb, &json!({"prompt": "listed", "model": m}));
            std::thread::sleep(Duration::from_millis(3)); // distinct creation times
            id
        })
        .collect();
    let (status, page) = json_of(get(&sb, "/v1/agents"));
    assert_eq!(status, 200, "{page}");
    assert_valid(&list, &page, "list");
    let listed: Vec<&str> = page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["agent_id"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [&ids[2], &ids[1], &ids[0]], "newest first");
    assert_eq!(
        page["pagination"],
        json!({"limit": 20, "offset": 0, "total": 3, "has_more": false})
    );
    let (_, first) = json_of(get(&sb, "/v1/agents?limit=2"));
    assert_eq!(
        first["pagination"],
        json!({"limit": 2, "offset": 0, "total": 3, "has_more": true})
    );
    let (_, rest) = json_of(get(&sb, "/v1/agents?limit=2&offset=2"));
    assert_eq!(rest["data"][0]["agent_id"], ids[0].as_str());
    assert_eq!(rest["pagination"]["has_more"], false);
    for bad in ["limit=0", "limit=101", "limit=ten", "offset=-1"] {
        assert_error(
            get(&sb, &format!("/v1/agents?{bad}")),
            400,
            "VALIDATION_ERROR",
        );
    }
    for id in &ids {
        wait_ready(&sb, id);
    }
    let (_, ready) = json_of(get(&sb, "/v1/agents?status=ready"));
    assert_eq!(ready["pagination"]["total"], 3);
    let (_, none) = json_of(get(&sb, "/v1/agents?status=failed"));
    assert_eq!(
        (
            none["data"].as_array().unwrap().len(),
            &none["pagination"]["total"]
        ),
        (0, &json!(0))
    );

    // Update the system prompt.
    let id = &ids[0];
    let path = format!("/v1/agent/{id}");
    let (status, reply) = json_of(post(
        &sb,
        &path,
        &json!({"system_prompt": "You sell bikes."}),
    ));
    assert_eq!(status, 200, "{reply}");
    assert_valid(
        &schema("/v1/agent/{agent_id}", "post", "200"),
        &reply,
        "update",
    );
    assert_eq!(reply, json!({"agent_code": id, "updated": true}));
    assert_eq!(
        json_of(get(&sb, &path)).1["data"]["system_prompt"],
        "You sell bikes."
    );
    for body in [
        json!({}),
        json!({"system_prompt": ""}),
        json!({"system_prompt": null}),
    ] {
        assert_error(post(&sb, &path, &body), 400, "MISSING_PARAM");
    }
    assert_error(
        post(&sb, &path, &json!({"system_prompt": 5})),
        400,
        "VALIDATION_ERROR",
    );
    assert_error(
        post(&sb, &path, &json!({"system_prompt": "x".repeat(40_000)})),
        400,
        "VALIDATION_ERROR",
    );
    assert_error(
        post(&sb, "/v1/agent/A91XMB7113", &json!({"system_prompt": "x"})),
        404,
        "NOT_FOUND",
    );

    // Delete: the agent is gone everywhere.
    let (status, reply) = json_of(delete(&sb, &path));
    assert_eq!(status, 200, "{reply}");
    assert_valid(
        &schema("/v1/agent/{agent_id}", "delete", "200"),
        &reply,
        "delete",
    );
    assert_eq!(
        reply,
        json!({"success": true, "agent_code": id, "deleted": true})
    );
    for response in [
        get(&sb, &format!("/v1/agent/status/{id}")),
        get(&sb, &path),
        get(&sb, &format!("/v1/agent/{id}/model/download")),
        get(&sb, &format!("/v1/dynamics/{id}")),
        post(&sb, &path, &json!({"system_prompt": "again"})),
        post(
            &sb,
            "/v1/video/generate",
            &text_video(id, "essence-1", "Hi"),
        ),
        post(
            &sb,
            &format!("/v1/agent/{id}/models"),
            &json!({"model": "essence-2"}),
        ),
        post(&sb, "/v1/dynamics/generate", &json!({"agent_id": id})),
        post(
            &sb,
            "/v1/agent/generate",
            &json!({"agent_id": id, "prompt": "back"}),
        ),
    ] {
        assert_error(response, 410, "AGENT_DELETED");
    }
    assert_error(delete(&sb, &path), 404, "NOT_FOUND");
    assert_error(delete(&sb, "/v1/agent/A91XMB7113"), 404, "NOT_FOUND");
    let (_, page) = json_of(get(&sb, "/v1/agents"));
    assert_eq!(page["pagination"]["total"], 2);
    // An agent another sandbox of the world created can be deleted here too.
    let other = start(in_world(&dir, fast()));
    assert_eq!(
        delete(&other, &format!("/v1/agent/{}", ids[1])).status(),
        200
    );
    assert_error(
        get(&other, &format!("/v1/agent/{}", ids[1])),
        410,
        "AGENT_DELETED",
    );
}

/// `(credits_change, pricing_code)` of every usage row, newest first.
fn usage(sb: &Sandbox, query: &str) -> Vec<(i64, String)> {
    let (status, body) = json_of(get(sb, &format!("/v1/usage{query}")));
    assert_eq!(status, 200, "{body}");
    assert_valid(&schema("/v1/usage", "get", "200"), &body, "usage");
    body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["credits_change"].as_i64().unwrap(),
                r["pricing_code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn balance(sb: &Sandbox) -> i64 {
    let (status, body) = json_of(get(sb, "/v1/me"));
    assert_eq!(status, 200, "{body}");
    assert_valid(&schema("/v1/me", "get", "200"), &body, "me");
    body["data"]["credit_balance"].as_i64().unwrap()
}

#[test]
fn pricing_lists_the_live_prices() {
    let sb = start(fast());
    let (status, body) = json_of(get(&sb, "/v1/pricing"));
    assert_eq!(status, 200);
    assert_valid(&schema("/v1/pricing", "get", "200"), &body, "pricing");
    let data = &body["data"];
    assert_eq!(
        data["agent_generation"]["by_model"],
        json!({"essence-1": 250, "expression-1": 250, "essence-2": 500, "essence-2-max": 500, "expression-2": 2000, "auto": 2000})
    );
    assert_eq!(
        data["talking_video"]["rates"],
        json!({"essence-1": 2, "expression-1": 4, "essence-2": 4, "essence-2-max": 8, "expression-2": 4})
    );
    assert_eq!(data["talking_video"]["unit"], "credits_per_minute");
    assert_eq!(data["dynamics_generation"]["flat"], 250);
    let (_, me) = json_of(get(&sb, "/v1/me"));
    assert_eq!(
        (me["status"].as_str(), me["status_code"].as_u64()),
        (Some("success"), Some(200))
    );
    assert_eq!(me["data"]["credit_balance"], 1_000_000);
}

#[test]
fn credits_are_charged_refunded_and_explained() {
    let sb = start(SandboxConfig {
        credits: Some(3000),
        ..fast()
    });
    assert_eq!(balance(&sb), 3000);
    let id = ready_agent(&sb, "essence-1", "billed");
    assert_eq!(balance(&sb), 2750);
    // A 2 s video: 2 minutes pre-charged (4), trued up to 1 minute (2).
    let (_, reply) = json_of(post(
        &sb,
        "/v1/video/generate",
        &text_video(&id, "essence-1", "Two seconds of talk."),
    ));
    let job = reply["job_id"].as_str().unwrap();
    assert_eq!(balance(&sb), 2746);
    let check = schema("/v1/video/{job_id}", "get", "200");
    poll(&sb, &format!("/v1/video/{job}"), &check, |b| {
        b["status"] == "completed"
    });
    assert_eq!(balance(&sb), 2748);
    // A replayed add is charged once.
    let add = json!({"model": "expression-2"});
    let path = format!("/v1/agent/{id}/models");
    assert_eq!(
        json_of(post_keyed(&sb, &path, "pay-once", &add)).1["credits"],
        2000
    );
    assert_eq!(
        json_of(post_keyed(&sb, &path, "pay-once", &add)).1["credits"],
        2000
    );
    assert_eq!(balance(&sb), 748);
    assert_eq!(
        json_of(post(&sb, "/v1/dynamics/generate", &json!({"agent_id": id}))).0,
        200
    );
    assert_eq!(balance(&sb), 498);
    // More than the balance: 402 with a top-up link on the sandbox itself.
    let refused = assert_error(
        post(&sb, &path, &json!({"model": "essence-2"})),
        402,
        "INSUFFICIENT_BALANCE",
    );
    let topup = refused["error"]["topup_url"].as_str().unwrap();
    assert!(topup.starts_with(&sb.base_url()), "{topup}");
    let page = client().get(topup).send().unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().unwrap().contains("--credits"));
    assert_error(
        post(
            &sb,
            "/v1/agent/generate",
            &json!({"prompt": "x", "model": "expression-2"}),
        ),
        402,
        "INSUFFICIENT_BALANCE",
    );
    assert_eq!(balance(&sb), 498, "refusals are free");

    let rows = usage(&sb, "");
    let codes: Vec<&str> = rows.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(
        codes,
        [
            "dynamics_generation",
            "model_add_expression_2",
            "credit_refund_talking_video_essence_1",
            "talking_video_essence_1",
            "agent_generation_essence_1",
        ]
    );
    assert_eq!(
        rows.iter().map(|(c, _)| c).sum::<i64>(),
        498 - 3000,
        "the rows explain the balance"
    );
    assert_eq!(rows[2].0, 2);
    let (_, body) = json_of(get(&sb, "/v1/usage?limit=2"));
    assert_eq!(
        body["pagination"],
        json!({"limit": 2, "offset": 0, "total": 5, "has_more": true})
    );
    let row = &body["data"][0];
    assert_eq!(
        (row["agent_code"].as_str(), row["source"].as_str()),
        (Some(id.as_str()), Some("api"))
    );
    assert!(
        row["pricing_code_meaning"]
            .as_str()
            .is_some_and(|m| !m.is_empty())
    );
    assert_eq!(usage(&sb, &format!("?agent_code={id}")).len(), 5);
    assert!(usage(&sb, "?agent_code=A91XMB7113").is_empty());
    assert!(usage(&sb, "?start=2999-01-01T00:00:00Z").is_empty());
    assert_eq!(
        usage(&sb, "?start=2020-01-01&end=2999-01-01T00:00:00%2B02:00").len(),
        5
    );
    for bad in ["limit=0", "limit=201", "start=yesterday", "end=2026-13-01"] {
        assert_error(
            get(&sb, &format!("/v1/usage?{bad}")),
            400,
            "VALIDATION_ERROR",
        );
    }
}

#[test]
fn failed_jobs_are_refunded() {
    let dir = world_dir();
    let healthy = start(in_world(&dir, fast()));
    let id = ready_agent(&healthy, "essence-1", "refunds");
    let sb = start(in_world(
        &dir,
        SandboxConfig {
            fail_rate: 1.0,
            credits: Some(10_000),
            ..fast()
        },
    ));
    let doomed = generate(&sb, &json!({"prompt": "fails", "model": "essence-2"}));
    assert_eq!(balance(&sb), 9500);
    assert_eq!(wait_ready(&sb, &doomed)["status"], "failed");
    assert_eq!(balance(&sb), 10_000);
    let (_, reply) = json_of(post(
        &sb,
        "/v1/video/generate",
        &text_video(&id, "expression-1", "Hi"),
    ));
    assert_eq!(reply["status"], "processing", "{reply}");
    assert_eq!(balance(&sb), 10_000 - 8);
    let job = reply["job_id"].as_str().unwrap();
    let check = schema("/v1/video/{job_id}", "get", "200");
    poll(&sb, &format!("/v1/video/{job}"), &check, |b| {
        b["status"] == "failed"
    });
    assert_eq!(balance(&sb), 10_000);
    // The world's usage: the other sandbox's creation of the agent too.
    let rows = usage(&sb, "");
    assert_eq!(
        rows,
        [
            (8, "credit_refund_talking_video_expression_1".to_string()),
            (-8, "talking_video_expression_1".to_string()),
            (500, "credit_refund_agent_generation_essence_2".to_string()),
            (-500, "agent_generation_essence_2".to_string()),
            (-250, "agent_generation_essence_1".to_string()),
        ]
    );
}

// ---- bounds ----

#[test]
fn concurrent_uploads_share_one_memory_budget() {
    use std::io::{Read, Write};
    let sb = start(fast());
    let addr = sb.base_url().trim_start_matches("http://").to_string();
    let open_upload = || {
        let mut stream = std::net::TcpStream::connect(&addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        // A 140 MB upload (within the route's cap) that is still arriving.
        write!(
            stream,
            "POST /v1/files/upload HTTP/1.1\r\nHost: x\r\napi-secret: {SECRET}\r\n\
             content-type: application/json\r\ncontent-length: {}\r\n\r\n{{\"file_data\": \"",
            140 * 1024 * 1024
        )
        .unwrap();
        stream
    };
    // Two at once would take the sandbox past its budget: one of them (the
    // later to reach its handler) is answered 503 (retryable) at once
    // instead of held in memory, while the other is still being received.
    let mut uploads = [open_upload(), open_upload()];
    let deadline = Instant::now() + Duration::from_secs(20);
    let (refused, text) = 'answered: loop {
        for (i, stream) in uploads.iter_mut().enumerate() {
            stream
                .set_read_timeout(Some(Duration::from_millis(100)))
                .unwrap();
            let mut answer = vec![0u8; 4096];
            if let Ok(n) = stream.read(&mut answer)
                && n > 0
            {
                break 'answered (i, String::from_utf8_lossy(&answer[..n]).into_owned());
            }
        }
        assert!(Instant::now() < deadline, "neither upload was answered");
    };
    assert!(text.starts_with("HTTP/1.1 503"), "{text}");
    assert!(text.to_ascii_lowercase().contains("retry-after"), "{text}");
    assert!(text.contains("SERVICE_UNAVAILABLE"), "{text}");
    let [a, b] = uploads;
    let first = if refused == 0 { b } else { a };
    // Small requests still pass while the big one is open, and once it is
    // gone its share of the budget is back.
    assert_eq!(get(&sb, "/v1/agents").status(), 200);
    drop(first);
    let file = base64::engine::general_purpose::STANDARD.encode(b"RIFF....WAVEfmt ");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (status, body) = json_of(post(
            &sb,
            "/v1/files/upload",
            &json!({"file_data": file, "file_name": "v.wav"}),
        ));
        if status == 200 {
            break;
        }
        assert_eq!(status, 503, "{body}");
        assert!(Instant::now() < deadline, "the budget was never given back");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn bodies_are_capped_per_route_before_they_are_read() {
    use std::io::{Read, Write};
    let sb = start(fast());
    let addr = sb.base_url().trim_start_matches("http://").to_string();
    // A declared 3 MB JSON body on a small route: refused without reading it.
    for path in [
        "/v1/video/generate",
        "/v1/agent/A91XMB7113/models",
        "/v1/dynamics/generate",
    ] {
        let mut stream = std::net::TcpStream::connect(&addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        write!(
            stream,
            "POST {path} HTTP/1.1\r\nHost: x\r\napi-secret: {SECRET}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{{",
            3 * 1024 * 1024
        )
        .unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let text = String::from_utf8_lossy(&answer);
        assert!(text.starts_with("HTTP/1.1 413"), "{path}: {text}");
        assert!(text.contains("FILE_TOO_LARGE"), "{text}");
    }
    // Sent in chunks (no length): cut at the cap too.
    let big = json!({"model": "essence-1", "agent_code": "A91XMB7113", "input": {"type": "text", "text": "x".repeat(3 * 1024 * 1024)}});
    let refused = assert_error(post(&sb, "/v1/video/generate", &big), 413, "FILE_TOO_LARGE");
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("2 MB"),
        "{refused}"
    );
    // Still being sent when the 413 is decided: the answer arrives, not a reset.
    let bigger = json!({"model": "essence-1", "agent_code": "A91XMB7113", "input": {"type": "text", "text": "x".repeat(24 * 1024 * 1024)}});
    assert_error(
        post(&sb, "/v1/video/generate", &bigger),
        413,
        "FILE_TOO_LARGE",
    );
    // Retained prompts are capped.
    let long = "p".repeat(33 * 1024);
    let refused = assert_error(
        post(&sb, "/v1/agent/generate", &json!({"prompt": long})),
        400,
        "VALIDATION_ERROR",
    );
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("prompt")
    );
    let key = "k".repeat(256);
    let response = client()
        .post(format!("{}/v1/agent/generate", sb.base_url()))
        .header("api-secret", SECRET)
        .header("Idempotency-Key", key)
        .json(&json!({"prompt": "x"}))
        .send()
        .unwrap();
    assert_error(response, 400, "VALIDATION_ERROR");
}

#[test]
fn answers_while_hundreds_of_connections_idle_or_trickle() {
    use std::io::Write;
    let sb = start(fast());
    let addr = sb.base_url().trim_start_matches("http://").to_string();
    let mut held = Vec::new();
    for i in 0..200 {
        let mut stream = std::net::TcpStream::connect(&addr).expect("connect");
        match i % 4 {
            0 => {} // connected, silent
            1 => stream.write_all(b"GET /v1/agent/status/A91XMB7113 HTTP/1.1\r\nHost: x\r\napi-se").unwrap(),
            2 => stream
                .write_all(b"POST /v1/files/upload HTTP/1.1\r\nHost: x\r\napi-secret: s\r\ncontent-length: 100000000\r\n\r\n{\"file_data\":\"AAAA")
                .unwrap(),
            _ => stream.write_all(b"G").unwrap(),
        }
        held.push(stream);
    }
    let started = Instant::now();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let fresh = Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let response = fresh
        .post(format!("{}/v1/validate", sb.base_url()))
        .header("api-secret", SECRET)
        .send()
        .expect("answered");
    assert_eq!(response.status(), 200);
    let id = generate(&sb, &json!({"prompt": "busy", "model": "essence-1"}));
    assert_eq!(get(&sb, &format!("/v1/agent/status/{id}")).status(), 200);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "answered in {:?} with 200 slow connections open",
        started.elapsed()
    );
    drop(held);
}
