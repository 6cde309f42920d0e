//! The engine's side of the access rule (`core::access::may_see`): who is asking, with their
//! rights and the tier they hold, looked up once per request for a command, an autocomplete, a
//! web session or the recipient of a DM; and the gate of a stored drop, course or event. Every
//! read that shows such an item's text builds its viewer here and asks the core rule of each
//! item, so the rule is written once.

use crate::Memberships;
use chrono::{DateTime, Utc};

use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::access::{Gate, Viewer};
use crate::core::ids::MemberId;
use crate::events::Sender;

impl Memberships {
    /// The gate of an item stored with `tier` (a tier id; `None`: not gated).
    pub(crate) fn gate(&self, tier: Option<&str>) -> Gate {
        Gate::of(tier, &self.kernel.config.membership.tiers)
    }

    /// Who asks a command: the sender's member, with operator's rights if the sender has
    /// them, holding their tier at the command's time.
    pub(crate) async fn viewer(&self, ctx: &CommandContext) -> EngineResult<Viewer> {
        let viewer = if self.kernel.is_operator(&ctx.sender) {
            Viewer::operator(ctx.member)
        } else {
            Viewer::member(ctx.member)
        };
        self.holding(viewer, ctx.at).await
    }

    /// Who is typing (autocomplete), at `at`. An account never seen is a viewer without a
    /// member, and the lookup creates none.
    pub(crate) async fn typing_viewer(
        &self,
        sender: &Sender,
        at: DateTime<Utc>,
    ) -> EngineResult<Viewer> {
        let viewer = Viewer {
            member: self
                .kernel
                .store
                .member_of(&sender.person.profile.account)
                .await?,
            operator: self.kernel.is_operator(sender),
            tier_rank: None,
        };
        self.holding(viewer, at).await
    }

    /// Who reads a DM to `member` at `at`: operator's rights when one of their accounts is a
    /// config operator (there is no platform to ask about admins), holding their tier then.
    pub(crate) async fn recipient_viewer(
        &self,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> EngineResult<Viewer> {
        let viewer = if self.member_is_operator(member, false).await? {
            Viewer::operator(member)
        } else {
            Viewer::member(member)
        };
        self.holding(viewer, at).await
    }

    /// `viewer` holding the tier its member holds at `at` (none for a visitor).
    pub(crate) async fn holding(&self, viewer: Viewer, at: DateTime<Utc>) -> EngineResult<Viewer> {
        let rank = match viewer.member {
            Some(member) => self.effective_tier(member, at).await?.map(|t| t.rank),
            None => None,
        };
        Ok(viewer.holding(rank))
    }

    /// Whether `member` has operator's rights: [`Kernel::is_operator`]'s rule asked of every
    /// account of theirs (an operator may act from a linked account), with `platform_admin` as
    /// the platform last said it.
    pub(crate) async fn member_is_operator(
        &self,
        member: MemberId,
        platform_admin: bool,
    ) -> EngineResult<bool> {
        if platform_admin {
            return Ok(true);
        }
        let accounts = self.kernel.store.accounts_of(member).await?;
        Ok(accounts
            .iter()
            .any(|a| self.kernel.config.operators.contains(a)))
    }
}
