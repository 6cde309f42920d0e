use super::*;

const MEE6: &str = r#"{
  "page": 0,
  "players": [
    {"id": "111111111111111111", "username": "alice", "xp": 4675, "level": 10},
    {"id": "222222222222222222", "username": "bob", "xp": 120, "level": 1},
    {"id": "not-a-snowflake", "username": "eve", "xp": 5},
    {"id": "333333333333333333", "username": "carol", "xp": -3},
    {"id": "111111111111111111", "username": "alice again", "xp": 1}
  ]
}"#;

#[test]
fn a_mee6_leaderboard_becomes_discord_accounts_and_bad_rows_are_named_by_line() {
    let file = read(ImportFormat::Mee6, MEE6).expect("a MEE6 file");
    let rows: Vec<(usize, &str, &str, i64)> = file
        .rows
        .iter()
        .map(|r| (r.line, r.account.user_id.as_str(), r.name.as_str(), r.xp))
        .collect();
    assert_eq!(
        rows,
        [
            (4, "111111111111111111", "alice", 4675),
            (5, "222222222222222222", "bob", 120)
        ]
    );
    assert!(
        file.rows
            .iter()
            .all(|r| r.account.platform == Platform::Discord)
    );
    let bad: Vec<(usize, String)> = file
        .bad
        .iter()
        .map(|b| (b.line, b.problem.to_string()))
        .collect();
    assert_eq!(bad.len(), 3, "{bad:?}");
    assert_eq!(bad[0].0, 6);
    assert!(bad[0].1.contains("not-a-snowflake"), "{bad:?}");
    assert_eq!(bad[1].0, 7);
    assert!(bad[1].1.contains("-3"), "{bad:?}");
    assert_eq!(bad[2].0, 8);
    assert!(bad[2].1.contains("entry 1 counts"), "{bad:?}");
    assert_eq!(file.hash.len(), 64);
}

#[test]
fn the_plain_list_names_its_platform_and_defaults_to_discord() {
    let text = r#"[
        {"id": 42, "platform": "telegram", "xp": 10},
        {"id": "555555555555555555", "xp": 7},
        {"id": "x", "platform": "matrix", "xp": 1}
    ]"#;
    let file = read(ImportFormat::Json, text).expect("a list");
    assert_eq!(file.rows.len(), 2);
    assert_eq!(
        file.rows[0].account,
        AccountRef::new(Platform::Telegram, "42")
    );
    assert_eq!(file.rows[0].name, "42", "no name: the id stands in");
    assert_eq!(file.rows[1].account.platform, Platform::Discord);
    assert_eq!(file.bad.len(), 1);
    assert_eq!(file.bad[0].line, 4);
}

#[test]
fn a_file_of_another_shape_is_refused_whole() {
    assert!(read(ImportFormat::Mee6, "[]").is_err());
    assert!(read(ImportFormat::Json, r#"{"players": []}"#).is_err());
    assert!(read(ImportFormat::Json, "not json").is_err());
}

#[test]
fn the_same_bytes_have_the_same_hash_and_any_change_another() {
    let a = read(ImportFormat::Mee6, MEE6).expect("read").hash;
    let b = read(ImportFormat::Mee6, MEE6).expect("read").hash;
    let c = read(ImportFormat::Mee6, &MEE6.replace("4675", "4676"))
        .expect("read")
        .hash;
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn imported_names_lose_bidi_controls() {
    let text = r#"[{"id": 42, "platform": "telegram", "name": "\u202enimda\u200b", "xp": 10}]"#;
    let file = read(ImportFormat::Json, text).expect("a list");
    assert_eq!(file.rows[0].name, "nimda");
}

#[test]
fn a_file_on_one_line_names_each_bad_row_by_its_place_and_id() {
    let text = r#"{"players":[{"id":"111111111111111111","xp":1},{"id":"222222222222222222","xp":1000000000001},{"xp":3}]}"#;
    let file = read(ImportFormat::Mee6, text).expect("a MEE6 file");
    let bad: Vec<(usize, usize, Option<&str>)> = file
        .bad
        .iter()
        .map(|b| (b.line, b.entry, b.id.as_deref()))
        .collect();
    assert_eq!(
        bad,
        [(1, 2, Some("222222222222222222")), (1, 3, None)],
        "{:?}",
        file.bad
    );
    let too_much = file.bad[0].problem.to_string();
    assert!(
        too_much.contains("1000000000000"),
        "the bound is named: {too_much}"
    );
}
