//! The price of a CL pool over time, drawn over each position's range as a band (outlined and
//! lightly filled while the position is open), with one lane per position under the plot:
//! solid while the price was inside its range, light while open out of range, empty while not
//! open. States are sampled: each sample's holds until the next one.
use super::chart::{left_margin, nice_ticks, tick_labels};
use super::cl_charts::tint;
use super::html::XAxis;
use super::svg::{Anchor, Svg};
use crate::format;
use crate::model::cl::{ClPositionSample, ClPositionStatus, ClReport};

const WIDTH: f64 = 820.0;
const RIGHT: f64 = 190.0;
const TOP: f64 = 34.0;
const PLOT_HEIGHT: f64 = 240.0;
/// From the plot's bottom to the first lane (the x tick labels sit in between).
const LANES_GAP: f64 = 30.0;
const LANE_HEIGHT: f64 = 12.0;
const LANE_STEP: f64 = 18.0;
/// Below the last lane: the x axis label.
const BOTTOM: f64 = 34.0;

/// Band fill while open, lane fill while open out of range and while in range.
const BAND: f64 = 0.10;
const LANE_OPEN: f64 = 0.15;
const LANE_IN_RANGE: f64 = 0.85;

/// The stretches of time position `i` was open, split where `key` of its sample changes:
/// `(from, to, key)` in seconds.
fn stretches(
    cl: &ClReport,
    i: usize,
    key: impl Fn(&ClPositionSample) -> bool,
) -> Vec<(u64, u64, bool)> {
    let mut out: Vec<(u64, u64, bool)> = Vec::new();
    for w in cl.samples.windows(2) {
        let state = &w[0].positions[i];
        if state.status != ClPositionStatus::Open {
            continue;
        }
        let k = key(state);
        match out.last_mut() {
            Some(last) if last.1 == w[0].t && last.2 == k => last.1 = w[1].t,
            _ => out.push((w[0].t, w[1].t, k)),
        }
    }
    out
}

fn price(v: cosmwasm_std::Decimal256) -> f64 {
    v.to_string().parse().unwrap_or(0.0)
}

/// The y axis' span: the price path and the ranges near it. A range ending far beyond the
/// path (a wide position) is cut at one path span from it rather than flattening the path.
fn y_bounds(path: &[(f64, f64)], ranges: &[(f64, f64)]) -> (f64, f64) {
    let (p_min, p_max) = path
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (_, p)| {
            (lo.min(*p), hi.max(*p))
        });
    let (p_min, p_max) = if p_min.is_finite() {
        (p_min, p_max)
    } else {
        (0.0, 1.0)
    };
    let reach = (p_max - p_min).max(p_max * 0.02).max(f64::MIN_POSITIVE);
    let (mut lo, mut hi) = (p_min, p_max);
    for (lower, upper) in ranges {
        lo = lo.min(lower.max(p_min - reach));
        hi = hi.max(upper.min(p_max + reach));
    }
    (lo, hi)
}

