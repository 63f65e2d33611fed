//! v3's `TickBitmap` (feature `tick-bitmap`, a measurement variant): one bit per usable tick,
//! 256 to a word, kept next to the tick records and flipped when a tick gains or loses its
//! record.
//!
//! - `compressed = tick / tick_spacing` rounded toward -inf; `word = compressed >> 8` (an
//!   `i16`: |compressed| <= 887,273, so words run from -3,466 to 3,465), `bit = compressed & 255`.
//! - A word is stored as a `Uint256` under `b` + i16 (order-preserving key, 5 bytes), in
//!   `trellis_store`'s trimmed encoding: a length byte and the big-endian bytes up to its
//!   highest set bit, so a word whose highest bit is `h` takes `2 + h / 8` bytes. A word
//!   with no bit left is removed (a delete costs less than a write, and a read of a missing
//!   key less than a read of a stored zero).
//! - The swap looks one word at a time (`nextInitializedTickWithinOneWord`). When nothing is
//!   initialized in the rest of the word, it steps to the word's end without crossing;
//!   [`MAX_EMPTY_STEPS_PER_SWAP`] bounds those steps. A swap never flips a bit, so the last
//!   word read is kept for the rest of the swap.
use std::collections::BTreeMap;
use std::ops::{BitAnd, BitXor, Not};

use cosmwasm_std::{StdResult, Storage, Uint256};
use serde::{Deserialize, Serialize};
use trellis_math::cl::{MAX_TICK, MIN_TICK};
use trellis_store::Map;

use crate::limits::MAX_EMPTY_WORDS_PER_SWAP;
use crate::state::{TickInfo, TICKS};

/// A swap steps over at most this many words with nothing initialized in them.
pub const MAX_EMPTY_STEPS_PER_SWAP: u32 = MAX_EMPTY_WORDS_PER_SWAP;

/// A stored word (bit `b` is compressed tick `256 * word + b`).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct Word(#[serde(with = "trellis_store::num::u256")] pub Uint256);

/// The bitmap, by word position.
pub const TICK_BITMAP: Map<i16, Word> = Map::new("b");

/// 256 bits as two halves, for the bit operations `Uint256` does not have.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bits {
    /// Bits 128 to 255.
    hi: u128,
    /// Bits 0 to 127.
    lo: u128,
}

/// The `n` lowest bits of a half, `1 <= n <= 128`.
fn ones(n: u8) -> u128 {
    if n >= 128 {
        u128::MAX
    } else {
        (1u128 << n) - 1
    }
}

impl Bits {
    pub const ZERO: Bits = Bits { hi: 0, lo: 0 };

    pub fn bit(b: u8) -> Self {
        if b >= 128 {
            Bits {
                hi: 1 << (b - 128),
                lo: 0,
            }
        } else {
            Bits { hi: 0, lo: 1 << b }
        }
    }

    /// Bits `0..=b` (v3: `(1 << bitPos) - 1 + (1 << bitPos)`).
    pub fn at_or_below(b: u8) -> Self {
        if b >= 128 {
            Bits {
                hi: ones(b - 127),
                lo: u128::MAX,
            }
        } else {
            Bits {
                hi: 0,
                lo: ones(b + 1),
            }
        }
    }

    /// Bits `b..=255` (v3: `~((1 << bitPos) - 1)`).
    pub fn at_or_above(b: u8) -> Self {
        match b.checked_sub(1) {
            None => Bits {
                hi: u128::MAX,
                lo: u128::MAX,
            },
            Some(below) => !Bits::at_or_below(below),
        }
    }

    pub fn is_zero(self) -> bool {
        self.hi == 0 && self.lo == 0
    }

    /// The highest set bit (v3's `BitMath.mostSignificantBit`), `None` for zero. The casts
    /// hold at most 127 + 128.
    pub fn most_significant(self) -> Option<u8> {
        if self.hi != 0 {
            Some(128 + (127 - self.hi.leading_zeros()) as u8)
        } else if self.lo != 0 {
            Some((127 - self.lo.leading_zeros()) as u8)
        } else {
            None
        }
    }

