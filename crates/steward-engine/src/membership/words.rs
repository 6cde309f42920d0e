//! Words membership and drop texts share, in the reader's language: lists, platform names,
//! spans (`2d 23h`, `2 天 23 小时`) and membership terms (`30d`, `lifetime`).

use chrono::Duration;

use crate::core::duration::Term;
use crate::core::ids::Platform;
use crate::i18n::{Lang, Msg};
use crate::{msg, tr};

/// Items joined as a list: `basic, pro, vip`, `basic、pro、vip`.
pub(crate) fn list<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    join(items, &tr!(lang, "membership-list-separator"))
}

/// Items read as one phrase: `Basic and Pro`, `Basic、Pro`.
pub(crate) fn and_list<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    join(items, &tr!(lang, "membership-and-separator"))
}

/// Problems in one line: `a; b`, `a；b`.
pub(crate) fn problem_list<S: AsRef<str>>(lang: Lang, problems: &[S]) -> String {
    join(problems, &tr!(lang, "membership-problem-separator"))
}

fn join<S: AsRef<str>>(items: &[S], separator: &str) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(separator)
}

/// A platform's name: `Discord`, `console`, `控制台`.
pub(crate) fn platform(platform: Platform) -> Msg {
    msg!("membership-platform", platform = platform.as_str())
}

/// A span in its largest units, at most two (the form `core::duration::describe` writes in
/// English): whole days as days, or weeks from two whole weeks up.
pub(crate) fn span(d: Duration) -> Msg {
    let mut secs = d.num_seconds().max(0);
    let days = secs / 86_400;
    if secs > 0 && secs % 86_400 == 0 {
        return if days % 7 == 0 && days >= 14 {
            part(days / 7, "w")
        } else {
            part(days, "d")
        };
    }
    let mut parts = Vec::new();
    for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] {
        if secs >= size && parts.len() < 2 {
            parts.push(part(secs / size, unit));
            secs %= size;
        }
    }
    let mut parts = parts.into_iter();
    match (parts.next(), parts.next()) {
        (Some(first), Some(second)) => {
            msg!("membership-span-two", first = first, second = second)
        }
        (Some(only), None) => only,
        _ => part(0, "s"),
    }
}

fn part(n: i64, unit: &'static str) -> Msg {
    msg!("membership-span", n = n, unit = unit)
}

/// How long a grant or reward runs: a span or `lifetime`.
pub(crate) fn term(term: Term) -> Msg {
    match term {
        Term::Lifetime => msg!("membership-term-lifetime"),
        Term::For(d) => span(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_as_describe_writes_them_in_english() {
        let en = Lang::default();
        for d in [
            Duration::days(7),
            Duration::days(30),
            Duration::weeks(12),
            Duration::hours(6),
            Duration::minutes(150),
            Duration::hours(71),
            Duration::zero(),
        ] {
            assert_eq!(
                span(d).render(en),
                crate::core::duration::describe(d),
                "{d}"
            );
        }
        assert_eq!(term(Term::Lifetime).render(en), "lifetime");
    }

    #[test]
    fn spans_read_naturally_in_chinese() {
        let zh = Lang::from_code("zh").expect("zh-CN is compiled in");
        assert_eq!(span(Duration::hours(71)).render(zh), "2 天 23 小时");
        assert_eq!(span(Duration::weeks(2)).render(zh), "2 周");
        assert_eq!(term(Term::Lifetime).render(zh), "永久");
        assert_eq!(list(zh, &["a", "b"]), "a、b");
    }
}
