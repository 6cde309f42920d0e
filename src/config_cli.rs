//! `steward check-config`: reads the config as `run` would (secrets from the environment
//! included) and says what it found, or lists every problem with its line. Included by
//! `main.rs`.

use std::path::PathBuf;

use anyhow::Result;

use steward::config::{Config, ConfigError, StripeMode};

pub(crate) fn check_config(path: Option<PathBuf>) -> Result<()> {
    let shown = path
        .clone()
        .unwrap_or_else(|| PathBuf::from(steward::config::DEFAULT_PATH));
    match Config::load(path.as_deref()) {
        Ok(config) => {
            if Config::file_exists(path.as_deref()) {
                println!("{} is valid.", shown.display());
            } else {
                println!(
                    "No {} found here, so the built-in defaults were checked (with any \
                     STEWARD_* settings from the environment); they are valid.",
                    shown.display()
                );
            }
            println!(
                "  community: {} ({})",
                config.community_name,
                config.calendar.tz.name()
            );
            println!("  database: {}", config.database_path.display());
            println!("  operators from config: {}", config.operators.len());
            println!(
                "  telegram: {}",
                if config.telegram.token.is_some() {
                    "token set"
                } else {
                    "no token"
                }
            );
            println!(
                "  discord: {}",
                if config.discord.token.is_some() {
                    "token set"
                } else {
                    "no token"
                }
            );
            println!(
                "  stripe: {}",
                match (
                    &config.stripe.key,
                    &config.stripe.webhook_key,
                    config.stripe.mode
                ) {
                    (None, _, _) => "no key (card payments off)",
                    (Some(_), _, StripeMode::Poll) => "key set, polling for events",
                    (Some(_), Some(_), StripeMode::Webhook) => "key and webhook secret set",
                    (Some(_), None, StripeMode::Webhook) =>
                        "key set, but no STEWARD_STRIPE_WEBHOOK_SECRET: deliveries are refused",
                }
            );
            for warning in config.warnings() {
                println!("  warning: {warning}");
            }
            Ok(())
        }
        Err(e @ ConfigError::Invalid { .. }) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
        Err(e) => Err(e.into()),
    }
}
