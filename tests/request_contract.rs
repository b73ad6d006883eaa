//! Contract tests of what the CLI sends, against the project's own
//! description of the API (`api/bithuman.openapi.json`): every generate and
//! upload body must match its request schema, which lists every field the
//! client may send. Also checks the document itself.
//!
//! The `vendor_*` tests check the same bodies against the vendor's schemas,
//! and our operations against the vendor's. They need the vendor's
//! `openapi.yaml` (`BITHUMAN_VENDOR_SPEC`), so they are `#[ignore]`d: a fresh
//! clone needs nothing beside it and `cargo test` lists them as ignored; CI
//! runs them (`--ignored`) when the vendor's spec sits beside the repository.

use crate::common;
use crate::openapi;

use std::collections::BTreeSet;

use common::*;
use serde_json::{Value, json};

/// Fields the client sends that the vendor's generate schema lacks: SPEC
/// keeps them from the original API (the live API refuses `video`).
const VENDOR_EXTRA_GENERATE_FIELDS: [&str; 2] = ["video", "video_aspect_ratio"];

/// Our operations (normalized path, method) that the vendor's spec may lack,
/// each with the reason. None today.
const NOT_IN_VENDOR_SPEC: [(&str, &str, &str); 0] = [];

/// The vendor's generate request schema, closed: only its own fields and
/// [`VENDOR_EXTRA_GENERATE_FIELDS`] may be sent.
fn vendor_generate_schema(spec: &Value) -> jsonschema::Validator {
    let pointer = "/paths/~1v1~1agent~1generate/post/requestBody/content/application~1json/schema";
    let mut schema = openapi::inline(spec, openapi::lookup(spec, pointer).expect("schema"));
    let props = schema["properties"].as_object_mut().expect("properties");
    for field in VENDOR_EXTRA_GENERATE_FIELDS {
        assert!(
            !props.contains_key(field),
            "the vendor's spec gained `{field}`: revisit this test"
        );
    }
    let ours = &openapi::ours()["components"]["schemas"]["GenerateRequest"]["properties"];
    for field in VENDOR_EXTRA_GENERATE_FIELDS {
        props.insert(field.into(), openapi::inline(openapi::ours(), &ours[field]));
    }
    schema["additionalProperties"] = json!(false);
    jsonschema::validator_for(&schema).expect("compile the vendor's generate schema")
}

/// The vendor's upload request schema, each alternative closed.
fn vendor_upload_schema(spec: &Value) -> jsonschema::Validator {
    let pointer = "/paths/~1v1~1files~1upload/post/requestBody/content/application~1json/schema";
    let mut schema = openapi::inline(spec, openapi::lookup(spec, pointer).expect("schema"));
    for alternative in schema["oneOf"].as_array_mut().expect("oneOf") {
        alternative["additionalProperties"] = json!(false);
    }
    jsonschema::validator_for(&schema).expect("compile the vendor's upload schema")
}

fn assert_bodies_match(
    schema: &jsonschema::Validator,
    requests: &[bithuman::sandbox::RecordedRequest],
    what: &str,
) {
    for req in requests {
        let body = req.json().expect("a JSON body");
        assert_eq!(req.header("content-type"), Some("application/json"));
        let errors = openapi::violations(schema, &body);
        assert!(
            errors.is_empty(),
            "{what}: the CLI sent a body outside the schema: {errors:?}\n{body}"
        );
    }
}

/// A minimal MP4 header (an `ftyp` box) with a few bytes after it.
fn mp4() -> Vec<u8> {
    let mut v = vec![0, 0, 0, 0x18];
    v.extend_from_slice(b"ftypmp42\0\0\0\0mp42isom");
    v.extend_from_slice(&[0, 0, 0, 8]);
    v.extend_from_slice(b"free");
    v
}

