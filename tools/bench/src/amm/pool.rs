//! One weighted pool under test, native assets on both sides, driven as a user and a chain
//! would: deployed with its LP token's instantiation answered by a reply, then traded with
//! each action checked against the pool's own simulation of it.
use anyhow::{anyhow, bail, ensure, Context, Result};
use cosmwasm_std::{
    from_json, to_json_binary, Addr, BlockInfo, Coin, CosmosMsg, Decimal, ReplyOn, Response,
    Uint128, WasmMsg,
};
use cosmwasm_vm::testing::MockApi;
use cw20::Cw20ReceiveMsg;
use trellis_types::weighted_pool::{
    ExecuteMsg, ExitResponse, InstantiateMsg, JoinResponse, OracleConfig, OracleSamplesResponse,
    PoolInfoResponse, QueryMsg, ReceiveMsg, SwapResponse, TwapResponse, WeightedAssetInfo,
};
use trellis_types::{Asset, AssetInfo};

use crate::amm::params::{
    max_in_with_slippage, min_out_with_slippage, DEADLINE_SECS, LP_TOKEN_CODE_ID,
    PROTOCOL_FEE_SHARE_BPS, SWAP_FEE_BPS,
};
use crate::chain;
use crate::vm::{Code, Contract, Cost};

/// A pool's shape: its two native denoms, weights (percent) and first-join balances.
#[derive(Clone, Copy, Debug)]
pub struct PoolSpec {
    /// `50/50` or `80/20`, as reported.
    pub label: &'static str,
    /// Seed of the pool's address (`MockApi::addr_make`).
    pub name: &'static str,
    pub denoms: [&'static str; 2],
    pub weights_pct: [u64; 2],
    pub balances: [u128; 2],
}

/// The addresses a pool deals with.
pub struct Actors {
    pub creator: String,
    pub owner: String,
    pub fee_collector: String,
    pub provider: String,
    pub trader: String,
}

impl Actors {
    pub fn new(api: &MockApi) -> Self {
        Actors {
            creator: api.addr_make("pool-factory"),
            owner: api.addr_make("owner"),
            fee_collector: api.addr_make("fee-collector"),
            provider: api.addr_make("provider"),
            trader: api.addr_make("trader"),
        }
    }
}

/// What deploying a pool cost, call by call.
pub struct DeployCosts {
    pub instantiate: Cost,
    pub lp_token_reply: Cost,
    pub first_join: Cost,
}

pub struct Pool<'a> {
    pub contract: Contract<'a>,
    pub spec: PoolSpec,
    pub lp_token: Addr,
}

/// The response's `data`, parsed.
fn response_data<T: serde::de::DeserializeOwned>(res: &Response, what: &str) -> Result<T> {
    let data = res
        .data
        .as_ref()
        .ok_or_else(|| anyhow!("{what}: the pool set no response data"))?;
    from_json(data).with_context(|| format!("{what}: parsing the response data"))
}

/// Coins as a chain requires them in `funds`: sorted by denom, no zero amounts.
pub fn sorted_funds(coins: &[(&str, u128)]) -> Vec<Coin> {
    let mut funds: Vec<Coin> = coins
        .iter()
        .filter(|(_, amount)| *amount > 0)
        .map(|(denom, amount)| Coin::new(*amount, *denom))
        .collect();
    funds.sort_by(|a, b| a.denom.cmp(&b.denom));
    funds
}

