//! How long a WAV recording is, to price a talking video by its minutes:
//! from the data chunk's size and the sample format, never from the
//! header's `byte_rate` (a field that can lie and under-price the video).

use super::LocalFile;
use std::io::Read;
use std::time::Duration;

/// What a local audio file says about its length.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AudioLength {
    /// An uncompressed WAV: its length from its data size and format.
    Known(Duration),
    /// Not a WAV, or a compressed one whose length its header does not
    /// fix: priced at the longest a video can be.
    Unknown,
    /// A WAV whose header is inconsistent or absurd: it cannot be priced.
    Unusable(String),
}

/// How much of the file is read to find the `fmt ` and `data` chunks.
const HEAD_BYTES: u64 = 64 * 1024;
/// The highest sample rate believed (768 kHz, the highest in use).
const MAX_SAMPLE_RATE: u32 = 768_000;
/// The most channels believed.
const MAX_CHANNELS: u16 = 64;

/// The sample format from a `fmt ` chunk.
struct Format {
    tag: u16,
    channels: u16,
    sample_rate: u32,
    byte_rate: u32,
    block_align: u16,
    bits: u16,
}

/// The length of `file` when it is a WAV (see [`AudioLength`]). Reads at
/// most the first 64 KiB.
pub fn audio_length(file: &LocalFile) -> AudioLength {
    let mut head = Vec::new();
    let read =
        std::fs::File::open(&file.path).and_then(|f| f.take(HEAD_BYTES).read_to_end(&mut head));
    if read.is_err() || head.len() < 12 || &head[0..4] != b"RIFF" || &head[8..12] != b"WAVE" {
        return AudioLength::Unknown;
    }
    match wav_length(&head, file.len) {
        Ok(Some(d)) => AudioLength::Known(d),
        Ok(None) => AudioLength::Unknown,
        Err(why) => AudioLength::Unusable(why),
    }
}

// The length from the header's chunks; `None` for a compressed format.
fn wav_length(head: &[u8], file_len: u64) -> Result<Option<Duration>, String> {
    let u32_at = |i: usize| {
        head.get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let mut format = None;
    let mut pos = 12usize;
    let (data_start, declared) = loop {
        // Inside the 64 KiB read, so the offsets below cannot overflow.
        if pos > head.len() {
            return Err("has no data chunk in its first 64 KiB".into());
        }
        let (Some(id), Some(size)) = (head.get(pos..pos + 4), u32_at(pos + 4)) else {
            return Err("has no data chunk in its first 64 KiB".into());
        };
        if id == b"data" {
            break (pos as u64 + 8, u64::from(size));
        }
        if id == b"fmt " {
            format = Some(parse_format(head.get(pos + 8..).unwrap_or_default(), size)?);
        }
        // Chunks are padded to an even size.
        pos = pos
            .saturating_add(8)
            .saturating_add(size as usize)
            .saturating_add(size as usize & 1);
    };
    let format = format.ok_or("has its data chunk before any fmt chunk")?;
    let Some(bytes_per_second) = check_format(&format)? else {
        return Ok(None);
    };
    let on_disk = file_len.saturating_sub(data_start);
    // A streamed WAV may say 0 or 0xFFFFFFFF: then the size on disk tells.
    let data = if declared == 0 || declared == u64::from(u32::MAX) {
        on_disk
    } else if declared > on_disk {
        return Err(format!(
            "says its audio is {declared} bytes, but the file holds only {on_disk} after the header"
        ));
    } else {
        declared
    };
    let secs = data / bytes_per_second;
    let rest = data % bytes_per_second;
    // rest < bytes_per_second, so the nanoseconds are below one second.
    let nanos = u32::try_from(u128::from(rest) * 1_000_000_000 / u128::from(bytes_per_second))
        .map_err(|_| "has a length that cannot be computed".to_string())?;
    Ok(Some(Duration::new(secs, nanos)))
}

fn parse_format(body: &[u8], size: u32) -> Result<Format, String> {
    if size < 16 || body.len() < 16 {
        return Err("has a fmt chunk too short to describe its samples".into());
    }
    let u16_at = |i: usize| u16::from_le_bytes([body[i], body[i + 1]]);
    let u32_at = |i: usize| u32::from_le_bytes([body[i], body[i + 1], body[i + 2], body[i + 3]]);
    let mut tag = u16_at(0);
    // WAVE_FORMAT_EXTENSIBLE: the real format is the sub-format GUID's first two bytes.
    if tag == 0xFFFE {
        tag = match body.get(24..26) {
            Some(b) if size >= 40 => u16::from_le_bytes([b[0], b[1]]),
            _ => return Err("has an extensible fmt chunk without its sub-format".into()),
        };
    }
    Ok(Format {
        tag,
        channels: u16_at(2),
        sample_rate: u32_at(4),
        byte_rate: u32_at(8),
        block_align: u16_at(12),
        bits: u16_at(14),
    })
}

// Bytes of audio a second, from channels × bits per sample × sample rate;
// `None` for a compressed format. Refuses absurd values and a header whose
// own fields disagree (a `byte_rate` or `block_align` that lies).
fn check_format(f: &Format) -> Result<Option<u64>, String> {
    // PCM, IEEE float, A-law, µ-law: fixed-size samples. Anything else
    // (ADPCM, MP3 in a WAV) has no length in its header.
    if !matches!(f.tag, 1 | 3 | 6 | 7) {
        return Ok(None);
    }
    if f.channels == 0 || f.channels > MAX_CHANNELS {
        return Err(format!("says it has {} channels", f.channels));
    }
    if f.sample_rate == 0 || f.sample_rate > MAX_SAMPLE_RATE {
        return Err(format!("says it has {} samples a second", f.sample_rate));
    }
    if f.bits == 0 || f.bits > 64 || !f.bits.is_multiple_of(8) {
        return Err(format!("says it has {} bits a sample", f.bits));
    }
    let block = u64::from(f.channels) * u64::from(f.bits / 8);
    let per_second = block * u64::from(f.sample_rate);
    if u64::from(f.block_align) != block || u64::from(f.byte_rate) != per_second {
        return Err(format!(
            "has a header that contradicts itself: {} channels × {} bits × {} Hz is {per_second} bytes a second, but it says {} (block {}, expected {block})",
            f.channels, f.bits, f.sample_rate, f.byte_rate, f.block_align
        ));
    }
    Ok(Some(per_second))
}
