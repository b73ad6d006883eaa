//! Batch manifests: JSON Lines or CSV (with a header row), read as a stream
//! with every line bounded, each row checked into a job request.

use super::files::{Outside, digest, resolve};
use super::read;
use crate::error::{Error, Result};
use crate::generate::{AspectRatio, Framing, GenerateRequest};
use crate::jobs::JobKind;
use crate::media::{self, MediaInput, MediaKind, MediaMode};
use crate::video::{VideoInput, VideoRequest};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// The longest manifest line read (a longer one is bad input).
pub const MAX_LINE: u64 = 1024 * 1024;

/// The longest prompt or script read from a row's file.
const MAX_TEXT: u64 = 1024 * 1024;

/// Keys of an agent row (`-` and `_` alike).
pub const AGENT_KEYS: [&str; 11] = [
    "prompt",
    "prompt_file",
    "image",
    "audio",
    "model",
    "aspect_ratio",
    "framing",
    "transparency",
    "agent_id",
    "key",
    "name",
];

/// Keys of a video row.
pub const VIDEO_KEYS: [&str; 8] = [
    "agent",
    "text",
    "text_file",
    "audio",
    "model",
    "voice",
    "key",
    "name",
];

/// How a manifest is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    JsonLines,
    /// Comma-separated values with a header row.
    Csv,
}

/// Why a row (or the manifest) is refused; `kind` decides the exit code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The row's line number (1-based), 0 for the whole manifest.
    pub line: u64,
    /// Usage (2), bad data (65) or a missing file (66).
    pub kind: RowErrorKind,
    /// What is wrong.
    pub message: String,
    /// The manifest cannot be read past this row (a CSV line over the
    /// limit, a read error): it fails the batch even with `--skip-invalid`.
    pub ends_manifest: bool,
}

/// The class of a [`RowError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowErrorKind {
    /// A bad key or value (exit 2).
    Usage,
    /// Bad data: wrong file type, empty or too big, a line over the limit (65).
    BadInput,
    /// A file the row names is missing (66).
    NotFound,
}

impl RowError {
    pub(super) fn new(line: u64, kind: RowErrorKind, message: impl Into<String>) -> Self {
        Self {
            line,
            kind,
            message: message.into(),
            ends_manifest: false,
        }
    }

    pub(super) fn ending(mut self) -> Self {
        self.ends_manifest = true;
        self
    }
}

/// A manifest on disk (stdin is spooled to a temp file first, so it can be
/// read twice: once to check every row, once to submit).
pub struct Manifest {
    path: PathBuf,
    dir: PathBuf,
    format: Format,
    _spool: Option<tempfile::TempPath>,
}

/// The rows of one manifest seen so far: each key once, and how many rows
/// had each content. Both passes over a manifest (the check, then the run)
/// admit the rows in the same order, so they name each row the same way.
#[derive(Debug, Default)]
pub struct RowBook {
    keys: std::collections::HashMap<String, u64>,
    contents: std::collections::HashMap<String, u32>,
}

impl RowBook {
    /// Names `row` ([`Row::ident`]); a key an earlier row already has is
    /// refused (two rows with one key would be one job reported twice).
    pub fn admit(&mut self, row: &mut Row) -> std::result::Result<(), RowError> {
        match &row.key {
            Some(k) => {
                if let Some(first) = self.keys.get(k) {
                    return Err(RowError::new(
                        row.line,
                        RowErrorKind::BadInput,
                        format!(
                            "key {k:?} is also the key of row {first}; give each row its own key"
                        ),
                    ));
                }
                self.keys.insert(k.clone(), row.line);
                row.ident = format!("key:{k}");
            }
            None => {
                let n = self.contents.entry(row.digest.clone()).or_default();
                *n = n.saturating_add(1);
                row.ident = format!("content:{}:{n}", row.digest);
            }
        }
        Ok(())
    }
}

/// One row as read: its line number and its fields (keys normalized).
#[derive(Clone, Debug)]
pub struct RawRow {
    /// Line number, 1-based (blank, comment and header lines count).
    pub line: u64,
    /// Fields by normalized key (lower case, `-` as `_`); empty CSV cells left out.
    pub fields: BTreeMap<String, Value>,
}

impl RawRow {
    /// Its `name`, when it has a text one (echoed even for a refused row).
    pub fn name(&self) -> Option<String> {
        self.fields
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string)
    }
}

