//! How a receipt is spread over weeks: in proportion to time since the last checkpoint
//! (Curve's model), with floors that telescope so the parts add up exactly.
use cosmwasm_std::Uint128;
use trellis_math::mul_div::mul_div_floor;
use trellis_math::MathError;
use trellis_types::voting_escrow::WEEK;

/// The start of the week holding `t`.
pub fn week_start(t: u64) -> u64 {
    t / WEEK * WEEK
}

/// Share of `amount`, received over `[from, now)`, that falls in `[seg_start, seg_end)`, for
/// `from <= seg_start <= seg_end <= now` and `from < now`:
/// `floor(amount * (seg_end - from) / span) - floor(amount * (seg_start - from) / span)`.
/// Credits round down, and because each part is a difference of the same floored prefix,
/// adjacent parts add up to exactly `floor(amount * (end - from) / span)`: nothing is lost
/// between weeks, and a walk that reaches `now` books all of `amount`.
pub fn segment_share(
    amount: Uint128,
    from: u64,
    now: u64,
    seg_start: u64,
    seg_end: u64,
) -> Result<Uint128, MathError> {
    let span = Uint128::from(now - from);
    let upto = |t: u64| mul_div_floor(amount, Uint128::from(t - from), span);
    let end = upto(seg_end)?;
    let start = upto(seg_start)?;
    // seg_start <= seg_end, so the floored prefix at seg_end is not smaller.
    Ok(end - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_start_rounds_down() {
        assert_eq!(week_start(0), 0);
        assert_eq!(week_start(WEEK - 1), 0);
        assert_eq!(week_start(WEEK), WEEK);
        assert_eq!(week_start(3 * WEEK + 5), 3 * WEEK);
    }

    #[test]
    fn parts_telescope_to_the_whole() {
        // 100 received over [0, 3): thirds floor to 33 (floor(100/3)), then
        // floor(200/3) - 33 = 66 - 33 = 33, then 100 - 66 = 34: 33 + 33 + 34 = 100.
        let a = Uint128::new(100);
        assert_eq!(segment_share(a, 0, 3, 0, 1), Ok(Uint128::new(33)));
        assert_eq!(segment_share(a, 0, 3, 1, 2), Ok(Uint128::new(33)));
        assert_eq!(segment_share(a, 0, 3, 2, 3), Ok(Uint128::new(34)));
        // A walk stopping early books floor(100 * 2 / 3) = 66 and leaves 34.
        assert_eq!(segment_share(a, 0, 3, 0, 2), Ok(Uint128::new(66)));
        // An empty segment gets nothing.
        assert_eq!(segment_share(a, 0, 3, 2, 2), Ok(Uint128::zero()));
    }
}
