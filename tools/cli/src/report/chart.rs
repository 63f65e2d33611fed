//! Line charts rendered with the SVG writer: axes with round ticks, a legend, one polyline per
//! series (optionally drawn as steps, for piecewise-constant values such as rates and weights).
use super::svg::{Anchor, Svg};

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
}

const WIDTH: f64 = 820.0;
const HEIGHT: f64 = 320.0;
const LEFT: f64 = 78.0;
const RIGHT: f64 = 190.0;
const TOP: f64 = 34.0;
const BOTTOM: f64 = 46.0;

impl LineChart {
    pub fn render(&self) -> String {
        let mut svg = Svg::new(WIDTH, HEIGHT);
        let (pw, ph) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        svg.rect((0.0, 0.0), (WIDTH, HEIGHT), "#ffffff", None);
        svg.text((LEFT, 20.0), &self.title, Anchor::Start, 14.0, "#222");

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
        let x_ticks = nice_ticks(x_min, x_max, 8);
        let sx = |x: f64| LEFT + (x - x_min) / (x_max - x_min) * pw;
        let sy = |y: f64| TOP + ph - y / y_top * ph;

        for y in &y_ticks {
            svg.line((LEFT, sy(*y)), (LEFT + pw, sy(*y)), "#e5e5e5", 1.0, false);
            svg.text(
                (LEFT - 6.0, sy(*y) + 4.0),
                &compact(*y),
                Anchor::End,
                11.0,
                "#555",
            );
        }
        for x in x_ticks.iter().filter(|x| **x >= x_min && **x <= x_max) {
            svg.line(
                (sx(*x), TOP + ph),
                (sx(*x), TOP + ph + 4.0),
                "#555",
                1.0,
                false,
            );
            svg.text(
                (sx(*x), TOP + ph + 17.0),
                &compact(*x),
                Anchor::Middle,
                11.0,
                "#555",
            );
        }
        svg.line((LEFT, TOP + ph), (LEFT + pw, TOP + ph), "#555", 1.0, false);
        svg.line((LEFT, TOP), (LEFT, TOP + ph), "#555", 1.0, false);
        svg.text(
            (LEFT + pw / 2.0, HEIGHT - 8.0),
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
            let lx = LEFT + pw + 14.0;
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

/// Short tick labels: 1500 -> 1.5k, 2e6 -> 2M, 0.25 -> 0.25.
pub fn compact(v: f64) -> String {
    let a = v.abs();
    let (value, suffix) = if a >= 1e12 {
        (v / 1e12, "T")
    } else if a >= 1e9 {
        (v / 1e9, "G")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e3 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}{suffix}")
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
    fn compact_labels() {
        assert_eq!(compact(1_500.0), "1.5k");
        assert_eq!(compact(2_000_000.0), "2M");
        assert_eq!(compact(0.25), "0.25");
        assert_eq!(compact(0.0), "0");
    }

    #[test]
    fn renders_series_and_legend() {
        let chart = LineChart {
            title: "Emission".into(),
            x_label: "days".into(),
            y_label: "ALY".into(),
            series: vec![Series::new("emitted", vec![(0.0, 0.0), (1.0, 10.0)])],
            steps: false,
        };
        let svg = chart.render();
        assert!(svg.contains(">Emission</text>"));
        assert!(svg.contains(">emitted</text>"));
        assert_eq!(svg.matches("<polyline").count(), 1);
    }
}
