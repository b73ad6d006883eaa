//! Defensive parsing of error bodies: the JSON `error` object, an `error`
//! string, FastAPI's `{"detail": …}`, a bare JSON string, plain text, a
//! storage host's XML error, or a CDN's HTML page. Never assumes JSON and
//! never returns a raw HTML dump.

use crate::sanitize::sanitize_line;
use serde_json::Value;
use std::time::Duration;

/// The code and message found in an error body.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedError {
    /// The server's error code, when present.
    pub code: Option<String>,
    /// A sanitized, one-line message; for a body with no message (a CDN
    /// page), the status's reason phrase and the page title.
    pub message: String,
    /// `error.retry_after` (seconds) from the body, as an older API version
    /// sent on 429; the `Retry-After` header takes precedence.
    pub retry_after: Option<Duration>,
    /// `error.topup_url` (402 answers): where to buy credits, when an https URL.
    pub topup_url: Option<String>,
}

/// Reads an error body of any shape. `content_type` is the response's
/// `Content-Type` header, when any.
pub fn parse_error_body(status: u16, content_type: Option<&str>, body: &[u8]) -> ParsedError {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim_start();
    let content_type = content_type.map(str::to_ascii_lowercase);
    let looks_markup = content_type
        .as_deref()
        .is_some_and(|c| c.contains("html") || c.contains("xml"))
        || trimmed.starts_with('<');
    if !looks_markup && let Ok(value) = serde_json::from_str::<Value>(trimmed) {
        return from_json(status, &value);
    }
    if looks_markup {
        // S3-style storage errors: <Error><Code>…</Code><Message>…</Message></Error>.
        // Only for XML: an HTML page may well hold a `<code>` element.
        let lower_head = trimmed
            .chars()
            .take(512)
            .collect::<String>()
            .to_ascii_lowercase();
        let looks_xml = (content_type.as_deref().is_some_and(|c| c.contains("xml"))
            || lower_head.starts_with("<?xml")
            || lower_head.starts_with("<error"))
            && !lower_head.contains("<html")
            && !lower_head.contains("<!doctype html");
        let (xml_code, xml_message) = if looks_xml {
            (element_text(&text, "code"), element_text(&text, "message"))
        } else {
            (None, None)
        };
        let xml_code = xml_code
            .map(|c| sanitize_line(&c))
            .filter(|c| !c.is_empty());
        let xml_message = xml_message
            .map(|m| sanitize_line(&m))
            .filter(|m| !m.is_empty());
        if xml_code.is_some() || xml_message.is_some() {
            return ParsedError {
                message: xml_message.map_or_else(|| status_text(status), |m| truncate(&m, 300)),
                code: xml_code.map(|c| truncate(&c, 100)),
                retry_after: None,
                topup_url: None,
            };
        }
        let title = element_text(&text, "title")
            .map(|t| sanitize_line(&t))
            .filter(|t| !t.is_empty());
        let message = match title {
            Some(t) => format!("{}: {}", status_text(status), truncate(&t, 200)),
            None => status_text(status),
        };
        return ParsedError {
            code: None,
            message,
            retry_after: None,
            topup_url: None,
        };
    }
    let line = sanitize_line(&text);
    let message = if line.is_empty() {
        status_text(status)
    } else {
        truncate(&line, 300)
    };
    ParsedError {
        code: None,
        message,
        retry_after: None,
        topup_url: None,
    }
}

