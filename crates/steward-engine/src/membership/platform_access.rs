//! A membership's side on the platforms: its tier's access given to every account of the member
//! (a role, an invite by DM), and taken away when it ends, only the part no running tier (or
//! operator status) still gives, or only reported when `membership.enforce = false`.

use chrono::{DateTime, Utc};

use super::Memberships;
use super::words::{self, problem_list};
use crate::EngineResult;
use crate::core::ids::{AccountRef, MemberId};
use crate::core::tiers::{self, TierDef};
use crate::i18n::Lang;
use crate::platform::PlatformError;
use crate::{msg, tr};

impl Memberships {
    /// Gives every account of the member the tier's platform access; returns problems to show.
    pub(crate) async fn give_access(
        &self,
        member: MemberId,
        tier: &TierDef,
    ) -> EngineResult<Vec<AccessProblem>> {
        let mut problems = Vec::new();
        let lang = self.kernel.language_of(member).await;
        for account in self.kernel.store.accounts_of(member).await? {
            if let Err(error) = self
                .kernel
                .platform
                .grant_access(&account, tier, lang)
                .await
            {
                tracing::warn!(%account, tier = %tier.id, error = %error, "granting access failed");
                problems.push(AccessProblem { account, error });
            }
        }
        Ok(problems)
    }

    /// Takes away what the ended tiers gave and no running tier still gives.
    pub(crate) async fn end_access(
        &self,
        member: MemberId,
        name: &str,
        ended: &[&TierDef],
        now: DateTime<Utc>,
    ) -> EngineResult<()> {
        let accounts = self.kernel.store.accounts_of(member).await?;
        if accounts
            .iter()
            .any(|a| self.kernel.config.operators.contains(a))
        {
            tracing::info!(%member, "operator keeps access after a membership ended");
            return Ok(());
        }
        let held = self.kernel.store.tiers_held(member).await?;
        let running: Vec<&TierDef> = held
            .iter()
            .filter(|m| m.is_active(now))
            .filter_map(|m| {
                self.kernel
                    .config
                    .membership
                    .tiers
                    .iter()
                    .find(|t| t.id == m.tier)
            })
            .collect();
        for tier in ended {
            let access = tiers::access_to_remove(tier, &running);
            if access.is_empty() {
                // Another tier (or a seat, or the member's own time) still gives all of it.
                continue;
            }
            if !self.kernel.config.membership.enforce {
                self.kernel
                    .tell_operators(&msg!("membership-dry-run", name = name, tier = &tier.name))
                    .await;
                continue;
            }
            for account in &accounts {
                if let Err(e) = self
                    .kernel
                    .platform
                    .revoke_access(account, tier, &access)
                    .await
                {
                    tracing::warn!(%account, tier = %tier.id, error = %e, "removing access failed");
                    self.kernel
                        .tell_operators_with(|lang| {
                            tr!(
                                lang,
                                "membership-revoke-failed",
                                tier = &tier.name,
                                name = name,
                                account = account.to_string(),
                                error = e.describe(lang)
                            )
                        })
                        .await;
                }
            }
        }
        Ok(())
    }
}

/// Access a platform would not give an account.
pub(crate) struct AccessProblem {
    account: AccountRef,
    error: PlatformError,
}

/// `reply`, followed by what access a platform would not give, if anything.
pub(crate) fn with_access_problems(
    lang: Lang,
    mut reply: String,
    problems: &[AccessProblem],
) -> String {
    if !problems.is_empty() {
        reply.push('\n');
        reply.push_str(&tr!(
            lang,
            "member-access-problems",
            problems = access_problems(lang, problems)
        ));
    }
    reply
}

/// Access problems in one line, in `lang`.
pub(crate) fn access_problems(lang: Lang, problems: &[AccessProblem]) -> String {
    let lines: Vec<String> = problems
        .iter()
        .map(|p| {
            tr!(
                lang,
                "member-access-problem",
                platform = words::platform(p.account.platform),
                account = p.account.to_string(),
                error = p.error.describe(lang)
            )
        })
        .collect();
    problem_list(lang, &lines)
}
