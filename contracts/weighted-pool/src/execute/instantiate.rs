use cosmwasm_std::{to_json_binary, Decimal, DepsMut, Env, MessageInfo, Response, SubMsg, WasmMsg};
use cw20::MinterResponse;
use trellis_math::scaling::SCALED_DECIMALS;
use trellis_types::weighted_pool::{InstantiateMsg, OracleConfig, WeightedAssetInfo};
use trellis_types::AssetInfo;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::execute::admin::check_protocol_fee_share;
use crate::execute::reply::INSTANTIATE_LP_TOKEN_REPLY_ID;
use crate::limits::{LP_TOKEN_DECIMALS, MAX_ORACLE_CAPACITY, MAX_SWAP_FEE_BPS};
use crate::state::{Config, Pool, CONFIG, POOL};

/// Smallest weight: 1%, as in the math.
const MIN_WEIGHT: Decimal = Decimal::percent(1);

pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let api = deps.api;
    let [a, b] = msg.assets;
    let assets = [a.info.validate(api)?, b.info.validate(api)?];
    if assets[0] == assets[1] {
        return Err(ContractError::SameAssets {
            asset: assets[0].to_string(),
        });
    }
    let weights = check_weights(&a, &b)?;
    let decimals = check_decimals(&assets, [a.decimals, b.decimals])?;
    if msg.swap_fee_bps > MAX_SWAP_FEE_BPS {
        return Err(ContractError::SwapFeeTooHigh {
            fee_bps: msg.swap_fee_bps,
            max: MAX_SWAP_FEE_BPS,
        });
    }
    check_protocol_fee_share(msg.protocol_fee_share_bps)?;
    check_oracle(&msg.oracle)?;
    let fee_collector = msg
        .fee_collector
        .map(|c| api.addr_validate(&c))
        .transpose()?;
    let owner = api.addr_validate(&msg.owner)?;
    cw_ownable::initialize_owner(deps.storage, api, Some(owner.as_str()))?;

    let symbol = msg
        .lp_token_symbol
        .unwrap_or_else(|| default_lp_symbol(&assets));
    let name = msg
        .lp_token_name
        .unwrap_or_else(|| default_lp_name(&assets));
    check_lp_token_metadata(&name, &symbol)?;

    let config = Config {
        assets,
        weights,
        swap_fee_bps: msg.swap_fee_bps,
        protocol_fee_share_bps: msg.protocol_fee_share_bps,
        fee_collector,
        oracle: msg.oracle,
        decimals: Some(decimals),
    };
    CONFIG.save(deps.storage, &config)?;
    POOL.save(deps.storage, &Pool::default())?;

    // The pool is the LP token's only minter. The token gets no admin: nobody can migrate it
    // to code that mints around the pool.
    let lp_token = WasmMsg::Instantiate {
        admin: None,
        code_id: msg.lp_token_code_id,
        msg: to_json_binary(&cw20_base::msg::InstantiateMsg {
            name: name.clone(),
            symbol: symbol.clone(),
            decimals: LP_TOKEN_DECIMALS,
            initial_balances: vec![],
            mint: Some(MinterResponse {
                minter: env.contract.address.to_string(),
                cap: None,
            }),
            marketing: None,
        })?,
        funds: vec![],
        label: format!("{symbol} LP token"),
    };
    Ok(Response::new()
        .add_submessage(SubMsg::reply_on_success(
            lp_token,
            INSTANTIATE_LP_TOKEN_REPLY_ID,
        ))
        .add_attribute("action", "instantiate")
        .add_attribute("owner", owner)
        .add_attribute("asset_0", config.assets[0].to_string())
        .add_attribute("asset_1", config.assets[1].to_string())
        .add_attribute("weight_0", config.weights[0].to_string())
        .add_attribute("weight_1", config.weights[1].to_string())
        .add_attribute("decimals_0", decimals[0].to_string())
        .add_attribute("decimals_1", decimals[1].to_string())
        .add_attribute("swap_fee_bps", config.swap_fee_bps.to_string())
        .add_attribute("lp_token_symbol", symbol))
}

/// Each weight at least 1%, and they sum to exactly 1.
fn check_weights(
    a: &WeightedAssetInfo,
    b: &WeightedAssetInfo,
) -> Result<[Decimal; 2], ContractError> {
    let sum = a.weight.checked_add(b.weight).ok();
    if a.weight < MIN_WEIGHT || b.weight < MIN_WEIGHT || sum != Some(Decimal::one()) {
        return Err(ContractError::InvalidWeights {
            weight_0: a.weight,
            weight_1: b.weight,
        });
    }
    Ok([a.weight, b.weight])
}

