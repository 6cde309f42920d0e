use rand::SeedableRng;
use rand::rngs::StdRng;

use super::*;

fn r(member: i64, item: i64, stars: u8) -> Rating {
    Rating {
        member,
        item,
        stars,
    }
}

fn tag(item: i64, tag: &str) -> (i64, String) {
    (item, tag.to_owned())
}

#[test]
fn members_who_liked_what_you_liked_point_to_the_next_item_and_say_why() {
    // Members 2..=7 love items 1 and 2 alike and find 3 so-so; member 1 rated only item 1.
    let mut ratings = vec![r(1, 1, 5)];
    for m in 2..=7 {
        ratings.extend([r(m, 1, 5), r(m, 2, 5), r(m, 3, 2), r(m, 4, 3)]);
    }
    let model = Model::new(&ratings, &[], Tuning::default());
    let picks = model.recommend(1, &[1, 2, 3, 4], 3);
    assert_eq!(picks[0].item, 2, "{picks:?}");
    assert_eq!(picks[0].reason, Reason::Similar { item: 1, stars: 5 });
    assert!(picks.iter().all(|p| p.item != 1), "never what they rated");
}

#[test]
fn a_tag_the_member_rates_well_lifts_untried_items_with_it() {
    let ratings = vec![r(1, 1, 5), r(1, 2, 5), r(1, 3, 1), r(2, 4, 4), r(2, 5, 4)];
    let tags = [
        tag(1, "rust"),
        tag(2, "rust"),
        tag(3, "go"),
        tag(4, "go"),
        tag(5, "rust"),
    ];
    let model = Model::new(&ratings, &tags, Tuning::default());
    let picks = model.recommend(1, &[4, 5], 2);
    assert_eq!(picks[0].item, 5);
    assert_eq!(picks[0].reason, Reason::Tag("rust".into()));
}

#[test]
fn a_newcomer_gets_what_the_community_rates_best_and_one_lucky_rating_does_not_win() {
    let mut ratings = vec![r(99, 2, 5)];
    for m in 1..=20 {
        ratings.push(r(m, 1, if m % 3 == 0 { 4 } else { 5 }));
        ratings.push(r(m, 3, 2));
    }
    let model = Model::new(&ratings, &[], Tuning::default());
    let picks = model.recommend(500, &[1, 2, 3], 3);
    let order: Vec<i64> = picks.iter().map(|p| p.item).collect();
    assert_eq!(order, [1, 2, 3]);
    assert!(
        matches!(picks[0].reason, Reason::Quality { count: 20, mean } if (mean - 4.7).abs() < 1e-9),
        "{picks:?}"
    );
}

#[test]
fn only_candidates_are_ever_offered() {
    let ratings = vec![r(2, 1, 5), r(2, 2, 5), r(3, 1, 5), r(3, 2, 5), r(4, 1, 5)];
    let model = Model::new(&ratings, &[], Tuning::default());
    let picks = model.recommend(1, &[2], 3);
    assert_eq!(picks.iter().map(|p| p.item).collect::<Vec<_>>(), [2]);
    assert!(model.recommend(1, &[], 3).is_empty());
}

#[test]
fn on_a_community_with_planted_tastes_it_beats_the_most_popular_items() {
    let mut rng = StdRng::seed_from_u64(7);
    let planted = planted_community(&mut rng, 400, 80, 8);
    let rates = leave_one_out(
        &planted.training,
        &planted.held_out,
        &planted.tags,
        &planted.items,
        3,
        Tuning::default(),
    );
    assert!(rates.members > 300, "{rates:?}");
    assert!(rates.model > 1.5 * rates.popular, "{rates:?}");
}
