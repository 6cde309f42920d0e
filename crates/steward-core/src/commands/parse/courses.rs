//! `/course create ID TITLE | add ID LESSON | remove ID LESSON | tier ID [TIER|none] | stats ID`,
//! `/done LESSON`, `/feedback ID TEXT` and (in `parse.rs`) `/progress`. A lesson is named by its
//! drop id (`#12`).

use super::Command;
use crate::commands::CourseCommand;
use crate::drops::grammar::drop_id;
use steward_i18n::Msg;
use steward_i18n::msg;

/// Longest course id and title typed.
const MAX_ID: usize = 32;
const MAX_TITLE: usize = 100;

/// A course id: one word of letters, digits, `-` and `_`, kept lowercase.
fn course_id(word: &str) -> Result<String, Msg> {
    let id = word.to_lowercase();
    let fits = !id.is_empty()
        && id.chars().count() <= MAX_ID
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if fits {
        Ok(id)
    } else {
        Err(msg!("parse-course-id", word = word))
    }
}

pub(super) fn course(args: &[&str]) -> Result<Command, Msg> {
    let command = match args {
        ["create", id, title @ ..] if !title.is_empty() => {
            let title = title.join(" ");
            if title.chars().count() > MAX_TITLE {
                return Err(msg!("parse-course-title-long", max = MAX_TITLE));
            }
            CourseCommand::Create {
                id: course_id(id)?,
                title,
            }
        }
        ["add", id, lesson] => CourseCommand::Add {
            id: course_id(id)?,
            lesson: drop_id(lesson)?,
        },
        ["remove", id, lesson] => CourseCommand::Remove {
            id: course_id(id)?,
            lesson: drop_id(lesson)?,
        },
        ["tier", id] => CourseCommand::Tier {
            id: course_id(id)?,
            tier: None,
        },
        ["tier", id, tier] => CourseCommand::Tier {
            id: course_id(id)?,
            tier: Some(tier.to_lowercase()).filter(|t| t != "none"),
        },
        ["stats", id] => CourseCommand::Stats { id: course_id(id)? },
        _ => return Err(msg!("parse-course")),
    };
    Ok(Command::Course(command))
}

/// Longest feedback, in characters.
pub const MAX_FEEDBACK: usize = 1000;

pub(super) fn feedback(args: &[&str]) -> Result<Command, Msg> {
    let [drop, text @ ..] = args else {
        return Err(msg!("parse-feedback"));
    };
    if text.is_empty() {
        return Err(msg!("parse-feedback"));
    }
    let text = text.join(" ");
    if text.chars().count() > MAX_FEEDBACK {
        return Err(msg!("parse-feedback-long", max = MAX_FEEDBACK));
    }
    Ok(Command::Feedback {
        drop: drop_id(drop)?,
        text,
    })
}

pub(super) fn done(args: &[&str]) -> Result<Command, Msg> {
    match args {
        [lesson] => Ok(Command::Done {
            lesson: drop_id(lesson)?,
        }),
        _ => Err(msg!("parse-done")),
    }
}
