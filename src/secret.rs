//! The API secret as a type whose `Debug`/`Display` never print it.

use secrecy::{ExposeSecret, SecretString};

/// The bitHuman API secret. Only [`ApiSecret::expose`] reveals it, and the
/// only caller is the HTTP layer setting the `api-secret` header.
#[derive(Clone)]
pub struct ApiSecret(SecretString);

impl ApiSecret {
    /// Wraps a secret (surrounding whitespace removed: it usually comes from a
    /// file or a pipe with a trailing newline).
    pub fn new(secret: String) -> Self {
        Self(SecretString::from(secret.trim().to_string()))
    }

    /// The secret itself, for the request header only.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// True when the secret is empty (after trimming).
    pub fn is_empty(&self) -> bool {
        self.expose().is_empty()
    }

    /// A masked form safe to show: `sk_…abcd` (prefix up to the first `_`,
    /// then the last four characters). Short secrets show nothing of themselves.
    pub fn masked(&self) -> String {
        let s = self.expose();
        let chars: Vec<char> = s.chars().collect();
        if chars.len() < 8 {
            return "…****".to_string();
        }
        let prefix: String = match s.find('_') {
            Some(i) if i <= 4 => s[..=i].to_string(),
            _ => String::new(),
        };
        let last4: String = chars[chars.len() - 4..].iter().collect();
        format!("{prefix}…{last4}")
    }

    /// Replaces every occurrence of the secret (8 characters or more) in
    /// `text` with `***`, as a server might echo it back: in any case;
    /// percent-encoded or JSON-escaped in any form (any set of characters
    /// escaped, either case of hex), found by decoding the escapes rather
    /// than by listing encodings; split across lines or JSON fields (see
    /// [`MAX_GAP`]); and base64-encoded (standard or URL-safe, at any
    /// alignment inside a longer base64 run).
    pub fn redact(&self, text: &str) -> String {
        let s = self.expose();
        // Real secrets are long; replacing a 1–7 character "secret" (a test
        // value like `x`) would mangle every message that contains it.
        if s.chars().count() < 8 {
            return text.to_string();
        }
        let mut ranges = Vec::new();
        // The literal view too: a secret that itself holds `%41` or `\n`
        // must match where it is echoed as it is. Text without escapes (most
        // of it) needs no decoded copy.
        let mut views = vec![View::literal(text)];
        if text.contains(['%', '\\']) {
            views.push(View::decoded(text));
        }
        for view in views {
            view.find(s.as_bytes(), &mut ranges);
            view.find_cut(text, s.as_bytes(), &mut ranges);
        }
        let mut out = replace_ranges(text, ranges);
        for form in base64_forms(s.as_bytes()) {
            out = out.replace(&form, "***");
        }
        out
    }
}

/// Between two characters of the secret, a match skips at most this many
/// separator characters (`is_gap`): enough for a line break and its
/// indentation, or the `", "` between two JSON strings, so a secret split
/// across lines or fields is still found. The whole secret, in order, must
/// be there; a letter or digit between two pieces ends the match.
pub const MAX_GAP: usize = 64;

// Separators a split secret may have between its pieces: whitespace,
// quotes, commas, colons, brackets and braces, backslashes. Never a letter
// or digit, so ordinary words between two halves break the match.
fn is_gap(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t'
            | b'\n'
            | b'\r'
            | 0x0b
            | 0x0c
            | b'"'
            | b'\''
            | b','
            | b':'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'\\'
    )
}

/// Text as bytes, each remembering the range of the original text it came
/// from, so a match in the decoded view redacts the escapes it was made of.
struct View<'a> {
    bytes: std::borrow::Cow<'a, [u8]>,
    /// Per byte, its range in the original; `None`: the text itself.
    from: Option<Vec<(usize, usize)>>,
}

impl<'a> View<'a> {
    fn literal(text: &'a str) -> Self {
        Self {
            bytes: std::borrow::Cow::Borrowed(text.as_bytes()),
            from: None,
        }
    }

