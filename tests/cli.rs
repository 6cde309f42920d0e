//! The `steward` binary as a newcomer uses it: the console with piped input, check-config and
//! run without tokens. Each test works in its own temp directory.

// Helpers here unwrap as the tests do: a failure is the test failing, at its line.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::process::{Command, Stdio};

mod cli_support;
use cli_support::{stdout, steward, steward_bytes};

/// A console that stays open: `input` was handled (its last line a `/rank`) and stdin is still
/// open, so the process holds the database until the returned stdin is dropped.
fn open_console(
    dir: &std::path::Path,
    input: &str,
) -> (std::process::Child, std::process::ChildStdin) {
    use std::io::{BufRead, BufReader};

    let mut child = Command::new(env!("CARGO_BIN_EXE_steward"))
        .args(["console", "--as", "alice"])
        .env("STEWARD_WEB_LISTEN", "127.0.0.1:0")
        .env("STEWARD_METRICS_LISTEN", "127.0.0.1:0")
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    stdin.flush().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // The rank's last line means every event was handled.
    assert!(lines.any(|l| l.unwrap().starts_with("bot> Balance:")));
    (child, stdin)
}

#[test]
fn a_piped_console_session_prints_the_members_rank() {
    let dir = tempfile::tempdir().unwrap();
    let output = steward(dir.path(), &["console"], "/as alice\nhello there\n/rank\n");
    assert!(output.status.success(), "{output:?}");
    let text = stdout(&output);
    assert!(text.contains("bot> alice: Level 0, "), "{text}");
    assert!(
        text.contains(" XP (") && text.contains("Rank: #1 all time"),
        "{text}"
    );
    assert!(
        dir.path().join("steward.db").exists(),
        "defaults put steward.db in the working directory"
    );
}

#[test]
fn console_state_persists_between_sessions() {
    let dir = tempfile::tempdir().unwrap();
    steward(dir.path(), &["console", "--as", "bob"], "/daily\n");
    let text = stdout(&steward(
        dir.path(),
        &["console", "--as", "bob"],
        "/daily\n/rank\n",
    ));
    assert!(text.contains("already checked in"), "{text}");
    assert!(text.contains("bob: Level 0, 50 XP"), "{text}");
}

#[test]
fn console_operators_come_from_config_or_op() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("steward.toml"),
        "[community]\noperators = [\"console:admin\"]\n",
    )
    .unwrap();
    let script = "/as bob\nhello everyone\n/as admin\n/points add @bob 100 welcome\n/as carol\n/points add @bob 1\n/op\n/points add @bob 1\n";
    let text = stdout(&steward(dir.path(), &["console"], script));
    assert!(
        text.contains("bot> [#general] 🎉 bob reached Level 1!"),
        "{text}"
    );
    assert!(text.contains("Added 100 points to bob"), "{text}");
    assert!(text.contains("Only operators can use /points"), "{text}");
    assert!(text.contains("Added 1 point to bob"), "{text}");
}

#[test]
fn check_config_names_the_key_and_line_of_each_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "[community]\nname = \"x\"\ntimezone = \"Europe/Berln\"\n",
    )
    .unwrap();
    let output = steward(dir.path(), &["check-config", "--config", "bad.toml"], "");
    assert_eq!(output.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        errors.contains("line 3: community.timezone: `Europe/Berln` is not an IANA timezone"),
        "{errors}"
    );

    let good = steward(dir.path(), &["check-config"], "");
    assert!(
        good.status.success() && stdout(&good).contains("the built-in defaults were checked"),
        "{good:?}"
    );
}

#[test]
fn check_config_reports_every_mistake_at_once_sorted_by_line_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        r#"[community]
name = "x"
timezone = 5
operators = ["telegram:abc"]

[points]
message_xp_min = "ten"
daily_bonus = 3

[[tiers]]
id = "pro"
name = "Pro"
rank = 1
daily_bonus = -500

[channels.news]
"#,
    )
    .unwrap();

    let output = steward(dir.path(), &["check-config", "--config", "bad.toml"], "");

    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let errors = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(
        lines,
        [
            "bad.toml has 6 problems:",
            "  line 3: community.timezone: must be text in quotes, not 5",
            "  line 4: community.operators: `telegram:abc` is not a Telegram user id (a positive whole number, like telegram:123456789)",
            "  line 7: points.message_xp_min: must be a whole number, not \"ten\"",
            "  line 8: points.daily_bonus: unknown field `daily_bonus` in [points]; it belongs in [[tiers]]",
            "  line 14: tiers[0].daily_bonus: must be between 0 and 1000000, not -500",
            "  line 16: channels.news: names no discord, telegram or console chat, so a drop to it would reach no one",
        ],
        "{errors}"
    );
}

