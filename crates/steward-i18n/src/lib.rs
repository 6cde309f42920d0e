//! The community's languages. Every text members and operators read in chat comes from the
//! Fluent files under `locales/`: one folder per locale, compiled into the binary, so a new
//! locale takes only a folder of files. [`Lang`] is one locale this binary carries; [`tr!`]
//! renders a key in it; [`Msg`] is a text as data, for code that decides what to say before it
//! knows who reads it (the core's parse errors, a DM whose reader's language is looked up later).
//!
//! The command-line tool's own output (`steward check-config`, start-up errors) and the logs stay
//! English: they are read by whoever runs the binary, like any other tool's.

mod dates;
mod lang;
mod message;
mod money;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock, PoisonError, RwLock};

use fluent_templates::Loader;
use fluent_templates::fluent_bundle::FluentValue;

pub use dates::{date, datetime};
pub use lang::Lang;
pub use message::{Arg, Msg};
pub use money::{amount, money};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "en",
        // Isolation marks would reach chat as invisible characters around every name.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Renders `key` in `lang` with `args`. A key missing from `lang` falls back to English; a key
/// missing everywhere (a test keeps that from shipping) shows the key itself.
#[must_use]
pub fn render(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let values: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| (Cow::Owned((*name).to_owned()), value.fluent(lang)))
        .collect();
    let args = (!values.is_empty()).then_some(&values);
    LOCALES
        .try_lookup_complete(lang.id(), key, args)
        .unwrap_or_else(|| {
            tracing::error!(key, lang = %lang, "missing locale key");
            key.to_owned()
        })
}

/// Renders `key` in `lang` when some locale has it (falling back to English), else `None`: an
/// operator's text that names a key (a broadcast) reads in each member's language.
#[must_use]
pub fn render_known(lang: Lang, key: &str) -> Option<String> {
    LOCALES.try_lookup_complete(lang.id(), key, None)
}

/// Renders a locale key: `tr!(lang, "rank-reply", name = name, level = 3)`. Argument names
/// are the Fluent variables (`{ $name }`).
/// A message without arguments, formatted once per language and then kept: a page repeats the
/// same labels on every request, and formatting them each time showed in the web's profile.
#[must_use]
pub fn plain(lang: Lang, key: &'static str) -> String {
    type Kept = RwLock<HashMap<(Lang, &'static str), Arc<str>>>;
    static KEPT: OnceLock<Kept> = OnceLock::new();
    let kept = KEPT.get_or_init(Kept::default);
    let found = kept
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&(lang, key))
        .cloned();
    let text = found.unwrap_or_else(|| {
        let text: Arc<str> = render(lang, key, &[]).into();
        kept.write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert((lang, key), text.clone());
        text
    });
    text.to_string()
}

#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:literal $(,)?) => {
        $crate::plain($lang, $key)
    };
    ($lang:expr, $key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::render(
            $lang,
            $key,
            &[$((stringify!($name), $crate::Arg::from($value))),*],
        )
    };
}

/// A locale key and its arguments as data, rendered later: `msg!("usage-bad-amount", amount = 5)`.
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::Msg::new($key)$(.with(stringify!($name), $value))*
    };
}