    // `%XX` and JSON string escapes (`\u0073`, `\/`, `\n`, …) decoded.
    fn decoded(text: &str) -> Self {
        let raw = text.as_bytes();
        let mut bytes = Vec::with_capacity(raw.len());
        let mut from = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            match decode_at(raw, i) {
                Some((decoded, used)) => {
                    for b in decoded {
                        bytes.push(b);
                        from.push((i, i + used));
                    }
                    i += used;
                }
                None => {
                    bytes.push(raw[i]);
                    from.push((i, i + 1));
                    i += 1;
                }
            }
        }
        Self {
            bytes: std::borrow::Cow::Owned(bytes),
            from: Some(from),
        }
    }

    // The range of the original text that byte `i` came from.
    fn span(&self, i: usize) -> (usize, usize) {
        match &self.from {
            Some(from) => from[i],
            None => (i, i + 1),
        }
    }

    // Adds the original byte ranges of every match of `secret`.
    fn find(&self, secret: &[u8], ranges: &mut Vec<(usize, usize)>) {
        let Some(&first) = secret.first() else { return };
        let mut i = 0;
        while i < self.bytes.len() {
            if self.bytes[i].eq_ignore_ascii_case(&first)
                && let Some(end) = match_at(&self.bytes, i, secret)
            {
                ranges.push((self.span(i).0, self.span(end - 1).1));
                i = end;
            } else {
                i += 1;
            }
        }
    }
}

/// The shortest start of the secret redacted where text was shortened
/// with `…` (as [`crate::sanitize::sanitize`] does past 500 characters)
/// right after it: a cut must not show the first half of the secret.
const MIN_CUT_PIECE: usize = 6;

impl View<'_> {
    // Adds the ranges of every start of `secret` (MIN_CUT_PIECE characters
    // or more) that a `…` cuts short.
    fn find_cut(&self, text: &str, secret: &[u8], ranges: &mut Vec<(usize, usize)>) {
        if !text.contains('…') {
            return;
        }
        let longest = secret.len().saturating_mul(MAX_GAP + 1);
        for end in 1..self.bytes.len() {
            let at = self.span(end).0;
            if self.span(end - 1).0 == at || !text.as_bytes()[at..].starts_with("…".as_bytes()) {
                continue;
            }
            let hay = &self.bytes[..end];
            let cut = (end.saturating_sub(longest)..end)
                .find(|&start| match_prefix(hay, start, secret) >= MIN_CUT_PIECE);
            if let Some(start) = cut {
                ranges.push((self.span(start).0, self.span(end - 1).1));
            }
        }
    }
}

// How many characters of `secret` match from `start` to the very end of
// `hay` (as in `match_at`); 0 when they do not reach it exactly.
fn match_prefix(hay: &[u8], start: usize, secret: &[u8]) -> usize {
    let mut p = start;
    for (j, want) in secret.iter().enumerate() {
        let mut gap = 0;
        loop {
            let Some(&got) = hay.get(p) else {
                return if gap == 0 { j } else { 0 };
            };
            p += 1;
            if got.eq_ignore_ascii_case(want) {
                break;
            }
            if j == 0 || !is_gap(got) || gap == MAX_GAP {
                return 0;
            }
            gap += 1;
        }
    }
    0
}

// The end of a match of `secret` starting at `start` (ASCII case ignored,
// up to MAX_GAP separators between two of its characters).
fn match_at(hay: &[u8], start: usize, secret: &[u8]) -> Option<usize> {
    let mut p = start;
    for (j, want) in secret.iter().enumerate() {
        let mut gap = 0;
        loop {
            let got = *hay.get(p)?;
            p += 1;
            if got.eq_ignore_ascii_case(want) {
                break;
            }
            if j == 0 || !is_gap(got) || gap == MAX_GAP {
                return None;
            }
            gap += 1;
        }
    }
    Some(p)
}

