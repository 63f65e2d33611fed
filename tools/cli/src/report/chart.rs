//! Line charts drawn with `plotters` (its SVG backend, which writes `<text>` elements and
//! needs no font files): axes at round ticks, a legend, one line per series (optionally as
//! steps, for piecewise-constant values such as rates and weights) and labelled event markers.
//! Tick positions and labels are ours, not plotters' own: labels use the report's one number
//! format (`crate::format::sig`) with as many significant digits as the tick step needs, so
//! distinct ticks never share a label.
use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::format::{self, Number};

/// Series colours (colour-blind friendly, Okabe-Ito).
pub const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
];

pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
    /// Drawn dashed (e.g. a schedule under what actually happened).
    pub dashed: bool,
}

impl Series {
    pub fn new(name: impl Into<String>, points: Vec<(f64, f64)>) -> Self {
        Series {
            name: name.into(),
            points,
            dashed: false,
        }
    }
}

pub struct LineChart {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub series: Vec<Series>,
    /// Draw each series as steps (value held until the next point).
    pub steps: bool,
    /// Scripted events drawn as labelled vertical lines (weight changes, whale swaps, locks).
    pub markers: Vec<Marker>,
}

/// A labelled vertical line at `x` (in the chart's x units).
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub label: String,
}

const WIDTH: u32 = 820;
const HEIGHT: u32 = 320;
/// The left margin at least: y tick labels up to 48 px wide (`400,000`, `0.00075`) fit in it.
const LEFT: f64 = 78.0;
const RIGHT: u32 = 190;
const TOP: u32 = 34;
const BOTTOM: u32 = 46;

/// Text colours and the grid's (shared with the CL band chart).
pub const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub const AXIS_TEXT: RGBColor = RGBColor(0x55, 0x55, 0x55);
pub const DESC_TEXT: RGBColor = RGBColor(0x33, 0x33, 0x33);
const GRID: RGBColor = RGBColor(0xe5, 0xe5, 0xe5);
pub const MARKER: RGBColor = RGBColor(0x88, 0x88, 0x88);

/// The font for text `px` pixels high. The SVG backend writes `font-size` as the size divided
/// by 1.24 (its em-to-pixel ratio), so the size passed is scaled up by as much.
pub fn font(px: f64, colour: RGBColor) -> TextStyle<'static> {
    ("sans-serif", px * 1.24).into_font().color(&colour)
}

/// A `#rrggbb` colour as plotters' colour (black for anything else).
pub fn rgb(hex: &str) -> RGBColor {
    let hex = hex.trim_start_matches('#');
    let channel = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    RGBColor(channel(0), channel(2), channel(4))
}

/// The grid, axes, tick marks and labels (our ticks and labels) and the axes' titles: the
/// same for every chart. The x title is left out where the caller draws it elsewhere.
pub fn draw_mesh(
    chart: &mut ChartContext<'_, SVGBackend<'_>, Cartesian2d<TickedAxis, TickedAxis>>,
    (x_ticks, x_labels): (&[f64], &[String]),
    (y_ticks, y_labels): (&[f64], &[String]),
    x_desc: Option<&str>,
    y_desc: &str,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    let x_format = |v: &f64| label_of(x_ticks, x_labels, *v);
    let y_format = |v: &f64| label_of(y_ticks, y_labels, *v);
    let mut mesh = chart.configure_mesh();
    mesh.disable_x_mesh()
        .bold_line_style(GRID)
        .axis_style(AXIS_TEXT)
        .set_all_tick_mark_size(4)
        .x_label_formatter(&x_format)
        .y_label_formatter(&y_format)
        .label_style(font(11.0, AXIS_TEXT))
        .y_desc(y_desc)
        .axis_desc_style(font(12.0, DESC_TEXT));
    if let Some(x_desc) = x_desc {
        mesh.x_desc(x_desc);
    }
    mesh.draw()
}

