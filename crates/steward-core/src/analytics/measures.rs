//! Measures drawn from the counters: the activity index of the community model Steward follows,
//! and the Bayesian mean that ranks drops by their ratings.

/// How many ratings at the community's mean a drop's own ratings are blended with: two 5-star
/// votes move a drop less than fifty 4.6 ones.
pub const RATING_PRIOR_WEIGHT: f64 = 10.0;

/// The weights of the activity index `f1 = a1·ln U + a2·ln T`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndexWeights {
    pub a1: f64,
    pub a2: f64,
}

impl Default for IndexWeights {
    fn default() -> Self {
        Self { a1: 1.0, a2: 1.0 }
    }
}

/// One week's activity as the index reads it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WeekActivity {
    /// Distinct members active in the week.
    pub active_members: i64,
    /// The sum over the week's days of the members active that day.
    pub member_days: i64,
    /// Messages in the week.
    pub messages: i64,
}

/// The activity index of a week: `f1 = a1·ln U + a2·ln T`, with U the mean active days per
/// active member and T the mean messages per member's active day. `None` for a week nobody was
/// active in.
#[must_use]
pub fn activity_index(week: WeekActivity, weights: IndexWeights) -> Option<f64> {
    if week.active_members <= 0 || week.member_days <= 0 {
        return None;
    }
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let (members, days, messages) = (
        week.active_members as f64,
        week.member_days as f64,
        week.messages as f64,
    );
    let u = days / members;
    // A member active only through commands wrote no chat message; T is floored at one
    // message per active day's worth so the logarithm stays defined.
    let t = (messages / days).max(1.0 / days);
    Some(weights.a1 * u.ln() + weights.a2 * t.ln())
}

/// A drop's mean rating blended with the community's: `(C·m + Σstars) / (C + n)`.
#[must_use]
pub fn bayesian_mean(ratings: i64, stars: i64, community_mean: f64) -> Option<f64> {
    if ratings <= 0 {
        return None;
    }
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let (n, sum) = (ratings as f64, stars as f64);
    Some((RATING_PRIOR_WEIGHT * community_mean + sum) / (RATING_PRIOR_WEIGHT + n))
}

/// `part / whole`, or `None` when the whole is zero.
#[must_use]
pub fn ratio(part: i64, whole: i64) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    (whole > 0).then(|| part as f64 / whole as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_five_star_votes_do_not_beat_fifty_near_five() {
        let community = 4.0;
        let few = bayesian_mean(2, 10, community).unwrap();
        let many = bayesian_mean(50, 230, community).unwrap();
        assert!(many > few, "{many} should beat {few}");
        assert_eq!(bayesian_mean(0, 0, community), None);
    }

    #[test]
    fn the_index_grows_with_days_and_messages() {
        let w = IndexWeights::default();
        let quiet = WeekActivity {
            active_members: 10,
            member_days: 10,
            messages: 10,
        };
        // One day each and one message a day: ln 1 + ln 1.
        assert_eq!(activity_index(quiet, w), Some(0.0));
        let busy = WeekActivity {
            active_members: 10,
            member_days: 30,
            messages: 150,
        };
        let index = activity_index(busy, w).unwrap();
        assert!((index - (3.0f64.ln() + 5.0f64.ln())).abs() < 1e-9);
        assert_eq!(activity_index(WeekActivity::default(), w), None);
    }

    #[test]
    fn weights_scale_each_term() {
        let week = WeekActivity {
            active_members: 1,
            member_days: 2,
            messages: 2,
        };
        let only_days = activity_index(week, IndexWeights { a1: 1.0, a2: 0.0 }).unwrap();
        assert!((only_days - 2.0f64.ln()).abs() < 1e-9);
    }
}
