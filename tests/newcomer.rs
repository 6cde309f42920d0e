//! What a newcomer operator sees on the console, as transcripts: replies that say the right
//! thing in the places a first session goes.

// Helpers here unwrap as the tests do: a failure is the test failing, at its line.
#![allow(clippy::unwrap_used)]

mod cli_support;
use cli_support::{stdout, steward};

const TIERS: &str = "[community]\noperators = [\"console:admin\"]\n\n\
    [[tiers]]\nid = \"pro\"\nname = \"Pro\"\nrank = 1\n";

#[test]
fn a_tier_without_roles_or_chats_ends_without_talk_of_access() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("steward.toml"), TIERS).unwrap();
    let text = stdout(&steward(
        dir.path(),
        &["console", "--as", "admin"],
        "/member grant @x1 pro 1d\n/member revoke @x1 pro\n",
    ));
    assert!(text.contains("x1"), "{text}");
    assert!(!text.contains("gives the same access"), "{text}");
    assert!(!text.contains("[access]"), "{text}");
}

#[test]
fn an_erasure_takes_the_members_exported_files_with_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("steward.toml"), TIERS).unwrap();
    let exports = dir.path().join("exports");
    let text = stdout(&steward(
        dir.path(),
        &["console", "--as", "alice"],
        "/privacy export\n",
    ));
    let folder = exports.join("console-alice");
    assert!(
        std::fs::read_dir(&folder).is_ok_and(|mut d| d.next().is_some()),
        "{text}"
    );
    let text = stdout(&steward(
        dir.path(),
        &["console", "--as", "alice"],
        "/privacy delete\n/privacy delete confirm\n",
    ));
    assert!(!folder.exists(), "{text}");
}
