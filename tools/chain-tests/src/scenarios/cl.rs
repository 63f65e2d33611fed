//! Concentrated liquidity and its farming: a CL pool created through the factory, a farming
//! center linked to it, an eternal farm, a position minted, sent to the center and entered,
//! a swap that carries the price out of its range (the pool's crossing hook reports it to the
//! center as a sub-message under `FARMING_HOOK_GAS_LIMIT`), fees collected through the
//! center, the exit, the claim, the NFT back, the liquidity removed and the NFT burned, with
//! three refused messages. `tests/cl.rs` runs it on both chains; `tests/cl_hook.rs` reuses
//! [`setup`] for the hook that runs out of gas (real chain only).
//!
//! The book (fee 3000 pips, spacing 60, price 1, the range [-60, 60)), from v3's formulas:
//! - sqrt prices (Q64.96): s(0) = 2^96, s(-60) = 78990846045029531151608375686,
//!   s(60) = 79466191966197645195421774833, s(-120) = 78754240422856966435523493930;
//! - 1e6 of each desired gives L = min(floor(1e6 * s(60) / (s(60) - 2^96)),
//!   floor(1e6 * 2^96 / (2^96 - s(-60)))) = 333850249, paid ceil(999999.99787...) = 1e6 each;
//! - selling token0 down to s(-120): the step to s(-60) takes
//!   ceil(L * 2^96 * (2^96 - s(-60)) / s(-60) / 2^96) = 1003005, fee ceil(1003005 * 3000 /
//!   997000) = 3019, pays floor(L * (2^96 - s(-60)) / 2^96) = 999999 of token1; below -60 there
//!   is no liquidity, the price goes to the limit for nothing: 1006024 taken of 2e6, one tick
//!   crossed (the farm's mark at -60), a partial fill;
//! - the LP's fee: floor(floor(3019 * 2^128 / L) * L / 2^128) = 3018 of token0;
//! - out of range below, the position is all token0: floor(floor(L * 2^96 * (s(60) - s(-60))
//!   / s(60)) / s(-60)) = 2003004 (1e6 + 1003005 less one unit of rounding).
use anyhow::{Context, Result};
use cosmwasm_std::{to_json_binary, Uint128, Uint256};
use serde_json::{json, to_value, Value};
use trellis_testing::ContractKind;
use trellis_types::cl_farming::{
    DepositMsg, ExecuteMsg as CenterMsg, InstantiateMsg as CenterInit, QueryMsg as CenterQuery,
    RewardSpec,
};
use trellis_types::cl_pool::{AddAmounts, ExecuteMsg as PoolMsg, FeeTier, QueryMsg as PoolQuery};
use trellis_types::factory::{
    ExecuteMsg as FactoryMsg, InstantiateMsg as FactoryInit, QueryMsg as FactoryQuery,
};
use trellis_types::weighted_pool::OracleConfig;

use super::support::{events, native};
use crate::compare::Scenario;
use crate::{Ledger, Observations, Step};

/// token0 and token1 of the pool.
pub const TOKEN0: &str = "uweth";
pub const TOKEN1: &str = "uusdc";
pub const REWARD: &str = "ureward";
const E6: u128 = 1_000_000;
/// The farm: 1 per second, 10,000 funded.
pub const FUNDED: u128 = 10_000;
pub const LIQUIDITY: u128 = 333_850_249;
const SQRT_PRICE_AT_0: u128 = 1 << 96;
pub const SQRT_PRICE_AT_MINUS_120: u128 = 78_754_240_422_856_966_435_523_493_930;
/// What the swap takes of the 2e6 offered, its fee and what it pays (module docs).
pub const SWAP_IN: u128 = 1_006_024;
pub const SWAP_OUT: u128 = 999_999;
pub const LP_FEE: u128 = 3_018;
const POSITION_AMOUNT0_BELOW: u128 = 2_003_004;
pub const TOKEN_ID: &str = "1";

pub struct ClScenario;

/// What [`setup`] leaves: the farm's id and the block time alice's position entered it.
pub struct Farmed {
    pub farm_id: u64,
    pub entered_at: u64,
}

