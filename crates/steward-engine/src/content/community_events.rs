//! Events: operators create them with a window and a check-in code (`/event create`); members
//! `/event join` to be reminded an hour before the start, `/event checkin CODE` during the
//! window for attendance XP (once each, its own ledger kind), `/event list` and `/event board`
//! (participants by XP earned while it ran). A tier-gated event is invisible below its tier
//! (`core::access::may_see`), in replies and reminders.

use chrono::{DateTime, Duration, Utc};

use crate::commands::CommandContext;
use crate::core::access::may_see;
use crate::core::commands::{EventCommand, NewEvent};
use crate::core::link::code_from_random;
use crate::i18n::{Lang, datetime};
use crate::ranking::Grant;
use crate::store::{EventRow, LedgerKind, NewEventRow};
use crate::{EngineError, EngineResult, refuse};
use crate::{Kernel, Memberships, Ranking};
use crate::{msg, tr};
use std::sync::Arc;

/// Community events: joining, check-in, their boards and reminders.
pub struct CommunityEvents {
    pub(super) kernel: Arc<Kernel>,
    pub(super) membership: Arc<Memberships>,
    pub(super) ranking: Arc<Ranking>,
}

impl CommunityEvents {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        membership: Arc<Memberships>,
        ranking: Arc<Ranking>,
    ) -> Self {
        Self {
            kernel,
            membership,
            ranking,
        }
    }
}

/// How long before its start a joined member is reminded of an event.
const REMIND_BEFORE: Duration = Duration::hours(1);

/// XP a check-in pays when the operator names none.
const DEFAULT_XP: i64 = 100;

/// Events `/event list` shows, and places `/event board` ranks.
const SHOWN: u32 = 10;

/// Reminders sent per tick.
const REMINDER_BATCH: u32 = 200;

impl CommunityEvents {
    pub(crate) async fn event_command(
        &self,
        ctx: &CommandContext,
        command: EventCommand,
    ) -> EngineResult<String> {
        match command {
            EventCommand::Create(new) => self.create_event(ctx, new).await,
            EventCommand::Join(id) => self.join_event(ctx, id).await,
            EventCommand::List => self.list_events(ctx).await,
            EventCommand::CheckIn(code) => self.check_in(ctx, &code).await,
            EventCommand::Board(id) => self.event_board(ctx, id).await,
        }
    }

    /// `Winter hackathon (#1), 2026-11-26 10:00 (Europe/Berlin) until 18:00`: the end's date
    /// only when it falls on another day.
    fn event_label(&self, lang: Lang, event: &EventRow) -> String {
        let tz = self.kernel.config.calendar.tz;
        let (start, end) = (
            event.starts_at.with_timezone(&tz),
            event.ends_at.with_timezone(&tz),
        );
        let ends = if start.date_naive() == end.date_naive() {
            end.format("%H:%M").to_string()
        } else {
            datetime(lang, event.ends_at, tz)
        };
        tr!(
            lang,
            "event-label",
            id = event.id,
            name = event.name.as_str(),
            starts = datetime(lang, event.starts_at, tz),
            ends = ends
        )
    }

    /// The event `id` if the asker may see it.
    async fn visible_event(&self, ctx: &CommandContext, id: i64) -> EngineResult<EventRow> {
        let viewer = self.membership.viewer(ctx).await?;
        match self.kernel.store.event_by_id(id).await? {
            Some(event) if may_see(&viewer, self.membership.gate(event.tier.as_deref())) => {
                Ok(event)
            }
            _ => refuse(msg!("event-unknown", id = id)),
        }
    }

