//! `/link`: a one-time code issued by DM on one platform, redeemed from the other, merges the
//! two members into one (XP, balance, ledger, boards, memberships, streaks).

use crate::core::ids::{AccountRef, MemberId};
use crate::core::levels::LevelInfo;
use crate::core::link::{self, LINK_CODE_TTL, LinkFacts};
use crate::core::periods::Board;
use crate::core::rank_index::Standing;
use crate::i18n::Lang;
use crate::{CommandContext, EngineResult, refuse};
use crate::{Identity, Ingest, Kernel, Memberships, Ranking};
use crate::{msg, tr};
use std::sync::Arc;

/// `/link`: one member from two accounts.
pub struct Linking {
    pub(super) kernel: Arc<Kernel>,
    pub(super) identity: Arc<Identity>,
    pub(super) ingest: Arc<Ingest>,
    pub(super) ranking: Arc<Ranking>,
    pub(super) membership: Arc<Memberships>,
}

impl Linking {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        identity: Arc<Identity>,
        ingest: Arc<Ingest>,
        ranking: Arc<Ranking>,
        membership: Arc<Memberships>,
    ) -> Self {
        Self {
            kernel,
            identity,
            ingest,
            ranking,
            membership,
        }
    }
}

/// One member's accounts and running tiers, as they were before a link merged it.
struct Side {
    accounts: Vec<AccountRef>,
    tiers: Vec<String>,
}

impl Linking {
    /// `/link` issues a code by DM; `/link CODE` from another platform merges the two members.
    pub(crate) async fn link(
        &self,
        ctx: &CommandContext,
        code: Option<String>,
    ) -> EngineResult<String> {
        match code {
            None => self.issue_link_code(ctx).await,
            Some(code) => self.redeem_link_code(ctx, &code).await,
        }
    }

    async fn issue_link_code(&self, ctx: &CommandContext) -> EngineResult<String> {
        let code = link::code_from_random(self.kernel.random_u64());
        let account = &ctx.sender.person.profile.account;
        let mut tx = self.kernel.store.begin().await?;
        tx.create_link_code(
            &code,
            ctx.member,
            account.platform,
            ctx.at,
            ctx.at + LINK_CODE_TTL,
        )
        .await?;
        tx.commit().await?;
        let text = tr!(
            ctx.lang,
            "link-code",
            code = &code,
            minutes = LINK_CODE_TTL.num_minutes()
        );
        if ctx.chat.private {
            return Ok(text);
        }
        // A code posted in a group could be redeemed by anyone who reads it.
        match self.kernel.platform.dm(account, &text).await {
            Ok(()) => Ok(tr!(ctx.lang, "link-code-sent")),
            Err(e) => {
                tracing::info!(error = %e, "link code DM failed");
                refuse(msg!("link-dm-closed"))
            }
        }
    }

