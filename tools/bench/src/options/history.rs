//! The pools' price history before the rows: real swaps at different times, alternately
//! selling the underlying and the payment token, so that the options' TWAP window holds many
//! price changes. The spot price after each swap is kept, to check that the TWAP the options
//! read is an average over the window and not the spot.
use anyhow::{ensure, Result};
use cosmwasm_std::Decimal256;
use trellis_types::AssetInfo;

use crate::options::params::{
    BLOCK_SECONDS, HISTORY_SIZES_BPS, HISTORY_SPACING_SECS, HISTORY_SWAPS,
};
use crate::options::pool::WorldPool;
use crate::ve::world::World;

const BPS: u128 = 10_000;

/// Spot prices of the underlying over time: `(time, price from then on)`, in time order.
#[derive(Clone, Debug, Default)]
pub struct PricePath {
    pub points: Vec<(u64, Decimal256)>,
}

impl PricePath {
    /// The lowest and highest spot price in force during `[start, end]`: the one set last at
    /// or before `start`, and every one set after it up to `end`. `None` when no price was
    /// set by `start`.
    pub fn range(&self, start: u64, end: u64) -> Option<(Decimal256, Decimal256)> {
        let first = self.points.iter().rposition(|(t, _)| *t <= start)?;
        let prices = self.points[first..]
            .iter()
            .take_while(|(t, _)| *t <= end)
            .map(|(_, p)| *p);
        let (mut lo, mut hi) = (Decimal256::MAX, Decimal256::zero());
        for p in prices {
            lo = lo.min(p);
            hi = hi.max(p);
        }
        Some((lo, hi))
    }

    /// The latest spot price.
    pub fn last(&self) -> Option<Decimal256> {
        self.points.last().map(|(_, p)| *p)
    }
}

/// One pool traded by the history, and its underlying.
pub struct Traded<'a> {
    pub pool: &'a WorldPool,
    pub underlying: &'a AssetInfo,
}

/// What swap `k` sells: the underlying on even swaps, the other asset on odd ones, a share of
/// that asset's balance at the pool's creation.
pub fn history_sell(pool: &WorldPool, underlying_index: usize, k: u64) -> (usize, u128) {
    let offer = if k.is_multiple_of(2) {
        underlying_index
    } else {
        1 - underlying_index
    };
    let size_bps = HISTORY_SIZES_BPS[(k % HISTORY_SIZES_BPS.len() as u64) as usize];
    (offer, pool.shape.balances[offer] * size_bps / BPS)
}

/// Runs `HISTORY_SWAPS` rounds `HISTORY_SPACING_SECS` apart; in each, `trader` sells into every
/// pool. Returns each pool's spot path, starting with its price now.
pub fn run_history(world: &World, pools: &[Traded], trader: &str) -> Result<Vec<PricePath>> {
    let mut paths = Vec::with_capacity(pools.len());
    for p in pools {
        let mut path = PricePath::default();
        path.points
            .push((world.now(), p.pool.spot(world, p.underlying)?));
        paths.push(path);
    }
    for k in 0..HISTORY_SWAPS {
        world.advance(HISTORY_SPACING_SECS / BLOCK_SECONDS, HISTORY_SPACING_SECS);
        for (p, path) in pools.iter().zip(paths.iter_mut()) {
            let (offer, amount) = history_sell(p.pool, p.pool.index_of(p.underlying)?, k);
            let tx = p.pool.sell(world, trader, offer, amount)?;
            ensure!(
                tx.skipped.is_empty(),
                "a history swap skipped {:?}",
                tx.skipped
            );
            path.points
                .push((world.now(), p.pool.spot(world, p.underlying)?));
        }
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::{Addr, Decimal};

    fn price(permille: u64) -> Decimal256 {
        Decimal256::from(Decimal::permille(permille))
    }

    #[test]
    fn range_covers_the_price_in_force_at_the_start() {
        let path = PricePath {
            points: vec![
                (100, price(250)),
                (220, price(240)),
                (340, price(260)),
                (460, price(230)),
            ],
        };
        // [300, 400]: 0.24 (set at 220) is in force at 300, then 0.26 from 340.
        assert_eq!(path.range(300, 400), Some((price(240), price(260))));
        // [220, 500]: 0.24, 0.26, 0.23.
        assert_eq!(path.range(220, 500), Some((price(230), price(260))));
        // Before any price: none.
        assert_eq!(path.range(50, 400), None);
        assert_eq!(path.last(), Some(price(230)));
    }

    #[test]
    fn history_alternates_sides_and_sizes() {
        let pool = WorldPool {
            address: Addr::unchecked("p"),
            shape: crate::options::params::POOL_A,
            assets: [AssetInfo::native("u"), AssetInfo::native("p")],
        };
        // Pool A holds 16 M / 1 M tokens; swap 0 sells 0.5% of the underlying's 16 M =
        // 80,000 tokens; swap 1 sells 1% of the payment side's 1 M = 10,000 tokens; swap 4
        // starts the sizes over (0.5%).
        let t = crate::options::params::TOKEN;
        assert_eq!(history_sell(&pool, 0, 0), (0, 80_000 * t));
        assert_eq!(history_sell(&pool, 0, 1), (1, 10_000 * t));
        assert_eq!(history_sell(&pool, 0, 2), (0, 48_000 * t));
        assert_eq!(history_sell(&pool, 0, 3), (1, 8_000 * t));
        assert_eq!(history_sell(&pool, 0, 4), (0, 80_000 * t));
        // With the underlying second, even swaps sell asset 1.
        assert_eq!(history_sell(&pool, 1, 0).0, 1);
    }
}
