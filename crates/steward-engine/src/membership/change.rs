//! One change to a membership made from outside a command (a provider's subscription, a
//! platform's entitlement): extended, shortened or ended inside the caller's transaction, with
//! its row in the membership ledger. Extensions go through [`extend_in`], like `/member grant`.

use chrono::{DateTime, Utc};

use super::{Extension, extend_in};
use crate::EngineResult;
use crate::core::duration::Term;
use crate::core::ids::MemberId;
use crate::core::tiers::{self, TierDef};
use crate::store::{MembershipEvent, WriteTx};

/// What to do to the membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    /// Run until then at least (`None`: with no end, until ended).
    Extend(Option<DateTime<Utc>>),
    /// Run only until then.
    Shorten(DateTime<Utc>),
    /// End now.
    End,
}

/// Whose membership, and how the ledger names the change.
pub(crate) struct ChangeIn<'a> {
    pub member: MemberId,
    pub tier: &'a TierDef,
    /// The plan's term, for an extension's wording.
    pub term: Term,
    /// The ledger's word for an extension or an end; a shortening is a `cancel`.
    pub action: &'a str,
    /// The operator who acted; `None` for a provider's or the bot's own change.
    pub actor: Option<MemberId>,
    pub at: DateTime<Utc>,
    pub day: chrono::NaiveDate,
    pub reminders: &'a [chrono::Duration],
}

/// Applies `change` inside `tx`.
pub(crate) async fn change_in(
    tx: &mut WriteTx,
    c: ChangeIn<'_>,
    change: Change,
) -> EngineResult<()> {
    let current = tx.membership(c.member, &c.tier.id).await?;
    let event = |action, expires_after| MembershipEvent {
        member: c.member,
        tier: &c.tier.id,
        action,
        expires_before: current.as_ref().and_then(|m| m.expires_at),
        expires_after,
        actor: c.actor,
        at: c.at,
        day: c.day,
    };
    match change {
        Change::Extend(until) => {
            let ext = Extension {
                member: c.member,
                tier: c.tier,
                term: if until.is_some() {
                    c.term
                } else {
                    Term::Lifetime
                },
                actor: c.actor,
                action: c.action,
                at: c.at,
                day: c.day,
                paid_until: until,
                reminders: c.reminders,
            };
            extend_in(tx, ext).await?;
        }
        Change::Shorten(until) => {
            let reminded = tiers::reminders_already_past(until, c.reminders, c.at);
            tx.set_membership(c.member, &c.tier.id, Some(until), reminded, c.at)
                .await?;
            tx.record_membership_event(event("cancel", Some(until)))
                .await?;
        }
        Change::End => {
            tx.end_membership(c.member, &c.tier.id, c.at).await?;
            tx.record_membership_event(event(c.action, Some(c.at)))
                .await?;
        }
    }
    Ok(())
}