// The escape at `raw[i]`, decoded: its bytes and how many bytes it spans.
fn decode_at(raw: &[u8], i: usize) -> Option<(Vec<u8>, usize)> {
    let hex = |at: usize, n: usize| -> Option<u32> {
        let digits = raw.get(at..at + n)?;
        if !digits.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
    };
    match (raw[i], raw.get(i + 1)) {
        (b'%', _) => Some((vec![u8::try_from(hex(i + 1, 2)?).ok()?], 3)),
        (b'\\', Some(b'u')) => {
            let unit = hex(i + 2, 4)?;
            let (code, used) = if (0xD800..0xDC00).contains(&unit) {
                // A surrogate pair: `\ud83d\ude00`.
                if raw.get(i + 6..i + 8) != Some(b"\\u") {
                    return None;
                }
                let low = hex(i + 8, 4).filter(|l| (0xDC00..0xE000).contains(l))?;
                (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), 12)
            } else {
                (unit, 6)
            };
            let c = char::from_u32(code)?;
            Some((c.to_string().into_bytes(), used))
        }
        (b'\\', Some(&e)) => {
            let b = match e {
                b'"' | b'\\' | b'/' => e,
                b'n' => b'\n',
                b't' => b'\t',
                b'r' => b'\r',
                b'b' => 0x08,
                b'f' => 0x0c,
                _ => return None,
            };
            Some((vec![b], 2))
        }
        _ => None,
    }
}

// `text` with every range (merged where they overlap) replaced by `***`.
fn replace_ranges(text: &str, mut ranges: Vec<(usize, usize)>) -> String {
    ranges.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (mut start, mut end) in ranges {
        // Matches start and end on whole characters of the secret; widen
        // anyway, so a cut can never split a character of the text.
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while !text.is_char_boundary(end) {
            end += 1;
        }
        if end <= copied {
            continue;
        }
        if start >= copied {
            out.push_str(&text[copied..start]);
            out.push_str("***");
        }
        copied = end;
    }
    out.push_str(&text[copied..]);
    out
}

/// The parts of the base64 encodings of `secret` that stay the same
/// whatever bytes surround it: for each of the three alignments, standard
/// and URL-safe alphabets.
fn base64_forms(secret: &[u8]) -> Vec<String> {
    use base64::Engine;
    use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
    let mut forms = Vec::new();
    for shift in 0..3usize {
        let mut bytes = vec![0u8; shift];
        bytes.extend_from_slice(secret);
        for engine in [&STANDARD_NO_PAD, &URL_SAFE_NO_PAD] {
            let full = engine.encode(&bytes);
            // Characters touched by the padding bytes before, or by whatever
            // follows the secret, are left out.
            let start = if shift == 0 {
                0
            } else {
                (shift * 4).div_ceil(3)
            };
            let stable_end = (bytes.len() / 3) * 4;
            if stable_end > start + 8 {
                let form = full[start..stable_end].to_string();
                if !forms.contains(&form) {
                    forms.push(form);
                }
            }
        }
    }
    forms
}

impl std::fmt::Debug for ApiSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiSecret(***)")
    }
}