    /// The lowest set bit (v3's `BitMath.leastSignificantBit`), `None` for zero.
    pub fn least_significant(self) -> Option<u8> {
        if self.lo != 0 {
            Some(self.lo.trailing_zeros() as u8)
        } else if self.hi != 0 {
            Some(128 + self.hi.trailing_zeros() as u8)
        } else {
            None
        }
    }
}

impl BitAnd for Bits {
    type Output = Bits;

    fn bitand(self, other: Bits) -> Bits {
        Bits {
            hi: self.hi & other.hi,
            lo: self.lo & other.lo,
        }
    }
}

impl BitXor for Bits {
    type Output = Bits;

    fn bitxor(self, other: Bits) -> Bits {
        Bits {
            hi: self.hi ^ other.hi,
            lo: self.lo ^ other.lo,
        }
    }
}

impl Not for Bits {
    type Output = Bits;

    fn not(self) -> Bits {
        Bits {
            hi: !self.hi,
            lo: !self.lo,
        }
    }
}

impl From<Word> for Bits {
    fn from(word: Word) -> Self {
        let be = word.0.to_be_bytes();
        let half = |bytes: &[u8]| {
            let mut b = [0u8; 16];
            b.copy_from_slice(bytes);
            u128::from_be_bytes(b)
        };
        Bits {
            hi: half(&be[..16]),
            lo: half(&be[16..]),
        }
    }
}

impl From<Bits> for Word {
    fn from(bits: Bits) -> Self {
        let mut be = [0u8; 32];
        be[..16].copy_from_slice(&bits.hi.to_be_bytes());
        be[16..].copy_from_slice(&bits.lo.to_be_bytes());
        Word(Uint256::from_be_bytes(be))
    }
}

/// `tick / tick_spacing` rounded toward -inf (v3 rounds Solidity's truncation down for
/// negative ticks off the spacing); `tick_spacing >= 1`.
pub fn compress(tick: i32, tick_spacing: i32) -> i32 {
    tick.div_euclid(tick_spacing)
}

/// v3's `position`: the word (`compressed >> 8`, arithmetic, so toward -inf) and the bit
/// (`compressed & 255`, the low byte also for negative values).
pub fn position(compressed: i32) -> (i16, u8) {
    // |compressed| <= 887,273 (a tick, or one past it, over spacing >= 1): the word fits.
    ((compressed >> 8) as i16, (compressed & 0xff) as u8)
}

/// The stored word at `word_pos` (zero when absent).
pub fn load_word(storage: &dyn Storage, word_pos: i16) -> StdResult<Bits> {
    Ok(TICK_BITMAP
        .may_load(storage, word_pos)?
        .map(Bits::from)
        .unwrap_or_default())
}

/// v3's `nextInitializedTickWithinOneWord`, on compressed ticks: going down (`lte`), the
/// greatest initialized compressed tick at or below `compressed` in its word; going up, the
/// least one above it in the word of `compressed + 1`. Returns `(next, initialized)`: when
/// nothing is initialized, `next` is the end of the word in that direction. `word_at` gives
/// the word at a position; it is asked once.
pub fn next_initialized_within_one_word(
    word_at: impl FnOnce(i16) -> StdResult<Bits>,
    compressed: i32,
    lte: bool,
) -> StdResult<(i32, bool)> {
    if lte {
        let (word_pos, bit) = position(compressed);
        let masked = word_at(word_pos)? & Bits::at_or_below(bit);
        Ok(match masked.most_significant() {
            Some(high) => (compressed - i32::from(bit - high), true),
            None => (compressed - i32::from(bit), false),
        })
    } else {
        let start = compressed + 1;
        let (word_pos, bit) = position(start);
        let masked = word_at(word_pos)? & Bits::at_or_above(bit);
        Ok(match masked.least_significant() {
            Some(low) => (start + i32::from(low - bit), true),
            None => (start + i32::from(u8::MAX - bit), false),
        })
    }
}

