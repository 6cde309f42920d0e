//! Team seats: `/team create` (a member's Stars checkout, or an operator's grant at once) and
//! `/team renew` (`create.rs`),
//! `/team add|remove` by the team's manager (`seats.rs`), `/team` (the manager's view of the
//! seats' learning progress, `view.rs`), and the scheduler's step that ends lapsed teams and
//! their seats' access once (`lapse.rs`). A seat is not a membership: it gives the team's tier
//! while the team runs (`Store::tiers_held`), and removing it takes back only what it gave.

mod create;
mod lapse;
mod seats;
mod view;

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::commands::CommandContext;
use crate::core::commands::TeamCommand;
use crate::core::ids::MemberId;
use crate::core::payments::Plan;
use crate::core::teams::Team;
use crate::{EngineResult, Identity, Kernel, Memberships, Storefront};
use crate::{msg, refuse};

/// Teams, their managers and their seats.
pub struct Teams {
    kernel: Arc<Kernel>,
    identity: Arc<Identity>,
    /// Tiers, and the access a seat gives and takes.
    membership: Arc<Memberships>,
    /// A member's team is bought through the storefront's Stars invoice.
    storefront: Arc<Storefront>,
}

impl Teams {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        identity: Arc<Identity>,
        membership: Arc<Memberships>,
        storefront: Arc<Storefront>,
    ) -> Self {
        Self {
            kernel,
            identity,
            membership,
            storefront,
        }
    }

    pub(crate) async fn command(
        &self,
        ctx: &CommandContext,
        command: TeamCommand,
    ) -> EngineResult<String> {
        match command {
            TeamCommand::Show => self.show(ctx).await,
            TeamCommand::Create {
                name,
                plan,
                seats,
                manager,
            } => {
                self.create(ctx, &name, &plan, seats, manager.as_deref())
                    .await
            }
            TeamCommand::Renew => self.renew(ctx).await,
            TeamCommand::Add { who } => self.add(ctx, who.as_deref()).await,
            TeamCommand::Remove { who } => self.remove(ctx, who.as_deref()).await,
        }
    }

    /// The plan `id` if it sells seats, or a refusal naming the plans that do.
    fn seat_plan(&self, id: &str) -> EngineResult<&Plan> {
        let plans = &self.kernel.config.plans;
        if let Some(plan) = plans.iter().find(|p| p.id == id && p.seats) {
            return Ok(plan);
        }
        let seat_plans: Vec<&str> = plans
            .iter()
            .filter(|p| p.seats)
            .map(|p| p.id.as_str())
            .collect();
        refuse(if seat_plans.is_empty() {
            msg!("team-no-plans")
        } else {
            msg!(
                "team-plan-unknown",
                plan = id,
                plans = seat_plans.join(", ")
            )
        })
    }

    /// The team `member` manages: the running one, else one waiting for its payment.
    async fn managed_by(&self, member: MemberId, now: DateTime<Utc>) -> EngineResult<Option<Team>> {
        let teams = self.kernel.store.teams_managed_by(member).await?;
        Ok(teams
            .iter()
            .find(|t| t.is_running(now))
            .or_else(|| teams.iter().find(|t| t.started_at.is_none()))
            .cloned())
    }

    /// The running team the asker manages, or a refusal saying why there is none.
    async fn team_to_manage(&self, ctx: &CommandContext) -> EngineResult<Team> {
        match self.managed_by(ctx.member, ctx.at).await? {
            Some(team) if team.is_running(ctx.at) => Ok(team),
            Some(team) => refuse(msg!("team-unpaid", team = &team.name)),
            None => refuse(msg!("team-none")),
        }
    }
}