    async fn create_event(&self, ctx: &CommandContext, new: NewEvent) -> EngineResult<String> {
        let (lang, tz) = (ctx.lang, self.kernel.config.calendar.tz);
        if !self.kernel.is_operator(&ctx.sender) {
            return refuse(msg!("event-create-operators"));
        }
        let tier = new
            .tier
            .as_deref()
            .map(|t| self.membership.tier(lang, t))
            .transpose()?;
        let when =
            |w: crate::core::drops::when::When| w.resolve(ctx.at, tz).map_err(EngineError::Refused);
        let (starts_at, ends_at) = (when(new.starts)?, when(new.ends)?);
        if ends_at <= starts_at || ends_at <= ctx.at {
            return refuse(msg!("event-window"));
        }
        let xp = new.xp.unwrap_or(DEFAULT_XP);
        // A taken code is drawn again; six characters of 31 leave collisions rare.
        for _ in 0..5 {
            let code = code_from_random(self.kernel.random_u64());
            let mut tx = self.kernel.store.begin().await?;
            let created = tx
                .create_event(&NewEventRow {
                    name: &new.name,
                    starts_at,
                    ends_at,
                    xp,
                    tier: tier.map(|t| t.id.as_str()),
                    code: &code,
                    created_by: ctx.member,
                    at: ctx.at,
                    season_chat: new.season.then_some(&ctx.chat),
                })
                .await?;
            let Some(id) = created else { continue };
            tx.commit().await?;
            let event = EventRow {
                id,
                name: new.name.clone(),
                starts_at,
                ends_at,
                xp,
                tier: tier.map(|t| t.id.clone()),
                code: code.clone(),
                joined: 0,
            };
            self.kernel.wake.notify_one();
            let mut reply = tr!(
                lang,
                "event-created",
                event = self.event_label(lang, &event),
                xp = xp,
                code = code,
                id = id
            );
            if new.season {
                reply.push('\n');
                reply.push_str(&tr!(lang, "event-season-planned", name = new.name.as_str()));
            }
            return Ok(reply);
        }
        Err(EngineError::Refused(msg!("event-code-busy")))
    }

    async fn join_event(&self, ctx: &CommandContext, id: i64) -> EngineResult<String> {
        let lang = ctx.lang;
        let event = self.visible_event(ctx, id).await?;
        if event.ends_at <= ctx.at {
            return refuse(msg!("event-over", id = id));
        }
        let no_reminder = event.starts_at - REMIND_BEFORE <= ctx.at;
        let mut tx = self.kernel.store.begin().await?;
        let joined = tx
            .join_event(event.id, ctx.member, no_reminder, ctx.at)
            .await?;
        tx.commit().await?;
        self.kernel.wake.notify_one();
        let label = self.event_label(lang, &event);
        Ok(match (joined, no_reminder) {
            (false, _) => tr!(lang, "event-joined-already", event = label),
            (true, true) => tr!(lang, "event-joined-now", event = label),
            (true, false) => tr!(lang, "event-joined", event = label),
        })
    }

    async fn list_events(&self, ctx: &CommandContext) -> EngineResult<String> {
        let lang = ctx.lang;
        let viewer = self.membership.viewer(ctx).await?;
        let joined = self.kernel.store.joined_events(ctx.member).await?;
        let mut lines = vec![tr!(lang, "event-list-header")];
        for event in self.kernel.store.coming_events(ctx.at, SHOWN).await? {
            if !may_see(&viewer, self.membership.gate(event.tier.as_deref())) {
                continue;
            }
            lines.push(tr!(
                lang,
                "event-list-line",
                event = self.event_label(lang, &event),
                count = event.joined,
                joined = if joined.contains(&event.id) {
                    "yes"
                } else {
                    "no"
                },
                xp = event.xp
            ));
            if viewer.operator {
                lines.push(tr!(lang, "event-list-code", code = event.code.as_str()));
            }
        }
        if lines.len() == 1 {
            return Ok(tr!(lang, "event-list-none"));
        }
        Ok(lines.join("\n"))
    }

    async fn check_in(&self, ctx: &CommandContext, code: &str) -> EngineResult<String> {
        let lang = ctx.lang;
        let viewer = self.membership.viewer(ctx).await?;
        let event = match self.kernel.store.event_by_code(code).await? {
            Some(event) if may_see(&viewer, self.membership.gate(event.tier.as_deref())) => event,
            _ => return refuse(msg!("event-code-unknown", code = code)),
        };
        let tz = self.kernel.config.calendar.tz;
        if ctx.at < event.starts_at {
            return refuse(msg!(
                "event-not-started",
                name = event.name.as_str(),
                starts = datetime(lang, event.starts_at, tz)
            ));
        }
        if ctx.at > event.ends_at {
            return refuse(msg!("event-code-expired", name = event.name.as_str()));
        }
        let mut scoring = self.ranking.begin_scoring(ctx.at).await?;
        if !scoring.tx.check_in(event.id, ctx.member, ctx.at).await? {
            return refuse(msg!("event-checked-in-already", name = event.name.as_str()));
        }
        let grant = Grant::own(ctx, LedgerKind::Event, event.xp, event.id.to_string());
        scoring.award_one(ctx, grant).await?;
        Ok(tr!(
            lang,
            "event-checked-in",
            name = event.name.as_str(),
            xp = event.xp
        ))
    }

