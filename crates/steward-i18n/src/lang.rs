//! [`Lang`]: a locale this binary carries, and how a typed choice (`/language zh`), a config
//! value (`community.language`) or a platform's locale (Telegram's `language_code`, Discord's
//! interaction locale) finds one.

use std::fmt;
use std::sync::LazyLock;

use fluent_templates::Loader;
use fluent_templates::loader::LanguageIdentifier;

use super::LOCALES;

/// The locales compiled in, English (the fallback) first, then by tag.
static TAGS: LazyLock<Vec<LanguageIdentifier>> = LazyLock::new(|| {
    let fallback: LanguageIdentifier = "en".parse().unwrap_or_default();
    let mut tags: Vec<LanguageIdentifier> = LOCALES.locales().cloned().collect();
    tags.sort_by_key(|tag| (*tag != fallback, tag.to_string()));
    tags
});

/// A locale of the binary's. `Lang::default()` is English, which every key exists in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Lang(u8);

impl Lang {
    /// Every locale compiled in, English first.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..TAGS.len()).filter_map(|i| u8::try_from(i).ok().map(Lang))
    }

    pub(super) fn id(self) -> &'static LanguageIdentifier {
        &TAGS[usize::from(self.0)]
    }

    /// The tag as stored and configured: `en`, `zh-CN`.
    #[must_use]
    pub fn code(self) -> String {
        self.id().to_string()
    }

    /// The language alone, without region: `en`, `zh` (Telegram's command languages).
    #[must_use]
    pub fn language(self) -> &'static str {
        self.id().language.as_str()
    }

    /// The locale for a tag: the exact tag (any case), else the first locale of the same
    /// language, so `zh-TW` and `zh-hans` read Chinese and `en-GB` English. `None` for a
    /// language the binary does not carry.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        let wanted: LanguageIdentifier = code.trim().replace('_', "-").parse().ok()?;
        Self::all()
            .find(|lang| *lang.id() == wanted)
            .or_else(|| Self::all().find(|lang| lang.id().language == wanted.language))
    }

    /// What a member may type after `/language`: a tag (`zh`, `en`, `zh-CN`), or one of the
    /// names the locale itself lists under `language-aliases` (`中文`, `English`).
    #[must_use]
    pub fn from_choice(choice: &str) -> Option<Lang> {
        let choice = choice.trim();
        Self::from_code(choice).or_else(|| {
            Self::all().find(|lang| {
                super::render(*lang, "language-aliases", &[])
                    .split(',')
                    .any(|alias| alias.trim().eq_ignore_ascii_case(choice))
            })
        })
    }

    /// The locale's name for itself: `English`, `中文`.
    #[must_use]
    pub fn name(self) -> String {
        super::render(self, "language-name", &[])
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_locales_find_the_locale_of_their_language() {
        let zh = Lang::from_code("zh-CN").expect("zh-CN is compiled in");
        assert_eq!(zh.code(), "zh-CN");
        for code in ["zh", "zh-TW", "zh-hans", "zh_CN", "ZH-cn"] {
            assert_eq!(Lang::from_code(code), Some(zh), "{code}");
        }
        for code in ["en", "en-US", "en-GB"] {
            assert_eq!(Lang::from_code(code), Some(Lang::default()), "{code}");
        }
        assert_eq!(Lang::from_code("xx"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn members_may_name_a_language_in_its_own_words() {
        let zh = Lang::from_code("zh").expect("zh-CN is compiled in");
        assert_eq!(Lang::from_choice("中文"), Some(zh));
        assert_eq!(Lang::from_choice("english"), Some(Lang::default()));
        assert_eq!(Lang::from_choice("klingon"), None);
        assert_eq!(Lang::default().code(), "en");
    }
}
