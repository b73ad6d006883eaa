//! Input validation: the generate body, media fields and `POST /v1/files/upload`.

use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT;
use serde_json::{Map, Value, json};

use super::files::file_response;
use super::routes::{Refused, Req, error, json_object, json_response, refuse};
use super::state::{Shared, Upload, lock};
use super::{agents, codec};

const MB: usize = 1024 * 1024;

/// What a valid generate body asks for.
pub(crate) struct GenerateSpec {
    pub model: u8,
    pub model_given: bool,
    /// The subject looks like a cartoon ([`agents::looks_cartoon`]).
    pub cartoon: bool,
    pub prompt: Option<String>,
    pub agent_id: Option<String>,
}

fn invalid(message: impl Into<String>) -> Refused {
    refuse(400, "VALIDATION_ERROR", message)
}

/// A string field; absent and `null` are `None`.
fn text<'a>(body: &'a Map<String, Value>, field: &str) -> Result<Option<&'a str>, Refused> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(invalid(format!("Invalid {field}: must be a string"))),
    }
}

fn one_of<'a>(
    body: &'a Map<String, Value>,
    field: &str,
    allowed: &[&str],
) -> Result<Option<&'a str>, Refused> {
    match text(body, field)? {
        Some(v) if !allowed.contains(&v) => Err(invalid(format!(
            "Invalid {field} '{v}'; must be one of: {}",
            allowed.join(", ")
        ))),
        v => Ok(v),
    }
}

/// Checks every field of a generate body.
pub(crate) fn check_generate(req: &Req<'_>) -> Result<GenerateSpec, Refused> {
    let body = json_object(req)?;
    if body.get("video").is_some_and(|v| !v.is_null()) {
        return Err(refuse(
            400,
            "VIDEO_INPUT_NOT_SUPPORTED",
            "Agent creation is image-only. Provide a portrait `image`; bitHuman generates a 10-second \
             idle/driver video internally so it loops seamlessly (first frame == last frame). Video input \
             is not accepted for any model (essence-1, expression-1, essence-2, essence-2-max, expression-2).",
        ));
    }
    let prompt = text(&body, "prompt")?;
    if let Some(prompt) = prompt {
        super::manage::check_prompt("prompt", prompt)?;
    }
    let model = one_of(&body, "model", &agents::ACCEPTED_MODELS)?;
    let version = one_of(&body, "version", &["v1", "v2"])?;
    let ratios = ["16:9", "9:16", "1:1"];
    one_of(&body, "aspect_ratio", &ratios)?;
    one_of(&body, "video_aspect_ratio", &ratios)?;
    one_of(&body, "framing", &["portrait", "full_body"])?;
    match body.get("transparency") {
        None | Some(Value::Null | Value::Bool(_)) => {}
        Some(_) => return Err(invalid("Invalid transparency: must be a boolean")),
    }
    match body.get("duration") {
        None | Some(Value::Null) => {}
        Some(Value::Number(n)) if n.as_f64().is_some_and(|d| d > 0.0) => {}
        Some(_) => return Err(invalid("Invalid duration: must be a number greater than 0")),
    }
    let agent_id = text(&body, "agent_id")?;
    if let Some(id) = agent_id
        && (id.is_empty()
            || id.len() > 64
            || !id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
    {
        return Err(invalid(
            "Invalid agent_id: use 1 to 64 letters, digits, '_' or '-'",
        ));
    }
    for (field, cap) in [("image", 10 * MB), ("audio", 25 * MB)] {
        if let Some(value) = text(&body, field)? {
            check_media(field, value, cap)?;
        }
    }
    let cartoon = agents::looks_cartoon(prompt, text(&body, "image")?);
    let resolved = agents::resolve_model(model, version, cartoon).unwrap_or(0);
    Ok(GenerateSpec {
        model: resolved,
        model_given: model.is_some(),
        cartoon,
        prompt: prompt.map(str::to_string),
        agent_id: agent_id.map(str::to_string),
    })
}

/// An `image`/`audio` value: an http(s) URL, a `data:` URI or raw base64.
fn check_media(field: &str, value: &str, cap: usize) -> Result<(), Refused> {
    let lower = value
        .chars()
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Ok(());
    }
    let payload = if lower.starts_with("data:") {
        match value.split_once(',') {
            Some((head, data)) if head.to_ascii_lowercase().ends_with(";base64") => data,
            _ => {
                return Err(invalid(format!(
                    "Invalid {field}: a data: URI must be base64 (data:<mime>;base64,...)"
                )));
            }
        }
    } else {
        value
    };
    // The decoded size is known before decoding; refuse oversize input cheaply.
    if payload.len() / 4 * 3 > cap + 3 {
        return Err(too_large(field, cap));
    }
    match decode(payload) {
        Some(bytes) if bytes.is_empty() => Err(invalid(format!("Invalid {field}: empty file"))),
        Some(bytes) if bytes.len() > cap => Err(too_large(field, cap)),
        Some(_) => Ok(()),
        None => Err(invalid(format!(
            "Invalid {field}: must be an http(s) URL, a data: URI or valid base64"
        ))),
    }
}

