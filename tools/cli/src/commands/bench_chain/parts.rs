//! Which vm bench rows make up each transaction of the measured scenarios, and how many coins
//! it moves through the bank (each costs a transfer the vm bench does not see: the funds a
//! message carries in, a contract's `BankMsg` out). Read off the contracts' code paths, not
//! off the chain's answers.

/// A transaction's model: one vm row per contract call `(section, op)`, and the coins moved.
pub struct Parts {
    pub calls: &'static [(&'static str, &'static str)],
    pub coins: u64,
}

const fn parts(calls: &'static [(&'static str, &'static str)], coins: u64) -> Parts {
    Parts { calls, coins }
}

/// The model of `label` in `scenario`; `None` when a call of it has no row of its own in the
/// vm bench (a cw721 send, the center's calls into the pool, a factory's instantiations), so
/// no estimate is claimed.
pub fn of(scenario: &str, label: &str) -> Option<Parts> {
    Some(match (scenario, label) {
        ("farm", "farm.instantiate") => parts(&[("farm", "instantiate")], 0),
        ("farm", "farm.add_pool") => parts(&[("farm", "add_pool")], 0),
        // Every deposit of the scenario is its user's first in that pool: the stake in.
        ("farm", "farm.deposit") => parts(&[("farm", "first_deposit")], 1),
        // The reward out (one coin, both pools' rewards are the same denom).
        ("farm", "farm.claim") => parts(&[("farm", "claim")], 1),
        ("farm", "farm.set_weight") => parts(&[("farm", "set_weight")], 0),
        // The stake out; the reward stays pending.
        ("farm", "farm.withdraw") => parts(&[("farm", "withdraw")], 1),
        ("farm", "farm.emergency_withdraw") => parts(&[("farm", "emergency_withdraw")], 1),
        ("escrow", "escrow.create_lock") => parts(&[("ve.voting_escrow", "create_lock")], 1),
        ("escrow", "escrow.increase_amount") => {
            parts(&[("ve.voting_escrow", "increase_amount")], 1)
        }
        ("escrow", "escrow.increase_unlock_time") => {
            parts(&[("ve.voting_escrow", "increase_unlock_time")], 0)
        }
        ("escrow", "escrow.deposit_for") => parts(&[("ve.voting_escrow", "deposit_for")], 1),
        // Both tokens in, exactly the amounts used: nothing refunded.
        ("cl", "pool.mint") => parts(&[("cl.position_ops", "mint")], 2),
        // The pool crosses one initialized, marked tick and the hook runs on the center: token0
        // in, token1 out, the unspent token0 back.
        ("cl", "pool.swap_exact_in") => parts(
            &[
                ("cl.crossing", "swap_cross_1"),
                ("cl_farming.groups.0.rows", "hook_1_one_farm"),
            ],
            3,
        ),
        ("cl", "center.claim_reward") => parts(&[("cl_farming.groups.0.rows", "claim")], 1),
        ("cl", "pool.decrease_liquidity") => parts(&[("cl.position_ops", "decrease")], 0),
        // Out of range below: token0 only.
        ("cl", "pool.collect") => parts(&[("cl.position_ops", "collect")], 1),
        ("cl", "pool.burn") => parts(&[("cl.position_ops", "burn")], 0),
        // Pool A is 80/20, pool B 50/50; a swap takes one coin in and pays one out (the
        // protocol's share of the fee stays in the pool, owed).
        ("pool", "pool_a.swap_exact_in") => parts(&[("amm.pool_ops@80/20", "swap_exact_in")], 2),
        ("pool", "pool_b.swap_exact_in") => parts(&[("amm.pool_ops@50/50", "swap_exact_in")], 2),
        ("gauges" | "fees", "escrow.create_lock") => {
            parts(&[("ve.voting_escrow", "create_lock")], 1)
        }
        // Every vote of the scenario but one is its voter's first on that gauge; a changed
        // vote costs 63 more in the vm bench.
        ("gauges", "controller.vote_for_gauge_weights") => {
            parts(&[("ve.gauge_controller", "vote_first")], 0)
        }
        // The payment in, the excess back, the treasury paid, the underlying out of the
        // reserve; the vm row includes the pool's TWAP query.
        ("options", "otoken.exercise") => parts(&[("options.rows", "exercise_native")], 4),
        _ => return None,
    })
}