/// The factory (with the CL code), the pool "pool" at price 1 created through it, the center
/// "center" linked to it, an eternal farm (rate 1, [`FUNDED`]), and alice's position
/// [-60, 60) with 1e6 of each (L = 333850249) sent to the center and entered. Observes each
/// answer on the way.
pub async fn setup<L: Ledger>(l: &mut L, obs: &mut Observations) -> Result<Farmed> {
    // Every account must exist on chain to sign, even with free gas: the owner gets a token.
    l.fund("owner", &[("ulit", 1)]).await?;
    l.fund("maker", &[(REWARD, FUNDED)]).await?;
    l.fund("alice", &[(TOKEN0, E6), (TOKEN1, E6)]).await?;
    l.fund("trader", &[(TOKEN0, 2 * E6)]).await?;
    let owner = l.addr("owner");
    let factory = FactoryInit {
        owner: owner.clone(),
        pool_code_id: l.code_id(ContractKind::WeightedPool),
        lp_token_code_id: l.code_id(ContractKind::Cw20Base),
        protocol_token: native("ulit"),
        fee_collector: None,
        protocol_fee_share_bps: 0,
        default_oracle: OracleConfig {
            capacity: 1_000,
            min_sample_spacing: 60,
        },
        permissionless_creation: false,
        cl_pool_code_id: Some(l.code_id(ContractKind::ClPool)),
    };
    l.instantiate(
        "owner",
        ContractKind::PoolFactory,
        "factory",
        &to_value(factory)?,
        &[],
    )
    .await?;
    let fee_tier = FeeTier {
        fee_pips: 3_000,
        tick_spacing: 60,
    };
    let create = FactoryMsg::CreateClPool {
        assets: [native(TOKEN0), native(TOKEN1)],
        fee_tier,
        sqrt_price: Some(Uint256::from(SQRT_PRICE_AT_0)),
        oracle: None,
    };
    // Its events name the pool before it has a name here (and carry code ids, which differ
    // between the chains): not observed.
    l.execute("owner", "factory", &to_value(create)?, &[])
        .await?;
    let record = l
        .query(
            "factory",
            &to_value(FactoryQuery::ClPool {
                assets: [native(TOKEN0), native(TOKEN1)],
                fee_pips: 3_000,
            })?,
        )
        .await?;
    let pool_address = record["address"]
        .as_str()
        .context("the factory's pool record has no address")?
        .to_string();
    l.name_contract("pool", &pool_address);
    let center = CenterInit {
        owner: owner.clone(),
        incentive_maker: l.addr("maker"),
        factory: l.addr("factory"),
    };
    l.instantiate(
        "owner",
        ContractKind::ClFarming,
        "center",
        &to_value(center)?,
        &[],
    )
    .await?;
    let link = PoolMsg::SetFarmingCenter {
        farming_center: Some(l.addr("center")),
    };
    l.execute("owner", "pool", &to_value(link)?, &[]).await?;

    let pool = l.addr("pool");
    let create_farm = CenterMsg::CreateEternalFarm {
        pool: pool.clone(),
        reward: RewardSpec {
            token: native(REWARD),
            amount: FUNDED.into(),
        },
        bonus: None,
        reward_rate: Uint128::one(),
        bonus_rate: Uint128::zero(),
        min_width: 0,
        tiers: None,
    };
    // Refused, on both chains: the reward attached is one short of what the farm says.
    let short = l
        .try_execute(
            "maker",
            "center",
            &to_value(&create_farm)?,
            &[(REWARD, FUNDED - 1)],
        )
        .await?;
    obs.push("farm funded one short", json!({ "failed": short.err() }));
    let created = l
        .execute(
            "maker",
            "center",
            &to_value(&create_farm)?,
            &[(REWARD, FUNDED)],
        )
        .await?;
    obs.push("the eternal farm", events(&created));
    let farm_id: u64 = created
        .attr("farm_id")
        .context("no farm_id in the farm's creation")?
        .parse()?;

    let mint = |min: u128| {
        to_value(PoolMsg::Mint {
            lower_tick: -60,
            upper_tick: 60,
            amounts: AddAmounts {
                desired: [Uint128::new(E6); 2],
                min: [Uint128::new(min); 2],
            },
            recipient: None,
            deadline: None,
        })
    };
    let both = [(TOKEN0, E6), (TOKEN1, E6)];
    // Refused, on both chains: a minimum above what 1e6 each can pay (1e6 exactly is paid).
    let greedy = l
        .try_execute("alice", "pool", &mint(E6 + 1)?, &both)
        .await?;
    obs.push("mint with min above", json!({ "failed": greedy.err() }));
    let minted = l.execute("alice", "pool", &mint(E6)?, &both).await?;
    obs.push("alice mints [-60, 60)", events(&minted));
    let position = l
        .query(
            "pool",
            &to_value(PoolQuery::Position {
                token_id: TOKEN_ID.to_string(),
            })?,
        )
        .await?;
    assert_eq!(
        position["liquidity"],
        json!(LIQUIDITY.to_string()),
        "L by hand"
    );
    obs.push("the position", position);

    let deposit = PoolMsg::SendNft {
        contract: l.addr("center"),
        token_id: TOKEN_ID.to_string(),
        msg: to_json_binary(&DepositMsg {
            enter: vec![farm_id],
        })?,
    };
    let deposited = l.execute("alice", "pool", &to_value(deposit)?, &[]).await?;
    obs.push("alice deposits and enters", events(&deposited));
    let deposit = l
        .query(
            "center",
            &to_value(CenterQuery::Deposit {
                pool: pool.clone(),
                token_id: TOKEN_ID.to_string(),
            })?,
        )
        .await?;
    obs.push("the deposit", deposit);
    for tick in [-60, 60] {
        let record = l
            .query("pool", &to_value(PoolQuery::Tick { tick })?)
            .await?;
        assert_eq!(record["farming_mark"], json!(true), "tick {tick} marked");
        obs.push(format!("tick {tick}"), record);
    }
    Ok(Farmed {
        farm_id,
        entered_at: deposited.at.secs(),
    })
}

