use chrono::{Duration, TimeZone};

use super::*;
use crate::tiers::TierAccess;

const ALICE: MemberId = MemberId(1);
const BOB: MemberId = MemberId(2);

fn at(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_800_000_000 + secs, 0).unwrap()
}

fn week() -> Board {
    Board::Week("2027-W02".into())
}

fn award(member: MemberId, base: i64, secs: i64) -> MessageAward {
    MessageAward {
        member,
        base,
        at: at(secs),
        day: at(secs).date_naive(),
        boards: vec![week()],
    }
}

fn scores(xp: i64) -> MemberScores {
    MemberScores {
        xp,
        balance: xp,
        reached_at_ms: at(-1000).timestamp_millis(),
        hidden: false,
        last_message_at: None,
        memberships: Vec::new(),
    }
}

fn snapshot(members: &[(MemberId, MemberScores)]) -> BatchSnapshot {
    BatchSnapshot {
        members: members.iter().cloned().collect(),
    }
}

fn pro() -> TierDef {
    TierDef {
        id: "pro".into(),
        name: "Pro".into(),
        rank: 1,
        xp_multiplier: 1.5,
        daily_bonus: 0,
        access: TierAccess::default(),
        gated_channels: Vec::new(),
        description: String::new(),
    }
}

fn no_periods() -> HashMap<(Board, MemberId), Standing> {
    HashMap::new()
}

fn decide_plain(snapshot: BatchSnapshot, awards: &[MessageAward]) -> Vec<Option<AwardOutcome>> {
    decide(
        snapshot,
        awards,
        &MessageXpRules::default(),
        &[],
        &no_periods(),
    )
}

#[test]
fn a_second_message_inside_the_cooldown_in_the_same_batch_earns_nothing() {
    let awards = [
        award(ALICE, 20, 0),
        award(ALICE, 20, 59),
        award(ALICE, 20, 60),
    ];
    let outcomes = decide_plain(snapshot(&[(ALICE, scores(0))]), &awards);
    assert!(outcomes[0].is_some());
    assert!(outcomes[1].is_none(), "59 s after the first award");
    let third = outcomes[2].as_ref().unwrap();
    assert_eq!(
        (third.xp_before, third.xp_after),
        (20, 40),
        "60 s: the cooldown is over"
    );
}

#[test]
fn a_message_inside_a_cooldown_started_before_the_batch_earns_nothing() {
    let mut alice = scores(100);
    alice.last_message_at = Some(at(-30));
    let outcomes = decide_plain(snapshot(&[(ALICE, alice)]), &[award(ALICE, 20, 0)]);
    assert_eq!(outcomes, [None]);
}

#[test]
fn a_member_merged_away_since_the_message_earns_nothing() {
    let outcomes = decide_plain(snapshot(&[]), &[award(BOB, 20, 0)]);
    assert_eq!(outcomes, [None]);
}

#[test]
fn the_tier_in_effect_at_the_message_scales_the_award() {
    let mut alice = scores(0);
    alice.memberships = vec![Membership {
        tier: "pro".into(),
        expires_at: Some(at(100)),
    }];
    let awards = [award(ALICE, 20, 0), award(ALICE, 20, 100)];
    let outcomes = decide(
        snapshot(&[(ALICE, alice)]),
        &awards,
        &MessageXpRules::default(),
        &[pro()],
        &no_periods(),
    );
    assert_eq!(
        outcomes[0].as_ref().unwrap().applied_xp,
        30,
        "Pro: 1.5 times 20"
    );
    let after_expiry = outcomes[1].as_ref().unwrap();
    assert_eq!(after_expiry.applied_xp, 20, "the membership ended at 100 s");
    assert_eq!(after_expiry.xp_after, 50);
    assert_eq!(after_expiry.balance_after, 50);
}

#[test]
fn a_negative_multiplier_never_takes_xp_away() {
    let mut tier = pro();
    tier.xp_multiplier = -2.0;
    let mut alice = scores(10);
    alice.memberships = vec![Membership {
        tier: "pro".into(),
        expires_at: None,
    }];
    let rules = MessageXpRules::default();
    let outcomes = decide(
        snapshot(&[(ALICE, alice)]),
        &[award(ALICE, 20, 0)],
        &rules,
        &[tier],
        &no_periods(),
    );
    let outcome = outcomes[0].as_ref().unwrap();
    assert_eq!((outcome.applied_xp, outcome.xp_after), (0, 10));
    // Nothing gained: the all-time tie-break time stays.
    assert_eq!(outcome.changes[0].after, outcome.changes[0].before.unwrap());
}

#[test]
fn period_standings_start_from_the_live_board_and_carry_within_the_batch() {
    let mut periods = no_periods();
    periods.insert(
        (week(), ALICE),
        Standing::new(ALICE, 50, at(-500).timestamp_millis()),
    );
    let rules = MessageXpRules {
        cooldown: Duration::zero(),
        ..MessageXpRules::default()
    };
    let awards = [award(ALICE, 20, 0), award(BOB, 15, 1), award(ALICE, 20, 2)];
    let outcomes = decide(
        snapshot(&[(ALICE, scores(500)), (BOB, scores(0))]),
        &awards,
        &rules,
        &[],
        &periods,
    );
    let first = &outcomes[0].as_ref().unwrap().changes[1];
    assert_eq!(first.before.map(|s| s.score()), Some(50));
    assert_eq!(
        first.after,
        Standing::new(ALICE, 70, at(0).timestamp_millis())
    );
    let bob = &outcomes[1].as_ref().unwrap().changes[1];
    assert_eq!(bob.before, None, "no score on the week board yet");
    assert_eq!(bob.after.score(), 15);
    let again = &outcomes[2].as_ref().unwrap().changes[1];
    assert_eq!(
        again.before,
        Some(first.after),
        "moves from where the first left it"
    );
    assert_eq!(again.after.score(), 90);
    let all_time = &outcomes[2].as_ref().unwrap().changes[0];
    assert_eq!(
        (all_time.before.unwrap().score(), all_time.after.score()),
        (520, 540)
    );
}

#[test]
fn who_reached_a_score_first_ranks_higher() {
    let rules = MessageXpRules::default();
    let awards = [award(ALICE, 20, 0), award(BOB, 20, 1)];
    let outcomes = decide(
        snapshot(&[(ALICE, scores(0)), (BOB, scores(0))]),
        &awards,
        &rules,
        &[],
        &no_periods(),
    );
    let alice = outcomes[0].as_ref().unwrap().changes[0].after;
    let bob = outcomes[1].as_ref().unwrap().changes[0].after;
    assert_eq!(alice.score(), bob.score());
    assert!(alice < bob, "alice got to 20 XP a second earlier");
}

#[test]
fn hidden_members_are_decided_but_marked_hidden() {
    let mut alice = scores(0);
    alice.hidden = true;
    let outcomes = decide_plain(snapshot(&[(ALICE, alice)]), &[award(ALICE, 20, 0)]);
    let outcome = outcomes[0].as_ref().unwrap();
    assert!(outcome.hidden);
    assert_eq!(outcome.xp_after, 20);
}
