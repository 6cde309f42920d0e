//! A member's page: level progress, places on every live board, streak, tier, XP by source
//! over the last twelve weeks, and the drops they rated that the viewer may see.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, Utc};

use super::pages::{MemberPage, PageError, Place};
use crate::WebPages;
use crate::core::access::{Viewer, may_see};
use crate::core::ids::MemberId;
use crate::core::levels::LevelInfo;
use crate::core::periods::Board;
use crate::core::rank_index::Standing;
use crate::i18n::Lang;
use crate::store::LedgerKind;
use crate::tr;

/// Weeks of XP history a member page charts.
const WEEKS: i64 = 12;

pub(super) async fn build(
    web: &WebPages,
    viewer: &Viewer,
    member: MemberId,
    now: DateTime<Utc>,
) -> Result<MemberPage, PageError> {
    if !web.may_see_member_page(viewer, member).await? {
        // Logging in helps only where the community shows pages to members; otherwise the
        // answer is the same as for a member who never existed.
        let rule = web.kernel.config.web.leaderboards;
        let login_helps = !rule.allows(viewer) && rule.login_helps(viewer);
        return Err(if login_helps {
            PageError::LoginNeeded
        } else {
            PageError::NotFound
        });
    }
    let lang = web.page_language(viewer).await;
    let row = web.kernel.store.member(member).await?;
    let calendar = &web.kernel.config.calendar;
    let mut places = Vec::new();
    let all_time = Standing::new(member, row.xp, row.xp_reached_at.timestamp_millis());
    places.push(place(web, &Board::AllTime, all_time, tr!(lang, "web-board-all")).await?);
    let week = calendar.week_board(now);
    let standing = web.kernel.store.standing(&week, member).await?;
    places.push(place(web, &week, standing, tr!(lang, "web-board-week")).await?);
    let month = calendar.month_board(now);
    let standing = web.kernel.store.standing(&month, member).await?;
    places.push(place(web, &month, standing, tr!(lang, "web-board-month")).await?);
    if let Some(season) = web.ranking.scores.season() {
        let board = season.board();
        let standing = web.kernel.store.standing(&board, member).await?;
        let title = tr!(lang, "web-board-season", name = &season.name);
        places.push(place(web, &board, standing, title).await?);
    }
    let streak = row.daily.current_streak(calendar.day(now));
    let tier = match web.membership.effective_tier(member, now).await? {
        Some(tier) => {
            let expires = web
                .kernel
                .store
                .tiers_held(member)
                .await?
                .into_iter()
                .find(|m| m.tier == tier.id)
                .and_then(|m| m.expires_at);
            Some(format!(
                "{} {}",
                tier.name,
                web.membership.until(lang, expires)
            ))
        }
        None => None,
    };
    let rated = web
        .kernel
        .store
        .ratings_by(member)
        .await?
        .into_iter()
        .filter(|(drop, _)| may_see(viewer, web.membership.gate(drop.tier.as_deref())))
        .map(|(drop, stars)| {
            let first = drop
                .text
                .lines()
                .next()
                .unwrap_or_default()
                .chars()
                .take(80)
                .collect();
            (drop.id, first, stars)
        })
        .collect();
    Ok(MemberPage {
        member,
        name: row.display_name.clone(),
        level: LevelInfo::from_xp(row.xp),
        xp: row.xp,
        places,
        streak,
        tier,
        hidden: row.hidden,
        is_self: viewer.is(member),
        xp_by_week: xp_by_week(web, lang, member, now).await?,
        rated,
        offers: if viewer.is(member) {
            web.storefront.card_offers(lang)
        } else {
            Vec::new()
        },
        manages_card: viewer.is(member) && web.storefront.manages_card(member).await?,
        gift_offers: if viewer.is(member) {
            web.storefront.card_gift_offers(lang)
        } else {
            Vec::new()
        },
        gift_codes: if viewer.is(member) {
            web.storefront.codes_bought(lang, member).await?
        } else {
            Vec::new()
        },
    })
}

async fn place(
    web: &WebPages,
    board: &Board,
    standing: Standing,
    title: String,
) -> Result<Place, PageError> {
    let place = if standing.score() > 0 {
        Some(
            web.ranking
                .with_board(board, |index| index.rank_of(&standing))
                .await?,
        )
    } else {
        None
    };
    Ok(Place {
        title,
        place,
        score: standing.score(),
    })
}

/// XP per source for each of the last [`WEEKS`] community weeks, oldest first.
async fn xp_by_week(
    web: &WebPages,
    lang: Lang,
    member: MemberId,
    now: DateTime<Utc>,
) -> Result<Vec<(String, Vec<(String, i64)>)>, PageError> {
    let calendar = &web.kernel.config.calendar;
    let week_of = |at: DateTime<Utc>| {
        let week = calendar.day(at).iso_week();
        format!("{}-W{:02}", week.year(), week.week())
    };
    let mut weeks: BTreeMap<String, [i64; 5]> = BTreeMap::new();
    for back in 0..WEEKS {
        weeks.insert(week_of(now - Duration::weeks(back)), [0; 5]);
    }
    let since = now - Duration::weeks(WEEKS);
    for (kind, xp, at) in web.kernel.store.ledger_since(member, since).await? {
        let source = match kind {
            // Imported XP was earned elsewhere, before: it belongs to no week (as on the
            // week board).
            Some(LedgerKind::Import) => continue,
            Some(LedgerKind::Message) => 0,
            Some(LedgerKind::Daily) => 1,
            Some(LedgerKind::Thanks) => 2,
            Some(
                LedgerKind::Learning
                | LedgerKind::Course
                | LedgerKind::Contribution
                | LedgerKind::Event,
            ) => 3,
            _ => 4,
        };
        if let Some(sums) = weeks.get_mut(&week_of(at)) {
            sums[source] += xp;
        }
    }
    let labels = [
        tr!(lang, "web-source-messages"),
        tr!(lang, "web-source-daily"),
        tr!(lang, "web-source-thanks"),
        tr!(lang, "web-source-learning"),
        tr!(lang, "web-source-other"),
    ];
    Ok(weeks
        .into_iter()
        .map(|(week, sums)| {
            let parts = labels.iter().cloned().zip(sums).collect();
            (week, parts)
        })
        .collect())
}
