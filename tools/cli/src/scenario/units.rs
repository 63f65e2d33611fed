//! Scalar values of the scenario format: durations and token amounts.
//!
//! - A **duration** is a TOML integer (in the farm's clock unit: seconds for `clock = "time"`,
//!   blocks for `clock = "height"`) or a string `"<n><unit>"` with unit `s`, `m`, `h`, `d`,
//!   `w` (seconds-based) or `b` / `blocks` (blocks), e.g. `"30d"`, `"6h"`, `"120 blocks"`.
//!   A string without a unit is in the clock unit too.
//! - An **amount** is in the token's display unit (`"1.5"` of a 6-decimal token is 1_500_000
//!   base units): a TOML integer or a decimal string with at most `decimals` fraction digits;
//!   `_` separators are allowed in strings. Floats are refused (they are not exact).
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// A duration as written, before the clock and block time are known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dur {
    /// In the farm's clock unit (a bare number).
    Clock(u64),
    Secs(u64),
    Blocks(u64),
}

impl Dur {
    /// Parses `"30d"`, `"6h"`, `"120 blocks"`, `"15"`.
    pub fn parse(text: &str) -> Result<Dur, String> {
        let text = text.trim();
        let digits_end = text
            .find(|c: char| !(c.is_ascii_digit() || c == '_'))
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(digits_end);
        let number: String = number.chars().filter(|c| *c != '_').collect();
        if number.is_empty() {
            return Err(format!(
                "`{text}` is not a duration (e.g. \"30d\", \"6h\", \"120 blocks\", 15)"
            ));
        }
        let n: u64 = number
            .parse()
            .map_err(|_| format!("`{text}`: number too large"))?;
        let mul = |factor: u64| {
            n.checked_mul(factor)
                .map(Dur::Secs)
                .ok_or_else(|| format!("`{text}`: too long"))
        };
        match unit.trim() {
            "" => Ok(Dur::Clock(n)),
            "s" | "sec" | "secs" => mul(1),
            "m" | "min" => mul(60),
            "h" => mul(3_600),
            "d" => mul(86_400),
            "w" => mul(604_800),
            "b" | "block" | "blocks" => Ok(Dur::Blocks(n)),
            other => Err(format!(
                "unknown duration unit `{other}` in `{text}` (use s, m, h, d, w, or blocks)"
            )),
        }
    }

    /// Seconds since the scenario start, given the clock and the block time. For the height
    /// clock every moment must fall on a block (a multiple of the block time).
    pub fn to_secs(self, height_clock: bool, block_secs: u64) -> Result<u64, String> {
        let secs = match self {
            Dur::Clock(n) if height_clock => n.checked_mul(block_secs),
            Dur::Clock(n) => Some(n),
            Dur::Secs(s) => Some(s),
            Dur::Blocks(n) => n.checked_mul(block_secs),
        }
        .ok_or_else(|| "duration too long".to_string())?;
        if height_clock && secs % block_secs != 0 {
            return Err(format!(
                "{secs} s is not a whole number of {block_secs} s blocks (the farm counts blocks)"
            ));
        }
        Ok(secs)
    }

    /// The duration in the farm's clock unit (seconds or blocks).
    pub fn to_clock_units(self, height_clock: bool, block_secs: u64) -> Result<u64, String> {
        let secs = self.to_secs(height_clock, block_secs)?;
        Ok(if height_clock {
            secs / block_secs
        } else {
            secs
        })
    }
}