fn too_large(what: &str, cap: usize) -> Refused {
    refuse(
        413,
        "FILE_TOO_LARGE",
        format!("{what} is too large (max {} MB)", cap / MB),
    )
}

/// Standard base64, padding optional, ASCII whitespace ignored.
fn decode(data: &str) -> Option<Vec<u8>> {
    if data.bytes().any(|b| b.is_ascii_whitespace()) {
        let compact: String = data.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        return STANDARD_PAD_INDIFFERENT.decode(compact).ok();
    }
    STANDARD_PAD_INDIFFERENT.decode(data).ok()
}

/// (category, asset_category, mime, cap) for a file extension.
fn kind(ext: &str) -> Option<(&'static str, &'static str, &'static str, usize)> {
    let image = |mime| Some(("image", "images", mime, 10 * MB));
    let audio = |mime| Some(("audio", "audio", mime, 25 * MB));
    let video = |mime| Some(("video", "videos", mime, 100 * MB));
    match ext.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" => image("image/jpeg"),
        "png" => image("image/png"),
        "gif" => image("image/gif"),
        "webp" => image("image/webp"),
        "bmp" => image("image/bmp"),
        "mp3" => audio("audio/mpeg"),
        "wav" => audio("audio/wav"),
        "flac" => audio("audio/flac"),
        "aac" => audio("audio/aac"),
        "ogg" => audio("audio/ogg"),
        "m4a" => audio("audio/mp4"),
        "mp4" => video("video/mp4"),
        "mov" => video("video/quicktime"),
        "webm" => video("video/webm"),
        "pdf" => Some(("document", "docs", "application/pdf", 25 * MB)),
        "txt" => Some(("document", "docs", "text/plain", 25 * MB)),
        _ => None,
    }
}

