//! The CL pool through the harness helpers, with numbers derived by hand.
//!
//! The book: fee 3000 pips (0.3%), spacing 60, price 1 (tick 0, sqrt price 2^96). Sqrt prices
//! are v3's `getSqrtRatioAtTick` (`trellis_math::cl::sqrt_price_at_tick`, bit-identical):
//! - s(0) = 2^96 = 79228162514264337593543950336;
//! - s(-60) = 78990846045029531151608375686, s(60) = 79466191966197645195421774833;
//! - s(-120) = 78754240422856966435523493930.
//!
//! Formulas (v3 core's `SqrtPriceMath`, periphery's `LiquidityAmounts`, fees in pips):
//! - liquidity from token0 over [p, b]: floor(x * floor(p * b / 2^96) / (b - p));
//!   from token1 over [a, p]: floor(y * 2^96 / (p - a)); in range the smaller of the two;
//! - token0 between p < q: L * 2^96 * (q - p) / q / p, token1: L * (q - p) / 2^96, rounded up
//!   when paid in, down when paid out;
//! - the fee of a step that reaches its target: ceil(in * 3000 / 997000); fee growth per
//!   liquidity floor(fee * 2^128 / L); a position's fee floor(growth * L / 2^128).
//!
//! The position minted everywhere below: [-60, 60] with 1e6 of each desired, L = 333850249
//! (derived in `mint_at_price_one_takes_both_tokens_rounded_up`).
use cosmwasm_std::{
    to_json_binary, to_json_vec, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response,
    StdResult, Uint128, Uint256,
};
use cw721::receiver::Cw721ReceiveMsg;
use cw_multi_test::{ContractWrapper, Executor};
use trellis_cl_pool::ContractError;
use trellis_testing::{AssetInfo, ClPoolHandle, ClPoolOptions, Suite};

const E6: u128 = 1_000_000;
/// Liquidity of [-60, 60] at price 1 for 1e6 of each token.
const L_RANGE: u128 = 333_850_249;
const TOKEN_ID: &str = "1";

fn native_pool(suite: &mut Suite) -> ClPoolHandle {
    let aaa = suite.register_native("AAA", "uaaa");
    let bbb = suite.register_native("BBB", "ubbb");
    suite
        .create_cl_pool(ClPoolOptions::new([aaa, bbb], 3_000, 60).at_tick(0))
        .unwrap()
}

/// A native pool at price 1 with the LP's [-60, 60] position (the LP is left with nothing).
fn native_pool_with_position() -> (Suite, ClPoolHandle) {
    let mut suite = Suite::new();
    let pool = native_pool(&mut suite);
    suite.mint_native("lp", "uaaa", E6).unwrap();
    suite.mint_native("lp", "ubbb", E6).unwrap();
    let token_id = suite.cl_mint("lp", &pool, -60, 60, [E6, E6]).unwrap();
    assert_eq!(token_id, TOKEN_ID);
    (suite, pool)
}

fn balances(suite: &Suite, user: &str, pool: &ClPoolHandle) -> [u128; 2] {
    [0, 1].map(|i| suite.balance(user, &pool.assets[i]).unwrap())
}

fn assert_pool_error<T: std::fmt::Debug>(result: anyhow::Result<T>, expected: ContractError) {
    let err = result.expect_err("expected the pool to refuse");
    assert_eq!(
        err.downcast_ref::<ContractError>(),
        Some(&expected),
        "{err:?}"
    );
}

