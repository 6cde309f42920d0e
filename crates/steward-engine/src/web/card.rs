//! Rank cards for members: the data, translated, and the PNG drawn by `crate::card` on a
//! blocking thread. The renderer is built on first use (a font scan); a host without fonts
//! logs why once and answers that cards are unavailable.

use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Utc};

use super::pages::PageError;
use crate::card::{CardData, CardLabels, CardRenderer, CertificateData, initials};
use crate::core::access::Viewer;
use crate::core::ids::MemberId;
use crate::core::levels::LevelInfo;
use crate::core::periods::Board;
use crate::core::rank_index::Standing;
use crate::i18n::Lang;
use crate::{CommandContext, DropTarget, EngineResult, OutboundFile, refuse};
use crate::{Kernel, Memberships, Ranking, WebPages};
use crate::{msg, tr};

/// Rank cards: their data, translated, and the PNG.
pub struct Cards {
    pub(super) kernel: Arc<Kernel>,
    pub(super) ranking: Arc<Ranking>,
    pub(super) web: Arc<WebPages>,
    pub(super) membership: Arc<Memberships>,
    pub(super) renderer: OnceLock<Result<Arc<CardRenderer>, String>>,
    pub(super) told: std::sync::atomic::AtomicBool,
}

impl Cards {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        ranking: Arc<Ranking>,
        web: Arc<WebPages>,
        membership: Arc<Memberships>,
    ) -> Self {
        Self {
            renderer: OnceLock::new(),
            told: std::sync::atomic::AtomicBool::new(false),
            kernel,
            ranking,
            web,
            membership,
        }
    }
}

impl std::fmt::Debug for Cards {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cards")
    }
}

impl Cards {
    fn card_renderer(&self) -> Option<Arc<CardRenderer>> {
        self.renderer
            .get_or_init(|| match CardRenderer::new() {
                Ok(renderer) => Ok(Arc::new(renderer)),
                Err(e) => {
                    tracing::error!(error = %e, "rank cards are unavailable");
                    Err(e.to_string())
                }
            })
            .as_ref()
            .ok()
            .cloned()
    }

    /// Tells the operators, once, why rank cards cannot be drawn: members are told only that
    /// they cannot, and the cause is the operators' to fix.
    async fn tell_operators_cards_fail(&self) {
        let Some(Err(cause)) = self.renderer.get() else {
            return;
        };
        if self.told.swap(true, std::sync::atomic::Ordering::Relaxed) {
            return;
        }
        self.kernel
            .tell_operators(&crate::msg!(
                "card-unavailable-operators",
                cause = cause.clone()
            ))
            .await;
    }

    /// A member's card as PNG, if `viewer` may see the member (the same rule as their page).
    pub async fn card_png(
        &self,
        viewer: &Viewer,
        member: MemberId,
        now: DateTime<Utc>,
    ) -> Result<Vec<u8>, PageError> {
        if !self.web.may_see_member_page(viewer, member).await? {
            return Err(PageError::NotFound);
        }
        let lang = self.web.page_language(viewer).await;
        let data = self.card_data(lang, member, now).await?;
        match self.render_card(data).await {
            Some(png) => Ok(png),
            None => {
                self.tell_operators_cards_fail().await;
                Err(PageError::Unavailable)
            }
        }
    }

    /// `/rank card`: the rank card of the member `/rank` would describe, posted in the chat.
    pub(crate) async fn rank_card(
        &self,
        ctx: &CommandContext,
        who: Option<&str>,
    ) -> EngineResult<String> {
        let target = self.ranking.rank_target(ctx, who).await?;
        let (member, name) = (target.id, &target.display_name);
        let lang = ctx.lang;
        let data = self.card_data(lang, member, ctx.at).await?;
        let Some(png) = self.render_card(data).await else {
            self.tell_operators_cards_fail().await;
            return refuse(msg!("card-unavailable"));
        };
        let file = OutboundFile {
            name: crate::platform::rank_card_name(member),
            bytes: png,
            caption: String::new(),
            image: true,
        };
        let here = DropTarget::Chat(ctx.chat.clone());
        if let Err(error) = self.kernel.platform.send_file(&here, &file).await {
            return refuse(error.why());
        }
        Ok(tr!(lang, "card-caption", name = name))
    }