/// At most 18 decimals: the invariant scales every balance up to 18 (`10^(18 - decimals)`).
fn check_decimals(assets: &[AssetInfo; 2], decimals: [u8; 2]) -> Result<[u8; 2], ContractError> {
    for (asset, &d) in assets.iter().zip(&decimals) {
        if d > SCALED_DECIMALS {
            return Err(ContractError::DecimalsTooLarge {
                asset: asset.to_string(),
                decimals: d,
                max: SCALED_DECIMALS,
            });
        }
    }
    Ok(decimals)
}

fn check_oracle(oracle: &OracleConfig) -> Result<(), ContractError> {
    if oracle.capacity == 0 || oracle.capacity > MAX_ORACLE_CAPACITY {
        return Err(ContractError::InvalidOracleCapacity {
            capacity: oracle.capacity,
            max: MAX_ORACLE_CAPACITY,
        });
    }
    if oracle.min_sample_spacing == 0 {
        return Err(ContractError::InvalidOracleSpacing {
            spacing: oracle.min_sample_spacing,
        });
    }
    Ok(())
}

/// cw20-base's own rules, checked here so a bad name is a typed error rather than a failed
/// submessage: name 3-50 bytes, symbol 3-12 characters of `[a-zA-Z-]`.
fn check_lp_token_metadata(name: &str, symbol: &str) -> Result<(), ContractError> {
    if !(3..=50).contains(&name.len()) {
        return Err(ContractError::InvalidLpTokenName {
            name: name.to_string(),
        });
    }
    let symbol_ok = (3..=12).contains(&symbol.len())
        && symbol.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-');
    if !symbol_ok {
        return Err(ContractError::InvalidLpTokenSymbol {
            symbol: symbol.to_string(),
        });
    }
    Ok(())
}

/// Up to four capital letters naming an asset: the denom's letters without the micro
/// prefix (`uatom` -> `ATOM`), `IBC` for IBC denoms, `CW` for cw20 tokens.
fn asset_tag(asset: &AssetInfo) -> String {
    let denom = match asset {
        AssetInfo::Cw20 { .. } => return "CW".to_string(),
        AssetInfo::Native { denom } => denom,
    };
    let base = if denom.starts_with("ibc/") {
        "ibc"
    } else {
        denom.rsplit('/').next().unwrap_or(denom)
    };
    let base = match base.strip_prefix('u') {
        Some(rest) if rest.len() >= 4 => rest,
        _ => base,
    };
    let tag: String = base
        .chars()
        .filter(char::is_ascii_alphabetic)
        .take(4)
        .collect::<String>()
        .to_ascii_uppercase();
    if tag.is_empty() {
        "X".to_string()
    } else {
        tag
    }
}

/// `ATOM-OSMO-LP`: 6 to 12 characters of `[A-Z-]`, always a valid cw20 symbol.
fn default_lp_symbol(assets: &[AssetInfo; 2]) -> String {
    format!("{}-{}-LP", asset_tag(&assets[0]), asset_tag(&assets[1]))
}

/// `Trellis ATOM-OSMO weighted LP`: at most 31 bytes, always a valid cw20 name.
fn default_lp_name(assets: &[AssetInfo; 2]) -> String {
    format!(
        "Trellis {}-{} weighted LP",
        asset_tag(&assets[0]),
        asset_tag(&assets[1])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_lp_metadata_is_valid_cw20_metadata() {
        let cases = [
            (
                AssetInfo::native("uatom"),
                AssetInfo::native("uosmo"),
                "ATOM-OSMO-LP",
            ),
            (
                AssetInfo::native("ualy"),
                AssetInfo::native(
                    "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2",
                ),
                "UALY-IBC-LP",
            ),
            (
                AssetInfo::native("factory/osmo1abc/uwfuse"),
                AssetInfo::cw20("cosmwasm1xyz"),
                "WFUS-CW-LP",
            ),
            (AssetInfo::native("123"), AssetInfo::native("a"), "X-A-LP"),
        ];
        for (a, b, symbol) in cases {
            let assets = [a, b];
            assert_eq!(default_lp_symbol(&assets), symbol);
            check_lp_token_metadata(&default_lp_name(&assets), &default_lp_symbol(&assets))
                .unwrap();
        }
    }
}
