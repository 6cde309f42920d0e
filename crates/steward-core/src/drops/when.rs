//! WHEN: the first time a drop runs, as typed: `now`, `in 2h30m`, `tomorrow 09:00`,
//! `today 18:00`, `mon 18:30`, `2026-12-01 09:00`, or `18:30` (today, or tomorrow if passed).

use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use super::schedule::{resolve_local, weekday};
use crate::duration::parse_span;
use steward_i18n::Msg;
use steward_i18n::msg;

/// A WHEN as typed, before it is pinned to the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Now,
    In(Duration),
    Today(NaiveTime),
    Tomorrow(NaiveTime),
    Next(Weekday, NaiveTime),
    On(NaiveDate, NaiveTime),
    /// A bare time: today, or tomorrow if it has passed.
    At(NaiveTime),
}

fn time(word: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(word, "%H:%M").ok()
}

/// Refuses a word shaped like a time that is not one (`25:00`, `9:75`), so the reply names it
/// instead of asking for a time that was given.
fn not_a_time(word: Option<&str>) -> Result<(), Msg> {
    match word {
        Some(w)
            if time(w).is_none()
                && w.split_once(':').is_some_and(|(h, m)| {
                    !h.is_empty()
                        && !m.is_empty()
                        && (h.to_owned() + m).bytes().all(|b| b.is_ascii_digit())
                }) =>
        {
            Err(msg!("drop-when-bad-time", time = w))
        }
        _ => Ok(()),
    }
}

/// Reads a WHEN from the start of `words`; returns it and how many words it took.
pub fn parse_when(words: &[&str]) -> Result<(When, usize), Msg> {
    let first = words.first().copied().unwrap_or_default();
    let second = words.get(1).copied();
    let lower = first.to_lowercase();
    not_a_time(second)?;
    not_a_time(Some(first))?;
    let with_time = |make: fn(NaiveTime) -> When| match second.and_then(time) {
        Some(t) => Ok((make(t), 2)),
        None => Err(msg!("drop-when-day-needs-time", word = first)),
    };
    match lower.as_str() {
        "" => Err(msg!("drop-when-missing")),
        "now" => Ok((When::Now, 1)),
        "in" => match second {
            Some(span) => Ok((When::In(parse_span(span)?), 2)),
            None => Err(msg!("drop-when-in-needs-span")),
        },
        "today" => with_time(When::Today),
        "tomorrow" => with_time(When::Tomorrow),
        _ => {
            if let Some(day) = weekday(&lower) {
                return match second.and_then(time) {
                    Some(t) => Ok((When::Next(day, t), 2)),
                    None => Err(msg!("drop-when-weekday-needs-time", word = first)),
                };
            }
            if let Ok(date) = NaiveDate::parse_from_str(first, "%Y-%m-%d") {
                return match second.and_then(time) {
                    Some(t) => Ok((When::On(date, t), 2)),
                    None => Ok((When::On(date, NaiveTime::MIN), 1)),
                };
            }
            if let Some(t) = time(first) {
                return Ok((When::At(t), 1));
            }
            Err(msg!("drop-when-invalid", word = first))
        }
    }
}