/// The chart of CL pool `pool`, as SVG text.
pub fn render(cl: &ClReport, pool: usize, axis: &XAxis) -> String {
    let info = &cl.pools[pool];
    let x = |t: u64| t as f64 / axis.secs_per_unit;
    let path: Vec<(f64, f64)> = cl
        .samples
        .iter()
        .map(|s| (x(s.t), price(s.pools[pool].price)))
        .collect();
    let members: Vec<usize> = (0..cl.positions.len())
        .filter(|&i| cl.positions[i].pool == info.name)
        .collect();
    let range = |i: usize| {
        let p = &cl.positions[i];
        (price(p.lower_price), price(p.upper_price))
    };
    let ranges: Vec<(f64, f64)> = members.iter().map(|&i| range(i)).collect();
    let (lo, hi) = y_bounds(&path, &ranges);
    let y_ticks = nice_ticks(lo, hi, 6);
    let y_labels = tick_labels(&y_ticks);
    let (y_lo, y_hi) = (y_ticks[0], *y_ticks.last().unwrap_or(&1.0));
    let x_min = path.first().map_or(0.0, |p| p.0);
    let x_max = path.last().map_or(1.0, |p| p.0).max(x_min + 1e-9);
    let left = left_margin(&y_labels);
    let pw = WIDTH - left - RIGHT;
    let plot_bottom = TOP + PLOT_HEIGHT;
    let lanes_top = plot_bottom + LANES_GAP;
    let height = lanes_top + members.len() as f64 * LANE_STEP + BOTTOM;
    let sx = |v: f64| left + (v - x_min) / (x_max - x_min) * pw;
    let sy = |v: f64| plot_bottom - (v.clamp(y_lo, y_hi) - y_lo) / (y_hi - y_lo) * PLOT_HEIGHT;
    let colour_of = |i: usize| members.iter().position(|m| *m == i).unwrap_or(0);

    let mut svg = Svg::new(WIDTH, height);
    svg.rect((0.0, 0.0), (WIDTH, height), "#ffffff", None);
    svg.text(
        (left, 20.0),
        &format!(
            "Price of {} in {} (CL pool {}) over each position's range",
            info.assets[0], info.assets[1], info.name
        ),
        Anchor::Start,
        14.0,
        "#222",
    );
    for (y, label) in y_ticks.iter().zip(&y_labels) {
        svg.line((left, sy(*y)), (left + pw, sy(*y)), "#e5e5e5", 1.0, false);
        svg.text((left - 6.0, sy(*y) + 4.0), label, Anchor::End, 11.0, "#555");
    }
    let x_ticks: Vec<f64> = nice_ticks(x_min, x_max, 8)
        .into_iter()
        .filter(|v| *v >= x_min && *v <= x_max)
        .collect();
    for (v, label) in x_ticks.iter().zip(tick_labels(&x_ticks)) {
        let v = *v;
        svg.line(
            (sx(v), plot_bottom),
            (sx(v), plot_bottom + 4.0),
            "#555",
            1.0,
            false,
        );
        svg.text(
            (sx(v), plot_bottom + 17.0),
            &label,
            Anchor::Middle,
            11.0,
            "#555",
        );
    }

    // Bands, widest first so that narrower ones stay visible on top.
    let mut by_width = members.clone();
    by_width.sort_by_key(|&i| {
        let p = &cl.positions[i];
        std::cmp::Reverse(p.upper_tick - p.lower_tick)
    });
    for &i in &by_width {
        let (lower, upper) = range(i);
        let (top, bottom) = (sy(upper), sy(lower));
        for (from, to, _) in stretches(cl, i, |_| true) {
            let (x0, x1) = (sx(x(from)), sx(x(to)));
            let outline = tint(colour_of(i), 0.9);
            svg.rect(
                (x0, top),
                (x1 - x0, bottom - top),
                &tint(colour_of(i), BAND),
                Some(&outline),
            );
        }
    }
    let points: Vec<(f64, f64)> = path.iter().map(|(t, p)| (sx(*t), sy(*p))).collect();
    svg.polyline(&points, "#000000", 1.6, false);
    svg.line(
        (left, plot_bottom),
        (left + pw, plot_bottom),
        "#555",
        1.0,
        false,
    );
    svg.line((left, TOP), (left, plot_bottom), "#555", 1.0, false);
    svg.vertical_text(
        (16.0, TOP + PLOT_HEIGHT / 2.0),
        &format!("{} per {}", info.assets[1], info.assets[0]),
        12.0,
        "#333",
    );

    // Lanes: in range (solid), open out of range (light), not open (empty).
    for (lane, &i) in members.iter().enumerate() {
        let y = lanes_top + lane as f64 * LANE_STEP;
        svg.rect((left, y), (pw, LANE_HEIGHT), "#ffffff", Some("#dddddd"));
        for (from, to, in_range) in stretches(cl, i, |s| s.in_range) {
            let opacity = if in_range { LANE_IN_RANGE } else { LANE_OPEN };
            let (x0, x1) = (sx(x(from)), sx(x(to)));
            svg.rect(
                (x0, y),
                (x1 - x0, LANE_HEIGHT),
                &tint(colour_of(i), opacity),
                None,
            );
        }
        svg.text(
            (left - 6.0, y + LANE_HEIGHT - 2.0),
            &cl.positions[i].name,
            Anchor::End,
            10.0,
            "#333",
        );
    }
    svg.text(
        (left + pw / 2.0, height - 10.0),
        axis.label,
        Anchor::Middle,
        12.0,
        "#333",
    );

    // Legend: the price line, then each position with its range.
    let lx = left + pw + 14.0;
    svg.line(
        (lx, TOP + 8.0),
        (lx + 18.0, TOP + 8.0),
        "#000000",
        2.0,
        false,
    );
    svg.text(
        (lx + 24.0, TOP + 12.0),
        "price",
        Anchor::Start,
        11.0,
        "#222",
    );
    for (n, &i) in members.iter().enumerate() {
        let (lower, upper) = range(i);
        let ly = TOP + 30.0 + n as f64 * 34.0;
        let outline = tint(colour_of(i), 0.9);
        svg.rect(
            (lx, ly - 6.0),
            (18.0, 12.0),
            &tint(colour_of(i), BAND),
            Some(&outline),
        );
        svg.text(
            (lx + 24.0, ly + 4.0),
            &cl.positions[i].name,
            Anchor::Start,
            11.0,
            "#222",
        );
        svg.text(
            (lx + 24.0, ly + 18.0),
            &format!(
                "{} – {}",
                format::sig(lower, format::DIGITS),
                format::sig(upper, format::DIGITS)
            ),
            Anchor::Start,
            10.0,
            "#555",
        );
    }
    svg.text(
        (lx, lanes_top + LANE_HEIGHT - 2.0),
        "lanes: solid = in range,",
        Anchor::Start,
        10.0,
        "#555",
    );
    svg.text(
        (lx, lanes_top + LANE_HEIGHT + 11.0),
        "light = open, out of range",
        Anchor::Start,
        10.0,
        "#555",
    );
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_y_axis_cuts_far_ranges() {
        // A path from 0.95 to 1.05 (span 0.1): a range down to 0.5 is cut one span below the
        // path, at 0.85; its upper end 1.02 is inside the path's span.
        let path = [(0.0, 0.95), (1.0, 1.05)];
        let (lo, hi) = y_bounds(&path, &[(0.5, 1.02)]);
        assert!(
            (lo - 0.85).abs() < 1e-12 && (hi - 1.05).abs() < 1e-12,
            "{lo} {hi}"
        );
        // A range just outside the path is shown whole: 0.9 to 1.1.
        let (lo, hi) = y_bounds(&path, &[(0.9, 1.1)]);
        assert!(
            (lo - 0.9).abs() < 1e-12 && (hi - 1.1).abs() < 1e-12,
            "{lo} {hi}"
        );
    }
}