impl<'a> Pool<'a> {
    /// Instantiates the pool at `address` in `block`, answers its LP token submessage with
    /// the reply a chain sends, and makes the first join with `spec.balances`.
    pub fn deploy(
        code: &'a Code,
        spec: PoolSpec,
        oracle: OracleConfig,
        block: &BlockInfo,
        actors: &Actors,
        api: &MockApi,
    ) -> Result<(Self, DeployCosts)> {
        let address = Addr::unchecked(api.addr_make(spec.name));
        let mut contract = Contract::at(code, address);
        contract.set_block(block.clone());
        let msg = InstantiateMsg {
            assets: [0, 1].map(|i| WeightedAssetInfo {
                info: AssetInfo::native(spec.denoms[i]),
                weight: Decimal::percent(spec.weights_pct[i]),
                // The bench's natives are 6-decimal denoms.
                decimals: 6,
            }),
            swap_fee_bps: SWAP_FEE_BPS,
            protocol_fee_share_bps: PROTOCOL_FEE_SHARE_BPS,
            fee_collector: Some(actors.fee_collector.clone()),
            owner: actors.owner.clone(),
            lp_token_code_id: LP_TOKEN_CODE_ID,
            lp_token_name: None,
            lp_token_symbol: None,
            oracle,
        };
        let (res, instantiate) = contract
            .instantiate(&actors.creator, &[], &msg)
            .with_context(|| format!("instantiate the {} pool", spec.label))?;

        // The chain instantiates the LP token (cw20-base, not run here) and replies with its
        // address. cw20-base's instantiate returns no data.
        let [sub] = res.messages.as_slice() else {
            bail!(
                "the pool's instantiate returned {} messages, expected the LP token's",
                res.messages.len()
            );
        };
        ensure!(
            matches!(sub.reply_on, ReplyOn::Success | ReplyOn::Always),
            "the LP token submessage asks for no reply on success"
        );
        let CosmosMsg::Wasm(WasmMsg::Instantiate { code_id, .. }) = &sub.msg else {
            bail!(
                "the pool's submessage is not a WasmMsg::Instantiate: {:?}",
                sub.msg
            );
        };
        ensure!(
            *code_id == LP_TOKEN_CODE_ID,
            "LP token instantiated from code {code_id}"
        );
        let lp_token = Addr::unchecked(api.addr_make(&format!("{}-lp-token", spec.name)));
        // gas_used 0: the bench does not run cw20-base, and the pool does not read it.
        let reply =
            chain::instantiate_reply(sub.id, sub.payload.clone(), *code_id, &lp_token, None, 0);
        let (_, lp_token_reply) = contract.reply(&reply).context("the LP token reply")?;

        let mut pool = Pool {
            contract,
            spec,
            lp_token,
        };
        let info = pool.info()?;
        ensure!(
            info.lp_token == pool.lp_token.as_str(),
            "the pool stored LP token {} instead of {}",
            info.lp_token,
            pool.lp_token
        );

        let amounts = spec.balances;
        let funds = sorted_funds(&[(spec.denoms[0], amounts[0]), (spec.denoms[1], amounts[1])]);
        let msg = ExecuteMsg::Join {
            max_amounts: amounts.map(Uint128::new),
            min_lp_out: None,
            recipient: None,
            deadline: None,
        };
        let (res, first_join) = pool
            .contract
            .execute(&actors.provider, &funds, &msg)
            .with_context(|| format!("first join of the {} pool", spec.label))?;
        let joined: JoinResponse = response_data(&res, "first join")?;
        ensure!(
            joined.amounts_in == amounts.map(Uint128::new),
            "the first join took {:?} of {amounts:?}",
            joined.amounts_in
        );
        Ok((
            pool,
            DeployCosts {
                instantiate,
                lp_token_reply,
                first_join,
            },
        ))
    }

    pub fn address(&self) -> &Addr {
        self.contract.address()
    }