/// A checked row, ready to submit.
#[derive(Clone, Debug)]
pub struct Row {
    /// Line number.
    pub line: u64,
    /// `name`, echoed in results.
    pub name: Option<String>,
    /// `key`: the row's own idempotency key.
    pub key: Option<String>,
    /// Who the row is across runs: `key:` and its own key, else
    /// `content:`, its digest and which row with that content it is (the
    /// first, the second…). Set by [`RowBook::admit`].
    pub ident: String,
    /// The row's content digest (what it asks for, files by content).
    pub digest: String,
    /// The job it describes.
    pub spec: RowSpec,
}

/// The job a row asks for.
#[derive(Clone, Debug)]
pub enum RowSpec {
    /// An agent.
    Agent(Box<GenerateRequest>),
    /// A talking video.
    Video(Box<VideoRequest>),
}

/// Defaults a row falls back on.
#[derive(Clone, Debug)]
pub struct RowDefaults {
    /// The agent model when a row gives none.
    pub model: String,
    /// The video engine when a row gives none.
    pub video_model: String,
    /// How local files are sent.
    pub media: MediaMode,
    /// Skip the local type and size checks.
    pub no_preflight: bool,
    /// Let rows name files outside the manifest's folder.
    pub allow_outside: bool,
}

impl Manifest {
    /// Opens `arg` (`-` = stdin, spooled). The format comes from a `.csv`
    /// extension, else from the first meaningful character (`{` = JSON Lines).
    pub fn open(arg: &str) -> Result<Self> {
        let (path, spool) = if arg == "-" {
            let mut tmp = tempfile::NamedTempFile::new()
                .map_err(|e| Error::io("cannot spool the manifest from stdin", e))?;
            std::io::copy(&mut std::io::stdin().lock(), &mut tmp)
                .map_err(|e| Error::io("cannot read the manifest from stdin", e))?;
            let p = tmp.into_temp_path();
            (p.to_path_buf(), Some(p))
        } else {
            let p = PathBuf::from(arg);
            let meta =
                std::fs::metadata(&p).map_err(|e| Error::Media(media::open_error(arg, e)))?;
            if !meta.is_file() {
                return Err(Error::Media(media::MediaError::NotFound {
                    path: arg.to_string(),
                    reason: "is not a regular file".into(),
                }));
            }
            (p, None)
        };
        let dir = if arg == "-" {
            PathBuf::from(".")
        } else {
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        };
        let format = if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        {
            Format::Csv
        } else {
            read::sniff(&path)?
        };
        Ok(Self {
            path,
            dir,
            format,
            _spool: spool,
        })
    }

    /// The file read (for stdin, its spool).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Streams the rows (or the errors of rows that cannot be read).
    pub fn rows(&self) -> Result<Box<dyn Iterator<Item = std::result::Result<RawRow, RowError>>>> {
        let file = std::fs::File::open(&self.path)
            .map_err(|e| Error::io(format!("cannot read {}", self.path.display()), e))?;
        Ok(match self.format {
            Format::JsonLines => Box::new(read::json_lines(BufReader::new(file))),
            Format::Csv => Box::new(read::csv_rows(file)),
        })
    }

    /// Checks a row into a job of `kind`: keys, values, files (resolved
    /// against the manifest's folder) and their preflight.
    pub fn check(
        &self,
        raw: &RawRow,
        kind: JobKind,
        defaults: &RowDefaults,
    ) -> std::result::Result<Row, RowError> {
        check_row(raw, kind, defaults, &self.dir)
    }
}

fn text_value(raw: &RawRow, key: &str) -> std::result::Result<Option<String>, RowError> {
    match raw.fields.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(Value::Bool(b)) => Ok(Some(b.to_string())),
        Some(_) => Err(RowError::new(
            raw.line,
            RowErrorKind::Usage,
            format!("{key} must be a string"),
        )),
    }
}

type RowResult<T> = std::result::Result<T, RowError>;

/// A row's fields, read against the manifest's folder.
struct Fields<'a> {
    raw: &'a RawRow,
    dir: &'a Path,
    defaults: &'a RowDefaults,
}

