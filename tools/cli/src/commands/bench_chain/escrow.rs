//! Locks on the escrow, as a scenario of `trellis bench chain` (not compared with
//! cw-multi-test: the suite's escrow checks are in `tools/chain-tests/tests/notices.rs`).
use anyhow::Result;
use serde_json::to_value;
use trellis_chain_tests::compare::Scenario;
use trellis_chain_tests::{Ledger, Observations};
use trellis_testing::ContractKind;
use trellis_types::voting_escrow::{ExecuteMsg, InstantiateMsg, WEEK};
use trellis_types::AssetInfo;

pub struct EscrowLocks;

impl Scenario for EscrowLocks {
    const DENOMS: &'static [&'static str] = &["ulit"];

    async fn run<L: Ledger>(&self, l: &mut L) -> Result<Observations> {
        escrow_ops(l).await?;
        Ok(Observations::default())
    }
}

/// Locks on the escrow: create, add, extend, and a third party's deposit.
async fn escrow_ops<L: Ledger>(l: &mut L) -> Result<()> {
    l.fund("locker", &[("ulit", 10_000_000_000_000)]).await?;
    l.fund("friend", &[("ulit", 10_000_000_000_000)]).await?;
    let owner = l.addr("locker");
    let init = InstantiateMsg {
        owner,
        lock_token: AssetInfo::native("ulit"),
        max_time: None,
    };
    l.instantiate(
        "locker",
        ContractKind::VotingEscrow,
        "escrow",
        &to_value(init)?,
        &[],
    )
    .await?;
    let now = l.now_secs().await?;
    let year = (now / WEEK + 52) * WEEK;
    let lock = |msg: ExecuteMsg| to_value(msg);
    l.execute(
        "locker",
        "escrow",
        &lock(ExecuteMsg::CreateLock { unlock_time: year })?,
        &[("ulit", 1_000_000_000_000)],
    )
    .await?;
    l.execute(
        "locker",
        "escrow",
        &lock(ExecuteMsg::IncreaseAmount {})?,
        &[("ulit", 1_000_000)],
    )
    .await?;
    l.execute(
        "locker",
        "escrow",
        &lock(ExecuteMsg::IncreaseUnlockTime {
            unlock_time: year + 52 * WEEK,
        })?,
        &[],
    )
    .await?;
    let user = l.addr("locker");
    l.execute(
        "friend",
        "escrow",
        &lock(ExecuteMsg::DepositFor { user })?,
        &[("ulit", 1_000_000)],
    )
    .await?;
    Ok(())
}
