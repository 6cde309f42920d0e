//! The card as a member sees it: a PNG of the right size, names drawn in glyphs rather than
//! boxes, markup that stays text, long names cut, and a bar as full as the level.
//!
//! The CJK and emoji tests skip, saying why, on a host without those fonts; with
//! `STEWARD_REQUIRE_FONTS=1` (CI) a missing font fails them instead.

use std::sync::OnceLock;

use resvg::tiny_skia::Pixmap;
use resvg::usvg::roxmltree;

use super::*;

fn renderer() -> &'static CardRenderer {
    static RENDERER: OnceLock<CardRenderer> = OnceLock::new();
    RENDERER.get_or_init(|| match CardRenderer::new() {
        Ok(renderer) => renderer,
        Err(e) => panic!("the card renderer needs fonts on this host: {e}"),
    })
}

fn card(name: &str) -> CardData {
    CardData {
        name: name.to_owned(),
        initials: initials(name),
        level: 12,
        xp: 12_345,
        xp_into_level: 1_234,
        xp_for_level: 2_000,
        rank_all_time: Some(42),
        rank_week: None,
        streak: 7,
        tier: Some("Pro".to_owned()),
        labels: CardLabels {
            level: "Level".to_owned(),
            xp: "XP".to_owned(),
            total: "Total".to_owned(),
            all_time: "All time".to_owned(),
            this_week: "This week".to_owned(),
            streak: "Streak".to_owned(),
            days: "days".to_owned(),
            unranked: "unranked".to_owned(),
            group_separator: ",".to_owned(),
        },
    }
}

/// Whether the fonts for a script are installed; otherwise prints why the test skips, or
/// fails when `STEWARD_REQUIRE_FONTS` says this host must have them.
fn fonts_installed(families: &[&str], what: &str, package: &str) -> bool {
    let db = renderer().fontdb();
    if families.iter().any(|family| has_family(db, family)) {
        return true;
    }
    let reason = format!(
        "no {what} font ({}) is installed: {package}",
        families.join(", ")
    );
    if std::env::var_os("STEWARD_REQUIRE_FONTS").is_some_and(|v| !v.is_empty() && v != "0") {
        panic!("{reason}; STEWARD_REQUIRE_FONTS is set, so this is a failure");
    }
    eprintln!("SKIPPED: {reason}");
    false
}

/// The name's box on the card: right of the avatar, above the stats.
const NAME_AREA: (u32, u32, u32, u32) = (280, 40, 894, 110);

/// Pixels in `area` that stand out from the background (text, boxes or emoji).
fn ink(pixmap: &Pixmap, (x0, y0, x1, y1): (u32, u32, u32, u32)) -> usize {
    area_pixels(pixmap, (x0, y0, x1, y1))
        .filter(|&(r, g, b)| {
            u32::from(r.abs_diff(0x1e)) + u32::from(g.abs_diff(0x20)) + u32::from(b.abs_diff(0x28))
                > 60
        })
        .count()
}

/// Pixels in `area` with real colour; the card's text is white and grey, so these are a
/// colour emoji's.
fn coloured(pixmap: &Pixmap, area: (u32, u32, u32, u32)) -> usize {
    area_pixels(pixmap, area)
        .filter(|&(r, g, b)| r.max(g).max(b) - r.min(g).min(b) > 80)
        .count()
}

fn area_pixels(
    pixmap: &Pixmap,
    (x0, y0, x1, y1): (u32, u32, u32, u32),
) -> impl Iterator<Item = (u8, u8, u8)> + '_ {
    (y0..y1).flat_map(move |y| {
        (x0..x1).filter_map(move |x| pixmap.pixel(x, y).map(|p| (p.red(), p.green(), p.blue())))
    })
}

fn family_of<'a>(glyphs: &'a [GlyphFont], text: &str) -> Option<&'a str> {
    glyphs
        .iter()
        .find(|g| g.text == text)
        .and_then(|g| g.family.as_deref())
}

#[test]
fn the_card_is_a_934_by_282_png() {
    let png = renderer()
        .render_png(&card("Ada Lovelace"))
        .expect("renders");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let decoded = Pixmap::decode_png(&png).expect("a valid PNG");
    assert_eq!((decoded.width(), decoded.height()), (934, 282));
    // Not a blank canvas: the name is drawn.
    assert!(ink(&decoded, NAME_AREA) > 500, "the name should be visible");
}

