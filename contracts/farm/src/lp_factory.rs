//! Optional checks of LP pools against the pool factory: the staking token must be one of the
//! factory's LP tokens and the declared pair its pool's pair. Without them an owner mistake (or
//! a look-alike token) could classify a pair as native and break seed 000's policy.
use cosmwasm_std::{Addr, Deps};
use trellis_types::factory::{ConfigResponse, PoolRecord, QueryMsg};
use trellis_types::AssetInfo;

use crate::error::ContractError;

/// Validates the factory address and that its protocol token is the policy's.
pub fn check_factory(
    deps: Deps,
    factory: &str,
    protocol_token: &AssetInfo,
) -> Result<Addr, ContractError> {
    let factory = deps.api.addr_validate(factory)?;
    let config: ConfigResponse = deps
        .querier
        .query_wasm_smart(&factory, &QueryMsg::Config {})?;
    if &config.protocol_token != protocol_token {
        return Err(ContractError::ProtocolTokenMismatch {
            factory: config.protocol_token.to_string(),
            policy: protocol_token.to_string(),
        });
    }
    Ok(factory)
}

/// Checks that `staking` is an LP token of `factory` whose pool holds exactly `pair`
/// (in either order).
pub fn check_lp_pool(
    deps: Deps,
    factory: &Addr,
    staking: &AssetInfo,
    pair: &[AssetInfo; 2],
) -> Result<(), ContractError> {
    let not_lp = || ContractError::NotFactoryLpToken {
        lp_token: staking.to_string(),
    };
    let AssetInfo::Cw20 { contract_addr } = staking else {
        return Err(not_lp());
    };
    let record: PoolRecord = deps
        .querier
        .query_wasm_smart(
            factory,
            &QueryMsg::PoolByLpToken {
                lp_token: contract_addr.clone(),
            },
        )
        .map_err(|_| not_lp())?;
    if !record.is_pair(&pair[0], &pair[1]) {
        let [a, b] = &record.assets;
        return Err(ContractError::PairMismatch {
            declared: format!("{} / {}", pair[0], pair[1]),
            actual: format!("{a} / {b}"),
        });
    }
    Ok(())
}
