//! What a file really is, judged from its first bytes (`infer`), and which
//! formats the API accepts for each input.

use super::MediaKind;

/// How many leading bytes are sniffed. Every `infer` matcher we rely on needs
/// far less (WebM/Matroska look at the first 256 bytes).
pub(crate) const SNIFF_LEN: usize = 8 * 1024;

/// A file type recognised from the file's bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detected {
    /// MIME type, normalised to the common spelling (`audio/wav`, not `audio/x-wav`).
    pub mime: String,
    /// The usual file extension, without the dot (`png`, `mp3`, `txt`).
    pub extension: String,
    /// The media kind, or `None` for anything that is not image, audio or video
    /// (text, PDF, archives, programs…).
    pub kind: Option<MediaKind>,
    /// A phrase for messages: `"a PNG image"`, `"text"`, `"a PDF document"`.
    pub description: String,
}

impl Detected {
    fn new(mime: &str, extension: &str, kind: Option<MediaKind>, description: String) -> Self {
        Detected {
            mime: mime.to_string(),
            extension: extension.to_string(),
            kind,
            description,
        }
    }
}

/// Sniffs `sample` (the first bytes of a file). `truncated` says whether the
/// file goes on past the sample, so that a UTF-8 sequence cut at the end of
/// the sample is not taken as binary. `None` for an empty sample or for
/// binary data nothing recognises.
pub fn detect(sample: &[u8], truncated: bool) -> Option<Detected> {
    if sample.is_empty() {
        return None;
    }
    if let Some(t) = infer::get(sample) {
        return Some(from_infer(&t));
    }
    if looks_like_text(sample, truncated) {
        return Some(Detected::new("text/plain", "txt", None, "text".to_string()));
    }
    None
}

fn looks_like_text(sample: &[u8], truncated: bool) -> bool {
    if sample.contains(&0) {
        return false;
    }
    match std::str::from_utf8(sample) {
        Ok(_) => true,
        // An incomplete sequence at the very end of a cut sample is fine.
        Err(e) => truncated && e.error_len().is_none(),
    }
}

fn from_infer(t: &infer::Type) -> Detected {
    use MediaKind::{Audio, Image, Video};
    let known = |mime, ext, kind, desc: &str| Detected::new(mime, ext, kind, desc.to_string());
    match t.extension() {
        "jpg" => known("image/jpeg", "jpg", Some(Image), "a JPEG image"),
        "png" => known("image/png", "png", Some(Image), "a PNG image"),
        "gif" => known("image/gif", "gif", Some(Image), "a GIF image"),
        "webp" => known("image/webp", "webp", Some(Image), "a WebP image"),
        "bmp" => known("image/bmp", "bmp", Some(Image), "a BMP image"),
        "mp3" => known("audio/mpeg", "mp3", Some(Audio), "an MP3 audio file"),
        "wav" => known("audio/wav", "wav", Some(Audio), "a WAV audio file"),
        "m4a" => known("audio/mp4", "m4a", Some(Audio), "an M4A audio file"),
        "aac" => known("audio/aac", "aac", Some(Audio), "an AAC audio file"),
        "flac" => known("audio/flac", "flac", Some(Audio), "a FLAC audio file"),
        "ogg" => known("audio/ogg", "ogg", Some(Audio), "an Ogg audio file"),
        // Opus lives in an Ogg container; the upload endpoint knows `.ogg`, not `.opus`.
        "opus" => known("audio/ogg", "ogg", Some(Audio), "an Ogg Opus audio file"),
        "mp4" => known("video/mp4", "mp4", Some(Video), "an MP4 video"),
        "m4v" => known("video/mp4", "m4v", Some(Video), "an M4V video"),
        "mov" => known(
            "video/quicktime",
            "mov",
            Some(Video),
            "a QuickTime (MOV) video",
        ),
        "webm" => known("video/webm", "webm", Some(Video), "a WebM video"),
        "pdf" => known("application/pdf", "pdf", None, "a PDF document"),
        ext => {
            use infer::MatcherType as M;
            let (kind, noun) = match t.matcher_type() {
                M::Image => (Some(Image), "image"),
                M::Audio => (Some(Audio), "audio file"),
                M::Video => (Some(Video), "video"),
                M::App => (None, "program"),
                M::Archive => (None, "archive"),
                M::Doc => (None, "document"),
                M::Font => (None, "font"),
                M::Book => (None, "e-book"),
                M::Text | M::Custom => (None, "file"),
            };
            let upper = ext.to_ascii_uppercase();
            let description = format!("{} {upper} {noun}", article(&upper));
            Detected::new(t.mime_type(), ext, kind, description)
        }
    }
}

