//! The next-tick index in both builds: the ordered range (default) goes straight to the next
//! record however far, the `tick-bitmap` build steps over each empty word and stops after
//! `MAX_EMPTY_WORDS_PER_SWAP` of them; a farming mark flips a bit like a position's end.
mod common;
use common::*;
use trellis_math::cl::{sqrt_price_at_tick, MAX_TICK, MIN_TICK};
use trellis_types::cl_pool::*;

/// The raw bitmap word `word_pos` of the pool (`b` + i16, sign bit flipped).
fn raw_word(s: &Suite, word_pos: i16) -> Option<Vec<u8>> {
    let mut key = vec![0, 1, b'b'];
    key.extend(((word_pos as u16) ^ 0x8000).to_be_bytes());
    s.app.wrap().query_wasm_raw(s.pool.clone(), key).unwrap()
}

/// Spacing 1, price 1 (tick 0), one position over the whole range (its ticks -+887,272 are in
/// words -3466 and 3465), and 1e9 token1 sold up to the price of tick 80,000.
///
/// - Ordered range: the next record above 0 is 887,272, so one step runs to the limit:
///   tick 80,000, no bound reached (a partial fill: the limit stopped it with input left).
/// - Bitmap: up from tick 0 the search starts at bit 1 of word 0, which is empty, so the swap
///   steps onto the word's end, 255, then onto 511, ..., the m-th end being 256 m - 1. It may
///   step over 256 empty words: it stops on the 257th end, 256 * 257 - 1 = 65,791, with
///   `tick_bound_reached` (the price is that tick's, the tick is 65,791 as after v3's step).
///
/// Either way nothing is crossed and the price never gets near 887,272.
#[test]
fn a_long_empty_stretch() {
    let mut s = Suite::new(Spec::standard().tier(100, 1));
    let lp = s.addr("lp");
    s.funded_mint(&lp, MIN_TICK, MAX_TICK, [E6, E6]).unwrap();
    let trader = s.addr("trader");
    s.fund(&trader, 1, 1_000_000_000);
    let limit = sqrt_price_at_tick(80_000).unwrap();
    let res = s.swap_in(&trader, 1, 1_000_000_000, Some(limit)).unwrap();
    let data = Suite::swap_data(&res);
    assert_eq!(data.ticks_crossed, 0);
    assert!(data.partial_fill);
    #[cfg(not(feature = "tick-bitmap"))]
    {
        assert_eq!(data.tick_after, 80_000);
        assert_eq!(data.sqrt_price_after, limit);
        assert_eq!(attr(&res, "tick_bound_reached").unwrap(), "false");
    }
    #[cfg(feature = "tick-bitmap")]
    {
        assert_eq!(
            trellis_cl_pool::limits::MAX_EMPTY_WORDS_PER_SWAP,
            256,
            "the derivation above"
        );
        assert_eq!(data.tick_after, 65_791);
        assert_eq!(data.sqrt_price_after, sqrt_price_at_tick(65_791).unwrap());
        assert_eq!(attr(&res, "tick_bound_reached").unwrap(), "true");
    }
    // What was not spent is refunded.
    assert_eq!(s.balance(&trader, 1), 1_000_000_000 - data.amount_in.u128());
}

/// Spacing 60 and one position [-60, 60] (compressed -1 and 1: word -1's bit 255, word 0's
/// bit 1). A farming mark on the unused tick -240 (compressed -4: word -1's bit 252) gives it
/// a record and a bit; unmarking deletes both. The default build keeps no words at all.
#[test]
fn marks_flip_bits_like_positions() {
    let mut s = Suite::new(Spec::standard());
    let lp = s.addr("lp");
    s.funded_mint(&lp, -60, 60, [E6, E6]).unwrap();
    let center = s.addr("center");
    s.set_center(&center);
    let marks = |marked| ExecuteMsg::SetFarmingMarks {
        ticks: vec![-240],
        marked,
    };
    #[cfg(feature = "tick-bitmap")]
    let word = |s: &Suite, pos| {
        use trellis_cl_pool::tick_index::bitmap::{Bits, Word};
        raw_word(s, pos).map(|v| Bits::from(trellis_store::codec::decode::<Word>(&v).unwrap()))
    };
    #[cfg(feature = "tick-bitmap")]
    {
        use trellis_cl_pool::tick_index::bitmap::Bits;
        assert_eq!(word(&s, -1), Some(Bits::bit(255)));
        assert_eq!(word(&s, 0), Some(Bits::bit(1)));
        s.exec(&center, &[], &marks(true)).unwrap();
        assert_eq!(word(&s, -1), Some(Bits::bit(255) ^ Bits::bit(252)));
        s.exec(&center, &[], &marks(false)).unwrap();
        assert_eq!(word(&s, -1), Some(Bits::bit(255)));
    }
    #[cfg(not(feature = "tick-bitmap"))]
    {
        s.exec(&center, &[], &marks(true)).unwrap();
        assert!(s.tick(-240).farming_mark);
        assert_eq!((raw_word(&s, -1), raw_word(&s, 0)), (None, None));
        s.exec(&center, &[], &marks(false)).unwrap();
    }
    // Either way the mark's record is gone again.
    let ticks: TicksResponse = s.q(&QueryMsg::Ticks {
        start_after: None,
        limit: None,
    });
    assert_eq!(
        ticks.ticks.iter().map(|t| t.tick).collect::<Vec<_>>(),
        [-60, 60]
    );
}
