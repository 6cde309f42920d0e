//! One file per page: the community's home, leaderboards and seasons, a member's page, and the
//! operators' dashboard.

pub(crate) mod boards;
pub(crate) mod dashboard;
pub(crate) mod home;
pub(crate) mod member;