impl When {
    /// The instant this WHEN names, seen from `now` in `tz`; refuses times in the past.
    pub fn resolve(self, now: DateTime<Utc>, tz: Tz) -> Result<DateTime<Utc>, Msg> {
        let today = now.with_timezone(&tz).date_naive();
        let local = |day: NaiveDate, t: NaiveTime| resolve_local(day.and_time(t), tz);
        let tomorrow = today.checked_add_days(Days::new(1)).unwrap_or(today);
        let at = match self {
            Self::Now => return Ok(now),
            Self::In(span) => return Ok(now + span),
            Self::Today(t) => local(today, t),
            Self::Tomorrow(t) => local(tomorrow, t),
            Self::At(t) => {
                let at = local(today, t);
                if at > now { at } else { local(tomorrow, t) }
            }
            Self::Next(day, t) => {
                let ahead =
                    (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
                let at = local(today + Days::new(u64::from(ahead)), t);
                if at > now {
                    at
                } else {
                    local(today + Days::new(u64::from(ahead) + 7), t)
                }
            }
            Self::On(day, t) => local(day, t),
        };
        if at < now {
            let at = at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string();
            return Err(msg!("drop-when-passed", at = at));
        }
        Ok(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn resolve(text: &str, now: &str) -> Result<DateTime<Utc>, String> {
        resolve_msg(text, now).map_err(|e| e.to_string())
    }

    fn resolve_msg(text: &str, now: &str) -> Result<DateTime<Utc>, Msg> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let (when, _) = parse_when(&words)?;
        when.resolve(utc(now), chrono_tz::Europe::Berlin)
    }

    // Wednesday 25 November 2026, 10:00 in Berlin.
    const NOW: &str = "2026-11-25T09:00:00Z";

    #[test]
    fn a_time_out_of_range_is_named_not_asked_for() {
        for text in ["tomorrow 25:00 x", "mon 99:00 x", "24:60 x", "today 9:75"] {
            let said = resolve(text, NOW).unwrap_err();
            assert!(said.contains("is not a time of day"), "{text}: {said}");
        }
        let said = resolve("tomorrow x", NOW).unwrap_err();
        assert!(said.contains("needs a time after it"), "{said}");
    }

    #[test]
    fn every_form_resolves_in_the_community_timezone() {
        assert_eq!(resolve("now", NOW), Ok(utc(NOW)));
        assert_eq!(resolve("in 2h30m", NOW), Ok(utc("2026-11-25T11:30:00Z")));
        assert_eq!(
            resolve("tomorrow 09:00", NOW),
            Ok(utc("2026-11-26T08:00:00Z"))
        );
        assert_eq!(resolve("today 18:00", NOW), Ok(utc("2026-11-25T17:00:00Z")));
        assert_eq!(resolve("mon 18:30", NOW), Ok(utc("2026-11-30T17:30:00Z")));
        assert_eq!(resolve("wed 09:00", NOW), Ok(utc("2026-12-02T08:00:00Z")));
        assert_eq!(resolve("wed 11:00", NOW), Ok(utc("2026-11-25T10:00:00Z")));
        assert_eq!(
            resolve("2026-12-01 09:00", NOW),
            Ok(utc("2026-12-01T08:00:00Z"))
        );
        assert_eq!(resolve("08:00", NOW), Ok(utc("2026-11-26T07:00:00Z")));
    }

    #[test]
    fn past_and_malformed_times_are_explained() {
        assert!(
            resolve("2026-01-01 09:00", NOW)
                .unwrap_err()
                .contains("already passed")
        );
        assert!(
            resolve("today 08:00", NOW)
                .unwrap_err()
                .contains("already passed")
        );
        assert!(
            resolve("tomorrow", NOW)
                .unwrap_err()
                .contains("needs a time")
        );
        assert!(resolve("in", NOW).unwrap_err().contains("needs a duration"));
        assert!(resolve("later", NOW).unwrap_err().contains("is not a time"));
        assert!(resolve("25:00", NOW).unwrap_err().contains("is not a time"));
    }

    #[test]
    fn the_english_replies_stay_as_they_were() {
        assert_eq!(
            resolve("today 08:00", NOW).unwrap_err(),
            "2026-11-25 08:00 has already passed; pick a time in the future."
        );
        assert_eq!(
            resolve("mon", NOW).unwrap_err(),
            "`mon` needs a time after it, like mon 18:30."
        );
        assert_eq!(
            resolve("", NOW).unwrap_err(),
            "Say when: now, in 2h, tomorrow 09:00, mon 18:30 or 2026-12-01 09:00."
        );
    }

    #[test]
    fn a_chinese_member_reads_when_problems_in_chinese() {
        let zh = steward_i18n::Lang::from_code("zh-CN").expect("zh-CN is compiled in");
        let passed = resolve_msg("today 08:00", NOW).unwrap_err().render(zh);
        assert_eq!(passed, "2026-11-25 08:00 已经过去了，请选一个将来的时间。");
        let no_time = resolve_msg("tomorrow", NOW).unwrap_err().render(zh);
        assert!(no_time.contains("后面要跟时间"), "{no_time}");
        let span = resolve_msg("in 2小时", NOW);
        assert_eq!(span, Ok(utc("2026-11-25T11:00:00Z")));
    }

    #[test]
    fn words_taken_are_counted() {
        assert_eq!(parse_when(&["now", "hello"]).unwrap().1, 1);
        assert_eq!(parse_when(&["in", "5s", "hello"]).unwrap().1, 2);
    }
}