/// The label of tick `value` on an axis whose ticks and labels are `ticks` and `labels`
/// (plotters hands back the very values it was given as key points).
pub fn label_of(ticks: &[f64], labels: &[String], value: f64) -> String {
    ticks
        .iter()
        .position(|t| *t == value)
        .and_then(|i| labels.get(i).cloned())
        .unwrap_or_else(|| format::sig(value, format::DIGITS))
}

/// An f64 axis whose ticks are exactly `ticks` (plotters' own key points are round but not
/// ours; its `WithKeyPoints` wrapper cannot take a label formatter).
pub struct TickedAxis {
    linear: RangedCoordf64,
    ticks: Vec<f64>,
}

impl TickedAxis {
    pub fn new(range: Range<f64>, ticks: Vec<f64>) -> Self {
        TickedAxis {
            linear: range.into(),
            ticks,
        }
    }
}

impl Ranged for TickedAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.linear.map(value, limit)
    }

    /// The ticks as the bold (labelled) points, and no light grid lines.
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.linear.range()
    }
}

/// The SVG string backend only fails on I/O errors of its writer, which a `String` never has.
const STRING_BACKEND: &str = "the SVG backend writes into a String, which cannot fail";

impl LineChart {
    /// Whether the chart shows anything a table would not: false when it has no point, or when
    /// every point of every series has the same value (all zero, or one constant), so the
    /// report can leave it out.
    pub fn is_informative(&self) -> bool {
        let mut values = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.1));
        match values.next() {
            None => false,
            Some(first) => values.any(|y| y != first),
        }
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        self.draw(&mut out).expect(STRING_BACKEND);
        out
    }

    fn draw(&self, out: &mut String) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
        let all = self.series.iter().flat_map(|s| s.points.iter());
        let (mut x_min, mut x_max, mut y_max) = (f64::INFINITY, f64::NEG_INFINITY, 0.0f64);
        for (x, y) in all {
            x_min = x_min.min(*x);
            x_max = x_max.max(*x);
            y_max = y_max.max(*y);
        }
        if !x_min.is_finite() {
            (x_min, x_max) = (0.0, 1.0);
        }
        if x_max <= x_min {
            x_max = x_min + 1.0;
        }
        let y_ticks = nice_ticks(0.0, if y_max > 0.0 { y_max } else { 1.0 }, 5);
        let y_top = *y_ticks.last().unwrap_or(&1.0);
        let y_labels = tick_labels(&y_ticks);
        let x_ticks: Vec<f64> = nice_ticks(x_min, x_max, 8)
            .into_iter()
            .filter(|x| *x >= x_min && *x <= x_max)
            .collect();
        let x_labels = tick_labels(&x_ticks);
        let left = left_margin(&y_labels) as u32;

        let root = SVGBackend::with_string(out, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE)?;
        root.draw(&Text::new(
            self.title.clone(),
            (left as i32, 8),
            font(14.0, INK),
        ))?;
        let mut chart = ChartBuilder::on(&root)
            .margin_top(TOP)
            .margin_right(RIGHT)
            .x_label_area_size(BOTTOM)
            .y_label_area_size(left)
            .build_cartesian_2d(
                TickedAxis::new(x_min..x_max, x_ticks.clone()),
                TickedAxis::new(0.0..y_top, y_ticks.clone()),
            )?;
        draw_mesh(
            &mut chart,
            (&x_ticks, &x_labels),
            (&y_ticks, &y_labels),
            Some(&self.x_label),
            &self.y_label,
        )?;

        for marker in self.markers.iter().filter(|m| m.x >= x_min && m.x <= x_max) {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(marker.x, 0.0), (marker.x, y_top)],
                MARKER.stroke_width(1),
            )))?;
            let (px, py) = chart.backend_coord(&(marker.x, y_top));
            root.draw(&Text::new(
                marker.label.clone(),
                (px + 3, py + 2),
                font(10.0, MARKER).pos(Pos::new(HPos::Left, VPos::Top)),
            ))?;
        }

        let (plot_right, plot_top) = chart.backend_coord(&(x_max, y_top));
        let mut dashed: Vec<(Vec<(i32, i32)>, &str)> = Vec::new();
        for (i, series) in self.series.iter().enumerate() {
            let colour = rgb(PALETTE[i % PALETTE.len()]);
            let mut points: Vec<(f64, f64)> = Vec::with_capacity(series.points.len() * 2);
            for (k, (x, y)) in series.points.iter().enumerate() {
                if self.steps && k > 0 {
                    points.push((*x, series.points[k - 1].1));
                }
                points.push((*x, *y));
            }
            let ly = plot_top + 8 + i as i32 * 18;
            let lx = plot_right + 14;
            if series.dashed {
                // Written by hand, after plotters' output: see `dashed_polyline`.
                let coords = points.iter().map(|p| chart.backend_coord(p)).collect();
                dashed.push((coords, PALETTE[i % PALETTE.len()]));
                let style = colour.stroke_width(3);
                root.draw(&PathElement::new(vec![(lx, ly), (lx + 7, ly)], style))?;
                root.draw(&PathElement::new(vec![(lx + 11, ly), (lx + 18, ly)], style))?;
            } else {
                chart.draw_series(LineSeries::new(points, colour.stroke_width(2)))?;
                root.draw(&PathElement::new(
                    vec![(lx, ly), (lx + 18, ly)],
                    colour.stroke_width(3),
                ))?;
            }
            root.draw(&Text::new(
                legend_label(&series.name),
                (lx + 24, ly),
                font(11.0, INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
        root.present()?;
        drop(chart);
        drop(root);
        let end = out.rfind("</svg>").unwrap_or(out.len());
        let lines: String = dashed
            .iter()
            .map(|(coords, colour)| dashed_polyline(coords, colour))
            .collect();
        out.insert_str(end, &lines);
        Ok(())
    }
}

/// A dashed series as one `<polyline>` with `stroke-dasharray`. Plotters' SVG backend has no
/// dash attribute: its `DashedLineSeries` writes one element of about 88 bytes per 10 px dash,
/// 67 of them (5.9 KB) for a line across the plot and up (measured; see docs/sim.md).
fn dashed_polyline(coords: &[(i32, i32)], colour: &str) -> String {
    let points: Vec<String> = coords.iter().map(|(x, y)| format!("{x},{y}")).collect();
    format!(
        r#"<polyline fill="none" stroke="{colour}" stroke-width="3" stroke-dasharray="6 4" points="{}"/>
"#,
        points.join(" ")
    )
}

/// Legend labels are cut to fit the legend column.
fn legend_label(name: &str) -> String {
    const MAX: usize = 24;
    if name.chars().count() <= MAX {
        name.to_string()
    } else {
        name.chars().take(MAX - 1).collect::<String>() + "…"
    }
}

/// Round tick values (1, 2, 2.5 or 5 times a power of ten) covering `[min, max]`.
pub fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    let span = (max - min).max(f64::MIN_POSITIVE);
    let raw = span / count.max(1) as f64;
    let exponent = raw.log10().floor() as i32;
    let magnitude = 10f64.powi(exponent);
    let multiple = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|m| m * magnitude >= raw)
        .unwrap_or(10.0);
    // Tick k is `k * multiple * 10^exponent`; dividing by 10^-exponent for small steps keeps
    // values such as 0.6 exact instead of 0.6000000000000001.
    let value = |k: f64| {
        if exponent < 0 {
            k * multiple / 10f64.powi(-exponent)
        } else {
            k * multiple * magnitude
        }
    };
    let step = multiple * magnitude;
    let mut k = (min / step).floor();
    let mut ticks = Vec::new();
    loop {
        let t = value(k);
        ticks.push(t);
        if t >= max - step * 1e-9 || ticks.len() > 1_000 {
            break;
        }
        k += 1.0;
    }
    ticks
}

