//! URL rules: loopback detection, the same-origin redirect policy, and
//! URLs as shown in messages (no credentials, no signed query strings).

use super::*;

/// Follows redirects only within the base URL's origin: reqwest strips
/// `Authorization` on cross-host redirects but not custom headers like
/// `api-secret`, so a redirect elsewhere is stopped (and reported).
pub(crate) fn redirect_policy(base: &Url) -> reqwest::redirect::Policy {
    let base_origin = origin(base);
    reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= 5 {
            attempt.error("too many redirects")
        } else if origin(attempt.url()) == base_origin {
            attempt.follow()
        } else {
            attempt.stop()
        }
    })
}

pub(crate) type Origin = (String, Option<String>, Option<u16>);

pub(crate) fn origin(url: &Url) -> Origin {
    (
        url.scheme().to_string(),
        url.host_str().map(str::to_string),
        url.port_or_known_default(),
    )
}

/// Why a base URL was refused ([`crate::Error::InvalidBaseUrl`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BaseUrlProblem {
    /// Not a URL (the parser's reason).
    Invalid(String),
    /// `http://` to a host that is not loopback: the secret would travel unencrypted.
    PlainHttp,
    /// Neither http nor https.
    Scheme(String),
    /// The path already ends in `/v1`: every request would go to `/v1/v1/…`.
    /// Holds the base URL to use instead (without any userinfo).
    VersionedPath(String),
}

/// Checks an API base URL: https, or http to a loopback host (or anywhere
/// when `allow_http`, the user's explicit choice).
pub fn check_base_url(raw: &str, allow_http: bool) -> std::result::Result<Url, BaseUrlProblem> {
    let url = Url::parse(raw.trim()).map_err(|e| BaseUrlProblem::Invalid(e.to_string()))?;
    if let Some(root) = url.path().trim_end_matches('/').strip_suffix("/v1") {
        let mut fixed = url.clone();
        fixed.set_path(root);
        return Err(BaseUrlProblem::VersionedPath(
            shown_url(&fixed).trim_end_matches('/').to_string(),
        ));
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) || allow_http => Ok(url),
        "http" => Err(BaseUrlProblem::PlainHttp),
        other => Err(BaseUrlProblem::Scheme(other.to_string())),
    }
}

/// True for `localhost`, 127.0.0.0/8 and `[::1]`.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

// Signed URLs carry credentials in their query: keep them out of logs.
pub(crate) fn redact_query(url: &Url) -> String {
    let mut shown = url.clone();
    let had_query = shown.query().is_some();
    shown.set_query(None);
    shown.set_fragment(None);
    let shown = shown_url(&shown);
    if had_query {
        format!("{shown}?…")
    } else {
        shown
    }
}

// A URL for messages and logs: any `user:password@` is left out.
pub(crate) fn shown_url(url: &Url) -> String {
    let mut shown = url.clone();
    if !shown.username().is_empty() || shown.password().is_some() {
        let _ = shown.set_username("");
        let _ = shown.set_password(None);
    }
    shown.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_in_messages_hide_credentials() {
        let url = Url::parse("https://me:pw@api.example/v1/x?sig=s3cret").expect("url");
        assert_eq!(shown_url(&url), "https://api.example/v1/x?sig=s3cret");
        assert_eq!(redact_query(&url), "https://api.example/v1/x?…");
    }

    #[test]
    fn loopback_hosts() {
        for (u, want) in [
            ("http://127.0.0.1:8787", true),
            ("http://localhost", true),
            ("http://[::1]:3", true),
            ("http://127.5.0.1", true),
            ("http://10.0.0.1", false),
            ("https://api.bithuman.ai", false),
        ] {
            assert_eq!(is_loopback(&Url::parse(u).expect("url")), want, "{u}");
        }
    }

    #[test]
    fn a_base_url_ending_in_v1_is_refused_with_the_fix() {
        for (raw, fixed) in [
            ("https://api.bithuman.ai/v1", "https://api.bithuman.ai"),
            ("https://me:pw@api.example/v1/", "https://api.example"),
            (
                "https://proxy.example/bithuman/v1",
                "https://proxy.example/bithuman",
            ),
        ] {
            assert_eq!(
                check_base_url(raw, false),
                Err(BaseUrlProblem::VersionedPath(fixed.to_string())),
                "{raw}"
            );
        }
        assert!(check_base_url("https://api.example/v10", false).is_ok());
        assert!(check_base_url("https://api.example/", false).is_ok());
    }
}
