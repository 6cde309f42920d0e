//! A course certificate drawn as a 1200×800 PNG: the member's name as they chose it printed,
//! the course, the day it was finished, the community and the id an employer checks on the web.
//! Every word comes from the caller, translated; every string is escaped before the markup.

use std::fmt::Write as _;

use super::template::name_runs;
use super::text::{escape_xml, truncate};

pub const CERTIFICATE_WIDTH: u32 = 1200;
pub const CERTIFICATE_HEIGHT: u32 = 800;

/// About how many Latin letters of the 56px name fit across; a CJK character counts two.
const NAME_COLUMNS: usize = 30;
const LINE_COLUMNS: usize = 48;

const PAPER: &str = "#fbf8f1";
const INK: &str = "#1e2028";
const MUTED: &str = "#6b6f7a";
const ACCENT: &str = "#7c83fd";

/// What one certificate shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateData {
    /// The name printed: the member's chat name, or the one they asked for.
    pub name: String,
    pub course: String,
    /// The day finished, written in the member's language.
    pub day: String,
    pub community: String,
    /// The certificate's id, as its web page names it.
    pub id: String,
    pub labels: CertificateLabels,
}

/// Every word on the certificate, in the member's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateLabels {
    /// "Certificate of completion".
    pub title: String,
    /// Before the course: "has completed".
    pub completed: String,
    /// Before the id: "Check it at" with the address.
    pub verify: String,
}

/// The certificate's SVG. `family` and `emoji_family` are the renderer's font lists.
pub fn certificate_svg(data: &CertificateData, family: &str, emoji_family: &str) -> String {
    let (w, h) = (CERTIFICATE_WIDTH, CERTIFICATE_HEIGHT);
    let centre = w / 2;
    let labels = &data.labels;
    let line = |text: &str| escape_xml(&truncate(text, LINE_COLUMNS));
    let mut svg = String::with_capacity(4096);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{family}" text-anchor="middle">"#
    );
    let _ = write!(
        svg,
        r#"<rect width="{w}" height="{h}" fill="{PAPER}"/><rect x="28" y="28" width="{}" height="{}" fill="none" stroke="{ACCENT}" stroke-width="6" rx="18"/>"#,
        w - 56,
        h - 56
    );
    let _ = write!(
        svg,
        r#"<text x="{centre}" y="150" font-size="30" fill="{MUTED}">{}</text>"#,
        line(&data.community)
    );
    let _ = write!(
        svg,
        r#"<text x="{centre}" y="230" font-size="50" font-weight="bold" fill="{INK}">{}</text>"#,
        line(&labels.title)
    );
    let _ = write!(
        svg,
        r#"<text id="name" x="{centre}" y="370" font-size="56" font-weight="bold" fill="{ACCENT}">{}</text>"#,
        name_runs(&truncate(&data.name, NAME_COLUMNS), emoji_family)
    );
    let _ = write!(
        svg,
        r#"<text x="{centre}" y="450" font-size="30" fill="{MUTED}">{}</text>"#,
        line(&labels.completed)
    );
    let _ = write!(
        svg,
        r#"<text id="course" x="{centre}" y="520" font-size="42" font-weight="bold" fill="{INK}">{}</text>"#,
        line(&data.course)
    );
    let _ = write!(
        svg,
        r#"<text x="{centre}" y="600" font-size="30" fill="{INK}">{}</text>"#,
        line(&data.day)
    );
    let _ = write!(
        svg,
        r#"<text x="{centre}" y="720" font-size="22" fill="{MUTED}">{} {}</text>"#,
        escape_xml(&labels.verify),
        escape_xml(&data.id)
    );
    svg.push_str("</svg>");
    svg
}
