//! What an adapter may offer someone to pick while they type (Discord autocomplete): drops they
//! may rate, drops an operator manages, rewards on sale. Each list applies the same rule as the
//! command it completes, so a choice never names or previews what the asker may not see, and a
//! lookup never creates a member.

use crate::EngineResult;
use crate::core::access::may_see;
use crate::events::Sender;
use crate::i18n::Lang;
use crate::store::DropRow;
use crate::tr;
use crate::{Kernel, Memberships, PaidTime};
use std::sync::Arc;

/// What an adapter may offer someone to pick while typing (autocomplete).
pub struct Choices {
    pub(super) kernel: Arc<Kernel>,
    pub(super) membership: Arc<Memberships>,
    pub(super) paid: Arc<PaidTime>,
}

impl Choices {
    pub(crate) fn new(
        kernel: Arc<Kernel>,
        membership: Arc<Memberships>,
        paid: Arc<PaidTime>,
    ) -> Self {
        Self {
            kernel,
            membership,
            paid,
        }
    }
}

/// At most this many choices (Discord's limit).
pub const MAX_CHOICES: usize = 25;
/// Characters of a drop's text shown after its id.
const PREVIEW_CHARS: usize = 80;
/// How many recent drops are looked at before filtering by what the asker may see.
const SCAN: u32 = 200;

/// One pickable item: the label people read and the value the command receives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice<V> {
    pub label: String,
    pub value: V,
}

fn drop_choice(drop: &DropRow) -> Choice<i64> {
    let first_line = drop.text.lines().next().unwrap_or_default();
    let preview: String = first_line.chars().take(PREVIEW_CHARS).collect();
    Choice {
        label: format!("#{} {preview}", drop.id),
        value: drop.id,
    }
}

fn id_matches(drop: &DropRow, typed: &str) -> bool {
    drop.id
        .to_string()
        .starts_with(typed.trim().trim_start_matches('#'))
}

impl Choices {
    /// Drops `sender` may rate (the `/rate` rule: delivered, and their tier, or operator
    /// status, lets them see it), newest first, whose id starts with `typed`.
    pub async fn drops_member_may_rate(
        &self,
        sender: &Sender,
        typed: &str,
    ) -> EngineResult<Vec<Choice<i64>>> {
        let viewer = self
            .membership
            .typing_viewer(sender, self.kernel.now())
            .await?;
        let mut choices = Vec::new();
        for drop in self.kernel.store.delivered_drops(SCAN).await? {
            if choices.len() == MAX_CHOICES {
                break;
            }
            if !id_matches(&drop, typed) {
                continue;
            }
            if may_see(&viewer, self.membership.gate(drop.tier.as_deref())) {
                choices.push(drop_choice(&drop));
            }
        }
        Ok(choices)
    }

    /// Drops an operator manages (`/drop show|cancel|status|stats`): upcoming ones, then
    /// delivered ones, each as the access rule lets the asker see it. Members get none: the
    /// commands are an operator's.
    pub async fn drops_operator_manages(
        &self,
        sender: &Sender,
        typed: &str,
    ) -> EngineResult<Vec<Choice<i64>>> {
        if !self.kernel.is_operator(sender) {
            return Ok(Vec::new());
        }
        let viewer = self
            .membership
            .typing_viewer(sender, self.kernel.now())
            .await?;
        let upcoming = self.kernel.store.upcoming_drops(SCAN).await?;
        let delivered = self.kernel.store.delivered_drops(SCAN).await?;
        let mut choices: Vec<Choice<i64>> = Vec::new();
        for drop in upcoming.iter().chain(&delivered) {
            if choices.len() == MAX_CHOICES {
                break;
            }
            let new = choices.iter().all(|c| c.value != drop.id);
            if new
                && id_matches(drop, typed)
                && may_see(&viewer, self.membership.gate(drop.tier.as_deref()))
            {
                choices.push(drop_choice(drop));
            }
        }
        Ok(choices)
    }

    /// Rewards on sale in the shop whose id or name contains `typed`, labelled in the asker's
    /// language (their `/language` choice, else what their app reports).
    pub async fn rewards_offered_to(&self, asker: &Sender, typed: &str) -> Vec<Choice<String>> {
        self.rewards_in(self.kernel.language_for(asker).await, typed)
    }

    /// Plans on sale whose id or tier matches what the asker typed, each with its prices.
    pub async fn plans_offered_to(&self, asker: &Sender, typed: &str) -> Vec<Choice<String>> {
        let lang = self.kernel.language_for(asker).await;
        let typed = typed.trim().to_lowercase();
        self.kernel
            .config
            .plans
            .iter()
            .filter(|p| p.id.contains(&typed) || p.tier.contains(&typed))
            .take(MAX_CHOICES)
            .map(|p| Choice {
                label: self.paid.plan_line(lang, p).chars().take(100).collect(),
                value: p.id.clone(),
            })
            .collect()
    }

    fn rewards_in(&self, lang: Lang, typed: &str) -> Vec<Choice<String>> {
        let typed = typed.trim().to_lowercase();
        self.kernel
            .config
            .membership
            .rewards
            .iter()
            .filter(|r| r.id.contains(&typed) || r.name.to_lowercase().contains(&typed))
            .take(MAX_CHOICES)
            .map(|r| Choice {
                label: tr!(lang, "shop-choice", name = &r.name, cost = r.cost),
                value: r.id.clone(),
            })
            .collect()
    }
}
