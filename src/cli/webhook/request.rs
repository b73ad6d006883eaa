//! Reading one delivery for `webhook verify`: a raw body, or a whole raw
//! HTTP request (headers found case-insensitively, the body after the blank
//! line, `Content-Length` honoured). Every read is bounded.

use super::super::exit::{CliError, Kind};
use super::super::text::shown;
use std::io::Read;
use std::path::Path;

/// The largest delivery body read (the API's bodies are small JSON).
pub const MAX_BODY: usize = 1024 * 1024;
/// The largest header block read.
const MAX_HEAD: usize = 64 * 1024;

/// One delivery to check.
#[derive(Debug, PartialEq)]
pub struct Delivery {
    pub timestamp: Option<String>,
    pub signature: Option<String>,
    pub delivery_id: Option<String>,
    pub body: Vec<u8>,
}

/// Why a raw request could not be read.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum RequestError {
    #[error("there is no blank line after the headers")]
    NoBlankLine,
    #[error("the headers are longer than 64 KiB")]
    HeadersTooLong,
    #[error("the body is larger than 1 MiB")]
    TooLarge,
    #[error("Content-Length {0:?} is not a number")]
    BadLength(String),
    #[error("Content-Length says {expected} bytes but the body has {got}")]
    Truncated { expected: usize, got: usize },
    #[error("the body is chunked; save the body alone and give --timestamp and --signature")]
    Chunked,
    #[error("the {0} header appears twice")]
    Repeated(&'static str),
}

fn bad_input(e: &RequestError) -> CliError {
    CliError::new(Kind::BadInput, format!("cannot read the delivery: {e}"))
}

/// Reads at most `cap` bytes, and says whether there was more.
fn read_capped(reader: &mut impl Read, cap: usize) -> std::io::Result<(Vec<u8>, bool)> {
    let mut buf = Vec::new();
    reader.take(cap as u64 + 1).read_to_end(&mut buf)?;
    let over = buf.len() > cap;
    buf.truncate(cap);
    Ok((buf, over))
}

/// A raw body from `reader` (stdin): over 1 MiB is bad input (65).
pub fn read_body(reader: &mut impl Read) -> Result<Vec<u8>, CliError> {
    let (body, over) = read_capped(reader, MAX_BODY)
        .map_err(|e| CliError::io(format!("cannot read the body from stdin: {e}")))?;
    if over {
        return Err(bad_input(&RequestError::TooLarge));
    }
    Ok(body)
}

/// A whole raw request from a file, or stdin for `-`.
pub fn read_request(path: &Path) -> Result<Delivery, CliError> {
    let cap = MAX_HEAD + MAX_BODY;
    let read = if path.as_os_str() == "-" {
        read_capped(&mut std::io::stdin().lock(), cap)
    } else {
        std::fs::File::open(path).and_then(|mut f| read_capped(&mut f, cap))
    };
    let (raw, over) = read.map_err(|e| {
        let kind = if e.kind() == std::io::ErrorKind::NotFound {
            Kind::NotFoundLocal
        } else {
            Kind::Io
        };
        CliError::new(
            kind,
            format!("cannot read {}: {e}", shown(&path.display().to_string())),
        )
    })?;
    // A request with at most 64 KiB of headers and a body of at most 1 MiB
    // fits the cap; one past it was cut off somewhere.
    if over {
        return Err(bad_input(&RequestError::TooLarge));
    }
    parse_request(&raw).map_err(|e| bad_input(&e))
}

