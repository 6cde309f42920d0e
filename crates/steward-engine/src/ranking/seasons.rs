//! Seasons: `/season start|end`, the automatic end at `until`, and the final top 10.

use chrono::{DateTime, NaiveDate, Utc};

use super::boards::render_board;
use crate::commands::CommandContext;
use crate::core::ids::ChatRef;
use crate::i18n::{self, Lang};
use crate::store::Season;
use crate::{EngineResult, Ranking, refuse};
use crate::{msg, tr};

impl Ranking {
    pub(crate) async fn start_season(
        &self,
        ctx: &CommandContext,
        name: &str,
        until: Option<NaiveDate>,
    ) -> EngineResult<String> {
        let calendar = &self.kernel.config.calendar;
        // "until 2026-12-25" includes that whole community day.
        let ends_at = until.map(|day| calendar.next_day_start(calendar.start_of_day(day)));
        if ends_at.is_some_and(|end| end <= ctx.at) {
            return refuse(msg!("season-end-date-passed"));
        }
        let season = self.begin_season(name, ctx.at, ends_at, &ctx.chat).await?;
        // Everyone in the chat reads the start of a season.
        Ok(self.season_started(self.kernel.chat_language(ctx), &season))
    }

    /// Starts a season unless one is running or the name was used; the season's end will be
    /// announced in `announce`. Refusals are in `lang`.
    pub(crate) async fn begin_season(
        &self,
        name: &str,
        at: DateTime<Utc>,
        ends_at: Option<DateTime<Utc>>,
        announce: &ChatRef,
    ) -> EngineResult<Season> {
        let lock = self.kernel.lock_scores().await;
        let mut tx = self.kernel.store.begin().await?;
        if let Some(running) = tx.active_season().await? {
            return refuse(msg!("season-still-running", name = &running.name));
        }
        if tx.season_name_taken(name).await? {
            return refuse(msg!("season-name-taken", name = name));
        }
        let season = tx.start_season(name, at, ends_at, announce).await?;
        tx.commit().await?;
        self.scores.set_season(Some(season.clone()));
        self.ensure_live(&[season.board()]).await?;
        drop(lock);
        Ok(season)
    }

    /// The announcement of a season's start.
    pub(crate) fn season_started(&self, lang: Lang, season: &Season) -> String {
        match season.ends_at {
            Some(end) => tr!(
                lang,
                "season-started-until",
                name = &season.name,
                ends = i18n::datetime(lang, end, self.kernel.config.calendar.tz)
            ),
            None => tr!(lang, "season-started-open", name = &season.name),
        }
    }

    pub(crate) async fn end_season_command(&self, ctx: &CommandContext) -> EngineResult<String> {
        let _lock = self.kernel.lock_scores().await;
        let mut tx = self.kernel.store.begin().await?;
        let Some(season) = tx.active_season().await? else {
            return refuse(msg!("season-not-running"));
        };
        tx.end_season(season.id, ctx.at).await?;
        tx.commit().await?;
        self.after_season_end(self.kernel.chat_language(ctx), &season)
            .await
    }

    /// Ends seasons whose end date has come (a step of the scheduler's tick); returns their names.
    pub(crate) async fn end_due_seasons(&self, now: DateTime<Utc>) -> EngineResult<Vec<String>> {
        let due = self
            .scores
            .season()
            .filter(|s| s.ends_at.is_some_and(|end| end <= now));
        let Some(season) = due else {
            return Ok(Vec::new());
        };
        let _lock = self.kernel.lock_scores().await;
        let mut tx = self.kernel.store.begin().await?;
        // An operator's /season end may have come first.
        if tx.active_season().await?.is_none_or(|s| s.id != season.id) {
            return Ok(Vec::new());
        }
        let end = season.ends_at.unwrap_or(now);
        tx.end_season(season.id, end).await?;
        tx.commit().await?;
        let text = self
            .after_season_end(self.kernel.community_language(), &season)
            .await?;
        if let Err(e) = self.kernel.platform.post(&season.announce, &text).await {
            tracing::warn!(error = %e, "season end announcement failed");
        }
        Ok(vec![season.name])
    }

    /// Forgets the ended season's live board and renders its final top 10 in `lang`.
    async fn after_season_end(&self, lang: Lang, season: &Season) -> EngineResult<String> {
        self.scores.set_season(None);
        self.scores.boards_mut().drop_board(&season.board());
        let (rows, total) = self.page(&season.board(), true, 0, 10).await?;
        let table = render_board(
            lang,
            &tr!(lang, "board-title-season-final", name = &season.name),
            &season.board(),
            &rows,
            0,
            total.min(10),
            1,
        );
        Ok(tr!(
            lang,
            "season-ended",
            name = &season.name,
            table = table
        ))
    }
}
