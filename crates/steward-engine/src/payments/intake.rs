//! What the payment providers report, applied once each: Telegram's checkouts and payments
//! (`checkout.rs`), Discord's entitlements (`entitlements.rs`), card billing events
//! (`billing.rs`, `subscription_events.rs`) and refunds (`refund.rs`). Each goes through
//! [`PaidTime`] for its effect on a membership.

use std::sync::Arc;

use super::PaidTime;
use crate::{Identity, Kernel, Memberships};

/// The providers' reports of payments, subscriptions, entitlements and refunds.
pub struct Payments {
    pub(super) kernel: Arc<Kernel>,
    pub(super) identity: Arc<Identity>,
    pub(super) membership: Arc<Memberships>,
    pub(super) paid: Arc<PaidTime>,
}

impl Payments {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        identity: Arc<Identity>,
        membership: Arc<Memberships>,
        paid: Arc<PaidTime>,
    ) -> Self {
        Self {
            kernel,
            identity,
            membership,
            paid,
        }
    }
}
