//! The price of a CL pool over time, drawn over each position's range as a band (outlined and
//! lightly filled while the position is open), with one lane per position under the plot:
//! solid while the price was inside its range, light while open out of range, empty while not
//! open. States are sampled: each sample's holds until the next one. Drawn with `plotters`
//! (SVG backend) on the line charts' axes: our ticks and labels.
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::chart::{
    draw_mesh, font, left_margin, nice_ticks, rgb, tick_labels, Marker, TickedAxis, AXIS_TEXT,
    DESC_TEXT, INK, MARKER, PALETTE,
};
use super::html::XAxis;
use crate::format;
use crate::model::cl::{ClPositionSample, ClPositionStatus, ClReport};

const WIDTH: u32 = 820;
const RIGHT: u32 = 190;
const TOP: u32 = 34;
const PLOT_HEIGHT: u32 = 240;
/// From the plot's bottom to the first lane (the x tick labels sit in between).
const LANES_GAP: u32 = 30;
const LANE_HEIGHT: i32 = 12;
const LANE_STEP: i32 = 18;
/// Below the last lane: the x axis label.
const BOTTOM: u32 = 34;

const LANE_OUTLINE: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);

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

/// Position `index`'s colour (in the pool's order) at `opacity`.
fn tint(index: usize, opacity: f64) -> RGBAColor {
    rgb(PALETTE[index % PALETTE.len()]).mix(opacity)
}

/// A rectangle from corner `a` to corner `b`, filled with `fill` (no outline).
fn filled<C: Clone>(a: C, b: C, fill: RGBAColor) -> Rectangle<C> {
    Rectangle::new([a, b], fill.filled())
}

/// The chart of CL pool `pool`, as SVG text.
pub fn render(cl: &ClReport, pool: usize, axis: &XAxis, markers: &[Marker]) -> String {
    let mut out = String::new();
    draw(cl, pool, axis, markers, &mut out)
        .expect("the SVG backend writes into a String, which cannot fail");
    out
}

