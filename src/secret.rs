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
    /// `text` with `***`: as it is, in another case, percent-encoded, and
    /// base64-encoded (standard or URL-safe, at any alignment inside a
    /// longer base64 run), as a server might echo it back.
    pub fn redact(&self, text: &str) -> String {
        let s = self.expose();
        // Real secrets are long; replacing a 1–7 character "secret" (a test
        // value like `x`) would mangle every message that contains it.
        if s.chars().count() < 8 {
            return text.to_string();
        }
        let mut out = replace_ascii_case_insensitive(text, s);
        let encoded = percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC)
            .to_string();
        if encoded != s {
            out = replace_ascii_case_insensitive(&out, &encoded);
        }
        for form in base64_forms(s.as_bytes()) {
            out = out.replace(&form, "***");
        }
        out
    }
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

// ASCII case-insensitive replacement of every `needle` by `***`.
fn replace_ascii_case_insensitive(text: &str, needle: &str) -> String {
    let lower_text = text.to_ascii_lowercase();
    let lower_needle = needle.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (i, _) in lower_text.match_indices(&lower_needle) {
        // to_ascii_lowercase keeps byte offsets, so `i` is a boundary of `text` too.
        if i < last {
            continue;
        }
        out.push_str(&text[last..i]);
        out.push_str("***");
        last = i + needle.len();
    }
    out.push_str(&text[last..]);
    out
}

impl std::fmt::Debug for ApiSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiSecret(***)")
    }
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
}
