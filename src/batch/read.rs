//! Reading a manifest's rows: JSON Lines or CSV, streamed, with every line
//! bounded while it is read. A JSON Lines line over the cap is passed over
//! (never held whole) and reported, so the lines after it are still read; a
//! row that is not UTF-8 or gives a key twice is refused, never repaired.

use super::manifest::{Format, MAX_LINE, RawRow, RowError, RowErrorKind};
use crate::error::{Error, Result};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// The rows of a JSON Lines manifest.
pub(super) fn json_lines<R: BufRead>(
    reader: R,
) -> impl Iterator<Item = std::result::Result<RawRow, RowError>> {
    JsonLines {
        reader,
        line: 0,
        done: false,
    }
}

pub(super) fn sniff(path: &Path) -> Result<Format> {
    let file = std::fs::File::open(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    // The first meaningful line decides; bytes are enough (a row that is
    // not UTF-8 is refused later, by its line number).
    for _ in 0..1000 {
        match read_capped(&mut reader, &mut line, MAX_LINE as usize)
            .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?
        {
            Line::End => break,
            Line::TooLong => return Ok(Format::JsonLines),
            Line::Read => {}
        }
        let t = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&line);
        let t = t.trim_ascii();
        if t.is_empty() || t.starts_with(b"#") {
            continue;
        }
        return Ok(if t.starts_with(b"{") {
            Format::JsonLines
        } else {
            Format::Csv
        });
    }
    Ok(Format::JsonLines)
}

/// Fails a read once a line grows past [`MAX_LINE`]: a huge line is bad
/// input, not a reason to fill memory.
struct LineCap<R> {
    inner: R,
    since_newline: u64,
}

impl<R> LineCap<R> {
    fn new(inner: R) -> Self {
        Self {
            inner,
            since_newline: 0,
        }
    }
}

impl<R: Read> Read for LineCap<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if b == b'\n' {
                self.since_newline = 0;
            } else {
                self.since_newline += 1;
                if self.since_newline > MAX_LINE {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("a line is over the {} MiB limit", MAX_LINE / (1024 * 1024)),
                    ));
                }
            }
        }
        Ok(n)
    }
}

struct JsonLines<R> {
    reader: R,
    line: u64,
    done: bool,
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = std::result::Result<RawRow, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut buf = Vec::new();
        loop {
            self.line += 1;
            let bad = |line, m: String| Some(Err(RowError::new(line, RowErrorKind::BadInput, m)));
            match read_capped(&mut self.reader, &mut buf, MAX_LINE as usize) {
                Ok(Line::End) => return None,
                Ok(Line::Read) => {}
                // Passed over: the rows after it are still read.
                Ok(Line::TooLong) => {
                    return bad(
                        self.line,
                        format!("the line is over the {} MiB limit", MAX_LINE >> 20),
                    );
                }
                Err(e) => {
                    // The rest of the manifest cannot be read either.
                    self.done = true;
                    return Some(Err(RowError::new(
                        self.line,
                        RowErrorKind::BadInput,
                        format!("cannot read the manifest: {e}"),
                    )
                    .ending()));
                }
            }
            // Never replaced: a row whose text is not UTF-8 is refused.
            let text = match std::str::from_utf8(&buf) {
                Ok(t) => t,
                Err(e) => {
                    return bad(
                        self.line,
                        format!(
                            "the line is not UTF-8 text (a bad byte at column {}); save the manifest as UTF-8",
                            e.valid_up_to() + 1
                        ),
                    );
                }
            };
            let t = text.trim_start_matches('\u{feff}').trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            return Some(json_row(self.line, t));
        }
    }
}

// One JSON Lines row: an object whose keys (as normalized) are all distinct.
fn json_row(line: u64, text: &str) -> std::result::Result<RawRow, RowError> {
    match serde_json::from_str::<UniqueObject>(text) {
        Ok(UniqueObject {
            repeated: Some(k), ..
        }) => Err(RowError::new(
            line,
            RowErrorKind::BadInput,
            format!(
                "the key {k:?} is repeated in the row (keys are case-insensitive, - and _ alike); give each key once"
            ),
        )),
        Ok(UniqueObject { fields, .. }) => Ok(RawRow { line, fields }),
        Err(e) if e.classify() == serde_json::error::Category::Data => Err(RowError::new(
            line,
            RowErrorKind::Usage,
            "not a JSON object",
        )),
        Err(e) => Err(RowError::new(
            line,
            RowErrorKind::Usage,
            format!("not JSON: {e}"),
        )),
    }
}

/// A JSON object read key by key, so that a repeated key is seen (a plain
/// map keeps the last one silently).
struct UniqueObject {
    fields: BTreeMap<String, Value>,
    /// The first key given twice, as written.
    repeated: Option<String>,
}

