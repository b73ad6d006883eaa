//! Defensive parsing of error bodies: the JSON `error` object, an `error`
//! string, FastAPI's `{"detail": …}`, a bare message, or a CDN's HTML page.
//! Never assumes JSON and never returns a raw HTML dump.

use crate::sanitize::sanitize_line;
use serde_json::Value;

/// The code and message found in an error body.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedError {
    /// The server's error code, when present.
    pub code: Option<String>,
    /// A sanitized, one-line message.
    pub message: String,
}

/// Reads an error body of any shape. `content_type` is the response's
/// `Content-Type` header, when any.
pub fn parse_error_body(status: u16, content_type: Option<&str>, body: &[u8]) -> ParsedError {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim_start();
    let looks_html = content_type.is_some_and(|c| c.contains("html"))
        || trimmed.starts_with('<')
        || trimmed.get(..15).is_some_and(|s| s.eq_ignore_ascii_case("<!doctype html"));
    if !looks_html {
        if let Ok(value) = serde_json::from_str::<Value>(trimmed) {
            return from_json(status, &value);
        }
    }
    if looks_html {
        let title = html_title(&text).map(|t| sanitize_line(&t)).filter(|t| !t.is_empty());
        let message = match title {
            Some(t) => format!("HTTP {status} {}: {t}", reason(status)),
            None => format!("HTTP {status} {}", reason(status)),
        };
        return ParsedError {
            code: None,
            message,
        };
    }
    let line = sanitize_line(&text);
    let message = if line.is_empty() {
        format!("HTTP {status} {}", reason(status))
    } else {
        truncate(&line, 300)
    };
    ParsedError {
        code: None,
        message,
    }
}

fn from_json(status: u16, value: &Value) -> ParsedError {
    let text = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            other => Some(other.to_string()),
        }
    };
    let mut code = None;
    let mut message = None;
    match value.get("error") {
        Some(Value::Object(err)) => {
            code = err.get("code").and_then(text);
            message = err.get("message").and_then(text);
        }
        Some(Value::String(s)) => {
            // Old flat shape: {"error": "Invalid API secret", "code": "UNAUTHORIZED"}.
            message = Some(s.clone());
        }
        _ => {}
    }
    if code.is_none() {
        code = value.get("code").and_then(text);
    }
    if message.is_none() {
        message = value
            .get("detail")
            .and_then(detail_text)
            .or_else(|| value.get("message").and_then(text));
    }
    let message = message
        .map(|m| truncate(&sanitize_line(&m), 300))
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| format!("HTTP {status} {}", reason(status)));
    ParsedError {
        code: code.map(|c| sanitize_line(&c)).filter(|c| !c.is_empty()),
        message,
    }
}

// FastAPI sends a string, or a list of {loc, msg} objects for validation errors.
fn detail_text(detail: &Value) -> Option<String> {
    match detail {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| {
                    i.get("msg")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                        .unwrap_or_else(|| i.to_string())
                })
                .collect();
            Some(parts.join("; "))
        }
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

fn html_title(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = lower[start..].find('>')? + start + 1;
    let close = lower[open_end..].find("</title>")? + open_end;
    text.get(open_end..close).map(|t| t.trim().to_string())
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() > max {
        s.chars().take(max).collect::<String>() + "…"
    } else {
        s.to_string()
    }
}

/// The standard reason phrase of an HTTP status.
pub fn reason(status: u16) -> &'static str {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelope_object() {
        let body = br#"{"error":{"code":"NOT_FOUND","message":"Agent not found for code: A1","httpStatus":404},"status":"error","status_code":404}"#;
        let p = parse_error_body(404, Some("application/json"), body);
        assert_eq!(p.code.as_deref(), Some("NOT_FOUND"));
        assert_eq!(p.message, "Agent not found for code: A1");
    }

    #[test]
    fn flat_string_and_detail_and_plain() {
        let p = parse_error_body(401, None, br#"{"error":"Invalid API secret","code":"UNAUTHORIZED"}"#);
        assert_eq!((p.code.as_deref(), p.message.as_str()), (Some("UNAUTHORIZED"), "Invalid API secret"));
        let p = parse_error_body(404, None, br#"{"detail":"Not Found"}"#);
        assert_eq!((p.code, p.message.as_str()), (None, "Not Found"));
        let p = parse_error_body(422, None, br#"{"detail":[{"loc":["body"],"msg":"field required"}]}"#);
        assert_eq!(p.message, "field required");
        let p = parse_error_body(500, Some("text/plain"), b"upstream broke\n");
        assert_eq!(p.message, "upstream broke");
        let p = parse_error_body(500, None, b"");
        assert_eq!(p.message, "HTTP 500 Internal Server Error");
    }

    #[test]
    fn html_page_shows_status_and_title_only() {
        let body = b"<!DOCTYPE html><html><head><title>502 Bad gateway | api.bithuman.ai | Cloudflare</title></head><body><script>x</script>lots</body></html>";
        let p = parse_error_body(502, Some("text/html; charset=UTF-8"), body);
        assert_eq!(p.message, "HTTP 502 Bad Gateway: 502 Bad gateway | api.bithuman.ai | Cloudflare");
        assert!(!p.message.contains("script"));
        let p = parse_error_body(403, None, b"<html>error code: 1010</html>");
        assert_eq!(p.message, "HTTP 403 Forbidden");
    }

    #[test]
    fn hostile_message_is_sanitized() {
        let p = parse_error_body(400, None, "{\"error\":{\"code\":\"X\\u001b[2J\",\"message\":\"bad\\u001b]0;pwn\\u0007 thing\"}}".as_bytes());
        assert!(!p.message.contains('\x1b'));
        assert!(!p.code.unwrap_or_default().contains('\x1b'));
    }
}