#[test]
fn a_certificate_is_a_1200_by_800_png_with_the_name_drawn() {
    let data = CertificateData {
        name: "张伟 <script>".into(),
        course: "Rust 入门".into(),
        day: "2026年12月6日".into(),
        community: "Test Guild".into(),
        id: "ABCD-EFGH-JKLM-NPQR".into(),
        labels: CertificateLabels {
            title: "Certificate of completion".into(),
            completed: "has completed".into(),
            verify: "Check it at https://example.test/certificates/".into(),
        },
    };
    let png = renderer().render_certificate_png(&data).expect("renders");
    let decoded = Pixmap::decode_png(&png).expect("a valid PNG");
    assert_eq!((decoded.width(), decoded.height()), (1200, 800));
    // The name's band, between the title and "has completed", has ink on the paper; the band
    // below it, between the lines, has none.
    let on_paper = |area| {
        area_pixels(&decoded, area)
            .filter(|&(r, g, b)| {
                u32::from(r.abs_diff(0xfb))
                    + u32::from(g.abs_diff(0xf8))
                    + u32::from(b.abs_diff(0xf1))
                    > 60
            })
            .count()
    };
    assert!(on_paper((200, 310, 1000, 385)) > 500, "the name is drawn");
    assert_eq!(
        on_paper((200, 385, 1000, 415)),
        0,
        "nothing between the lines"
    );
}

#[test]
fn markup_in_member_text_stays_text() {
    let hostile = r#"<script>alert(1)</script>&"'"#;
    let mut data = card(hostile);
    data.tier = Some("<b>VIP</b>".to_owned());
    data.labels.level = "Lv<\"'&>".to_owned();
    let svg = renderer().render_svg(&data);
    assert!(!svg.contains("<script>"), "raw markup reached the SVG");
    assert!(!svg.contains("<b>"), "raw markup reached the SVG");
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let name = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("name"))
        .expect("the name element");
    let shown: String = name
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        shown,
        truncate(hostile, NAME_COLUMNS),
        "the name shows as typed"
    );
    let png = renderer().render_png(&data).expect("renders");
    assert!(Pixmap::decode_png(&png).is_ok());
}

#[test]
fn a_name_with_characters_xml_forbids_still_renders() {
    // U+FFFF and U+FFFE are valid in a Rust string but not XML 1.0's Char production.
    let data = card("\u{FFFF}Ada\u{FFFE} Lovelace\u{1}");
    let svg = renderer().render_svg(&data);
    roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let png = renderer().render_png(&data).expect("renders");
    let decoded = Pixmap::decode_png(&png).expect("a valid PNG");
    assert!(
        ink(&decoded, NAME_AREA) > 500,
        "the rest of the name is drawn"
    );
}

#[test]
fn a_chinese_name_draws_glyphs_not_boxes() {
    if !fonts_installed(CJK_FAMILIES, "CJK", "apt-get install fonts-noto-cjk") {
        return;
    }
    let glyphs = renderer().glyph_fonts("张伟").expect("lays out");
    for c in ["张", "伟"] {
        let family = family_of(&glyphs, c).unwrap_or_else(|| panic!("{c} has no font"));
        assert!(CJK_FAMILIES.contains(&family), "{c} drawn by {family}");
    }
    // And in pixels: the name is drawn, and not as whatever a character no font has gets
    // (boxes or nothing).
    let chinese = renderer().render_pixmap(&card("张伟")).expect("renders");
    let unmappable = renderer()
        .render_pixmap(&card("\u{10FFFD}\u{10FFFC}"))
        .expect("renders");
    assert!(
        ink(&chinese, NAME_AREA) > 300,
        "张伟 left the name area empty"
    );
    assert_ne!(
        area_pixels(&chinese, NAME_AREA).collect::<Vec<_>>(),
        area_pixels(&unmappable, NAME_AREA).collect::<Vec<_>>(),
        "张伟 looks like characters no font has"
    );
}

#[test]
fn an_emoji_name_draws_the_emoji_in_colour() {
    if !fonts_installed(
        EMOJI_FAMILIES,
        "emoji",
        "apt-get install fonts-noto-color-emoji",
    ) {
        return;
    }
    let glyphs = renderer()
        .glyph_fonts("🦀 Ferris 🇨🇳 👍🏽 👨‍👩‍👧")
        .expect("lays out");
    for emoji in ["🦀", "🇨🇳", "👍🏽", "👨‍👩‍👧"] {
        let family = family_of(&glyphs, emoji)
            .unwrap_or_else(|| panic!("{emoji} is a box; glyphs: {glyphs:?}"));
        assert!(
            EMOJI_FAMILIES.contains(&family),
            "{emoji} drawn by {family}"
        );
    }
    assert!(
        family_of(&glyphs, "F").is_some(),
        "the letters are drawn too"
    );
    if has_family(renderer().fontdb(), "Noto Color Emoji") {
        let crab = renderer()
            .render_pixmap(&card("🦀 Ferris"))
            .expect("renders");
        let plain = renderer().render_pixmap(&card("Ferris")).expect("renders");
        assert!(
            coloured(&crab, NAME_AREA) > 200,
            "the crab is not in colour"
        );
        assert_eq!(coloured(&plain, NAME_AREA), 0);
    }
}