    async fn redeem_link_code(&self, ctx: &CommandContext, code: &str) -> EngineResult<String> {
        let platform = ctx.sender.person.profile.account.platform;
        let _lock = self.kernel.lock_scores().await;
        let mut tx = self.kernel.store.begin().await?;
        let Some((owner, code_platform)) = tx.take_link_code(code, ctx.at).await? else {
            return refuse(link::LinkRefusal::UnknownCode.msg());
        };
        let facts = LinkFacts {
            code_platform,
            redeemer_platform: platform,
            same_member: owner == ctx.member,
            redeemer_has_code_platform: tx.has_platform(ctx.member, code_platform).await?,
        };
        if let Err(refusal) = link::check(facts) {
            // The code stays consumed only when it was actually used.
            drop(tx);
            return refuse(refusal.msg());
        }
        let (survivor, absorbed) = (owner.min(ctx.member), owner.max(ctx.member));
        let sides = [
            self.access_side(survivor, ctx).await?,
            self.access_side(absorbed, ctx).await?,
        ];
        let live = self.ranking.scores.boards().live();
        let before = self
            .standings_everywhere(&live, &[survivor, absorbed])
            .await?;
        let daily = link::merge_daily(
            tx.member(survivor).await?.daily,
            tx.member(absorbed).await?.daily,
        );
        let merged = tx.merge_members(survivor, absorbed, ctx.at).await?;
        tx.set_daily(survivor, daily).await?;
        let hidden = tx.member(survivor).await?.hidden;
        tx.commit().await?;

        let after = self.standings_everywhere(&live, &[survivor]).await?;
        {
            let mut boards = self.ranking.scores.boards_mut();
            boards.remove(&before);
            if !hidden {
                boards.insert(&after);
            }
        }
        self.identity.forget_member(absorbed);
        self.ingest.forget_member(absorbed);
        // The merge may have renamed the survivor (a board shows their name from memory).
        self.identity.names().forget(survivor);
        self.identity.names().forget(absorbed);
        self.give_access_after_link(survivor, &sides, ctx).await?;
        let platforms = self.kernel.store.platforms_of(survivor).await?;
        let names: Vec<&str> = platforms.iter().map(|p| p.title()).collect();
        Ok(tr!(
            ctx.lang,
            "link-done",
            platforms = platform_list(ctx.lang, &names),
            level = LevelInfo::from_xp(merged.xp).level,
            xp = merged.xp,
            balance = merged.balance
        ))
    }

    /// One side of a link: its accounts and the tiers running for it before the merge.
    async fn access_side(&self, member: MemberId, ctx: &CommandContext) -> EngineResult<Side> {
        let tiers = self
            .kernel
            .store
            .tiers_held(member)
            .await?
            .into_iter()
            .filter(|m| m.is_active(ctx.at))
            .map(|m| m.tier)
            .collect();
        Ok(Side {
            accounts: self.kernel.store.accounts_of(member).await?,
            tiers,
        })
    }

    /// After a merge, each account gets the access of every running tier its side did not
    /// hold before: a Pro member who links Discord gets the Pro role there, and the Telegram
    /// side the tier's chat. A failure is logged and told to the operators, as a grant's is.
    async fn give_access_after_link(
        &self,
        survivor: MemberId,
        sides: &[Side; 2],
        ctx: &CommandContext,
    ) -> EngineResult<()> {
        let lang = self.kernel.language_of(survivor).await;
        for membership in self.kernel.store.tiers_held(survivor).await? {
            if !membership.is_active(ctx.at) {
                continue;
            }
            let Some(tier) = self.membership.tier_def(&membership.tier) else {
                continue;
            };
            for side in sides.iter().filter(|s| !s.tiers.contains(&tier.id)) {
                for account in &side.accounts {
                    if let Err(error) = self.kernel.platform.grant_access(account, tier, lang).await
                    {
                        tracing::warn!(%account, tier = %tier.id, %error, "access after a link failed");
                        self.kernel
                            .tell_operators_with(|lang| {
                                tr!(
                                    lang,
                                    "link-access-failed",
                                    account = account.to_string(),
                                    tier = &tier.name,
                                    error = error.describe(lang)
                                )
                            })
                            .await;
                    }
                }
            }
        }
        Ok(())
    }

    /// Standings of some members on the given boards, read from the database.
    async fn standings_everywhere(
        &self,
        boards: &[Board],
        members: &[MemberId],
    ) -> EngineResult<Vec<(Board, Standing)>> {
        let mut out = Vec::new();
        for board in boards {
            for member in members {
                out.push((
                    board.clone(),
                    self.kernel.store.standing(board, *member).await?,
                ));
            }
        }
        Ok(out)
    }
}

/// Platform names in a sentence: `Telegram and Discord`, `console, Telegram and Discord`.
fn platform_list(lang: Lang, names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [first, second] => tr!(lang, "link-platforms-two", first = *first, second = *second),
        [first, rest @ ..] => tr!(
            lang,
            "link-platforms-more",
            first = *first,
            rest = platform_list(lang, rest)
        ),
    }
}
