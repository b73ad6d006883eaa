//! Local media inputs for `--image`, `--audio` and `--video`: resolving a flag
//! value to a URL or a local file (stdin is spooled to a temp file), the
//! preflight checks (real type from the bytes, not empty, under the API's
//! caps), and request bodies that stream files as base64 without ever holding
//! a file or its encoding whole in memory.

mod body;
mod detect;
mod local;
mod wav;

use std::fmt;
use std::io::{self, Read};

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
pub use crate::temp::remove_temp_files;
pub(crate) use body::FileDigest;
pub use body::Progress;
// The request bodies' own machinery: not a stable API, hidden from the
// documentation.
#[doc(hidden)]
pub use body::{BodyReader, StreamBody, push_encoded_value, upload_body};
pub use detect::{Detected, detect};
pub use local::LocalFile;
pub(crate) use local::open_error;
pub use wav::{AudioLength, audio_length};

/// Which generate field a file is for; also the upload API's `file_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MediaKind {
    /// A face image (`image`).
    Image,
    /// A voice sample (`audio`).
    Audio,
    /// A video (`video`; refused by the live API since 2026-07-10).
    Video,
}

impl MediaKind {
    /// `"image"`, `"audio"` or `"video"`: the API's `file_type`.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Audio => "audio",
            MediaKind::Video => "video",
        }
    }

    /// The API's upload cap: 10 MB for images, 25 MB for audio, 100 MB for video.
    ///
    /// Decimal megabytes (10 MB = 10 000 000 bytes): the vendor does not say which
    /// unit it means, and the decimal reading is the stricter one, so a file that
    /// passes preflight is under the cap whichever unit the server uses. Audio is
    /// 25 MB, the lower of the two documented figures (PD-next; older pages say 50).
    pub fn cap_bytes(self) -> u64 {
        match self {
            MediaKind::Image => 10_000_000,
            MediaKind::Audio => 25_000_000,
            MediaKind::Video => 100_000_000,
        }
    }

    /// "an image", "an audio file", "a video": for messages.
    fn noun(self) -> &'static str {
        match self {
            MediaKind::Image => "an image",
            MediaKind::Audio => "an audio file",
            MediaKind::Video => "a video",
        }
    }
}

impl fmt::Display for MediaKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a local file is sent (`--media`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum MediaMode {
    /// POST /v1/files/upload, then send the returned URL
    #[default]
    Upload,
    /// Raw base64 in the generate field
    Base64,
    /// `data:<mime>;base64,…` in the generate field
    #[cfg_attr(
        feature = "cli",
        value(name = "data-uri", help = "data:<mime>;base64,… in the generate field")
    )]
    DataUri,
}

impl MediaMode {
    /// `"upload"`, `"base64"` or `"data-uri"`: the `--media` value.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaMode::Upload => "upload",
            MediaMode::Base64 => "base64",
            MediaMode::DataUri => "data-uri",
        }
    }
}

impl fmt::Display for MediaMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for MediaMode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "upload" => Ok(MediaMode::Upload),
            "base64" => Ok(MediaMode::Base64),
            "data-uri" => Ok(MediaMode::DataUri),
            other => Err(format!(
                "unknown media mode {other:?}: expected upload, base64 or data-uri"
            )),
        }
    }
}

/// A resolved `--image`/`--audio`/`--video` value.
#[derive(Clone, Debug)]
pub enum MediaInput {
    /// An `http(s)://` URL or a `data:` URI, passed through unchanged.
    Url(String),
    /// A local file (or spooled stdin).
    File(LocalFile),
}

/// Why a media input was refused. The CLI maps the variants to exit codes.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    /// Missing, a directory or not a regular file (exit 66). Shown as
    /// `"<path>: <reason>"`, e.g. `face.jpg: no such file`.
    #[error("{path}: {reason}")]
    NotFound {
        /// What the user typed.
        path: String,
        /// e.g. "no such file", "is a directory".
        reason: String,
    },
    /// Wrong type, empty, or over the cap (exit 65). Shown as
    /// `"<path> <reason>"`: the reason starts with a verb, e.g. `is empty`.
    #[error("{path} {reason}")]
    Invalid {
        /// What the user typed, or "stdin".
        path: String,
        /// e.g. "is text, not an image".
        reason: String,
    },
    /// A usage mistake, e.g. two inputs read from stdin (exit 2).
    #[error("{0}")]
    Usage(String),
    /// The file exists but cannot be opened or read (permission denied, an
    /// I/O error), or reading stdin failed; the OS error is the source.
    /// Shown as `"<path>: <OS error>"`, e.g.
    /// `face.jpg: Permission denied (os error 13)`.
    #[error("{path}: {source}")]
    Io {
        /// What was being read.
        path: String,
        /// The cause.
        #[source]
        source: io::Error,
    },
}

/// True for values passed through as they are: `http://`, `https://`, `data:`.
pub fn is_url(arg: &str) -> bool {
    let has_prefix = |p: &str| {
        arg.as_bytes()
            .get(..p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    };
    has_prefix("http://") || has_prefix("https://") || has_prefix("data:")
}

/// Resolves one flag value: a URL or `data:` URI passes through unchanged; `-`
/// spools all of `stdin` to a temp file; anything else must be a readable
/// regular file. The caller makes sure at most one value is `-`.
pub fn resolve(arg: &str, kind: MediaKind, stdin: &mut dyn Read) -> Result<MediaInput, MediaError> {
    if is_url(arg) {
        return Ok(MediaInput::Url(arg.to_string()));
    }
    if arg.is_empty() {
        return Err(MediaError::Usage(format!(
            "an empty value was given for the {kind} input"
        )));
    }
    if arg == "-" {
        return LocalFile::spool(stdin, kind).map(MediaInput::File);
    }
    LocalFile::open(arg).map(MediaInput::File)
}

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
/// Preflight checks: not empty, the real type (from the bytes) is one the API
/// takes for `kind`, and the size is within [`MediaKind::cap_bytes`].
pub fn preflight(file: &LocalFile, kind: MediaKind) -> Result<(), MediaError> {
    let invalid = |reason: String| MediaError::Invalid {
        path: file.display.clone(),
        reason,
    };
    if file.len == 0 {
        return Err(invalid("is empty".into()));
    }
    match &file.detected {
        None => {
            return Err(invalid(format!(
                "is unrecognised binary data, not {}",
                kind.noun()
            )));
        }
        Some(d) if !detect::accepted(d, kind) => {
            let reason = if d.kind == Some(kind) {
                format!(
                    "is {}; the API takes {}",
                    d.description,
                    detect::accepted_list(kind)
                )
            } else {
                format!("is {}, not {}", d.description, kind.noun())
            };
            return Err(invalid(reason));
        }
        Some(_) => {}
    }
    let cap = kind.cap_bytes();
    if file.len > cap {
        let mut size = human_size(file.len);
        if size == human_size(cap) {
            size = format!("{} bytes", file.len);
        }
        return Err(invalid(format!(
            "is {size}, over the API's {} MB limit for {kind}",
            cap / 1_000_000
        )));
    }
    Ok(())
}

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
/// A size for messages, in decimal units: "512 bytes", "12.3 kB", "10.0 MB", "1.2 GB".
pub fn human_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "kB")];
    for (size, unit) in UNITS {
        // 999 999 bytes reads "1.0 MB", not "1000.0 kB".
        if bytes as f64 >= size as f64 * 0.99995 {
            return format!("{:.1} {unit}", bytes as f64 / size as f64);
        }
    }
    if bytes == 1 {
        "1 byte".into()
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests;
