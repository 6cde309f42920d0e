//! Command dispatch: who may run what, and which handler answers. Every handler returns the
//! reply text; refusals and usage problems are replies too.

use chrono::{DateTime, Utc};

use super::EngineResult;
use super::events::{Mention, Person, QuotedMessage, Sender};
use crate::core::commands::{Audience, COMMANDS, Command, CommandError, CommandForm, Params, find};
use crate::core::ids::{ChatRef, MemberId, Platform};
use crate::i18n::{self, Lang};
use crate::tr;
use crate::{
    Cards, CommunityEvents, Courses, Drops, Kernel, Linking, Memberships, Points, Privacy, Ranking,
    Recommendations, Storefront, Submissions, WebSessions,
};
use std::sync::Arc;

/// Command dispatch: who may run what, and which service answers.
pub struct Commands {
    pub(super) kernel: Arc<Kernel>,
    pub(super) ranking: Arc<Ranking>,
    pub(super) points: Arc<Points>,
    pub(super) membership: Arc<Memberships>,
    pub(super) storefront: Arc<Storefront>,
    pub(super) drops: Arc<Drops>,
    pub(super) courses: Arc<Courses>,
    pub(super) submissions: Arc<Submissions>,
    pub(super) events: Arc<CommunityEvents>,
    pub(super) recommendations: Arc<Recommendations>,
    pub(super) privacy: Arc<Privacy>,
    pub(super) linking: Arc<Linking>,
    pub(super) sessions: Arc<WebSessions>,
    pub(super) cards: Arc<Cards>,
    pub(super) broadcasts: Arc<crate::Broadcasts>,
    pub(super) referrals: Arc<crate::Referrals>,
    pub(super) teams: Arc<crate::Teams>,
    pub(super) certificates: Arc<crate::Certificates>,
    pub(super) questions: Arc<crate::Questions>,
}

/// Everything a command handler knows about the request.
#[derive(Debug, Clone)]
pub struct CommandContext {
    pub chat: ChatRef,
    pub sender: Sender,
    /// The sender's member.
    pub member: MemberId,
    pub reply_to: Option<Person>,
    pub quoted: Option<QuotedMessage>,
    /// The platform's id of the message that carried the command (a slash command's is its
    /// interaction's), where it has one.
    pub message_id: Option<String>,
    pub mentions: Vec<Mention>,
    pub at: DateTime<Utc>,
    /// The language to answer in (see `language.rs`).
    pub lang: Lang,
    /// Identifies this request, so a repeated delivery of it is not carried out twice.
    pub request_key: String,
}

/// Who acts, when, and the language of the answer: what an operator's change needs, whether it
/// came as a chat command or a dashboard form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Acting {
    pub member: MemberId,
    pub at: DateTime<Utc>,
    pub lang: Lang,
}

impl CommandContext {
    pub(crate) fn acting(&self) -> Acting {
        Acting {
            member: self.member,
            at: self.at,
            lang: self.lang,
        }
    }
}