/// The last path segment of a name or URL, reduced to safe characters and
/// to its last 100 (the extension is at the end).
fn base_name(name: &str) -> String {
    let name = name.split(['?', '#']).next().unwrap_or(name);
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let skip = last.chars().count().saturating_sub(100);
    last.chars()
        .skip(skip)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// `POST /v1/files/upload`.
pub(crate) fn upload(shared: &Shared, req: &Req<'_>, _: &[&str]) -> Response {
    let body = match json_object(req) {
        Ok(body) => body,
        Err(refused) => return *refused,
    };
    match upload_inner(shared, &body) {
        Ok(done) => done,
        Err(refused) => *refused,
    }
}

fn upload_inner(shared: &Shared, body: &Map<String, Value>) -> Result<Response, Refused> {
    let data = text(body, "file_data")?;
    let url = text(body, "file_url")?;
    let name = text(body, "file_name")?;
    let requested = one_of(
        body,
        "file_type",
        &["auto", "image", "audio", "video", "document", "pdf"],
    )?;
    let (bytes, original, name) = contents(data, url, name)?;
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let Some((category, asset_category, mime, cap)) = kind(ext) else {
        return Err(refuse(
            415,
            "UNSUPPORTED_TYPE",
            format!(
                "Unsupported file type '{name}': use jpg, jpeg, png, gif, webp, bmp, mp3, wav, flac, aac, ogg, m4a, mp4, mov or webm"
            ),
        ));
    };
    if let Some(t) = requested
        && t != "auto"
        && t != category
        && !(t == "pdf" && ext.eq_ignore_ascii_case("pdf"))
    {
        return Err(refuse(
            415,
            "UNSUPPORTED_TYPE",
            format!("file_type '{t}' does not match file '{name}'"),
        ));
    }
    if bytes.len() > cap {
        return Err(too_large(category, cap));
    }
    let now = codec::now_ms();
    let stored = format!(
        "{}_{:06x}_{name}",
        codec::compact_time(now),
        shared.random::<u32>() & 0xFF_FFFF
    );
    let size = bytes.len();
    lock(&shared.uploads).store(
        stored.clone(),
        Upload {
            mime: mime.to_string(),
            bytes,
        },
    );
    Ok(json_response(
        200,
        &json!({"success": true, "message": "File uploaded successfully", "data": {
            "file_url": format!("{}/files/uploads/{stored}", shared.base),
            "original_source": original,
            "file_type": category,
            "file_size": size,
            "mime_type": mime,
            "asset_category": asset_category,
            "uploaded_at": codec::rfc3339(now),
        }}),
    ))
}

/// The file's bytes, where it came from and its stored name: decoded from
/// `file_data` (refused past its type's cap from the encoded length, before
/// decoding), or a placeholder for a `file_url` (the sandbox never fetches).
fn contents(
    data: Option<&str>,
    url: Option<&str>,
    name: Option<&str>,
) -> Result<(Vec<u8>, String, String), Refused> {
    Ok(match (data, url) {
        (Some(_), Some(_)) => return Err(invalid("Send either file_url or file_data, not both")),
        (None, None) => {
            return Err(refuse(
                400,
                "MISSING_PARAM",
                "Missing required field: file_url or file_data",
            ));
        }
        (Some(data), None) => {
            let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
                return Err(refuse(
                    400,
                    "MISSING_PARAM",
                    "Missing required field: file_name",
                ));
            };
            // Refuse an oversize file from its encoded length, before decoding it.
            let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
            if let Some((category, _, _, cap)) = kind(ext)
                && data.len() / 4 * 3 > cap + 3
            {
                return Err(too_large(category, cap));
            }
            let Some(bytes) = decode(data) else {
                return Err(invalid("file_data is not valid base64"));
            };
            if bytes.is_empty() {
                return Err(invalid("file_data is empty"));
            }
            (bytes, name.to_string(), base_name(name))
        }
        (None, Some(url)) => {
            let lower = url.to_ascii_lowercase();
            if !(lower.starts_with("http://") || lower.starts_with("https://")) {
                return Err(refuse(
                    400,
                    "DOWNLOAD_FAILED",
                    "file_url must be a public http(s) URL",
                ));
            }
            // Offline: the sandbox never fetches the URL; it stores a placeholder.
            let text = format!(
                "BITHUMAN SANDBOX PLACEHOLDER\nsource: {url}\nnote: the sandbox does not fetch URLs.\n"
            );
            (
                text.into_bytes(),
                url.to_string(),
                base_name(name.unwrap_or(url)),
            )
        }
    })
}

/// `GET /files/uploads/{name}`: an uploaded file, no auth.
pub(crate) fn uploaded_file(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let name = segments[2];
    let found = lock(&shared.uploads)
        .get(name)
        .map(|u| (u.bytes.clone(), u.mime.clone()));
    match found {
        Some((bytes, mime)) => file_response(bytes, &mime, name),
        None => error(404, "NOT_FOUND", format!("File not found: {name}")),
    }
}
