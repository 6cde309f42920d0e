//! The dashboard's revenue panel: per currency (Stars and money are never summed together),
//! what came in over the range, new paying members, renewals and refunds, and the monthly
//! recurring revenue of the subscriptions that renew by themselves (Stars from the plans' prices,
//! card subscriptions from their latest invoice), and free trials with how many went on to pay.

use chrono::{DateTime, Utc};

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

/// The revenue panel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
}

impl Operations {
    pub(super) async fn revenue_panel(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
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
        Ok(panel)
    }
}
