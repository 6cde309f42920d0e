//! `/certificate [COURSE] [as NAME]` and `/certificate revoke ID REASON`. Whether the course
//! was finished, and whether the asker may revoke, is the engine's to check.

use super::Command;
use crate::certificates::{NAME_MAX_CHARS, printed_name};
use crate::commands::CertificateCommand;
use crate::names::is_blank;
use steward_i18n::{Msg, msg};

pub(super) fn certificate(args: &[&str]) -> Result<Command, Msg> {
    let command = match args {
        ["revoke", id, reason @ ..] => {
            let reason = reason.join(" ");
            if is_blank(&reason) || reason.chars().count() > 200 {
                return Err(msg!("parse-certificate-revoke"));
            }
            CertificateCommand::Revoke {
                id: (*id).to_owned(),
                reason,
            }
        }
        ["revoke"] => return Err(msg!("parse-certificate-revoke")),
        [] => CertificateCommand::Issue {
            course: None,
            name: None,
        },
        ["as", name @ ..] => CertificateCommand::Issue {
            course: None,
            name: Some(name_of(name)?),
        },
        [course] => CertificateCommand::Issue {
            course: Some(course.to_lowercase()),
            name: None,
        },
        [course, "as", name @ ..] => CertificateCommand::Issue {
            course: Some(course.to_lowercase()),
            name: Some(name_of(name)?),
        },
        _ => return Err(msg!("parse-certificate")),
    };
    Ok(Command::Certificate(command))
}

fn name_of(words: &[&str]) -> Result<String, Msg> {
    printed_name(&words.join(" ")).map_err(|_| msg!("parse-certificate-name", max = NAME_MAX_CHARS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_certificate_names_a_course_and_a_printed_name_or_neither() {
        assert_eq!(
            certificate(&["Rust-101", "as", "Ada", "Lovelace"]),
            Ok(Command::Certificate(CertificateCommand::Issue {
                course: Some("rust-101".into()),
                name: Some("Ada Lovelace".into()),
            }))
        );
        assert_eq!(
            certificate(&[]),
            Ok(Command::Certificate(CertificateCommand::Issue {
                course: None,
                name: None,
            }))
        );
        assert_eq!(
            certificate(&["rust-101", "as", "\u{200b}"]),
            Err(msg!("parse-certificate-name", max = NAME_MAX_CHARS))
        );
        assert_eq!(
            certificate(&["revoke", "ABCD"]),
            Err(msg!("parse-certificate-revoke"))
        );
    }
}
