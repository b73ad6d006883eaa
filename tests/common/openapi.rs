//! The project's own description of the API (`api/bithuman.openapi.json`),
//! which the contract tests check the CLI and the sandbox against, and the
//! vendor's spec for the optional cross-checks (`BITHUMAN_VENDOR_SPEC`).
//!
//! Included with `#[path]` by the contract tests only.
#![allow(dead_code)]

use std::sync::OnceLock;

use serde_json::{Map, Value};

/// Our document, in the repository (the sandbox serves the same file).
pub const DOCUMENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/api/bithuman.openapi.json");

/// Names the vendor's OpenAPI spec (YAML) for the cross-checks; `.ci/run`
/// sets it when the vendor's spec sits beside the repository.
pub const VENDOR_VAR: &str = "BITHUMAN_VENDOR_SPEC";

/// Our document, parsed once.
pub fn ours() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let text = std::fs::read_to_string(DOCUMENT).expect("read api/bithuman.openapi.json");
        serde_json::from_str(&text).expect("api/bithuman.openapi.json is JSON")
    })
}

/// The vendor's spec, which [`VENDOR_VAR`] names. The cross-checks that use
/// it are `#[ignore]`d (listed as ignored by `cargo test`, never passing
/// without checking anything); `.ci/run` runs them with `--ignored` when the
/// spec sits beside the repository. Run without the variable, they fail and
/// say how to set it.
pub fn vendor() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path = std::env::var_os(VENDOR_VAR)
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| panic!("{VENDOR_IGNORED}"));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{VENDOR_VAR}={}: {e}", path.to_string_lossy()));
        serde_norway::from_str(&text).expect("parse the vendor's spec")
    })
}

/// Why the vendor cross-checks are ignored, and how to run them.
pub const VENDOR_IGNORED: &str = "needs BITHUMAN_VENDOR_SPEC=path/to/the vendor's openapi.yaml; run: cargo test --test sandbox vendor -- --ignored";

/// `pointer` in `doc`, following a local `$ref` wherever one is met on the way.
pub fn lookup<'a>(doc: &'a Value, pointer: &str) -> Option<&'a Value> {
    let mut node = follow(doc, doc);
    for token in pointer.split('/').skip(1) {
        let key = token.replace("~1", "/").replace("~0", "~");
        node = follow(doc, node.get(key.as_str())?);
    }
    Some(node)
}

fn follow<'a>(doc: &'a Value, mut node: &'a Value) -> &'a Value {
    while let Some(Value::String(r)) = node.get("$ref") {
        let pointer = r.strip_prefix('#').expect("only local $refs");
        node = doc
            .pointer(pointer)
            .unwrap_or_else(|| panic!("dangling $ref {r}"));
    }
    node
}

/// `path` escaped as one JSON-pointer token.
pub fn token(path: &str) -> String {
    path.replace('~', "~0").replace('/', "~1")
}

/// `node` with every local `$ref` replaced by its target. A `$ref` with
/// sibling keywords becomes `allOf: [target]` beside them, as in JSON Schema
/// 2020-12, so neither is lost.
pub fn inline(doc: &Value, node: &Value) -> Value {
    match node {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                let pointer = r.strip_prefix('#').expect("only local $refs");
                let target = inline(doc, doc.pointer(pointer).expect("$ref target"));
                if map.len() == 1 {
                    return target;
                }
                let mut out: Map<String, Value> = map
                    .iter()
                    .filter(|(k, _)| *k != "$ref")
                    .map(|(k, v)| (k.clone(), inline(doc, v)))
                    .collect();
                out.insert("allOf".into(), Value::Array(vec![target]));
                return Value::Object(out);
            }
            Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), inline(doc, v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| inline(doc, v)).collect()),
        other => other.clone(),
    }
}

/// A validator for the schema at `pointer` in `doc`.
pub fn validator(doc: &Value, pointer: &str) -> jsonschema::Validator {
    let raw = lookup(doc, pointer).unwrap_or_else(|| panic!("no schema at {pointer}"));
    jsonschema::validator_for(&inline(doc, raw))
        .unwrap_or_else(|e| panic!("schema at {pointer} does not compile: {e}"))
}

/// The JSON request-body schema of `method path` in `doc`.
pub fn request_schema(doc: &Value, path: &str, method: &str) -> jsonschema::Validator {
    validator(
        doc,
        &format!(
            "/paths/{}/{method}/requestBody/content/application~1json/schema",
            token(path)
        ),
    )
}

/// The JSON schema of the `status` response of `method path` in `doc`.
pub fn response_schema(
    doc: &Value,
    path: &str,
    method: &str,
    status: &str,
) -> jsonschema::Validator {
    validator(
        doc,
        &format!(
            "/paths/{}/{method}/responses/{status}/content/application~1json/schema",
            token(path)
        ),
    )
}

/// Every way `body` breaks `schema`, one line each.
pub fn violations(schema: &jsonschema::Validator, body: &Value) -> Vec<String> {
    schema
        .iter_errors(body)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// HTTP methods an OpenAPI path item can hold.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// `(path template, method, operation)` for every operation in `doc`.
pub fn operations(doc: &Value) -> Vec<(&str, &'static str, &Value)> {
    let paths = doc["paths"].as_object().expect("paths");
    let mut out = Vec::new();
    for (path, item) in paths {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                out.push((path.as_str(), method, op));
            }
        }
    }
    out
}

/// A path template with every `{parameter}` written `{}`: OpenAPI treats
/// templates that differ only in parameter names as the same path.
pub fn normalize(template: &str) -> String {
    template
        .split('/')
        .map(|s| if s.starts_with('{') { "{}" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

/// The template in `doc` that the concrete `path` (no query) falls under: the
/// one with the most literal segments, as OpenAPI matches concrete paths
/// before templated ones.
pub fn template_for<'a>(doc: &'a Value, path: &str) -> Option<&'a str> {
    let segments: Vec<&str> = path.split('/').collect();
    doc["paths"]
        .as_object()?
        .keys()
        .filter_map(|template| {
            let parts: Vec<&str> = template.split('/').collect();
            if parts.len() != segments.len() {
                return None;
            }
            let mut literal = 0;
            for (part, segment) in parts.iter().zip(&segments) {
                if part.starts_with('{') && part.ends_with('}') && !segment.is_empty() {
                    continue;
                }
                if part != segment {
                    return None;
                }
                literal += 1;
            }
            Some((literal, template.as_str()))
        })
        .max_by_key(|(literal, _)| *literal)
        .map(|(_, template)| template)
}
