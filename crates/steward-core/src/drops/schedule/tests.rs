use super::*;

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn nine() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).unwrap()
}

fn run(rule: &Rule, at: NaiveTime, from: &str, tz: Tz, n: usize) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    let mut after = utc(from);
    for _ in 0..n {
        let next = next_occurrence(rule, at, after, tz, false).unwrap();
        out.push(next);
        after = next;
    }
    out
}

#[test]
fn rules_read_back_from_their_stored_form() {
    for text in ["day", "weekday", "mon,thu", "month 1", "cron:0 9 * * 1"] {
        assert_eq!(Rule::parse(text).unwrap().to_text(), text);
    }
    assert_eq!(Rule::parse("Thu,Mon,mon").unwrap().to_text(), "mon,thu");
    assert_eq!(
        Rule::parse("0 9 * * 1").unwrap().to_text(),
        "cron:0 9 * * 1"
    );
}

#[test]
fn bad_rules_say_what_a_rule_looks_like() {
    assert!(
        Rule::parse("fortnightly")
            .unwrap_err()
            .to_string()
            .contains("is not a rule")
    );
    assert!(
        Rule::parse("month 32")
            .unwrap_err()
            .to_string()
            .contains("from 1 to 31")
    );
    assert!(
        Rule::parse("cron:99 * * * *")
            .unwrap_err()
            .to_string()
            .contains("not a valid cron expression: the five fields are minute (0-59)")
    );
}

#[test]
fn a_cron_expression_with_seconds_is_refused_so_nothing_posts_every_second() {
    let refused = Rule::parse("* * * * * *").unwrap_err().to_string();
    assert_eq!(
        refused,
        "A cron expression has five fields, minute hour day month weekday (like \"0 9 * * 1-5\"); `* * * * * *` has 6. A minute is the shortest repeat."
    );
    assert!(Rule::parse("cron:0 0 9 * * 1").is_err());
    assert!(Rule::parse("0 9 * * 1-5").is_ok());
}

#[test]
fn weekdays_skip_the_weekend() {
    let tz = chrono_tz::Europe::Berlin;
    // Friday 27 November 2026, after 09:00 local.
    let runs = run(&Rule::Weekday, nine(), "2026-11-27T10:00:00Z", tz, 2);
    assert_eq!(
        runs,
        vec![utc("2026-11-30T08:00:00Z"), utc("2026-12-01T08:00:00Z")]
    );
}

#[test]
fn day_lists_and_month_days() {
    let tz = chrono_tz::UTC;
    let mon_thu = Rule::parse("mon,thu").unwrap();
    let runs = run(&mon_thu, nine(), "2026-11-25T00:00:00Z", tz, 3);
    assert_eq!(
        runs,
        vec![
            utc("2026-11-26T09:00:00Z"),
            utc("2026-11-30T09:00:00Z"),
            utc("2026-12-03T09:00:00Z")
        ]
    );
    let thirty_first = Rule::MonthDay(31);
    let runs = run(&thirty_first, nine(), "2026-12-01T00:00:00Z", tz, 2);
    assert_eq!(
        runs,
        vec![utc("2026-12-31T09:00:00Z"), utc("2027-01-31T09:00:00Z")]
    );
}

#[test]
fn daily_runs_keep_local_time_across_dst_in_berlin() {
    let tz = chrono_tz::Europe::Berlin;
    let runs = run(&Rule::Day, nine(), "2026-03-28T09:00:00Z", tz, 2);
    // 09:00 CET is 08:00 UTC; after the switch, 09:00 CEST is 07:00 UTC.
    assert_eq!(
        runs,
        vec![utc("2026-03-29T07:00:00Z"), utc("2026-03-30T07:00:00Z")]
    );
}

#[test]
fn a_skipped_local_time_runs_once_at_the_next_valid_time() {
    let tz = chrono_tz::Europe::Berlin;
    let half_two = NaiveTime::from_hms_opt(2, 30, 0).unwrap();
    // 29 March 2026: 02:00-03:00 does not exist in Berlin.
    let runs = run(&Rule::Day, half_two, "2026-03-28T12:00:00Z", tz, 2);
    assert_eq!(
        runs,
        vec![utc("2026-03-29T01:00:00Z"), utc("2026-03-30T00:30:00Z")]
    );
}

#[test]
fn a_repeated_local_time_runs_once_not_twice() {
    let tz = chrono_tz::America::New_York;
    let half_one = NaiveTime::from_hms_opt(1, 30, 0).unwrap();
    // 1 November 2026: 01:00-02:00 happens twice in New York.
    let runs = run(&Rule::Day, half_one, "2026-10-31T12:00:00Z", tz, 2);
    assert_eq!(
        runs,
        vec![utc("2026-11-01T05:30:00Z"), utc("2026-11-02T06:30:00Z")]
    );
}

#[test]
fn cron_rules_follow_wall_clock_time_through_both_transitions() {
    let tz = chrono_tz::America::New_York;
    let cron = Rule::parse("30 1 * * *").unwrap();
    let runs = run(&cron, nine(), "2026-10-31T12:00:00Z", tz, 2);
    assert_eq!(
        runs,
        vec![utc("2026-11-01T05:30:00Z"), utc("2026-11-02T06:30:00Z")]
    );
    let cron = Rule::parse("30 2 * * *").unwrap();
    // 8 March 2026: 02:00-03:00 does not exist in New York.
    let runs = run(&cron, nine(), "2026-03-07T12:00:00Z", tz, 2);
    assert_eq!(
        runs,
        vec![utc("2026-03-08T07:00:00Z"), utc("2026-03-09T06:30:00Z")]
    );
}

#[test]
fn inclusive_search_counts_the_start_itself() {
    let at = utc("2026-11-25T09:00:00Z");
    assert_eq!(
        next_occurrence(&Rule::Day, nine(), at, chrono_tz::UTC, true),
        Some(at)
    );
    assert_eq!(
        next_occurrence(&Rule::Day, nine(), at, chrono_tz::UTC, false),
        Some(utc("2026-11-26T09:00:00Z"))
    );
}
