//! The options world, built before any row by real messages (only the pools' LP tokens are
//! stubbed, so their instantiation and LP mints are skipped):
//!
//! - pool A, 80/20 underlying/native payment (`utrls`/`uusdc`), first-joined by a provider;
//! - cUSD, an oTOKEN instance used only as a plain cw20 (its options side, priced by pool A,
//!   is never exercised), minted by an issuer;
//! - pool B, 50/50 cUSD/underlying (payment first), its cUSD side pulled with `TransferFrom`;
//! - oTOKEN-N (native payment, pool A's TWAP), minted only by the farm, and oTOKEN-C (cUSD
//!   payment through the cw20 hook, pool B's TWAP), minted by its owner; both deliver the
//!   native underlying from a funded reserve and pay a treasury address;
//! - a farm whose reward is `mint { cw20: oTOKEN-N }`, where the farmer stakes at once;
//! - the price history: 24 rounds of swaps 2 minutes apart on both pools.
use std::rc::Rc;

use anyhow::{ensure, Result};
use cosmwasm_std::{Addr, BlockInfo};
use cosmwasm_vm::testing::MockApi;
use trellis_types::AssetInfo;

use crate::amm::params::LP_TOKEN_CODE_ID;
use crate::options::cw20_token::Cw20Token;
use crate::options::history::{run_history, PricePath, Traded};
use crate::options::otoken::{OToken, OTokenSetup};
use crate::options::otoken_farm::OTokenFarm;
use crate::options::params::{
    EXERCISE_AMOUNT, FARM_STAKE, OTOKEN_CAP, PAYMENT_DENOM, POOL_A, POOL_B, RESERVE, TOKEN,
    UNDERLYING_DENOM,
};
use crate::options::pool::WorldPool;
use crate::ve::world::World;
use crate::vm::Code;

/// cUSD the trader and the cw20 exerciser are given: enough for every sell and payment.
const CUSD_GRANT: u128 = 1_000_000 * TOKEN;

/// The compiled contracts the world runs.
pub struct Codes {
    pub pool: Rc<Code>,
    pub otoken: Rc<Code>,
    pub farm: Rc<Code>,
}

/// Everyone who acts.
pub struct Actors {
    pub owner: String,
    pub treasury: String,
    pub provider: String,
    pub trader: String,
    pub issuer: String,
    pub farmer: String,
    pub cw20_exerciser: String,
}

impl Actors {
    fn new(api: &MockApi) -> Self {
        Actors {
            owner: api.addr_make("options-owner"),
            treasury: api.addr_make("treasury"),
            provider: api.addr_make("provider"),
            trader: api.addr_make("trader"),
            issuer: api.addr_make("cusd-issuer"),
            farmer: api.addr_make("farmer"),
            cw20_exerciser: api.addr_make("cw20-exerciser"),
        }
    }
}

pub struct Market {
    pub world: World,
    pub actors: Actors,
    pub underlying: AssetInfo,
    pub pool_a: WorldPool,
    pub pool_b: WorldPool,
    pub cusd: Cw20Token,
    pub otoken_native: OToken,
    pub otoken_cw20: OToken,
    pub farm: OTokenFarm,
    /// Spot paths of pools A and B over the history.
    pub path_a: PricePath,
    pub path_b: PricePath,
}

impl Market {
    pub fn build(codes: &Codes, block: &BlockInfo) -> Result<Self> {
        let api = MockApi::default();
        let at = |seed: &str| Addr::unchecked(api.addr_make(seed));
        let world = World::new(block.clone());
        world.stub_code(LP_TOKEN_CODE_ID);
        let a = Actors::new(&api);
        let underlying = AssetInfo::native(UNDERLYING_DENOM);

        let pool_a = WorldPool::deploy(
            &world,
            &codes.pool,
            at(POOL_A.name),
            POOL_A,
            [underlying.clone(), AssetInfo::native(PAYMENT_DENOM)],
            &a.owner,
        )?;
        pool_a.first_join(&world, &a.provider)?;

        let cusd = OToken::deploy(
            &world,
            &codes.otoken,
            OTokenSetup {
                label: "cusd",
                symbol: "cUSD",
                address: at("cusd"),
                owner: &a.owner,
                minter: Some(a.issuer.clone()),
                cap: None,
                payment: AssetInfo::native(PAYMENT_DENOM),
                pool: &pool_a.address,
                treasury: &a.treasury,
            },
        )?
        .token;
        let pool_b = WorldPool::deploy(
            &world,
            &codes.pool,
            at(POOL_B.name),
            POOL_B,
            [cusd.asset(), underlying.clone()],
            &a.owner,
        )?;
        cusd.mint(&world, &a.issuer, &a.provider, POOL_B.balances[0])?;
        cusd.increase_allowance(&world, &a.provider, &pool_b.address, POOL_B.balances[0])?;
        pool_b.first_join(&world, &a.provider)?;
        ensure!(
            cusd.balance(&world, pool_b.address.as_str())? == POOL_B.balances[0],
            "pool B did not pull its cUSD side"
        );

        let farm_address = at("options-farm");
        let otoken_native = OToken::deploy(
            &world,
            &codes.otoken,
            OTokenSetup {
                label: "otoken_native",
                symbol: "oTRLS",
                address: at("otoken-native"),
                owner: &a.owner,
                minter: Some(farm_address.to_string()),
                cap: Some(OTOKEN_CAP),
                payment: AssetInfo::native(PAYMENT_DENOM),
                pool: &pool_a.address,
                treasury: &a.treasury,
            },
        )?;
        let otoken_cw20 = OToken::deploy(
            &world,
            &codes.otoken,
            OTokenSetup {
                label: "otoken_cw20",
                symbol: "oTRLSc",
                address: at("otoken-cw20"),
                owner: &a.owner,
                minter: None,
                cap: Some(OTOKEN_CAP),
                payment: cusd.asset(),
                pool: &pool_b.address,
                treasury: &a.treasury,
            },
        )?;
        for otoken in [&otoken_native, &otoken_cw20] {
            otoken.fund_reserve(&world, &a.owner, RESERVE)?;
            ensure!(
                world.balance(&otoken.address, UNDERLYING_DENOM) == RESERVE,
                "the reserve did not reach {}",
                otoken.address
            );
        }
        otoken_cw20
            .token
            .mint(&world, &a.owner, &a.cw20_exerciser, EXERCISE_AMOUNT)?;
        for holder in [&a.trader, &a.cw20_exerciser] {
            cusd.mint(&world, &a.issuer, holder, CUSD_GRANT)?;
        }

        let farm = OTokenFarm::deploy(
            &world,
            &codes.farm,
            farm_address,
            &a.owner,
            &otoken_native.address,
        )?;
        farm.deposit(&world, &a.farmer, FARM_STAKE)?;

        let paths = run_history(
            &world,
            &[
                Traded {
                    pool: &pool_a,
                    underlying: &underlying,
                },
                Traded {
                    pool: &pool_b,
                    underlying: &underlying,
                },
            ],
            &a.trader,
        )?;
        let [path_a, path_b]: [PricePath; 2] = paths
            .try_into()
            .map_err(|_| anyhow::anyhow!("the history returned the wrong number of paths"))?;
        Ok(Market {
            world,
            actors: a,
            underlying,
            pool_a,
            pool_b,
            cusd,
            otoken_native,
            otoken_cw20,
            farm,
            path_a,
            path_b,
        })
    }
}
