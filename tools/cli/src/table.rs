//! The summary printed after a run: pools, users, the reward stream and the conservation
//! checks, as plain-text tables.
use std::fmt::Write;

use comfy_table::{CellAlignment, ContentArrangement, LineStyle, TableStyle};

use crate::format::{self, value};
use crate::model::SimReport;

/// The summary's table style: no borders or column lines, a dashed rule under the header.
/// Columns are set apart by their cells' padding (one space each side).
const STYLE: TableStyle = TableStyle::new().header_separator(LineStyle::none().fill('-'));

/// A plain-text table (comfy-table): the first column left-aligned, the others right-aligned,
/// indented by two spaces, never wrapped.
pub struct Table {
    inner: comfy_table::Table,
}

impl Table {
    pub fn new(headers: &[&str]) -> Self {
        let mut inner = comfy_table::Table::new();
        inner
            .load_style(STYLE)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(headers.to_vec());
        for column in inner.column_iter_mut().skip(1) {
            column.set_cell_alignment(CellAlignment::Right);
        }
        Table { inner }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        assert_eq!(cells.len(), self.inner.column_count(), "row width");
        self.inner.add_row(cells);
    }

    pub fn render(&self) -> String {
        self.inner
            .lines()
            .map(|line| format!(" {}\n", line.trim_end()))
            .collect()
    }
}

