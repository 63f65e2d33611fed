//! A node of the chain over CometBFT RPC: queries through `abci_query` (protobuf requests of
//! the Cosmos SDK's gRPC services, carried over RPC), and signed transactions, simulated for
//! their gas, broadcast and waited for until a block includes them.
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use cosmrs::proto::cosmos::auth::v1beta1::{
    BaseAccount, QueryAccountRequest, QueryAccountResponse,
};
use cosmrs::proto::cosmos::bank::v1beta1::{QueryBalanceRequest, QueryBalanceResponse};
use cosmrs::proto::cosmos::tx::v1beta1::{SimulateRequest, SimulateResponse};
use cosmrs::proto::prost::Message;
use cosmrs::rpc::{Client, HttpClient};
use cosmrs::tendermint::Hash;
use cosmrs::tx::{self, Fee, SignDoc, SignerInfo};
use cosmrs::{Any, Coin, Denom};

use crate::outcome::TxOutcome;
use crate::wallet::Wallet;

/// How to reach and pay a chain.
#[derive(Clone, Debug)]
pub struct NodeConfig {
    /// CometBFT RPC, e.g. `http://127.0.0.1:26657`.
    pub rpc: String,
    pub chain_id: String,
    /// The fee denom and its price per unit of gas (a decimal string, e.g. "0.025").
    pub fee_denom: String,
    pub gas_price: f64,
    /// The gas limit asked for is the simulated gas times this.
    pub gas_adjustment: f64,
    /// Bech32 prefix of addresses.
    pub prefix: String,
}

pub struct Node {
    client: HttpClient,
    pub config: NodeConfig,
}

/// Longest wait for a broadcast transaction to be included.
const INCLUSION_TIMEOUT: Duration = Duration::from_secs(30);

impl Node {
    pub fn connect(config: NodeConfig) -> Result<Self> {
        let client = HttpClient::new(config.rpc.as_str())
            .map_err(|e| anyhow!("CometBFT RPC {}: {e}", config.rpc))?;
        Ok(Self { client, config })
    }

    /// A protobuf query of an SDK service (`path` as `/cosmos.bank.v1beta1.Query/Balance`).
    pub async fn query<Req: Message, Res: Message + Default>(
        &self,
        path: &str,
        request: &Req,
    ) -> Result<Res> {
        Ok(self.query_at_latest(path, request).await?.0)
    }

    /// As [`Self::query`], with the height of the state that answered.
    pub async fn query_at_latest<Req: Message, Res: Message + Default>(
        &self,
        path: &str,
        request: &Req,
    ) -> Result<(Res, u64)> {
        let answer = self
            .client
            .abci_query(Some(path.to_string()), request.encode_to_vec(), None, false)
            .await
            .with_context(|| format!("abci_query {path}"))?;
        if answer.code.is_err() {
            bail!("{path}: {}", answer.log);
        }
        let res =
            Res::decode(answer.value.as_slice()).with_context(|| format!("decoding {path}"))?;
        Ok((res, answer.height.value()))
    }

    pub async fn balance(&self, address: &str, denom: &str) -> Result<u128> {
        let res: QueryBalanceResponse = self
            .query(
                "/cosmos.bank.v1beta1.Query/Balance",
                &QueryBalanceRequest {
                    address: address.to_string(),
                    denom: denom.to_string(),
                },
            )
            .await?;
        let amount = res.balance.map(|c| c.amount).unwrap_or_default();
        if amount.is_empty() {
            return Ok(0);
        }
        amount.parse().context("a balance that is not an integer")
    }

    /// The account's number and sequence; `None` while the chain has never seen it.
    pub async fn account(&self, address: &str) -> Result<Option<(u64, u64)>> {
        let res: Result<QueryAccountResponse> = self
            .query(
                "/cosmos.auth.v1beta1.Query/Account",
                &QueryAccountRequest {
                    address: address.to_string(),
                },
            )
            .await;
        let res = match res {
            Ok(res) => res,
            Err(e) if format!("{e:#}").contains("not found") => return Ok(None),
            Err(e) => return Err(e),
        };
        let any = res.account.context("no account in the answer")?;
        let base = BaseAccount::decode(any.value.as_slice()).context("not a BaseAccount")?;
        Ok(Some((base.account_number, base.sequence)))
    }

    /// The time of block `height`, in nanoseconds since the epoch (the contracts' block time).
    pub async fn block_time_nanos(&self, height: u64) -> Result<u64> {
        let block = self
            .client
            .block(cosmrs::tendermint::block::Height::try_from(height)?)
            .await
            .with_context(|| format!("block {height}"))?;
        let nanos = block.block.header.time.unix_timestamp_nanos();
        u64::try_from(nanos).context("a block before 1970")
    }

    pub async fn latest_height(&self) -> Result<u64> {
        let status = self.client.status().await.context("status")?;
        Ok(status.sync_info.latest_block_height.value())
    }

