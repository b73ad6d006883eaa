use std::io::Write;

use super::detect::samples;
use super::*;

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    path.to_str().unwrap().to_string()
}

fn file(input: MediaInput) -> LocalFile {
    match input {
        MediaInput::File(f) => f,
        MediaInput::Url(u) => panic!("expected a file, got URL {u}"),
    }
}

fn resolve_path(path: &str, kind: MediaKind) -> Result<MediaInput, MediaError> {
    resolve(path, kind, &mut std::io::empty())
}

#[test]
fn urls_and_data_uris_pass_through() {
    for url in [
        "https://example.com/face.jpg",
        "http://example.com/a b?c=d",
        "HTTPS://EXAMPLE.COM/X.PNG",
        "data:image/png;base64,iVBORw0KGgo=",
    ] {
        match resolve_path(url, MediaKind::Image).unwrap() {
            MediaInput::Url(u) => assert_eq!(u, url),
            MediaInput::File(_) => panic!("{url} resolved as a file"),
        }
    }
    // Not URLs: resolved (and refused) as paths.
    for path in ["ftp://example.com/x.png", "example.com/face.jpg", "é"] {
        assert!(matches!(
            resolve_path(path, MediaKind::Image),
            Err(MediaError::NotFound { .. })
        ));
    }
}

#[test]
fn missing_files_and_directories_are_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("face.jpg");
    let err = resolve_path(missing.to_str().unwrap(), MediaKind::Image).unwrap_err();
    assert!(matches!(err, MediaError::NotFound { .. }));
    assert!(err.to_string().ends_with("face.jpg: no such file"), "{err}");

    let err = resolve_path(dir.path().to_str().unwrap(), MediaKind::Image).unwrap_err();
    assert!(matches!(err, MediaError::NotFound { .. }));
    assert!(err.to_string().ends_with("is a directory"), "{err}");

    assert!(matches!(
        resolve_path("", MediaKind::Image),
        Err(MediaError::Usage(_))
    ));
}

