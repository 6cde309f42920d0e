//! The card's SVG template: geometry, colours and the placement of every text. Every string
//! from the caller passes through `escape_xml` before it reaches the markup.

use std::fmt::Write as _;

use unicode_segmentation::UnicodeSegmentation;

use super::CardData;
use super::fonts::is_emoji;
use super::text::{columns, escape_xml, group_digits, truncate};

pub const WIDTH: u32 = 934;
pub const HEIGHT: u32 = 282;

/// Where the name, stats and bar start, right of the avatar, and where they must end.
const CONTENT_X: i64 = 280;
const CONTENT_RIGHT: i64 = 894;
pub const BAR_WIDTH: i64 = CONTENT_RIGHT - CONTENT_X;

/// About how many Latin letters of the bold 38px name fit in the content width; a CJK
/// character or an emoji counts two. A clip path keeps an unusually wide name off the rest.
pub const NAME_COLUMNS: usize = 24;
const LABEL_COLUMNS: usize = 14;
const TIER_COLUMNS: usize = 12;
const UNIT_COLUMNS: usize = 8;
/// A stat's usable width: its 154px column less a gap before the next one.
const STAT_WIDTH: i64 = 144;
const UNIT_SIZE: i64 = 18;

const BACKGROUND: &str = "#1e2028";
const TEXT: &str = "#f2f3f5";
const MUTED: &str = "#9ea3ad";
const TRACK: &str = "#3a3d49";
const ACCENT: &str = "#7c83fd";
const TIER: &str = "#f5b041";
const INITIALS: &str = "#ffffff";
/// Avatar colours; a name always gets the same one, so a member recognises their card.
const AVATAR_COLOURS: [&str; 8] = [
    "#5865f2", "#eb459e", "#3ba55c", "#faa61a", "#ed4245", "#9b59b6", "#1abc9c", "#e67e22",
];

/// The width of the filled part of the progress bar: `into / for` of the bar, clamped to
/// the bar, and empty when the level has no span (`for` of 0 or less).
pub fn progress_width(into: i64, span: i64) -> i64 {
    if span <= 0 {
        return 0;
    }
    let into = i128::from(into.clamp(0, span));
    let span = i128::from(span);
    // Rounded integer division: no float, and no overflow for any i64 pair.
    let width = (i128::from(BAR_WIDTH) * into * 2 + span) / (span * 2);
    i64::try_from(width).unwrap_or(BAR_WIDTH)
}

/// The complete card. `family` and `emoji_family` are the font-family lists from `Fonts`.
pub fn card_svg(data: &CardData, family: &str, emoji_family: &str) -> String {
    let labels = &data.labels;
    let sep = &labels.group_separator;
    let mut svg = String::with_capacity(4096);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{family}">"#
    );
    let _ = write!(
        svg,
        r#"<defs><clipPath id="name-area"><rect x="{CONTENT_X}" y="30" width="{BAR_WIDTH}" height="80"/></clipPath></defs><rect width="{WIDTH}" height="{HEIGHT}" rx="24" fill="{BACKGROUND}"/>"#
    );
    avatar(&mut svg, data, emoji_family);
    let _ = write!(
        svg,
        r#"<text id="name" x="{CONTENT_X}" y="92" font-size="38" font-weight="bold" fill="{TEXT}" clip-path="url(#name-area)">{}</text>"#,
        name_runs(&truncate(&data.name, NAME_COLUMNS), emoji_family)
    );

    let rank = |rank: Option<u64>| match rank {
        Some(rank) => (
            format!(
                "#{}",
                group_digits(i64::try_from(rank).unwrap_or(i64::MAX), sep)
            ),
            TEXT,
        ),
        None => (labels.unranked.clone(), MUTED),
    };
    let (all_time, all_time_colour) = rank(data.rank_all_time);
    let (week, week_colour) = rank(data.rank_week);
    let level = group_digits(i64::from(data.level), sep);
    let streak = group_digits(i64::from(data.streak), sep);
    let stats = [
        (&labels.level, level, TEXT, None),
        (&labels.all_time, all_time, all_time_colour, None),
        (&labels.this_week, week, week_colour, None),
        (&labels.streak, streak, TEXT, Some(&labels.days)),
    ];
    for (i, (label, value, colour, unit)) in stats.into_iter().enumerate() {
        let x = CONTENT_X + 154 * i as i64;
        stat(&mut svg, x, label, &value, colour, unit.map(String::as_str));
    }

    let total = format!(
        "{} {} {}",
        labels.total,
        group_digits(data.xp, sep),
        labels.xp
    );
    let progress = format!(
        "{} / {} {}",
        group_digits(data.xp_into_level, sep),
        group_digits(data.xp_for_level, sep),
        labels.xp
    );
    let _ = write!(
        svg,
        r#"<text id="total" x="{CONTENT_X}" y="212" font-size="19" fill="{MUTED}">{}</text><text id="xp" x="{CONTENT_RIGHT}" y="212" font-size="19" font-weight="bold" fill="{TEXT}" text-anchor="end">{}</text>"#,
        escape_xml(&total),
        escape_xml(&progress)
    );
    let filled = progress_width(data.xp_into_level, data.xp_for_level);
    let _ = write!(
        svg,
        r#"<rect id="track" x="{CONTENT_X}" y="226" width="{BAR_WIDTH}" height="26" rx="13" fill="{TRACK}"/>"#
    );
    // An empty bar has no fill: a zero-width rectangle is invalid SVG, which the renderer
    // warns of on every card at 0 XP.
    if filled > 0 {
        let _ = write!(
            svg,
            r#"<rect id="progress" x="{CONTENT_X}" y="226" width="{filled}" height="26" rx="13" fill="{ACCENT}"/>"#
        );
    }
    tier(&mut svg, data.tier.as_deref());
    svg.push_str("</svg>");
    svg
}

