//! The dashboard's revenue panel: per currency (Stars and money are never summed together),
//! what came in over the range, new paying members, renewals and refunds, and the monthly
//! recurring revenue of the subscriptions that renew by themselves (Stars from the plans' prices,
//! card subscriptions from their latest invoice), free trials with how many went on to pay, the
//! churn rate, revenue per paying member, the average paid lifetime and its value, and the
//! free → trial → paid funnel.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Utc};

use super::objectives::MONEY_KINDS;
use crate::core::analytics::measures::ratio;
use crate::store::PaymentFact;

use crate::core::duration::Term;
use crate::core::payments::Provider;
use crate::core::payments::decide::STARS_CURRENCY;
use crate::{EngineResult, Operations};

/// One currency's figures over the range.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CurrencyRevenue {
    pub currency: String,
    /// Payments and renewals, in minor units.
    pub gross: i64,
    /// Refunded, as a positive amount.
    pub refunded: i64,
    pub new_paid: i64,
    pub renewals: i64,
    pub refunds: i64,
}

/// Per currency, over every member who ever paid in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LifetimeValue {
    pub currency: String,
    pub members: i64,
    /// Mean days from a member's first payment to the end of the last period they paid.
    pub mean_days: Option<f64>,
    /// Mean paid per member, less refunds (minor units): the lifetime value so far.
    pub value: Option<i64>,
}

/// New members of the range, and how far they went toward paying.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Funnel {
    /// Members first active in the range.
    pub new_members: i64,
    /// Free trials begun in the range, and of them those that paid since.
    pub trials: i64,
    pub trials_paid: i64,
    /// Members whose first payment (not a renewal) fell in the range.
    pub first_paid: i64,
    /// Members brought by another's invite in the range (`/start ref-CODE`), and referred
    /// members whose first payment fell in the range.
    pub referred: i64,
    pub referred_paid: i64,
}

/// The revenue panel.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RevenuePanel {
    pub currencies: Vec<CurrencyRevenue>,
    /// (currency, monthly recurring revenue) of the renewing subscriptions paid beyond now.
    pub mrr: Vec<(String, i64)>,
    /// Subscriptions renewing now, and those that stopped renewing in the range (churn).
    pub renewing: i64,
    pub churned: i64,
    /// Free trials that began in the range, and how many of them have paid since.
    pub trials: i64,
    pub trials_paid: i64,
    /// Of the subscriptions renewing at some time in the range, the share that stopped.
    pub churn_rate: Option<f64>,
    /// (currency, net in the range per member who paid in it).
    pub arpu: Vec<(String, i64)>,
    pub lifetime: Vec<LifetimeValue>,
    pub funnel: Funnel,
}

impl Operations {
    pub(super) async fn revenue_panel(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        payments: &[PaymentFact],
        new_members: i64,
    ) -> EngineResult<RevenuePanel> {
        let mut panel = RevenuePanel::default();
        for (currency, kind, count, sum) in self.kernel.store.revenue(from, to).await? {
            if panel
                .currencies
                .last()
                .is_none_or(|c| c.currency != currency)
            {
                panel.currencies.push(CurrencyRevenue {
                    currency: currency.clone(),
                    ..CurrencyRevenue::default()
                });
            }
            let Some(c) = panel.currencies.last_mut() else {
                continue;
            };
            match kind.as_str() {
                "payment" => {
                    c.gross += sum;
                    c.new_paid += count;
                }
                "renewal" => {
                    c.gross += sum;
                    c.renewals += count;
                }
                "refund" => {
                    c.refunded -= sum;
                    c.refunds += count;
                }
                _ => {}
            }
        }
        (panel.trials, panel.trials_paid) = self.kernel.store.trial_conversions(from, to).await?;
        let (running, churned) = self
            .kernel
            .store
            .renewing(self.kernel.now(), from, to)
            .await?;
        panel.churned = churned;
        let mut stars = 0;
        for (plan, provider, count) in running {
            panel.renewing += count;
            let monthly = self
                .paid
                .plan(&plan)
                .filter(|p| p.stars_renews())
                .and_then(|p| p.stars);
            if Provider::parse(&provider) == Some(Provider::TelegramStars)
                && let Some(price) = monthly
            {
                stars += count * i64::from(price);
            }
        }
        if stars > 0 {
            panel.mrr.push((STARS_CURRENCY.to_owned(), stars));
        }
        // A card subscription's monthly share: its latest invoice spread over 30 days of its term.
        let mut card: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
        for (currency, plan, amount) in self.kernel.store.card_renewing(self.kernel.now()).await? {
            let days = match self.paid.plan(&plan).map(|p| p.term) {
                Some(Term::For(term)) if term.num_days() > 0 => term.num_days(),
                _ => continue,
            };
            *card.entry(currency).or_default() += amount * 30 / days;
        }
        panel.mrr.extend(card);
        panel.churn_rate = ratio(panel.churned, panel.renewing + panel.churned);
        let mut paying: BTreeMap<&str, (i64, HashSet<i64>)> = BTreeMap::new();
        for p in payments
            .iter()
            .filter(|p| MONEY_KINDS.contains(&p.kind.as_str()))
        {
            let entry = paying.entry(&p.currency).or_default();
            entry.0 += p.amount;
            if let (Some(member), true) = (p.member, p.amount > 0) {
                entry.1.insert(member);
            }
        }
        panel.arpu = paying
            .into_iter()
            .filter(|(_, (_, members))| !members.is_empty())
            .map(|(currency, (net, members))| {
                let n = i64::try_from(members.len()).unwrap_or(i64::MAX);
                (currency.to_owned(), net / n)
            })
            .collect();
        panel.lifetime = self
            .kernel
            .store
            .paying_members()
            .await?
            .into_iter()
            .map(|p| LifetimeValue {
                mean_days: ratio(p.days, p.members),
                value: (p.members > 0).then(|| p.net / p.members),
                members: p.members,
                currency: p.currency,
            })
            .collect();
        let (referred, referred_paid) = self.kernel.store.referrals_in(from, to).await?;
        panel.funnel = Funnel {
            new_members,
            trials: panel.trials,
            trials_paid: panel.trials_paid,
            first_paid: panel.currencies.iter().map(|c| c.new_paid).sum(),
            referred,
            referred_paid,
        };
        Ok(panel)
    }
}