impl Commands {
    /// Runs a parsed command and returns the reply.
    #[tracing::instrument(
        name = "command",
        skip_all,
        fields(platform = ctx.chat.platform.as_str(), command = command.name(), member = ctx.member.0)
    )]
    pub async fn run_command(&self, ctx: &CommandContext, command: Command) -> String {
        self.kernel.metrics.event("command", ctx.chat.platform);
        if command.audience() == Audience::Operator && !self.kernel.is_operator(&ctx.sender) {
            return operator_only(ctx.lang, command.name());
        }
        let name = command.name();
        let started = std::time::Instant::now();
        let reply = super::reply_text(ctx.lang, self.dispatch(ctx, command).await);
        let took = started.elapsed();
        self.kernel.metrics.command(name, took);
        tracing::debug!(ms = took.as_millis(), "command answered");
        reply
    }

    async fn dispatch(&self, ctx: &CommandContext, command: Command) -> EngineResult<String> {
        match command {
            Command::Help { command: None } => Ok(self.help(ctx)),
            Command::Help {
                command: Some(name),
            } => Ok(self.help_for(ctx, &name)),
            Command::Rank { who, card: false } => self.ranking.rank(ctx, who.as_deref()).await,
            Command::Rank { who, card: true } => self.cards.rank_card(ctx, who.as_deref()).await,
            Command::Leaderboard { board, page } => {
                self.ranking.leaderboard(ctx, board, page).await
            }
            Command::Daily => self.points.daily(ctx).await,
            Command::Thanks { who, reason } => {
                self.points
                    .thanks_command(ctx, who.as_deref(), reason)
                    .await
            }
            Command::History { who } => self.points.history(ctx, who.as_deref()).await,
            Command::Privacy { hidden } => self.ranking.privacy(ctx, hidden).await,
            Command::PrivacyExport => self.privacy.privacy_export(ctx).await,
            Command::PrivacyDelete { who, step } => {
                self.privacy.privacy_delete(ctx, who.as_deref(), step).await
            }
            Command::Language { choice } => {
                self.kernel.language_command(ctx, choice.as_deref()).await
            }
            Command::Link { code } => self.linking.link(ctx, code).await,
            Command::Web => self.sessions.web_login_link(ctx).await,
            Command::WebLogout { who } => {
                self.sessions.web_logout_command(ctx, who.as_deref()).await
            }
            Command::PointsAdd {
                who,
                amount,
                reason,
            } => self.points.grant(ctx, who.as_deref(), amount, reason).await,
            Command::PointsRemove {
                who,
                amount,
                reason,
            } => {
                self.points
                    .grant(ctx, who.as_deref(), -amount, reason)
                    .await
            }
            Command::SeasonStart { name, until } => {
                self.ranking.start_season(ctx, &name, until).await
            }
            Command::SeasonEnd => self.ranking.end_season_command(ctx).await,
            Command::Membership => self.membership.membership(ctx).await,
            Command::Tiers => Ok(self.membership.tiers_text(ctx.lang)),
            Command::Shop => self.membership.shop(ctx).await,
            Command::Redeem { reward } => self.membership.redeem(ctx, &reward).await,
            Command::Drops { tag: None } => self.drops.upcoming_for_member(ctx).await,
            Command::Drops { tag: Some(tag) } => self.drops.tagged_for_member(ctx, &tag).await,
            Command::Rate { drop, stars } => self.drops.rate(ctx, drop, stars).await,
            Command::MemberGrant { who, tier, term } => {
                self.membership
                    .member_grant(ctx, who.as_deref(), &tier, term, false)
                    .await
            }
            Command::MemberExtend { who, tier, term } => {
                self.membership
                    .member_grant(ctx, who.as_deref(), &tier, term, true)
                    .await
            }
            Command::MemberRevoke { who, tier } => {
                self.membership
                    .member_revoke(ctx, who.as_deref(), tier.as_deref())
                    .await
            }
            Command::MemberList { tier } => self.membership.member_list(ctx, tier.as_deref()).await,
            Command::Drop(command) => self.drops.drop_command(ctx, command).await,
            Command::Plans => Ok(self.storefront.plans_command(ctx)),
            Command::Start { payload } => match payload
                .as_deref()
                .and_then(|p| p.strip_prefix(crate::core::referrals::LINK_PREFIX))
            {
                Some(code) => {
                    let welcome = self.referrals.arrived(ctx, code).await?;
                    let greeting = self.storefront.start_command(ctx, None).await?;
                    Ok([greeting, welcome]
                        .into_iter()
                        .filter(|line| !line.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n"))
                }
                None => self.storefront.start_command(ctx, payload.as_deref()).await,
            },
            Command::Gift {
                who,
                plan,
                anonymous,
            } => {
                self.storefront
                    .gift_command(ctx, who.as_deref(), &plan, anonymous)
                    .await
            }
            Command::GiftCode { plan } => self.storefront.gift_code_command(ctx, &plan).await,
            Command::RedeemGift { code } => self.storefront.redeem_gift_command(ctx, &code).await,
            Command::Invite { stats: false } => self.referrals.invite_command(ctx).await,
            Command::Invite { stats: true } => self.referrals.stats_command(ctx).await,
            Command::Team(team) => self.teams.command(ctx, team).await,
            Command::Certificate(c) => self.certificates.command(ctx, c).await,
            Command::Ask { title, bounty } => self.questions.ask(ctx, &title, bounty).await,
            Command::Accept { question, who } => {
                self.questions.accept(ctx, question, who.as_deref()).await
            }
            Command::Questions(filter) => self.questions.list_command(ctx, filter).await,
            Command::Subscribe { plan, code } => {
                self.storefront.subscribe(ctx, &plan, code.as_deref()).await
            }
            Command::Promo(command) => self.storefront.promo_command(ctx, command).await,
            Command::Subscription { cancel } => {
                self.storefront.subscription_command(ctx, cancel).await
            }
            Command::PaySupport => Ok(self.storefront.pay_support(ctx)),
            Command::Payments { who } => {
                self.storefront.payments_command(ctx, who.as_deref()).await
            }
            Command::PaymentRefund { id } => self.storefront.refund_command(ctx, id).await,
            Command::Course(command) => self.courses.course_command(ctx, command).await,
            Command::Done { lesson } => self.courses.done_command(ctx, lesson).await,
            Command::Progress => self.courses.progress_command(ctx).await,
            Command::Feedback { drop, text } => self.drops.feedback_command(ctx, drop, &text).await,
            Command::Submit { text } => self.submissions.submit_command(ctx, &text).await,
            Command::Event(command) => self.events.event_command(ctx, command).await,
            Command::Rules => Ok(self.submissions.rules_command(ctx.lang)),
            Command::Review(command) => self.submissions.review_command(ctx, command).await,
            Command::Broadcast { segment, text } => {
                self.broadcasts
                    .broadcast_command(ctx, &segment, &text)
                    .await
            }
            Command::BroadcastStatus { id } => self.broadcasts.status_command(ctx.lang, id).await,
            Command::BroadcastsOff { off } => self.broadcasts.opt_out_command(ctx, off).await,
            Command::Recommend { weekly } => {
                self.recommendations.recommend_command(ctx, weekly).await
            }
        }
    }

    fn help(&self, ctx: &CommandContext) -> String {
        let operator = self.kernel.is_operator(&ctx.sender);
        let mut lines = vec![tr!(
            ctx.lang,
            "help-header",
            community = &self.kernel.config.community_name
        )];
        // A line per member command keeps the list within one Discord message (2,000
        // characters); the usage of each is one `/help NAME` away.
        for spec in COMMANDS.iter().filter(|s| s.audience == Audience::Member) {
            lines.push(tr!(
                ctx.lang,
                "help-line",
                name = spec.name,
                summary = spec.summary(ctx.lang)
            ));
        }
        if operator {
            let names: Vec<String> = COMMANDS
                .iter()
                .filter(|s| s.audience == Audience::Operator)
                .map(|s| format!("/{}", s.name))
                .collect();
            lines.push(tr!(ctx.lang, "help-operators", commands = names.join(" ")));
        }
        lines.push(tr!(ctx.lang, "help-footer"));
        lines.join("\n")
    }

    /// How to use one command: its summary, its usage on this platform and its subcommands.
    fn help_for(&self, ctx: &CommandContext, name: &str) -> String {
        let lang = ctx.lang;
        let Some(spec) = find(name) else {
            return tr!(lang, "help-unknown", name = name);
        };
        let mut lines = vec![
            tr!(
                lang,
                "help-command",
                name = spec.name,
                summary = spec.summary(lang),
                operators = if spec.audience == Audience::Operator {
                    "yes"
                } else {
                    "no"
                }
            ),
            spec.usage(lang, form_on(ctx.chat.platform)),
        ];
        if let Params::Subcommands(subs) = spec.params {
            for sub in subs {
                lines.push(tr!(
                    lang,
                    "help-subcommand",
                    name = sub.name,
                    summary = i18n::render(lang, sub.key, &[])
                ));
            }
        }
        lines.join("\n")
    }
}

/// Discord's slash commands are forms of named options; elsewhere members type the line.
fn form_on(platform: Platform) -> CommandForm {
    match platform {
        Platform::Discord => CommandForm::Form,
        Platform::Telegram | Platform::Console => CommandForm::Typed,
    }
}

pub(crate) fn operator_only(lang: Lang, name: &str) -> String {
    tr!(lang, "command-operator-only", name = name)
}

/// The reply to a line that is not a valid command: what was wrong, and the usage line in
/// the form members type on `platform`.
pub(crate) fn command_error(lang: Lang, error: &CommandError, platform: Platform) -> String {
    match error {
        CommandError::Unknown(name) => tr!(lang, "command-unknown", name = name),
        CommandError::Usage { spec, problem } => tr!(
            lang,
            "command-usage",
            problem = problem.clone(),
            usage = spec.usage(lang, form_on(platform))
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::commands::parse;

    #[test]
    fn a_chinese_member_gets_a_chinese_usage_reply() {
        let zh = Lang::from_code("zh-CN").expect("zh-CN is compiled in");
        let error = parse("/privacy maybe", false).unwrap_err();
        assert_eq!(
            command_error(zh, &error, Platform::Telegram),
            "请说明要做什么：隐藏（hide）、公开（show）、导出（export）或删除（delete）。\n用法：/privacy hide|show|export|delete [confirm|end]"
        );
    }
}