/// Splits a raw request into the signature headers and the body.
pub fn parse_request(raw: &[u8]) -> Result<Delivery, RequestError> {
    let (head, body) = split_head(raw)?;
    let head = String::from_utf8_lossy(head);
    let mut fields: [(&'static str, Option<String>); 5] = [
        ("X-BitHuman-Timestamp", None),
        ("X-BitHuman-Signature", None),
        ("X-BitHuman-Delivery", None),
        ("Content-Length", None),
        ("Transfer-Encoding", None),
    ];
    for (i, line) in head.lines().enumerate() {
        // The request line (`POST /hook HTTP/1.1`) is optional.
        if i == 0 && line.contains("HTTP/") {
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        if let Some(field) = fields
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name.trim()))
        {
            if field.1.is_some() {
                return Err(RequestError::Repeated(field.0));
            }
            field.1 = Some(value.trim().to_string());
        }
    }
    let [timestamp, signature, delivery_id, length, encoding] = fields.map(|(_, v)| v);
    if encoding.is_some_and(|e| e.to_ascii_lowercase().contains("chunked")) {
        return Err(RequestError::Chunked);
    }
    let body = match length {
        Some(text) => {
            let expected: usize = text.parse().map_err(|_| RequestError::BadLength(text))?;
            if expected > MAX_BODY {
                return Err(RequestError::TooLarge);
            }
            // Bytes after the announced length (a trailing newline an editor
            // added) are not part of the body.
            body.get(..expected).ok_or(RequestError::Truncated {
                expected,
                got: body.len(),
            })?
        }
        None if body.len() > MAX_BODY => return Err(RequestError::TooLarge),
        None => body,
    };
    Ok(Delivery {
        timestamp,
        signature,
        delivery_id,
        body: body.to_vec(),
    })
}

// Head and body around the first blank line (CRLF or bare LF).
fn split_head(raw: &[u8]) -> Result<(&[u8], &[u8]), RequestError> {
    let crlf = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, 4));
    let lf = raw.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2));
    let (at, len) = match (crlf, lf) {
        (Some(a), Some(b)) => {
            if a.0 <= b.0 {
                a
            } else {
                b
            }
        }
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) if raw.len() > MAX_HEAD => return Err(RequestError::HeadersTooLong),
        (None, None) => return Err(RequestError::NoBlankLine),
    };
    if at > MAX_HEAD {
        return Err(RequestError::HeadersTooLong);
    }
    Ok((&raw[..at], &raw[at + len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_split_and_headers_found_in_any_case() {
        let raw = b"POST /hook HTTP/1.1\r\nHost: x\r\nx-bithuman-timestamp: 17\r\nX-BITHUMAN-SIGNATURE:  sha256=ab \r\nX-BitHuman-Delivery: evt_1\r\nContent-Length: 4\r\n\r\n{}\r\n\n";
        let d = parse_request(raw).expect("parses");
        assert_eq!(d.timestamp.as_deref(), Some("17"));
        assert_eq!(d.signature.as_deref(), Some("sha256=ab"));
        assert_eq!(d.delivery_id.as_deref(), Some("evt_1"));
        assert_eq!(d.body, b"{}\r\n");
        // No Content-Length: the rest is the body, as it is; bare LFs work.
        let d = parse_request(b"X-BitHuman-Timestamp: 1\n\nabc\n").expect("parses");
        assert_eq!(
            (d.timestamp.as_deref(), d.body.as_slice()),
            (Some("1"), &b"abc\n"[..])
        );
    }

    #[test]
    fn broken_requests_are_refused() {
        let cases: [(&[u8], RequestError); 5] = [
            (b"X-BitHuman-Timestamp: 1\r\n", RequestError::NoBlankLine),
            (
                b"Content-Length: 9\r\n\r\nabc",
                RequestError::Truncated {
                    expected: 9,
                    got: 3,
                },
            ),
            (
                b"Content-Length: lots\r\n\r\nabc",
                RequestError::BadLength("lots".into()),
            ),
            (
                b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
                RequestError::Chunked,
            ),
            (
                b"X-BitHuman-Signature: a\r\nx-bithuman-signature: b\r\n\r\n",
                RequestError::Repeated("X-BitHuman-Signature"),
            ),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_request(raw), Err(want));
        }
        let big = format!("Content-Length: {}\r\n\r\n", MAX_BODY + 1);
        assert_eq!(parse_request(big.as_bytes()), Err(RequestError::TooLarge));
        let mut huge = vec![b'a'; MAX_HEAD + 1];
        huge.extend_from_slice(b"\r\n\r\n");
        assert_eq!(parse_request(&huge), Err(RequestError::HeadersTooLong));
    }

    #[test]
    fn bodies_are_capped() {
        let mut at_cap = std::io::Cursor::new(vec![b'x'; MAX_BODY]);
        assert_eq!(read_body(&mut at_cap).map(|b| b.len()).ok(), Some(MAX_BODY));
        let mut over = std::io::Cursor::new(vec![b'x'; MAX_BODY + 1]);
        assert_eq!(read_body(&mut over).err().map(|e| e.exit_code()), Some(65));
    }
}
