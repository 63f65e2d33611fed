//! Collecting what a position is owed, and burning an empty one.
use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::execute::liquidity::load_position;
use crate::execute::{load_pool, pay, recipient_or};
use crate::nft;
use crate::position::modify;
use crate::state::{CONFIG, POSITIONS};

/// Credits the fees earned since the last update, then pays up to `amount_max` of each token
/// owed (fees and decreased liquidity) to `recipient`.
pub fn collect(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
    recipient: Option<String>,
    amount_max: Option<[Uint128; 2]>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    nft::authorize(deps.as_ref(), &env, &info.sender, &token_id)?;
    let (id, mut position) = load_position(&token_id)(deps.storage)?;
    let recipient = recipient_or(deps.api, recipient, &info.sender)?;
    let config = CONFIG.load(deps.storage)?;
    if position.liquidity > 0 {
        // A zero change only reads the range ends and credits the fees.
        let mut pool = load_pool(deps.storage)?;
        let now = env.block.time.seconds();
        modify(deps.storage, now, &config, &mut pool, &mut position, 0)?;
    }
    let max = amount_max.unwrap_or([Uint128::MAX; 2]);
    let amounts = [0, 1].map(|i| Uint128::new(position.tokens_owed[i]).min(max[i]));
    if amounts.iter().all(Uint128::is_zero) {
        return Err(ContractError::NothingToCollect { token_id });
    }
    for (owed, amount) in position.tokens_owed.iter_mut().zip(amounts) {
        *owed -= amount.u128();
    }
    POSITIONS.save(deps.storage, id, &position)?;
    let mut response = Response::new()
        .add_attribute("action", "collect")
        .add_attribute("token_id", token_id)
        .add_attribute("sender", info.sender)
        .add_attribute("recipient", recipient.as_str())
        .add_attribute("amount_0", amounts[0])
        .add_attribute("amount_1", amounts[1]);
    for (i, amount) in amounts.into_iter().enumerate() {
        response = response.add_messages(pay(&config, i, &recipient, amount)?);
    }
    Ok(response)
}

/// Deletes a position with no liquidity and nothing owed, and burns its NFT.
pub fn burn(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    token_id: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let token = nft::authorize(deps.as_ref(), &env, &info.sender, &token_id)?;
    let (id, position) = load_position(&token_id)(deps.storage)?;
    if position.liquidity > 0 || position.tokens_owed != [0, 0] {
        return Err(ContractError::PositionNotEmpty {
            token_id,
            liquidity: position.liquidity.into(),
            owed_0: position.tokens_owed[0].into(),
            owed_1: position.tokens_owed[1].into(),
        });
    }
    POSITIONS.remove(deps.storage, id);
    nft::burn(deps.storage, &token_id, &token)?;
    Ok(Response::new()
        .add_attribute("action", "burn_position")
        .add_attribute("token_id", token_id)
        .add_attribute("sender", info.sender))
}
