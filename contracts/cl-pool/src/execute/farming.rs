//! Farming marks: set and cleared only by the registered farming center.
use cosmwasm_std::{DepsMut, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute::load_pool;
use crate::limits::MAX_MARKS_PER_CALL;
use crate::position::save_tick;
use crate::state::{CONFIG, FARMING, TICKS};
use crate::tick_index::Flips;
use crate::ticks::{check_tick, new_tick};

/// Marks or unmarks up to `MAX_MARKS_PER_CALL` ticks. A marked tick keeps a record even with no
/// liquidity, so swaps stop at it and report crossing it; unmarking an unused tick deletes it.
pub fn set_farming_marks(
    deps: DepsMut,
    info: MessageInfo,
    ticks: Vec<i32>,
    marked: bool,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let farming = FARMING.load(deps.storage)?;
    if farming.center.as_ref() != Some(&info.sender) {
        return Err(ContractError::NotFarmingCenter {
            sender: info.sender.to_string(),
        });
    }
    if ticks.is_empty() || ticks.len() > MAX_MARKS_PER_CALL {
        return Err(ContractError::InvalidMarkCount {
            count: ticks.len(),
            max: MAX_MARKS_PER_CALL,
        });
    }
    let config = CONFIG.load(deps.storage)?;
    let pool = load_pool(deps.storage)?;
    for &tick in &ticks {
        check_tick(tick, config.fee_tier.tick_spacing)?;
    }
    let mut changed = 0u32;
    let mut flips = Flips::new(config.fee_tier.tick_spacing);
    for &tick in &ticks {
        let existing = TICKS.may_load(deps.storage, tick)?;
        if existing.as_ref().map(|t| t.farming_mark) == Some(marked)
            || (existing.is_none() && !marked)
        {
            continue;
        }
        let existed = existing.is_some();
        let mut info =
            existing.unwrap_or_else(|| new_tick(tick, pool.tick, pool.fee_growth_global));
        info.farming_mark = marked;
        save_tick(deps.storage, tick, &info)?;
        flips.note(tick, existed, &info);
        changed += 1;
    }
    flips.apply(deps.storage)?;
    let list = ticks
        .iter()
        .map(|t| t.to_string())
        .collect::<Vec<_>>()
        .join(",");
    Ok(Response::new()
        .add_attribute("action", "set_farming_marks")
        .add_attribute("marked", marked.to_string())
        .add_attribute("ticks", list)
        .add_attribute("changed", changed.to_string()))
}
