//! Contract test: every generate body the CLI sends validates against the
//! request schema in the vendor's `openapi.yaml`. The only fields allowed
//! beyond the schema are `video` and `video_aspect_ratio`, which SPEC keeps
//! from the original API (the live API refuses them).

mod common;
use common::*;
use serde_json::{Value, json};

fn request_schema() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/api/openapi.yaml");
    let text = std::fs::read_to_string(path).expect("read openapi.yaml");
    let spec: Value = serde_norway::from_str(&text).expect("parse openapi.yaml");
    let mut schema = spec
        .pointer("/paths/~1v1~1agent~1generate/post/requestBody/content/application~1json/schema")
        .expect("generate request schema")
        .clone();
    let props = schema["properties"].as_object_mut().expect("properties");
    assert!(
        !props.contains_key("video"),
        "the spec gained `video`: revisit this test"
    );
    props.insert("video".into(), json!({"type": "string"}));
    props.insert(
        "video_aspect_ratio".into(),
        json!({"type": "string", "enum": ["16:9", "9:16", "1:1"]}),
    );
    // Nothing else may be sent.
    schema["additionalProperties"] = json!(false);
    jsonschema::validator_for(&schema).expect("compile schema")
}

#[test]
fn every_generate_body_matches_the_openapi_request_schema() {
    let w = World::new();
    let face = w.file("face.png", &png());
    let voice = w.file("voice.wav", &wav());
    let face = face.to_str().expect("utf8 path");
    let voice = voice.to_str().expect("utf8 path");
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
    ];
    for args in &cases {
        let mut full = vec!["generate"];
        full.extend(args);
        w.run(&full);
    }
    let schema = request_schema();
    let bodies = w.requests("/v1/agent/generate");
    assert_eq!(bodies.len(), cases.len(), "one generate per case");
    for (req, args) in bodies.iter().zip(&cases) {
        let body = req.json().expect("generate body is JSON");
        assert_eq!(req.header("content-type"), Some("application/json"));
        let errors: Vec<String> = schema
            .iter_errors(&body)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{args:?} sent a body outside the schema: {errors:?}\n{body}"
        );
        assert!(body.get("model").is_some(), "model is always sent");
    }
}