#[test]
fn run_without_a_token_says_so_and_points_to_the_console() {
    let dir = tempfile::tempdir().unwrap();
    let output = steward(dir.path(), &["run"], "");
    assert!(!output.status.success());
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        errors.contains("no platform token is configured") && errors.contains("steward console"),
        "{errors}"
    );
}

#[test]
fn a_missing_explicit_config_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = steward(dir.path(), &["migrate", "--config", "nope.toml"], "");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read nope.toml"));
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_console_and_closes_the_database_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, stdin) = open_console(dir.path(), "hello there\n/rank\n");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("the console did not stop within 10 s of SIGTERM");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert!(status.success(), "a clean exit on SIGTERM: {status:?}");
    drop(stdin);
    let wal = dir.path().join("steward.db-wal");
    assert!(
        !wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0,
        "the WAL was checkpointed"
    );

    let text = stdout(&steward(
        dir.path(),
        &["console", "--as", "alice"],
        "/rank\n",
    ));
    assert!(text.contains("Rank: #1 all time"), "{text}");
}

#[test]
fn a_console_drop_arrives_when_it_is_due() {
    let dir = tempfile::tempdir().unwrap();
    let script =
        "/as admin\n/op\n/drop in 1s hello from the future\n/drop list\n/wait 2s\n/drop status 1\n";
    let text = stdout(&steward(dir.path(), &["console"], script));
    assert!(text.contains("bot> Scheduled drop #1 for "), "{text}");
    assert!(
        text.contains("bot> [#general] hello from the future"),
        "{text}"
    );
    assert!(
        text.contains("bot> [#general] (drop #1: rate it with /rate 1 1-5)"),
        "{text}"
    );
    assert!(text.contains("console:general: sent"), "{text}");
}

#[test]
fn a_second_process_on_the_same_database_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, stdin) = open_console(dir.path(), "/rank\n");

    let second = steward(dir.path(), &["console", "--as", "bob"], "hello\n/rank\n");
    assert!(!second.status.success(), "{second:?}");
    let error = String::from_utf8_lossy(&second.stderr);
    assert!(
        error.contains(&format!("another Steward process (pid {})", first.id()))
            && error.contains("steward.db"),
        "{error}"
    );
    assert!(stdout(&second).is_empty(), "nothing was handled");
    assert!(
        !error.contains("Web pages"),
        "the lock is taken before the pages: {error}"
    );

    drop(stdin); // end of input: the first console closes the database and exits
    assert!(first.wait().unwrap().success());
    let third = stdout(&steward(dir.path(), &["console", "--as", "bob"], "/rank\n"));
    assert!(
        third.contains("bob: Level 0"),
        "free again once the first stopped: {third}"
    );
}

#[test]
fn a_line_that_is_not_utf8_is_read_with_a_notice_and_the_console_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = b"/as alice\nhello \xff\xfe there\n/rank\n";
    let output = steward_bytes(dir.path(), &["console"], input);
    assert!(output.status.success(), "{output:?}");
    let text = stdout(&output);
    assert!(
        text.contains(
            "bot> That line was not valid UTF-8; the unreadable bytes are shown as \u{FFFD}."
        ),
        "{text}"
    );
    assert!(
        text.contains("Rank: #1 all time"),
        "the rest was read: {text}"
    );
}

#[test]
fn separate_console_runs_never_share_a_request_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("steward.toml"),
        "[community]\noperators = [\"console:admin\"]\n\n[[tiers]]\nid = \"pro\"\nname = \"Pro\"\nrank = 1\n\n\
         [[rewards]]\nid = \"pro-day\"\nname = \"A day of Pro\"\ncost = 1\ntier = \"pro\"\nduration = \"1d\"\n",
    )
    .unwrap();
    steward(
        dir.path(),
        &["console", "--as", "admin"],
        "/points add @bob 100\n",
    );
    // Runs started within the same second each redeem once: each is a new request.
    for run in 0..6 {
        let text = stdout(&steward(
            dir.path(),
            &["console", "--as", "bob"],
            "/redeem pro-day\n",
        ));
        assert!(text.contains("Redeemed A day of Pro"), "run {run}: {text}");
    }
    let text = stdout(&steward(dir.path(), &["console", "--as", "bob"], "/rank\n"));
    assert!(text.contains("Balance: 94 points"), "{text}");
}

