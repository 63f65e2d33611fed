//! The CL charts of `report.html`: per CL pool, the price over each position's range
//! ([`super::cl_band_chart`]) and the fees earned per position in each of the pool's assets.
//! Nothing without CL pools.
use super::chart::{LineChart, Series, PALETTE};
use super::cl_band_chart;
use super::html::XAxis;
use crate::format::to_f64;
use crate::model::cl::ClReport;
use crate::model::SimReport;

/// Every CL chart as SVG text.
pub fn render(report: &SimReport, axis: &XAxis) -> Vec<String> {
    let Some(cl) = &report.cl else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for pool in 0..cl.pools.len() {
        let markers = super::event_markers::cl_markers(report, axis, &cl.pools[pool].name);
        out.push(cl_band_chart::render(cl, pool, axis, &markers));
        for side in 0..2 {
            let mut chart = fees_chart(cl, pool, side, axis);
            chart.markers = markers.clone();
            out.push(chart.render());
        }
    }
    out
}

/// Palette colour `index` with an opacity, as `rgba()`: position `index` of a pool has the
/// same colour in the band chart as in the line charts.
pub fn tint(index: usize, opacity: f64) -> String {
    let hex = PALETTE[index % PALETTE.len()].trim_start_matches('#');
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
    format!(
        "rgba({},{},{},{opacity})",
        channel(0),
        channel(2),
        channel(4)
    )
}

/// Fees earned so far per position of `pool`, in its asset `side` (display units).
fn fees_chart(cl: &ClReport, pool: usize, side: usize, axis: &XAxis) -> LineChart {
    let info = &cl.pools[pool];
    let decimals = info.decimals[side];
    let series = (0..cl.positions.len())
        .filter(|&i| cl.positions[i].pool == info.name)
        .map(|i| {
            let points = cl
                .samples
                .iter()
                .map(|s| {
                    let earned = s.positions[i].fees_earned[side].u128();
                    (s.t as f64 / axis.secs_per_unit, to_f64(earned, decimals))
                })
                .collect();
            Series::new(cl.positions[i].name.clone(), points)
        })
        .collect();
    LineChart {
        title: format!(
            "Fees earned per position in {} (CL pool {}: collected + owed + pending)",
            info.assets[side], info.name
        ),
        x_label: axis.label.to_string(),
        y_label: info.assets[side].clone(),
        series,
        steps: false,
        markers: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_tints() {
        assert_eq!(tint(0, 0.5), "rgba(0,114,178,0.5)");
        // The third takes the palette's green (#009E73).
        assert_eq!(tint(2, 1.0), "rgba(0,158,115,1)");
    }
}
