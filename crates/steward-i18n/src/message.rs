//! Text as data: a locale key with its arguments, carried from where a decision is made to where
//! the reader's language is known.

use std::fmt;

use fluent_templates::fluent_bundle::FluentValue;

use super::Lang;

/// One argument of a locale key. Numbers stay numbers so the locale picks plural forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// A nested text, rendered in the reader's language first.
    Msg(Box<Msg>),
}

impl Arg {
    pub(super) fn fluent(&self, lang: Lang) -> FluentValue<'static> {
        match self {
            Self::Text(text) => FluentValue::from(text.clone()),
            Self::Number(n) => FluentValue::from(*n),
            Self::Msg(msg) => FluentValue::from(msg.render(lang)),
        }
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Self::Text(text.clone())
    }
}

impl From<Msg> for Arg {
    fn from(msg: Msg) -> Self {
        Self::Msg(Box::new(msg))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Self::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Self {
                Self::from(*n)
            }
        }
    )*};
}
number_args!(i64, i32, u8, u16, u32, u64, usize);

/// A locale key and its arguments; see [`crate::msg!`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Msg {
    #[must_use]
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    #[must_use]
    pub fn key(&self) -> &'static str {
        self.key
    }

    #[must_use]
    pub fn render(&self, lang: Lang) -> String {
        super::render(lang, self.key, &self.args)
    }
}

/// English, for logs and test messages.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::default()))
    }
}