/// Replaces every `whsec_…` secret in `text` with `whsec_***`: the `-vv`
/// log of a create answer must not show the secret.
pub(crate) fn redact_webhook_secrets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("whsec_") {
        let (before, from) = rest.split_at(at + "whsec_".len());
        out.push_str(before);
        out.push_str("***");
        let end = from
            .find(|c: char| !(c.is_ascii_alphanumeric() || "_-+/=".contains(c)))
            .unwrap_or(from.len());
        rest = &from[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_mask_never_show_the_secret() {
        let s = ApiSecret::new("sk_live_abcdefghijklmnop1234\n".into());
        assert_eq!(format!("{s:?}"), "ApiSecret(***)");
        assert_eq!(s.masked(), "sk_…1234");
        assert_eq!(s.expose(), "sk_live_abcdefghijklmnop1234");
        assert_eq!(s.redact("x sk_live_abcdefghijklmnop1234 y"), "x *** y");
        assert_eq!(ApiSecret::new("short".into()).masked(), "…****");
        assert_eq!(ApiSecret::new("x".into()).redact("example"), "example");
    }

    #[test]
    fn echoed_forms_of_the_secret_are_redacted() {
        use base64::Engine;
        use base64::engine::general_purpose::{STANDARD, URL_SAFE};
        let raw = "sk_live_Ab+c/d=EfGh1234";
        let s = ApiSecret::new(raw.into());
        let pct = percent_encoding::utf8_percent_encode(raw, percent_encoding::NON_ALPHANUMERIC)
            .to_string();
        for echo in [
            raw.to_string(),
            raw.to_uppercase(),
            raw.to_lowercase(),
            pct.clone(),
            pct.to_lowercase(),
            STANDARD.encode(raw),
            URL_SAFE.encode(raw),
            STANDARD.encode(format!("user:{raw}")),
            STANDARD.encode(format!("ab{raw}xyz")),
        ] {
            let shown = s.redact(&format!("echo [{echo}] end"));
            assert!(shown.contains("***"), "{echo} -> {shown}");
            assert!(!shown.contains(&echo), "{echo} survived: {shown}");
        }
    }

    // Every byte of `s` as `%xx` (lower hex) or `%XX`.
    fn every_byte_escaped(s: &str, upper: bool) -> String {
        s.bytes()
            .map(|b| {
                if upper {
                    format!("%{b:02X}")
                } else {
                    format!("%{b:02x}")
                }
            })
            .collect()
    }

    #[test]
    fn any_percent_or_json_escaping_is_redacted() {
        let raw = "sk_live-Ab+c/d=EfGh1234";
        let s = ApiSecret::new(raw.into());
        let json_all: String = raw
            .chars()
            .map(|c| format!("\\u{:04x}", c as u32))
            .collect();
        for echo in [
            // `_` as it is, `-` escaped; and the reverse.
            "sk_live%2DAb+c/d=EfGh1234".to_string(),
            "sk%5flive-Ab%2Bc%2fd%3DEfGh1234".to_string(),
            every_byte_escaped(raw, false),
            every_byte_escaped(raw, true),
            every_byte_escaped(&raw.to_uppercase(), true),
            json_all,
            r"sk_live-Ab+c\/d=Ef\u0047h1234".to_string(),
        ] {
            let shown = s.redact(&format!("echo [{echo}] end"));
            assert_eq!(shown, "echo [***] end", "{echo}");
        }
    }

    #[test]
    fn a_secret_split_across_lines_or_fields_is_redacted() {
        let s = ApiSecret::new("sk_test_S3cr3tV4lue_9f8e7d".into());
        for echo in [
            "sk_test_S3cr3t\nV4lue_9f8e7d",
            "sk_test_S3cr3t\r\n        V4lue_9f8e7d",
            r#"sk_test_S3cr3t","V4lue_9f8e7d"#,
            r#"sk_test_S3cr3t", "V4lue_"], ["9f8e7d"#,
            r"sk_test_S3cr3t\nV4lue_9f8e7d",
            "sk_test_S3cr3t%22%2C%0AV4lue_9f8e7d",
        ] {
            let shown = s.redact(&format!("{{\"a\":[\"{echo}\"]}}"));
            assert_eq!(shown, "{\"a\":[\"***\"]}", "{echo}");
        }
        // Ordinary text near the secret is left alone: words between the
        // halves, a piece only, a gap too long, stray escapes.
        for text in [
            "sk_test_S3cr3t is the prefix, V4lue_9f8e7d the rest",
            "key sk_test_S3cr3tV4lue_9f8e7 (one short)",
            "sk_test_S3cr3t and the rest",
            &format!("sk_test_S3cr3t{}V4lue_9f8e7d", " ".repeat(MAX_GAP + 1)),
            "100% sure: %zz %4 \\u12 \\q \\ud83d alone, 50%25 off",
            "Ünïcödé ✓ text with sk_ and test and 9f8e7d",
        ] {
            assert_eq!(s.redact(text), text);
        }
        // Text cut short with `…` in the middle of the secret.
        let long = format!("{} sk_test_S3cr3tV4lue_9f8e7d", "x".repeat(490));
        let cut = crate::sanitize::sanitize(&long);
        assert!(cut.ends_with(" sk_test_S…"), "{cut}");
        assert!(s.redact(&cut).ends_with(" ***…"), "{}", s.redact(&cut));
        assert_eq!(s.redact("sk_test_S3cr…"), "***…");
        assert_eq!(s.redact("sk_te…"), "sk_te…");
        assert_eq!(s.redact("the key sk_test_S3cr"), "the key sk_test_S3cr");
        // Escapes elsewhere in the text stay as they were.
        assert_eq!(
            s.redact("a%20b sk%5Ftest_S3cr3tV4lue_9f8e7d \\u00e9"),
            "a%20b *** \\u00e9"
        );
    }
}
