//! Durations as people type them: `30d`, `12w`, `2h30m`, `90s`, and `lifetime` for memberships.

use std::fmt;

use chrono::Duration;

/// How long a membership lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    For(Duration),
    Lifetime,
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Lifetime => f.write_str("lifetime"),
            Self::For(d) => f.write_str(&describe(*d)),
        }
    }
}

/// Longest span accepted anywhere (about 100 years), so sums never overflow.
const MAX_SECONDS: i64 = 100 * 366 * 24 * 3600;

/// Parses `2h30m`, `30d`, `12w`, `45s`: one or more number-unit pairs, units s, m, h, d, w.
pub fn parse_span(text: &str) -> Result<Duration, String> {
    let bad = || format!("`{text}` is not a duration like 30m, 2h30m, 7d or 12w.");
    let mut total: i64 = 0;
    let mut number = String::new();
    let mut any = false;
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c.to_ascii_lowercase() {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            'w' => 7 * 86_400,
            _ => return Err(bad()),
        };
        let n: i64 = number.parse().map_err(|_| bad())?;
        number.clear();
        total = n
            .checked_mul(unit)
            .and_then(|s| total.checked_add(s))
            .filter(|t| *t <= MAX_SECONDS)
            .ok_or_else(|| format!("`{text}` is longer than 100 years."))?;
        any = true;
    }
    if !number.is_empty() || !any {
        return Err(bad());
    }
    if total == 0 {
        return Err(format!("`{text}` is no time at all."));
    }
    Ok(Duration::seconds(total))
}

/// Parses a membership term: a span or `lifetime`.
pub fn parse_term(text: &str) -> Result<Term, String> {
    if text.eq_ignore_ascii_case("lifetime") {
        return Ok(Term::Lifetime);
    }
    parse_span(text).map(Term::For)
}

/// `1d 2h`, `3w`, `45m`: the largest units, at most two of them.
#[must_use]
pub fn describe(d: Duration) -> String {
    let mut secs = d.num_seconds().max(0);
    // Whole days read as people type them: `7d`, `30d`; weeks only from two whole weeks up
    // (`12w`), never `4w 2d`.
    let days = secs / 86_400;
    if secs > 0 && secs % 86_400 == 0 {
        return if days % 7 == 0 && days >= 14 {
            format!("{}w", days / 7)
        } else {
            format!("{days}d")
        };
    }
    let mut parts = Vec::new();
    for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] {
        if secs >= size && parts.len() < 2 {
            parts.push(format!("{}{unit}", secs / size));
            secs %= size;
        }
    }
    if parts.is_empty() {
        "0s".into()
    } else {
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_combine_units() {
        assert_eq!(parse_span("2h30m"), Ok(Duration::minutes(150)));
        assert_eq!(parse_span("12w"), Ok(Duration::weeks(12)));
        assert_eq!(parse_span("5s"), Ok(Duration::seconds(5)));
        assert_eq!(parse_span("1D"), Ok(Duration::days(1)));
    }

    #[test]
    fn bad_spans_say_what_a_span_looks_like() {
        for bad in ["", "30", "h", "3x", "-5m", "1.5h", "2h30"] {
            assert!(
                parse_span(bad).unwrap_err().contains("not a duration"),
                "{bad}"
            );
        }
        assert!(parse_span("0m").unwrap_err().contains("no time"));
        assert!(
            parse_span("99999999999999w")
                .unwrap_err()
                .contains("100 years")
        );
    }

    #[test]
    fn terms_include_lifetime() {
        assert_eq!(parse_term("Lifetime"), Ok(Term::Lifetime));
        assert_eq!(parse_term("30d"), Ok(Term::For(Duration::days(30))));
        assert_eq!(Term::For(Duration::days(30)).to_string(), "30d");
    }

    #[test]
    fn durations_read_as_people_type_them() {
        assert_eq!(describe(Duration::days(7)), "7d");
        assert_eq!(describe(Duration::days(30)), "30d");
        assert_eq!(describe(Duration::weeks(12)), "12w");
        assert_eq!(describe(Duration::hours(6)), "6h");
        assert_eq!(describe(Duration::minutes(150)), "2h 30m");
        assert_eq!(describe(Duration::hours(36)), "1d 12h");
        assert_eq!(describe(Duration::zero()), "0s");
    }
}
