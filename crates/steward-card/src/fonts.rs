//! The card's fonts: the font database (system fonts plus an optional extra directory), the
//! family list written into the template, and the fallback order that sends a CJK character
//! to a CJK font and an emoji to the colour emoji font instead of whichever face fontdb happens
//! to list first. It also maps each font file once (`share_files`, the module's one `unsafe`).

use std::path::PathBuf;
use std::sync::Arc;

use resvg::usvg::fontdb::{Database, Family, ID, Query, Stretch, Style};
use resvg::usvg::{FallbackSelectionFn, FontResolver};

use super::CardError;

/// Families for Latin, Cyrillic, Greek, Arabic and the card's labels and numbers, best first.
/// DejaVu Sans leads: fonts-dejavu-core is a small package that covers all of these, and the
/// template's widths are estimated from it.
pub const TEXT_FAMILIES: &[&str] = &["DejaVu Sans", "Noto Sans", "Liberation Sans"];

/// Families for Chinese, Japanese and Korean, best first. Simplified Chinese glyph forms lead
/// (a Japanese name still draws, with Chinese forms for shared Han characters); the rest are
/// what Debian ships when Noto CJK is absent.
pub const CJK_FAMILIES: &[&str] = &[
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
];

/// Families for emoji. Noto Color Emoji (CBDT bitmaps on Debian) renders in colour through
/// resvg's raster-images feature; Noto Emoji is the monochrome outline fallback.
pub const EMOJI_FAMILIES: &[&str] = &["Noto Color Emoji", "Noto Emoji"];

/// Where fonts come from.
#[derive(Debug, Clone, Default)]
pub struct FontSources {
    /// Scan the system's fonts (fontconfig's directories on Linux).
    pub system_fonts: bool,
    /// An extra directory of .ttf/.otf/.ttc files, e.g. Noto Sans CJK SC on a host where
    /// installing packages is not an option.
    pub fonts_dir: Option<PathBuf>,
}

impl FontSources {
    /// System fonts plus `STEWARD_FONTS_DIR` when it is set and not empty.
    pub fn from_env() -> Self {
        let fonts_dir = std::env::var_os("STEWARD_FONTS_DIR")
            .filter(|dir| !dir.is_empty())
            .map(PathBuf::from);
        Self {
            system_fonts: true,
            fonts_dir,
        }
    }
}

/// The loaded database and what the template and the resolver need from it.
pub(super) struct Fonts {
    pub db: Arc<Database>,
    /// The value of the template's `font-family`, already XML-safe.
    pub family_list: String,
    /// The emoji-first variant, for runs of emoji in a name.
    pub emoji_family_list: String,
}

impl Fonts {
    pub fn load(sources: &FontSources) -> Result<Self, CardError> {
        let mut db = Database::new();
        if let Some(dir) = &sources.fonts_dir {
            if !dir.is_dir() {
                return Err(CardError::FontsDir(dir.clone()));
            }
            // These faces join the pool that the family lists and the fallback draw from;
            // they are not put first, since a directory's load order is arbitrary.
            db.load_fonts_dir(dir);
        }
        if sources.system_fonts {
            db.load_system_fonts();
        }
        share_files(&mut db);
        let Some(first) = db.faces().next() else {
            return Err(CardError::NoFonts);
        };
        // "sans-serif" ends the list; point it at a real face so text never goes unrendered.
        let sans = TEXT_FAMILIES
            .iter()
            .find(|family| has_family(&db, family))
            .map(|family| (*family).to_owned())
            .or_else(|| first.families.first().map(|(family, _)| family.clone()))
            .unwrap_or_default();
        db.set_sans_serif_family(sans);

        let quoted = |families: &[&str]| -> Vec<String> {
            families
                .iter()
                .map(|family| format!("'{}'", super::text::escape_xml(family)))
                .collect()
        };
        let mut text_first = quoted(TEXT_FAMILIES);
        text_first.extend(quoted(CJK_FAMILIES));
        text_first.extend(quoted(EMOJI_FAMILIES));
        text_first.push("sans-serif".to_owned());
        let mut emoji_first = quoted(EMOJI_FAMILIES);
        emoji_first.extend(text_first.iter().cloned());

        Ok(Self {
            db: Arc::new(db),
            family_list: text_first.join(", "),
            emoji_family_list: emoji_first.join(", "),
        })
    }
}

/// Maps each font file once, for the renderer's lifetime. Left as paths, fontdb opens, maps
/// and unmaps a file on every access to a face, several times per text on a card: a third of
/// a card's time, measured, with the 20 MB Noto CJK collections. Mapped pages are read from
/// the page cache as glyphs are used, so memory grows with the glyphs drawn, not file sizes.
#[allow(unsafe_code)]
fn share_files(db: &mut Database) {
    let ids: Vec<ID> = db.faces().map(|face| face.id).collect();
    for id in ids {
        // SAFETY: the mapping is only unsound if another process changes the file in place
        // while it is mapped. Font files are installed by the package manager, which replaces
        // a file by renaming a new one over it (the mapping keeps the old inode), and fontdb
        // takes this same risk on every access when left to map per use.
        let _ = unsafe { db.make_shared_face_data(id) };
    }
}

/// Whether any loaded face belongs to `family`.
pub fn has_family(db: &Database, family: &str) -> bool {
    db.faces()
        .any(|face| face.families.iter().any(|(name, _)| name == family))
}

/// Whether `c` is drawn as an emoji when a font has it: pictographs, dingbats and the
/// joiners, selectors and tags that build emoji sequences.
pub fn is_emoji(c: char) -> bool {
    matches!(u32::from(c),
        0x1F000..=0x1FAFF // pictographs, flags' regional indicators, symbols
        | 0x2600..=0x27BF // miscellaneous symbols and dingbats
        | 0x2B00..=0x2BFF // arrows and stars used as emoji (⭐, ⬛)
        | 0x200D | 0xFE0F | 0x20E3 // joiner, emoji presentation, keycap
        | 0xE0020..=0xE007F) // tag characters (subdivision flags)
}

/// A resolver whose fallback tries, for an emoji, the emoji families first and otherwise the
/// CJK families first, before resvg's own scan of every face. The scan alone takes the first
/// face in load order that has the character, which can be a monochrome symbol font for an
/// emoji or a Japanese face for a Chinese name.
pub(super) fn resolver() -> FontResolver<'static> {
    let scan = FontResolver::default_fallback_selector();
    let select_fallback: FallbackSelectionFn<'static> =
        Box::new(move |c, used: &[ID], db: &mut Arc<Database>| {
            let weight = used
                .first()
                .and_then(|id| db.face(*id))
                .map(|face| face.weight)
                .unwrap_or_default();
            let (first, second) = if is_emoji(c) {
                (EMOJI_FAMILIES, CJK_FAMILIES)
            } else {
                (CJK_FAMILIES, EMOJI_FAMILIES)
            };
            // No coverage check here: usvg shapes with the face and asks again for whatever
            // is still missing, with this face added to `used`.
            let preferred = first.iter().chain(second).find_map(|family| {
                let families = [Family::Name(family)];
                db.query(&Query {
                    families: &families,
                    weight,
                    stretch: Stretch::Normal,
                    style: Style::Normal,
                })
                .filter(|id| !used.contains(id))
            });
            preferred.or_else(|| scan(c, used, db))
        });
    FontResolver {
        select_font: FontResolver::default_font_selector(),
        select_fallback,
    }
}