    pub fn denom(&self, i: usize) -> &'static str {
        self.spec.denoms[i]
    }

    pub fn info(&mut self) -> Result<PoolInfoResponse> {
        self.contract.query(&QueryMsg::PoolInfo {})
    }

    pub fn balances(&mut self) -> Result<[u128; 2]> {
        Ok(self.info()?.assets.map(|a| a.balance.u128()))
    }

    fn deadline(&self) -> Option<u64> {
        Some(self.contract.now().seconds() + DEADLINE_SECS)
    }

    /// Sells `amount` of asset `offer` with a slippage limit taken from the simulation, and
    /// checks the swap did exactly what the simulation said.
    pub fn swap_exact_in(
        &mut self,
        sender: &str,
        offer: usize,
        amount: u128,
    ) -> Result<(SwapResponse, Cost)> {
        let denom = self.denom(offer);
        let expected: SwapResponse = self.contract.query(&QueryMsg::SimulateSwapExactIn {
            offer: Asset {
                info: AssetInfo::native(denom),
                amount: Uint128::new(amount),
            },
        })?;
        let msg = ExecuteMsg::SwapExactIn {
            min_out: Some(min_out_with_slippage(expected.amount_out)),
            recipient: None,
            deadline: self.deadline(),
        };
        let (res, cost) = self
            .contract
            .execute(sender, &[Coin::new(amount, denom)], &msg)
            .context("swap exact in")?;
        let got: SwapResponse = response_data(&res, "swap exact in")?;
        ensure!(
            got == expected,
            "swap exact in did {got:?}, simulated {expected:?}"
        );
        Ok((got, cost))
    }

    /// Buys exactly `amount_out` of asset `ask`, paying the other asset with the simulated
    /// amount in plus slippage as the maximum (the excess is refunded).
    pub fn swap_exact_out(
        &mut self,
        sender: &str,
        ask: usize,
        amount_out: u128,
    ) -> Result<(SwapResponse, Cost)> {
        let expected: SwapResponse = self.contract.query(&QueryMsg::SimulateSwapExactOut {
            ask: Asset {
                info: AssetInfo::native(self.denom(ask)),
                amount: Uint128::new(amount_out),
            },
        })?;
        let max_in = max_in_with_slippage(expected.amount_in)?;
        let msg = ExecuteMsg::SwapExactOut {
            amount_out: Uint128::new(amount_out),
            recipient: None,
            deadline: self.deadline(),
        };
        let (res, cost) = self
            .contract
            .execute(sender, &[Coin::new(max_in, self.denom(1 - ask))], &msg)
            .context("swap exact out")?;
        let got: SwapResponse = response_data(&res, "swap exact out")?;
        ensure!(
            got == expected,
            "swap exact out did {got:?}, simulated {expected:?}"
        );
        Ok((got, cost))
    }

    /// Sells `amount` of asset `offer` without a simulation or limits: setup traffic.
    pub fn swap_plain(&mut self, sender: &str, offer: usize, amount: u128) -> Result<()> {
        let msg = ExecuteMsg::SwapExactIn {
            min_out: None,
            recipient: None,
            deadline: None,
        };
        self.contract
            .execute(sender, &[Coin::new(amount, self.denom(offer))], &msg)
            .map(|_| ())
    }

    /// Proportional join within `max_amounts` (pool order), attached exactly as declared.
    pub fn join(&mut self, sender: &str, max_amounts: [u128; 2]) -> Result<(JoinResponse, Cost)> {
        let max = max_amounts.map(Uint128::new);
        let expected: JoinResponse = self
            .contract
            .query(&QueryMsg::SimulateJoin { max_amounts: max })?;
        let msg = ExecuteMsg::Join {
            max_amounts: max,
            min_lp_out: Some(min_out_with_slippage(expected.lp_out)),
            recipient: None,
            deadline: self.deadline(),
        };
        let funds = sorted_funds(&[
            (self.denom(0), max_amounts[0]),
            (self.denom(1), max_amounts[1]),
        ]);
        let (res, cost) = self
            .contract
            .execute(sender, &funds, &msg)
            .context("join")?;
        let got: JoinResponse = response_data(&res, "join")?;
        ensure!(got == expected, "join did {got:?}, simulated {expected:?}");
        Ok((got, cost))
    }

    /// Single-asset join with `amount` of asset `offer`.
    pub fn join_single(
        &mut self,
        sender: &str,
        offer: usize,
        amount: u128,
    ) -> Result<(JoinResponse, Cost)> {
        let denom = self.denom(offer);
        let expected: JoinResponse = self.contract.query(&QueryMsg::SimulateJoinSingle {
            offer: Asset {
                info: AssetInfo::native(denom),
                amount: Uint128::new(amount),
            },
        })?;
        let msg = ExecuteMsg::JoinSingle {
            min_lp_out: Some(min_out_with_slippage(expected.lp_out)),
            recipient: None,
            deadline: self.deadline(),
        };
        let (res, cost) = self
            .contract
            .execute(sender, &[Coin::new(amount, denom)], &msg)
            .context("join single")?;
        let got: JoinResponse = response_data(&res, "join single")?;
        ensure!(
            got == expected,
            "join single did {got:?}, simulated {expected:?}"
        );
        Ok((got, cost))
    }

    /// The LP token's cw20 `Send` of `lp_amount` to the pool with `hook`, as cw20-base calls
    /// it: `execute(Receive)` from the LP token's address.
    fn lp_hook(
        &mut self,
        owner: &str,
        lp_amount: u128,
        hook: &ReceiveMsg,
    ) -> Result<(Response, Cost)> {
        let msg = ExecuteMsg::Receive(Cw20ReceiveMsg {
            sender: owner.to_string(),
            amount: Uint128::new(lp_amount),
            msg: to_json_binary(hook)?,
        });
        let lp_token = self.lp_token.to_string();
        self.contract.execute(&lp_token, &[], &msg)
    }

    /// Proportional exit of `lp_amount` LP tokens through the LP token's hook.
    pub fn exit(&mut self, owner: &str, lp_amount: u128) -> Result<(ExitResponse, Cost)> {
        let expected: ExitResponse = self.contract.query(&QueryMsg::SimulateExit {
            lp_amount: Uint128::new(lp_amount),
        })?;
        let hook = ReceiveMsg::Exit {
            min_amounts_out: Some(expected.amounts_out.map(min_out_with_slippage)),
            recipient: None,
            deadline: self.deadline(),
        };
        let (res, cost) = self.lp_hook(owner, lp_amount, &hook).context("exit")?;
        let got: ExitResponse = response_data(&res, "exit")?;
        ensure!(got == expected, "exit did {got:?}, simulated {expected:?}");
        Ok((got, cost))
    }

    /// Single-asset exit of `lp_amount` LP tokens for asset `ask`, through the LP hook.
    pub fn exit_single(
        &mut self,
        owner: &str,
        lp_amount: u128,
        ask: usize,
    ) -> Result<(ExitResponse, Cost)> {
        let asset = AssetInfo::native(self.denom(ask));
        let expected: ExitResponse = self.contract.query(&QueryMsg::SimulateExitSingle {
            lp_amount: Uint128::new(lp_amount),
            asset: asset.clone(),
        })?;
        let hook = ReceiveMsg::ExitSingle {
            asset,
            min_out: Some(min_out_with_slippage(expected.amounts_out[ask])),
            recipient: None,
            deadline: self.deadline(),
        };
        let (res, cost) = self
            .lp_hook(owner, lp_amount, &hook)
            .context("exit single")?;
        let got: ExitResponse = response_data(&res, "exit single")?;
        ensure!(
            got == expected,
            "exit single did {got:?}, simulated {expected:?}"
        );
        Ok((got, cost))
    }

    /// The TWAP of asset 0 over `[now - ago - window, now - ago]`, and what the query cost.
    pub fn twap(&mut self, window_secs: u64, ago_secs: u64) -> Result<(TwapResponse, Cost)> {
        self.contract
            .query_with_cost(&QueryMsg::Twap {
                base: AssetInfo::native(self.denom(0)),
                window_secs,
                ago_secs,
            })
            .context("twap query")
    }

    /// The oldest sample kept in the ring buffer.
    pub fn oldest_sample_time(&mut self) -> Result<u64> {
        let res: OracleSamplesResponse = self.contract.query(&QueryMsg::OracleSamples {
            start_after: None,
            limit: Some(1),
        })?;
        res.samples
            .first()
            .map(|s| s.timestamp)
            .ok_or_else(|| anyhow!("the oracle has no sample"))
    }
}
