//! The pool factory as the router sees it through its querier: fixed answers built with the
//! real message types, from the pools actually deployed. The router asks the factory for
//! its `Config` (at instantiation) and `PoolsByAssets` (to validate each hop), and a pool
//! for its `PoolInfo` (to explain a refused hop).
use cosmwasm_std::{
    to_json_binary, Binary, ContractResult, QuerierResult, StdResult, SystemError, SystemResult,
    WasmQuery,
};
use cosmwasm_vm::testing::MockQuerier;
use trellis_types::factory::{
    ConfigResponse, PoolRecord, PoolsResponse, QueryMsg as FactoryQueryMsg,
};
use trellis_types::weighted_pool::{PoolInfoResponse, QueryMsg as PoolQueryMsg};
use trellis_types::AssetInfo;

/// One pool the factory knows: its record and the pool's own `PoolInfo` answer.
#[derive(Clone, Debug)]
pub struct KnownPool {
    pub record: PoolRecord,
    pub info: PoolInfoResponse,
}

/// Everything the mock answers.
#[derive(Clone, Debug)]
pub struct FactoryFixture {
    pub address: String,
    pub config: ConfigResponse,
    pub pools: Vec<KnownPool>,
}

fn same_pair(record: &PoolRecord, assets: &[AssetInfo; 2]) -> bool {
    record.is_pair(&assets[0], &assets[1])
}

fn refuse(addr: &str, what: &str) -> QuerierResult {
    SystemResult::Ok(ContractResult::Err(format!(
        "the bench's mock of {addr} does not answer {what}"
    )))
}

fn answer(bin: StdResult<Binary>) -> QuerierResult {
    match bin {
        Ok(bin) => SystemResult::Ok(ContractResult::Ok(bin)),
        Err(e) => SystemResult::Err(SystemError::InvalidResponse {
            error: e.to_string(),
            response: Binary::default(),
        }),
    }
}

impl FactoryFixture {
    fn factory_query(&self, msg: &Binary) -> QuerierResult {
        match cosmwasm_std::from_json::<FactoryQueryMsg>(msg) {
            Ok(FactoryQueryMsg::Config {}) => answer(to_json_binary(&self.config)),
            Ok(FactoryQueryMsg::PoolsByAssets { assets }) => {
                let pools = self
                    .pools
                    .iter()
                    .filter(|p| same_pair(&p.record, &assets))
                    .map(|p| p.record.clone())
                    .collect();
                answer(to_json_binary(&PoolsResponse { pools }))
            }
            Ok(FactoryQueryMsg::PoolByLpToken { lp_token }) => {
                match self
                    .pools
                    .iter()
                    .find(|p| p.record.lp_token() == Some(lp_token.as_str()))
                {
                    Some(p) => answer(to_json_binary(&p.record)),
                    None => refuse(&self.address, "an unknown LP token"),
                }
            }
            Ok(_) => refuse(&self.address, "this factory query"),
            Err(e) => refuse(&self.address, &format!("an unparsable query ({e})")),
        }
    }

    fn pool_query(&self, pool: &KnownPool, msg: &Binary) -> QuerierResult {
        match cosmwasm_std::from_json::<PoolQueryMsg>(msg) {
            Ok(PoolQueryMsg::PoolInfo {}) => answer(to_json_binary(&pool.info)),
            _ => refuse(&pool.record.address, "this pool query"),
        }
    }

    /// The answer to one wasm query; contracts it does not know do not exist.
    pub fn handle(&self, query: &WasmQuery) -> QuerierResult {
        let WasmQuery::Smart { contract_addr, msg } = query else {
            return SystemResult::Err(SystemError::UnsupportedRequest {
                kind: "the bench's mock answers smart queries only".to_string(),
            });
        };
        if contract_addr == &self.address {
            return self.factory_query(msg);
        }
        match self
            .pools
            .iter()
            .find(|p| &p.record.address == contract_addr)
        {
            Some(pool) => self.pool_query(pool, msg),
            None => SystemResult::Err(SystemError::NoSuchContract {
                addr: contract_addr.clone(),
            }),
        }
    }

