//! The `/drop` grammar: `/drop WHEN [every RULE] [to TARGET[,TARGET]] [tier TIER] [tags TAG[,TAG]]
//! [file PATH] TEXT` (a file only where the platform lets a command name one: the console) and the subcommands `list`, `show ID`, `cancel ID`, `status ID`, `stats ID` and
//! `tags ID TAG[,TAG]|none`. The text keeps its
//! original spacing and line breaks.

use super::schedule::Rule;
use super::when::{When, parse_when};
use crate::names::is_blank;
use crate::tags::tag_list;
use steward_i18n::Msg;
use steward_i18n::msg;

/// Longest text a drop may post.
const MAX_TEXT: usize = 4000;

/// A drop as asked for, before it is pinned to the calendar and checked against config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DropRequest {
    pub when: When,
    pub every: Option<Rule>,
    pub targets: Vec<String>,
    pub tier: Option<String>,
    pub tags: Vec<String>,
    /// A file to carry, by its path (`file PATH`, quoted when it has spaces).
    pub file: Option<String>,
    /// Empty when the command replies to the message to schedule, or carries a file alone.
    pub text: String,
}

/// What `/drop ...` asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DropCommand {
    Create(DropRequest),
    List,
    Show(i64),
    Cancel(i64),
    Status(i64),
    Stats(i64),
    /// Replaces a drop's tags; an empty list clears them.
    Tags(i64, Vec<String>),
}

/// Splits off the next word (or a quoted phrase) and returns it with the rest.
pub(crate) fn next_word(s: &str) -> Option<(String, &str)> {
    let s = s.trim_start();
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '"' | '“' | '”') {
        let body = &s[first.len_utf8()..];
        let end = body.find(['"', '“', '”'])?;
        let close = body[end..].chars().next().map_or(1, char::len_utf8);
        return Some((body[..end].to_owned(), &body[end + close..]));
    }
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    Some((s[..end].to_owned(), &s[end..]))
}

/// A drop id as typed: `12` or `#12`.
pub fn drop_id(word: &str) -> Result<i64, Msg> {
    word.trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| msg!("drop-grammar-id-invalid", word = word))
}

/// Words that start a clause; text starting with one needs `--` before it (`/drop now --
/// every day counts`).
pub const CLAUSE_WORDS: &[&str] = &["every", "to", "tier", "tags", "file", "--"];

/// Parses everything after `/drop`. `is_reply` allows leaving the text out. `--` ends the
/// clauses: what follows is the text, whatever its first word.
pub fn parse_drop(args: &str, is_reply: bool) -> Result<DropCommand, Msg> {
    let words: Vec<&str> = args.split_whitespace().collect();
    let id = |words: &[&str]| match words {
        [_, id] => drop_id(id),
        _ => Err(msg!("drop-grammar-id-one")),
    };
    match words.first().map(|w| w.to_lowercase()).as_deref() {
        Some("list") if words.len() == 1 => return Ok(DropCommand::List),
        Some("show") => return id(&words).map(DropCommand::Show),
        Some("cancel") => return id(&words).map(DropCommand::Cancel),
        Some("status") => return id(&words).map(DropCommand::Status),
        Some("stats") => return id(&words).map(DropCommand::Stats),
        Some("tags") => {
            return match words.as_slice() {
                [_, id, list @ ..] if !list.is_empty() => {
                    let list = list.join(" ");
                    let tags = if matches!(list.as_str(), "none" | "-") {
                        Vec::new()
                    } else {
                        tag_list(&list)?
                    };
                    Ok(DropCommand::Tags(drop_id(id)?, tags))
                }
                _ => Err(msg!("drop-grammar-tags")),
            };
        }
        _ => {}
    }
    let (when, taken) = parse_when(&words)?;
    let mut rest = args;
    for _ in 0..taken {
        rest = next_word(rest).map_or("", |(_, r)| r);
    }
    let mut request = DropRequest {
        when,
        every: None,
        targets: Vec::new(),
        tier: None,
        tags: Vec::new(),
        file: None,
        text: String::new(),
    };
    while let Some((word, after)) = next_word(rest) {
        match word.to_lowercase().as_str() {
            "--" => {
                rest = after;
                break;
            }
            "every" if request.every.is_none() => {
                let (rule, after_rule) = read_rule(after)?;
                request.every = Some(rule);
                rest = after_rule;
            }
            "to" if request.targets.is_empty() => {
                let (list, after_list) =
                    next_word(after).ok_or_else(|| msg!("drop-grammar-to-needs-channel"))?;
                request.targets = list
                    .split(',')
                    .map(|t| t.trim().trim_start_matches('#').to_lowercase())
                    .filter(|t| !t.is_empty())
                    .collect();
                if request.targets.is_empty() {
                    return Err(msg!("drop-grammar-to-needs-channel"));
                }
                rest = after_list;
            }
            "tier" if request.tier.is_none() => {
                let (tier, after_tier) =
                    next_word(after).ok_or_else(|| msg!("drop-grammar-tier-needs-id"))?;
                request.tier = Some(tier.to_lowercase());
                rest = after_tier;
            }
            "tags" if request.tags.is_empty() => {
                let (list, after_list) = next_word(after).ok_or_else(|| msg!("tags-none-given"))?;
                request.tags = tag_list(&list)?;
                rest = after_list;
            }
            "file" if request.file.is_none() => {
                let (path, after_path) =
                    next_word(after).ok_or_else(|| msg!("drop-grammar-file-needs-path"))?;
                request.file = Some(path);
                rest = after_path;
            }
            _ => break,
        }
    }
    // Text that draws nothing is no text (a reply's message becomes the drop instead).
    request.text = if is_blank(rest) {
        String::new()
    } else {
        rest.trim().to_owned()
    };
    if request.text.is_empty() && !is_reply && request.file.is_none() {
        return Err(msg!("drop-grammar-text-missing"));
    }
    if request.text.chars().count() > MAX_TEXT {
        return Err(msg!("drop-grammar-text-too-long", max = MAX_TEXT));
    }
    Ok(DropCommand::Create(request))
}

