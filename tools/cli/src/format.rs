//! Human formatting of values, amounts and times, shared by the terminal tables, the HTML
//! report and its charts.
//!
//! **Values** (amounts in display units, prices, ratios, chart ticks) are shown with
//! significant digits by [`sig`], one rule everywhere:
//!
//! - rounded to the nearest (halves away from zero) at `digits` significant digits, but the
//!   digits of the integer part are never rounded away: `1,234,567.89` keeps `1,234,568`;
//! - trailing zeros of the fraction are dropped: `1.5`, not `1.500000`;
//! - the integer part is grouped by thousands with `,`;
//! - below `1e-4` in magnitude the value is written `2.5e-7` (a mantissa with the same
//!   significant digits and a power of ten), since more than three leading zeros are hard to
//!   count; from `0.0001` up it is written positionally (`0.00025`), never with an exponent;
//! - zero is `0`, and a non-zero value is never shown as `0`: its first digit is always kept.
//!
//! Tables and the text summary use [`DIGITS`] significant digits ([`value`]) and percentages
//! [`PERCENT_DIGITS`] ([`percent`]); chart axes as many as the tick step needs
//! (`report::chart::tick_labels`), so that distinct ticks get distinct labels.
//!
//! **Exact amounts**: [`amount`] writes every non-zero fraction digit, positionally, for amounts
//! echoed in messages (a scripted action's amount, a slippage bound) and for the options books,
//! whose equalities a reader checks by eye. The other books and the conservation lines stay in
//! base units (plain integers); the CSV and JSON files hold raw base units.
use cosmwasm_std::{Decimal, Decimal256, SignedDecimal};

/// Significant digits of values in the tables and the text summary.
pub const DIGITS: u32 = 6;

/// Significant digits of percentages (`14.95%`, `0.07%`, `100%`).
pub const PERCENT_DIGITS: u32 = 4;

/// Values whose leading digit is below `10^SCIENTIFIC_BELOW` are written with an exponent.
const SCIENTIFIC_BELOW: i32 = -4;

/// An exact decimal number: `digits × 10^exponent`, or a float that is not finite.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number {
    negative: bool,
    /// Decimal digits (0-9) without leading zeros; empty for zero.
    digits: Vec<u8>,
    exponent: i32,
    /// `NaN`, `inf` or `-inf` for a float that is not finite.
    not_finite: Option<&'static str>,
}

impl Number {
    /// `negative × digits × 10^exponent`, `digits` an unsigned decimal integer's text.
    fn new(negative: bool, digits: &str, exponent: i32) -> Self {
        let digits: Vec<u8> = digits
            .bytes()
            .skip_while(|b| *b == b'0')
            .map(|b| b - b'0')
            .collect();
        Number {
            negative: negative && !digits.is_empty(),
            digits,
            exponent,
            not_finite: None,
        }
    }

    /// `raw` base units of a `decimals`-decimal token, in display units.
    pub fn units(raw: u128, decimals: u8) -> Self {
        Number::new(false, &raw.to_string(), -i32::from(decimals))
    }

    /// The same number times `10^k`.
    fn shifted(mut self, k: i32) -> Self {
        self.exponent += k;
        self
    }

    /// The power of ten of the leading digit (`2.5e-7` -> -7, `1,234` -> 3); `None` for zero.
    pub fn magnitude(&self) -> Option<i32> {
        if self.digits.is_empty() || self.not_finite.is_some() {
            None
        } else {
            Some(self.digits.len() as i32 - 1 + self.exponent)
        }
    }

    /// The text: `digits` significant digits (`None`: every digit, positionally).
    fn render(&self, digits: Option<u32>) -> String {
        if let Some(text) = self.not_finite {
            return text.to_string();
        }
        let Some(mut lead) = self.magnitude() else {
            return "0".to_string();
        };
        let mut d = self.digits.clone();
        if let Some(sig) = digits {
            // Never fewer than the integer part's digits.
            let keep = (sig.max(1) as i32).max(lead + 1) as usize;
            if d.len() > keep {
                let up = d[keep] >= 5;
                d.truncate(keep);
                if up {
                    let mut i = keep;
                    loop {
                        if i == 0 {
                            d.insert(0, 1);
                            lead += 1;
                            break;
                        }
                        i -= 1;
                        if d[i] == 9 {
                            d[i] = 0;
                        } else {
                            d[i] += 1;
                            break;
                        }
                    }
                }
            }
        }
        while d.last() == Some(&0) {
            d.pop();
        }
        let text = if digits.is_some() && lead < SCIENTIFIC_BELOW {
            scientific(&d, lead)
        } else {
            positional(&d, lead)
        };
        if self.negative {
            format!("-{text}")
        } else {
            text
        }
    }
}