/// "a" or "an" before an acronym read letter by letter ("an MKV", "a ZIP").
fn article(acronym: &str) -> &'static str {
    match acronym.chars().next() {
        Some('A' | 'E' | 'F' | 'H' | 'I' | 'L' | 'M' | 'N' | 'O' | 'R' | 'S' | 'X') => "an",
        _ => "a",
    }
}

/// Whether a detected type is one the API takes for `kind`.
pub(crate) fn accepted(detected: &Detected, kind: MediaKind) -> bool {
    let ext = detected.extension.as_str();
    match kind {
        MediaKind::Image => matches!(ext, "jpg" | "png" | "webp" | "gif" | "bmp"),
        // An MP4 container is the same ISO file format as M4A; `infer` calls it
        // video when the brand is generic (isom, mp42), which audio-only files
        // from many encoders carry.
        MediaKind::Audio => matches!(ext, "mp3" | "wav" | "m4a" | "aac" | "flac" | "ogg" | "mp4"),
        MediaKind::Video => matches!(ext, "mp4" | "m4v" | "mov" | "webm"),
    }
}

/// The formats the API takes for `kind`, for messages.
pub(crate) fn accepted_list(kind: MediaKind) -> &'static str {
    match kind {
        MediaKind::Image => "JPEG, PNG, WebP, GIF or BMP images",
        MediaKind::Audio => "MP3, WAV, M4A/AAC, FLAC or Ogg audio",
        MediaKind::Video => "MP4, MOV or WebM video",
    }
}

/// The MIME type for a file extension (case-insensitive), for files whose
/// bytes were not recognised.
pub(crate) fn mime_from_extension(ext: &str) -> Option<&'static str> {
    Some(match ext.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "bmp" => "image/bmp",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        "m4a" => "audio/mp4",
        "aac" => "audio/aac",
        "flac" => "audio/flac",
        "ogg" | "opus" => "audio/ogg",
        "mp4" | "m4v" => "video/mp4",
        "mov" => "video/quicktime",
        "webm" => "video/webm",
        "txt" => "text/plain",
        "pdf" => "application/pdf",
        _ => return None,
    })
}

#[cfg(test)]
pub(crate) mod samples {
    //! Minimal headers that `infer` recognises.

    pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
    pub const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0";
    pub const WAV: &[u8] = b"RIFF\x24\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0\x80\x3e\0\0\0\x7d\0\0\x02\0\x10\0data\0\0\0\0";
    pub const MP4: &[u8] = b"\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41\0\0\0\x08free";
    pub const M4A: &[u8] = b"\0\0\0\x20ftypM4A \0\0\0\0M4A mp42isom\0\0\0\0\0\0\0\x08free";
    pub const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n";
}

#[cfg(test)]
mod tests {
    use super::samples::*;
    use super::*;

    #[test]
    fn recognises_media_headers() {
        let png = detect(PNG, false).unwrap();
        assert_eq!(
            (png.extension.as_str(), png.kind),
            ("png", Some(MediaKind::Image))
        );
        assert_eq!(png.description, "a PNG image");
        assert_eq!(detect(JPEG, false).unwrap().mime, "image/jpeg");
        let wav = detect(WAV, false).unwrap();
        assert_eq!(
            (wav.mime.as_str(), wav.kind),
            ("audio/wav", Some(MediaKind::Audio))
        );
        let mp4 = detect(MP4, false).unwrap();
        assert_eq!(
            (mp4.extension.as_str(), mp4.kind),
            ("mp4", Some(MediaKind::Video))
        );
        let m4a = detect(M4A, false).unwrap();
        assert_eq!(
            (m4a.extension.as_str(), m4a.kind),
            ("m4a", Some(MediaKind::Audio))
        );
        let pdf = detect(PDF, false).unwrap();
        assert_eq!(
            (pdf.kind, pdf.description.as_str()),
            (None, "a PDF document")
        );
    }

    #[test]
    fn text_and_binary() {
        assert_eq!(
            detect(b"hello, world\n", false).unwrap().description,
            "text"
        );
        assert!(detect(b"", false).is_none());
        assert!(detect(b"\x01\x02\0\x03garbage", false).is_none());
        // "é" cut in half at the end of a sample: text only if the file goes on.
        assert!(detect(b"caf\xc3", true).is_some());
        assert!(detect(b"caf\xc3", false).is_none());
    }

    #[test]
    fn acceptance() {
        let mp4 = detect(MP4, false).unwrap();
        assert!(accepted(&mp4, MediaKind::Video));
        assert!(accepted(&mp4, MediaKind::Audio));
        assert!(!accepted(&mp4, MediaKind::Image));
        let m4a = detect(M4A, false).unwrap();
        assert!(!accepted(&m4a, MediaKind::Video));
        assert_eq!(article("MKV"), "an");
        assert_eq!(article("ZIP"), "a");
    }
}
