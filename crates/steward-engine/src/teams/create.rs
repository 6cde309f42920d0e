//! `/team create NAME PLAN SEATS [manager @member]`: by a member, a Stars invoice for every
//! seat that starts the team once paid (its manager the buyer); by an operator, the team at
//! once, managed by the operator or the member named. `/team renew`: the manager's invoice for
//! another term of the same seats.

use super::Teams;
use crate::EngineResult;
use crate::commands::CommandContext;
use crate::core::ids::Platform;
use crate::core::payments::Plan;
use crate::core::teams::{MAX_INVOICE_STARS, price_in_stars};
use crate::core::tiers;
use crate::identity::Target;
use crate::payments::TeamOrder;
use crate::store::NewTeam;
use crate::{msg, refuse, tr};

impl Teams {
    pub(super) async fn create(
        &self,
        ctx: &CommandContext,
        name: &str,
        plan: &str,
        seats: u32,
        manager: Option<&str>,
    ) -> EngineResult<String> {
        let lang = ctx.lang;
        let plan = self.seat_plan(plan)?;
        let tier = self.membership.tier(lang, &plan.tier)?;
        let operator = self.kernel.is_operator(&ctx.sender);
        if manager.is_some() && !operator {
            return refuse(msg!("team-manager-operators"));
        }
        let manager = match manager {
            Some(who) => self.identity.resolve(ctx, Some(who)).await?,
            None => Target {
                id: ctx.member,
                name: ctx.sender.person.profile.display_name.clone(),
            },
        };
        // An operator grants; a member pays for every seat in one Stars invoice, on Telegram.
        let stars = if operator {
            None
        } else {
            Some(self.seats_price(ctx, plan, seats)?)
        };
        let mut tx = self.kernel.store.begin().await?;
        if tx.team_name_taken(name).await? {
            return refuse(msg!("team-name-taken", team = name));
        }
        if let Some(running) = tx.running_team_of(manager.id, ctx.at).await? {
            return refuse(msg!(
                "team-manages-one",
                name = &manager.name,
                team = running
            ));
        }
        // A new order replaces one the manager did not pay for.
        tx.end_unpaid_teams(manager.id, ctx.at).await?;
        let expires = tiers::extended(None, plan.term, ctx.at).unwrap_or(None);
        let team = tx
            .create_team(NewTeam {
                name,
                plan: &plan.id,
                tier: &tier.id,
                seats,
                manager: manager.id,
                created_by: ctx.member,
                at: ctx.at,
                started: stars.is_none().then_some(expires),
                reminded: expires.and_then(|end| {
                    tiers::reminders_already_past(
                        end,
                        &self.kernel.config.membership.reminders,
                        ctx.at,
                    )
                }),
            })
            .await?;
        tx.commit().await?;
        if let Some(stars) = stars {
            let order = TeamOrder {
                team,
                name,
                plan,
                tier: &tier.name,
                seats,
                stars,
            };
            return self.storefront.send_team_invoice(ctx, order).await;
        }
        self.kernel.wake.notify_one();
        if manager.id != ctx.member {
            self.kernel
                .tell_with(manager.id, |lang| {
                    tr!(
                        lang,
                        "team-manager-told",
                        team = name,
                        tier = &tier.name,
                        seats = seats,
                        until = self.membership.until(lang, expires)
                    )
                })
                .await?;
        }
        Ok(tr!(
            lang,
            "team-created",
            team = name,
            tier = &tier.name,
            seats = seats,
            until = self.membership.until(lang, expires),
            name = &manager.name
        ))
    }
}

impl Teams {
    /// `/team renew`: the manager's invoice for another term of the same seats.
    pub(super) async fn renew(&self, ctx: &CommandContext) -> EngineResult<String> {
        let team = self.team_to_manage(ctx).await?;
        if team.expires_at.is_none() {
            return refuse(msg!("team-lifetime", team = &team.name));
        }
        let plan = self.seat_plan(&team.plan)?;
        let tier = self.membership.tier(ctx.lang, &team.tier)?;
        let stars = self.seats_price(ctx, plan, team.seats)?;
        let order = TeamOrder {
            team: team.id,
            name: &team.name,
            plan,
            tier: &tier.name,
            seats: team.seats,
            stars,
        };
        self.storefront.send_team_invoice(ctx, order).await
    }

    /// What `seats` seats of `plan` cost in one Stars invoice, if they can be paid from here.
    fn seats_price(&self, ctx: &CommandContext, plan: &Plan, seats: u32) -> EngineResult<u32> {
        let Some(per_seat) = plan.stars else {
            return refuse(msg!("team-stars-only", plan = &plan.id));
        };
        if ctx.chat.platform != Platform::Telegram {
            return refuse(msg!("team-on-telegram", plan = &plan.id));
        }
        match price_in_stars(per_seat, seats) {
            Some(total) => Ok(total),
            None => {
                let most = MAX_INVOICE_STARS / u64::from(per_seat);
                refuse(msg!("team-too-many-seats", most = most))
            }
        }
    }
}
