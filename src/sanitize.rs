//! Making server text safe for a terminal: escape sequences and control
//! characters removed, long text shortened.

/// Longest server text shown in one message, in characters.
pub const MAX_SHOWN: usize = 500;

/// Removes ANSI/OSC escape sequences and every control character except
/// newline and tab, then truncates to [`MAX_SHOWN`] characters.
pub fn sanitize(text: &str) -> String {
    let stripped = strip_ansi_escapes::strip_str(text);
    let mut out: String = stripped
        .chars()
        // Unicode line and paragraph separators break lines on some terminals.
        .map(|c| {
            if matches!(c, '\u{2028}' | '\u{2029}') {
                '\n'
            } else {
                c
            }
        })
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .filter(|c| !is_bidi_control(*c))
        .collect();
    if out.chars().count() > MAX_SHOWN {
        out = out.chars().take(MAX_SHOWN).collect::<String>() + "…";
    }
    out
}

// Bidi overrides, embeddings, isolates and marks can make text display as
// something other than what it is.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Like [`sanitize`] but on one line (newlines and tabs become spaces).
pub fn sanitize_line(text: &str) -> String {
    sanitize(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Sanitizes every string inside a JSON value (keys included), for server
/// data printed in `--json` mode (and MCP results): escape sequences,
/// control characters other than newline and tab, and bidi controls are
/// removed; nothing is truncated.
pub fn sanitize_json(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s) if s.chars().any(is_unsafe_in_json) => {
            *s = strip_controls_keep_length(s);
        }
        Value::Array(items) => items.iter_mut().for_each(sanitize_json),
        Value::Object(map) => {
            map.values_mut().for_each(sanitize_json);
            // Keys are rarely hostile: only those that are get rebuilt.
            let bad: Vec<String> = map
                .keys()
                .filter(|k| k.chars().any(is_unsafe_in_json))
                .cloned()
                .collect();
            for k in bad {
                if let Some(v) = map.remove(&k) {
                    map.insert(strip_controls_keep_length(&k), v);
                }
            }
        }
        _ => {}
    }
}

// What a JSON string must not carry: control characters other than newline
// and tab (ESC starts every escape sequence), and bidi controls, which serde
// leaves unescaped so `jq -r` would hand them to the terminal.
fn is_unsafe_in_json(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

// In JSON output the text is escaped by serde anyway; we still drop the
// escape sequences and bidi controls so a `jq -r` of a field cannot drive
// or reorder the terminal, but we do not truncate data fields.
fn strip_controls_keep_length(s: &str) -> String {
    strip_ansi_escapes::strip_str(s)
        .chars()
        .filter(|c| !is_unsafe_in_json(*c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escapes_and_controls() {
        let hostile = "boom \x1b[31mred\x1b[0m \x1b]0;title\x07 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ bell\x07 nul\0 del\x7f";
        let clean = sanitize(hostile);
        assert!(!clean.contains('\x1b'));
        assert!(!clean.chars().any(|c| c.is_control() && c != '\n'));
        assert!(clean.contains("red"));
        assert!(clean.contains("link"));
    }

    #[test]
    fn removes_c1_controls_bidi_and_separators() {
        let clean = sanitize_line("a\u{9b}31mb \u{202E}evil\u{2066} c\u{2028}d\u{200F}");
        assert_eq!(clean, "a31mb evil c d");
        let clean = sanitize("unterminated \x1b]0;title");
        assert!(!clean.contains('\x1b'), "{clean:?}");
    }

    #[test]
    fn truncates_long_text() {
        let long = "a".repeat(5000);
        assert_eq!(sanitize(&long).chars().count(), MAX_SHOWN + 1);
    }

    #[test]
    fn json_strings_are_cleaned() {
        let mut v = serde_json::json!({"error_message": "x\x1b[2Jy", "n": [ "\x07" ]});
        sanitize_json(&mut v);
        assert_eq!(v["error_message"], "xy");
        assert_eq!(v["n"][0], "");
        let mut v = serde_json::json!({"name": "evil\u{202E}gpj.exe\u{2066}\u{200F}", "k\u{061C}ey": "line\none"});
        sanitize_json(&mut v);
        assert_eq!(
            v,
            serde_json::json!({"name": "evilgpj.exe", "key": "line\none"})
        );
    }
}