// The reason phrase ("Bad Gateway"): `ApiError`'s Display adds "(HTTP 502)",
// so the number is not repeated here unless there is no phrase for it.
fn status_text(status: u16) -> String {
    let reason = reason(status);
    if reason.is_empty() {
        format!("HTTP {status}")
    } else {
        reason.to_string()
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
    let mut retry_after = None;
    let mut topup_url = None;
    match value.get("error") {
        Some(Value::Object(err)) => {
            topup_url = err
                .get("topup_url")
                .and_then(Value::as_str)
                .map(sanitize_line)
                .filter(|u| u.starts_with("https://") && !u.contains(' '))
                .map(|u| truncate(&u, 200));
            code = err.get("code").and_then(text);
            message = err.get("message").and_then(text);
            retry_after = err
                .get("retry_after")
                .and_then(|v| v.as_f64().or_else(|| v.as_str()?.trim().parse().ok()))
                .filter(|s| s.is_finite() && *s >= 0.0)
                .map(|s| Duration::from_secs_f64(s.min(86_400.0)));
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
    // FastAPI's HTTPException may carry an object: {"detail": {"code", "message"}}.
    if let Some(Value::Object(detail)) = value.get("detail") {
        if code.is_none() {
            code = detail.get("code").and_then(text);
        }
        if message.is_none() {
            message = detail
                .get("message")
                .or_else(|| detail.get("msg"))
                .and_then(text);
        }
    }
    if message.is_none() {
        message = match value {
            // A bare JSON string: "Internal Server Error".
            Value::String(s) => Some(s.clone()),
            _ => value
                .get("detail")
                .and_then(detail_text)
                .or_else(|| value.get("message").and_then(text)),
        };
    }
    let message = message
        .map(|m| truncate(&sanitize_line(&m), 300))
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| status_text(status));
    ParsedError {
        code: code
            .map(|c| truncate(&sanitize_line(&c), 100))
            .filter(|c| !c.is_empty()),
        message,
        retry_after,
        topup_url,
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

// The text of the first `<name>` element (case-insensitive, no nesting), with
// the commonest entities decoded. Enough for a `<title>` or an S3 `<Code>`.
fn element_text(text: &str, name: &str) -> Option<String> {
    // ASCII lowercasing keeps byte offsets, so indices carry over to `text`.
    let lower = text.to_ascii_lowercase();
    let open = format!("<{name}");
    let mut from = 0;
    let start = loop {
        let at = lower[from..].find(&open)? + from;
        // `<title>` or `<title lang=…>`, not `<titlebar>`.
        match lower.as_bytes().get(at + open.len()) {
            Some(b'>' | b' ' | b'\t' | b'\n' | b'\r') => break at,
            _ => from = at + open.len(),
        }
    };
    let open_end = lower[start..].find('>')? + start + 1;
    let close = lower[open_end..].find(&format!("</{name}"))? + open_end;
    let inner = text.get(open_end..close)?;
    let decoded = inner
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    Some(decoded.trim().to_string())
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
        let p = parse_error_body(
            401,
            None,
            br#"{"error":"Invalid API secret","code":"UNAUTHORIZED"}"#,
        );
        assert_eq!(
            (p.code.as_deref(), p.message.as_str()),
            (Some("UNAUTHORIZED"), "Invalid API secret")
        );
        let p = parse_error_body(404, None, br#"{"detail":"Not Found"}"#);
        assert_eq!((p.code, p.message.as_str()), (None, "Not Found"));
        let p = parse_error_body(
            422,
            None,
            br#"{"detail":[{"loc":["body"],"msg":"field required"}]}"#,
        );
        assert_eq!(p.message, "field required");
        let p = parse_error_body(500, Some("text/plain"), b"upstream broke\n");
        assert_eq!(p.message, "upstream broke");
        let p = parse_error_body(500, None, b"");
        assert_eq!(p.message, "Internal Server Error");
    }

    #[test]
    fn html_page_shows_status_and_title_only() {
        let body = b"<!DOCTYPE html><html><head><title>502 Bad gateway | api.bithuman.ai | Cloudflare</title></head><body><script>x</script>lots</body></html>";
        let p = parse_error_body(502, Some("text/html; charset=UTF-8"), body);
        assert_eq!(
            p.message,
            "Bad Gateway: 502 Bad gateway | api.bithuman.ai | Cloudflare"
        );
        assert!(!p.message.contains("script"));
        let p = parse_error_body(403, None, b"<html>error code: 1010</html>");
        assert_eq!(p.message, "Forbidden");
        // JSON inside an HTML page is still a page.
        let p = parse_error_body(502, Some("text/html"), br#"{"error":"x"}"#);
        assert_eq!(p.message, "Bad Gateway");
        let p = parse_error_body(
            503,
            Some("TEXT/HTML"),
            b"<html><head><titlebar>no</titlebar><TITLE lang=en>Down &amp; out</TITLE></head></html>",
        );
        assert_eq!(p.message, "Service Unavailable: Down & out");
        let p = parse_error_body(
            403,
            None,
            b"<html><title>Blocked</title><code>error code: 1010</code></html>",
        );
        assert_eq!((p.code, p.message.as_str()), (None, "Forbidden: Blocked"));
        let p = parse_error_body(599, Some("text/html"), b"<html></html>");
        assert_eq!(p.message, "HTTP 599");
    }

    #[test]
    fn storage_xml_error() {
        let body = br#"<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message><RequestId>X</RequestId></Error>"#;
        let p = parse_error_body(403, Some("application/xml"), body);
        assert_eq!(p.code.as_deref(), Some("AccessDenied"));
        assert_eq!(p.message, "Request has expired");
    }

    #[test]
    fn other_json_shapes() {
        let p = parse_error_body(500, Some("application/json"), br#""Internal Server Error""#);
        assert_eq!(p.message, "Internal Server Error");
        let p = parse_error_body(
            403,
            None,
            br#"{"detail":{"code":"PLAN_REQUIRED","message":"Upgrade"}}"#,
        );
        assert_eq!(
            (p.code.as_deref(), p.message.as_str()),
            (Some("PLAN_REQUIRED"), "Upgrade")
        );
        let p = parse_error_body(
            429,
            None,
            br#"{"success":false,"error":{"code":"RATE_LIMITED","message":"slow","retry_after":7}}"#,
        );
        assert_eq!(p.retry_after, Some(Duration::from_secs(7)));
        let p = parse_error_body(500, None, b"[1,2]");
        assert_eq!(p.message, "Internal Server Error");
        let p = parse_error_body(500, None, b"null");
        assert_eq!(p.message, "Internal Server Error");
    }

    #[test]
    fn hostile_message_is_sanitized() {
        let p = parse_error_body(
            400,
            None,
            "{\"error\":{\"code\":\"X\\u001b[2J\",\"message\":\"bad\\u001b]0;pwn\\u0007 thing\"}}"
                .as_bytes(),
        );
        assert!(!p.message.contains('\x1b'));
        assert!(!p.code.unwrap_or_default().contains('\x1b'));
    }
}

#[cfg(test)]
mod bare_string_tests {
    use super::*;

    #[test]
    fn bare_json_string_is_the_message() {
        let p = parse_error_body(403, Some("application/json"), b"\"just a string\"");
        assert_eq!(p.message, "just a string");
    }
}