/// Every generate the CLI can send (each flag combination) and its uploads,
/// as the API received them.
fn generate_bodies() -> (
    Vec<bithuman::sandbox::RecordedRequest>,
    Vec<bithuman::sandbox::RecordedRequest>,
) {
    let w = World::new();
    let face = w.file("face.png", &png());
    let voice = w.file("voice.wav", &wav());
    let clip = w.file("clip.mp4", &mp4());
    let face = face.to_str().expect("utf8 path");
    let voice = voice.to_str().expect("utf8 path");
    let clip = clip.to_str().expect("utf8 path");
    let cases: Vec<Vec<&str>> = vec![
        vec!["--prompt", "p"],
        vec!["--image", "https://example.com/face.jpg"],
        vec![
            "--prompt",
            "p",
            "--image",
            "https://e.com/f.jpg",
            "--audio",
            "https://e.com/v.wav",
            "--aspect-ratio",
            "1:1",
            "--framing",
            "portrait",
            "--transparency",
            "--agent-id",
            "A12",
            "--model",
            "auto",
            "--duration",
            "12",
        ],
        vec!["--image", face],
        vec!["--image", face, "--audio", voice, "--media", "base64"],
        vec!["--image", face, "--media", "data-uri"],
        vec![
            "--video",
            "https://e.com/v.mp4",
            "--video-aspect-ratio",
            "9:16",
        ],
        vec!["--image", face, "--audio", voice],
        vec!["--video", clip],
    ];
    for args in &cases {
        let mut full = vec!["generate"];
        full.extend(args);
        w.run(&full);
    }
    let generates = w.requests("/v1/agent/generate");
    assert_eq!(generates.len(), cases.len(), "one generate per case");
    for req in &generates {
        let body = req.json().expect("generate body is JSON");
        assert!(body.get("model").is_some(), "model is always sent: {body}");
    }
    let uploads = w.requests("/v1/files/upload");
    let types: BTreeSet<String> = uploads
        .iter()
        .filter_map(|r| r.json()?["file_type"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        types,
        ["audio", "image", "video"].map(String::from).into(),
        "uploads of every kind"
    );

    (generates, uploads)
}

#[test]
fn every_generate_body_matches_the_openapi_request_schema() {
    let (generates, uploads) = generate_bodies();
    let doc = openapi::ours();
    assert_bodies_match(
        &openapi::request_schema(doc, "/v1/agent/generate", "post"),
        &generates,
        "generate",
    );
    assert_bodies_match(
        &openapi::request_schema(doc, "/v1/files/upload", "post"),
        &uploads,
        "upload",
    );
}

#[test]
#[ignore = "needs BITHUMAN_VENDOR_SPEC (the vendor's openapi.yaml); CI runs it with --ignored"]
fn vendor_schemas_accept_every_generate_body() {
    let spec = openapi::vendor();
    let (generates, uploads) = generate_bodies();
    assert_bodies_match(
        &vendor_generate_schema(spec),
        &generates,
        "generate (vendor)",
    );
    assert_bodies_match(&vendor_upload_schema(spec), &uploads, "upload (vendor)");
}

#[test]
fn our_document_is_consistent() {
    let doc = openapi::ours();
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1.")),
        "OpenAPI 3.1"
    );
    // Every $ref resolves (inlining panics on a dangling one).
    openapi::inline(doc, doc);
    let mut ids = BTreeSet::new();
    for (path, method, op) in openapi::operations(doc) {
        let id = op["operationId"].as_str().expect("operationId");
        assert!(ids.insert(id), "operationId {id} twice");
        let where_ = format!("{method} {path}");
        let responses = op["responses"].as_object().expect("responses");
        for status in responses.keys() {
            let code: u16 = status.parse().expect("numeric status");
            let response = openapi::lookup(
                doc,
                &format!(
                    "/paths/{}/{method}/responses/{status}",
                    openapi::token(path)
                ),
            )
            .expect("response");
            let Some(schema) = response.pointer("/content/application~1json/schema") else {
                assert_eq!(code, 302, "{where_} {status} has no JSON body");
                continue;
            };
            jsonschema::validator_for(&openapi::inline(doc, schema))
                .unwrap_or_else(|e| panic!("{where_} {status}: {e}"));
            if code >= 400 {
                assert_eq!(
                    schema["$ref"], "#/components/schemas/Error",
                    "{where_} {status} uses the error envelope"
                );
            }
        }
        // The conventions in info.description.
        let open = op["security"]
            .as_array()
            .is_some_and(|alternatives| alternatives.iter().any(|a| a == &json!({})));
        let mut needed = vec!["200", "429", "503"];
        if !open {
            needed.push("401");
        }
        for status in needed {
            assert!(
                responses.contains_key(status),
                "{where_} documents {status}"
            );
        }
    }
    // Request bodies are closed.
    let generate = openapi::lookup(doc, "/components/schemas/GenerateRequest").unwrap();
    assert_eq!(generate["additionalProperties"], false);
    for alternative in doc["components"]["schemas"]["UploadRequest"]["oneOf"]
        .as_array()
        .unwrap()
    {
        assert_eq!(alternative["additionalProperties"], false);
    }
}

#[test]
#[ignore = "needs BITHUMAN_VENDOR_SPEC (the vendor's openapi.yaml); CI runs it with --ignored"]
fn vendor_spec_has_every_operation_of_ours() {
    let spec = openapi::vendor();
    let vendor: BTreeSet<(String, &str)> = openapi::operations(spec)
        .into_iter()
        .map(|(path, method, _)| (openapi::normalize(path), method))
        .collect();
    let allowed: BTreeSet<(String, &str)> = NOT_IN_VENDOR_SPEC
        .iter()
        .map(|(path, method, _reason)| (path.to_string(), *method))
        .collect();
    let mut missing = Vec::new();
    for (path, method, _) in openapi::operations(openapi::ours()) {
        let key = (openapi::normalize(path), method);
        if !vendor.contains(&key) && !allowed.contains(&key) {
            missing.push(format!("{method} {path}"));
        }
    }
    assert!(
        missing.is_empty(),
        "not in the vendor's spec (add to NOT_IN_VENDOR_SPEC with a reason, or fix): {missing:?}"
    );
}

