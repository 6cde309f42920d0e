//! Dates and times in the reader's form and the community's timezone. Fluent has no date
//! function in Rust, so the locale files arrange the parts (`datetime`, `date`).

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;

use super::{Arg, Lang};

/// A moment in the community's timezone: `2026-11-25 09:00 (Europe/Berlin)`,
/// `2026年11月25日 09:00（Europe/Berlin）`.
#[must_use]
pub fn datetime(lang: Lang, at: DateTime<Utc>, tz: Tz) -> String {
    let local = at.with_timezone(&tz);
    let mut args = parts(local.date_naive());
    args.push(("time", Arg::Text(local.format("%H:%M").to_string())));
    args.push(("zone", Arg::Text(tz.name().to_owned())));
    super::render(lang, "datetime", &args)
}

/// A day: `2026-11-25`, `2026年11月25日`.
#[must_use]
pub fn date(lang: Lang, day: chrono::NaiveDate) -> String {
    super::render(lang, "date", &parts(day))
}

fn parts(day: chrono::NaiveDate) -> Vec<(&'static str, Arg)> {
    vec![
        ("year", Arg::Text(day.year().to_string())),
        ("month", Arg::from(day.month())),
        ("day", Arg::from(day.day())),
    ]
}
