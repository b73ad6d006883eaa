//! Self-describing ids and the clock.
//!
//! Separate `bithuman --sandbox …` invocations each run their own emulator, so
//! an id must carry everything needed to answer for it (creation time, model,
//! outcome, …), sealed by a checksum so that ids no sandbox minted, or edited
//! ones, are refused. An id is a prefix, a fixed number of base-36 digits
//! holding `payload << 24 | checksum`, and optionally `_` and a tail (the
//! agent a job belongs to), which the checksum also covers.

use sha2::{Digest, Sha256};

const ALPHABET: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// One family of ids: its prefix, digit count, payload width and salt.
pub(crate) struct Codec {
    pub prefix: &'static str,
    pub digits: usize,
    /// Payload bits; `payload << 24 | checksum` must fit in `digits` base-36 digits.
    pub bits: u32,
    pub salt: &'static [u8],
}

impl Codec {
    fn checksum(&self, payload: u128, tail: &str) -> u128 {
        let digest = Sha256::new()
            .chain_update(self.salt)
            .chain_update(payload.to_be_bytes())
            .chain_update(tail.as_bytes())
            .finalize();
        digest[..3]
            .iter()
            .fold(0u128, |c, b| (c << 8) | u128::from(*b))
    }

    /// The id holding `payload` (and `tail`, when not empty).
    pub fn seal(&self, payload: u128, tail: &str) -> String {
        let payload = payload & ((1u128 << self.bits) - 1);
        let mut n = (payload << 24) | self.checksum(payload, tail);
        let mut digits = vec![b'0'; self.digits];
        for d in digits.iter_mut().rev() {
            *d = ALPHABET[(n % 36) as usize];
            n /= 36;
        }
        let mut id = String::from(self.prefix);
        id.extend(digits.iter().map(|&b| char::from(b)));
        if !tail.is_empty() {
            id.push('_');
            id.push_str(tail);
        }
        id
    }

    /// The payload and tail of an id this codec sealed; `None` when malformed or edited.
    pub fn open<'a>(&self, id: &'a str) -> Option<(u128, &'a str)> {
        let rest = id.strip_prefix(self.prefix)?;
        let digits = rest.get(..self.digits)?;
        let tail = match &rest[self.digits..] {
            "" => "",
            more => more.strip_prefix('_').filter(|t| !t.is_empty())?,
        };
        let mut n: u128 = 0;
        for c in digits.bytes() {
            let v = ALPHABET.iter().position(|&a| a == c)?;
            n = n.checked_mul(36)?.checked_add(v as u128)?;
        }
        let payload = n >> 24;
        if payload >> self.bits != 0 || self.checksum(payload, tail) != n & 0xFF_FFFF {
            return None;
        }
        Some((payload, tail))
    }
}

/// Bits `shift..shift+width` of `payload`.
pub(crate) fn field(payload: u128, shift: u32, width: u32) -> u64 {
    ((payload >> shift) & ((1u128 << width) - 1)) as u64
}

/// Unix milliseconds now.
pub(crate) fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Milliseconds that `seconds` at speed 1 last at `speed`.
pub(crate) fn scaled_ms(seconds: f64, speed: f64) -> u64 {
    (seconds / speed * 1000.0).round() as u64
}

/// `2026-08-18T12:34:56.789+00:00` for unix milliseconds.
pub(crate) fn rfc3339(ms: u64) -> String {
    let (y, mo, d, h, mi, s) = civil(ms / 1000);
    format!(
        "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{:03}+00:00",
        ms % 1000
    )
}

/// `YYYYMMDD_HHMMSS` for unix milliseconds (upload file names).
pub(crate) fn compact_time(ms: u64) -> String {
    let (y, mo, d, h, mi, s) = civil(ms / 1000);
    format!("{y:04}{mo:02}{d:02}_{h:02}{mi:02}{s:02}")
}

fn civil(secs: u64) -> (i64, u32, u32, u64, u64, u64) {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days-from-civil).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Unix milliseconds of an ISO-8601 date (`2026-06-01`) or date-time
/// (`2026-06-01T12:00:00[.fff](Z|±HH:MM)`, no zone = UTC); `None` when malformed.
pub(crate) fn parse_time(text: &str) -> Option<i64> {
    let text = text.trim();
    let num = |s: &str| -> Option<i64> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (date, time) = match text.split_once(['T', 't', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let mut parts = date.split('-');
    let (y, m, d) = (
        num(parts.next()?)?,
        num(parts.next()?)?,
        num(parts.next()?)?,
    );
    if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) || y > 9999 {
        return None;
    }
    let mut ms = days_from_civil(y, m, d) * 86_400_000;
    if let Some(time) = time {
        let (clock, offset) = if let Some(c) = time.strip_suffix(['Z', 'z']) {
            (c, 0)
        } else if let Some(at) = time.rfind(['+', '-']) {
            let (c, zone) = time.split_at(at);
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let (zh, zm) = zone[1..].split_once(':')?;
            let (zh, zm) = (num(zh)?, num(zm)?);
            if zh > 23 || zm > 59 {
                return None;
            }
            (c, sign * (zh * 60 + zm) * 60_000)
        } else {
            (time, 0)
        };
        let (hms, frac) = clock.split_once('.').unwrap_or((clock, ""));
        let mut f = hms.split(':');
        let (h, mi) = (num(f.next()?)?, num(f.next()?)?);
        let s = f.next().map_or(Some(0), num)?;
        if f.next().is_some() || h > 23 || mi > 59 || s > 60 {
            return None;
        }
        let millis = if frac.is_empty() {
            0
        } else {
            let digits = num(frac)?;
            let width = frac.len().min(18) as u32;
            digits * 1000 / 10i64.pow(width)
        };
        ms += ((h * 60 + mi) * 60 + s) * 1000 + millis - offset;
    }
    Some(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEST: Codec = Codec {
        prefix: "t_",
        digits: 19,
        bits: 70,
        salt: b"test",
    };

    #[test]
    fn ids_round_trip_and_refuse_edits() {
        let id = TEST.seal(0x3F_1234_5678_9ABC, "A1B2");
        assert!(id.starts_with("t_") && id.ends_with("_A1B2"));
        assert_eq!(TEST.open(&id), Some((0x3F_1234_5678_9ABC, "A1B2")));
        assert_eq!(TEST.open(&id.replace("_A1B2", "_A1B3")), None);
        assert_eq!(TEST.open(&format!("{id}_")), None);
        assert_eq!(TEST.open("t_"), None);
        let bare = TEST.seal(7, "");
        assert_eq!(TEST.open(&bare), Some((7, "")));
        assert_eq!(TEST.open(&format!("{bare}_")), None);
    }

    #[test]
    fn dates_format_and_parse() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000+00:00");
        assert_eq!(rfc3339(1_709_210_096_007), "2024-02-29T12:34:56.007+00:00");
        assert_eq!(compact_time(1_709_210_096_007), "20240229_123456");
        for text in [
            "2024-02-29T12:34:56.007Z",
            "2024-02-29T12:34:56.007+00:00",
            "2024-02-29T14:34:56.007+02:00",
            "2024-02-29t12:34:56.007z",
        ] {
            assert_eq!(parse_time(text), Some(1_709_210_096_007), "{text}");
        }
        assert_eq!(parse_time("1970-01-02"), Some(86_400_000));
        assert_eq!(parse_time("1970-01-01T00:01"), Some(60_000));
        for bad in [
            "",
            "yesterday",
            "2024-13-01",
            "2024-02-29T25:00:00Z",
            "2024-02",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