#[cfg(unix)]
#[test]
fn a_path_under_a_file_is_not_found() {
    // Fails the same way as root: no permission bit is involved.
    let dir = tempfile::tempdir().unwrap();
    let face = write(&dir, "face.png", samples::PNG);
    let err = resolve_path(&format!("{face}/x.png"), MediaKind::Image).unwrap_err();
    assert!(matches!(err, MediaError::NotFound { .. }), "{err:?}");
    assert!(
        err.to_string()
            .ends_with("x.png: no such file (a part of its path is a file, not a folder)"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_says_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        // Root reads a mode-0000 file, so there is nothing to refuse; the
        // OS error kinds are covered as root by the other tests here.
        eprintln!("skipped: running as root (euid 0), where mode 0000 does not stop reading");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let face = write(&dir, "face.png", samples::PNG);
    std::fs::set_permissions(&face, std::fs::Permissions::from_mode(0o000)).unwrap();
    let err = resolve_path(&face, MediaKind::Image).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("face.png: Permission denied (os error 13)"),
        "{err}"
    );
    match &err {
        MediaError::Io { source, .. } => {
            assert_eq!(source.kind(), std::io::ErrorKind::PermissionDenied);
        }
        other => panic!("not reported as permission denied: {other:?}"),
    }
}

#[cfg(target_os = "linux")]
#[test]
fn an_io_error_is_reported_as_one_with_the_os_error() {
    // /proc/self/mem is a regular file whose first page (address 0) is never
    // mapped: opening it works, reading it fails with EIO, as root too.
    let err = resolve_path("/proc/self/mem", MediaKind::Image).unwrap_err();
    match &err {
        MediaError::Io { source, .. } => assert_eq!(source.raw_os_error(), Some(libc::EIO)),
        other => panic!("an I/O error reported as something else: {other:?}"),
    }
    assert_eq!(
        err.to_string(),
        "/proc/self/mem: Input/output error (os error 5)"
    );
    // The same from an open or a stat: never "not found".
    for code in [libc::EACCES, libc::EIO, libc::ELOOP] {
        let err = open_error("face.png", std::io::Error::from_raw_os_error(code));
        assert!(matches!(err, MediaError::Io { .. }), "{code}: {err:?}");
        assert!(!err.to_string().contains("no such file"), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn special_files_are_not_found() {
    let err = resolve_path("/dev/null", MediaKind::Audio).unwrap_err();
    assert!(matches!(err, MediaError::NotFound { .. }));
    assert!(err.to_string().contains("not a regular file"), "{err}");
}

#[test]
fn local_files_resolve_with_base_name_and_type() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "face.png", samples::PNG);
    let f = file(resolve_path(&path, MediaKind::Image).unwrap());
    assert_eq!(f.display, path);
    assert_eq!(f.file_name, "face.png");
    assert_eq!(f.len, samples::PNG.len() as u64);
    assert_eq!(f.detected.as_ref().unwrap().description, "a PNG image");
    assert_eq!(f.mime(), "image/png");
    preflight(&f, MediaKind::Image).unwrap();
}

#[test]
fn stdin_is_spooled_and_named_after_its_type() {
    let mut stdin: &[u8] = samples::PNG;
    let f = file(resolve("-", MediaKind::Image, &mut stdin).unwrap());
    assert_eq!(f.display, "stdin");
    assert_eq!(f.file_name, "stdin.png");
    assert_eq!(f.len, samples::PNG.len() as u64);
    assert_eq!(std::fs::read(&f.path).unwrap(), samples::PNG);
    preflight(&f, MediaKind::Image).unwrap();

    // The spool lives as long as the last clone.
    let path = f.path.clone();
    let clone = f.clone();
    drop(f);
    assert!(path.exists());
    drop(clone);
    assert!(!path.exists());

    // An audio-only MP4 from stdin is named .m4a; unknown bytes get no extension.
    let mut stdin: &[u8] = samples::MP4;
    assert_eq!(
        file(resolve("-", MediaKind::Audio, &mut stdin).unwrap()).file_name,
        "stdin.m4a"
    );
    let mut stdin: &[u8] = b"\x01\x02\x00\x03";
    let f = file(resolve("-", MediaKind::Audio, &mut stdin).unwrap());
    assert_eq!(f.file_name, "stdin");
    assert_eq!(f.mime(), "application/octet-stream");
}

fn check(name: &str, bytes: &[u8], kind: MediaKind) -> Result<(), MediaError> {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, name, bytes);
    let mut f = file(resolve_path(&path, kind).unwrap());
    f.display = name.to_string();
    preflight(&f, kind)
}

fn invalid_reason(result: Result<(), MediaError>) -> String {
    match result {
        Err(e @ MediaError::Invalid { .. }) => e.to_string(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn preflight_accepts_good_headers() {
    check("face.png", samples::PNG, MediaKind::Image).unwrap();
    check("face.jpg", samples::JPEG, MediaKind::Image).unwrap();
    check("voice.wav", samples::WAV, MediaKind::Audio).unwrap();
    check("voice.m4a", samples::M4A, MediaKind::Audio).unwrap();
    check("voice.mp4", samples::MP4, MediaKind::Audio).unwrap();
    check("clip.mp4", samples::MP4, MediaKind::Video).unwrap();
}

#[test]
fn preflight_refuses_wrong_types_and_empty_files() {
    assert_eq!(
        invalid_reason(check("voice.wav", b"", MediaKind::Audio)),
        "voice.wav is empty"
    );
    assert_eq!(
        invalid_reason(check("face.jpg", b"just some notes\n", MediaKind::Image)),
        "face.jpg is text, not an image"
    );
    assert_eq!(
        invalid_reason(check("voice.wav", samples::PNG, MediaKind::Audio)),
        "voice.wav is a PNG image, not an audio file"
    );
    assert_eq!(
        invalid_reason(check("face.png", samples::PDF, MediaKind::Image)),
        "face.png is a PDF document, not an image"
    );
    assert_eq!(
        invalid_reason(check("clip.mp4", samples::M4A, MediaKind::Video)),
        "clip.mp4 is an M4A audio file, not a video"
    );
    assert_eq!(
        invalid_reason(check("x.bin", b"\x01\x02\x00\x03", MediaKind::Video)),
        "x.bin is unrecognised binary data, not a video"
    );
    // The right kind, but a format the API does not take.
    let tiff = b"II*\x00\x08\x00\x00\x00\x00\x00\x00\x00";
    let reason = invalid_reason(check("face.tif", tiff, MediaKind::Image));
    assert!(
        reason.starts_with("face.tif is a TIF image; the API takes JPEG"),
        "{reason}"
    );
}

#[test]
fn preflight_refuses_files_over_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, header, size, shown) in [
        (MediaKind::Video, samples::MP4, 120_400_000, "120.4 MB"),
        (MediaKind::Image, samples::PNG, 10_000_001, "10000001 bytes"),
        (MediaKind::Audio, samples::WAV, 30_000_000, "30.0 MB"),
    ] {
        let path = write(&dir, "big", header);
        // Sparse: no need to write the bytes.
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(size)
            .unwrap();
        let mut f = file(resolve_path(&path, kind).unwrap());
        f.display = "clip".into();
        let reason = invalid_reason(preflight(&f, kind));
        let cap = kind.cap_bytes() / 1_000_000;
        assert_eq!(
            reason,
            format!("clip is {shown}, over the API's {cap} MB limit for {kind}")
        );
        // Exactly at the cap is fine.
        f.len = kind.cap_bytes();
        preflight(&f, kind).unwrap();
    }
}

#[test]
fn kinds_modes_and_sizes() {
    assert_eq!(MediaKind::Image.as_str(), "image");
    assert_eq!(MediaKind::Audio.cap_bytes(), 25_000_000);
    assert_eq!(MediaKind::Video.cap_bytes(), 100_000_000);
    for mode in [MediaMode::Upload, MediaMode::Base64, MediaMode::DataUri] {
        assert_eq!(mode.as_str().parse::<MediaMode>().unwrap(), mode);
    }
    assert_eq!(MediaMode::default(), MediaMode::Upload);
    assert!(
        "url"
            .parse::<MediaMode>()
            .unwrap_err()
            .contains("upload, base64 or data-uri")
    );
    assert_eq!(human_size(0), "0 bytes");
    assert_eq!(human_size(1), "1 byte");
    assert_eq!(human_size(999), "999 bytes");
    assert_eq!(human_size(12_345), "12.3 kB");
    assert_eq!(human_size(999_999), "1.0 MB");
    assert_eq!(human_size(10_000_000), "10.0 MB");
    assert_eq!(human_size(120_400_000), "120.4 MB");
    assert_eq!(human_size(1_500_000_000), "1.5 GB");
}

// A WAV header: format tag, channels, sample rate, byte rate, block align,
// bits per sample, the data size it declares, and `data` bytes after it.
struct Wav {
    tag: u16,
    channels: u16,
    rate: u32,
    byte_rate: u32,
    align: u16,
    bits: u16,
    declared: u32,
    data: usize,
}

impl Wav {
    // 16 kHz mono 16-bit: 32 000 bytes a second.
    fn voice(data: usize) -> Self {
        Self {
            tag: 1,
            channels: 1,
            rate: 16_000,
            byte_rate: 32_000,
            align: 2,
            bits: 16,
            declared: data as u32,
            data,
        }
    }

    fn length(&self) -> AudioLength {
        let dir = tempfile::tempdir().unwrap();
        let mut wav = Vec::new();
        wav.extend_from_slice(b"RIFF");
        wav.extend_from_slice(&self.declared.wrapping_add(36).to_le_bytes());
        wav.extend_from_slice(b"WAVEfmt ");
        wav.extend_from_slice(&16u32.to_le_bytes());
        wav.extend_from_slice(&self.tag.to_le_bytes());
        wav.extend_from_slice(&self.channels.to_le_bytes());
        wav.extend_from_slice(&self.rate.to_le_bytes());
        wav.extend_from_slice(&self.byte_rate.to_le_bytes());
        wav.extend_from_slice(&self.align.to_le_bytes());
        wav.extend_from_slice(&self.bits.to_le_bytes());
        wav.extend_from_slice(b"data");
        wav.extend_from_slice(&self.declared.to_le_bytes());
        wav.resize(wav.len() + self.data, 0);
        let path = write(&dir, "v.wav", &wav);
        audio_length(&file(resolve_path(&path, MediaKind::Audio).unwrap()))
    }
}

fn unusable(length: AudioLength) -> String {
    match length {
        AudioLength::Unusable(why) => why,
        other => panic!("expected an unusable WAV, got {other:?}"),
    }
}

#[test]
fn wav_lengths_come_from_the_data_size_and_format() {
    use std::time::Duration;
    assert_eq!(
        Wav::voice(96_000).length(),
        AudioLength::Known(Duration::from_secs(3))
    );
    assert_eq!(
        Wav::voice(96_016).length(),
        AudioLength::Known(Duration::new(3, 500_000))
    );
    // A streamed WAV (size 0 or 0xFFFFFFFF): the bytes on disk.
    let streamed = Wav {
        declared: u32::MAX,
        ..Wav::voice(64_000)
    };
    assert_eq!(
        streamed.length(),
        AudioLength::Known(Duration::from_secs(2))
    );
    // Stereo 48 kHz float, and compressed ADPCM (length unknown).
    let float = Wav {
        tag: 3,
        channels: 2,
        rate: 48_000,
        byte_rate: 384_000,
        align: 8,
        bits: 32,
        ..Wav::voice(768_000)
    };
    assert_eq!(float.length(), AudioLength::Known(Duration::from_secs(2)));
    let adpcm = Wav {
        tag: 0x11,
        byte_rate: 1,
        ..Wav::voice(64)
    };
    assert_eq!(adpcm.length(), AudioLength::Unknown);
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "x.png", samples::PNG);
    assert_eq!(
        audio_length(&file(resolve_path(&path, MediaKind::Image).unwrap())),
        AudioLength::Unknown
    );
}

#[test]
fn a_wav_whose_header_lies_or_is_absurd_is_unusable() {
    // byte_rate 10× too high would have priced 3 s as 0.3 s.
    let lying = Wav {
        byte_rate: 320_000,
        ..Wav::voice(96_000)
    };
    assert!(unusable(lying.length()).contains("contradicts itself"));
    let align = Wav {
        align: 1,
        ..Wav::voice(96_000)
    };
    assert!(unusable(align.length()).contains("contradicts itself"));
    let fast = Wav {
        rate: 4_000_000_000,
        byte_rate: 0,
        ..Wav::voice(64)
    };
    assert!(unusable(fast.length()).contains("samples a second"));
    let bits = Wav {
        bits: 12,
        ..Wav::voice(64)
    };
    assert!(unusable(bits.length()).contains("bits a sample"));
    let silent = Wav {
        channels: 0,
        ..Wav::voice(64)
    };
    assert!(unusable(silent.length()).contains("channels"));
    let truncated = Wav {
        declared: 96_000,
        ..Wav::voice(100)
    };
    assert!(unusable(truncated.length()).contains("holds only 100"));
}
