-- Card payments (Stripe): every provider event applied is remembered by its id in the same
-- transaction as its effect, so a repeated or concurrent delivery changes nothing. A
-- subscription's state is derived from facts that do not depend on the order they arrive in:
-- the periods its unrefunded invoices paid, the newest status its provider reported, and
-- whether it ended.

CREATE TABLE provider_events (
    provider TEXT NOT NULL,
    event_id TEXT NOT NULL,
    -- The provider's event type, for the audit.
    kind TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (provider, event_id)
) WITHOUT ROWID;

-- The provider's subscription a payment belongs to, and the end of the period it paid.
ALTER TABLE payments ADD COLUMN subscription TEXT;
ALTER TABLE payments ADD COLUMN period_end INTEGER;
CREATE INDEX payments_by_subscription ON payments (provider, subscription)
    WHERE subscription IS NOT NULL;
CREATE INDEX payments_by_charge ON payments (provider, charge_ref);

-- The provider's time of the newest status applied (an older one arriving late is ignored),
-- and when the subscription ended for good.
ALTER TABLE subscriptions ADD COLUMN status_at INTEGER;
ALTER TABLE subscriptions ADD COLUMN ended_at INTEGER;