/// At price 1 over [-60, 60] with 1e6 / 1e6 desired:
/// - token0: floor(1e6 * floor(2^96 * s(60) / 2^96) / (s(60) - 2^96))
///   = floor(1e6 * s(60) / 238029451933307601877824497) = 333850249;
/// - token1: floor(1e6 * 2^96 / (2^96 - s(-60))) = floor(1e6 * 2^96 / 237316469234806441935574650)
///   = 333850249; both agree, L = 333850249;
/// - paid, rounded up: token0 ceil(L * 2^96 * (s(60) - 2^96) / s(60) / 2^96) and token1
///   ceil(L * (2^96 - s(-60)) / 2^96), both exactly 999999.99787..., so 1000000 each.
#[test]
fn mint_at_price_one_takes_both_tokens_rounded_up() {
    let mut suite = Suite::new();
    let pool = native_pool(&mut suite);
    suite.mint_native("lp", "uaaa", E6).unwrap();
    suite.mint_native("lp", "ubbb", E6).unwrap();
    let amounts = trellis_types::cl_pool::AddAmounts {
        desired: [Uint128::new(E6); 2],
        min: [Uint128::new(E6); 2],
    };
    let minted = suite
        .cl_mint_with("lp", &pool, -60, 60, amounts, None, None)
        .unwrap();
    assert_eq!(minted.token_id, TOKEN_ID);
    assert_eq!(minted.liquidity, Uint128::new(L_RANGE));
    assert_eq!(minted.amounts, [Uint128::new(E6); 2]);
    assert_eq!(balances(&suite, "lp", &pool), [0, 0]);
    assert_eq!(
        [0, 1].map(|i| suite.balance_of(&pool.address, &pool.assets[i]).unwrap()),
        [E6, E6]
    );
    let position = suite.cl_position(&pool, TOKEN_ID).unwrap();
    assert_eq!(position.owner, suite.addr("lp").to_string());
    assert_eq!((position.lower_tick, position.upper_tick), (-60, 60));
    assert_eq!(position.liquidity, Uint128::new(L_RANGE));
    let state = suite.cl_pool_state(&pool).unwrap();
    assert_eq!(state.tick, 0);
    assert_eq!(state.sqrt_price, Uint256::from(1u128 << 96));
    assert_eq!(state.liquidity, Uint128::new(L_RANGE));
    assert_eq!(
        suite.cl_tick(&pool, -60).unwrap().liquidity_gross.u128(),
        L_RANGE
    );
}

/// 1000 token0 in, within [-60, 60]:
/// - after the fee, floor(1000 * 997000 / 1e6) = 997 moves the price down to
///   ceil(L * 2^96 * 2^96 / (L * 2^96 + 997 * 2^96)) = 79227925910450593787583792970 (tick -1);
/// - the input to that price, rounded up, is 997, so the fee is the remaining 3;
/// - out: floor(L * (2^96 - p') / 2^96) = 996 token1;
/// - fee growth floor(3 * 2^128 / L) = 3057799428997326853544218330941, the LP's fee
///   floor(growth * L / 2^128) = 2 uaaa (the pool keeps the rounding unit).
#[test]
fn swap_within_the_range_pays_the_lp_its_fee() {
    let (mut suite, pool) = native_pool_with_position();
    suite.mint_native("trader", "uaaa", 1_000).unwrap();
    let offer = pool.assets[0].clone();
    let swap = suite
        .cl_swap_exact_in("trader", &pool, &offer, 1_000)
        .unwrap();
    assert_eq!(swap.amount_in, Uint128::new(1_000));
    assert_eq!(swap.amount_out, Uint128::new(996));
    assert_eq!(swap.fee, Uint128::new(3));
    assert_eq!(swap.ticks_crossed, 0);
    assert!(!swap.partial_fill);
    assert_eq!(swap.tick_after, -1);
    assert_eq!(
        swap.sqrt_price_after,
        Uint256::from(79_227_925_910_450_593_787_583_792_970u128)
    );
    assert_eq!(balances(&suite, "trader", &pool), [0, 996]);
    let state = suite.cl_pool_state(&pool).unwrap();
    assert_eq!(state.liquidity, Uint128::new(L_RANGE));
    assert_eq!(
        state.fee_growth_global,
        [
            Uint256::from(3_057_799_428_997_326_853_544_218_330_941u128),
            Uint256::zero()
        ]
    );
    suite.cl_collect("lp", &pool, TOKEN_ID).unwrap();
    assert_eq!(balances(&suite, "lp", &pool), [2, 0]);
    // Everything earned was paid: a second collect has nothing to pay.
    assert_pool_error(
        suite.cl_collect("lp", &pool, TOKEN_ID),
        ContractError::NothingToCollect {
            token_id: TOKEN_ID.into(),
        },
    );
}