#[test]
fn the_console_leaves_discord_and_telegram_posts_pending_for_steward_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("steward.toml"),
        "[community]\noperators = [\"console:admin\"]\n\n[discord]\nguilds = [1]\n\n\
         [telegram]\nchats = [-100]\n\n[channels.news]\ndiscord = \"1200\"\ntelegram = -100\nconsole = \"news\"\n",
    )
    .unwrap();
    let script = "/drop now to news Release notes\n/wait 2s\n/drop status 1\n";
    let text = stdout(&steward(dir.path(), &["console", "--as", "admin"], script));
    assert!(
        text.contains(
            "Its Discord and Telegram posts wait for `steward run`: this process does not drive them."
        ),
        "{text}"
    );
    assert!(
        text.contains("bot> [#news] Release notes"),
        "the console post: {text}"
    );
    assert!(text.contains("console:news: sent"), "{text}");
    assert!(text.contains("discord:1200: pending"), "{text}");
    assert!(text.contains("telegram:-100: pending"), "{text}");
    // A later console run leaves them pending too: only `steward run` settles them.
    let later = stdout(&steward(
        dir.path(),
        &["console", "--as", "admin"],
        "/wait 1s\n/drop status 1\n",
    ));
    assert!(later.contains("discord:1200: pending"), "{later}");
}

#[test]
fn a_console_reply_to_someone_without_a_message_here_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let script = "/as alice\n/reply ghost +1\n/reply ghost /drop in 1m\n/as bob\nhi all\n/as alice\n/reply bob +1\n";
    let text = stdout(&steward(dir.path(), &["console"], script));
    assert_eq!(
        text.matches("bot> ghost has no message in #general to reply to")
            .count(),
        2,
        "{text}"
    );
    assert!(
        text.contains("alice thanked bob"),
        "a real reply still works: {text}"
    );
}

#[test]
fn console_as_takes_the_same_names_as_slash_as() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["", "bad name!"] {
        let output = steward(dir.path(), &["console", "--as", bad], "/rank\n");
        assert!(!output.status.success(), "{bad:?}: {output:?}");
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(
            error.contains("is not a console name: use 1 to 32 letters, digits, - or _"),
            "{error}"
        );
        assert!(stdout(&output).is_empty(), "nothing was handled");
    }
    assert!(
        !dir.path().join("steward.db").exists(),
        "refused before the database opened"
    );
}

#[test]
fn a_console_session_answers_each_member_in_their_language_in_the_same_chat() {
    let dir = tempfile::tempdir().unwrap();
    let script =
        "/as mei\n/language zh\n/daily\n/rank\n/as tom\n/daily\n/rank\n/as mei\n/leaderboard\n";
    let text = stdout(&steward(dir.path(), &["console"], script));
    assert!(text.contains("之后 Steward 会用中文和你交流"), "{text}");
    assert!(text.contains("bot> mei：等级 0"), "{text}");
    assert!(text.contains("bot> tom: Level 0, "), "{text}");
    assert!(text.contains("总榜"), "{text}");
    // The choice is stored: a later session still speaks Chinese to mei.
    let again = stdout(&steward(
        dir.path(),
        &["console", "--as", "mei"],
        "/daily\n",
    ));
    assert!(again.contains("今天已经签到过了"), "{again}");
}

#[test]
fn a_chinese_community_speaks_chinese_on_the_console_by_default() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("steward.toml"),
        "[community]\nlanguage = \"zh-CN\"\n",
    )
    .unwrap();
    let text = stdout(&steward(
        dir.path(),
        &["console"],
        "/help\n/nonsense\n/language en\n/help\n",
    ));
    assert!(text.contains("你可以使用的命令"), "{text}");
    assert!(text.contains("没有 /nonsense 这个命令"), "{text}");
    assert!(text.contains("commands you can use"), "{text}");
}