#[test]
fn missing_fonts_are_reported_as_boxes() {
    // A renderer with only DejaVu Sans, which has no Chinese: the check must say so.
    let dejavu = std::path::Path::new("/usr/share/fonts/truetype/dejavu");
    if !dejavu.is_dir() {
        eprintln!(
            "SKIPPED: {} is absent (fonts-dejavu-core)",
            dejavu.display()
        );
        return;
    }
    let sources = FontSources {
        system_fonts: false,
        fonts_dir: Some(dejavu.to_owned()),
    };
    let latin_only = CardRenderer::with_fonts(&sources).expect("loads DejaVu");
    let glyphs = latin_only.glyph_fonts("Wei 张").expect("lays out");
    assert_eq!(family_of(&glyphs, "W"), Some("DejaVu Sans"));
    assert_eq!(family_of(&glyphs, "张"), None, "glyphs: {glyphs:?}");
    assert!(
        renderer()
            .glyph_fonts("\u{10FFFD}")
            .expect("lays out")
            .iter()
            .all(|g| g.family.is_none())
    );
}

#[test]
fn a_fonts_dir_that_does_not_exist_is_an_error() {
    let missing = std::path::PathBuf::from("/nonexistent/steward-fonts");
    match CardRenderer::with_fonts_dir(Some(missing.clone())) {
        Err(CardError::FontsDir(path)) => assert_eq!(path, missing),
        other => panic!("expected FontsDir, got {other:?}"),
    }
}

#[test]
fn a_long_name_is_cut_with_an_ellipsis_and_fits() {
    let long = "Bartholomew Maximilian Featherstonehaugh-Cholmondeley the Third";
    let chinese = "欧阳诸葛司马上官东方皇甫尉迟公孙慕容长孙宇文";
    for name in [long, chinese] {
        let svg = renderer().render_svg(&card(name));
        let cut = truncate(name, NAME_COLUMNS);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(svg.contains(&cut), "the cut name is on the card");
        assert!(!svg.contains(name), "the full name is on the card");
        // Laid out, the cut name stays left of the card's right margin.
        let tree = resvg::usvg::Tree::from_str(&svg, &renderer().options).expect("parses");
        let Some(Node::Text(text)) = tree.node_by_id("name") else {
            panic!("the name element");
        };
        let right = text.bounding_box().right();
        assert!(right <= 894.0, "{name}: the name runs to x={right}");
    }
    assert_eq!(truncate("Ada Lovelace", NAME_COLUMNS), "Ada Lovelace");
}

#[test]
fn the_bar_fills_as_far_as_the_level() {
    let bar = |into: i64, span: i64| {
        let mut data = card("Ada");
        data.xp_into_level = into;
        data.xp_for_level = span;
        let svg = renderer().render_svg(&data);
        let doc = roxmltree::Document::parse(&svg).expect("well-formed");
        // No fill at all for an empty bar.
        doc.descendants()
            .find(|n| n.attribute("id") == Some("progress"))
            .map_or(0, |progress| {
                let width: i64 = progress
                    .attribute("width")
                    .and_then(|w| w.parse().ok())
                    .expect("a width");
                assert!(width > 0, "a drawn fill has a width");
                width
            })
    };
    let full = 894 - 280;
    assert_eq!(bar(0, 2_000), 0);
    assert_eq!(bar(1_000, 2_000), full / 2);
    assert_eq!(bar(2_000, 2_000), full);
    assert_eq!(bar(1, 3), 205); // a third, rounded
    assert_eq!(bar(5_000, 2_000), full, "never past the end");
    assert_eq!(bar(-5, 2_000), 0);
    assert_eq!(bar(10, 0), 0, "a level of no span shows an empty bar");
    assert_eq!(bar(i64::MAX - 1, i64::MAX), full);
}

#[test]
fn the_numbers_ranks_and_badge_read_right() {
    let svg = renderer().render_svg(&card("Ada"));
    assert!(svg.contains("1,234 / 2,000 XP"));
    assert!(svg.contains("Total 12,345 XP"));
    assert!(svg.contains("#42"), "the all-time rank");
    assert!(svg.contains("unranked"), "the weekly board has no rank");
    assert!(svg.contains("Pro") && svg.contains(r#"id="tier""#));
    let mut plain = card("Ada");
    plain.tier = None;
    plain.labels.group_separator = ".".to_owned();
    let svg = renderer().render_svg(&plain);
    assert!(!svg.contains(r#"id="tier""#), "no badge without a tier");
    assert!(svg.contains("1.234 / 2.000 XP"));
}

#[test]
fn one_renderer_serves_every_thread() {
    fn shared<T: Send + Sync>() {}
    shared::<CardRenderer>();
}