/// The trader sells 2e6 of token0 down to tick -120, across the farm's mark at -60.
pub async fn swap_out_of_range<L: Ledger>(l: &mut L) -> Result<Step> {
    let swap = PoolMsg::SwapExactIn {
        sqrt_price_limit: Some(Uint256::from(SQRT_PRICE_AT_MINUS_120)),
        min_out: Some(SWAP_OUT.into()),
        recipient: None,
        deadline: None,
    };
    l.execute("trader", "pool", &to_value(swap)?, &[(TOKEN0, 2 * E6)])
        .await
}

pub async fn farm_state<L: Ledger>(l: &mut L, farm_id: u64) -> Result<Value> {
    l.query("center", &to_value(CenterQuery::Farm { farm_id })?)
        .await
}

fn amount(value: &Value, key: &str, index: usize) -> u128 {
    value[key][index]
        .as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{key}[{index}] in {value}"))
}

/// Alice leaves: exit, claim, the NFT back, the liquidity removed and collected, the NFT
/// burned. `earned` is what the farm must have credited her.
pub async fn leave<L: Ledger>(
    l: &mut L,
    obs: &mut Observations,
    farm_id: u64,
    earned: u128,
) -> Result<()> {
    let pool = l.addr("pool");
    let exit = to_value(CenterMsg::ExitFarm {
        pool: pool.clone(),
        token_id: TOKEN_ID.to_string(),
        farm_id,
    })?;
    // Refused, on both chains: only the deposit's owner may exit it.
    let stranger = l.try_execute("trader", "center", &exit, &[]).await?;
    obs.push(
        "a stranger exits alice's position",
        json!({ "failed": stranger.err() }),
    );
    let exited = l.execute("alice", "center", &exit, &[]).await?;
    obs.push("alice exits", events(&exited));
    let state = farm_state(l, farm_id).await?;
    // Conservation: with no position left the farm took the rounding unit back, so what
    // it credited and what it still holds are exactly what was funded.
    assert_eq!(amount(&state, "credited", 0), earned, "credited by hand");
    assert_eq!(amount(&state, "reserve", 0), FUNDED - earned, "reserve");
    obs.push("the farm after the exit", state);

    let claim = CenterMsg::ClaimReward {
        reward_token: native(REWARD),
        recipient: None,
        amount_requested_limit: Uint128::zero(),
        amount_requested_eternal: Uint128::zero(),
    };
    l.execute("alice", "center", &to_value(claim)?, &[]).await?;
    assert_eq!(l.balance("alice", REWARD).await?, earned, "alice's reward");
    assert_eq!(
        l.balance("center", REWARD).await?,
        FUNDED - earned,
        "what the center still holds"
    );
    let withdraw = CenterMsg::WithdrawToken {
        pool,
        token_id: TOKEN_ID.to_string(),
        recipient: None,
    };
    l.execute("alice", "center", &to_value(withdraw)?, &[])
        .await?;
    let owner = l
        .query(
            "pool",
            &to_value(PoolQuery::OwnerOf {
                token_id: TOKEN_ID.to_string(),
                include_expired: None,
            })?,
        )
        .await?;
    assert_eq!(owner["owner"], json!("<alice>"), "the NFT is back");
    obs.push("the NFT's owner", owner);

    let decrease = PoolMsg::DecreaseLiquidity {
        token_id: TOKEN_ID.to_string(),
        liquidity: LIQUIDITY.into(),
        amount_min: [Uint128::zero(); 2],
        deadline: None,
    };
    let decreased = l
        .execute("alice", "pool", &to_value(decrease)?, &[])
        .await?;
    obs.push("alice removes her liquidity", events(&decreased));
    let collect = PoolMsg::Collect {
        token_id: TOKEN_ID.to_string(),
        recipient: None,
        amount_max: None,
    };
    l.execute("alice", "pool", &to_value(collect)?, &[]).await?;
    let burn = PoolMsg::Burn {
        token_id: TOKEN_ID.to_string(),
    };
    l.execute("alice", "pool", &to_value(burn)?, &[]).await?;
    Ok(())
}

