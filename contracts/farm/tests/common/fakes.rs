//! Stand-ins for the voting escrow and the gauge controller, answering the two queries the
//! farm makes (`PowerShare`, `RelativeWeight`) from values a test sets, so farm tests derive
//! boosts and gauge shares from chosen powers and weights. The real contracts meet the farm
//! in `packages/testing`.
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use cosmwasm_std::testing::MockQuerier;
use cosmwasm_std::{
    from_json, to_json_binary, ContractResult, Decimal, QuerierResult, SystemError, SystemResult,
    Uint128, WasmQuery,
};
use cw20::{Cw20QueryMsg, MinterResponse, TokenInfoResponse};
use trellis_math::ve::round_down_to_week;
use trellis_types::gauge_controller::{QueryMsg as GaugeQuery, RelativeWeightResponse};
use trellis_types::voting_escrow::{PowerShareResponse, QueryMsg as EscrowQuery};

use super::addr;

pub const ESCROW: &str = "escrow";
pub const CONTROLLER: &str = "controller";

#[derive(Default)]
pub struct Fakes {
    /// User address -> ve power.
    pub powers: BTreeMap<String, u128>,
    pub total_power: u128,
    /// Gauges the controller knows.
    pub gauges: BTreeSet<String>,
    /// (gauge, week start) -> relative weight (0 when unset).
    pub weights: BTreeMap<(String, u64), Decimal>,
    /// When set, the escrow answers every query with an error.
    pub escrow_broken: bool,
    /// Queries answered, for tests that bound them.
    pub escrow_queries: u32,
    pub weight_queries: u32,
    /// The minted reward cw20's supply cap (`None`: uncapped) and its supply.
    pub reward_cap: Option<u128>,
    pub reward_supply: u128,
}

pub type Shared = Rc<RefCell<Fakes>>;

impl Fakes {
    pub fn set_power(&mut self, user: &str, power: u128) {
        self.powers.insert(addr(user).to_string(), power);
    }

    pub fn set_weight(&mut self, gauge: &str, week: u64, weight: Decimal) {
        self.weights.insert((gauge.to_string(), week), weight);
    }
}

fn ok<T: serde::Serialize>(value: &T) -> QuerierResult {
    SystemResult::Ok(ContractResult::Ok(to_json_binary(value).unwrap()))
}

fn refused(msg: &str) -> QuerierResult {
    SystemResult::Ok(ContractResult::Err(msg.to_string()))
}

fn answer(fakes: &Shared, query: &WasmQuery) -> QuerierResult {
    let WasmQuery::Smart { contract_addr, msg } = query else {
        return SystemResult::Err(SystemError::Unknown {});
    };
    let mut f = fakes.borrow_mut();
    if *contract_addr == addr(ESCROW).to_string() {
        if f.escrow_broken {
            return refused("escrow is broken");
        }
        f.escrow_queries += 1;
        return match from_json(msg) {
            Ok(EscrowQuery::PowerShare { user }) => ok(&PowerShareResponse {
                user_power: Uint128::new(f.powers.get(&user).copied().unwrap_or_default()),
                total_power: Uint128::new(f.total_power),
                time: 0,
            }),
            _ => refused("unexpected escrow query"),
        };
    }
    if *contract_addr == addr(CONTROLLER).to_string() {
        return match from_json(msg) {
            Ok(GaugeQuery::RelativeWeight { gauge, time }) => {
                if !f.gauges.contains(&gauge) {
                    return refused("unknown gauge");
                }
                f.weight_queries += 1;
                let week = round_down_to_week(time.expect("the farm always names the week"));
                let relative_weight = f.weights.get(&(gauge, week)).copied().unwrap_or_default();
                ok(&RelativeWeightResponse {
                    relative_weight,
                    week,
                })
            }
            _ => refused("unexpected controller query"),
        };
    }
    if *contract_addr == addr(super::REWARD_CW20).to_string() {
        return match from_json(msg) {
            Ok(Cw20QueryMsg::Minter {}) => ok(&Some(MinterResponse {
                minter: addr("farm").to_string(),
                cap: f.reward_cap.map(Uint128::new),
            })),
            Ok(Cw20QueryMsg::TokenInfo {}) => ok(&TokenInfoResponse {
                name: "reward".into(),
                symbol: "REW".into(),
                decimals: 6,
                total_supply: Uint128::new(f.reward_supply),
            }),
            _ => refused("unexpected cw20 query"),
        };
    }
    SystemResult::Err(SystemError::NoSuchContract {
        addr: contract_addr.clone(),
    })
}

/// Makes `querier` answer for the fake escrow and controller from `fakes`.
pub fn install(querier: &mut MockQuerier, fakes: Shared) {
    querier.update_wasm(move |query| answer(&fakes, query));
}