/// The avatar: a coloured circle with the initials, in the emoji-first family list when
/// the initials are an emoji.
fn avatar(svg: &mut String, data: &CardData, emoji_family: &str) {
    let colour = AVATAR_COLOURS[fnv1a(&data.name) as usize % AVATAR_COLOURS.len()];
    let size = if columns(&data.initials) <= 2 { 76 } else { 56 };
    let baseline = 128 + size * 36 / 100; // visually centred: caps sit ~0.72em tall
    let initials = truncate(&data.initials, 3);
    let family = if initials.chars().any(is_emoji) {
        format!(r#" font-family="{emoji_family}""#)
    } else {
        String::new()
    };
    let _ = write!(
        svg,
        r#"<circle cx="141" cy="128" r="92" fill="{colour}"/><text id="initials" x="141" y="{baseline}" font-size="{size}" font-weight="bold" fill="{INITIALS}" text-anchor="middle"{family}>{}</text>"#,
        escape_xml(&initials)
    );
}

/// The name's markup: runs of emoji go in a `tspan` with the emoji font first, so a whole
/// emoji sequence (a flag, a family, a skin tone) is shaped by one font instead of being
/// patched glyph by glyph onto the text font's result, where sequences come out as boxes.
pub(super) fn name_runs(name: &str, emoji_family: &str) -> String {
    let mut out = String::with_capacity(name.len() * 2);
    let mut run = String::new();
    let mut run_is_emoji = false;
    let flush = |run: &mut String, emoji: bool, out: &mut String| {
        if run.is_empty() {
            return;
        }
        if emoji {
            let _ = write!(
                out,
                r#"<tspan font-family="{emoji_family}">{}</tspan>"#,
                escape_xml(run)
            );
        } else {
            out.push_str(&escape_xml(run));
        }
        run.clear();
    };
    for grapheme in name.graphemes(true) {
        let emoji = grapheme.chars().any(is_emoji);
        if emoji != run_is_emoji {
            flush(&mut run, run_is_emoji, &mut out);
            run_is_emoji = emoji;
        }
        run.push_str(grapheme);
    }
    flush(&mut run, run_is_emoji, &mut out);
    out
}

/// One stat block: a muted label above a bold value with an optional small unit, the value
/// shrunk until both fit the 154px column ("unranked", "#1,234,567" and "365 days" included).
fn stat(svg: &mut String, x: i64, label: &str, value: &str, colour: &str, unit: Option<&str>) {
    let label = truncate(label, LABEL_COLUMNS);
    let value = truncate(value, LABEL_COLUMNS);
    let unit = unit.map(|unit| truncate(unit, UNIT_COLUMNS));
    // Widths are estimates from DejaVu Sans: a bold column is about 0.7em, a regular one 0.6em.
    let unit_width = unit
        .as_deref()
        .map_or(0, |unit| (columns(unit) as i64 + 1) * UNIT_SIZE * 6 / 10);
    let value_columns = (columns(&value) as i64).max(1);
    let size = ((STAT_WIDTH - unit_width) * 10 / (value_columns * 7)).clamp(14, 30);
    let _ = write!(
        svg,
        r#"<text x="{x}" y="136" font-size="17" fill="{MUTED}">{}</text><text x="{x}" y="172" font-size="{size}" font-weight="bold" fill="{colour}">{}"#,
        escape_xml(&label),
        escape_xml(&value)
    );
    if let Some(unit) = unit {
        let _ = write!(
            svg,
            // A no-break space (&#160;): usvg drops an ordinary space that opens a tspan.
            r#"<tspan font-size="{UNIT_SIZE}" font-weight="normal" fill="{MUTED}">&#160;{}</tspan>"#,
            escape_xml(&unit)
        );
    }
    svg.push_str("</text>");
}

/// The tier badge: a pill over the bottom of the avatar, sized to its text.
fn tier(svg: &mut String, tier: Option<&str>) {
    let Some(tier) = tier.map(str::trim).filter(|tier| !tier.is_empty()) else {
        return;
    };
    let tier = truncate(tier, TIER_COLUMNS);
    let width = (columns(&tier) as i64 * 12 + 28).max(56);
    let x = 141 - width / 2;
    let _ = write!(
        svg,
        r#"<g id="tier"><rect x="{x}" y="204" width="{width}" height="34" rx="17" fill="{TIER}" stroke="{BACKGROUND}" stroke-width="4"/><text x="141" y="228" font-size="18" font-weight="bold" fill="{BACKGROUND}" text-anchor="middle">{}</text></g>"#,
        escape_xml(&tier)
    );
}

/// A small stable hash (FNV-1a), so the avatar colour does not change between releases the
/// way `DefaultHasher`'s may.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}