#[test]
fn import_mee6_names_bad_rows_updates_instead_of_adding_and_exports_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mee6.json"),
        r#"{"players": [
  {"id": "111111111111111111", "username": "alice", "xp": 4675, "level": 10},
  {"id": "oops", "username": "eve", "xp": 5}
]}"#,
    )
    .unwrap();
    let dry = stdout(&steward(
        dir.path(),
        &["import", "mee6", "mee6.json", "--dry-run"],
        "",
    ));
    assert!(
        dry.contains("Dry run, nothing written. Would import 1 rows from mee6.json: 1 added (1 new members), 0 updated, 0 unchanged; +4675 XP"),
        "{dry}"
    );
    assert!(
        !dir.path().join("steward.db").exists(),
        "a dry run creates no database"
    );
    let strict = steward(dir.path(), &["import", "mee6", "mee6.json", "--strict"], "");
    assert!(!strict.status.success());
    let said = String::from_utf8_lossy(&strict.stderr);
    assert!(
        said.contains("mee6.json: line 3, entry 2 (id oops):")
            && said.contains("nothing was imported"),
        "{said}"
    );
    let first = stdout(&steward(dir.path(), &["import", "mee6", "mee6.json"], ""));
    assert!(
        first.contains("Imported 1 rows from mee6.json: 1 added"),
        "{first}"
    );
    let second = stdout(&steward(dir.path(), &["import", "mee6", "mee6.json"], ""));
    assert!(
        second.contains("0 added (0 new members), 0 updated, 1 unchanged; +0 XP"),
        "{second}"
    );
    std::fs::write(
        dir.path().join("bad.json"),
        r#"{"players":[{"id":"x","xp":1},{"id":"222222222222222222","xp":-1}]}"#,
    )
    .unwrap();
    let all_bad = steward(dir.path(), &["import", "mee6", "bad.json"], "");
    assert!(!all_bad.status.success(), "a file of only bad rows fails");
    let said = String::from_utf8_lossy(&all_bad.stderr);
    assert!(
        said.contains("bad.json: line 1, entry 2 (id 222222222222222222):")
            && said.contains("Every row of bad.json is bad"),
        "{said}"
    );
    let exported = stdout(&steward(dir.path(), &["export", "json"], ""));
    let rows: serde_json::Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(rows[0]["id"], "111111111111111111");
    assert_eq!(rows[0]["platform"], "discord");
    assert_eq!(rows[0]["xp"], 4675);
}

#[test]
fn export_member_writes_one_members_data_and_names_an_unknown_id() {
    let dir = tempfile::tempdir().unwrap();
    let session = stdout(&steward(
        dir.path(),
        &["console", "--as", "alice"],
        "hello everyone\n/daily\n/privacy export\n",
    ));
    // The console's DM of a file is a file beside the database.
    let saved = session
        .lines()
        .find_map(|l| l.split("file saved: ").nth(1))
        .unwrap_or_else(|| panic!("{session}"));
    let from_chat: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join(saved)).unwrap()).unwrap();
    assert_eq!(from_chat["tables"]["accounts"][0]["user_id"], "alice");

    let out = steward(
        dir.path(),
        &["export", "--member", "console:alice", "--out", "alice.json"],
        "",
    );
    assert!(out.status.success(), "{out:?}");
    let by_mail: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("alice.json")).unwrap())
            .unwrap();
    assert_eq!(by_mail["member_id"], from_chat["member_id"]);
    assert_eq!(by_mail["tables"]["ledger"].as_array().unwrap().len(), 2);

    let unknown = steward(dir.path(), &["export", "--member", "console:nobody"], "");
    assert!(!unknown.status.success());
    let said = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        said.contains("no member is known as `console:nobody`"),
        "{said}"
    );
}

#[test]
fn a_web_port_in_use_stops_the_start_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let output = Command::new(env!("CARGO_BIN_EXE_steward"))
        .args(["console", "--as", "alice"])
        .current_dir(dir.path())
        .env("STEWARD_WEB_LISTEN", &addr)
        .env("STEWARD_METRICS_LISTEN", "127.0.0.1:0")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains(&format!("cannot listen on {addr} (web.listen)")),
        "{said}"
    );
    let metrics = Command::new(env!("CARGO_BIN_EXE_steward"))
        .args(["console", "--as", "alice"])
        .current_dir(dir.path())
        .env("STEWARD_WEB_LISTEN", "127.0.0.1:0")
        .env("STEWARD_METRICS_LISTEN", &addr)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!metrics.status.success());
    let said = String::from_utf8_lossy(&metrics.stderr);
    assert!(
        said.contains(&format!("cannot listen on {addr} (web.metrics_listen)")),
        "{said}"
    );
    let bad = steward(dir.path(), &["console"], "");
    assert!(bad.status.success(), "port 0 always binds");
    let printed = String::from_utf8_lossy(&bad.stderr);
    assert!(
        printed.contains("Web pages: http://127.0.0.1:"),
        "{printed}"
    );
    assert!(
        printed.contains("Metrics: http://127.0.0.1:") && printed.contains("/metrics"),
        "{printed}"
    );
}
