//! Line charts rendered with the SVG writer: axes with round ticks, a legend, one polyline per
//! series (optionally drawn as steps, for piecewise-constant values such as rates and weights).
//! Tick labels use the report's one number format (`crate::format::sig`) with as many
//! significant digits as the tick step needs, so distinct ticks never share a label.
use super::svg::{Anchor, Svg};
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

const WIDTH: f64 = 820.0;
const HEIGHT: f64 = 320.0;
/// The left margin at least: y tick labels up to 48 px wide (`400,000`, `0.00075`) fit in it.
const LEFT: f64 = 78.0;
const RIGHT: f64 = 190.0;
const TOP: f64 = 34.0;
const BOTTOM: f64 = 46.0;

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
        let mut svg = Svg::new(WIDTH, HEIGHT);
        svg.rect((0.0, 0.0), (WIDTH, HEIGHT), "#ffffff", None);

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
        let left = left_margin(&y_labels);
        let (pw, ph) = (WIDTH - left - RIGHT, HEIGHT - TOP - BOTTOM);
        let sx = |x: f64| left + (x - x_min) / (x_max - x_min) * pw;
        let sy = |y: f64| TOP + ph - y / y_top * ph;
        svg.text((left, 20.0), &self.title, Anchor::Start, 14.0, "#222");

        for (y, label) in y_ticks.iter().zip(&y_labels) {
            svg.line((left, sy(*y)), (left + pw, sy(*y)), "#e5e5e5", 1.0, false);
            svg.text((left - 6.0, sy(*y) + 4.0), label, Anchor::End, 11.0, "#555");
        }
        for (x, label) in x_ticks.iter().zip(&x_labels) {
            svg.line(
                (sx(*x), TOP + ph),
                (sx(*x), TOP + ph + 4.0),
                "#555",
                1.0,
                false,
            );
            svg.text(
                (sx(*x), TOP + ph + 17.0),
                label,
                Anchor::Middle,
                11.0,
                "#555",
            );
        }
        svg.line((left, TOP + ph), (left + pw, TOP + ph), "#555", 1.0, false);
        svg.line((left, TOP), (left, TOP + ph), "#555", 1.0, false);
        svg.text(
            (left + pw / 2.0, HEIGHT - 8.0),
            &self.x_label,
            Anchor::Middle,
            12.0,
            "#333",
        );
        svg.vertical_text((16.0, TOP + ph / 2.0), &self.y_label, 12.0, "#333");

        for (i, series) in self.series.iter().enumerate() {
            let colour = PALETTE[i % PALETTE.len()];
            let mut points: Vec<(f64, f64)> = Vec::with_capacity(series.points.len() * 2);
            for (k, (x, y)) in series.points.iter().enumerate() {
                if self.steps && k > 0 {
                    points.push((sx(*x), sy(series.points[k - 1].1)));
                }
                points.push((sx(*x), sy(*y)));
            }
            svg.polyline(
                &points,
                colour,
                if series.dashed { 3.0 } else { 2.0 },
                series.dashed,
            );
            let ly = TOP + 8.0 + i as f64 * 18.0;
            let lx = left + pw + 14.0;
            svg.line((lx, ly), (lx + 18.0, ly), colour, 3.0, series.dashed);
            svg.text(
                (lx + 24.0, ly + 4.0),
                &legend_label(&series.name),
                Anchor::Start,
                11.0,
                "#222",
            );
        }
        svg.finish()
    }
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
        assert!(svg.contains(">Emission</text>"));
        assert!(svg.contains(">emitted</text>"));
        assert_eq!(svg.matches("<polyline").count(), 1);
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
}
