//! `Claim`: pay a user its share of its unclaimed complete weeks (bounded walk, resumable),
//! plus what earlier claims failed to transfer. Each token's transfer is its own sub-message
//! whose failure is caught (`crate::reply`): the amount stays owed to the user, and the other
//! tokens are paid anyway.
use cosmwasm_std::{to_json_binary, DepsMut, Env, MessageInfo, Response, SubMsg, Uint128};

use crate::claim_walk::walk_claim;
use crate::error::ContractError;
use crate::limits::MAX_WEEKS_PER_CLAIM;
use crate::reply::{PendingTransfer, REPLY_TRANSFER};
use crate::state::{UserBook, BOOKS, CONFIG, USERS};

/// Checks a requested week limit: default and maximum `MAX_WEEKS_PER_CLAIM`, never zero.
pub fn week_limit(limit_weeks: Option<u32>) -> Result<u32, ContractError> {
    match limit_weeks {
        None => Ok(MAX_WEEKS_PER_CLAIM),
        Some(0) => Err(ContractError::ZeroWeekLimit),
        Some(limit) if limit > MAX_WEEKS_PER_CLAIM => Err(ContractError::WeekLimitTooLarge {
            limit,
            max: MAX_WEEKS_PER_CLAIM,
        }),
        Some(limit) => Ok(limit),
    }
}

/// Anyone may claim for anyone: the payment always goes to `user`. A call that walks weeks
/// but finds no share still succeeds (it moves the cursor on); one with no complete week left
/// to walk and nothing unpaid is refused.
pub fn claim(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    user: Option<String>,
    limit_weeks: Option<u32>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let limit = week_limit(limit_weeks)?;
    let user = match user {
        Some(u) => deps.api.addr_validate(&u)?,
        None => info.sender.clone(),
    };
    let config = CONFIG.load(deps.storage)?;
    let mut books = BOOKS.load(deps.storage)?;
    let walk = walk_claim(deps.as_ref(), &config, &books, &user, limit)?;
    if walk.weeks_walked == 0 && walk.unpaid.iter().all(Uint128::is_zero) {
        return Err(ContractError::NothingToClaim {
            user: user.to_string(),
            cursor: walk.cursor,
            last_token_time: walk.last_token_time,
        });
    }
    // The cursor moves on; every unpaid amount is paid now (each is part of `amounts`).
    USERS.save(
        deps.storage,
        &user,
        &UserBook {
            cursor: walk.next_cursor,
            unpaid: vec![],
        },
    )?;

    let mut res = Response::new()
        .add_attribute("action", "claim")
        .add_attribute("user", user.as_str())
        .add_attribute("sender", info.sender.as_str())
        .add_attribute("from_week", walk.cursor.to_string())
        .add_attribute("next_cursor", walk.next_cursor.to_string());
    let mut paid = false;
    for ((token, amount), ledger) in config
        .tokens
        .iter()
        .zip(walk.amounts)
        .zip(&mut books.ledgers)
    {
        if amount.is_zero() {
            continue;
        }
        let key = token.key();
        ledger.claimed = ledger
            .claimed
            .checked_add(amount.u128())
            .ok_or(ContractError::Overflow("claimed"))?;
        paid = true;
        let pending = PendingTransfer {
            user: user.clone(),
            token: token.clone(),
            amount,
        };
        let transfer = SubMsg::reply_on_error(token.transfer_msg(&user, amount)?, REPLY_TRANSFER)
            .with_payload(to_json_binary(&pending)?);
        res = res
            .add_submessage(transfer)
            .add_attribute(format!("claimed_{key}"), amount.to_string());
    }
    if paid {
        BOOKS.save(deps.storage, &books)?;
    }
    Ok(res)
}
