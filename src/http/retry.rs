//! When to try again: `Retry-After` (seconds or an HTTP date) and the
//! backoff, bounded by tries outside a wait and by the deadline inside one.

use super::*;

/// Longest `Retry-After` honoured outside a wait.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// Longest `Retry-After` honoured inside a wait (also bounded by its deadline):
/// a server asking for more is more likely broken than busy.
pub const MAX_WAIT_RETRY_AFTER: Duration = Duration::from_secs(10 * 60);

/// How long to wait before try `attempt + 1`, or `None` when the tries are
/// spent. `Retry-After` is a floor, not a replacement for the backoff (a
/// server answering `0` again and again must not get a retry storm), and it
/// is capped: [`MAX_RETRY_AFTER`] outside a wait (a longer one ends the
/// tries at once), [`MAX_WAIT_RETRY_AFTER`]
/// and the deadline inside one.
pub fn retry_delay(
    tries: Tries,
    attempt: u32,
    retry_after: Option<Duration>,
    backoff: Duration,
    now: Instant,
) -> Option<Duration> {
    let delay = retry_after.map_or(backoff, |r| r.max(backoff));
    match tries {
        // A one-shot command gives up at once when the server asks for a
        // longer pause than it should sit through (exit 69 names the cause).
        Tries::Bounded(_) if retry_after.is_some_and(|r| r > MAX_RETRY_AFTER) => None,
        Tries::Bounded(max) => (attempt < max).then(|| delay.min(MAX_RETRY_AFTER)),
        Tries::Until(deadline) => {
            (now < deadline).then(|| delay.min(MAX_WAIT_RETRY_AFTER).min(deadline - now))
        }
        Tries::Forever => Some(delay.min(MAX_WAIT_RETRY_AFTER)),
    }
}

/// `Retry-After` as whole seconds or an HTTP date.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    if let Ok(secs) = value.parse::<f64>()
        && secs.is_finite()
        && secs >= 0.0
    {
        return Some(Duration::from_secs_f64(secs.min(86_400.0)));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("7"), Some(Duration::from_secs(7)));
        assert_eq!(parse_retry_after(" 2 "), Some(Duration::from_secs(2)));
        let later = std::time::SystemTime::now() + Duration::from_secs(30);
        let d = parse_retry_after(&httpdate::fmt_http_date(later)).expect("date");
        assert!(
            d <= Duration::from_secs(30) && d >= Duration::from_secs(28),
            "{d:?}"
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn retry_delays() {
        let now = Instant::now();
        let ms = Duration::from_millis;
        let five = Tries::Bounded(5);
        assert_eq!(retry_delay(five, 1, None, ms(300), now), Some(ms(300)));
        assert_eq!(retry_delay(five, 4, None, ms(300), now), Some(ms(300)));
        assert_eq!(
            retry_delay(five, 5, None, ms(300), now),
            None,
            "5 tries in all"
        );
        // Retry-After is honoured, as a floor, and capped.
        assert_eq!(
            retry_delay(five, 1, Some(ms(2000)), ms(300), now),
            Some(ms(2000))
        );
        assert_eq!(
            retry_delay(five, 1, Some(ms(0)), ms(300), now),
            Some(ms(300))
        );
        let hour = Some(Duration::from_secs(3600));
        assert_eq!(
            retry_delay(five, 1, hour, ms(300), now),
            None,
            "a one-shot command does not sit through an hour's Retry-After"
        );
        assert_eq!(
            retry_delay(five, 1, Some(MAX_RETRY_AFTER), ms(300), now),
            Some(MAX_RETRY_AFTER)
        );
        assert_eq!(
            retry_delay(five, 5, hour, ms(300), now),
            None,
            "never more tries"
        );
        // Inside a wait only the deadline bounds the tries.
        let until = Tries::Until(now + Duration::from_secs(2));
        assert_eq!(
            retry_delay(until, 99, hour, ms(300), now),
            Some(Duration::from_secs(2))
        );
        assert_eq!(
            retry_delay(until, 1, None, ms(300), now + Duration::from_secs(2)),
            None
        );
        assert_eq!(
            retry_delay(Tries::Forever, 1000, hour, ms(300), now),
            Some(MAX_WAIT_RETRY_AFTER)
        );
    }
}
