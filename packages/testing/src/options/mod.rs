//! The options token (oTOKEN), deployed and driven through the suite:
//! - this file: options and the handle;
//! - `deploy`: instantiating an oTOKEN (underlying minted by it or paid from a reserve),
//!   funding the reserve, and a farm whose reward is the oTOKEN;
//! - `exercise`: exercising with native funds or a cw20 payment `Send`, and the outcome read
//!   from the contract's event;
//! - `query`: config, strike, simulated exercise, totals, balances.
//!
//! Like the escrow, an oTOKEN is addressed through its handle (a scenario may run several).
//! It is a cw20, so the farm mints it like any minted reward: deploy the oTOKEN (the suite
//! owner is its minter), then [`Suite::deploy_options_farm`] hands the role to the farm.
//!
//! ```
//! use cosmwasm_std::Decimal;
//! use trellis_testing::options::OptionsTokenOptions;
//! use trellis_testing::tokens::Cw20Options;
//! use trellis_testing::{AssetInfo, FactoryOptions, Suite};
//!
//! let mut suite = Suite::new();
//! let owner = suite.owner.clone();
//! let lit = suite
//!     .create_cw20_with("LIT", &[], Cw20Options { minter: Some(owner), ..Default::default() })
//!     .unwrap();
//! let weth = suite.register_native("WETH", "uweth");
//! suite.deploy_factory(FactoryOptions::new(lit.clone())).unwrap();
//! let pool = suite
//!     .create_weighted_pool("owner", [lit.clone(), weth.clone()],
//!         [Decimal::percent(50), Decimal::percent(50)], 30)
//!     .unwrap();
//! let treasury = suite.addr("treasury");
//! let options = OptionsTokenOptions::mint("oLIT", lit, weth, &pool.address, treasury);
//! let otoken = suite.deploy_options_token(options).unwrap();
//! assert_eq!(suite.options_config(&otoken).unwrap().multiplier_bps, 5_000);
//! ```
mod deploy;
mod exercise;
mod query;

use cosmwasm_std::{Addr, Decimal, Uint128};
use trellis_types::asset::AssetInfo;
pub use trellis_types::options_token::Delivery;

pub use exercise::{ExerciseArgs, ExerciseOutcome};

/// Window of [`OptionsTokenOptions::mint`] and `reserve`: 30 minutes.
pub const DEFAULT_WINDOW_SECS: u64 = 1_800;
/// Multiplier of [`OptionsTokenOptions::mint`] and `reserve`: the strike is half the TWAP.
pub const DEFAULT_MULTIPLIER_BPS: u32 = 5_000;

/// How to instantiate an oTOKEN (owned by the suite owner, who is also its first minter).
#[derive(Clone, Debug, PartialEq)]
pub struct OptionsTokenOptions {
    /// The oTOKEN's cw20 symbol; the suite registers the token under it.
    pub symbol: String,
    pub decimals: u8,
    pub underlying: AssetInfo,
    /// `Mint`: the harness makes the oTOKEN the minter of the (cw20) underlying, taking the
    /// role from the suite owner. `Reserve`: fund it with [`Suite::fund_options_reserve`].
    pub delivery: Delivery,
    pub payment: AssetInfo,
    /// The weighted pool of the underlying and the payment token whose TWAP prices it.
    pub pool: Addr,
    pub window_secs: u64,
    pub ago_secs: u64,
    pub multiplier_bps: u32,
    /// Lowest strike, payment per underlying.
    pub min_price: Decimal,
    pub treasury: Addr,
    /// Most oTOKEN ever issued.
    pub cap: Option<Uint128>,
}

impl OptionsTokenOptions {
    /// Minted underlying, 6 decimals, [`DEFAULT_WINDOW_SECS`], [`DEFAULT_MULTIPLIER_BPS`],
    /// minimum price one atomic (1e-18, the least the contract accepts), no cap.
    pub fn mint(
        symbol: &str,
        underlying: AssetInfo,
        payment: AssetInfo,
        pool: &Addr,
        treasury: Addr,
    ) -> Self {
        OptionsTokenOptions {
            symbol: symbol.to_string(),
            decimals: 6,
            underlying,
            delivery: Delivery::Mint,
            payment,
            pool: pool.clone(),
            window_secs: DEFAULT_WINDOW_SECS,
            ago_secs: 0,
            multiplier_bps: DEFAULT_MULTIPLIER_BPS,
            min_price: Decimal::raw(1),
            treasury,
            cap: None,
        }
    }

    /// [`OptionsTokenOptions::mint`] with the underlying paid from a reserve.
    pub fn reserve(
        symbol: &str,
        underlying: AssetInfo,
        payment: AssetInfo,
        pool: &Addr,
        treasury: Addr,
    ) -> Self {
        OptionsTokenOptions {
            delivery: Delivery::Reserve,
            ..Self::mint(symbol, underlying, payment, pool, treasury)
        }
    }

    pub fn window(mut self, window_secs: u64, ago_secs: u64) -> Self {
        self.window_secs = window_secs;
        self.ago_secs = ago_secs;
        self
    }

    pub fn multiplier_bps(mut self, bps: u32) -> Self {
        self.multiplier_bps = bps;
        self
    }

    pub fn min_price(mut self, price: Decimal) -> Self {
        self.min_price = price;
        self
    }

    pub fn decimals(mut self, decimals: u8) -> Self {
        self.decimals = decimals;
        self
    }

    pub fn cap(mut self, cap: u128) -> Self {
        self.cap = Some(Uint128::new(cap));
        self
    }
}

/// A deployed oTOKEN.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionsTokenHandle {
    pub addr: Addr,
    /// The oTOKEN itself as an asset (a cw20 at `addr`).
    pub asset: AssetInfo,
    pub symbol: String,
    pub underlying: AssetInfo,
    pub payment: AssetInfo,
    pub delivery: Delivery,
    pub treasury: Addr,
}