#[test]
#[ignore = "needs BITHUMAN_VENDOR_SPEC (the vendor's openapi.yaml); CI runs it with --ignored"]
fn vendor_documents_nothing_we_do_not() {
    let spec = openapi::vendor();
    /// (location, name) of each parameter of `method path` in `doc`.
    fn params(doc: &Value, path: &str, method: &str) -> BTreeSet<(String, String)> {
        let item = &doc["paths"][path];
        item["parameters"]
            .as_array()
            .into_iter()
            .chain(item[method]["parameters"].as_array())
            .flatten()
            .map(|p| {
                let p = openapi::inline(doc, p);
                let location = p["in"].as_str().unwrap_or("").to_string();
                let name = p["name"].as_str().unwrap_or("");
                let name = match location.as_str() {
                    // Named differently (`{code}`, `{agent_id}`); the template matched.
                    "path" => String::new(),
                    "header" => name.to_ascii_lowercase(),
                    _ => name.to_string(),
                };
                (location, name)
            })
            .collect()
    }
    let doc = openapi::ours();
    let ours = openapi::operations(doc);
    let mut gaps = Vec::new();
    for (their_path, method, theirs) in openapi::operations(spec) {
        let Some((path, _, op)) = ours.iter().find(|(p, m, _)| {
            *m == method && openapi::normalize(p) == openapi::normalize(their_path)
        }) else {
            continue;
        };
        for status in theirs["responses"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(s, _)| s)
        {
            if op["responses"].get(status).is_none() {
                gaps.push(format!("{method} {path}: status {status}"));
            }
        }
        let our_params = params(doc, path, method);
        for param in params(spec, their_path, method) {
            if !our_params.contains(&param) {
                gaps.push(format!("{method} {path}: parameter {param:?}"));
            }
        }
    }
    assert!(
        gaps.is_empty(),
        "the vendor documents what we do not: {gaps:?}"
    );
}

/// The v0.2 bodies the CLI sends (video, add model, dynamics, update): our
/// route, the vendor's route, what it is, the requests the API received.
type V02Bodies = Vec<(
    &'static str,
    &'static str,
    &'static str,
    Vec<bithuman::sandbox::RecordedRequest>,
)>;

fn v02_bodies() -> V02Bodies {
    let w = World::new();
    let id = w.create();
    w.run(&["wait", &id]).code(0);
    let voice = w.file("voice.wav", &wav());
    let voice = voice.to_str().expect("utf8");
    let runs: Vec<Vec<&str>> = vec![
        vec![
            "video", "generate", "--agent", &id, "--text", "Hello", "--voice", "F1",
        ],
        vec![
            "video",
            "generate",
            "--agent",
            &id,
            "--text",
            "Hi",
            "--model",
            "essence-2-max",
        ],
        vec!["video", "generate", "--agent", &id, "--audio", voice],
        vec![
            "video",
            "generate",
            "--agent",
            &id,
            "--audio",
            "https://example.com/v.wav",
        ],
        vec!["agent", "add-model", &id, "--model", "expression-1"],
        vec!["dynamics", "generate", &id, "--duration", "5"],
        vec![
            "dynamics",
            "generate",
            &id,
            "--image",
            "https://example.com/pose.jpg",
        ],
        vec!["agent", "update", &id, "--prompt", "You are new."],
    ];
    for args in &runs {
        // Refusals by the sandbox are fine here: the body is what is checked.
        let _ = w.run(args);
    }
    let models = format!("/v1/agent/{id}/models");
    let update = format!("/v1/agent/{id}");
    let checks: V02Bodies = vec![
        (
            "/v1/video/generate",
            "/v1/video/generate",
            "video",
            w.requests("/v1/video/generate"),
        ),
        (
            "/v1/agent/{agent_id}/models",
            "/v1/agent/{code}/models",
            "add model",
            w.requests(&models),
        ),
        (
            "/v1/dynamics/generate",
            "/v1/dynamics/generate",
            "dynamics",
            w.requests("/v1/dynamics/generate"),
        ),
        (
            "/v1/agent/{agent_id}",
            "/v1/agent/{code}",
            "update",
            w.requests(&update)
                .into_iter()
                .filter(|r| r.method == "POST" && r.path == update)
                .collect(),
        ),
    ];
    for (_, _, what, sent) in &checks {
        assert!(!sent.is_empty(), "{what}: nothing was sent");
    }
    checks
}

/// Every v0.2 submit and update body the CLI sends validates against our description.
#[test]
fn every_v02_request_body_matches_our_spec() {
    for (ours, _, what, sent) in &v02_bodies() {
        assert_bodies_match(
            &openapi::request_schema(openapi::ours(), ours, "post"),
            sent,
            what,
        );
    }
}

#[test]
#[ignore = "needs BITHUMAN_VENDOR_SPEC (the vendor's openapi.yaml); CI runs it with --ignored"]
fn vendor_schemas_accept_every_v02_body() {
    let spec = openapi::vendor();
    for (_, theirs, what, sent) in &v02_bodies() {
        assert_bodies_match(
            &openapi::request_schema(spec, theirs, "post"),
            sent,
            &format!("{what} (vendor)"),
        );
    }
}
