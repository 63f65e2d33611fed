//! Every bad input of instantiate, `CreatePool` and `UpdateConfig` is refused with its typed
//! error and changes nothing.
mod common;

use common::*;
use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};
use cosmwasm_std::{coins, Decimal};
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use trellis_pool_factory::contract::{execute, instantiate};
use trellis_pool_factory::limits::{
    MAX_ORACLE_CAPACITY, MAX_PROTOCOL_FEE_SHARE_BPS, MAX_SWAP_FEE_BPS,
};
use trellis_pool_factory::ContractError;
use trellis_types::factory::{ExecuteMsg, InstantiateMsg};
use trellis_types::weighted_pool::OracleConfig;
use trellis_types::AssetInfo;

fn instantiate_err(edit: impl FnOnce(&mut InstantiateMsg)) -> ContractError {
    let mut msg = instantiate_msg();
    edit(&mut msg);
    setup_with(msg).err().expect("instantiate should fail")
}

#[test]
fn instantiate_refuses_each_bad_field() {
    assert_eq!(
        instantiate_err(|m| m.pool_code_id = 0),
        ContractError::ZeroCodeId {
            field: "pool_code_id"
        }
    );
    assert_eq!(
        instantiate_err(|m| m.lp_token_code_id = 0),
        ContractError::ZeroCodeId {
            field: "lp_token_code_id"
        }
    );
    assert!(matches!(
        instantiate_err(|m| m.protocol_token = AssetInfo::native("")),
        ContractError::InvalidAsset { asset, .. } if asset == "native:"
    ));
    assert!(matches!(
        instantiate_err(|m| m.protocol_token = AssetInfo::cw20("not-an-address")),
        ContractError::InvalidAsset { asset, .. } if asset == "cw20:not-an-address"
    ));
    assert!(matches!(
        instantiate_err(|m| m.owner = "nobody".to_string()),
        ContractError::InvalidAddress { field: "owner", address, .. } if address == "nobody"
    ));
    assert!(matches!(
        instantiate_err(|m| m.fee_collector = Some("nobody".to_string())),
        ContractError::InvalidAddress { field: "fee_collector", address, .. } if address == "nobody"
    ));
    assert_eq!(
        instantiate_err(|m| m.protocol_fee_share_bps = MAX_PROTOCOL_FEE_SHARE_BPS + 1),
        ContractError::ProtocolFeeShareTooHigh {
            share_bps: 5_001,
            max: 5_000
        }
    );
    assert_eq!(
        instantiate_err(|m| m.default_oracle.capacity = 0),
        ContractError::OracleCapacityOutOfRange {
            capacity: 0,
            max: MAX_ORACLE_CAPACITY
        }
    );
    assert_eq!(
        instantiate_err(|m| m.default_oracle.capacity = MAX_ORACLE_CAPACITY + 1),
        ContractError::OracleCapacityOutOfRange {
            capacity: MAX_ORACLE_CAPACITY + 1,
            max: MAX_ORACLE_CAPACITY
        }
    );
    assert_eq!(
        instantiate_err(|m| m.default_oracle.min_sample_spacing = 0),
        ContractError::ZeroSampleSpacing
    );
    // The limits themselves are accepted.
    let mut msg = instantiate_msg();
    msg.protocol_fee_share_bps = MAX_PROTOCOL_FEE_SHARE_BPS;
    msg.default_oracle = OracleConfig {
        capacity: MAX_ORACLE_CAPACITY,
        min_sample_spacing: 1,
    };
    assert!(setup_with(msg).is_ok());
}

