//! The engine's side of the web pages: logging in by a link sent in chat and sessions
//! (`WebSessions`), rank cards (`Cards`), and the data behind each page (`WebPages`), read only after the access rules (`core::web_access`, tiers for
//! drops, `/privacy hide`) said the viewer may see it. The web adapter renders what these
//! return; it never reads the store.

mod board_stamp;
mod card;
mod login;
mod member_page;
mod pages;
mod search;
mod seasons;
mod sessions;

pub use board_stamp::BoardStamp;
pub use card::Cards;
pub use card::card_labels;
pub use login::{LOGIN_TTL, LoginOutcome, WebSession};
pub use pages::WebPages;
pub use pages::{
    BoardLine, BoardPage, HomePage, MemberPage, PageError, Place, WEB_PAGE_SIZE, WebBoard,
};
pub(crate) use search::Searches;
pub use seasons::SeasonLine;
pub use sessions::WebSessions;
