//! One file per page: the community's home, leaderboards and seasons, a member's page, a
//! certificate's public page, the questions, a drop's file behind its link, and the
//! operators' dashboard.

pub(crate) mod boards;
pub(crate) mod certificate;
pub(crate) mod dashboard;
pub(crate) mod home;
pub(crate) mod media;
pub(crate) mod member;
pub(crate) mod questions;
