//! The model names each kind of job accepts, and the check every submit
//! runs before it reads, uploads or prices anything (SPEC §18): a typo in
//! `--model` is a usage error that names the nearest accepted value, not a
//! paid upload followed by a `400` from the API.
//!
//! A leaf module: it imports nothing of ours, so every other module may use it.

/// Every `model` value `POST /v1/agent/generate` accepts (API-NOTES §3.1).
pub const AGENT_MODELS: [&str; 8] = [
    "essence-1",
    "essence-2",
    "expression-1",
    "expression-2",
    "auto",
    "essence",
    "expression",
    "essence-2-max",
];

/// The engines a talking video can be rendered with.
pub const VIDEO_MODELS: [&str; 5] = [
    "essence-1",
    "expression-1",
    "essence-2",
    "essence-2-max",
    "expression-2",
];

/// The models `POST /v1/agent/{code}/models` adds to a ready agent.
pub const ADDABLE_MODELS: [&str; 4] = ["essence-1", "essence-2", "expression-1", "expression-2"];

/// The default wait for a model's build: 30 minutes for the v1 models, 4
/// hours for the v2 ones, `auto` and anything unknown (their builds take
/// hours, API-NOTES §3.7).
pub fn default_timeout(model: Option<&str>) -> std::time::Duration {
    match model {
        Some("essence-1" | "expression-1") => std::time::Duration::from_secs(30 * 60),
        _ => std::time::Duration::from_secs(4 * 60 * 60),
    }
}

/// A model name that is not among the accepted values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownModel {
    /// What was given.
    pub given: String,
    /// The accepted value closest to it, when one is close enough to be a typo.
    pub nearest: Option<&'static str>,
    /// Every accepted value.
    pub accepted: &'static [&'static str],
}

impl std::fmt::Display for UnknownModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown model {:?}", self.given)?;
        if let Some(nearest) = self.nearest {
            write!(f, " (did you mean {nearest}?)")?;
        }
        write!(f, "; accepted: {}", self.accepted.join(", "))
    }
}

impl std::error::Error for UnknownModel {}

/// Checks `given` against `accepted` (exact, case-sensitive: the API is).
pub fn check(given: &str, accepted: &'static [&'static str]) -> Result<(), UnknownModel> {
    if accepted.contains(&given) {
        return Ok(());
    }
    Err(UnknownModel {
        given: given.to_string(),
        nearest: nearest(given, accepted),
        accepted,
    })
}

/// The accepted value within a typo's distance of `given` (as clap's own
/// suggestions: similarity above 0.7), or one that differs only in case.
fn nearest(given: &str, accepted: &'static [&'static str]) -> Option<&'static str> {
    let lower = given.to_ascii_lowercase();
    accepted
        .iter()
        .map(|m| (m, strsim::jaro(&lower, m)))
        .filter(|(_, score)| *score > 0.7)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(m, _)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_names_pass() {
        for m in AGENT_MODELS {
            assert_eq!(check(m, &AGENT_MODELS), Ok(()));
        }
    }

    #[test]
    fn a_typo_names_the_nearest_value() {
        let err = check("essense-1", &AGENT_MODELS).unwrap_err();
        assert_eq!(err.nearest, Some("essence-1"));
        assert!(err.to_string().contains("did you mean essence-1?"));
        let err = check("ESSENCE-2", &AGENT_MODELS).unwrap_err();
        assert_eq!(err.nearest, Some("essence-2"));
    }

    #[test]
    fn nothing_close_names_no_value() {
        let err = check("zzz", &AGENT_MODELS).unwrap_err();
        assert_eq!(err.nearest, None);
        assert!(err.to_string().contains("accepted: essence-1, essence-2"));
    }
}
