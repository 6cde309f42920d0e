//! Item 1: settings from the environment, and the warning when login links would point at an
//! address members cannot open.

use super::{stderr, stdout, steward};

#[test]
fn check_config_reads_keys_from_the_environment_and_warns_of_unreachable_links() {
    let dir = tempfile::tempdir().unwrap();
    let vars = [
        ("STEWARD_WEB_LISTEN", "0.0.0.0:8080"),
        ("STEWARD_COMMUNITY_NAME", "Rustaceans"),
    ];
    let output = steward(dir.path(), &["check-config"], &vars, "");
    let text = stdout(&output);
    assert!(output.status.success(), "{output:?}");
    assert!(text.contains("community: Rustaceans"), "{text}");
    assert!(
        text.contains("warning: login links sent to members point at http://0.0.0.0:8080"),
        "{text}"
    );

    let vars = [
        ("STEWARD_WEB_LISTEN", "0.0.0.0:8080"),
        ("STEWARD_WEB_PUBLIC_URL", "https://steward.example.org"),
    ];
    let output = steward(dir.path(), &["check-config"], &vars, "");
    assert!(!stdout(&output).contains("warning"), "{output:?}");
}

#[test]
fn a_bad_value_in_the_environment_is_named_by_its_variable() {
    let dir = tempfile::tempdir().unwrap();
    let vars = [("STEWARD_POINTS_DAILY_BASE", "lots")];
    let output = steward(dir.path(), &["check-config"], &vars, "");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(
        stderr(&output).contains(
            "points.daily_base: must be a whole number, not lots (set by STEWARD_POINTS_DAILY_BASE)"
        ),
        "{output:?}"
    );
}

#[test]
fn the_console_warns_at_start_when_links_would_point_at_0_0_0_0() {
    let dir = tempfile::tempdir().unwrap();
    let vars = [("STEWARD_WEB_LISTEN", "0.0.0.0:0")];
    let output = steward(dir.path(), &["console"], &vars, "/quit\n");
    assert!(output.status.success(), "{output:?}");
    assert!(
        stderr(&output).contains("login links sent to members point at http://0.0.0.0:"),
        "{output:?}"
    );
}
