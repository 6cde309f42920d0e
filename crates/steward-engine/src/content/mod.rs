//! Content: drops (scheduling, `/drops`, `/rate`), their delivery to every target, courses of
//! lessons (`courses.rs` for operators, `lessons.rs`: `/done`, `/progress`), tags and
//! `/recommend` (`recommend.rs`), and what
//! an adapter may offer someone to pick while typing (autocomplete).

mod choices;
mod community_events;
mod courses;
mod delivery;
mod drop_content;
mod drops;
mod failures;
mod feedback;
mod hand_ins;
mod labels;
mod lessons;
mod media;
mod media_delivery;
mod media_fetch;
mod media_web;
mod member_view;
mod recommend;
mod status;
mod submissions;

pub use choices::Choices;
pub use choices::{Choice, MAX_CHOICES};
pub use community_events::CommunityEvents;
pub use courses::Courses;
pub use drops::Drops;
pub use media_web::{MediaDownload, WebFile};
pub use recommend::Recommendations;
pub use submissions::Submissions;