impl Fields<'_> {
    fn usage(&self, m: String) -> RowError {
        RowError::new(self.raw.line, RowErrorKind::Usage, m)
    }

    fn bad(&self, m: String) -> RowError {
        RowError::new(self.raw.line, RowErrorKind::BadInput, m)
    }

    fn get(&self, k: &str) -> RowResult<Option<String>> {
        text_value(self.raw, k)
    }

    /// A file the row names: relative to the manifest's folder, and inside
    /// it (after following `..` and symlinks) unless `--allow-outside`.
    fn path_of(&self, k: &str, p: &str) -> RowResult<PathBuf> {
        resolve(self.dir, p, self.defaults.allow_outside).map_err(|why| {
            let line = self.raw.line;
            match why {
                Outside::Outside => RowError::new(
                    line,
                    RowErrorKind::BadInput,
                    format!(
                        "{k} {p:?} is outside the manifest's folder; a manifest may only name files inside it (give --allow-outside to allow others)"
                    ),
                ),
                Outside::Unreadable(e) => {
                    RowError::new(line, RowErrorKind::NotFound, format!("{k} {p}: {e}"))
                }
            }
        })
    }

    /// A media field: a URL as it is, a local file resolved and preflighted.
    fn media(&self, k: &str, kind: MediaKind) -> RowResult<Option<MediaInput>> {
        let Some(v) = self.get(k)? else {
            return Ok(None);
        };
        if media::is_url(&v) {
            return Ok(Some(MediaInput::Url(v)));
        }
        if v == "-" {
            return Err(self.usage(format!("{k}: stdin (-) cannot be used in a manifest row")));
        }
        let line = self.raw.line;
        let file = crate::media::LocalFile::open(self.path_of(k, &v)?)
            .map_err(|e| media_error(line, &e))?;
        if !self.defaults.no_preflight {
            media::preflight(&file, kind).map_err(|e| media_error(line, &e))?;
        }
        Ok(Some(MediaInput::File(file)))
    }

    /// A `*_file` field: the file's text, at most 1 MiB, without its final newline.
    fn text_file(&self, k: &str) -> RowResult<Option<String>> {
        let Some(p) = self.get(k)? else {
            return Ok(None);
        };
        let missing = |e: std::io::Error| {
            RowError::new(
                self.raw.line,
                RowErrorKind::NotFound,
                format!("{k} {p}: {e}"),
            )
        };
        let f = std::fs::File::open(self.path_of(k, &p)?).map_err(missing)?;
        let mut bytes = Vec::new();
        f.take(MAX_TEXT + 1)
            .read_to_end(&mut bytes)
            .map_err(missing)?;
        if bytes.len() as u64 > MAX_TEXT {
            return Err(self.bad(format!("{k} {p} is over 1 MiB")));
        }
        let text =
            String::from_utf8(bytes).map_err(|_| self.bad(format!("{k} {p} is not UTF-8 text")))?;
        let text = text.trim_end_matches(['\n', '\r']).to_string();
        if text.trim().is_empty() {
            return Err(self.bad(format!("{k} {p} is empty")));
        }
        Ok(Some(text))
    }

    fn video(&self) -> RowResult<RowSpec> {
        let agent = self
            .get("agent")?
            .ok_or_else(|| self.usage("a video row needs agent".into()))?;
        crate::ids::validate_agent_id(&agent).map_err(|e| self.usage(e.to_string()))?;
        let given = ["text", "text_file", "audio"]
            .iter()
            .filter(|k| {
                self.raw
                    .fields
                    .get(**k)
                    .is_some_and(|v| !v.is_null() && v != "")
            })
            .count();
        if given != 1 {
            return Err(
                self.usage("a video row needs exactly one of text, text_file, audio".into())
            );
        }
        let model = self
            .get("model")?
            .unwrap_or_else(|| self.defaults.video_model.clone());
        if !crate::video::VIDEO_MODELS.contains(&model.as_str()) {
            return Err(self.usage(format!(
                "model {model:?} is not a video engine ({})",
                crate::video::VIDEO_MODELS.join(", ")
            )));
        }
        let input = match (self.get("text")?, self.text_file("text_file")?) {
            (Some(text), _) | (None, Some(text)) => VideoInput::Text {
                text,
                voice: self.get("voice")?,
            },
            (None, None) => VideoInput::Audio(
                self.media("audio", MediaKind::Audio)?
                    .ok_or_else(|| self.usage("audio is empty".into()))?,
            ),
        };
        let request = VideoRequest {
            agent,
            model,
            input,
        };
        request.check().map_err(|m| self.bad(m))?;
        Ok(RowSpec::Video(Box::new(request)))
    }

    fn agent(&self) -> RowResult<RowSpec> {
        let model = self
            .get("model")?
            .unwrap_or_else(|| self.defaults.model.clone());
        let mut r = GenerateRequest::new(&model);
        r.media = self.defaults.media;
        r.prompt = match self.get("prompt")? {
            Some(p) => Some(p),
            None => self.text_file("prompt_file")?,
        };
        r.image = self.media("image", MediaKind::Image)?;
        r.audio = self.media("audio", MediaKind::Audio)?;
        if r.prompt.is_none() && r.image.is_none() && r.audio.is_none() {
            return Err(self.usage(
                "nothing to generate from: give prompt, prompt_file, image or audio".into(),
            ));
        }
        r.aspect_ratio = match self.get("aspect_ratio")?.as_deref() {
            None => None,
            Some("16:9") => Some(AspectRatio::Wide),
            Some("9:16") => Some(AspectRatio::Tall),
            Some("1:1") => Some(AspectRatio::Square),
            Some(o) => {
                return Err(self.usage(format!("aspect_ratio {o:?} is not 16:9, 9:16 or 1:1")));
            }
        };
        r.framing = match self.get("framing")?.as_deref() {
            None => None,
            Some("portrait") => Some(Framing::Portrait),
            Some("full_body") => Some(Framing::FullBody),
            Some(o) => {
                return Err(self.usage(format!("framing {o:?} is not portrait or full_body")));
            }
        };
        r.transparency = match self.raw.fields.get("transparency") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) if s.eq_ignore_ascii_case("true") || s == "1" => true,
            Some(Value::String(s))
                if s.eq_ignore_ascii_case("false") || s == "0" || s.is_empty() =>
            {
                false
            }
            Some(o) => return Err(self.usage(format!("transparency {o} is not true or false"))),
        };
        if let Some(id) = self.get("agent_id")? {
            crate::ids::validate_agent_id(&id).map_err(|e| self.usage(e.to_string()))?;
            r.agent_id = Some(id);
        }
        Ok(RowSpec::Agent(Box::new(r)))
    }
}

