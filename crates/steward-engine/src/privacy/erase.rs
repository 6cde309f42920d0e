//! `/privacy delete [@member] [end]` asks for an erasure and says what it will do;
//! `/privacy delete [@member] confirm` carries it out within five minutes of the asking.

use chrono::{DateTime, Utc};

use crate::core::commands::EraseStep;
use crate::core::ids::MemberId;
use crate::core::privacy::{self, ConfirmRefusal, ERASE_CONFIRM_WINDOW, ErasureRequest};
use crate::i18n::Lang;
use crate::identity::Target;
use crate::membership::words::and_list;
use crate::store::ErasureBy;
use crate::{CommandContext, EngineResult, Privacy, refuse};
use crate::{msg, tr};

impl Privacy {
    pub(crate) async fn privacy_delete(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
        step: EraseStep,
    ) -> EngineResult<String> {
        let target = match who {
            Some(token) => self.identity.resolve_known(ctx, Some(token)).await?,
            None => Target {
                id: ctx.member,
                name: ctx.sender.person.profile.display_name.clone(),
            },
        };
        if target.id != ctx.member && !self.kernel.is_operator(&ctx.sender) {
            return refuse(msg!("privacy-erase-others-operator-only"));
        }
        let asked = Asked {
            for_self: target.id == ctx.member,
            who: who.map_or_else(String::new, |token| {
                format!("@{} ", token.trim_start_matches('@'))
            }),
            target,
        };
        match step {
            EraseStep::Ask { end_memberships } => {
                self.ask_erasure(ctx, &asked, end_memberships).await
            }
            EraseStep::Confirm => self.confirm_erasure(ctx, &asked).await,
        }
    }

    async fn ask_erasure(
        &self,
        ctx: &CommandContext,
        asked: &Asked,
        end_memberships: bool,
    ) -> EngineResult<String> {
        let (target, for_self) = (&asked.target, asked.for_self);
        let lang = ctx.lang;
        let request = ErasureRequest::new(ctx.member, end_memberships, ctx.at);
        self.kernel
            .store
            .request_erasure(target.id, &request)
            .await?;
        let mut lines = vec![if for_self {
            tr!(lang, "privacy-erase-what-self")
        } else {
            tr!(lang, "privacy-erase-what-other", name = &target.name)
        }];
        let running = self.running_memberships(lang, target.id, ctx.at).await?;
        if !running.is_empty() {
            let list = and_list(lang, &running);
            lines.push(if end_memberships {
                tr!(lang, "privacy-erase-memberships-end", list = list)
            } else {
                tr!(
                    lang,
                    "privacy-erase-memberships-kept",
                    list = list,
                    command = command_line(&asked.who, "end")
                )
            });
        }
        lines.push(tr!(
            lang,
            "privacy-erase-confirm-hint",
            command = command_line(&asked.who, "confirm"),
            minutes = ERASE_CONFIRM_WINDOW.num_minutes()
        ));
        Ok(lines.join("\n"))
    }

    /// The member's running memberships, each as "Pro until …".
    async fn running_memberships(
        &self,
        lang: Lang,
        member: MemberId,
        now: DateTime<Utc>,
    ) -> EngineResult<Vec<String>> {
        Ok(self
            .kernel
            .store
            .memberships(member)
            .await?
            .into_iter()
            .filter(|m| m.is_active(now))
            .map(|m| {
                let name = self
                    .membership
                    .tier_def(&m.tier)
                    .map_or(m.tier.clone(), |t| t.name.clone());
                format!("{name} {}", self.membership.until(lang, m.expires_at))
            })
            .collect())
    }