/// The balances once everyone has left, by hand: alice put in 1e6 of each and holds the fee
/// (3018) and her position's 2003004 of token0 and no token1; the trader paid 1006024 of
/// 2e6 and received 999999; the pool keeps the rounding, 2006024 - 3018 - 2003004 = 2 of
/// token0 and 1e6 - 999999 = 1 of token1.
pub async fn assert_principal_back<L: Ledger>(l: &mut L, fees_collected: u128) -> Result<()> {
    let expected = [
        ("alice", TOKEN0, fees_collected + POSITION_AMOUNT0_BELOW),
        ("alice", TOKEN1, 0),
        ("trader", TOKEN0, 2 * E6 - SWAP_IN),
        ("trader", TOKEN1, SWAP_OUT),
        (
            "pool",
            TOKEN0,
            E6 + SWAP_IN - fees_collected - POSITION_AMOUNT0_BELOW,
        ),
        ("pool", TOKEN1, E6 - SWAP_OUT),
    ];
    for (who, denom, amount) in expected {
        assert_eq!(l.balance(who, denom).await?, amount, "{who}'s {denom}");
    }
    Ok(())
}

impl Scenario for ClScenario {
    const DENOMS: &'static [&'static str] = &[TOKEN0, TOKEN1, REWARD, "ulit"];

    async fn run<L: Ledger>(&self, l: &mut L) -> Result<Observations> {
        let mut obs = Observations::default();
        let Farmed {
            farm_id,
            entered_at,
        } = setup(l, &mut obs).await?;
        l.pause(100).await?;
        let swapped = swap_out_of_range(l).await?;
        obs.push("the swap out of range", events(&swapped));
        assert_eq!(
            swapped.attr("amount_in"),
            Some(SWAP_IN.to_string().as_str())
        );
        assert_eq!(swapped.attr("ticks_crossed"), Some("1"));
        let virtual_pool = l
            .query("center", &to_value(CenterQuery::VirtualPool { farm_id })?)
            .await?;
        // The hook moved the farm's virtual pool below its range: nothing in range.
        assert_eq!(virtual_pool["liquidity"], json!("0"), "{virtual_pool}");
        obs.push("the virtual pool after the swap", virtual_pool);
        let farming = l.query("pool", &to_value(PoolQuery::Farming {})?).await?;
        assert_eq!(farming["link_broken"], json!(false));
        obs.push("the pool's farming link", farming);
        l.pause(100).await?;

        let collect = CenterMsg::CollectFees {
            pool: l.addr("pool"),
            token_id: TOKEN_ID.to_string(),
            recipient: None,
            amount_max: None,
        };
        let collected = l
            .execute("alice", "center", &to_value(collect)?, &[])
            .await?;
        obs.push("alice collects fees through the center", events(&collected));
        assert_eq!(l.balance("alice", TOKEN0).await?, LP_FEE, "the LP fee");

        // In range from the entry to the swap, spending 1 per second over L: the growth
        // floor(spent * 2^128 / L) is not whole (L is odd and larger than spent), so alice
        // earns spent - 1. Out of range after the swap, nothing is spent.
        let spent = (swapped.at.secs() - entered_at) as u128;
        assert!(spent >= 100, "the pause moved the clock {spent} s");
        leave(l, &mut obs, farm_id, spent - 1).await?;
        assert_principal_back(l, LP_FEE).await?;
        obs.push("alice's reward", json!((spent - 1).to_string()));
        Ok(obs)
    }
}
