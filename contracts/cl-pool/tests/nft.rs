//! Positions are standard cw721 tokens of the pool's own collection: transfers, sends,
//! approvals and queries work, and only the owner or an approved account changes a position.
mod common;
use common::*;
use cosmwasm_std::{
    to_json_binary, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response, StdResult, Uint128,
};
use cw721::msg::{NumTokensResponse, OwnerOfResponse, TokensResponse};
use cw721::receiver::Cw721ReceiveMsg;
use cw_multi_test::{ContractWrapper, Executor};
use cw_storage_plus::Item;
use trellis_cl_pool::ContractError;
use trellis_types::cl_pool::*;

const RECEIVED: Item<Vec<Cw721ReceiveMsg>> = Item::new("received");

#[cosmwasm_schema::cw_serde]
enum ReceiverMsg {
    ReceiveNft(Cw721ReceiveMsg),
}

fn receiver_execute(
    deps: DepsMut,
    _: Env,
    _: MessageInfo,
    msg: ReceiverMsg,
) -> StdResult<Response> {
    let ReceiverMsg::ReceiveNft(msg) = msg;
    let mut all = RECEIVED.may_load(deps.storage)?.unwrap_or_default();
    all.push(msg);
    RECEIVED.save(deps.storage, &all)?;
    Ok(Response::new())
}

fn receiver_instantiate(_: DepsMut, _: Env, _: MessageInfo, _: Empty) -> StdResult<Response> {
    Ok(Response::new())
}

fn receiver_query(deps: Deps, _: Env, _: Empty) -> StdResult<Binary> {
    to_json_binary(&RECEIVED.may_load(deps.storage)?.unwrap_or_default())
}

fn minted() -> (Suite, cosmwasm_std::Addr) {
    let mut s = Suite::new(Spec::standard());
    let lp = s.addr("lp");
    s.funded_mint(&lp, -60, 60, [E6, E6]).unwrap();
    (s, lp)
}

fn decrease(liquidity: u128) -> ExecuteMsg {
    ExecuteMsg::DecreaseLiquidity {
        token_id: "1".into(),
        liquidity: Uint128::new(liquidity),
        amount_min: [Uint128::zero(); 2],
        deadline: None,
    }
}

#[test]
fn transfer_moves_control_of_the_position() {
    let (mut s, lp) = minted();
    let buyer = s.addr("buyer");
    s.exec(
        &lp,
        &[],
        &ExecuteMsg::TransferNft {
            recipient: buyer.to_string(),
            token_id: "1".into(),
        },
    )
    .unwrap();
    let owner: OwnerOfResponse = s.q(&QueryMsg::OwnerOf {
        token_id: "1".into(),
        include_expired: None,
    });
    assert_eq!(owner.owner, buyer.to_string());
    assert_eq!(s.position("1").owner, buyer.to_string());
    assert_err(
        s.exec(&lp, &[], &decrease(1)),
        ContractError::NotPositionOwner {
            token_id: "1".into(),
            sender: lp.to_string(),
        },
    );
    s.exec(&buyer, &[], &decrease(1)).unwrap();
    let tokens: TokensResponse = s.q(&QueryMsg::Tokens {
        owner: buyer.to_string(),
        start_after: None,
        limit: None,
    });
    assert_eq!(tokens.tokens, vec!["1".to_string()]);
    let all: TokensResponse = s.q(&QueryMsg::AllTokens {
        start_after: None,
        limit: None,
    });
    assert_eq!(all.tokens.len(), 1);
    let n: NumTokensResponse = s.q(&QueryMsg::NumTokens {});
    assert_eq!(n.count, 1);
    let info: cw721::state::CollectionInfo = s.q(&QueryMsg::ContractInfo {});
    assert_eq!(
        info.name,
        "Trellis CL position native:uaaa/native:ubbb 3000"
    );
    assert_eq!(info.symbol, "TRCLP");
    // The pool is the collection's minter, its owner the creator (cw-ownable's record).
    let ownership: cw_ownable::Ownership<cosmwasm_std::Addr> = s.q(&QueryMsg::Ownership {});
    assert_eq!(ownership.owner, Some(s.owner.clone()));
}

#[test]
fn approved_spender_and_operator_may_change_it() {
    let (mut s, lp) = minted();
    let spender = s.addr("spender");
    let operator = s.addr("operator");
    s.exec(
        &lp,
        &[],
        &ExecuteMsg::Approve {
            spender: spender.to_string(),
            token_id: "1".into(),
            expires: None,
        },
    )
    .unwrap();
    s.exec(&spender, &[], &decrease(1_000_000)).unwrap();
    s.exec(
        &lp,
        &[],
        &ExecuteMsg::Revoke {
            spender: spender.to_string(),
            token_id: "1".into(),
        },
    )
    .unwrap();
    assert_err(
        s.exec(&spender, &[], &decrease(1_000_000)),
        ContractError::NotPositionOwner {
            token_id: "1".into(),
            sender: spender.to_string(),
        },
    );
    s.exec(
        &lp,
        &[],
        &ExecuteMsg::ApproveAll {
            operator: operator.to_string(),
            expires: None,
        },
    )
    .unwrap();
    s.exec(&operator, &[], &decrease(1_000_000)).unwrap();
    // An operator collecting to itself: the owner chose to trust it.
    s.exec(
        &operator,
        &[],
        &ExecuteMsg::Collect {
            token_id: "1".into(),
            recipient: None,
            amount_max: None,
        },
    )
    .unwrap();
    assert_eq!(
        s.position("1").liquidity,
        Uint128::new(333_850_249 - 2_000_000)
    );
}

/// SendNft delivers the standard cw721 receive message: a farming center learns the position
/// came from this pool because the pool is the sender (one collection per pool).
#[test]
fn send_nft_to_a_contract() {
    let (mut s, lp) = minted();
    let code = s.app.store_code(Box::new(ContractWrapper::new(
        receiver_execute,
        receiver_instantiate,
        receiver_query,
    )));
    let owner = s.owner.clone();
    let farm = s
        .app
        .instantiate_contract(code, owner, &Empty {}, &[], "farm", None)
        .unwrap();
    s.exec(
        &lp,
        &[],
        &ExecuteMsg::SendNft {
            contract: farm.to_string(),
            token_id: "1".into(),
            msg: Binary::from(b"{}".to_vec()),
        },
    )
    .unwrap();
    let received: Vec<Cw721ReceiveMsg> = s.app.wrap().query_wasm_smart(&farm, &Empty {}).unwrap();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].token_id, "1");
    assert_eq!(received[0].sender, lp.to_string());
    assert_eq!(s.position("1").owner, farm.to_string());
}
