//! Rank cards on a server that cannot draw them: members are told so, operators why.

use super::{stdout, steward};

#[test]
fn without_fonts_a_card_is_refused_and_the_operators_are_told_the_cause_once() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(
        dir.path().join("steward.toml"),
        "[community]\noperators = [\"console:admin\"]\n",
    )
    .expect("the config is written");
    let missing = dir.path().join("no-fonts-here");
    let missing = missing.to_str().expect("a UTF-8 temp path");
    let output = steward(
        dir.path(),
        &["console", "--as", "bob"],
        &[("STEWARD_FONTS_DIR", missing)],
        "hello everyone\n/rank card\n/rank card\n",
    );
    assert!(output.status.success(), "{output:?}");
    let text = stdout(&output);
    assert_eq!(
        text.matches("Rank cards can't be drawn here right now")
            .count(),
        2,
        "{text}"
    );
    let told: Vec<&str> = text
        .lines()
        .filter(|line| line.contains("[dm to admin] Rank cards cannot be drawn on this server"))
        .collect();
    assert_eq!(told.len(), 1, "{text}");
    assert!(
        told[0].contains("no-fonts-here"),
        "the cause names the directory: {text}"
    );
}
