//! stdin/stdout for the MCP server, in front of rmcp (SPEC §20): every
//! request gets an answer. rmcp's own stdio transport silently drops a line
//! that is not JSON or is too long, leaving the client waiting forever; here
//! each line is read with a length cap (the rest of an oversize line is
//! skipped without being kept, and it is answered with −32600, under its id
//! when the id came before the cap), a line that is not JSON is answered
//! with −32700 and one that is not a JSON-RPC message with −32600, and
//! everything else goes on to rmcp. Every message out passes through [`sanitize_json`] — the one place
//! where server text in results, errors and progress loses control and bidi
//! characters.

use bithuman::ApiSecret;
use bithuman::sanitize::sanitize_json;
use rmcp::RoleServer;
use rmcp::service::{RxJsonRpcMessage, TxJsonRpcMessage};
use rmcp::transport::Transport;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::{Value, json};
use std::sync::Arc;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::{Mutex, mpsc};

/// The longest request line read, in bytes.
pub const MAX_LINE: usize = 4 * 1024 * 1024;

/// JSON-RPC's "Parse error".
const PARSE_ERROR: i64 = -32700;
/// JSON-RPC's "Invalid Request".
const INVALID_REQUEST: i64 = -32600;

/// The transport: messages from the reader task in, sanitized lines out.
pub struct Stdio<W> {
    incoming: mpsc::Receiver<RxJsonRpcMessage<RoleServer>>,
    out: Arc<Mutex<W>>,
    // Redacted from every string of every message sent: a server's error
    // text that echoes the secret reaches the MCP client as `***`, as it
    // reaches the terminal in the CLI.
    secret: Option<Arc<ApiSecret>>,
}

/// The transport over the process's stdin and stdout.
pub fn stdio(secret: Option<ApiSecret>) -> Stdio<tokio::io::Stdout> {
    over(tokio::io::stdin(), tokio::io::stdout(), secret)
}

/// The transport over any reader and writer; the reader runs as its own task.
pub fn over<R, W>(input: R, output: W, secret: Option<ApiSecret>) -> Stdio<W>
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let out = Arc::new(Mutex::new(output));
    let (tx, incoming) = mpsc::channel(16);
    tokio::spawn(read_requests(input, tx, out.clone()));
    Stdio {
        incoming,
        out,
        secret: secret.map(Arc::new),
    }
}

/// Replaces the secret in every string of `value` (keys included).
fn redact_json(value: &mut Value, secret: &ApiSecret) {
    match value {
        Value::String(s) => *s = secret.redact(s),
        Value::Array(items) => items.iter_mut().for_each(|v| redact_json(v, secret)),
        Value::Object(map) => {
            let entries = std::mem::take(map);
            for (key, mut v) in entries {
                redact_json(&mut v, secret);
                map.insert(secret.redact(&key), v);
            }
        }
        _ => {}
    }
}

/// Writes one message as one line; the lock keeps lines whole when answers
/// and the reader's error replies are written at the same time.
async fn write_line<W: AsyncWrite + Unpin>(
    out: &Mutex<W>,
    mut message: Value,
    secret: Option<&ApiSecret>,
) -> std::io::Result<()> {
    if let Some(secret) = secret {
        redact_json(&mut message, secret);
    }
    sanitize_json(&mut message);
    let mut line = serde_json::to_vec(&message).map_err(std::io::Error::other)?;
    line.push(b'\n');
    let mut out = out.lock().await;
    out.write_all(&line).await?;
    out.flush().await
}

impl<W: AsyncWrite + Unpin + Send + 'static> Transport<RoleServer> for Stdio<W> {
    type Error = std::io::Error;

    fn send(
        &mut self,
        item: TxJsonRpcMessage<RoleServer>,
    ) -> impl Future<Output = Result<(), Self::Error>> + Send + 'static {
        let out = self.out.clone();
        let secret = self.secret.clone();
        async move {
            let message = serde_json::to_value(&item).map_err(std::io::Error::other)?;
            write_line(&out, message, secret.as_deref()).await
        }
    }

    fn receive(&mut self) -> impl Future<Output = Option<RxJsonRpcMessage<RoleServer>>> + Send {
        self.incoming.recv()
    }

    async fn close(&mut self) -> Result<(), Self::Error> {
        self.incoming.close();
        Ok(())
    }
}

/// One line read with [`read_line`].
#[derive(Debug, PartialEq)]
enum Line {
    /// A whole line (without its newline) is in the buffer.
    Whole,
    /// The line passed the cap; the buffer holds its first bytes, the rest
    /// was skipped up to its newline.
    TooLong,
    /// End of input.
    End,
}

