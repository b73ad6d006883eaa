//! The download route and the file host for model (and media) placeholders.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::json;

use super::agents;
use super::codec::now_ms;
use super::routes::{Refused, Req, error, json_response, live_agent};
use super::state::Shared;

/// Reads `name` from a query string (percent-decoded).
pub(crate) fn query_param(query: Option<&str>, name: &str) -> Option<String> {
    query?.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == name).then(|| {
            let v = v.replace('+', " ");
            percent_encoding::percent_decode_str(&v)
                .decode_utf8_lossy()
                .into_owned()
        })
    })
}

/// `GET /v1/agent/{id}/model/download[?model=..&redirect=false]`.
pub(crate) fn download(shared: &Shared, req: &Req<'_>, segments: &[&str]) -> Response {
    let id = segments[2];
    let agent = match shared.read(|books| live_agent(books, id)) {
        Ok(agent) => agent,
        Err(refused) => return *refused,
    };
    let own = agents::model_name(agent.model);
    let family = match query_param(req.query, "model").filter(|m| !m.is_empty()) {
        None => own,
        Some(m) => match agents::download_family(&m) {
            Some(f) => f,
            None => {
                return error(
                    400,
                    "VALIDATION_ERROR",
                    format!(
                        "Invalid model '{m}'; must be one of: {}",
                        agents::DOWNLOADABLE.join(", ")
                    ),
                );
            }
        },
    };
    if family == "expression-1" {
        return error(
            400,
            "MODEL_NOT_DOWNLOADABLE",
            format!(
                "agent {id}'s expression-1 model is not downloadable: it renders server-side from the agent's image"
            ),
        );
    }
    let now = now_ms();
    let snap = agent.snapshot_at(now);
    let (supported, _) = agent.launchable(now);
    if snap.status == "failed" || (snap.ready && !supported.contains(&family)) {
        return error(
            409,
            "MODEL_NOT_GENERATED",
            format!("agent {id}'s {family} model hasn't been generated"),
        );
    }
    // The artifact is published a moment after `ready` (0.5 s at speed 1).
    if !snap.ready || snap.ready_for < 0.5 {
        return error(
            404,
            "MODEL_ARTIFACT_NOT_READY",
            format!(
                "agent {id}'s {family} artifact isn't available for download yet: retry in a few seconds"
            ),
        );
    }
    let filename = agents::artifact_name(id, family);
    let url = format!("{}/files/models/{id}/{filename}", shared.base);
    let redirect = query_param(req.query, "redirect");
    if matches!(redirect.as_deref(), Some("false" | "0" | "no")) {
        let expires = (family != "essence-1").then_some(3600);
        return json_response(
            200,
            &json!({"success": true, "data": {
                "code": id, "model": family, "filename": filename, "url": url, "expires_in": expires,
            }}),
        );
    }
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::FOUND;
    if let Ok(location) = HeaderValue::from_str(&url) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// A file body with its length and type.
pub(crate) fn file_response(bytes: Vec<u8>, mime: &str, filename: &str) -> Response {
    let len = bytes.len();
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(mime).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

/// `GET /files/models/{id}/{file}`: the placeholder model (and media) files.
pub(crate) fn model_file(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let (id, file) = (segments[2], segments[3]);
    let missing = || error(404, "NOT_FOUND", format!("File not found: {file}"));
    let agent = match shared.agent(id) {
        Ok(Some(agent)) if !agent.deleted => agent,
        Ok(_) => return missing(),
        Err(e) => return *Refused::from(e),
    };
    let now = now_ms();
    let snap = agent.snapshot_at(now);
    let (supported, _) = agent.launchable(now);
    let family = supported
        .into_iter()
        .find(|f| *f != "expression-1" && agents::artifact_name(id, f) == file);
    let what = match (file, family) {
        ("portrait.jpg", _) if snap.row > 5 => "portrait image",
        ("identity.mp4", _) if snap.row > 7 => "identity video",
        (_, Some(_)) if snap.ready => "model",
        _ => return missing(),
    };
    let model = family.unwrap_or(agents::model_name(agent.model));
    let text = format!(
        "BITHUMAN SANDBOX PLACEHOLDER\nagent: {id}\nmodel: {model}\nfile: {file} ({what})\n\
         note: served by the bitHuman sandbox, an offline emulator; this is not a real model file.\n"
    );
    file_response(text.into_bytes(), "application/octet-stream", file)
}