/// A rule: one word (`day`, `mon,thu`), `month N`, or a quoted cron expression.
fn read_rule(s: &str) -> Result<(Rule, &str), Msg> {
    let quoted = s.trim_start().starts_with(['"', '“', '”']);
    let (word, rest) = next_word(s).ok_or_else(|| msg!("drop-grammar-every-needs-rule"))?;
    if quoted {
        return Ok((Rule::parse(&format!("cron:{word}"))?, rest));
    }
    if word.eq_ignore_ascii_case("month") {
        let (n, rest) =
            next_word(rest).ok_or_else(|| msg!("drop-grammar-every-month-needs-day"))?;
        return Ok((Rule::parse(&format!("month {n}"))?, rest));
    }
    Ok((Rule::parse(&word)?, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveTime, Weekday};

    fn create(args: &str) -> DropRequest {
        match parse_drop(args, false).unwrap() {
            DropCommand::Create(r) => r,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_double_dash_ends_the_clauses_so_text_may_start_with_a_clause_word() {
        let r = create("now -- every day counts");
        assert_eq!((r.every, r.text.as_str()), (None, "every day counts"));
        let r = create("now every day -- to the moon");
        assert_eq!(r.every.unwrap().to_text(), "day");
        assert_eq!((r.targets.len(), r.text.as_str()), (0, "to the moon"));
    }

    #[test]
    fn the_full_form_reads_every_clause() {
        let r = create(
            "mon 09:00 every mon,thu to announcements,general tier pro tags Rust,ownership New lesson:\n  *Ownership*",
        );
        assert_eq!(
            r.when,
            When::Next(Weekday::Mon, NaiveTime::from_hms_opt(9, 0, 0).unwrap())
        );
        assert_eq!(r.every.unwrap().to_text(), "mon,thu");
        assert_eq!(r.targets, vec!["announcements", "general"]);
        assert_eq!(r.tier.as_deref(), Some("pro"));
        assert_eq!(r.tags, vec!["rust", "ownership"]);
        assert_eq!(r.text, "New lesson:\n  *Ownership*");
    }

    #[test]
    fn quoted_cron_and_month_rules() {
        let r = create("now every \"0 9 * * 1\" hello");
        assert_eq!(r.every.unwrap().to_text(), "cron:0 9 * * 1");
        let r = create("tomorrow 09:00 every month 1 rent is due");
        assert_eq!(r.every.unwrap().to_text(), "month 1");
        assert_eq!(r.text, "rent is due");
    }

    #[test]
    fn a_plain_drop_is_just_when_and_text() {
        let r = create("in 5s hello world");
        assert_eq!(r.when, When::In(Duration::seconds(5)));
        assert_eq!(r.every, None);
        assert!(r.targets.is_empty());
        assert_eq!(r.text, "hello world");
    }

    #[test]
    fn subcommands_take_ids() {
        assert_eq!(parse_drop("list", false), Ok(DropCommand::List));
        assert_eq!(parse_drop("show #12", false), Ok(DropCommand::Show(12)));
        assert_eq!(parse_drop("cancel 3", false), Ok(DropCommand::Cancel(3)));
        assert_eq!(
            parse_drop("tags #3 rust, async", false),
            Ok(DropCommand::Tags(3, vec!["rust".into(), "async".into()]))
        );
        assert_eq!(
            parse_drop("tags 3 none", false),
            Ok(DropCommand::Tags(3, vec![]))
        );
        assert!(parse_drop("tags 3", false).is_err());
        assert!(
            parse_drop("cancel", false)
                .unwrap_err()
                .to_string()
                .contains("one drop id")
        );
        assert!(
            parse_drop("status x", false)
                .unwrap_err()
                .to_string()
                .contains("not a drop id")
        );
    }

    #[test]
    fn text_is_needed_unless_replying() {
        assert!(
            parse_drop("in 5m", false)
                .unwrap_err()
                .to_string()
                .contains("Give the text")
        );
        assert!(
            matches!(parse_drop("in 5m", true), Ok(DropCommand::Create(r)) if r.text.is_empty())
        );
        assert!(
            parse_drop("in 5m every fortnight hi", false)
                .unwrap_err()
                .to_string()
                .contains("is not a rule")
        );
        assert!(
            parse_drop("in 5m to", false)
                .unwrap_err()
                .to_string()
                .contains("channel name")
        );
    }
}