    async fn event_board(&self, ctx: &CommandContext, id: i64) -> EngineResult<String> {
        let lang = ctx.lang;
        let event = self.visible_event(ctx, id).await?;
        let rows = self.kernel.store.event_board(&event, SHOWN).await?;
        let mut lines = vec![tr!(
            lang,
            "event-board-header",
            event = self.event_label(lang, &event)
        )];
        if rows.is_empty() {
            lines.push(tr!(lang, "event-board-empty"));
        }
        lines.extend(rows.iter().enumerate().map(|(n, (name, xp))| {
            tr!(
                lang,
                "event-board-line",
                place = n + 1,
                name = name.as_str(),
                xp = *xp
            )
        }));
        Ok(lines.join("\n"))
    }

    /// Reminds joined members of events starting within the hour, once each, if they may
    /// still see the event.
    pub(crate) async fn send_event_reminders(&self, now: DateTime<Utc>) -> EngineResult<usize> {
        let mut sent = 0;
        let due = self
            .kernel
            .store
            .event_reminders_due(now, now + REMIND_BEFORE, REMINDER_BATCH)
            .await?;
        for (event, member) in due {
            let mut tx = self.kernel.store.begin().await?;
            let claimed = tx.claim_event_reminder(event.id, member).await?;
            tx.commit().await?;
            if !claimed {
                continue;
            }
            // A member who joined while their tier showed the event, and whose tier ended
            // since, is not reminded of it: the reminder names it.
            let viewer = self.membership.recipient_viewer(member, now).await?;
            if !may_see(&viewer, self.membership.gate(event.tier.as_deref())) {
                continue;
            }
            let lang = self.kernel.language_of(member).await;
            let text = msg!(
                "event-reminder",
                event = self.event_label(lang, &event),
                id = event.id
            );
            if self.kernel.tell(member, &text).await? {
                sent += 1;
            }
        }
        Ok(sent)
    }

    /// Opens the seasons of events that started: named after the event, ending with it, and
    /// announced in the chat the event was created in. A season already running (or the name
    /// used before) keeps the event from opening one; the operators are told why.
    pub(crate) async fn open_event_seasons(&self, now: DateTime<Utc>) -> EngineResult<usize> {
        let mut opened = 0;
        for (event, chat) in self.kernel.store.event_seasons_due(now).await? {
            let mut tx = self.kernel.store.begin().await?;
            let claimed = tx.claim_event_season(event.id).await?;
            tx.commit().await?;
            if !claimed || event.ends_at <= now {
                continue;
            }
            let lang = self.kernel.community_language();
            match self
                .ranking
                .begin_season(&event.name, now, Some(event.ends_at), &chat)
                .await
            {
                Ok(season) => {
                    opened += 1;
                    let text = self.ranking.season_started(lang, &season);
                    if let Err(e) = self.kernel.platform.post(&chat, &text).await {
                        tracing::warn!(error = %e, "event season announcement failed");
                    }
                }
                Err(EngineError::Refused(why)) => {
                    self.kernel
                        .tell_operators_with(|lang| {
                            tr!(
                                lang,
                                "event-season-refused",
                                name = event.name.as_str(),
                                why = why.render(lang)
                            )
                        })
                        .await;
                }
                Err(e) => return Err(e),
            }
        }
        Ok(opened)
    }

    /// When the next event reminder falls due.
    pub(crate) async fn next_event_reminder_at(
        &self,
        now: DateTime<Utc>,
    ) -> EngineResult<Option<DateTime<Utc>>> {
        Ok(self
            .kernel
            .store
            .next_event_reminder_start(now)
            .await?
            .map(|start| (start - REMIND_BEFORE).max(now)))
    }
}
