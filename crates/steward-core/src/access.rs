//! Who may see what a tier gates: the one rule ([`may_see`]) for the text of a drop (before
//! and after delivery), a lesson, a course and an event, and the [`Viewer`] it is asked for.
//! Every command, page, card, DM, autocomplete and recommendation that shows such text asks
//! it; the engine looks up what the viewer holds once per request. Pure: no I/O.

use super::ids::MemberId;
use super::tiers::TierDef;

/// Who is reading: a visitor, a member or someone with operator's rights, with the tier they
/// hold at the time of the read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Viewer {
    /// The member reading, if known (a web visitor or an account never seen is not).
    pub member: Option<MemberId>,
    /// Operator's rights (a config operator, or a platform admin): they see every item.
    pub operator: bool,
    /// The rank of the highest tier the viewer holds now (`None`: none). The engine fills it in
    /// when it decides who is asking; a viewer built without it sees only ungated items.
    pub tier_rank: Option<u32>,
}

impl Viewer {
    /// Someone not logged in.
    pub const VISITOR: Viewer = Viewer {
        member: None,
        operator: false,
        tier_rank: None,
    };

    /// `id`, with no tier.
    #[must_use]
    pub fn member(id: MemberId) -> Self {
        Self {
            member: Some(id),
            ..Self::VISITOR
        }
    }

    /// `id`, with operator's rights.
    #[must_use]
    pub fn operator(id: MemberId) -> Self {
        Self {
            member: Some(id),
            operator: true,
            tier_rank: None,
        }
    }

    /// The same viewer holding a tier of rank `rank` (`None`: no tier).
    #[must_use]
    pub fn holding(self, rank: Option<u32>) -> Self {
        Self {
            tier_rank: rank,
            ..self
        }
    }

    /// Whether the viewer is `member` themselves.
    #[must_use]
    pub fn is(&self, member: MemberId) -> bool {
        self.member == Some(member)
    }
}

/// What reading an item's text asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Nothing: the item is everyone's.
    Open,
    /// A tier of at least this rank.
    Rank(u32),
    /// A tier the config no longer names. Its items stay with operators rather than open up
    /// to everyone when a tier is renamed or removed.
    UnknownTier,
}

impl Gate {
    /// The gate of an item stored with `tier` (a tier id; `None`: not gated), read against the
    /// configured `tiers`.
    #[must_use]
    pub fn of(tier: Option<&str>, tiers: &[TierDef]) -> Self {
        match tier {
            None => Self::Open,
            Some(id) => tiers
                .iter()
                .find(|t| t.id == id)
                .map_or(Self::UnknownTier, |t| Self::Rank(t.rank)),
        }
    }
}

/// Whether `viewer` may see the text of an item behind `gate`: ungated items are everyone's,
/// operators see every item, and a member sees a gated one while the tier they hold ranks at
/// least as high as its tier.
#[must_use]
pub fn may_see(viewer: &Viewer, gate: Gate) -> bool {
    match gate {
        Gate::Open => true,
        _ if viewer.operator => true,
        Gate::Rank(required) => viewer.tier_rank.is_some_and(|held| held >= required),
        Gate::UnknownTier => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALICE: MemberId = MemberId(1);

    fn tier(id: &str, rank: u32) -> TierDef {
        TierDef {
            id: id.into(),
            name: id.into(),
            rank,
            xp_multiplier: 1.0,
            daily_bonus: 0,
            access: Default::default(),
            gated_channels: Vec::new(),
            description: String::new(),
        }
    }

    #[test]
    fn an_ungated_item_is_everyones() {
        for viewer in [
            Viewer::VISITOR,
            Viewer::member(ALICE),
            Viewer::operator(ALICE),
        ] {
            assert!(may_see(&viewer, Gate::Open), "{viewer:?}");
        }
    }

    #[test]
    fn a_gated_item_needs_a_tier_ranked_at_least_as_high() {
        let pro = Gate::Rank(2);
        assert!(!may_see(&Viewer::VISITOR, pro));
        assert!(!may_see(&Viewer::member(ALICE), pro));
        assert!(!may_see(&Viewer::member(ALICE).holding(Some(1)), pro));
        assert!(may_see(&Viewer::member(ALICE).holding(Some(2)), pro));
        assert!(may_see(&Viewer::member(ALICE).holding(Some(3)), pro));
    }

    #[test]
    fn operators_see_every_gated_item_whatever_they_hold() {
        assert!(may_see(&Viewer::operator(ALICE), Gate::Rank(9)));
        assert!(may_see(&Viewer::operator(ALICE), Gate::UnknownTier));
    }

    #[test]
    fn an_item_of_a_tier_no_longer_configured_stays_with_operators() {
        let tiers = [tier("basic", 1), tier("pro", 2)];
        assert_eq!(Gate::of(None, &tiers), Gate::Open);
        assert_eq!(Gate::of(Some("pro"), &tiers), Gate::Rank(2));
        let gone = Gate::of(Some("gold"), &tiers);
        assert_eq!(gone, Gate::UnknownTier);
        assert!(!may_see(&Viewer::member(ALICE).holding(Some(2)), gone));
    }
}
