//! Delivery of one (drop occurrence, target): its states, the retry backoff, and whether an
//! occurrence found late is still worth sending.

use chrono::{DateTime, Duration, Utc};

/// Where one delivery stands. `Sending` marks a claim: the platform call is under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryState {
    Pending,
    Sending,
    Sent,
    Failed,
    Missed,
    Cancelled,
}

impl DeliveryState {
    /// Every state, in the order a delivery moves through them.
    pub const ALL: [Self; 6] = [
        Self::Pending,
        Self::Sending,
        Self::Sent,
        Self::Failed,
        Self::Missed,
        Self::Cancelled,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::Failed => "failed",
            Self::Missed => "missed",
            Self::Cancelled => "cancelled",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == s)
    }
}

/// Attempts before a delivery is given up as failed.
pub const MAX_ATTEMPTS: u32 = 5;

/// How long to wait before attempt `attempt + 1` after `attempt` failures (1-based), unless the
/// platform asked for longer.
#[must_use]
pub fn backoff(attempt: u32, retry_after: Option<Duration>) -> Duration {
    let base = match attempt {
        0 | 1 => Duration::seconds(5),
        2 => Duration::seconds(30),
        3 => Duration::minutes(2),
        _ => Duration::minutes(10),
    };
    retry_after.map_or(base, |asked| asked.max(Duration::zero()))
}

/// Whether an occurrence due at `due` and found at `now` is sent or recorded as missed.
#[must_use]
pub fn is_missed(due: DateTime<Utc>, now: DateTime<Utc>, catch_up: Duration) -> bool {
    now - due > catch_up
}

/// Due deliveries as lanes, one per target (a chat, a member's DMs) in the order each target
/// first falls due, each lane in due order: lanes may be sent side by side, a lane's deliveries
/// one after another, so two drops due together reach one chat in the order they were due.
#[must_use]
pub fn lanes<T>(due: Vec<T>, target: impl Fn(&T) -> &str) -> Vec<Vec<T>> {
    let mut lanes: Vec<Vec<T>> = Vec::new();
    let mut lane_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for delivery in due {
        let key = target(&delivery);
        if let Some(lane) = lane_of.get(key).and_then(|at| lanes.get_mut(*at)) {
            lane.push(delivery);
        } else {
            lane_of.insert(key.to_owned(), lanes.len());
            lanes.push(vec![delivery]);
        }
    }
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_round_trip() {
        for s in [
            "pending",
            "sending",
            "sent",
            "failed",
            "missed",
            "cancelled",
        ] {
            assert_eq!(DeliveryState::parse(s).unwrap().as_str(), s);
        }
    }

    #[test]
    fn backoff_grows_and_honours_retry_after() {
        assert!(backoff(1, None) < backoff(2, None));
        assert!(backoff(3, None) < backoff(4, None));
        assert_eq!(
            backoff(1, Some(Duration::seconds(42))),
            Duration::seconds(42)
        );
    }

    #[test]
    fn deliveries_to_one_target_share_a_lane_in_due_order() {
        let due = vec![
            ("telegram:-100", 1),
            ("dm:7", 2),
            ("telegram:-100", 3),
            ("dm:8", 4),
            ("dm:7", 5),
        ];
        let lanes = lanes(due, |d| d.0);
        let ids: Vec<Vec<i32>> = lanes
            .iter()
            .map(|lane| lane.iter().map(|d| d.1).collect())
            .collect();
        assert_eq!(ids, vec![vec![1, 3], vec![2, 5], vec![4]]);
    }

    #[test]
    fn late_occurrences_inside_the_window_are_still_sent() {
        let due: DateTime<Utc> = "2026-11-25T09:00:00Z".parse().unwrap();
        let window = Duration::hours(6);
        assert!(!is_missed(due, due + Duration::hours(5), window));
        assert!(is_missed(due, due + Duration::hours(7), window));
    }
}
