//! CosmWasm on the chain: code upload (by checksum: a code already stored with the same bytes
//! is reused), instantiation, execution (several messages in one transaction when asked) and
//! smart queries.
use anyhow::{anyhow, Context, Result};
use cosmrs::bank::MsgSend;
use cosmrs::cosmwasm::{MsgExecuteContract, MsgInstantiateContract, MsgStoreCode};
use cosmrs::proto::cosmos::base::query::v1beta1::PageRequest;
use cosmrs::proto::cosmwasm::wasm::v1::{
    QueryCodesRequest, QueryCodesResponse, QuerySmartContractStateRequest,
    QuerySmartContractStateResponse,
};
use cosmrs::tx::Msg;
use cosmrs::{AccountId, Any, Coin};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::node::Node;
use crate::outcome::TxOutcome;
use crate::wallet::Wallet;

fn account(address: &str) -> Result<AccountId> {
    address
        .parse()
        .map_err(|e| anyhow!("not an address: {address}: {e}"))
}

/// Funds attached to a message: (denom, amount) pairs, sorted by denom as the SDK requires.
pub fn coins(funds: &[(&str, u128)]) -> Result<Vec<Coin>> {
    let mut funds = funds.to_vec();
    funds.sort_by(|a, b| a.0.cmp(b.0));
    funds
        .iter()
        .map(|(denom, amount)| {
            Ok(Coin {
                denom: denom.parse().map_err(|e| anyhow!("denom {denom}: {e}"))?,
                amount: *amount,
            })
        })
        .collect()
}

/// The `MsgExecuteContract` of `msg` to `contract`, from `sender`.
pub fn execute_msg<M: Serialize>(
    sender: &Wallet,
    contract: &str,
    msg: &M,
    funds: &[(&str, u128)],
) -> Result<Any> {
    MsgExecuteContract {
        sender: sender.address.clone(),
        contract: account(contract)?,
        msg: serde_json::to_vec(msg)?,
        funds: coins(funds)?,
    }
    .to_any()
    .map_err(|e| anyhow!("encoding MsgExecuteContract: {e}"))
}

/// A bank transfer.
pub fn send_msg(from: &Wallet, to: &str, funds: &[(&str, u128)]) -> Result<Any> {
    MsgSend {
        from_address: from.address.clone(),
        to_address: account(to)?,
        amount: coins(funds)?,
    }
    .to_any()
    .map_err(|e| anyhow!("encoding MsgSend: {e}"))
}

/// The sha256 of a wasm code, hex (as `checksums.txt` and the chain's `data_hash` give it).
pub fn checksum(wasm: &[u8]) -> String {
    Sha256::digest(wasm)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The code gzipped: wasmd unpacks it (the checksum stays the raw code's), and the
/// transaction then fits CometBFT's default 1 MB request limit even hex-encoded in a
/// simulation query.
fn gzip(wasm: &[u8]) -> Result<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(wasm)?;
    Ok(encoder.finish()?)
}

impl Node {
    /// Every stored code: (code id, checksum hex), paging through the chain's list.
    pub async fn codes(&self) -> Result<Vec<(u64, String)>> {
        let mut all = Vec::new();
        let mut key = Vec::new();
        loop {
            let res: QueryCodesResponse = self
                .query(
                    "/cosmwasm.wasm.v1.Query/Codes",
                    &QueryCodesRequest {
                        pagination: Some(PageRequest {
                            key: key.clone(),
                            limit: 100,
                            ..Default::default()
                        }),
                    },
                )
                .await?;
            for info in res.code_infos {
                let hash: String = info.data_hash.iter().map(|b| format!("{b:02x}")).collect();
                all.push((info.code_id, hash));
            }
            match res.pagination.map(|p| p.next_key) {
                Some(next) if !next.is_empty() => key = next,
                _ => return Ok(all),
            }
        }
    }

    /// The id of a code with these bytes: the stored one if any, else a new upload (returned
    /// with its transaction).
    pub async fn store_code(
        &self,
        wallet: &mut Wallet,
        wasm: &[u8],
    ) -> Result<(u64, Option<TxOutcome>)> {
        let sum = checksum(wasm);
        if let Some((id, _)) = self.codes().await?.into_iter().find(|(_, h)| *h == sum) {
            return Ok((id, None));
        }
        let msg = MsgStoreCode {
            sender: wallet.address.clone(),
            wasm_byte_code: gzip(wasm)?,
            instantiate_permission: None,
        }
        .to_any()
        .map_err(|e| anyhow!("encoding MsgStoreCode: {e}"))?;
        let outcome = self.broadcast(wallet, &[msg]).await?;
        let id = outcome
            .attribute("store_code", "code_id")
            .context("no code_id in the store_code event")?
            .parse()?;
        Ok((id, Some(outcome)))
    }

    /// Instantiates `code_id` with `msg`; returns the contract's address and the transaction.
    pub async fn instantiate<M: Serialize>(
        &self,
        wallet: &mut Wallet,
        code_id: u64,
        msg: &M,
        label: &str,
        admin: Option<&str>,
        funds: &[(&str, u128)],
    ) -> Result<(String, TxOutcome)> {
        let any = MsgInstantiateContract {
            sender: wallet.address.clone(),
            admin: admin.map(account).transpose()?,
            code_id,
            label: Some(label.to_string()),
            msg: serde_json::to_vec(msg)?,
            funds: coins(funds)?,
        }
        .to_any()
        .map_err(|e| anyhow!("encoding MsgInstantiateContract: {e}"))?;
        let outcome = self
            .broadcast(wallet, &[any])
            .await
            .with_context(|| format!("instantiating {label} (code {code_id})"))?;
        let address = outcome
            .attribute("instantiate", "_contract_address")
            .context("no instantiate event")?
            .to_string();
        Ok((address, outcome))
    }

    /// Executes `msg` on `contract` in a transaction of its own.
    pub async fn execute<M: Serialize>(
        &self,
        wallet: &mut Wallet,
        contract: &str,
        msg: &M,
        funds: &[(&str, u128)],
    ) -> Result<TxOutcome> {
        let any = execute_msg(wallet, contract, msg, funds)?;
        self.broadcast(wallet, &[any]).await
    }

    /// A smart query, answered as JSON and decoded into `T`.
    pub async fn query_smart<M: Serialize, T: DeserializeOwned>(
        &self,
        contract: &str,
        msg: &M,
    ) -> Result<T> {
        Ok(self.query_smart_at_latest(contract, msg).await?.0)
    }

    /// As [`Self::query_smart`], with the height of the state that answered.
    pub async fn query_smart_at_latest<M: Serialize, T: DeserializeOwned>(
        &self,
        contract: &str,
        msg: &M,
    ) -> Result<(T, u64)> {
        let (res, height): (QuerySmartContractStateResponse, u64) = self
            .query_at_latest(
                "/cosmwasm.wasm.v1.Query/SmartContractState",
                &QuerySmartContractStateRequest {
                    address: contract.to_string(),
                    query_data: serde_json::to_vec(msg)?,
                },
            )
            .await
            .with_context(|| format!("query of {contract}"))?;
        let decoded = serde_json::from_slice(&res.data).with_context(|| {
            format!(
                "decoding the answer of {contract}: {}",
                String::from_utf8_lossy(&res.data)
            )
        })?;
        Ok((decoded, height))
    }
}
