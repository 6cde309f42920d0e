//! Rendered leaderboard pages, kept under their [`BoardStamp`]. The first pages of a board are
//! what nearly every visitor opens, and while the board stands still (a running community's
//! boards move at most once a second, at the fold) they are the same HTML for everyone. Only
//! the first [`KEPT_PAGES`] pages of each board and language are kept (about 10 KB each), and a
//! page showing the viewer's own line, which is highlighted for them, is rendered for them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::body::Bytes;

use crate::core::access::Viewer;
use crate::core::ids::MemberId;
use crate::engine::web::{BoardStamp, WebBoard};
use crate::i18n::Lang;

/// Pages kept per board and language.
pub(crate) const KEPT_PAGES: usize = 10;

type Key = (WebBoard, usize, Lang);

/// One rendered page: its title, the HTML under the title, and the whole page as a visitor
/// (no session) sees it, sent as it is.
#[derive(Debug, Clone)]
pub(crate) struct KeptPage {
    pub title: Arc<str>,
    pub body: Arc<str>,
    pub for_visitors: Bytes,
    stamp: BoardStamp,
    members: Arc<[MemberId]>,
}

impl KeptPage {
    pub(crate) fn new(
        stamp: BoardStamp,
        (title, body, for_visitors): (&str, &str, String),
        members: impl IntoIterator<Item = MemberId>,
    ) -> Self {
        Self {
            title: title.into(),
            body: body.into(),
            for_visitors: Bytes::from(for_visitors),
            stamp,
            members: members.into_iter().collect(),
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct PageCache {
    pages: Mutex<HashMap<Key, KeptPage>>,
}

impl PageCache {
    /// The kept page, if rendered under `stamp` and not showing `viewer`'s own line.
    pub(crate) fn get(
        &self,
        key: (WebBoard, usize, Lang),
        stamp: &BoardStamp,
        viewer: &Viewer,
    ) -> Option<KeptPage> {
        let pages = self.pages.lock().unwrap_or_else(PoisonError::into_inner);
        let kept = pages.get(&key)?;
        let own = viewer.member.is_some_and(|me| kept.members.contains(&me));
        (kept.stamp == *stamp && !own).then(|| kept.clone())
    }

    /// Keeps a page rendered for a viewer whose own line is not on it.
    pub(crate) fn keep(&self, key: (WebBoard, usize, Lang), page: KeptPage) {
        if key.1 <= KEPT_PAGES {
            let mut pages = self.pages.lock().unwrap_or_else(PoisonError::into_inner);
            pages.insert(key, page);
        }
    }
}
