//! `Sweep`: the owner recovers assets that are not fee tokens (sent by mistake), all of them;
//! a fee token is refused (its balance is owed or waits for the next checkpoint), and so is an
//! asset the contract does not hold. Refusals change nothing.
mod common;
use common::*;
use cosmwasm_std::{coin, Uint128};
use cw_multi_test::{BankSudo, SudoMsg};
use cw_ownable::OwnershipError;
use trellis_fee_distributor::ContractError;
use trellis_types::fee_distributor::ExecuteMsg;
use trellis_types::AssetInfo;

fn sweep(asset: AssetInfo, recipient: &cosmwasm_std::Addr) -> ExecuteMsg {
    ExecuteMsg::Sweep {
        asset,
        recipient: recipient.to_string(),
    }
}

#[test]
fn a_stray_asset_is_swept_whole_and_fees_are_untouched() {
    let mut s = Suite::new();
    let (owner, rescue) = (s.owner.clone(), s.addr("rescue"));
    let stray = AssetInfo::native("ustray");
    // 1,234 ustray sent by mistake, and 500 of the native fee waiting for a checkpoint.
    s.app
        .sudo(SudoMsg::Bank(BankSudo::Mint {
            to_address: s.fd.to_string(),
            amount: vec![coin(1_234, "ustray")],
        }))
        .unwrap();
    s.send_native_fees(500);

    let mallory = s.addr("mallory");
    s.refuse(ContractError::Ownership(OwnershipError::NotOwner), |s| {
        s.exec(&mallory, &sweep(stray.clone(), &rescue), &[])
    });
    // Fee tokens are never swept, booked or not.
    let native = s.native();
    s.refuse(
        ContractError::FeeTokenNotSweepable {
            token: format!("native:{FEE_DENOM}"),
        },
        |s| s.exec(&owner, &sweep(native, &rescue), &[]),
    );
    let token = s.token();
    s.refuse(
        ContractError::FeeTokenNotSweepable { token: token.key() },
        |s| s.exec(&owner, &sweep(token, &rescue), &[]),
    );

    // No book holds ustray (booked 0): balance - booked = 1,234 - 0 = 1,234 is swept.
    s.exec(&owner, &sweep(stray.clone(), &rescue), &[]).unwrap();
    let held = |s: &Suite, who: &cosmwasm_std::Addr, denom: &str| {
        s.app.wrap().query_balance(who, denom).unwrap().amount
    };
    assert_eq!(held(&s, &rescue, "ustray"), Uint128::new(1_234));
    assert_eq!(held(&s, &s.fd, "ustray"), Uint128::zero());
    // The 500 of fees are still there, unbooked, for the next checkpoint.
    assert_eq!(s.native_balance(&s.fd), 500);
    assert_eq!(s.totals(0), (0, 0, 500));

    // Nothing stray is left.
    s.refuse(
        ContractError::NothingToSweep {
            asset: "native:ustray".to_string(),
        },
        |s| s.exec(&owner, &sweep(stray, &rescue), &[]),
    );
}