/// The labels of an axis' ticks (round multiples of one step, as [`nice_ticks`] makes them):
/// each tick with the significant digits its magnitude needs down to the step's last digit
/// (one more for steps such as 2.5), trailing zeros dropped: `0, 0.0002, …, 0.001`,
/// `1, 1.0005, 1.001`, `0, 5e-8, 1e-7`. Two distinct ticks thus never share a label.
pub fn tick_labels(ticks: &[f64]) -> Vec<String> {
    let step = ticks
        .windows(2)
        .map(|w| (w[1] - w[0]).abs())
        .filter(|s| *s > 0.0)
        .fold(f64::INFINITY, f64::min);
    let step_magnitude = Number::from(step).magnitude();
    ticks
        .iter()
        .map(|t| {
            let digits = match (Number::from(*t).magnitude(), step_magnitude) {
                (Some(m), Some(s)) => (m - s + 2).max(1) as u32,
                _ => format::DIGITS,
            };
            format::sig(*t, digits)
        })
        .collect()
}

/// The left margin that fits the widest y tick label between the axis and the y axis' title
/// (at x 8 to 20): 11 px text, estimated at 7 px a digit and 3.5 px a separator (DejaVu Sans,
/// wider than most sans-serif fonts), 6 px from the axis.
pub fn left_margin(labels: &[String]) -> f64 {
    let width = |label: &String| -> f64 {
        label
            .chars()
            .map(|c| if c == ',' || c == '.' { 3.5 } else { 7.0 })
            .sum()
    };
    let widest = labels.iter().map(width).fold(0.0, f64::max);
    LEFT.max(30.0 + widest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(
            nice_ticks(0.0, 30.0, 8),
            vec![0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0]
        );
        assert_eq!(nice_ticks(0.0, 9.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    }

    #[test]
    fn tick_labels_follow_the_step() {
        // FOO's LIT price in WETH, about 0.001: every label read `0` with two fixed decimals.
        let ticks = nice_ticks(0.0, 0.001, 5);
        assert_eq!(
            tick_labels(&ticks),
            ["0", "0.0002", "0.0004", "0.0006", "0.0008", "0.001"]
        );
        // A tiny price, 2.5e-7 WETH per LIT.
        assert_eq!(
            tick_labels(&nice_ticks(0.0, 2.5e-7, 5)),
            ["0", "5e-8", "1e-7", "1.5e-7", "2e-7", "2.5e-7"]
        );
        // Near 1 with a small step: 4 significant digits would give 1.001 twice.
        assert_eq!(tick_labels(&[1.0, 1.0005, 1.001]), ["1", "1.0005", "1.001"]);
        assert_eq!(
            tick_labels(&nice_ticks(0.0, 10_000_000.0, 5)),
            [
                "0",
                "2,000,000",
                "4,000,000",
                "6,000,000",
                "8,000,000",
                "10,000,000"
            ]
        );
        assert_eq!(tick_labels(&nice_ticks(0.0, 30.0, 8))[1], "5");
        assert_eq!(tick_labels(&nice_ticks(0.0, 1.0, 5))[3], "0.6");
        assert_eq!(tick_labels(&[]), Vec::<String>::new());
        assert_eq!(tick_labels(&[0.25]), ["0.25"]);
    }

    /// For spans from 1e-12 to 1e14, starting at 0 or away from it (as far as a float still
    /// tells the ticks apart), no two labels of an axis repeat.
    #[test]
    fn no_two_tick_labels_repeat() {
        let mut axes = 0;
        for exponent in -12..=14 {
            for mantissa in [1.0, 1.3, 2.2, 2.5, 3.7, 5.0, 7.1, 9.9] {
                let span = mantissa * 10f64.powi(exponent);
                for base in [0.0, 1.0, 0.001, 123.456, 1e6, span * 7.3] {
                    if base > 0.0 && span / base < 1e-9 {
                        continue;
                    }
                    for count in [5, 6, 8] {
                        let ticks = nice_ticks(base, base + span, count);
                        let labels = tick_labels(&ticks);
                        let mut unique = labels.clone();
                        unique.sort();
                        unique.dedup();
                        assert_eq!(
                            unique.len(),
                            labels.len(),
                            "{base} + {span} ({count}): {ticks:?} -> {labels:?}"
                        );
                        axes += 1;
                    }
                }
            }
        }
        assert!(axes > 27 * 8 * 3 * 3, "{axes}");
    }

    #[test]
    fn the_margin_fits_the_labels() {
        assert_eq!(left_margin(&["0".into(), "0.001".into()]), LEFT);
        // 11 digits and 3 commas: 77 + 10.5 px.
        let wide = left_margin(&["40,000,000,000".into()]);
        assert!((wide - (30.0 + 87.5)).abs() < 1e-9, "{wide}");
    }

    #[test]
    fn renders_series_and_legend() {
        let chart = LineChart {
            title: "Emission".into(),
            x_label: "days".into(),
            y_label: "ALY".into(),
            series: vec![Series::new("emitted", vec![(0.0, 0.0), (1.0, 10.0)])],
            steps: false,
            markers: Vec::new(),
        };
        assert!(chart.is_informative());
        let svg = chart.render();
        assert!(svg.contains(">\nEmission\n</text>"));
        assert!(svg.contains(">\nemitted\n</text>"));
        // The series, 6 y tick marks (0 to 10 by 2), 6 x tick marks (0 to 1 by 0.2), the two
        // axes and the legend's line: 1 + 6 + 6 + 2 + 1.
        assert_eq!(svg.matches("<polyline").count(), 16);
        assert_eq!(svg.matches(r##"stroke="#0072B2""##).count(), 2);
    }

    #[test]
    fn flat_and_empty_charts_are_not_informative() {
        let chart = |series: Vec<Series>| LineChart {
            title: "t".into(),
            x_label: "x".into(),
            y_label: "y".into(),
            series,
            steps: true,
            markers: Vec::new(),
        };
        assert!(!chart(vec![]).is_informative());
        assert!(!chart(vec![Series::new("a", vec![])]).is_informative());
        let zero = Series::new("a", vec![(0.0, 0.0), (1.0, 0.0)]);
        let five = Series::new("b", vec![(0.0, 5.0), (1.0, 5.0)]);
        assert!(!chart(vec![Series::new("a", vec![(0.0, 5.0), (1.0, 5.0)])]).is_informative());
        // Two constant series at different levels still tell the pools apart.
        assert!(chart(vec![zero, five]).is_informative());
    }

    #[test]
    fn draws_markers_in_range_and_dashed_series_as_one_line() {
        let chart = LineChart {
            title: "Staked".into(),
            x_label: "days".into(),
            y_label: "LP".into(),
            series: vec![
                Series::new("staked", vec![(0.0, 0.0), (1.0, 10.0)]),
                Series {
                    name: "schedule".into(),
                    points: vec![(0.0, 0.0), (0.5, 5.0), (1.0, 5.0)],
                    dashed: true,
                },
            ],
            steps: false,
            markers: vec![
                Marker {
                    x: 0.5,
                    label: "whale swap".into(),
                },
                // Past the last point (x 1): left out.
                Marker {
                    x: 5.0,
                    label: "late".into(),
                },
            ],
        };
        let svg = chart.render();
        assert!(svg.contains(">\nwhale swap\n</text>"));
        assert!(!svg.contains("late"));
        // One marker line, in the marker grey.
        assert_eq!(svg.matches(r##"stroke="#888888""##).count(), 1);
        // The dashed series: one element with a dash pattern, of its 3 points.
        assert_eq!(svg.matches("stroke-dasharray").count(), 1);
        let dashed = svg
            .lines()
            .find(|l| l.contains("stroke-dasharray"))
            .unwrap();
        assert_eq!(dashed.matches(',').count(), 3, "{dashed}");
        assert!(dashed.contains(r##"stroke="#E69F00""##), "{dashed}");
    }

    #[test]
    fn tick_values_map_to_their_labels() {
        let ticks = nice_ticks(0.0, 0.001, 5);
        let labels = tick_labels(&ticks);
        // Ticks 0, 0.0002, 0.0004, 0.0006, ...: the fourth.
        assert_eq!(label_of(&ticks, &labels, ticks[3]), "0.0006");
        // A value that is no tick gets the report's number format.
        assert_eq!(label_of(&ticks, &labels, 0.5), "0.5");
        assert_eq!(rgb("#0072B2"), RGBColor(0x00, 0x72, 0xB2));
        assert_eq!(rgb("bad"), RGBColor(0xba, 0, 0));
    }
}