#[test]
fn instantiate_refuses_funds() {
    let mut deps = mock_dependencies();
    let err = instantiate(
        deps.as_mut(),
        mock_env(),
        message_info(&addr("deployer"), &coins(1, "ualy")),
        instantiate_msg(),
    )
    .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

#[test]
fn create_pool_refuses_bad_assets_weights_and_fees() {
    let mut deps = setup();
    let before = snapshot(&deps);
    let x = AssetInfo::native("ux");
    let check = |deps: &mut Deps, assets, fee, expected: ContractError| {
        assert_eq!(create(deps, "owner", assets, fee).unwrap_err(), expected);
    };
    check(
        &mut deps,
        [weighted(&x, 50), weighted(&x, 50)],
        30,
        ContractError::IdenticalAssets {
            asset: "native:ux".to_string(),
        },
    );
    // 0.5% is below the 1% minimum (its partner's 99.5% makes the sum exactly 1).
    let half_percent = Decimal::permille(5);
    let mut assets = [weighted(&x, 0), weighted(&aly(), 0)];
    assets[0].weight = half_percent;
    assets[1].weight = Decimal::permille(995);
    check(
        &mut deps,
        assets,
        30,
        ContractError::WeightTooSmall {
            asset: "native:ux".to_string(),
            weight: half_percent,
            min: Decimal::percent(1),
        },
    );
    // 19 decimals cannot be scaled up to the pool's 18.
    let mut assets = [weighted(&x, 50), weighted(&aly(), 50)];
    assets[1].decimals = 19;
    check(
        &mut deps,
        assets,
        30,
        ContractError::DecimalsTooLarge {
            asset: "native:ualy".to_string(),
            decimals: 19,
            max: 18,
        },
    );
    // 50% + 40% = 90%.
    check(
        &mut deps,
        [weighted(&x, 50), weighted(&aly(), 40)],
        30,
        ContractError::WeightsDoNotSumToOne {
            sum: Decimal::percent(90),
        },
    );
    // 60% + 50% = 110%.
    check(
        &mut deps,
        [weighted(&x, 60), weighted(&aly(), 50)],
        30,
        ContractError::WeightsDoNotSumToOne {
            sum: Decimal::percent(110),
        },
    );
    check(
        &mut deps,
        [weighted(&x, 50), weighted(&AssetInfo::native(""), 50)],
        30,
        ContractError::InvalidAsset {
            asset: "native:".to_string(),
            reason: "Generic error: empty native denom".to_string(),
        },
    );
    check(
        &mut deps,
        [weighted(&x, 50), weighted(&aly(), 50)],
        MAX_SWAP_FEE_BPS + 1,
        ContractError::SwapFeeTooHigh {
            swap_fee_bps: 1_001,
            max: 1_000,
        },
    );
    let bad_oracle = exec(
        &mut deps,
        "owner",
        ExecuteMsg::CreatePool {
            assets: [weighted(&x, 50), weighted(&aly(), 50)],
            swap_fee_bps: 30,
            oracle: Some(OracleConfig {
                capacity: 10,
                min_sample_spacing: 0,
            }),
        },
    );
    assert_eq!(bad_oracle.unwrap_err(), ContractError::ZeroSampleSpacing);
    assert_eq!(snapshot(&deps), before);
}

#[test]
fn create_pool_needs_the_owner_unless_permissionless() {
    let mut deps = setup();
    let before = snapshot(&deps);
    let assets = [weighted(&AssetInfo::native("ux"), 50), weighted(&aly(), 50)];
    assert_eq!(
        create(&mut deps, "mallory", assets.clone(), 30).unwrap_err(),
        ContractError::Ownership(OwnershipError::NotOwner)
    );
    assert_eq!(snapshot(&deps), before);

    let mut msg = instantiate_msg();
    msg.permissionless_creation = true;
    let mut open = setup_with(msg).unwrap();
    assert!(create(&mut open, "mallory", assets, 30).is_ok());
}

#[test]
fn create_pool_refuses_funds() {
    let mut deps = setup();
    let msg = ExecuteMsg::CreatePool {
        assets: [weighted(&AssetInfo::native("ux"), 50), weighted(&aly(), 50)],
        swap_fee_bps: 30,
        oracle: None,
    };
    let err = execute(
        deps.as_mut(),
        mock_env(),
        message_info(&addr("owner"), &coins(5, "ualy")),
        msg,
    )
    .unwrap_err();
    assert_eq!(err, ContractError::Payment(PaymentError::NonPayable {}));
}

fn update(
    deps: &mut Deps,
    sender: &str,
    edit: impl FnOnce(&mut ExecuteMsg),
) -> Result<(), ContractError> {
    let mut msg = ExecuteMsg::UpdateConfig {
        pool_code_id: None,
        lp_token_code_id: None,
        fee_collector: None,
        protocol_fee_share_bps: None,
        default_oracle: None,
        permissionless_creation: None,
        cl_pool_code_id: None,
    };
    edit(&mut msg);
    exec(deps, sender, msg).map(|_| ())
}

#[test]
fn update_config_is_owner_only_and_validates_every_field() {
    let mut deps = setup();
    let before = snapshot(&deps);
    assert_eq!(
        update(&mut deps, "mallory", |m| {
            if let ExecuteMsg::UpdateConfig {
                permissionless_creation,
                ..
            } = m
            {
                *permissionless_creation = Some(true)
            }
        }),
        Err(ContractError::Ownership(OwnershipError::NotOwner))
    );
    macro_rules! field {
        ($field:ident = $value:expr) => {
            |m: &mut ExecuteMsg| {
                if let ExecuteMsg::UpdateConfig { $field, .. } = m {
                    *$field = Some($value);
                }
            }
        };
    }
    // A valid field next to a bad one: neither is written.
    let err = update(&mut deps, "owner", |m| {
        if let ExecuteMsg::UpdateConfig {
            permissionless_creation,
            protocol_fee_share_bps,
            ..
        } = m
        {
            *permissionless_creation = Some(true);
            *protocol_fee_share_bps = Some(5_001);
        }
    });
    assert_eq!(
        err,
        Err(ContractError::ProtocolFeeShareTooHigh {
            share_bps: 5_001,
            max: 5_000
        })
    );
    assert_eq!(
        update(&mut deps, "owner", field!(pool_code_id = 0)),
        Err(ContractError::ZeroCodeId {
            field: "pool_code_id"
        })
    );
    assert_eq!(
        update(&mut deps, "owner", field!(lp_token_code_id = 0)),
        Err(ContractError::ZeroCodeId {
            field: "lp_token_code_id"
        })
    );
    assert_eq!(
        update(&mut deps, "owner", field!(cl_pool_code_id = 0)),
        Err(ContractError::ZeroCodeId {
            field: "cl_pool_code_id"
        })
    );
    assert!(matches!(
        update(
            &mut deps,
            "owner",
            field!(fee_collector = "nobody".to_string())
        ),
        Err(ContractError::InvalidAddress {
            field: "fee_collector",
            ..
        })
    ));
    assert_eq!(
        update(
            &mut deps,
            "owner",
            field!(
                default_oracle = OracleConfig {
                    capacity: 0,
                    min_sample_spacing: 5
                }
            )
        ),
        Err(ContractError::OracleCapacityOutOfRange {
            capacity: 0,
            max: MAX_ORACLE_CAPACITY
        })
    );
    assert_eq!(snapshot(&deps), before);
}
