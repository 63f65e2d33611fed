//! `farm_pools.csv`: one row per sample and farm pool: the stake (base units of the staking
//! token), the reward distributed to the pool (base units of the reward token), and its
//! valuation in base units of the `quote` token (TVL, reward value, value-seconds) with the APR
//! so far in bps. A value without a price path to the quote is left empty.
use std::fmt::Write;

use super::csv::field;
use crate::model::SimReport;

pub fn farm_pools(report: &SimReport) -> String {
    let mut out = String::from(
        "t_secs,pool,staked,reward,quote,tvl,reward_value,value_secs,staked_secs,apr_bps\n",
    );
    let Some(valuation) = &report.valuation else {
        return out;
    };
    let quote = valuation.quote.as_deref().unwrap_or("");
    let opt = |v: Option<String>| v.unwrap_or_default();
    for (s, values) in report.samples.iter().zip(&valuation.samples) {
        for ((info, p), v) in report.pools.iter().zip(&s.pools).zip(&values.pools) {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{}",
                s.t,
                field(&info.name),
                p.staked,
                p.distributed,
                field(quote),
                opt(v.tvl.map(|x| x.to_string())),
                opt(v.reward_value.map(|x| x.to_string())),
                opt(v.value_secs.map(|x| x.to_string())),
                v.staked_secs,
                opt(v.apr_bps.map(|x| x.to_string())),
            );
        }
    }
    out
}