/// Reads one line into `buf` (cleared first), keeping at most `cap` bytes:
/// the rest of a longer line is read and dropped.
async fn read_line<R: AsyncRead + Unpin>(
    reader: &mut BufReader<R>,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<Line> {
    buf.clear();
    let mut too_long = false;
    loop {
        let available = reader.fill_buf().await?;
        if available.is_empty() {
            return Ok(match (too_long, buf.is_empty()) {
                (true, _) => Line::TooLong,
                (false, true) => Line::End,
                // A last line without its newline is still a line.
                (false, false) => Line::Whole,
            });
        }
        let newline = available.iter().position(|b| *b == b'\n');
        let take = newline.unwrap_or(available.len());
        if !too_long {
            let room = cap.saturating_sub(buf.len());
            buf.extend_from_slice(&available[..take.min(room)]);
            too_long = take > room;
        }
        reader.consume(newline.map_or(take, |n| n + 1));
        if newline.is_some() {
            return Ok(if too_long { Line::TooLong } else { Line::Whole });
        }
    }
}

/// What to do with one line.
enum Verdict {
    Pass(Box<RxJsonRpcMessage<RoleServer>>),
    Answer {
        id: Value,
        code: i64,
        message: String,
    },
    /// Blank, or a notification rmcp would not understand (notifications
    /// never get answers).
    Skip,
}

fn judge(line: &[u8]) -> Verdict {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return Verdict::Skip;
    }
    let value: Value = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(e) => {
            return Verdict::Answer {
                id: Value::Null,
                code: PARSE_ERROR,
                message: format!("Parse error: the request is not JSON ({e})"),
            };
        }
    };
    // Only a string or number id can be answered to.
    let id = value
        .get("id")
        .filter(|i| i.is_string() || i.is_number())
        .cloned();
    let is_notification = id.is_none() && value.get("method").is_some();
    match serde_json::from_value(value) {
        Ok(message) => Verdict::Pass(Box::new(message)),
        Err(_) if is_notification => Verdict::Skip,
        Err(e) => Verdict::Answer {
            id: id.unwrap_or(Value::Null),
            code: INVALID_REQUEST,
            message: format!("Invalid Request: not a JSON-RPC message this server takes ({e})"),
        },
    }
}

/// The id of a request cut at the cap, when it came before the cut (as in
/// `{"jsonrpc":"2.0","id":5,"method":…,"params":<huge>}`), so the client's
/// call ends with an error instead of waiting; else `null`.
fn id_before_cut(prefix: &[u8]) -> Value {
    struct Seek<'a>(&'a mut Option<Value>);
    impl<'de> DeserializeSeed<'de> for Seek<'_> {
        type Value = ();
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_map(self)
        }
    }
    impl<'de> Visitor<'de> for Seek<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON-RPC request")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                if key == "id" {
                    *self.0 = Some(map.next_value()?);
                    return Ok(());
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }
    }
    let mut id = None;
    // The cut makes the parse fail after the id; only the id matters.
    let _ = Seek(&mut id).deserialize(&mut serde_json::Deserializer::from_slice(prefix));
    id.filter(|i| i.is_string() || i.is_number())
        .unwrap_or(Value::Null)
}

/// The reader task: judges each line; answers the bad ones itself and passes
/// the rest to rmcp. Ends at the end of input, or when either side is gone.
async fn read_requests<R, W>(
    input: R,
    tx: mpsc::Sender<RxJsonRpcMessage<RoleServer>>,
    out: Arc<Mutex<W>>,
) where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = BufReader::with_capacity(64 * 1024, input);
    let mut buf = Vec::new();
    loop {
        let verdict = match read_line(&mut reader, &mut buf, MAX_LINE).await {
            Ok(Line::End) | Err(_) => return,
            Ok(Line::TooLong) => Verdict::Answer {
                id: id_before_cut(&buf),
                code: INVALID_REQUEST,
                message: format!(
                    "Invalid Request: the request is over {} MiB; it was skipped",
                    MAX_LINE / (1024 * 1024)
                ),
            },
            Ok(Line::Whole) => judge(&buf),
        };
        match verdict {
            Verdict::Pass(message) => {
                if tx.send(*message).await.is_err() {
                    return;
                }
            }
            Verdict::Answer { id, code, message } => {
                let answer = json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
                if write_line(&out, answer, None).await.is_err() {
                    return;
                }
            }
            Verdict::Skip => {}
        }
        // A big line's buffer is not kept between requests.
        buf.shrink_to(64 * 1024);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn lines_are_capped_and_the_next_one_is_read() {
        let input: &[u8] = b"abc\n0123456789\nlast";
        let mut reader = BufReader::with_capacity(4, input);
        let mut buf = Vec::new();
        assert_eq!(
            read_line(&mut reader, &mut buf, 5).await.ok(),
            Some(Line::Whole)
        );
        assert_eq!(buf, b"abc");
        assert_eq!(
            read_line(&mut reader, &mut buf, 5).await.ok(),
            Some(Line::TooLong)
        );
        assert_eq!(buf, b"01234");
        assert_eq!(
            read_line(&mut reader, &mut buf, 5).await.ok(),
            Some(Line::Whole)
        );
        assert_eq!(buf, b"last");
        assert_eq!(
            read_line(&mut reader, &mut buf, 5).await.ok(),
            Some(Line::End)
        );
    }

    #[test]
    fn the_id_of_a_cut_request_is_found_when_it_came_first() {
        let cut = br#"{"jsonrpc":"2.0","id":"r-9","method":"tools/call","params":{"pad":"xxxx"#;
        assert_eq!(id_before_cut(cut), json!("r-9"));
        let late = br#"{"jsonrpc":"2.0","method":"tools/call","params":{"pad":"xxxx"#;
        assert_eq!(id_before_cut(late), Value::Null);
        assert_eq!(id_before_cut(br#"{"id":{"no":1}}"#), Value::Null);
    }
}
