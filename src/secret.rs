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

    /// Replaces every occurrence of the secret (8 characters or more) in `text` with `***`.
    pub fn redact(&self, text: &str) -> String {
        let s = self.expose();
        // Real secrets are long; replacing a 1–7 character "secret" (a test
        // value like `x`) would mangle every message that contains it.
        if s.chars().count() < 8 {
            text.to_string()
        } else {
            text.replace(s, "***")
        }
    }
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
}
