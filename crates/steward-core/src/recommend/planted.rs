//! A synthetic community with planted tastes, for measuring the recommender offline: items
//! belong to topics (their tags) and have a hidden quality; each member favours one or two
//! topics, mostly reads those, and rates by taste and quality with some noise. One rating each
//! member liked is held out for [`super::leave_one_out`].

use rand::Rng;

use super::Rating;

/// The ratings split for evaluation, with the catalogue and its tags.
#[derive(Debug, Clone, Default)]
pub struct Planted {
    pub training: Vec<Rating>,
    pub held_out: Vec<Rating>,
    pub tags: Vec<(i64, String)>,
    pub items: Vec<i64>,
}

/// A community of `members` rating `items` items across `topics` topics.
pub fn planted_community(
    rng: &mut impl Rng,
    members: usize,
    items: usize,
    topics: usize,
) -> Planted {
    let topics = topics.max(1);
    let mut planted = Planted::default();
    let mut item_topic = Vec::with_capacity(items);
    let mut quality = Vec::with_capacity(items);
    for index in 0..items {
        let item = index as i64 + 1;
        let topic = rng.random_range(0..topics);
        planted.items.push(item);
        planted.tags.push((item, format!("topic{topic}")));
        if rng.random_bool(0.3) {
            let other = rng.random_range(0..topics);
            if other != topic {
                planted.tags.push((item, format!("topic{other}")));
            }
        }
        item_topic.push(topic);
        quality.push(rng.random_range(-1.0..1.0));
    }
    for index in 0..members {
        let member = index as i64 + 1;
        let mut favourites = vec![rng.random_range(0..topics)];
        if rng.random_bool(0.4) {
            favourites.push(rng.random_range(0..topics));
        }
        let reads = rng.random_range(5..25usize);
        let mut rated: Vec<usize> = Vec::new();
        while rated.len() < reads.min(items) {
            let pick = rng.random_range(0..items);
            // Most reading is in the favourite topics; the rest is anywhere.
            if (favourites.contains(&item_topic[pick]) || rng.random_bool(0.25))
                && !rated.contains(&pick)
            {
                rated.push(pick);
            }
        }
        let ratings: Vec<Rating> = rated
            .iter()
            .map(|&pick| {
                let taste = if favourites.contains(&item_topic[pick]) {
                    1.0
                } else {
                    -0.6
                };
                let noise: f64 = rng.random_range(-0.8..0.8);
                let stars = (3.0 + 1.2 * taste + 0.8 * quality[pick] + noise).round();
                Rating {
                    member,
                    item: pick as i64 + 1,
                    stars: stars.clamp(1.0, 5.0) as u8,
                }
            })
            .collect();
        let liked: Vec<usize> = (0..ratings.len())
            .filter(|i| ratings[*i].stars >= 4)
            .collect();
        let held = (ratings.len() >= 3 && !liked.is_empty())
            .then(|| liked[rng.random_range(0..liked.len())]);
        for (i, rating) in ratings.into_iter().enumerate() {
            if Some(i) == held {
                planted.held_out.push(rating);
            } else {
                planted.training.push(rating);
            }
        }
    }
    planted
}
