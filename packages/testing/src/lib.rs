//! cw-multi-test harness for Trellis.
//!
//! A [`Suite`] owns an embedded chain (`cw_multi_test::App`) with every Trellis contract
//! stored, a chain clock that keeps block height and time consistent, and domain helpers so
//! that tests and the `trellis sim` runner read like scenarios:
//!
//! ```
//! use trellis_testing::{AssetInfo, Curve, FarmOptions, Suite};
//! use cosmwasm_std::Uint128;
//!
//! let mut suite = Suite::new();
//! let lp = suite.create_cw20("LPA", &[("alice", 1_000)]).unwrap();
//! suite
//!     .deploy_farm(FarmOptions::mint_time("ALY", Curve::Constant { rate: Uint128::new(10) }))
//!     .unwrap();
//! let pair = [AssetInfo::native("uaaa"), AssetInfo::native("ubbb")];
//! suite.add_pool_lp(&lp, pair, 1).unwrap();
//! suite.stake("alice", 0, 100).unwrap();
//! suite.advance_seconds(30);
//! assert_eq!(suite.pending("alice", 0).unwrap(), 300);
//! suite.assert_conservation(&["alice"]);
//! ```
//!
//! Layout: one module per concern, each adding an `impl Suite` block.
//! - [`suite`]: the `Suite`, its builder, addresses and the clock;
//! - [`codes`]: the contracts stored in the app (add new contracts here);
//! - [`tokens`]: native and cw20 tokens, balances and transfers;
//! - [`farm`]: deploying the farm and driving it (owner and user actions, queries);
//! - [`amm`]: the pool factory, weighted pools and the router (pools, liquidity, swaps,
//!   routes);
//! - [`cl`]: concentrated-liquidity pools (positions as NFTs: mint, liquidity, collect, burn,
//!   swaps either way and to a tick, NFT transfer and send);
//! - [`ve`]: the voting escrow, gauge controller and fee distributor (locks, votes, weights,
//!   fees), and the farm's boosts and gauge split;
//! - [`conservation`]: the reward-stream conservation checks.
pub mod amm;
pub mod cl;
pub mod cl_farming;
pub mod codes;
pub mod conservation;
pub mod farm;
pub mod options;
pub mod suite;
pub mod tokens;
pub mod ve;

pub use amm::{
    FactoryHandle, FactoryOptions, PoolHandle, RouterHandle, TradeOptions, DEFAULT_ORACLE,
};
pub use cl::{cl_swap_from_events, ClPoolHandle, ClPoolOptions, ClSwapOptions};
pub use cl_farming::{ClFarmingHandle, ScriptedExecute, ScriptedQuery};
pub use codes::{CodeIds, ContractKind};
pub use conservation::{ConservationError, ConservationSnapshot, ExactCheck};
pub use farm::{FarmHandle, FarmOptions, RewardOptions};
pub use suite::{
    RecordedTx, Suite, SuiteBuilder, DEFAULT_BLOCK_SECS, GENESIS_HEIGHT, GENESIS_TIME,
};

pub use trellis_types::asset::{Asset, AssetInfo};
pub use trellis_types::farm::{
    AllocationPolicy, Clock, Curve, Decay, PoolKind, RewardSource, Schedule,
};
pub use trellis_types::router::{Hop, RouteResponse};
pub use trellis_types::weighted_pool::{OracleConfig, SwapResponse};
