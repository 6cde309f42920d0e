//! The `[learning]` section (what lessons and courses pay, and when the weekly "for you" DM
//! goes out) and `[submissions]` (what an approved submission pays, the queue's cap per
//! member, the community's rules) and `[[courses]]` (courses made on start-up, with the Discord
//! role finishing one gives).

use chrono::NaiveTime;

use super::file::{CourseSection, LearningSection, SubmissionsSection};
use super::problems::Problems;
use super::shape::SetAside;
use steward_core::drops::schedule::Rule;
use steward_core::tiers::TierDef;

/// What learning pays: XP for each lesson done (once per member), and a bonus for finishing a
/// course; and the weekly recommendation DM's day and local time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearningRules {
    pub lesson_xp: i64,
    pub course_bonus_xp: i64,
    pub recommend_day: Rule,
    pub recommend_time: NaiveTime,
}

impl Default for LearningRules {
    fn default() -> Self {
        Self {
            lesson_xp: 50,
            course_bonus_xp: 200,
            recommend_day: monday(),
            recommend_time: nine(),
        }
    }
}

fn monday() -> Rule {
    Rule::Days(vec![chrono::Weekday::Mon])
}

fn nine() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default()
}

pub(super) fn learning(section: &LearningSection, problems: &mut Problems<'_>) -> LearningRules {
    let written = section.recommend_weekly_at.get_ref().trim();
    let parsed = written.split_once(' ').and_then(|(day, time)| {
        let rule = Rule::parse(day).ok()?;
        let one_day = matches!(&rule, Rule::Days(days) if days.len() == 1);
        let time = NaiveTime::parse_from_str(time.trim(), "%H:%M").ok()?;
        one_day.then_some((rule, time))
    });
    let (recommend_day, recommend_time) = parsed.unwrap_or_else(|| {
        problems.add(
            &section.recommend_weekly_at.span(),
            "learning.recommend_weekly_at",
            format!("`{written}` is not a weekday and a time (like mon 09:00)"),
        );
        (monday(), nine())
    });
    LearningRules {
        lesson_xp: section.lesson_xp,
        course_bonus_xp: section.course_bonus_xp,
        recommend_day,
        recommend_time,
    }
}

/// Members' submissions: XP for each one approved, how many one member may have waiting, and
/// the rules `/rules` shows (the operators' words, not translated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionRules {
    pub xp: i64,
    pub max_pending: i64,
    pub rules: Vec<String>,
}

pub(super) fn submissions(section: SubmissionsSection) -> SubmissionRules {
    SubmissionRules {
        xp: section.xp,
        max_pending: section.max_pending,
        rules: section
            .rules
            .into_iter()
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty())
            .collect(),
    }
}

/// A course declared in config: made (or its title and tier brought up to date) on start-up;
/// finishing it gives `discord_role` on Discord; its certificate needs the member's rating of
/// the `exam` drop, if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseConfig {
    pub id: String,
    pub title: String,
    pub tier: Option<String>,
    pub discord_role: Option<String>,
    /// The drop that is the course's exam: a member's certificate needs their rating of it.
    pub exam: Option<i64>,
    /// A certificate needs an operator's approval of the member's hand-in (`/submit course ID`).
    pub requires_review: bool,
}

pub(super) fn courses(
    entries: &[CourseSection],
    tiers: &[TierDef],
    set_aside: &SetAside,
    problems: &mut Problems<'_>,
) -> Vec<CourseConfig> {
    let mut courses: Vec<CourseConfig> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        if set_aside.has(&format!("courses[{i}]")) {
            continue;
        }
        let id = entry.id.get_ref().trim().to_lowercase();
        let well_formed = !id.is_empty()
            && id.chars().count() <= 32
            && id
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        // Every problem of the entry is named before it is left out.
        let mut usable = true;
        if !well_formed {
            problems.add(
                &entry.id.span(),
                &format!("courses[{i}].id"),
                format!("`{id}` is not a course id (one word of letters, digits, - and _)"),
            );
            usable = false;
        } else if courses.iter().any(|c| c.id == id) {
            problems.add(
                &entry.id.span(),
                &format!("courses[{i}].id"),
                format!("course `{id}` is listed twice"),
            );
            usable = false;
        }
        let title = entry.title.get_ref().trim().to_owned();
        if title.is_empty() {
            problems.add(
                &entry.title.span(),
                &format!("courses[{i}].title"),
                "a course needs a title".to_owned(),
            );
            usable = false;
        }
        let tier = entry.tier.as_ref().and_then(|tier| {
            let wanted = tier.get_ref().trim().to_lowercase();
            if tiers.iter().any(|t| t.id == wanted) {
                Some(wanted)
            } else {
                problems.add(
                    &tier.span(),
                    &format!("courses[{i}].tier"),
                    format!("`{wanted}` is not one of the [[tiers]]"),
                );
                None
            }
        });
        let role_key = format!("courses[{i}].discord_role");
        let discord_role = entry
            .discord_role
            .as_ref()
            .and_then(|role| super::discord_id(role, &role_key, "role", problems));
        if !usable {
            continue;
        }
        courses.push(CourseConfig {
            id,
            title,
            tier,
            discord_role,
            exam: entry.exam.as_ref().map(|e| *e.get_ref()),
            requires_review: entry.requires_review,
        });
    }
    courses
}
