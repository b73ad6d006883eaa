//! Reading a manifest line by line with every line bounded while it is read:
//! a line over the cap is passed over (never held whole in memory) and
//! reported, so the lines after it are still read.

use std::io::BufRead;

/// What one read found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// The end of the input.
    End,
    /// A line (in the buffer, newline left out).
    Read,
    /// A line over the cap, passed over up to and including its newline.
    TooLong,
}

/// Reads the next line into `buf` (cleared first), at most `cap` bytes of
/// it; a longer line is read through to its end without being kept.
pub(crate) fn read_capped(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<Line> {
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
}
