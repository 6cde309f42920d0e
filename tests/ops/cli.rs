//! Item 9: the command line's manners: check-config without a file says what it checked, a
//! closed pipe ends an export quietly, and user errors come without a stack trace.

use std::io::Read;
use std::process::Stdio;

use super::{command, stderr, stdout, steward};

#[test]
fn check_config_without_a_file_says_it_checked_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let output = steward(dir.path(), &["check-config"], &[], "");
    assert!(output.status.success(), "{output:?}");
    let said = stdout(&output);
    assert!(
        said.starts_with("No steward.toml found here, so the built-in defaults were checked"),
        "{said}"
    );
    assert!(!said.contains("steward.toml is valid"), "{said}");

    std::fs::write(
        dir.path().join("steward.toml"),
        "[community]\nname = \"Rust\"\n",
    )
    .unwrap();
    let said = stdout(&steward(dir.path(), &["check-config"], &[], ""));
    assert!(said.starts_with("steward.toml is valid."), "{said}");
}

#[test]
fn an_export_into_a_pipe_closed_early_ends_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let rows: Vec<String> = (1..=5000)
        .map(|n| {
            format!(r#"{{"id": "{n}", "platform": "discord", "xp": {n}, "name": "member{n}"}}"#)
        })
        .collect();
    std::fs::write(
        dir.path().join("many.json"),
        format!("[{}]", rows.join(",\n")),
    )
    .unwrap();
    let imported = steward(dir.path(), &["import", "json", "many.json"], &[], "");
    assert!(imported.status.success(), "{imported:?}");

    let mut child = command(dir.path(), &["export", "json"], &[("RUST_BACKTRACE", "1")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0_u8; 100];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // The reader is gone, like `head` after its lines.
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
}

#[test]
fn user_errors_print_the_problem_without_a_stack_trace() {
    let dir = tempfile::tempdir().unwrap();
    let backtrace = [("RUST_BACKTRACE", "1")];
    let missing = steward(
        dir.path(),
        &["run", "--config", "nope.toml"],
        &backtrace,
        "",
    );
    assert!(!missing.status.success());
    let said = stderr(&missing);
    assert!(said.starts_with("Error: cannot read nope.toml"), "{said}");
    assert!(!said.to_lowercase().contains("backtrace"), "{said}");

    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let vars = [
        ("RUST_BACKTRACE", "1"),
        ("STEWARD_WEB_LISTEN", addr.as_str()),
    ];
    let busy = steward(dir.path(), &["console"], &vars, "");
    assert!(!busy.status.success());
    let said = stderr(&busy);
    assert!(said.contains(&format!("cannot listen on {addr}")), "{said}");
    assert!(!said.to_lowercase().contains("backtrace"), "{said}");
}