/// Selling token0 down to tick -120 leaves [-60, 60] behind:
/// - the step to s(-60) takes ceil(L * 2^96 * (2^96 - s(-60)) / s(-60) / 2^96)
///   = ceil(1003004.35...) = 1003005 plus the fee ceil(1003005 * 3000 / 997000) = 3019, and pays
///   floor(L * (2^96 - s(-60)) / 2^96) = floor(999999.99787...) = 999999 token1;
/// - crossing -60 takes L out: below it there is no liquidity, the price moves to the limit
///   s(-120) for nothing, the tick is then -120 and the swap stops at the limit (partial fill);
/// - 2e6 offered, 1003005 + 3019 = 1006024 taken, 993976 refunded;
/// - the LP's fee: growth floor(3019 * 2^128 / L) times L over 2^128, floored, = 3018 uaaa.
#[test]
fn swap_to_a_tick_below_the_range_crosses_out_of_it() {
    let (mut suite, pool) = native_pool_with_position();
    suite.mint_native("trader", "uaaa", 2 * E6).unwrap();
    let swap = suite.cl_swap_to_tick("trader", &pool, -120).unwrap();
    assert_eq!(swap.offer, pool.assets[0]);
    assert_eq!(swap.amount_in, Uint128::new(1_006_024));
    assert_eq!(swap.fee, Uint128::new(3_019));
    assert_eq!(swap.amount_out, Uint128::new(999_999));
    assert_eq!(swap.ticks_crossed, 1);
    assert!(swap.partial_fill);
    assert_eq!(swap.tick_after, -120);
    assert_eq!(
        swap.sqrt_price_after,
        Uint256::from(78_754_240_422_856_966_435_523_493_930u128)
    );
    assert_eq!(balances(&suite, "trader", &pool), [993_976, 999_999]);
    let state = suite.cl_pool_state(&pool).unwrap();
    assert_eq!(state.liquidity, Uint128::zero());
    assert_eq!(state.tick, -120);
    suite.cl_collect("lp", &pool, TOKEN_ID).unwrap();
    assert_eq!(balances(&suite, "lp", &pool), [3_018, 0]);
    // The price is already there: the helper refuses rather than swapping nothing.
    assert!(suite.cl_swap_to_tick("trader", &pool, -120).is_err());
}

/// Two cw20s; buying exactly 500 token0 with token1 (price up), at most 1000 sent:
/// - the price moves up to ceil(L * 2^96 * 2^96 / (L * 2^96 - 500 * 2^96))
///   = 79228281172676919273121000946;
/// - token1 in, rounded up: ceil(L * (p' - 2^96) / 2^96) = 501, fee ceil(501 * 3000 / 997000)
///   = 2, so 503 taken and 497 returned;
/// - fee growth floor(2 * 2^128 / L), the LP's fee floor(growth * L / 2^128) = 1 BBB.
#[test]
fn cw20_exact_out_swap_and_the_lp_collects_in_cw20() {
    let mut suite = Suite::new();
    let aaa = suite.create_cw20("AAA", &[("lp", E6)]).unwrap();
    let bbb = suite
        .create_cw20("BBB", &[("lp", E6), ("trader", 1_000)])
        .unwrap();
    let pool = suite
        .create_cl_pool(ClPoolOptions::new([aaa, bbb.clone()], 3_000, 60).at_tick(0))
        .unwrap();
    let token_id = suite.cl_mint("lp", &pool, -60, 60, [E6, E6]).unwrap();
    assert_eq!(balances(&suite, "lp", &pool), [0, 0]);
    let swap = suite
        .cl_swap_exact_out("trader", &pool, &bbb, 1_000, 500)
        .unwrap();
    assert_eq!(swap.amount_out, Uint128::new(500));
    assert_eq!(swap.amount_in, Uint128::new(503));
    assert_eq!(swap.fee, Uint128::new(2));
    assert_eq!(swap.tick_after, 0);
    assert_eq!(
        swap.sqrt_price_after,
        Uint256::from(79_228_281_172_676_919_273_121_000_946u128)
    );
    assert_eq!(balances(&suite, "trader", &pool), [500, 497]);
    suite.cl_collect("lp", &pool, &token_id).unwrap();
    assert_eq!(balances(&suite, "lp", &pool), [0, 1]);
}

