//! The CL farming charts of `report.html`: per token the farms pay, the reward each position
//! earned in each farm over time (credited at its exit, pending while farmed: one line per
//! position per farm), and every entry's APR so far. Nothing without CL farms.
use super::chart::{LineChart, Series};
use super::html::XAxis;
use crate::format::to_f64;
use crate::model::cl_farm::{ClEntryStatus, ClFarmReport};
use crate::model::SimReport;

pub fn charts(report: &SimReport, axis: &XAxis) -> Vec<LineChart> {
    let Some(farms) = &report.cl_farms else {
        return Vec::new();
    };
    let mut symbols: Vec<(&str, u8)> = Vec::new();
    for farm in &farms.farms {
        for (symbol, decimals) in farm.symbols.iter().zip(farm.decimals) {
            if let Some(s) = symbol {
                if !symbols.iter().any(|(known, _)| known == s) {
                    symbols.push((s, decimals));
                }
            }
        }
    }
    let mut out: Vec<LineChart> = symbols
        .into_iter()
        .map(|(symbol, decimals)| earned_chart(farms, symbol, decimals, axis))
        .collect();
    out.push(apr_chart(farms, axis));
    out
}

/// The entries' names, `position @ farm`.
fn entry_name(farms: &ClFarmReport, e: usize) -> String {
    format!("{} @ {}", farms.entries[e].position, farms.entries[e].farm)
}

fn earned_chart(farms: &ClFarmReport, symbol: &str, decimals: u8, axis: &XAxis) -> LineChart {
    let mut series = Vec::new();
    for (e, entry) in farms.entries.iter().enumerate() {
        let farm = farms
            .farms
            .iter()
            .find(|f| f.name == entry.farm)
            .expect("entries name their farm");
        let Some(slot) = farm
            .symbols
            .iter()
            .position(|s| s.as_deref() == Some(symbol))
        else {
            continue;
        };
        let points = farms
            .samples
            .iter()
            .map(|s| {
                let earned = s.entries[e].earned[slot].u128();
                (s.t as f64 / axis.secs_per_unit, to_f64(earned, decimals))
            })
            .collect();
        series.push(Series::new(entry_name(farms, e), points));
    }
    LineChart {
        title: format!(
            "CL farming: {symbol} earned per position and farm (limit: pro rata to the campaign so far)"
        ),
        x_label: axis.label.to_string(),
        y_label: symbol.to_string(),
        series,
        steps: false,
        markers: Vec::new(),
    }
}

fn apr_chart(farms: &ClFarmReport, axis: &XAxis) -> LineChart {
    let series = (0..farms.entries.len())
        .map(|e| {
            let points = farms
                .samples
                .iter()
                .filter(|s| s.entries[e].status == ClEntryStatus::Farmed)
                .filter_map(|s| {
                    let apr = s.entries[e].apr_bps?;
                    Some((s.t as f64 / axis.secs_per_unit, apr as f64 / 100.0))
                })
                .collect();
            Series::new(entry_name(farms, e), points)
        })
        .collect();
    let value = farms
        .farms
        .first()
        .map_or(String::new(), |f| f.value_symbol.clone());
    LineChart {
        title: format!("CL farming: APR so far per position and farm (reward value over value-seconds, in {value})"),
        x_label: axis.label.to_string(),
        y_label: "APR %".to_string(),
        series,
        steps: false,
        markers: Vec::new(),
    }
}
