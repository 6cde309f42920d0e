//! Items 4 and 6: `steward backup` while the bot writes, `steward restore` refused while it
//! runs, and exports beside it.

use std::io::Write;

use super::{open_console, stderr, stdout, steward};

#[test]
fn a_backup_taken_while_the_bot_writes_is_whole_and_says_where_it_went() {
    let dir = tempfile::tempdir().unwrap();
    let (mut console, mut stdin) = open_console(dir.path(), "hello everyone\n/rank\n");
    let writer = std::thread::spawn(move || {
        for n in 0..3000 {
            if writeln!(stdin, "/as member{n}\nhello from {n}").is_err() {
                break;
            }
        }
        stdin
    });
    let mut sizes = Vec::new();
    for i in 0..3 {
        let out = format!("copy{i}.db");
        let output = steward(dir.path(), &["backup", "--out", &out], &[], "");
        assert!(output.status.success(), "{output:?}");
        let said = stdout(&output);
        assert!(said.contains(&format!("to {out} (")), "{said}");
        assert!(said.contains("integrity check"), "{said}");
        sizes.push(std::fs::metadata(dir.path().join(&out)).unwrap().len());
    }
    drop(writer.join().unwrap());
    assert!(console.wait().unwrap().success());
    for i in 0..3 {
        let path = format!("copy{i}.db");
        let exported = steward(
            dir.path(),
            &["export", "json"],
            &[("STEWARD_DATABASE_PATH", &path)],
            "",
        );
        assert!(exported.status.success(), "{exported:?}");
        let rows: serde_json::Value = serde_json::from_str(&stdout(&exported)).unwrap();
        assert!(rows.as_array().unwrap().iter().any(|r| r["id"] == "alice"));
    }
    assert!(sizes.iter().all(|&s| s > 0), "{sizes:?}");
}

#[test]
fn restore_is_refused_while_a_bot_runs_and_keeps_the_database_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    steward(dir.path(), &["console", "--as", "bob"], &[], "/daily\n");
    let backed = steward(dir.path(), &["backup", "--out", "before.db"], &[], "");
    assert!(backed.status.success(), "{backed:?}");

    let (mut console, stdin) = open_console(dir.path(), "hello everyone\n/rank\n");
    let refused = steward(dir.path(), &["restore", "before.db"], &[], "");
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("another Steward process (pid"),
        "{refused:?}"
    );
    drop(stdin);
    assert!(console.wait().unwrap().success());

    let restored = steward(dir.path(), &["restore", "before.db"], &[], "");
    assert!(restored.status.success(), "{restored:?}");
    let said = stdout(&restored);
    assert!(
        said.contains("Restored before.db into steward.db"),
        "{said}"
    );
    assert!(
        said.contains("kept as steward.db.before-restore-"),
        "{said}"
    );
    let rows = stdout(&steward(dir.path(), &["export", "json"], &[], ""));
    assert!(
        rows.contains("\"bob\"") && !rows.contains("\"alice\""),
        "{rows}"
    );

    std::fs::write(dir.path().join("junk.db"), "not a database").unwrap();
    let junk = steward(dir.path(), &["restore", "junk.db"], &[], "");
    assert!(!junk.status.success(), "{junk:?}");
}

#[test]
fn export_and_backup_work_beside_a_running_bot() {
    let dir = tempfile::tempdir().unwrap();
    let (mut console, stdin) = open_console(dir.path(), "hello everyone\n/rank\n");
    let exported = steward(dir.path(), &["export", "json"], &[], "");
    assert!(exported.status.success(), "{exported:?}");
    assert!(stdout(&exported).contains("\"alice\""), "{exported:?}");
    let member = steward(
        dir.path(),
        &["export", "--member", "console:alice"],
        &[],
        "",
    );
    assert!(member.status.success(), "{member:?}");
    let backup = steward(dir.path(), &["backup"], &[], "");
    assert!(backup.status.success(), "{backup:?}");
    assert!(stdout(&backup).contains("backups/steward-"), "{backup:?}");
    let check = steward(dir.path(), &["check-config"], &[], "");
    assert!(check.status.success(), "{check:?}");
    drop(stdin);
    assert!(console.wait().unwrap().success());
}
