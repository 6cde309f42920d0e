//! Command dispatch: who may run what, and which handler answers. Every handler returns the
//! reply text; refusals and usage problems are replies too.

use chrono::{DateTime, Utc};

use super::events::{Mention, Person, QuotedMessage, Sender};
use super::{Engine, EngineResult};
use crate::core::commands::{Audience, COMMANDS, Command};
use crate::core::ids::{ChatRef, MemberId, Platform};

/// Everything a command handler knows about the request.
#[derive(Debug, Clone)]
pub struct CommandContext {
    pub chat: ChatRef,
    pub sender: Sender,
    /// The sender's member.
    pub member: MemberId,
    pub reply_to: Option<Person>,
    pub quoted: Option<QuotedMessage>,
    pub mentions: Vec<Mention>,
    pub at: DateTime<Utc>,
    /// Identifies this request, so a repeated delivery of it is not carried out twice.
    pub request_key: String,
}

impl Engine {
    /// Operators: accounts listed in config, plus platform admins.
    #[must_use]
    pub fn is_operator(&self, sender: &Sender) -> bool {
        sender.platform_admin
            || self
                .config
                .operators
                .contains(&sender.person.profile.account)
    }

    /// Runs a parsed command and returns the reply.
    pub async fn run_command(&self, ctx: &CommandContext, command: Command) -> String {
        if command.audience() == Audience::Operator && !self.is_operator(&ctx.sender) {
            return Self::operator_only(command.name());
        }
        Self::reply_text(self.dispatch(ctx, command).await)
    }

    pub(crate) fn operator_only(name: &str) -> String {
        format!("Only operators can use /{name}. Send /help to see the commands you can use.")
    }

    async fn dispatch(&self, ctx: &CommandContext, command: Command) -> EngineResult<String> {
        match command {
            Command::Help => Ok(self.help(self.is_operator(&ctx.sender), ctx.chat.platform)),
            Command::Rank { who } => self.rank(ctx, who.as_deref()).await,
            Command::Leaderboard { board, page } => self.leaderboard(ctx, board, page).await,
            Command::Daily => self.daily(ctx).await,
            Command::Thanks { who, reason } => {
                self.thanks_command(ctx, who.as_deref(), reason).await
            }
            Command::History { who } => self.history(ctx, who.as_deref()).await,
            Command::Privacy { hidden } => self.privacy(ctx, hidden).await,
            Command::Link { code } => self.link(ctx, code).await,
            Command::PointsAdd {
                who,
                amount,
                reason,
            } => self.grant(ctx, who.as_deref(), amount, reason).await,
            Command::PointsRemove {
                who,
                amount,
                reason,
            } => self.grant(ctx, who.as_deref(), -amount, reason).await,
            Command::SeasonStart { name, until } => self.start_season(ctx, &name, until).await,
            Command::SeasonEnd => self.end_season_command(ctx).await,
            Command::Membership => self.membership(ctx).await,
            Command::Tiers => Ok(self.tiers_text()),
            Command::Shop => self.shop(ctx).await,
            Command::Redeem { reward } => self.redeem(ctx, &reward).await,
            Command::Drops => self.upcoming_for_member(ctx).await,
            Command::Rate { drop, stars } => self.rate(ctx, drop, stars).await,
            Command::MemberGrant { who, tier, term } => {
                self.member_grant(ctx, who.as_deref(), &tier, term, false)
                    .await
            }
            Command::MemberExtend { who, tier, term } => {
                self.member_grant(ctx, who.as_deref(), &tier, term, true)
                    .await
            }
            Command::MemberRevoke { who, tier } => {
                self.member_revoke(ctx, who.as_deref(), tier.as_deref())
                    .await
            }
            Command::MemberList { tier } => self.member_list(tier.as_deref()).await,
            Command::Drop(command) => self.drop_command(ctx, command).await,
        }
    }

    fn help(&self, operator: bool, platform: Platform) -> String {
        let mut lines = vec![format!(
            "{}: commands you can use",
            self.config.community_name
        )];
        for spec in COMMANDS {
            if spec.audience == Audience::Member || operator {
                let tag = if spec.audience == Audience::Operator {
                    " (operators)"
                } else {
                    ""
                };
                lines.push(format!(
                    "{} - {}{tag}",
                    spec.usage_on(platform),
                    spec.summary
                ));
            }
        }
        lines.join("\n")
    }
}
