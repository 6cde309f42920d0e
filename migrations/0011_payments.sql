-- Paid memberships: every payment, renewal, refund and failure from a provider is a row, and a
-- member's paid plan (what renews, until when, through which provider) is another. Membership
-- changes a payment causes go through the membership ledger like any grant.

CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    -- telegram_stars | stripe
    provider TEXT NOT NULL,
    -- The provider's id of this event (a Stars charge id, 'refund:' + charge id, a Stripe event
    -- id): stored in the same transaction as its effect, so a repeat changes nothing.
    provider_id TEXT NOT NULL,
    member_id INTEGER REFERENCES members (id),
    plan TEXT NOT NULL,
    -- payment | renewal | refund | failure
    kind TEXT NOT NULL,
    -- Minor units of `currency` (Stars are whole: XTR 500 is 500 Stars). Refunds are negative.
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    -- The charge to refund or the subscription to cancel, at the provider.
    charge_ref TEXT,
    -- The account that paid (platform:user id), which a refund names.
    payer TEXT,
    -- The event as the provider sent it; emptied when the member is erased.
    raw TEXT,
    at INTEGER NOT NULL,
    UNIQUE (provider, provider_id)
);

CREATE INDEX payments_by_member ON payments (member_id, id);
CREATE INDEX payments_by_time ON payments (at);

-- A member's paid plan with one provider: what renews and until when.
CREATE TABLE subscriptions (
    member_id INTEGER NOT NULL REFERENCES members (id),
    plan TEXT NOT NULL,
    provider TEXT NOT NULL,
    -- The provider's handle to renew, cancel or refund (a Stars charge id, a Stripe subscription).
    charge_ref TEXT NOT NULL,
    -- The account that paid (platform:user id), which refunds and cancellations name.
    payer TEXT NOT NULL,
    paid_until INTEGER,
    -- 1 while the provider renews it by itself.
    renews INTEGER NOT NULL,
    cancelled_at INTEGER,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (member_id, plan, provider)
);

CREATE INDEX subscriptions_by_charge ON subscriptions (provider, charge_ref);
