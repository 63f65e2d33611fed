//! The bank of the ve group's chain: balances of the contracts, moved by the funds attached to
//! a call and by the `BankMsg::Send`s a contract returns, so that a contract reading its own
//! balance (the fee distributor's `CheckpointToken`) sees what a chain would show it.
//!
//! Users are not tracked: their coins come from outside the bench (a wallet that always has
//! enough). A contract can never send more than it holds.
use std::collections::BTreeMap;

use anyhow::{bail, Result};
use cosmwasm_std::Coin;

#[derive(Clone, Debug, Default)]
pub struct Bank {
    /// (address, denom) -> amount. A balance spent to zero stays listed at zero, so that the
    /// queriers, which are only ever updated, learn it is gone.
    balances: BTreeMap<(String, String), u128>,
}

impl Bank {
    pub fn balance(&self, address: &str, denom: &str) -> u128 {
        self.balances
            .get(&(address.to_string(), denom.to_string()))
            .copied()
            .unwrap_or(0)
    }

    /// Every account's coins, for the queriers' bank answers.
    pub fn accounts(&self) -> BTreeMap<String, Vec<Coin>> {
        let mut out: BTreeMap<String, Vec<Coin>> = BTreeMap::new();
        for ((address, denom), amount) in &self.balances {
            out.entry(address.clone())
                .or_default()
                .push(Coin::new(*amount, denom.clone()));
        }
        out
    }

    /// Coins arriving from outside the tracked accounts (a user's wallet, a fee transfer).
    pub fn credit(&mut self, address: &str, coins: &[Coin]) -> Result<()> {
        for c in coins.iter().filter(|c| !c.amount.is_zero()) {
            let slot = self
                .balances
                .entry((address.to_string(), c.denom.clone()))
                .or_default();
            let Some(sum) = slot.checked_add(c.amount.u128()) else {
                bail!("balance of {address} in {} overflows", c.denom);
            };
            *slot = sum;
        }
        Ok(())
    }

    /// Coins leaving `address`, which must hold them.
    pub fn debit(&mut self, address: &str, coins: &[Coin]) -> Result<()> {
        for c in coins.iter().filter(|c| !c.amount.is_zero()) {
            let held = self.balance(address, &c.denom);
            let Some(left) = held.checked_sub(c.amount.u128()) else {
                bail!("{address} sends {c} but holds {held}{}", c.denom);
            };
            self.balances
                .insert((address.to_string(), c.denom.clone()), left);
        }
        Ok(())
    }

    /// A transfer between two accounts; `from` is debited only when `from_tracked` (a
    /// contract), else the coins come from outside.
    pub fn transfer(
        &mut self,
        from: &str,
        from_tracked: bool,
        to: &str,
        coins: &[Coin],
    ) -> Result<()> {
        if from_tracked {
            self.debit(from, coins)?;
        }
        self.credit(to, coins)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_debits_and_refuses_overdrafts() {
        let mut bank = Bank::default();
        bank.credit(
            "fees",
            &[Coin::new(500u128, "uusdc"), Coin::new(0u128, "ux")],
        )
        .unwrap();
        // A user's deposit comes from outside: only the contract is credited.
        bank.transfer("alice", false, "fees", &[Coin::new(250u128, "uusdc")])
            .unwrap();
        assert_eq!(bank.balance("fees", "uusdc"), 750);
        assert_eq!(bank.balance("alice", "uusdc"), 0);
        // The contract pays 700 of its 750 to alice: 50 left.
        bank.transfer("fees", true, "alice", &[Coin::new(700u128, "uusdc")])
            .unwrap();
        assert_eq!(bank.balance("fees", "uusdc"), 50);
        assert_eq!(bank.balance("alice", "uusdc"), 700);
        // 51 > 50: refused, nothing moves.
        assert!(bank
            .transfer("fees", true, "alice", &[Coin::new(51u128, "uusdc")])
            .is_err());
        assert_eq!(bank.balance("fees", "uusdc"), 50);
        // Zero coins are never credited (no "ux" entry); a spent balance stays at zero.
        bank.debit("fees", &[Coin::new(50u128, "uusdc")]).unwrap();
        let accounts = bank.accounts();
        assert_eq!(accounts.len(), 2);
        assert_eq!(accounts["alice"], vec![Coin::new(700u128, "uusdc")]);
        assert_eq!(accounts["fees"], vec![Coin::new(0u128, "uusdc")]);
    }
}
