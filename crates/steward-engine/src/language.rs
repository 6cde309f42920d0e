//! Which language the engine speaks to whom: a member's `/language` choice, else the language
//! their app reports on this request (remembered for the DMs the bot sends on its own), else the
//! one their app last reported, else the community's. Public posts use the community's.

use super::commands::CommandContext;
use super::events::Sender;
use super::{EngineResult, Kernel};
use crate::core::ids::MemberId;
use crate::i18n::Lang;
use crate::store::MemberLanguages;
use crate::tr;

impl Kernel {
    /// The language to answer `member` in, given what their app says on this request.
    pub(crate) async fn reply_language(&self, member: MemberId, app: Option<&str>) -> Lang {
        let stored = self.stored_languages(member).await;
        let reported = app.and_then(Lang::from_code);
        if let Some(lang) = reported
            && stored.app.as_deref().and_then(Lang::from_code) != Some(lang)
            && let Err(e) = self.remember_app_language(member, lang).await
        {
            tracing::warn!(error = ?e, "could not remember a member's app language");
        }
        chosen(&stored)
            .or(reported)
            .or_else(|| stored.app.as_deref().and_then(Lang::from_code))
            .unwrap_or(self.config.language)
    }

    /// The language the engine answers `sender` in, for the words an adapter adds around a
    /// reply (a form's labels, a note that an answer was cut).
    /// Looks the member up without creating one: asking for words is not taking part.
    pub async fn language_for(&self, sender: &Sender) -> Lang {
        let reported = sender.locale.as_deref();
        match self.store.member_of(&sender.person.profile.account).await {
            Ok(Some(member)) => self.reply_language(member, reported).await,
            Ok(None) | Err(_) => reported
                .and_then(Lang::from_code)
                .unwrap_or_else(|| self.community_language()),
        }
    }

    /// The language of a message the bot sends `member` on its own (a DM, a reminder).
    pub(crate) async fn language_of(&self, member: MemberId) -> Lang {
        let stored = self.stored_languages(member).await;
        chosen(&stored)
            .or_else(|| stored.app.as_deref().and_then(Lang::from_code))
            .unwrap_or(self.config.language)
    }

    /// The community's language, for posts everyone in a chat reads and for the platforms'
    /// default command menus.
    #[must_use]
    pub fn community_language(&self) -> Lang {
        self.config.language
    }

    /// The language of a reply meant for everyone in the chat (a thanks, a season's start or
    /// results): the community's in a group, the asker's in a private chat.
    pub(crate) fn chat_language(&self, ctx: &CommandContext) -> Lang {
        if ctx.chat.private {
            ctx.lang
        } else {
            self.community_language()
        }
    }

    /// `/language`: shows, sets or clears the member's choice.
    pub(crate) async fn language_command(
        &self,
        ctx: &CommandContext,
        choice: Option<&str>,
    ) -> EngineResult<String> {
        let choices = Lang::all()
            .map(|lang| lang.language().to_owned())
            .collect::<Vec<_>>()
            .join("|");
        let Some(choice) = choice else {
            let stored = self.stored_languages(ctx.member).await;
            let source = if chosen(&stored).is_some() {
                "chosen"
            } else if ctx.sender.locale.as_deref().and_then(Lang::from_code) == Some(ctx.lang)
                || stored.app.as_deref().and_then(Lang::from_code) == Some(ctx.lang)
            {
                "platform"
            } else {
                "community"
            };
            return Ok(tr!(
                ctx.lang,
                "language-current",
                name = ctx.lang.name(),
                source = source,
                choices = choices
            ));
        };
        if choice.eq_ignore_ascii_case("auto") {
            self.save_chosen_language(ctx.member, None).await?;
            let lang = self
                .reply_language(ctx.member, ctx.sender.locale.as_deref())
                .await;
            return Ok(tr!(lang, "language-auto"));
        }
        let Some(lang) = Lang::from_choice(choice) else {
            return Ok(tr!(
                ctx.lang,
                "language-unknown",
                choice = choice,
                choices = choices
            ));
        };
        self.save_chosen_language(ctx.member, Some(lang)).await?;
        Ok(tr!(lang, "language-set"))
    }

    async fn stored_languages(&self, member: MemberId) -> MemberLanguages {
        self.store
            .member_languages(member)
            .await
            .unwrap_or_else(|e| {
                tracing::warn!(error = ?e, "could not read a member's language");
                MemberLanguages::default()
            })
    }

    async fn save_chosen_language(&self, member: MemberId, lang: Option<Lang>) -> EngineResult<()> {
        let _writer = self.lock_writer().await;
        let mut tx = self.store.begin_unsettled().await?;
        tx.set_chosen_language(member, lang.map(Lang::code).as_deref())
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn remember_app_language(&self, member: MemberId, lang: Lang) -> EngineResult<()> {
        let _writer = self.lock_writer().await;
        let mut tx = self.store.begin_unsettled().await?;
        tx.set_app_language(member, &lang.code()).await?;
        tx.commit().await?;
        Ok(())
    }
}

fn chosen(stored: &MemberLanguages) -> Option<Lang> {
    stored.chosen.as_deref().and_then(Lang::from_code)
}