    async fn confirm_erasure(&self, ctx: &CommandContext, asked: &Asked) -> EngineResult<String> {
        let (target, for_self) = (&asked.target, asked.for_self);
        let lang = ctx.lang;
        let request = self.kernel.store.erasure_request(target.id).await?;
        let end_memberships = match privacy::confirm(request.as_ref(), &ctx.member, ctx.at) {
            Ok(end) => end,
            Err(refusal) => {
                let (command, minutes) = (
                    command_line(&asked.who, ""),
                    ERASE_CONFIRM_WINDOW.num_minutes(),
                );
                return refuse(match refusal {
                    ConfirmRefusal::NothingAsked => {
                        msg!("privacy-erase-nothing-asked", command = command)
                    }
                    ConfirmRefusal::Expired => msg!(
                        "privacy-erase-expired",
                        command = command,
                        minutes = minutes
                    ),
                });
            }
        };
        if end_memberships {
            self.end_all_memberships(target, ctx.member, ctx.at).await?;
        }
        // After the erasure nobody could cancel a paid plan's renewal: stop it now (what was
        // paid still runs out as any membership does).
        for (s, result) in self.storefront.stop_renewals(target.id, ctx.at).await? {
            if let Err(e) = result {
                tracing::warn!(plan = %s.plan, error = %e, "a renewal could not be stopped before an erasure");
            }
        }
        // Files sent to these accounts (exports, rank cards) go with the member.
        let accounts = self.kernel.store.accounts_of(target.id).await?;
        let erased = {
            let _lock = self.kernel.lock_scores().await;
            let live = self.ranking.scores.boards().live();
            let mut before = Vec::new();
            for board in &live {
                before.push((
                    board.clone(),
                    self.kernel.store.standing(board, target.id).await?,
                ));
            }
            let mut tx = self.kernel.store.begin().await?;
            if !tx
                .take_erasure_request(target.id, ctx.member, ctx.at)
                .await?
            {
                // Another confirmation got there first (or the window closed meanwhile).
                return refuse(msg!(
                    "privacy-erase-nothing-asked",
                    command = command_line(&asked.who, "")
                ));
            }
            let by = ErasureBy {
                requested_by: ctx.member,
                by_operator: !for_self,
                ended_memberships: end_memberships,
            };
            let erased = tx.erase_member(target.id, by, ctx.at).await?;
            tx.commit().await?;
            self.ranking.scores.boards_mut().remove(&before);
            erased
        };
        for account in &accounts {
            if let Err(e) = self.kernel.platform.forget_files(target.id, account).await {
                tracing::warn!(%account, error = %e, "files sent to an erased member stay");
            }
        }
        self.identity.forget_member(target.id);
        self.ingest.forget_member(target.id);
        self.identity.names().forget(target.id);
        tracing::info!(
            member = %target.id,
            requested_by = %ctx.member,
            by_operator = !for_self,
            ended_memberships = end_memberships,
            kept_with = ?erased.kept_with,
            "member erased"
        );
        if !for_self {
            self.kernel
                .tell_operators(&msg!(
                    "privacy-erase-logged",
                    operator = ctx.sender.person.profile.display_name.clone(),
                    member = target.id.0
                ))
                .await;
        }
        let mut reply = if for_self {
            tr!(
                lang,
                "privacy-erase-done-self",
                community = &self.kernel.config.community_name
            )
        } else {
            tr!(lang, "privacy-erase-done-other", name = &target.name)
        };
        if erased.kept_with.is_some() {
            reply.push('\n');
            reply.push_str(&tr!(lang, "privacy-erase-done-kept"));
        }
        Ok(reply)
    }

    /// Ends every running membership of `target` and removes the access they gave, before
    /// the erasure removes the accounts that access is on.
    async fn end_all_memberships(
        &self,
        target: &Target,
        actor: MemberId,
        at: DateTime<Utc>,
    ) -> EngineResult<()> {
        let ended = self
            .membership
            .end_memberships(target.id, None, actor, at)
            .await?;
        if !ended.is_empty() {
            self.membership
                .end_access(target.id, &target.name, &ended, at)
                .await?;
        }
        Ok(())
    }
}

/// Whose erasure a command is about, and how the asker named them.
struct Asked {
    target: Target,
    for_self: bool,
    /// `@name ` as typed, or nothing for oneself.
    who: String,
}

/// `/privacy delete @name confirm` and its kin, as members type them.
fn command_line(who: &str, step: &str) -> String {
    format!("/privacy delete {who}{step}").trim_end().to_owned() // not translated: a command line
}
