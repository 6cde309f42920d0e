//! Charts drawn on the server as SVG: stacked bars and lines, readable without JavaScript or a
//! stylesheet's help (the page's policy allows no inline styles, so colours are attributes).
//! Every bar and point carries a `<title>` with its exact figure.

use maud::{Markup, html};

/// The series' colours, in legend order: ten apart, so the XP chart's eight sources never share
/// one.
pub(crate) const COLOURS: [&str; 10] = [
    "#5865f2", "#22a559", "#f0b232", "#e04f5f", "#8b5cf6", "#0ea5e9", "#ec4899", "#a16207",
    "#14b8a6", "#6b7280",
];

const W: f64 = 720.0;
const H: f64 = 220.0;
const BOTTOM: f64 = 30.0;
const TOP: f64 = 14.0;
/// At most this many x labels are written; the rest stay in the bars' titles.
const MAX_LABELS: usize = 12;

/// One x position: its label and one value per series.
pub(crate) struct Column<'a> {
    pub label: &'a str,
    pub values: Vec<i64>,
}

fn label_every(n: usize) -> usize {
    n.div_ceil(MAX_LABELS).max(1)
}

#[allow(clippy::cast_precision_loss)] // chart coordinates, not money
fn scale(most: i64) -> f64 {
    most.max(1) as f64
}

/// Stacked bars, one per column, one colour per series.
#[allow(clippy::cast_precision_loss)] // chart coordinates, not money
pub(crate) fn stacked_bars(columns: &[Column<'_>], legend: &[String], unit: &str) -> Markup {
    let most = scale(
        columns
            .iter()
            .map(|c| c.values.iter().map(|v| (*v).max(0)).sum::<i64>())
            .max()
            .unwrap_or(0),
    );
    let slot = W / columns.len().max(1) as f64;
    let every = label_every(columns.len());
    html! {
        svg.chart viewBox={ "0 0 " (W) " " (H) } role="img" {
            text x="0" y="10" { (most) " " (unit) }
            @for (i, column) in columns.iter().enumerate() {
                @let x = i as f64 * slot + slot * 0.15;
                @let mut top = H - BOTTOM;
                @for (j, value) in column.values.iter().enumerate() {
                    @if *value > 0 {
                        @let height = (*value as f64) / most * (H - BOTTOM - TOP);
                        @let y = { top -= height; top };
                        rect x=(x) y=(y) width=(slot * 0.7) height=(height) fill=(COLOURS[j % COLOURS.len()]) {
                            title { (column.label) ": " (legend.get(j).map_or("", String::as_str)) " " (value) " " (unit) }
                        }
                    }
                }
                @if i % every == 0 {
                    text x=(x) y=(H - 10.0) { (short(column.label)) }
                }
            }
        }
        (legend_line(legend))
    }
}

/// Lines, one per series, over the same x labels; `None` leaves a gap.
#[allow(clippy::cast_precision_loss)] // chart coordinates, not money
pub(crate) fn lines(labels: &[&str], series: &[(String, Vec<Option<f64>>)]) -> Markup {
    let values = series.iter().flat_map(|(_, v)| v.iter().flatten());
    let most = values.clone().fold(0.0f64, |a, b| a.max(*b));
    let least = values.fold(0.0f64, |a, b| a.min(*b));
    let span = (most - least).max(f64::EPSILON);
    let slot = W / labels.len().max(1) as f64;
    let x_of = |i: usize| i as f64 * slot + slot / 2.0;
    let y_of = |v: f64| TOP + (most - v) / span * (H - BOTTOM - TOP);
    let every = label_every(labels.len());
    let legend: Vec<String> = series.iter().map(|(name, _)| name.clone()).collect();
    html! {
        svg.chart viewBox={ "0 0 " (W) " " (H) } role="img" {
            text x="0" y="10" { (format!("{most:.2}")) }
            @if least < 0.0 {
                line x1="0" x2=(W) y1=(y_of(0.0)) y2=(y_of(0.0)) stroke="#9ca3af" stroke-dasharray="4 4" {}
            }
            @for (j, (name, points)) in series.iter().enumerate() {
                @let colour = COLOURS[j % COLOURS.len()];
                polyline fill="none" stroke=(colour) stroke-width="2" points=(path(points, x_of, y_of)) {}
                @for (i, point) in points.iter().enumerate() {
                    @if let Some(v) = point {
                        circle cx=(x_of(i)) cy=(y_of(*v)) r="3" fill=(colour) {
                            title { (labels.get(i).copied().unwrap_or("")) ": " (name) " " (format!("{v:.2}")) }
                        }
                    }
                }
            }
            @for (i, label) in labels.iter().enumerate() {
                @if i % every == 0 {
                    text x=(x_of(i) - slot * 0.35) y=(H - 10.0) { (short(label)) }
                }
            }
        }
        (legend_line(&legend))
    }
}

/// The polyline's points; a gap (`None`) splits nothing but is skipped.
fn path(points: &[Option<f64>], x_of: impl Fn(usize) -> f64, y_of: impl Fn(f64) -> f64) -> String {
    points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|v| format!("{:.1},{:.1}", x_of(i), y_of(v))))
        .collect::<Vec<_>>()
        .join(" ")
}

fn legend_line(legend: &[String]) -> Markup {
    html! {
        @if legend.len() > 1 {
            p.legend { @for (j, label) in legend.iter().enumerate() {
                span { svg width="12" height="12" { rect width="12" height="12" rx="2" fill=(COLOURS[j % COLOURS.len()]) {} } " " (label) }
            } }
        }
    }
}

/// `2026-11-30` → `11-30`, `2026-W49` → `W49`, `2026年第49周` → `第49周`: the year is in the
/// range above the chart.
fn short(label: &str) -> &str {
    label
        .split_once('-')
        .or_else(|| label.split_once('年'))
        .map_or(label, |(_, rest)| rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_drop_their_year_in_both_languages() {
        assert_eq!(short("2026-W49"), "W49");
        assert_eq!(short("2026年第49周"), "第49周");
        assert_eq!(short("2026-11-30"), "11-30");
    }

    #[test]
    fn no_two_series_of_the_xp_chart_share_a_colour() {
        let sources = crate::engine::analytics::XP_SOURCES.len() - 1;
        let mut used: Vec<&str> = COLOURS.iter().take(sources).copied().collect();
        used.sort_unstable();
        used.dedup();
        assert_eq!(used.len(), sources);
    }
}
