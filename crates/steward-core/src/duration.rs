//! Durations as people type them: `30d`, `12w`, `2h30m`, `90s`, and `lifetime` for memberships;
//! the units are words of the locales ([`Word`]), so `30天`, `2小时30分钟` and `永久` read too.

use std::fmt;

use chrono::Duration;

use super::words::Word;
use steward_i18n::Msg;
use steward_i18n::msg;

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

/// A month as a span: 30 days (a term, not a calendar month).
const MONTH_DAYS: i64 = 30;
/// A year as a span: 365 days.
const YEAR_DAYS: i64 = 365;

/// Seconds in one `unit` as typed (`h`, `小时`), any case, with no space in or around it.
fn unit_seconds(unit: &str) -> Option<i64> {
    const DAY: i64 = 86_400;
    if unit.contains(char::is_whitespace) {
        return None;
    }
    let units = [
        (Word::Seconds, 1),
        (Word::Minutes, 60),
        (Word::Hours, 3600),
        (Word::Days, DAY),
        (Word::Weeks, 7 * DAY),
        (Word::Months, MONTH_DAYS * DAY),
        (Word::Years, YEAR_DAYS * DAY),
    ];
    units
        .iter()
        .find(|(word, _)| word.is(unit))
        .map(|(_, seconds)| *seconds)
}

/// Parses `2h30m`, `30d`, `12w`, `45s`, `2小时30分钟`: one or more number-unit pairs, with the
/// units of every locale (s, m, h, d, w, mo, y in English).
pub fn parse_span(text: &str) -> Result<Duration, Msg> {
    let bad = || msg!("duration-invalid", text = text);
    let mut rest = text.trim();
    if rest.is_empty() {
        return Err(bad());
    }
    let mut total: i64 = 0;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let (number, after) = rest.split_at(digits);
        let letters = after
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(after.len());
        let (unit, after) = after.split_at(letters);
        let n: i64 = number.parse().map_err(|_| bad())?;
        let unit = unit_seconds(unit).ok_or_else(bad)?;
        total = n
            .checked_mul(unit)
            .and_then(|s| total.checked_add(s))
            .filter(|t| *t <= MAX_SECONDS)
            .ok_or_else(|| msg!("duration-too-long", text = text))?;
        rest = after;
    }
    if total == 0 {
        return Err(msg!("duration-zero", text = text));
    }
    Ok(Duration::seconds(total))
}

/// Parses a membership term: a span, or `lifetime` (`永久`, `终身`).
pub fn parse_term(text: &str) -> Result<Term, Msg> {
    if Word::Lifetime.is(text) {
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
        for bad in [
            "", "30", "h", "3x", "-5m", "1.5h", "2h30", "2h 30m", "30天天", "天",
        ] {
            assert_eq!(
                parse_span(bad).unwrap_err().to_string(),
                format!("`{bad}` is not a duration like 30m, 2h30m, 7d or 12w."),
            );
        }
        assert!(
            parse_span("0m")
                .unwrap_err()
                .to_string()
                .contains("no time")
        );
        assert!(
            parse_span("99999999999999w")
                .unwrap_err()
                .to_string()
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
    fn chinese_units_read_like_english_ones() {
        assert_eq!(parse_span("30天"), Ok(Duration::days(30)));
        assert_eq!(parse_span("30日"), Ok(Duration::days(30)));
        assert_eq!(parse_span("2周"), Ok(Duration::weeks(2)));
        assert_eq!(parse_span("2星期"), Ok(Duration::weeks(2)));
        assert_eq!(parse_span("6个月"), Ok(Duration::days(180)));
        assert_eq!(parse_span("6月"), Ok(Duration::days(180)));
        assert_eq!(parse_span("1年"), Ok(Duration::days(365)));
        assert_eq!(parse_span("2小时30分钟"), Ok(Duration::minutes(150)));
        assert_eq!(parse_span("2个小时"), Ok(Duration::hours(2)));
        assert_eq!(parse_span("45分钟"), Ok(Duration::minutes(45)));
        assert_eq!(parse_span("45分"), Ok(Duration::minutes(45)));
        assert_eq!(parse_span("90秒"), Ok(Duration::seconds(90)));
        assert_eq!(parse_span("1天12h"), Ok(Duration::hours(36)));
        assert_eq!(parse_span("6mo"), Ok(Duration::days(180)));
        assert_eq!(parse_span("1y"), Ok(Duration::days(365)));
        assert_eq!(parse_term("永久"), Ok(Term::Lifetime));
        assert_eq!(parse_term("终身"), Ok(Term::Lifetime));
        assert_eq!(parse_term("30天"), Ok(Term::For(Duration::days(30))));
    }

    #[test]
    fn a_chinese_member_reads_why_a_span_is_wrong_in_chinese() {
        let zh = steward_i18n::Lang::from_code("zh-CN").expect("zh-CN is compiled in");
        let problem = parse_span("3x").unwrap_err().render(zh);
        assert!(problem.contains("不是有效的时长"), "{problem}");
        assert!(problem.contains("`3x`"), "{problem}");
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
