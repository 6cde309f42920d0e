//! Content drops: when they run (WHEN and RULE), the `/drop` grammar, and the delivery states.

pub mod catch_up;
pub mod delivery;
pub mod grammar;
pub mod schedule;
pub mod when;
