//! Questions with accepted answers: `/ask` opens one where its answers will arrive and holds
//! its bounty (`ask.rs`); answers are noted as they arrive (`answers.rs`); `/accept` pays the
//! accepted answer once (`accept.rs`); the scheduler returns bounties nobody earned
//! (`bounties.rs`); `/questions`, the web page and the open questions `/recommend` suggests read them through the access rule (`lists.rs`). A question asked in a
//! tier's chat is that tier's (`core::questions::tier_of_chat`), and a hidden member is shown
//! as anonymous.

mod accept;
mod answers;
mod ask;
mod bounties;
mod lists;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::core::access::{Viewer, may_see};
use crate::core::ids::{ChatRef, Platform};
use crate::i18n::Lang;
use crate::store::{QuestionRow, StoreError};
use crate::{Identity, Kernel, Memberships, Ranking, tr};

pub use lists::QuestionView;

/// Questions, their answers and bounties.
pub struct Questions {
    kernel: Arc<Kernel>,
    identity: Arc<Identity>,
    /// Bounties are held, paid and returned, and accepted answers paid, through its scoring.
    ranking: Arc<Ranking>,
    /// Who may see a question asked in a tier's chat.
    membership: Arc<Memberships>,
    /// The chats where answers may arrive, and whether each is a question's own thread, so an
    /// ordinary message costs a map lookup, not a query (read at start, `load_places`).
    places: Mutex<HashMap<Platform, HashMap<String, bool>>>,
}

impl Questions {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        identity: Arc<Identity>,
        ranking: Arc<Ranking>,
        membership: Arc<Memberships>,
    ) -> Self {
        Self {
            kernel,
            identity,
            ranking,
            membership,
            places: Mutex::default(),
        }
    }

    /// Whether `viewer` may see `question`: its tier's rule, and the asker sees their own.
    fn visible(&self, viewer: &Viewer, question: &QuestionRow) -> bool {
        viewer.is(question.asker) || may_see(viewer, self.membership.gate(question.tier.as_deref()))
    }

    /// A member's name as a list shows it to `viewer`: anonymous when they hid themselves,
    /// unless the viewer is that member.
    fn shown_name(
        lang: Lang,
        viewer: &Viewer,
        member: crate::core::ids::MemberId,
        name: &str,
        hidden: bool,
    ) -> String {
        if hidden && !viewer.is(member) || name.is_empty() {
            tr!(lang, "questions-anonymous")
        } else {
            name.to_owned()
        }
    }

    /// Reads the chats answers may arrive in; `Engine::start` calls it before any message, so
    /// a question asked later is remembered on top of them (`remember_place`).
    pub(crate) async fn load_places(&self) -> Result<(), StoreError> {
        let mut loaded: HashMap<Platform, HashMap<String, bool>> = HashMap::new();
        for (place, thread) in self.kernel.store.question_place_chats().await? {
            loaded
                .entry(place.platform)
                .or_default()
                .insert(place.chat_id, thread);
        }
        *crate::sync::lock(&self.places) = loaded;
        Ok(())
    }

    /// Whether answers may arrive in `chat`, and whether it is a question's own thread.
    fn place_kind(&self, chat: &ChatRef) -> Option<bool> {
        crate::sync::lock(&self.places)
            .get(&chat.platform)
            .and_then(|chats| chats.get(chat.chat_id.as_str()))
            .copied()
    }

    /// Remembers a chat where answers may now arrive.
    fn remember_place(&self, chat: &ChatRef, thread: bool) {
        let mut places = crate::sync::lock(&self.places);
        let known = places
            .entry(chat.platform)
            .or_default()
            .entry(chat.chat_id.clone())
            .or_insert(thread);
        *known |= thread;
    }
}