    /// Waits until the chain has made a block after the current one.
    pub async fn next_block(&self) -> Result<u64> {
        let now = self.latest_height().await?;
        let started = Instant::now();
        loop {
            let height = self.latest_height().await?;
            if height > now {
                return Ok(height);
            }
            if started.elapsed() > INCLUSION_TIMEOUT {
                bail!("the chain made no block after {now} in {INCLUSION_TIMEOUT:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn signed(&self, wallet: &Wallet, msgs: &[Any], gas: u64, memo: &str) -> Result<Vec<u8>> {
        let (number, sequence) = wallet
            .account
            .context("the wallet's account was not loaded")?;
        let body = tx::Body::new(msgs.to_vec(), memo, 0u32);
        let fee_amount = (gas as f64 * self.config.gas_price).ceil() as u128;
        let denom: Denom = self
            .config
            .fee_denom
            .parse()
            .map_err(|e| anyhow!("fee denom: {e}"))?;
        // A zero fee is no coin at all: the SDK refuses zero amounts in a coin list.
        let fee = if fee_amount == 0 {
            Fee {
                amount: vec![],
                gas_limit: gas,
                payer: None,
                granter: None,
            }
        } else {
            Fee::from_amount_and_gas(
                Coin {
                    denom,
                    amount: fee_amount,
                },
                gas,
            )
        };
        let auth_info =
            SignerInfo::single_direct(Some(wallet.key().public_key()), sequence).auth_info(fee);
        let doc = SignDoc::new(&body, &auth_info, &self.config.chain_id.parse()?, number)
            .map_err(|e| anyhow!("sign doc: {e}"))?;
        let raw = doc
            .sign(wallet.key())
            .map_err(|e| anyhow!("signing: {e}"))?;
        raw.to_bytes().map_err(|e| anyhow!("encoding the tx: {e}"))
    }

    /// The SDK gas the messages would use now (a simulation, signed but not broadcast).
    pub async fn simulate(&self, wallet: &mut Wallet, msgs: &[Any]) -> Result<u64> {
        self.load_account(wallet).await?;
        let tx_bytes = self.signed(wallet, msgs, 0, "")?;
        #[allow(deprecated)] // `tx`: the SDK reads `tx_bytes` when it is set.
        let request = SimulateRequest { tx: None, tx_bytes };
        let res: SimulateResponse = self
            .query("/cosmos.tx.v1beta1.Service/Simulate", &request)
            .await?;
        Ok(res.gas_info.context("no gas info")?.gas_used)
    }

    async fn load_account(&self, wallet: &mut Wallet) -> Result<()> {
        if wallet.account.is_none() {
            wallet.account = Some(
                self.account(&wallet.addr())
                    .await?
                    .with_context(|| format!("account {} has no funds on chain", wallet.addr()))?,
            );
        }
        Ok(())
    }

    /// The gas limit asked for a transaction that simulated at `simulated`: the adjustment,
    /// plus a margin for the signature a simulation does not fully charge.
    pub fn gas_limit(&self, simulated: u64) -> u64 {
        (simulated as f64 * self.config.gas_adjustment).ceil() as u64 + 20_000
    }

    /// Signs, broadcasts and waits for `msgs` as one transaction; fails if it fails.
    pub async fn broadcast(&self, wallet: &mut Wallet, msgs: &[Any]) -> Result<TxOutcome> {
        let simulated = self.simulate(wallet, msgs).await?;
        self.broadcast_with_gas(wallet, msgs, self.gas_limit(simulated))
            .await
    }

    /// As [`Self::broadcast`], with the gas limit given.
    pub async fn broadcast_with_gas(
        &self,
        wallet: &mut Wallet,
        msgs: &[Any],
        gas: u64,
    ) -> Result<TxOutcome> {
        self.load_account(wallet).await?;
        let tx_bytes = self.signed(wallet, msgs, gas, "")?;
        let size = tx_bytes.len();
        let sent = self
            .client
            .broadcast_tx_sync(tx_bytes)
            .await
            .context("broadcast_tx_sync")?;
        if sent.code.is_err() {
            // Rejected before inclusion: the sequence was not used. Re-read it next time.
            wallet.account = None;
            bail!("the node refused the transaction: {}", sent.log);
        }
        if let Some((_, sequence)) = wallet.account.as_mut() {
            *sequence += 1;
        }
        let mut outcome = self.wait_for(sent.hash).await?;
        outcome.tx_bytes = size;
        Ok(outcome)
    }

    async fn wait_for(&self, hash: Hash) -> Result<TxOutcome> {
        let started = Instant::now();
        let found = loop {
            match self.client.tx(hash, false).await {
                Ok(found) => break found,
                Err(_) if started.elapsed() < INCLUSION_TIMEOUT => {
                    tokio::time::sleep(Duration::from_millis(50)).await
                }
                Err(e) => bail!("transaction {hash} not included after {INCLUSION_TIMEOUT:?}: {e}"),
            }
        };
        let result = &found.tx_result;
        if result.code.is_err() {
            bail!(
                "transaction {hash} failed (code {}): {}",
                result.code.value(),
                result.log
            );
        }
        let height = found.height.value();
        let nanos = self.block_time_nanos(height).await?;
        Ok(TxOutcome {
            hash: hash.to_string(),
            height,
            time_secs: nanos / 1_000_000_000,
            time_nanos: nanos,
            gas_used: result.gas_used as u64,
            gas_wanted: result.gas_wanted as u64,
            tx_bytes: 0,
            events: TxOutcome::events_of(result),
            data: result.data.to_vec(),
        })
    }
}