/// The swap's lookup, one word at a time.
pub struct Search<'a> {
    storage: &'a dyn Storage,
    tick_spacing: i32,
    /// The last word read: a swap reads each word once.
    word: Option<(i16, Bits)>,
    /// The end of the word the last search found empty, clamped to the range.
    end: i32,
}

impl<'a> Search<'a> {
    pub fn new(storage: &'a dyn Storage, tick_spacing: i32) -> Self {
        Search {
            storage,
            tick_spacing,
            word: None,
            end: 0,
        }
    }

    fn word(&mut self, word_pos: i16) -> StdResult<Bits> {
        match self.word {
            Some((pos, bits)) if pos == word_pos => Ok(bits),
            _ => {
                let bits = load_word(self.storage, word_pos)?;
                self.word = Some((word_pos, bits));
                Ok(bits)
            }
        }
    }

    /// The next initialized tick within the word, with its record (one more read); `None`
    /// when the rest of the word is empty, and [`Search::end`] is its end.
    pub fn next(&mut self, tick: i32, zero_for_one: bool) -> StdResult<Option<(i32, TickInfo)>> {
        let spacing = self.tick_spacing;
        let (next, initialized) = next_initialized_within_one_word(
            |pos| self.word(pos),
            compress(tick, spacing),
            zero_for_one,
        )?;
        // `next` is within 256 of a compressed tick, so this is within 256 * spacing of the
        // range: no overflow.
        let tick = next * spacing;
        if initialized {
            return Ok(Some((tick, TICKS.load(self.storage, tick)?)));
        }
        // A word's end may lie beyond the range (v3 clamps it).
        self.end = tick.clamp(MIN_TICK, MAX_TICK);
        Ok(None)
    }

    /// Where a step goes when [`Search::next`] found nothing: the end of that word.
    pub fn end(&self, _zero_for_one: bool) -> i32 {
        self.end
    }
}

/// The bits one action flips, merged per word, so each word is read and written once.
pub struct Flips {
    tick_spacing: i32,
    masks: BTreeMap<i16, Bits>,
}

impl Flips {
    pub fn new(tick_spacing: i32) -> Self {
        Flips {
            tick_spacing,
            masks: BTreeMap::new(),
        }
    }

    /// A tick whose record was just saved or removed (`existed`: it had one before): its bit
    /// flips when that changed whether it has one.
    pub fn note(&mut self, tick: i32, existed: bool, info: &TickInfo) {
        if existed != info.is_needed() {
            self.add(tick);
        }
    }

    /// v3's `flipTick`. Every stored tick passed `check_tick`, so it is on the spacing.
    pub fn add(&mut self, tick: i32) {
        debug_assert_eq!(tick.rem_euclid(self.tick_spacing), 0);
        let (word_pos, bit) = position(compress(tick, self.tick_spacing));
        let mask = self.masks.entry(word_pos).or_default();
        *mask = *mask ^ Bits::bit(bit);
    }