impl<'de> serde::Deserialize<'de> for UniqueObject {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Keys;
        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = UniqueObject;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<UniqueObject, A::Error> {
                let mut out = UniqueObject {
                    fields: BTreeMap::new(),
                    repeated: None,
                };
                while let Some(k) = map.next_key::<String>()? {
                    let v: Value = map.next_value()?;
                    if out.fields.insert(normalize(&k), v).is_some() && out.repeated.is_none() {
                        out.repeated = Some(k);
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_map(Keys)
    }
}

pub(super) fn csv_rows<R: Read + 'static>(
    file: R,
) -> impl Iterator<Item = std::result::Result<RawRow, RowError>> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .from_reader(BufReader::new(LineCap::new(file)));
    let headers: std::result::Result<Vec<String>, RowError> = csv
        .headers()
        .map(|h| h.iter().map(normalize).collect())
        .map_err(|e| {
            RowError::new(
                1,
                RowErrorKind::Usage,
                format!("cannot read the CSV header: {e}"),
            )
        });
    // A repeated column would keep one of its cells silently.
    let headers = headers.and_then(|h| match h.iter().enumerate().find(|(i, k)| h[..*i].contains(k)) {
        Some((_, k)) => Err(RowError::new(
            1,
            RowErrorKind::BadInput,
            format!("the column {k:?} is repeated in the CSV header (names are case-insensitive, - and _ alike)"),
        )),
        None => Ok(h),
    });
    let mut failed = false;
    let mut header_error = headers.as_ref().err().cloned().map(RowError::ending);
    let headers = headers.unwrap_or_default();
    let mut records = csv.into_records();
    // The line of the last record read: a read error without a position of
    // its own is on the line after it.
    let mut last_line = 1;
    std::iter::from_fn(move || {
        if let Some(e) = header_error.take() {
            failed = true;
            return Some(Err(e));
        }
        if failed {
            return None;
        }
        let record = records.next()?;
        Some(match record {
            Ok(r) => {
                let line = r.position().map_or(last_line + 1, |p| p.line());
                last_line = line;
                let fields = headers
                    .iter()
                    .zip(r.iter())
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(k, v)| (k.clone(), Value::from(v)))
                    .collect();
                Ok(RawRow { line, fields })
            }
            Err(e) => {
                let line = e.position().map_or(last_line + 1, |p| p.line());
                let io = matches!(e.kind(), csv::ErrorKind::Io(_));
                // Never replaced: a row that is not UTF-8 is bad data.
                let utf8 = matches!(e.kind(), csv::ErrorKind::Utf8 { .. });
                let err = RowError::new(
                    line,
                    if io || utf8 {
                        RowErrorKind::BadInput
                    } else {
                        RowErrorKind::Usage
                    },
                    format!("bad CSV: {e}"),
                );
                if io {
                    // A CSV reader cannot go on past a line over the limit:
                    // the batch fails rather than silently ending there.
                    failed = true;
                    return Some(Err(err.ending()));
                }
                Err(err)
            }
        })
    })
}

pub(super) fn normalize(key: &str) -> String {
    key.trim().to_ascii_lowercase().replace('-', "_")
}

/// What one read found.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// The end of the input.
    End,
    /// A line (in the buffer, newline left out).
    Read,
    /// A line over the cap, passed over up to and including its newline.
    TooLong,
}

/// Reads the next line into `buf` (cleared first), at most `cap` bytes of
/// it; a longer line is read through to its end without being kept.
fn read_capped(reader: &mut impl BufRead, buf: &mut Vec<u8>, cap: usize) -> std::io::Result<Line> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(match (any, too_long) {
                (false, _) => Line::End,
                (true, true) => Line::TooLong,
                (true, false) => Line::Read,
            });
        }
        any = true;
        let (part, used, ends) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], i + 1, true),
            None => (chunk, chunk.len(), false),
        };
        if !too_long {
            if buf.len() + part.len() > cap {
                // Passed over from here on: nothing more of it is kept.
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(part);
            }
        }
        reader.consume(used);
        if ends {
            return Ok(if too_long { Line::TooLong } else { Line::Read });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_passed_over_and_the_next_ones_read() {
        let text = format!("short\n{}\nafter\nlast", "x".repeat(100));
        // A small buffer, so lines span many fills.
        let mut r = std::io::BufReader::with_capacity(7, text.as_bytes());
        let mut buf = Vec::new();
        let mut seen = Vec::new();
        loop {
            match read_capped(&mut r, &mut buf, 10).expect("read") {
                Line::End => break,
                Line::TooLong => {
                    assert!(buf.is_empty());
                    seen.push("<long>".to_string());
                }
                Line::Read => seen.push(String::from_utf8(buf.clone()).expect("utf8")),
            }
        }
        assert_eq!(seen, ["short", "<long>", "after", "last"]);
        let mut r = std::io::BufReader::new(&b"0123456789\n"[..]);
        assert_eq!(read_capped(&mut r, &mut buf, 10).expect("read"), Line::Read);
        assert_eq!(buf, b"0123456789");
        assert_eq!(read_capped(&mut r, &mut buf, 10).expect("read"), Line::End);
    }

    #[test]
    fn rows_are_refused_for_bad_bytes_and_repeated_keys() {
        let text =
            b"{\"a\":1}\n{\"prompt\":\"caf\xe9\"}\n# note\n{\"k\":1,\"K\":2}\n[1]\n{\"b\":\n";
        let rows: Vec<_> = json_lines(&text[..]).collect();
        assert_eq!(rows.len(), 5);
        assert!(rows[0].as_ref().is_ok_and(|r| r.line == 1));
        let err = |i: usize| rows[i].as_ref().err().cloned().expect("an error");
        assert_eq!((err(1).line, err(1).kind), (2, RowErrorKind::BadInput));
        assert!(err(1).message.contains("UTF-8"));
        assert_eq!((err(2).line, err(2).kind), (4, RowErrorKind::BadInput));
        assert!(
            err(2).message.contains("\"K\" is repeated"),
            "{}",
            err(2).message
        );
        assert_eq!(err(3).message, "not a JSON object");
        assert_eq!(err(4).kind, RowErrorKind::Usage);
    }
}
