//! Issue #28 item 1: every key of a `[section]` from `STEWARD_<SECTION>_<KEY>`, winning over
//! the file; bad values name their variable; links that would point at 0.0.0.0 are warned of.

use crate::*;

fn with_env(file: &str, vars: &[(&str, &str)]) -> Result<Config, Vec<String>> {
    let vars: Vec<(String, String)> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    Config::from_toml_and_env(file, |key| {
        vars.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    })
    .map_err(|problems| problems.iter().map(ToString::to_string).collect())
}

#[test]
fn the_public_url_and_any_section_key_come_from_the_environment() {
    let file = "[web]\npublic_url = \"https://old.example.org\"\n";
    let config = with_env(
        file,
        &[
            ("STEWARD_WEB_PUBLIC_URL", "https://steward.example.org"),
            ("STEWARD_POINTS_MESSAGE_XP_MIN", "20"),
            ("STEWARD_ANALYTICS_INDEX_A1", "0.5"),
            ("STEWARD_WEB_ENABLED", "false"),
            ("STEWARD_COMMUNITY_NAME", "Rustaceans"),
            ("STEWARD_DATABASE_PATH", "/data/steward.db"),
        ],
    )
    .unwrap();
    assert_eq!(config.web.public_url, "https://steward.example.org");
    assert_eq!(config.message_xp.min_xp, 20);
    assert!((config.analytics.index_weights.a1 - 0.5).abs() < f64::EPSILON);
    assert!(!config.web.enabled);
    assert_eq!(config.community_name, "Rustaceans");
    assert_eq!(
        config.database_path,
        std::path::Path::new("/data/steward.db")
    );
}

#[test]
fn lists_are_written_like_toml_or_with_commas_and_blank_means_unset() {
    let toml = with_env("", &[("STEWARD_TELEGRAM_CHATS", "[-100, -200]")]).unwrap();
    let commas = with_env(
        "",
        &[
            ("STEWARD_TELEGRAM_CHATS", "-100, -200"),
            ("STEWARD_COMMUNITY_OPERATORS", "telegram:1,console:alice"),
        ],
    )
    .unwrap();
    assert_eq!(toml.telegram.chats, [-100, -200]);
    assert_eq!(commas.telegram.chats, [-100, -200]);
    assert_eq!(commas.operators.len(), 2);
    let blank = with_env(
        "[community]\nname = \"Kept\"\n",
        &[("STEWARD_COMMUNITY_NAME", " ")],
    );
    assert_eq!(blank.unwrap().community_name, "Kept");
}

#[test]
fn a_bad_value_names_its_variable_and_the_file_keeps_its_lines() {
    let file = "[community]\ntimezone = \"Mars/Olympus\"\n";
    let problems = with_env(
        file,
        &[
            ("STEWARD_POINTS_MESSAGE_XP_MIN", "ten"),
            ("STEWARD_WEB_LISTEN", "nowhere"),
        ],
    )
    .unwrap_err();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(
        problems[0].starts_with("line 2: community.timezone:"),
        "{problems:#?}"
    );
    assert!(problems.iter().any(|p| p
        == "points.message_xp_min: must be a whole number, not ten (set by STEWARD_POINTS_MESSAGE_XP_MIN)"));
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("web.listen: `nowhere` is not an address")
                && p.ends_with("(set by STEWARD_WEB_LISTEN)"))
    );
}

#[test]
fn every_section_key_has_a_variable_and_repeated_sections_have_none() {
    let variables = env_variables();
    let has = |v: &str, k: &str| variables.iter().any(|(var, key)| var == v && key == k);
    assert!(has("STEWARD_WEB_PUBLIC_URL", "web.public_url"));
    assert!(has("STEWARD_TELEGRAM_TOKEN", "telegram.token"));
    assert!(has("STEWARD_LEDGER_KEEP_DAYS", "ledger.keep_days"));
    assert!(!variables.iter().any(|(_, key)| key.starts_with("tiers")));
    let readme = include_str!("../../../../README.md");
    assert!(
        readme.contains("STEWARD_<SECTION>_<KEY>"),
        "the README states the rule"
    );
}

#[test]
fn listening_on_every_address_without_a_public_url_warns_of_the_links() {
    let container = with_env("", &[("STEWARD_WEB_LISTEN", "0.0.0.0:8080")]).unwrap();
    assert_eq!(container.web.public_url, "http://0.0.0.0:8080");
    let warning = container.web.unreachable_links().unwrap();
    assert!(warning.contains("http://0.0.0.0:8080"), "{warning}");
    assert!(warning.contains("STEWARD_WEB_PUBLIC_URL"), "{warning}");

    let loopback_link = with_env(
        "[web]\nlisten = \"192.0.2.7:80\"\npublic_url = \"http://localhost\"\n",
        &[],
    )
    .unwrap();
    assert!(loopback_link.web.unreachable_links().is_some());

    let set = with_env(
        "",
        &[
            ("STEWARD_WEB_LISTEN", "0.0.0.0:8080"),
            ("STEWARD_WEB_PUBLIC_URL", "https://steward.example.org"),
        ],
    )
    .unwrap();
    assert_eq!(set.web.unreachable_links(), None);
    assert_eq!(
        Config::default().web.unreachable_links(),
        None,
        "loopback only"
    );
}
