use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use trellis_math::ve::weeks_between;

use crate::error::ContractError;
use crate::history::{last_global, push_global, walk};
use crate::limits::MAX_WEEKS_PER_CHECKPOINT;

/// Anyone: walks the global line towards now across at most `MAX_WEEKS_PER_CHECKPOINT`
/// week boundaries and stores where it got; call again while `weeks_behind` is not zero.
pub fn checkpoint(deps: DepsMut, env: Env, info: MessageInfo) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let now = env.block.time.seconds();
    let head = last_global(deps.storage)?;
    let w = walk(deps.storage, head.line, now, MAX_WEEKS_PER_CHECKPOINT)?;
    push_global(deps.storage, &head, &w.line)?;
    Ok(Response::new()
        .add_attribute("action", "checkpoint")
        .add_attribute("reached", w.line.ts.to_string())
        .add_attribute("weeks_walked", w.weeks.to_string())
        .add_attribute("weeks_behind", weeks_between(w.line.ts, now).to_string())
        .add_attribute("total_power", w.line.bias.to_string()))
}
