//! Item 7: `log.format = "json"` (or STEWARD_LOG_FORMAT=json) writes one JSON object per line.

use super::{stderr, steward};

#[test]
fn json_logs_are_one_object_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let vars = [("STEWARD_LOG_FORMAT", "json"), ("RUST_LOG", "info")];
    let output = steward(
        dir.path(),
        &["console", "--as", "alice"],
        &vars,
        "hello\n/rank\n",
    );
    assert!(output.status.success(), "{output:?}");
    let text = stderr(&output);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(
        lines.iter().any(|l| l["level"] == "INFO"
            && l["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("Web pages: "))),
        "{text}"
    );

    std::fs::write(
        dir.path().join("steward.toml"),
        "[log]\nformat = \"json\"\n",
    )
    .unwrap();
    let output = steward(dir.path(), &["console"], &[("RUST_LOG", "info")], "/quit\n");
    let text = stderr(&output);
    assert!(
        !text.is_empty() && text.lines().all(|l| l.starts_with('{')),
        "{text}"
    );
}
