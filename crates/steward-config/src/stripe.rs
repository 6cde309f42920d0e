//! The `[stripe]` section: where Stripe's API is (a local peer in tests) and how its events
//! arrive (`webhook`: Stripe posts them to `/webhooks/stripe`; `poll`: Steward reads
//! `GET /v1/events`, for hosts without a public address). The API key and the webhook signing
//! secret come only from the environment.

use serde::Deserialize;
use toml::Spanned;

use super::Secret;
use super::problems::Problems;

/// How Stripe's events reach Steward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StripeMode {
    Webhook,
    Poll,
}

#[derive(Debug, Clone)]
pub struct StripeConfig {
    /// Without a trailing slash.
    pub api_url: String,
    pub mode: StripeMode,
    /// `STEWARD_STRIPE_KEY`: the secret API key (`sk_…` or a restricted `rk_…`).
    pub key: Option<Secret>,
    /// `STEWARD_STRIPE_WEBHOOK_SECRET`: the endpoint's signing secret (`whsec_…`).
    pub webhook_key: Option<Secret>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StripeSection {
    pub api_url: Spanned<String>,
    pub mode: Spanned<String>,
}

impl Default for StripeSection {
    fn default() -> Self {
        Self {
            api_url: Spanned::new(0..0, "https://api.stripe.com".into()),
            mode: Spanned::new(0..0, "webhook".into()),
        }
    }
}

pub(super) fn read(section: &StripeSection, problems: &mut Problems<'_>) -> StripeConfig {
    let api_url = section.api_url.get_ref().trim().trim_end_matches('/');
    if url::Url::parse(api_url).map_or(true, |u| !matches!(u.scheme(), "http" | "https")) {
        problems.add(
            &section.api_url.span(),
            "stripe.api_url",
            format!("`{api_url}` is not an http(s) address (like https://api.stripe.com)"),
        );
    }
    let mode = match section.mode.get_ref().trim() {
        "webhook" => StripeMode::Webhook,
        "poll" => StripeMode::Poll,
        other => {
            problems.add(
                &section.mode.span(),
                "stripe.mode",
                format!("`{other}` is not one of webhook, poll"),
            );
            StripeMode::Webhook
        }
    };
    StripeConfig {
        api_url: api_url.to_owned(),
        mode,
        key: None,
        webhook_key: None,
    }
}
