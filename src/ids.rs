//! Agent and job ids in URL paths: one safe segment, percent-encoded.

use crate::error::{Error, Result};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Characters escaped in a path segment (RFC 3986 unreserved ones are kept).
pub const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Refuses ids that are not a single safe path segment.
pub fn validate_agent_id(id: &str) -> Result<()> {
    let bad = id.is_empty()
        || id.contains('/')
        || id.contains('\\')
        || id.contains("..")
        || id == "."
        || id.chars().any(|c| c.is_whitespace() || c.is_control());
    if bad {
        Err(Error::InvalidId(crate::sanitize::sanitize_line(id)))
    } else {
        Ok(())
    }
}

/// Validates and percent-encodes an agent id for a URL path.
pub fn encode_id(id: &str) -> Result<String> {
    validate_agent_id(id)?;
    Ok(utf8_percent_encode(id, PATH_SEGMENT).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(encode_id("A91XMB7113").ok().as_deref(), Some("A91XMB7113"));
        assert_eq!(encode_id("a?b#c%").ok().as_deref(), Some("a%3Fb%23c%25"));
        for bad in [
            "", "a/b", "..", "a..b", ".", "a b", "a\tb", "a\u{1b}b", "a\\b",
        ] {
            assert!(
                matches!(encode_id(bad), Err(Error::InvalidId(_))),
                "{bad:?}"
            );
        }
    }
}