    /// A querier without bank balances whose wasm queries this fixture answers.
    pub fn querier(self) -> MockQuerier {
        let mut querier = MockQuerier::new(&[]);
        querier.update_wasm(move |q| self.handle(q));
        querier
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::{from_json, Decimal, Uint128};
    use trellis_types::factory::PoolParams;
    use trellis_types::weighted_pool::{OracleConfig, PoolAsset, WeightedAssetInfo};

    fn record(id: u64, a: &str, b: &str) -> KnownPool {
        let assets = [a, b].map(|d| WeightedAssetInfo {
            info: AssetInfo::native(d),
            weight: Decimal::percent(50),
            decimals: 6,
        });
        let oracle = OracleConfig {
            capacity: 10,
            min_sample_spacing: 1,
        };
        KnownPool {
            record: PoolRecord {
                id,
                address: format!("pool{id}"),
                assets: assets.clone().map(|a| a.info),
                params: PoolParams::Weighted {
                    lp_token: format!("lp{id}"),
                    weights: assets.clone().map(|a| a.weight),
                    swap_fee_bps: 30,
                },
            },
            info: PoolInfoResponse {
                assets: assets.map(|a| PoolAsset {
                    info: a.info,
                    weight: a.weight,
                    balance: Uint128::new(1),
                    protocol_fees_owed: Uint128::zero(),
                }),
                lp_token: format!("lp{id}"),
                lp_supply: Uint128::new(1),
                swap_fee_bps: 30,
                protocol_fee_share_bps: 0,
                fee_collector: None,
                oracle,
            },
        }
    }

    fn fixture() -> FactoryFixture {
        FactoryFixture {
            address: "factory".to_string(),
            config: ConfigResponse {
                pool_code_id: 1,
                lp_token_code_id: 2,
                protocol_token: AssetInfo::native("ualy"),
                fee_collector: None,
                protocol_fee_share_bps: 0,
                default_oracle: OracleConfig {
                    capacity: 10,
                    min_sample_spacing: 1,
                },
                permissionless: true,
                pool_count: 2,
                cl_pool_code_id: None,
            },
            pools: vec![record(1, "ux", "ualy"), record(2, "ualy", "uy")],
        }
    }

    fn smart(addr: &str, msg: &impl serde::Serialize) -> WasmQuery {
        WasmQuery::Smart {
            contract_addr: addr.to_string(),
            msg: to_json_binary(msg).unwrap(),
        }
    }

    fn ok(res: QuerierResult) -> Binary {
        match res {
            SystemResult::Ok(ContractResult::Ok(bin)) => bin,
            other => panic!("expected an answer, got {other:?}"),
        }
    }

    #[test]
    fn answers_pools_of_a_pair_in_either_order() {
        let f = fixture();
        let q = |a: &str, b: &str| {
            let msg = FactoryQueryMsg::PoolsByAssets {
                assets: [AssetInfo::native(a), AssetInfo::native(b)],
            };
            let res: PoolsResponse = from_json(ok(f.handle(&smart("factory", &msg)))).unwrap();
            res.pools.iter().map(|p| p.id).collect::<Vec<_>>()
        };
        assert_eq!(q("ualy", "ux"), vec![1]);
        assert_eq!(q("ux", "ualy"), vec![1]);
        assert_eq!(q("uy", "ualy"), vec![2]);
        assert!(q("ux", "uy").is_empty());
    }

    #[test]
    fn answers_config_and_pool_info_and_refuses_the_rest() {
        let f = fixture();
        let config: ConfigResponse =
            from_json(ok(f.handle(&smart("factory", &FactoryQueryMsg::Config {})))).unwrap();
        assert_eq!(config, f.config);
        let info: PoolInfoResponse =
            from_json(ok(f.handle(&smart("pool2", &PoolQueryMsg::PoolInfo {})))).unwrap();
        assert_eq!(info.lp_token, "lp2");
        assert!(matches!(
            f.handle(&smart("nobody", &PoolQueryMsg::PoolInfo {})),
            SystemResult::Err(SystemError::NoSuchContract { .. })
        ));
        assert!(matches!(
            f.handle(&smart(
                "factory",
                &FactoryQueryMsg::Pools {
                    start_after: None,
                    limit: None
                }
            )),
            SystemResult::Ok(ContractResult::Err(_))
        ));
    }
}
