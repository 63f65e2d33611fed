//! The tick-cumulative oracle: observations at most once per block, means rounded toward -inf,
//! and no answer for a window the history does not cover.
mod common;
use common::*;
use cosmwasm_std::Uint128;
use trellis_cl_pool::ContractError;
use trellis_math::cl::sqrt_price_at_tick;
use trellis_types::cl_pool::*;

/// Instantiated at T0 (first observation: cumulative 0), position [-60, 60] minted at T0, the
/// tick 0 for 600 s, then a 1000-token0 swap moves it to -1 (swap.rs). At T0 + 1200:
/// - the swap wrote c(T0 + 600) = 0 * 600 = 0 before moving the tick;
/// - over [T0, T0 + 1200]: c = 0 + (-1) * 600 = -600, mean floor(-600 / 1200) = floor(-0.5) = -1
///   (toward -inf, as v3's OracleLibrary);
/// - over [T0 + 600, T0 + 1200]: -600 / 600 = -1; over [T0, T0 + 600]: 0;
/// - seconds per liquidity: floor(600 * 2^128 / L) twice, 611559885799465370708843666188372
///   each, so the harmonic mean liquidity is floor(1200 * 2^128 / (2 * that)) = 333850249 = L.
#[test]
fn mean_tick_over_windows() {
    let mut s = Suite::new(Spec::standard());
    let lp = s.addr("lp");
    s.funded_mint(&lp, -60, 60, [E6, E6]).unwrap();
    s.advance(600);
    let trader = s.addr("trader");
    s.fund(&trader, 0, 1_000);
    s.swap_in(&trader, 0, 1_000, None).unwrap();
    // A second swap in the same block writes no observation.
    s.fund(&trader, 0, 1_000);
    s.swap_in(&trader, 0, 1_000, None).unwrap();
    s.advance(600);
    let twap = |s: &Suite, window_secs, ago_secs| -> TwapResponse {
        s.q(&QueryMsg::Twap {
            window_secs,
            ago_secs,
        })
    };
    let whole = twap(&s, 1_200, 0);
    assert_eq!(whole.mean_tick, -1);
    assert_eq!((whole.start, whole.end), (T0, T0 + 1_200));
    assert_eq!(whole.mean_sqrt_price, sqrt_price_at_tick(-1).unwrap());
    assert_eq!(
        whole.harmonic_mean_liquidity,
        Some(Uint128::new(333_850_249))
    );
    assert_eq!(twap(&s, 600, 0).mean_tick, -1);
    assert_eq!(twap(&s, 600, 600).mean_tick, 0);
    let obs: ObservationsResponse = s.q(&QueryMsg::Observations {
        start_after: None,
        limit: None,
    });
    assert_eq!(
        obs.observations
            .iter()
            .map(|o| (o.timestamp, o.tick_cumulative))
            .collect::<Vec<_>>(),
        vec![(T0, 0), (T0 + 600, 0)]
    );
}

/// A window starting before the first observation is refused, never answered from the spot
/// tick; so is an empty window.
#[test]
fn uncovered_windows_are_refused() {
    let mut s = Suite::new(Spec::standard());
    s.advance(100);
    let err = s
        .try_q::<TwapResponse>(&QueryMsg::Twap {
            window_secs: 101,
            ago_secs: 0,
        })
        .unwrap_err();
    let expected = ContractError::OracleWindowNotCovered {
        requested: T0 - 1,
        oldest: T0,
    };
    assert!(err.to_string().contains(&expected.to_string()), "{err}");
    let err = s
        .try_q::<TwapResponse>(&QueryMsg::Twap {
            window_secs: 0,
            ago_secs: 0,
        })
        .unwrap_err();
    assert!(err
        .to_string()
        .contains(&ContractError::ZeroTwapWindow.to_string()));
    // The window that the history covers is answered.
    let ok: TwapResponse = s.q(&QueryMsg::Twap {
        window_secs: 100,
        ago_secs: 0,
    });
    assert_eq!(ok.mean_tick, 0);
}

/// The ring wraps at its capacity: with 3 slots 60 s apart and a tick change every 60 s, the
/// oldest kept observation moves forward and windows before it are refused.
#[test]
fn the_ring_buffer_wraps() {
    let mut s = Suite::new(Spec::standard().oracle(3, 60));
    let lp = s.addr("lp");
    s.funded_mint(&lp, -600, 600, [100 * E6, 100 * E6]).unwrap();
    let trader = s.addr("trader");
    for i in 0..5 {
        s.advance(60);
        s.fund(&trader, i % 2, E6);
        s.swap_in(&trader, i % 2, E6, None).unwrap();
    }
    let obs: ObservationsResponse = s.q(&QueryMsg::Observations {
        start_after: None,
        limit: None,
    });
    let times: Vec<u64> = obs.observations.iter().map(|o| o.timestamp).collect();
    assert_eq!(times, vec![T0 + 180, T0 + 240, T0 + 300]);
    let now = s.now();
    let err = s
        .try_q::<TwapResponse>(&QueryMsg::Twap {
            window_secs: now - (T0 + 180) + 1,
            ago_secs: 0,
        })
        .unwrap_err();
    assert!(err.to_string().contains("does not reach back"), "{err}");
}