/// `d` (leading digit at `10^lead`) as `1,234.5` or `0.00025`.
fn positional(d: &[u8], lead: i32) -> String {
    let char_of = |x: &u8| char::from(b'0' + x);
    let (whole, fraction): (String, String) = if lead >= 0 {
        let n = lead as usize + 1;
        let whole: String = (0..n).map(|i| d.get(i).map_or('0', char_of)).collect();
        (whole, d.iter().skip(n).map(char_of).collect())
    } else {
        let zeros = "0".repeat((-lead - 1) as usize);
        (
            "0".to_string(),
            zeros + &d.iter().map(char_of).collect::<String>(),
        )
    };
    let whole = group_digits(&whole);
    if fraction.is_empty() {
        whole
    } else {
        format!("{whole}.{fraction}")
    }
}

/// `d` (leading digit at `10^lead`) as `2.5e-7`.
fn scientific(d: &[u8], lead: i32) -> String {
    let char_of = |x: &u8| char::from(b'0' + x);
    let rest: String = d.iter().skip(1).map(char_of).collect();
    let first = d.first().map_or('0', char_of);
    if rest.is_empty() {
        format!("{first}e{lead}")
    } else {
        format!("{first}.{rest}e{lead}")
    }
}

impl From<f64> for Number {
    /// The shortest decimal that reads back as `v` (`0.1`, not `0.1000000000000000055…`).
    fn from(v: f64) -> Self {
        if !v.is_finite() {
            let text = if v.is_nan() {
                "NaN"
            } else if v > 0.0 {
                "inf"
            } else {
                "-inf"
            };
            return Number {
                negative: false,
                digits: Vec::new(),
                exponent: 0,
                not_finite: Some(text),
            };
        }
        let text = format!("{:e}", v.abs());
        let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        Number::new(
            v < 0.0,
            &format!("{whole}{fraction}"),
            exp - fraction.len() as i32,
        )
    }
}

impl From<Decimal256> for Number {
    fn from(d: Decimal256) -> Self {
        Number::new(
            false,
            &d.atomics().to_string(),
            -(Decimal256::DECIMAL_PLACES as i32),
        )
    }
}

impl From<Decimal> for Number {
    fn from(d: Decimal) -> Self {
        Number::new(
            false,
            &d.atomics().to_string(),
            -(Decimal::DECIMAL_PLACES as i32),
        )
    }
}

impl From<SignedDecimal> for Number {
    fn from(d: SignedDecimal) -> Self {
        let atomics = d.atomics().i128();
        Number::new(
            atomics < 0,
            &atomics.unsigned_abs().to_string(),
            -(SignedDecimal::DECIMAL_PLACES as i32),
        )
    }
}

impl From<u128> for Number {
    fn from(n: u128) -> Self {
        Number::new(false, &n.to_string(), 0)
    }
}

impl From<i128> for Number {
    fn from(n: i128) -> Self {
        Number::new(n < 0, &n.unsigned_abs().to_string(), 0)
    }
}

/// A value with `digits` significant digits, by the rule of this module:
/// `sig(2.5e-7, 4) == "2.5e-7"`, `sig(0.00123456, 4) == "0.001235"`,
/// `sig(1_234_567.89, 4) == "1,234,568"`, `sig(0.0, 4) == "0"`.
pub fn sig(n: impl Into<Number>, digits: u32) -> String {
    n.into().render(Some(digits))
}

/// `raw` base units of a `decimals`-decimal token as a value in display units, with
/// [`DIGITS`] significant digits: `value(1_234_567_891, 6) == "1,234.57"`.
pub fn value(raw: u128, decimals: u8) -> String {
    sig(Number::units(raw, decimals), DIGITS)
}