    /// Writes the flipped words; a word left without bits is removed.
    pub fn apply(self, storage: &mut dyn Storage) -> StdResult<()> {
        for (word_pos, mask) in self.masks {
            if mask.is_zero() {
                continue;
            }
            let bits = load_word(storage, word_pos)? ^ mask;
            if bits.is_zero() {
                TICK_BITMAP.remove(storage, word_pos);
            } else {
                TICK_BITMAP.save(storage, word_pos, &Word::from(bits))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;
    use trellis_store::codec::encode;

    /// Compressed ticks and their (word, bit), spacing 60 unless said:
    /// - -1 (spacing 1) and -60: compressed -1 = 256 * -1 + 255 -> (-1, 255);
    /// - -61: -61 / 60 = -1.01.. rounds down to -2 -> (-1, 254) (truncation would say -1);
    /// - -15360 = -256 * 60: compressed -256 -> (-1, 0); one tick lower, -257 -> (-2, 255);
    /// - 59: compressed 0 -> (0, 0); 15360: compressed 256 -> (1, 0);
    /// - MIN_TICK (spacing 1): -887272 = 256 * -3466 + 24 -> (-3466, 24);
    ///   MAX_TICK: 887272 = 256 * 3465 + 232 -> (3465, 232).
    #[test]
    fn word_and_bit_positions_round_toward_minus_infinity() {
        let at = |tick, spacing| position(compress(tick, spacing));
        assert_eq!(at(-1, 1), (-1, 255));
        assert_eq!(at(-60, 60), (-1, 255));
        assert_eq!(compress(-61, 60), -2);
        assert_eq!(at(-61, 60), (-1, 254));
        assert_eq!(at(-15_360, 60), (-1, 0));
        assert_eq!(at(-15_361, 60), (-2, 255));
        assert_eq!(at(59, 60), (0, 0));
        assert_eq!(at(15_360, 60), (1, 0));
        assert_eq!(at(MIN_TICK, 1), (-3466, 24));
        assert_eq!(at(MAX_TICK, 1), (3465, 232));
    }

    #[test]
    fn bit_masks_and_scans() {
        assert_eq!(Bits::at_or_below(0), Bits::bit(0));
        assert_eq!(Bits::at_or_below(255), Bits::at_or_above(0));
        assert_eq!(Bits::at_or_above(255), Bits::bit(255));
        // 127 and 128 straddle the halves.
        let w = Bits::bit(127) ^ Bits::bit(128);
        assert_eq!(w.most_significant(), Some(128));
        assert_eq!(w.least_significant(), Some(127));
        assert_eq!(w & Bits::at_or_below(127), Bits::bit(127));
        assert_eq!(w & Bits::at_or_above(128), Bits::bit(128));
        assert_eq!(Bits::ZERO.most_significant(), None);
        assert_eq!(Bits::ZERO.least_significant(), None);
        assert_eq!(Bits::from(Word::from(w)), w);
    }

    /// A word is a length byte and its bytes up to the highest set bit: bit 0 -> [1, 0x01];
    /// bit 255 -> 1 + 32 bytes; bit 246 (compressed -10, e.g. tick -600 at spacing 60) ->
    /// 246 / 8 = 30, so 31 bytes and the length byte.
    #[test]
    fn word_encoding_sizes() {
        let size = |b| encode(&Word::from(Bits::bit(b))).unwrap().len();
        assert_eq!(encode(&Word::from(Bits::bit(0))).unwrap(), vec![1, 1]);
        assert_eq!(size(255), 33);
        assert_eq!(size(246), 32);
        assert_eq!(size(10), 3);
    }

    /// v3's `TickBitmap` tests: spacing 1, initialized -200, -55, -4, 70, 78, 84, 139, 240,
    /// 535. Words: -1 holds -256..=-1, 0 holds 0..=255, 1 holds 256..=511, 2 holds 512..=767.
    fn v3_fixture() -> MockStorage {
        let mut storage = MockStorage::new();
        let mut flips = Flips::new(1);
        for tick in [-200, -55, -4, 70, 78, 84, 139, 240, 535] {
            flips.add(tick);
        }
        flips.apply(&mut storage).unwrap();
        storage
    }

    fn next(storage: &dyn Storage, tick: i32, lte: bool) -> (i32, bool) {
        next_initialized_within_one_word(|pos| load_word(storage, pos), tick, lte).unwrap()
    }

    /// Up (lte false) searches from `tick + 1`:
    /// - 78 -> 84 (at an initialized tick, the next one); -55 -> -4; 77 -> 78; -56 -> -55;
    /// - 255 -> word 1 from bit 0, empty -> its end, 256 + 255 = 511, not initialized;
    /// - -257 -> word -1 from bit 0 (-256), first set bit 56 -> -256 + 56 = -200;
    /// - 508 -> bits 509..=511 of word 1 are empty -> 511; 383 -> 511 (half a word).
    #[test]
    fn next_up_within_one_word() {
        let s = v3_fixture();
        assert_eq!(next(&s, 78, false), (84, true));
        assert_eq!(next(&s, -55, false), (-4, true));
        assert_eq!(next(&s, 77, false), (78, true));
        assert_eq!(next(&s, -56, false), (-55, true));
        assert_eq!(next(&s, 255, false), (511, false));
        assert_eq!(next(&s, -257, false), (-200, true));
        assert_eq!(next(&s, 508, false), (511, false));
        assert_eq!(next(&s, 383, false), (511, false));
    }

    /// Down (lte true) searches from `tick` itself:
    /// - 78 -> 78; 79 -> 78; 72 -> 70;
    /// - 258 -> word 1 bits 0..=2 are empty -> its start, 256, not initialized; 256 -> 256;
    /// - -257 -> word -2 (-512..=-257), empty -> -512;
    /// - 1023 and 900 -> word 3 (768..=1023) is empty -> 768.
    #[test]
    fn next_down_within_one_word() {
        let s = v3_fixture();
        assert_eq!(next(&s, 78, true), (78, true));
        assert_eq!(next(&s, 79, true), (78, true));
        assert_eq!(next(&s, 72, true), (70, true));
        assert_eq!(next(&s, 258, true), (256, false));
        assert_eq!(next(&s, 256, true), (256, false));
        assert_eq!(next(&s, -257, true), (-512, false));
        assert_eq!(next(&s, 1023, true), (768, false));
        assert_eq!(next(&s, 900, true), (768, false));
    }

    /// Spacing 60 and ticks off the spacing: from -61 (compressed -2) down, -120 (compressed
    /// -2) is found; from -61 up, the search starts at compressed -1, tick -60.
    #[test]
    fn next_with_spacing() {
        let mut storage = MockStorage::new();
        let mut flips = Flips::new(60);
        flips.add(-120);
        flips.add(-60);
        flips.apply(&mut storage).unwrap();
        let mut search = Search::new(&storage, 60);
        // No records were written, so finding an initialized tick fails to load it: the
        // index and the records must agree.
        assert!(search.next(-61, true).is_err());
        // Up from -60 (compressed -1): word 0 is empty -> compressed 255, tick 15,300.
        assert_eq!(search.next(-60, false).unwrap(), None);
        assert_eq!(search.end(false), 15_300);
        assert_eq!(
            next_initialized_within_one_word(|p| load_word(&storage, p), -2, true).unwrap(),
            (-2, true)
        );
        assert_eq!(
            next_initialized_within_one_word(|p| load_word(&storage, p), -2, false).unwrap(),
            (-1, true)
        );
        // Past the range's ends the word's end is clamped: down from MIN_TICK + 1 at spacing
        // 1, word -3466 starts at -887296 < MIN_TICK.
        let mut wide = Search::new(&storage, 1);
        assert_eq!(wide.next(MIN_TICK + 1, true).unwrap(), None);
        assert_eq!(wide.end(true), MIN_TICK);
        assert_eq!(wide.next(MAX_TICK - 1, false).unwrap(), None);
        assert_eq!(wide.end(false), MAX_TICK);
    }

    /// Flipping a tick twice clears it, whether in one action (the masks cancel, nothing is
    /// read or written) or in two (the word is written, then removed).
    #[test]
    fn flip_twice_clears() {
        let mut storage = MockStorage::new();
        let mut flips = Flips::new(10);
        flips.add(-20);
        flips.add(-20);
        flips.apply(&mut storage).unwrap();
        assert_eq!(TICK_BITMAP.may_load(&storage, -1).unwrap(), None);

        for expected in [Some(Word::from(Bits::bit(254))), None] {
            let mut flips = Flips::new(10);
            flips.add(-20);
            flips.apply(&mut storage).unwrap();
            assert_eq!(TICK_BITMAP.may_load(&storage, -1).unwrap(), expected);
        }
        // Two ticks of one word are one write; clearing one keeps the other.
        let mut flips = Flips::new(10);
        flips.add(-20);
        flips.add(-10);
        flips.apply(&mut storage).unwrap();
        let both = Bits::bit(254) ^ Bits::bit(255);
        assert_eq!(load_word(&storage, -1).unwrap(), both);
        let mut flips = Flips::new(10);
        flips.add(-10);
        flips.apply(&mut storage).unwrap();
        assert_eq!(load_word(&storage, -1).unwrap(), Bits::bit(254));
    }
}