fn check_row(raw: &RawRow, kind: JobKind, defaults: &RowDefaults, dir: &Path) -> RowResult<Row> {
    let f = Fields { raw, dir, defaults };
    let allowed: &[&str] = match kind {
        JobKind::Video => &VIDEO_KEYS,
        _ => &AGENT_KEYS,
    };
    if let Some(k) = raw.fields.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(f.usage(format!(
            "unknown key {k:?} (a {} row takes: {})",
            kind.as_str(),
            allowed.join(", ")
        )));
    }
    let spec = match kind {
        JobKind::Video => f.video()?,
        _ => f.agent()?,
    };
    let key = f.get("key")?;
    if key
        .as_deref()
        .is_some_and(|k| k.chars().any(char::is_control))
    {
        return Err(f.usage("key must be printable text".into()));
    }
    Ok(Row {
        line: raw.line,
        name: f.get("name")?,
        key,
        ident: String::new(),
        digest: digest(raw, dir, defaults.allow_outside),
        spec,
    })
}

fn media_error(line: u64, e: &media::MediaError) -> RowError {
    let kind = match e {
        media::MediaError::NotFound { .. } | media::MediaError::Io { .. } => RowErrorKind::NotFound,
        media::MediaError::Invalid { .. } => RowErrorKind::BadInput,
        media::MediaError::Usage(_) => RowErrorKind::Usage,
    };
    RowError::new(line, kind, e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: u64, key: Option<&str>, digest: &str) -> Row {
        Row {
            line,
            name: None,
            key: key.map(str::to_string),
            ident: String::new(),
            digest: digest.to_string(),
            spec: RowSpec::Agent(Box::new(GenerateRequest::new("essence-1"))),
        }
    }

    #[test]
    fn rows_are_named_by_key_or_content_and_keys_are_unique() {
        let mut book = RowBook::default();
        let mut a = row(1, Some("k"), "d1");
        let mut b = row(2, None, "d2");
        let mut c = row(5, None, "d2");
        let mut d = row(7, Some("k"), "d3");
        assert!(book.admit(&mut a).is_ok() && book.admit(&mut b).is_ok());
        assert!(book.admit(&mut c).is_ok());
        assert_eq!(
            [a.ident.as_str(), b.ident.as_str(), c.ident.as_str()],
            ["key:k", "content:d2:1", "content:d2:2"]
        );
        let e = book.admit(&mut d).expect_err("a second row with key k");
        assert_eq!((e.line, e.kind), (7, RowErrorKind::BadInput));
        assert!(e.message.contains("row 1"), "{}", e.message);
    }
}
