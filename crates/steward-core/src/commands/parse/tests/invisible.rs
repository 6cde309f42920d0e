//! Text that draws nothing (zero-width spaces, word joiners, Hangul fillers) is no text: a
//! command that needs words refuses it as if nothing were typed, and an optional reason drops it.

use super::*;

const ZWSP: &str = "\u{200B}\u{200B}";

#[test]
fn a_broadcast_of_invisible_characters_is_refused_with_the_usage() {
    let Err(CommandError::Usage { problem, .. }) = parse(&format!("/broadcast all {ZWSP}"), false)
    else {
        panic!("a broadcast of nothing visible was accepted");
    };
    assert_eq!(problem, msg!("parse-broadcast"));
    assert!(matches!(
        ok("/broadcast all \u{200B}hello"),
        Command::Broadcast { text, .. } if text == "\u{200B}hello"
    ));
}

#[test]
fn submissions_drops_and_feedback_of_invisible_characters_are_refused() {
    for line in [
        format!("/submit {ZWSP}"),
        "/submit \u{3164}".to_owned(),
        format!("/drop in 1h {ZWSP}"),
        format!("/feedback 3 {ZWSP}"),
    ] {
        assert!(
            matches!(parse(&line, false), Err(CommandError::Usage { .. })),
            "{line:?} was accepted"
        );
    }
}

#[test]
fn a_reply_with_invisible_text_takes_the_replied_message() {
    assert!(matches!(
        parse(&format!("/submit {ZWSP}"), true),
        Ok(Some(Command::Submit { text })) if text.is_empty()
    ));
}

#[test]
fn an_invisible_thanks_reason_is_no_reason() {
    assert!(matches!(
        ok(&format!("/thanks @bob {ZWSP}")),
        Command::Thanks { reason: None, .. }
    ));
}
