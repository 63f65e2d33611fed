use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw20::MinterResponse;
use trellis_types::options_token::{Delivery, InstantiateMsg};
use trellis_types::AssetInfo;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::execute::{check_min_price, check_multiplier, validate_oracle};
use crate::state::{Config, Totals, CONFIG, TOTALS};

pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let api = deps.api;
    let underlying = msg.underlying.validate(api)?;
    let payment = msg.payment.validate(api)?;
    if underlying == payment {
        return Err(ContractError::SameAssets {
            asset: underlying.to_string(),
        });
    }
    if matches!(msg.delivery, Delivery::Mint) && !matches!(underlying, AssetInfo::Cw20 { .. }) {
        return Err(ContractError::MintNeedsCw20 {
            underlying: underlying.to_string(),
        });
    }
    check_multiplier(msg.multiplier_bps)?;
    check_min_price(msg.min_price)?;
    let oracle = validate_oracle(deps.as_ref(), msg.oracle, &underlying, &payment)?;
    let owner = api.addr_validate(&msg.owner)?;
    let treasury = api.addr_validate(&msg.treasury)?;
    let minter = match msg.minter {
        Some(m) => api.addr_validate(&m)?,
        None => owner.clone(),
    };

    // The cw20 side: no initial balances (every oTOKEN is minted, so `issued` counts all).
    cw20_base::contract::instantiate(
        deps.branch(),
        env,
        info,
        cw20_base::msg::InstantiateMsg {
            name: msg.name,
            symbol: msg.symbol,
            decimals: msg.decimals,
            initial_balances: vec![],
            mint: Some(MinterResponse {
                minter: minter.to_string(),
                cap: msg.cap,
            }),
            marketing: None,
        },
    )?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    cw_ownable::initialize_owner(deps.storage, api, Some(owner.as_str()))?;
    CONFIG.save(
        deps.storage,
        &Config {
            underlying,
            delivery: msg.delivery,
            payment,
            oracle,
            multiplier_bps: msg.multiplier_bps,
            min_price: msg.min_price,
            treasury,
            cap: msg.cap,
        },
    )?;
    TOTALS.save(deps.storage, &Totals::default())?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner)
        .add_attribute("minter", minter))
}