// --- a contract that receives position NFTs ---

const RECEIVED_KEY: &[u8] = b"received";

#[derive(serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum NftReceiverMsg {
    ReceiveNft(Cw721ReceiveMsg),
}

fn receiver_execute(
    deps: DepsMut,
    _env: Env,
    _info: MessageInfo,
    msg: NftReceiverMsg,
) -> StdResult<Response> {
    let NftReceiverMsg::ReceiveNft(received) = msg;
    deps.storage
        .set(RECEIVED_KEY, &to_json_vec(&Some(received))?);
    Ok(Response::new())
}

fn receiver_instantiate(_: DepsMut, _: Env, _: MessageInfo, _: Empty) -> StdResult<Response> {
    Ok(Response::new())
}

/// The last `ReceiveNft` the contract got, `null` before any.
fn receiver_query(deps: Deps, _: Env, _: Empty) -> StdResult<Binary> {
    match deps.storage.get(RECEIVED_KEY) {
        Some(bytes) => Ok(Binary::from(bytes)),
        None => to_json_binary(&None::<Cw721ReceiveMsg>),
    }
}

/// After the 1000-token0 swap above the position is owed 2 uaaa. Transferred to a buyer, only
/// the buyer can collect them; sent on to a contract with `SendNft`, the contract is told who
/// sent it and the buyer loses control too.
#[test]
fn only_the_new_owner_collects_after_a_transfer_or_send() {
    let (mut suite, pool) = native_pool_with_position();
    suite.mint_native("trader", "uaaa", 1_000).unwrap();
    let offer = pool.assets[0].clone();
    suite
        .cl_swap_exact_in("trader", &pool, &offer, 1_000)
        .unwrap();
    let buyer = suite.addr("buyer");
    suite
        .cl_transfer_position("lp", &pool, TOKEN_ID, &buyer)
        .unwrap();
    assert_eq!(
        suite.cl_position_owner(&pool, TOKEN_ID).unwrap(),
        buyer.to_string()
    );
    let not_owner = |sender: String| ContractError::NotPositionOwner {
        token_id: TOKEN_ID.into(),
        sender,
    };
    assert_pool_error(
        suite.cl_collect("lp", &pool, TOKEN_ID),
        not_owner(suite.addr("lp").to_string()),
    );
    suite.cl_collect("buyer", &pool, TOKEN_ID).unwrap();
    assert_eq!(balances(&suite, "buyer", &pool), [2, 0]);
    assert_eq!(balances(&suite, "lp", &pool), [0, 0]);

    let code = suite.app.store_code(Box::new(ContractWrapper::new(
        receiver_execute,
        receiver_instantiate,
        receiver_query,
    )));
    let owner = suite.owner.clone();
    let receiver = suite
        .app
        .instantiate_contract(code, owner, &Empty {}, &[], "nft receiver", None)
        .unwrap();
    let hook = Binary::from(br#"{"stake":{}}"#.to_vec());
    suite
        .cl_send_position("buyer", &pool, TOKEN_ID, &receiver, hook.clone())
        .unwrap();
    let received: Option<Cw721ReceiveMsg> = suite
        .app
        .wrap()
        .query_wasm_smart(&receiver, &Empty {})
        .unwrap();
    let received = received.expect("the receiver got the NFT");
    assert_eq!(received.sender, buyer.to_string());
    assert_eq!(received.token_id, TOKEN_ID);
    assert_eq!(received.msg, hook);
    assert_eq!(
        suite.cl_position(&pool, TOKEN_ID).unwrap().owner,
        receiver.to_string()
    );
    assert_pool_error(
        suite.cl_decrease_liquidity("buyer", &pool, TOKEN_ID, 1),
        not_owner(buyer.to_string()),
    );
}

/// Increase by another 1e6 / 1e6 (the same L = 333850249 for 1000000 each, see the mint test),
/// then decrease all 2L = 667700498: owed floor(2 * 999999.99787...) = floor(1999999.9957...)
/// = 1999999 of each token. Burning while owed is refused; after collecting, the burn deletes
/// the position and its NFT. The pool keeps 1 unit of each (2000000 paid in, 1999999 out).
#[test]
fn burn_after_decreasing_to_zero_and_collecting() {
    let (mut suite, pool) = native_pool_with_position();
    suite.mint_native("lp", "uaaa", E6).unwrap();
    suite.mint_native("lp", "ubbb", E6).unwrap();
    let increased = suite
        .cl_increase_liquidity("lp", &pool, TOKEN_ID, [E6, E6])
        .unwrap();
    assert_eq!(increased.liquidity, Uint128::new(L_RANGE));
    assert_eq!(increased.amounts, [Uint128::new(E6); 2]);
    let decreased = suite
        .cl_decrease_liquidity("lp", &pool, TOKEN_ID, 2 * L_RANGE)
        .unwrap();
    assert_eq!(decreased.amounts, [Uint128::new(1_999_999); 2]);
    let position = suite.cl_position(&pool, TOKEN_ID).unwrap();
    assert_eq!(position.liquidity, Uint128::zero());
    assert_eq!(position.tokens_owed, [Uint128::new(1_999_999); 2]);
    assert_eq!(
        suite.cl_pool_state(&pool).unwrap().liquidity,
        Uint128::zero()
    );
    assert_pool_error(
        suite.cl_burn("lp", &pool, TOKEN_ID),
        ContractError::PositionNotEmpty {
            token_id: TOKEN_ID.into(),
            liquidity: Uint128::zero(),
            owed_0: Uint128::new(1_999_999),
            owed_1: Uint128::new(1_999_999),
        },
    );
    suite.cl_collect("lp", &pool, TOKEN_ID).unwrap();
    assert_eq!(balances(&suite, "lp", &pool), [1_999_999, 1_999_999]);
    assert_eq!(
        [0, 1].map(|i| suite.balance_of(&pool.address, &pool.assets[i]).unwrap()),
        [1, 1]
    );
    suite.cl_burn("lp", &pool, TOKEN_ID).unwrap();
    assert!(suite.cl_position(&pool, TOKEN_ID).is_err());
    let tokens: cw721::msg::NumTokensResponse = suite
        .cl_query(&pool, &trellis_types::cl_pool::QueryMsg::NumTokens {})
        .unwrap();
    assert_eq!(tokens.count, 0);
}

/// The asset a helper is given must be one of the pool's: the swap is refused before any call.
#[test]
fn swap_of_a_foreign_asset_is_refused() {
    let (mut suite, pool) = native_pool_with_position();
    suite.mint_native("trader", "uccc", 1_000).unwrap();
    let foreign = AssetInfo::native("uccc");
    let err = suite
        .cl_swap_exact_in("trader", &pool, &foreign, 1_000)
        .unwrap_err();
    assert!(err.to_string().contains("not an asset"), "{err}");
    assert_eq!(suite.balance("trader", &foreign).unwrap(), 1_000);
}