    /// Draws `data`, off the async threads; `None` when cards cannot be drawn here.
    pub(crate) async fn render_card(&self, data: CardData) -> Option<Vec<u8>> {
        let renderer = self.card_renderer()?;
        let drawn = tokio::task::spawn_blocking(move || renderer.render_png(&data)).await;
        match drawn {
            Ok(Ok(png)) => Some(png),
            Ok(Err(e)) => {
                tracing::error!(error = %e, "drawing a rank card failed");
                None
            }
            Err(e) => {
                tracing::error!(error = %e, "the rank card task failed");
                None
            }
        }
    }

    /// Draws a course certificate, off the async threads; `None` when it cannot be drawn here
    /// (the operators are told once why).
    pub(crate) async fn render_certificate(&self, data: CertificateData) -> Option<Vec<u8>> {
        let Some(renderer) = self.card_renderer() else {
            self.tell_operators_cards_fail().await;
            return None;
        };
        match tokio::task::spawn_blocking(move || renderer.render_certificate_png(&data)).await {
            Ok(Ok(png)) => Some(png),
            Ok(Err(e)) => {
                tracing::error!(error = %e, "drawing a certificate failed");
                None
            }
            Err(e) => {
                tracing::error!(error = %e, "the certificate task failed");
                None
            }
        }
    }

    /// What `member`'s card shows, in `lang`.
    pub(crate) async fn card_data(
        &self,
        lang: Lang,
        member: MemberId,
        now: DateTime<Utc>,
    ) -> EngineResult<CardData> {
        let row = self.kernel.store.member(member).await?;
        let level = LevelInfo::from_xp(row.xp);
        let all_time = Standing::new(member, row.xp, row.xp_reached_at.timestamp_millis());
        let week_board = self.kernel.config.calendar.week_board(now);
        let week = self.kernel.store.standing(&week_board, member).await?;
        let place =
            |standing: &Standing, place: usize| (standing.score() > 0).then_some(place as u64);
        let rank_all_time = place(
            &all_time,
            self.ranking
                .with_board(&Board::AllTime, |index| index.rank_of(&all_time))
                .await?,
        );
        let rank_week = place(
            &week,
            self.ranking
                .with_board(&week_board, |index| index.rank_of(&week))
                .await?,
        );
        let streak = row
            .daily
            .current_streak(self.kernel.config.calendar.day(now));
        let tier = self
            .membership
            .effective_tier(member, now)
            .await?
            .map(|t| t.name.clone());
        Ok(CardData {
            initials: initials(&row.display_name),
            name: row.display_name,
            level: level.level,
            xp: row.xp,
            xp_into_level: level.xp_into_level,
            xp_for_level: level.xp_for_step,
            rank_all_time,
            rank_week,
            streak,
            tier,
            labels: card_labels(lang, streak),
        })
    }
}

/// The words on a card in `lang`, the day count's plural chosen for `streak`.
#[must_use]
pub fn card_labels(lang: Lang, streak: u32) -> CardLabels {
    CardLabels {
        level: tr!(lang, "card-level"),
        xp: tr!(lang, "card-xp"),
        total: tr!(lang, "card-total"),
        all_time: tr!(lang, "card-all-time"),
        this_week: tr!(lang, "card-this-week"),
        streak: tr!(lang, "card-streak"),
        days: tr!(lang, "card-days", days = streak),
        unranked: tr!(lang, "card-unranked"),
        group_separator: tr!(lang, "card-group-separator"),
    }
}
