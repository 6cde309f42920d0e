//! Members' languages: the one chosen with `/language`, and the one their app last reported.
//! Stored as locale tags (`zh-CN`); the engine maps them to the locales it carries.

use super::error::During;
use super::{Result, Store, WriteTx};
use steward_core::ids::MemberId;

/// What is stored about a member's language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberLanguages {
    /// Chosen with `/language`.
    pub chosen: Option<String>,
    /// Last reported by the member's app.
    pub app: Option<String>,
}

impl Store {
    pub async fn member_languages(&self, member: MemberId) -> Result<MemberLanguages> {
        let row: Option<(Option<String>, Option<String>)> =
            sqlx::query_as("SELECT language, app_language FROM members WHERE id = ?")
                .bind(member.0)
                .fetch_optional(&self.pool)
                .await
                .during("member_languages")?;
        Ok(
            row.map_or_else(MemberLanguages::default, |(chosen, app)| MemberLanguages {
                chosen,
                app,
            }),
        )
    }
}

impl<S> WriteTx<S> {
    /// Sets (or, with `None`, clears) the language a member chose.
    pub async fn set_chosen_language(
        &mut self,
        member: MemberId,
        language: Option<&str>,
    ) -> Result<()> {
        sqlx::query("UPDATE members SET language = ? WHERE id = ?")
            .bind(language)
            .bind(member.0)
            .execute(&mut *self.tx)
            .await
            .during("set_chosen_language")?;
        Ok(())
    }

    pub async fn set_app_language(&mut self, member: MemberId, language: &str) -> Result<()> {
        sqlx::query("UPDATE members SET app_language = ? WHERE id = ?")
            .bind(language)
            .bind(member.0)
            .execute(&mut *self.tx)
            .await
            .during("set_app_language")?;
        Ok(())
    }
}
