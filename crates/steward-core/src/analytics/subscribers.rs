//! How the dashboard's subscriber list may be ordered, and the names its address uses for each.

/// The list's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SubscriberOrder {
    /// Running first, the soonest to end first (lifetime last); then ended, latest first.
    #[default]
    Ending,
    Name,
    Tier,
    /// Latest started first.
    Started,
}

impl SubscriberOrder {
    /// Every order, in the order the page offers them.
    pub const ALL: [Self; 4] = [Self::Ending, Self::Name, Self::Tier, Self::Started];

    /// The name in the address (`?sort=name`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Ending => "ending",
            Self::Name => "name",
            Self::Tier => "tier",
            Self::Started => "started",
        }
    }

    /// The order an address names; anything else is the default.
    #[must_use]
    pub fn named(name: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|o| o.name() == name)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_order_is_found_by_its_name_and_others_fall_back() {
        for order in SubscriberOrder::ALL {
            assert_eq!(SubscriberOrder::named(order.name()), order);
        }
        assert_eq!(SubscriberOrder::named("'; DROP"), SubscriberOrder::Ending);
    }
}
