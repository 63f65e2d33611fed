use std::collections::BTreeSet;

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use trellis_types::fee_distributor::InstantiateMsg;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::limits::MAX_TOKENS;
use crate::state::{Config, TokenLedger, CONFIG, LAST_TOKEN_TIME, LEDGER};
use crate::week_split::week_start;

pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    _info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    if msg.tokens.is_empty() {
        return Err(ContractError::NoTokens);
    }
    if msg.tokens.len() > MAX_TOKENS {
        return Err(ContractError::TooManyTokens {
            count: msg.tokens.len(),
            max: MAX_TOKENS,
        });
    }
    let mut seen = BTreeSet::new();
    let mut tokens = Vec::with_capacity(msg.tokens.len());
    for token in &msg.tokens {
        let token = token.validate(deps.api)?;
        if !seen.insert(token.key()) {
            return Err(ContractError::DuplicateToken { token: token.key() });
        }
        tokens.push(token);
    }
    let voting_escrow = deps.api.addr_validate(&msg.voting_escrow)?;
    let owner = deps.api.addr_validate(&msg.owner)?;
    let start_time = week_start(msg.start_time);

    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    cw_ownable::initialize_owner(deps.storage, deps.api, Some(owner.as_str()))?;
    for token in &tokens {
        LEDGER.save(deps.storage, &token.key(), &TokenLedger::default())?;
    }
    CONFIG.save(
        deps.storage,
        &Config {
            voting_escrow: voting_escrow.clone(),
            tokens,
            start_time,
        },
    )?;
    // Receipts before the start are spread from the start on.
    LAST_TOKEN_TIME.save(deps.storage, &start_time)?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner)
        .add_attribute("voting_escrow", voting_escrow)
        .add_attribute("start_time", start_time.to_string()))
}