fn draw(
    cl: &ClReport,
    pool: usize,
    axis: &XAxis,
    markers: &[Marker],
    out: &mut String,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
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
    let x_ticks: Vec<f64> = nice_ticks(x_min, x_max, 8)
        .into_iter()
        .filter(|v| *v >= x_min && *v <= x_max)
        .collect();
    let x_labels = tick_labels(&x_ticks);
    let left = left_margin(&y_labels) as u32;
    let lanes_height = members.len() as u32 * LANE_STEP as u32;
    let height = TOP + PLOT_HEIGHT + LANES_GAP + lanes_height + BOTTOM;
    let colour_of = |i: usize| members.iter().position(|m| *m == i).unwrap_or(0);
    let clamp = |v: f64| v.clamp(y_lo, y_hi);

    let root = SVGBackend::with_string(out, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE)?;
    root.draw(&Text::new(
        format!(
            "Price of {} in {} (CL pool {}) over each position's range",
            info.assets[0], info.assets[1], info.name
        ),
        (left as i32, 8),
        font(14.0, INK),
    ))?;
    let mut chart = ChartBuilder::on(&root)
        .margin_top(TOP)
        .margin_right(RIGHT)
        // The lanes and the x axis' title sit under the tick labels' area.
        .margin_bottom(lanes_height + BOTTOM)
        .x_label_area_size(LANES_GAP)
        .y_label_area_size(left)
        .build_cartesian_2d(
            TickedAxis::new(x_min..x_max, x_ticks.clone()),
            TickedAxis::new(y_lo..y_hi, y_ticks.clone()),
        )?;
    // The x axis' title goes under the lanes, drawn below.
    draw_mesh(
        &mut chart,
        (&x_ticks, &x_labels),
        (&y_ticks, &y_labels),
        None,
        &format!("{} per {}", info.assets[1], info.assets[0]),
    )?;

    // Bands, widest first so that narrower ones stay visible on top.
    let mut by_width = members.clone();
    by_width.sort_by_key(|&i| {
        let p = &cl.positions[i];
        std::cmp::Reverse(p.upper_tick - p.lower_tick)
    });
    for &i in &by_width {
        let (lower, upper) = range(i);
        let (top, bottom) = (clamp(upper), clamp(lower));
        for (from, to, _) in stretches(cl, i, |_| true) {
            let (x0, x1) = (x(from), x(to));
            chart.draw_series([
                filled((x0, top), (x1, bottom), tint(colour_of(i), BAND)),
                Rectangle::new(
                    [(x0, top), (x1, bottom)],
                    tint(colour_of(i), 0.9).stroke_width(1),
                ),
            ])?;
        }
    }
    chart.draw_series(LineSeries::new(
        path.iter().map(|(t, p)| (*t, clamp(*p))),
        BLACK.stroke_width(2),
    ))?;
    // The pool's scripted events, as on the line charts: a labelled vertical line each.
    for marker in markers.iter().filter(|m| m.x >= x_min && m.x <= x_max) {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(marker.x, y_lo), (marker.x, y_hi)],
            MARKER.stroke_width(1),
        )))?;
        let (px, py) = chart.backend_coord(&(marker.x, y_hi));
        root.draw(&Text::new(
            marker.label.clone(),
            (px + 3, py + 2),
            font(10.0, MARKER).pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
    }

    // Lanes: in range (solid), open out of range (light), not open (empty).
    let (plot_left, plot_bottom) = chart.backend_coord(&(x_min, y_lo));
    let (plot_right, plot_top) = chart.backend_coord(&(x_max, y_hi));
    let lanes_top = plot_bottom + LANES_GAP as i32;
    for (lane, &i) in members.iter().enumerate() {
        let y = lanes_top + lane as i32 * LANE_STEP;
        root.draw(&Rectangle::new(
            [(plot_left, y), (plot_right, y + LANE_HEIGHT)],
            LANE_OUTLINE.stroke_width(1),
        ))?;
        for (from, to, in_range) in stretches(cl, i, |s| s.in_range) {
            let opacity = if in_range { LANE_IN_RANGE } else { LANE_OPEN };
            let (x0, _) = chart.backend_coord(&(x(from), y_lo));
            let (x1, _) = chart.backend_coord(&(x(to), y_lo));
            root.draw(&filled(
                (x0, y),
                (x1, y + LANE_HEIGHT),
                tint(colour_of(i), opacity),
            ))?;
        }
        root.draw(&Text::new(
            cl.positions[i].name.clone(),
            (plot_left - 6, y + LANE_HEIGHT / 2),
            font(10.0, DESC_TEXT).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    root.draw(&Text::new(
        axis.label,
        ((plot_left + plot_right) / 2, height as i32 - 10),
        font(12.0, DESC_TEXT).pos(Pos::new(HPos::Center, VPos::Bottom)),
    ))?;

    // Legend: the price line, then each position with its range.
    let lx = plot_right + 14;
    let legend_text = |text: String, (x, y): (i32, i32), px: f64, colour: RGBColor| {
        Text::new(
            text,
            (x, y),
            font(px, colour).pos(Pos::new(HPos::Left, VPos::Center)),
        )
    };
    root.draw(&PathElement::new(
        vec![(lx, plot_top + 8), (lx + 18, plot_top + 8)],
        BLACK.stroke_width(2),
    ))?;
    root.draw(&legend_text(
        "price".into(),
        (lx + 24, plot_top + 8),
        11.0,
        INK,
    ))?;
    for (n, &i) in members.iter().enumerate() {
        let (lower, upper) = range(i);
        let ly = plot_top + 30 + n as i32 * 34;
        root.draw(&filled(
            (lx, ly - 6),
            (lx + 18, ly + 6),
            tint(colour_of(i), BAND),
        ))?;
        root.draw(&Rectangle::new(
            [(lx, ly - 6), (lx + 18, ly + 6)],
            tint(colour_of(i), 0.9).stroke_width(1),
        ))?;
        root.draw(&legend_text(
            cl.positions[i].name.clone(),
            (lx + 24, ly),
            11.0,
            INK,
        ))?;
        root.draw(&legend_text(
            format!(
                "{} – {}",
                format::sig(lower, format::DIGITS),
                format::sig(upper, format::DIGITS)
            ),
            (lx + 24, ly + 14),
            10.0,
            AXIS_TEXT,
        ))?;
    }
    root.draw(&legend_text(
        "lanes: solid = in range,".into(),
        (lx, lanes_top + LANE_HEIGHT / 2),
        10.0,
        AXIS_TEXT,
    ))?;
    root.draw(&legend_text(
        "light = open, out of range".into(),
        (lx, lanes_top + LANE_HEIGHT / 2 + 13),
        10.0,
        AXIS_TEXT,
    ))?;
    root.present()?;
    Ok(())
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
