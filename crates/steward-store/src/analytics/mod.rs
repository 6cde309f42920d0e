//! The dashboard's data: counters per period and one row per member per active day
//! (`record.rs` writes them), and the range reads behind the dashboard's panels (`read.rs`).
//! Drop statistics are kept by triggers (migration 0010), so every delivery and rating counts.

mod contributors;
#[cfg(feature = "bulk")]
mod history;
mod money;
mod read;
mod record;

pub use contributors::TopRow;
#[cfg(feature = "bulk")]
pub use history::SyntheticYear;
pub use money::{PayingMembers, PaymentFact};
pub use read::{CounterRow, DropQualityRow, MembershipNow};
pub use record::{ChatDayActivity, DayActivity};
