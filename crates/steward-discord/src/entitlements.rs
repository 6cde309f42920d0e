//! Discord App Subscriptions: ENTITLEMENT_CREATE, _UPDATE and _DELETE translated for the
//! engine, which gives or ends the tier of the plan naming the SKU. Guild entitlements (to a
//! server, not a person) are not memberships and are left alone.

use chrono::{DateTime, Utc};
use serenity::all::{Context, Entitlement as DiscordEntitlement};

use super::inbound;
use crate::engine::Engine;
use crate::engine::payments::{Entitlement, EntitlementChange};

/// Applies one entitlement report.
pub(super) async fn apply(
    ctx: &Context,
    engine: &Engine,
    entitlement: &DiscordEntitlement,
    change: EntitlementChange,
) {
    let Some(user_id) = entitlement.user_id else {
        return;
    };
    // The holder's name, for a member Steward has not met yet; their id if Discord is not asked.
    let holder = match user_id.to_user(&ctx.http).await {
        Ok(user) => inbound::person(&user, None),
        Err(e) => {
            tracing::info!(user = %user_id, error = %e, "an entitlement holder's name is unknown");
            let account = crate::core::ids::AccountRef::new(
                crate::core::ids::Platform::Discord,
                user_id.to_string(),
            );
            crate::engine::Person::named(account, &user_id.to_string())
        }
    };
    let report = Entitlement {
        id: entitlement.id.to_string(),
        sku: entitlement.sku_id.to_string(),
        holder,
        ends_at: entitlement
            .ends_at
            .and_then(|t| DateTime::<Utc>::from_timestamp(t.unix_timestamp(), 0)),
        change,
        raw: serde_json::to_string(entitlement).unwrap_or_default(),
    };
    if let Err(e) = engine.payments().entitlement(&report).await {
        tracing::error!(entitlement = %entitlement.id, error = %e, "an entitlement could not be applied");
    }
}