/// A fraction as a percentage with [`PERCENT_DIGITS`] significant digits:
/// `percent(0.1495283…) == "14.95%"`, `percent(1) == "100%"`.
pub fn percent(fraction: impl Into<Number>) -> String {
    format!(
        "{}%",
        fraction.into().shifted(2).render(Some(PERCENT_DIGITS))
    )
}

/// Basis points as a percentage ([`percent`]): 6235 -> `62.35%`.
pub fn percent_bps(bps: u64) -> String {
    percent(Number::units(u128::from(bps), 4))
}

/// `raw` base units of a `decimals`-decimal token in display units, exactly (for messages that
/// echo an amount): thousands separators, every non-zero fraction digit, never an exponent:
/// `amount(1_234_567_891, 6) == "1,234.567891"`, `amount(100_000_000_000, 6) == "100,000"`.
pub fn amount(raw: u128, decimals: u8) -> String {
    Number::units(raw, decimals).render(None)
}

/// Display units as a float, for charts only.
pub fn to_f64(raw: u128, decimals: u8) -> f64 {
    raw as f64 / 10f64.powi(decimals as i32)
}

/// `1234567` -> `1,234,567`.
pub fn group(n: u128) -> String {
    group_digits(&n.to_string())
}

/// Commas between groups of three digits of an unsigned integer's text.
fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Seconds in compact units: `30d`, `1d 6h`, `6h`, `1h 30m`, `45s`, `0s`.
pub fn duration(secs: u64) -> String {
    let parts = [
        (secs / 86_400, "d"),
        (secs % 86_400 / 3_600, "h"),
        (secs % 3_600 / 60, "m"),
        (secs % 60, "s"),
    ];
    let shown: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect();
    if shown.is_empty() {
        "0s".to_string()
    } else {
        shown.join(" ")
    }
}