impl<'de> Deserialize<'de> for Dur {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DurVisitor;
        impl Visitor<'_> for DurVisitor {
            type Value = Dur;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a duration: an integer (clock units) or a string like \"30d\", \"6h\", \"120 blocks\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Dur, E> {
                u64::try_from(v)
                    .map(Dur::Clock)
                    .map_err(|_| E::custom("a duration cannot be negative"))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Dur, E> {
                Ok(Dur::Clock(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Dur, E> {
                Dur::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(DurVisitor)
    }
}

/// A token amount as written, in display units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amount {
    /// Digits before the decimal point (no separators).
    whole: String,
    /// Digits after the decimal point (no trailing-zero trimming).
    fraction: String,
}

impl Amount {
    pub fn parse(text: &str) -> Result<Amount, String> {
        let cleaned: String = text.trim().chars().filter(|c| *c != '_').collect();
        let (whole, fraction) = match cleaned.split_once('.') {
            Some((w, f)) => (w.to_string(), f.to_string()),
            None => (cleaned.clone(), String::new()),
        };
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !digits(&whole) || !digits(&fraction) || (cleaned.ends_with('.')) {
            return Err(format!(
                "`{text}` is not an amount (a non-negative decimal such as \"1500\" or \"0.25\")"
            ));
        }
        Ok(Amount { whole, fraction })
    }

    pub fn from_integer(n: u128) -> Amount {
        Amount {
            whole: n.to_string(),
            fraction: String::new(),
        }
    }

    /// Base units for a token with `decimals` decimals: `whole * 10^d + fraction`.
    pub fn to_base(&self, decimals: u8) -> Result<u128, String> {
        let fraction = self.fraction.trim_end_matches('0');
        if fraction.len() > decimals as usize {
            return Err(format!(
                "{self} has more fraction digits than the token's {decimals} decimals"
            ));
        }
        let scale = 10u128
            .checked_pow(decimals as u32)
            .ok_or_else(|| "too many decimals".to_string())?;
        let too_large = || format!("{self} is too large");
        let whole: u128 = self.whole.parse().map_err(|_| too_large())?;
        let mut frac_digits = fraction.to_string();
        while frac_digits.len() < decimals as usize {
            frac_digits.push('0');
        }
        let frac: u128 = if frac_digits.is_empty() {
            0
        } else {
            frac_digits.parse().map_err(|_| too_large())?
        };
        whole
            .checked_mul(scale)
            .and_then(|w| w.checked_add(frac))
            .ok_or_else(too_large)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.fraction.is_empty() {
            write!(f, "{}", self.whole)
        } else {
            write!(f, "{}.{}", self.whole, self.fraction)
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(AmountVisitor { allow_all: false })
            .map(|a| match a {
                AmountOrAll::Amount(a) => a,
                AmountOrAll::All => unreachable!("`all` is refused when not allowed"),
            })
    }
}

/// An amount, or `"all"` (withdraw everything staked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountOrAll {
    Amount(Amount),
    All,
}

impl<'de> Deserialize<'de> for AmountOrAll {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AmountVisitor { allow_all: true })
    }
}

struct AmountVisitor {
    allow_all: bool,
}

impl Visitor<'_> for AmountVisitor {
    type Value = AmountOrAll;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.allow_all {
            f.write_str("an amount (integer or decimal string such as \"0.25\") or \"all\"")
        } else {
            f.write_str("an amount (integer or decimal string such as \"0.25\")")
        }
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<AmountOrAll, E> {
        u128::try_from(v)
            .map(|n| AmountOrAll::Amount(Amount::from_integer(n)))
            .map_err(|_| E::custom("an amount cannot be negative"))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<AmountOrAll, E> {
        Ok(AmountOrAll::Amount(Amount::from_integer(v as u128)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<AmountOrAll, E> {
        Err(E::custom(format!(
            "write fractional amounts as strings (\"{v}\"): floats are not exact"
        )))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<AmountOrAll, E> {
        if self.allow_all && v.trim() == "all" {
            return Ok(AmountOrAll::All);
        }
        Amount::parse(v).map(AmountOrAll::Amount).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(Dur::parse("30d"), Ok(Dur::Secs(30 * 86_400)));
        assert_eq!(Dur::parse("6h"), Ok(Dur::Secs(21_600)));
        assert_eq!(Dur::parse("120 blocks"), Ok(Dur::Blocks(120)));
        assert_eq!(Dur::parse("1_000"), Ok(Dur::Clock(1_000)));
        assert!(Dur::parse("3 fortnights").is_err());
        assert!(Dur::parse("d").is_err());
        // Height clock, 5 s blocks: 1 h = 720 blocks; 7 s is not on a block.
        assert_eq!(Dur::Secs(3_600).to_clock_units(true, 5), Ok(720));
        assert!(Dur::Secs(7).to_secs(true, 5).is_err());
        // A bare number is blocks on the height clock, seconds on the time clock.
        assert_eq!(Dur::Clock(10).to_secs(true, 5), Ok(50));
        assert_eq!(Dur::Clock(10).to_secs(false, 5), Ok(10));
        assert_eq!(Dur::Blocks(10).to_secs(false, 6), Ok(60));
    }

    #[test]
    fn amounts() {
        let base = |s: &str, d: u8| Amount::parse(s).unwrap().to_base(d);
        assert_eq!(base("1.5", 6), Ok(1_500_000));
        assert_eq!(base("1_000", 0), Ok(1_000));
        assert_eq!(base("0.000001", 6), Ok(1));
        assert_eq!(base("2.50", 1), Ok(25));
        assert!(base("0.0000001", 6).is_err());
        assert!(Amount::parse("-1").is_err());
        assert!(Amount::parse("1.").is_err());
        assert!(Amount::parse("abc").is_err());
        // u128::MAX is about 3.4e38: 1e20 tokens of 18 decimals (1e38) fit, 1e21 do not.
        assert_eq!(base("100000000000000000000", 18), Ok(10u128.pow(38)));
        assert!(base("1000000000000000000000", 18).is_err());
    }
}
