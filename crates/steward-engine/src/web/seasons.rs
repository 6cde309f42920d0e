//! The list of seasons on the web, running and archived, for viewers who may see standings.

use crate::WebPages;
use crate::core::access::Viewer;
use crate::i18n::{self, Lang};
use crate::tr;
use crate::web::PageError;

/// A season as listed: id, name, and whether it runs or when it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeasonLine {
    pub id: i64,
    pub name: String,
    pub state: String,
}

impl WebPages {
    pub async fn season_list(&self, viewer: &Viewer) -> Result<Vec<SeasonLine>, PageError> {
        self.may_see_standings(viewer)?;
        let lang: Lang = self.page_language(viewer).await;
        let tz = self.kernel.config.calendar.tz;
        Ok(self
            .kernel
            .store
            .seasons()
            .await?
            .into_iter()
            .map(|season| SeasonLine {
                id: season.id,
                state: match season.ended_at {
                    Some(at) => tr!(
                        lang,
                        "web-season-ended",
                        date = i18n::date(lang, at.with_timezone(&tz).date_naive())
                    ),
                    None => tr!(lang, "web-season-running"),
                },
                name: season.name,
            })
            .collect())
    }

    /// `(id, name)` of every configured tier, for the operators' pages.
    #[must_use]
    pub fn tier_names(&self) -> Vec<(String, String)> {
        self.kernel
            .config
            .membership
            .tiers
            .iter()
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect()
    }

    /// The community's name, for page titles.
    #[must_use]
    pub fn community_name(&self) -> &str {
        &self.kernel.config.community_name
    }

    /// The address members reach the pages at (`web.public_url`, no trailing slash).
    #[must_use]
    pub fn public_url(&self) -> &str {
        &self.kernel.config.web.public_url
    }
}
