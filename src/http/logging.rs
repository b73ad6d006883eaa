//! What `-v`/`-vv` print: rate-limit headers, redacted headers, and
//! bodies with base64 payloads elided.

use super::*;

/// Runs of base64-looking text at least this long are elided from logs.
pub(crate) const BASE64_RUN: usize = 100;

// `-v` shows the rate-limit budget and request id when the server sends them.
pub(crate) fn rate_limit_note(headers: &HeaderMap) -> String {
    let parts: Vec<String> = [
        ("x-ratelimit-remaining", "remaining"),
        ("x-ratelimit-limit", "limit"),
        ("x-ratelimit-reset", "reset"),
        ("x-request-id", "request-id"),
    ]
    .iter()
    .filter_map(|(name, label)| {
        let value = headers.get(*name)?.to_str().ok()?;
        let value = crate::sanitize::sanitize_line(value);
        (!value.is_empty()).then(|| format!("{label} {value}"))
    })
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" [{}]", parts.join(", "))
    }
}

pub(crate) fn is_sensitive_header(name: &str) -> bool {
    matches!(
        name,
        "api-secret" | "authorization" | "proxy-authorization" | "cookie" | "set-cookie"
    )
}

// `-vv` shows JSON bodies (sanitized, base64 elided); anything else only by
// size and type, so a CDN page or a file never floods the terminal.
pub(crate) fn describe_answer_body(answer: &Answer) -> String {
    if answer.body.is_empty() {
        return "<empty>".to_string();
    }
    if serde_json::from_slice::<serde_json::Value>(&answer.body).is_ok() {
        // A webhook's signing secret is in its create answer: never logged.
        let text = crate::secret::redact_webhook_secrets(&String::from_utf8_lossy(&answer.body));
        return crate::sanitize::sanitize_line(&elide_base64(&text));
    }
    let kind = answer
        .header("content-type")
        .map(crate::sanitize::sanitize_line)
        .unwrap_or_else(|| "no content type".to_string());
    format!("<{} bytes, {kind}, not JSON>", answer.body.len())
}

/// Replaces every long run of base64-looking text with `<base64: N chars>`,
/// so logs of bodies carrying files stay short and do not leak the files.
pub fn elide_base64(text: &str) -> String {
    let is_b64 = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_');
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len().min(4096));
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if is_b64(bytes[i]) {
            let start = i;
            while i < bytes.len() && is_b64(bytes[i]) {
                i += 1;
            }
            if i - start >= BASE64_RUN {
                // Runs are ASCII, so these are char boundaries.
                out.push_str(&text[copied..start]);
                out.push_str(&format!("<base64: {} chars>", i - start));
                copied = i;
            }
        } else {
            i += 1;
        }
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_runs_are_elided() {
        let payload = "QUJD".repeat(100);
        let body = format!(r#"{{"model":"essence-1","image":"{payload}","prompt":"hi"}}"#);
        let shown = elide_base64(&body);
        assert_eq!(
            shown,
            r#"{"model":"essence-1","image":"<base64: 400 chars>","prompt":"hi"}"#
        );
        let uri = format!("data:image/png;base64,{payload}");
        assert_eq!(
            elide_base64(&uri),
            "data:image/png;base64,<base64: 400 chars>"
        );
        let short = r#"{"agent_id":"A91XMB7113","url":"https://x/y.imx?sig=abc"}"#;
        assert_eq!(elide_base64(short), short);
        assert_eq!(elide_base64("héllo ✓"), "héllo ✓");
    }

    #[test]
    fn rate_limit_headers_are_noted() {
        let mut headers = HeaderMap::new();
        assert_eq!(rate_limit_note(&headers), "");
        headers.insert("x-ratelimit-remaining", HeaderValue::from_static("3"));
        headers.insert("x-ratelimit-reset", HeaderValue::from_static("1767225600"));
        assert_eq!(
            rate_limit_note(&headers),
            " [remaining 3, reset 1767225600]"
        );
    }
}