/// The whole summary as text.
pub fn summary(report: &SimReport) -> String {
    let s = &report.scenario;
    let (rd, rs) = (s.reward_decimals, s.reward_symbol.as_str());
    let mut out = String::new();
    let span = if s.clock == "height" {
        format!(
            "{} blocks ({}) on the height clock (per-block emission), {} s blocks, sampled every {} blocks",
            s.duration_secs / s.block_secs,
            format::duration(s.duration_secs),
            s.block_secs,
            s.step_secs / s.block_secs
        )
    } else {
        format!(
            "{} on the time clock (per-second emission), {} s blocks, sampled every {}",
            format::duration(s.duration_secs),
            s.block_secs,
            format::duration(s.step_secs)
        )
    };
    let _ = writeln!(out, "Scenario {}: {span}", s.name);
    if !s.description.is_empty() {
        let _ = writeln!(out, "  {}", s.description.lines().next().unwrap_or(""));
    }
    let _ = writeln!(
        out,
        "  reward {rs}: {}; farm {}",
        s.reward_source, s.farm_address
    );

    let _ = writeln!(
        out,
        "\nPools (amounts staked in each pool's token, rewards in {rs})"
    );
    let mut pools = Table::new(&[
        "pool",
        "kind",
        "token",
        "weight",
        "staked",
        "distributed",
        "earned",
        "claimed",
        "forfeited",
    ]);
    for (info, p) in report.pools.iter().zip(&report.summary.pools) {
        let kind = match (info.kind.as_str(), info.native) {
            ("lp", true) => "lp native".to_string(),
            (k, _) => k.to_string(),
        };
        pools.row(vec![
            info.name.clone(),
            kind,
            info.staking_symbol.clone(),
            p.weight.to_string(),
            value(p.staked.u128(), info.staking_decimals),
            value(p.distributed.u128(), rd),
            value(p.earned.u128(), rd),
            value(p.claimed.u128(), rd),
            value(p.forfeited.u128(), rd),
        ]);
    }
    out.push_str(&pools.render());

    let _ = writeln!(
        out,
        "\nUsers (earned = claimed during the run + settled by the final claim; {rs})"
    );
    let mut users = Table::new(&crate::report::USER_COLUMNS);
    for u in &report.summary.users {
        let decimals = report
            .pool_index(&u.pool)
            .map(|i| report.pools[i].staking_decimals)
            .unwrap_or(0);
        users.row(vec![
            u.user.clone(),
            u.pool.clone(),
            value(u.staked.u128(), decimals),
            value(u.earned.u128(), rd),
            value(u.claimed.u128(), rd),
            value(u.settled.u128(), rd),
            value(u.forfeited.u128(), rd),
        ]);
    }
    let mut totals: Vec<(String, u128)> = Vec::new();
    for u in &report.summary.users {
        match totals.iter_mut().find(|(n, _)| *n == u.user) {
            Some((_, e)) => *e += u.earned.u128(),
            None => totals.push((u.user.clone(), u.earned.u128())),
        }
    }
    for (name, earned) in totals {
        users.row(vec![
            name,
            "(all)".into(),
            String::new(),
            value(earned, rd),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    out.push_str(&users.render());
    out.push_str(&valuation(report));

    out.push_str(&amm(report));
    let options_sections = crate::report::options_tables::sections(report);
    for section in crate::report::ve_tables::sections(report)
        .into_iter()
        .chain(options_sections)
        .chain(crate::report::cl_tables::sections(report))
        .chain(crate::report::cl_farm_tables::sections(report))
    {
        let _ = writeln!(out, "\n{}", section.title);
        let names: Vec<&str> = section.headers.iter().map(String::as_str).collect();
        let mut table = Table::new(&names);
        for row in section.rows {
            table.row(row);
        }
        out.push_str(&table.render());
    }
    if let Some(note) = crate::report::cl_farm_tables::pricing(report) {
        let _ = writeln!(out, "\nCL farming pricing: {note}");
    }

    let st = &report.summary.stream;
    let _ = writeln!(out, "\nReward stream ({rs})");
    let mut stream = Table::new(&["", "amount", "base units"]);
    let mut line =
        |name: &str, v: u128| stream.row(vec![name.to_string(), value(v, rd), v.to_string()]);
    line("scheduled", st.scheduled.u128());
    line("emitted", st.emitted.u128());
    line("distributed", st.distributed.u128());
    line("claimed", st.claimed.u128());
    line("undistributed", st.undistributed.u128());
    if !st.recovered.is_zero() || !st.rolled_over.is_zero() {
        line("recovered", st.recovered.u128());
        line("rolled over", st.rolled_over.u128());
    }
    if let Some(available) = st.reserve_available {
        line("funded", st.funded.u128());
        line("reserve left", available.u128());
        line("skipped (reserve empty)", st.skipped.u128());
    }
    out.push_str(&stream.render());

    out.push_str(&conservation(report));
    out
}

/// TVL, reward value and APR per farm pool and per position, with the basis they are counted
/// on (the same cells as the HTML tables); nothing without a valuation.
fn valuation(report: &SimReport) -> String {
    use crate::report::value_tables as cells;
    let mut out = String::new();
    let Some(v) = &report.valuation else {
        return out;
    };
    let quote = v
        .quote
        .as_deref()
        .unwrap_or("no quote: the run has no weighted pool");
    let _ = writeln!(
        out,
        "\nValue and APR of the farm pools ({quote}, at the run's weighted-pool prices; the \
         basis is in report.html)"
    );
    let mut headers = vec!["pool".to_string()];
    headers.extend(cells::pool_headers(report));
    let names: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut pools = Table::new(&names);
    for (info, p) in report.pools.iter().zip(&v.pools) {
        let mut row = vec![info.name.clone()];
        row.extend(cells::pool_cells(v, p));
        pools.row(row);
    }
    out.push_str(&pools.render());
    out.push('\n');
    let mut headers = vec!["user".to_string(), "pool".to_string()];
    headers.extend(cells::user_headers(report));
    let names: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut users = Table::new(&names);
    for (u, p) in report.summary.users.iter().zip(&v.users) {
        let mut row = vec![u.user.clone(), u.pool.clone()];
        row.extend(cells::user_cells(v, p));
        users.row(row);
    }
    out.push_str(&users.render());
    out
}

/// The amm pools (one line each) and the traders; nothing without amm pools.
fn amm(report: &SimReport) -> String {
    let mut out = String::new();
    if report.amm_pools.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "\nAMM pools (price: the second asset per unit of the first; volume and fees by asset sold)"
    );
    let mut pools = Table::new(&[
        "pool", "weights", "reserves", "price", "start", "swaps", "volume", "fees",
    ]);
    for (info, p) in report.amm_pools.iter().zip(&report.summary.amm_pools) {
        let pair = |values: [cosmwasm_std::Uint128; 2]| {
            format!(
                "{} {} + {} {}",
                value(values[0].u128(), info.decimals[0]),
                info.assets[0],
                value(values[1].u128(), info.decimals[1]),
                info.assets[1]
            )
        };
        pools.row(vec![
            info.name.clone(),
            format!(
                "{}/{} {}/{}",
                info.weights[0], info.weights[1], info.assets[0], info.assets[1]
            ),
            pair(p.reserves),
            format::sig(p.price, format::DIGITS),
            format::sig(p.start_price, format::DIGITS),
            p.swaps.to_string(),
            pair(p.volume),
            pair(p.fees),
        ]);
    }
    out.push_str(&pools.render());
    if !report.summary.traders.is_empty() {
        let _ = writeln!(out, "\nTraders");
        let mut traders = Table::new(&["trader", "kind", "swaps", "failed", "skipped"]);
        for t in &report.summary.traders {
            traders.row(vec![
                t.trader.clone(),
                t.kind.clone(),
                t.swaps.to_string(),
                t.failed.to_string(),
                t.skipped.to_string(),
            ]);
        }
        out.push_str(&traders.render());
    }
    out
}

fn conservation(report: &SimReport) -> String {
    let c = &report.summary.conservation;
    let s = &report.scenario;
    let ok = |b: bool| if b { "ok" } else { "VIOLATED" };
    let mut out = String::from("\nConservation\n");
    let _ = writeln!(
        out,
        "  bounded, every step: 0 <= emitted - claimed - recovered - rolled_over - undistributed - pending <= positions + pools"
    );
    let _ = writeln!(
        out,
        "    {} samples, largest slack {} (bound there {}): {}",
        c.bounded_checks,
        c.max_slack,
        c.bound_at_max,
        ok(c.bounded_ok)
    );
    let e = &c.exact;
    let _ = writeln!(
        out,
        "  exact, after every user claimed everything at {}:",
        format::moment(s.duration_secs, s.block_secs, s.clock == "height")
    );
    let _ = writeln!(
        out,
        "    emitted {} = claimed {} + recovered {} + rolled_over {} + undistributed {} + pending {}: {}",
        e.emitted,
        e.claimed,
        e.recovered,
        e.rolled_over,
        e.undistributed,
        e.pending,
        ok(e.ok)
    );
    if let Some(r) = &c.reserve {
        let _ = writeln!(
            out,
            "  reserve: funded {} + rolled_over {} = emitted {} + reserve left {}: {}",
            r.funded,
            r.rolled_over,
            r.emitted,
            r.reserve_available,
            ok(r.ok)
        );
    }
    if let Some(a) = &c.amm {
        let _ = writeln!(
            out,
            "  amm pools, every step: each pool holds its reserves + protocol fees owed, LP token supply = lp_supply"
        );
        let _ = writeln!(out, "    {} pool samples: {}", a.checks, ok(a.ok));
    }
    for v in &c.violations {
        let _ = writeln!(out, "  ! {v}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align() {
        let mut t = Table::new(&["name", "n"]);
        t.row(vec!["alice".into(), "1".into()]);
        t.row(vec!["bo".into(), "1,000".into()]);
        // Each column is as wide as its widest cell (5: "alice", "1,000") plus one space of
        // padding each side: 7 + 7 = 14. A line is a one-space indent, the padded cells and no
        // trailing spaces; the rule is 14 dashes after the indent.
        assert_eq!(
            t.render(),
            "  name       n\n --------------\n  alice      1\n  bo     1,000\n"
        );
    }
}
