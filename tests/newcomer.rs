//! What a newcomer operator sees on the console, as transcripts: replies that say the right
//! thing in the places a first session goes.

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