/// A moment of the run: the time, plus the block number for the height clock.
pub fn moment(t: u64, block_secs: u64, height_clock: bool) -> String {
    if height_clock {
        format!("block {} ({})", t / block_secs, duration(t))
    } else {
        duration(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected strings derived by hand from the rule in the module's documentation.
    #[test]
    fn significant_digits() {
        // Tiny prices: 2.5e-7 WETH per LIT is below 1e-4, so it takes an exponent; 0.00025 is
        // not. Neither is 0.
        assert_eq!(sig(2.5e-7, 4), "2.5e-7");
        assert_eq!(sig(0.00025, 4), "0.00025");
        assert_eq!(sig(0.0001, 4), "0.0001");
        assert_eq!(sig(0.000099999, 4), "0.0001"); // rounds up into positional
        assert_eq!(sig(0.00009999, 4), "9.999e-5");
        assert_eq!(sig(1.234e-9, 4), "1.234e-9");
        assert_eq!(sig(1.23456e-9, 4), "1.235e-9");
        assert_eq!(sig(0.001, 4), "0.001");
        assert_eq!(sig(0.0012345, 4), "0.001235"); // halves away from zero
        assert_eq!(sig(0.0012344, 4), "0.001234");
        // Large amounts: every integer digit stays, grouped; the fraction fills up to 4 digits.
        assert_eq!(sig(1_234_567.89, 4), "1,234,568");
        assert_eq!(sig(4_000_000.0, 4), "4,000,000");
        assert_eq!(sig(1_234.567_8, 4), "1,235");
        assert_eq!(sig(12.345678, 4), "12.35");
        assert_eq!(sig(999.96, 4), "1,000"); // the carry adds a digit
        assert_eq!(sig(9.9996, 4), "10");
        assert_eq!(sig(1e20, 4), "100,000,000,000,000,000,000");
        // Zero, ones, trailing zeros.
        assert_eq!(sig(0.0, 4), "0");
        assert_eq!(sig(-0.0, 4), "0");
        assert_eq!(sig(1.0, 4), "1");
        assert_eq!(sig(0.25, 4), "0.25");
        assert_eq!(sig(0.6000000000000001, 4), "0.6");
        // Negative values: the same digits after a minus sign.
        assert_eq!(sig(-2.5e-7, 4), "-2.5e-7");
        assert_eq!(sig(-1_234.567_8, 6), "-1,234.57");
        assert_eq!(sig(-0.5_f64, 6), "-0.5");
        assert_eq!(sig(f64::NAN, 4), "NaN");
    }

    #[test]
    fn exact_types() {
        // 2.5e-7 as a Decimal256 (250,000,000,000 atomics of 1e-18).
        let tiny = Decimal256::from_ratio(1u128, 4_000_000u128);
        assert_eq!(sig(tiny, DIGITS), "2.5e-7");
        // 1/3: six threes; 2/3 rounds up.
        assert_eq!(
            sig(Decimal256::from_ratio(1u128, 3u128), DIGITS),
            "0.333333"
        );
        assert_eq!(
            sig(Decimal256::from_ratio(2u128, 3u128), DIGITS),
            "0.666667"
        );
        // The smallest Decimal256, 1e-18.
        assert_eq!(sig(Decimal256::new(1u128.into()), DIGITS), "1e-18");
        assert_eq!(sig(Decimal::percent(90), DIGITS), "0.9");
        let minus = SignedDecimal::from_atomics(-5i128, 1).unwrap();
        assert_eq!(sig(minus, DIGITS), "-0.5");
        assert_eq!(sig(SignedDecimal::zero(), DIGITS), "0");
        assert_eq!(sig(-12_345_678i128, DIGITS), "-12,345,678");
        // u128::MAX base units: exact, all 39 digits.
        assert_eq!(
            sig(u128::MAX, DIGITS),
            "340,282,366,920,938,463,463,374,607,431,768,211,455"
        );
    }

    #[test]
    fn values_of_base_units() {
        assert_eq!(value(1_234_567_891, 6), "1,234.57");
        assert_eq!(value(4_000_000_000_000, 6), "4,000,000");
        assert_eq!(value(4_269_431_767_559_607, 6), "4,269,431,768");
        assert_eq!(value(22_000_000_000, 6), "22,000");
        assert_eq!(value(5, 0), "5");
        assert_eq!(value(0, 6), "0");
        // One base unit of an 18-decimal token, and 1.5 of it.
        assert_eq!(value(1, 18), "1e-18");
        assert_eq!(value(1_500_000_000_000_000_000, 18), "1.5");
        // 0.000001 (one unit of a 6-decimal token) is below 1e-4.
        assert_eq!(value(1, 6), "1e-6");
        assert_eq!(value(250, 6), "0.00025");
        assert_eq!(value(361_712_095_811, 6), "361,712");
    }

    #[test]
    fn percentages() {
        assert_eq!(
            percent(Decimal::from_ratio(1_495_283u128, 10_000_000u128)),
            "14.95%"
        );
        assert_eq!(percent(Decimal::one()), "100%");
        assert_eq!(percent(Decimal::percent(25)), "25%");
        assert_eq!(percent(Decimal::zero()), "0%");
        // 1e-7 of the whole: 0.00001%, below 1e-4 percent.
        assert_eq!(percent(Decimal::from_ratio(1u128, 10_000_000u128)), "1e-5%");
        assert_eq!(percent_bps(6_235), "62.35%");
        assert_eq!(percent_bps(10_000), "100%");
        assert_eq!(percent_bps(7), "0.07%");
    }

    #[test]
    fn exact_amounts() {
        assert_eq!(amount(1_234_567_891, 6), "1,234.567891");
        assert_eq!(amount(100_000_000_000, 6), "100,000");
        assert_eq!(amount(90_661_089_389, 6), "90,661.089389");
        assert_eq!(amount(1, 6), "0.000001");
        assert_eq!(amount(5, 0), "5");
        assert_eq!(amount(0, 2), "0");
        assert_eq!(amount(1_500_000_000_000_000_000, 18), "1.5");
        assert_eq!(amount(1, 18), "0.000000000000000001");
        assert_eq!(group(1_000), "1,000");
        assert_eq!(group(999), "999");
    }

    #[test]
    fn durations() {
        assert_eq!(duration(30 * 86_400), "30d");
        assert_eq!(duration(86_400 + 6 * 3_600), "1d 6h");
        assert_eq!(duration(61), "1m 1s");
        assert_eq!(duration(0), "0s");
        assert_eq!(moment(600, 5, true), "block 120 (10m)");
    }
}
