//! Amounts in the database. Neither SQLite nor sqlx's `Any` driver holds a `u128`, so an
//! amount is stored as text of exactly 39 digits (`u128::MAX` has 39), zero-padded: text
//! order is then numeric order, and `orderBy`, `_gt` and `_lt` work in SQL on both engines.
//! The API strips the padding (The Graph's `BigInt` is a decimal string).

/// Digits of `u128::MAX` (340282366920938463463374607431768211455).
pub const WIDTH: usize = 39;

/// The stored form of an amount.
pub fn pad(amount: u128) -> String {
    format!("{amount:0WIDTH$}")
}

/// The amount of a stored value; `None` when the text is not one.
pub fn parse(stored: &str) -> Option<u128> {
    stored.parse().ok()
}

/// The stored form of a decimal string given by a user (a filter value), or `None` when it
/// is not an amount.
pub fn pad_decimal(decimal: &str) -> Option<String> {
    decimal.trim().parse::<u128>().ok().map(pad)
}

/// The API form of a stored amount: its decimal digits without the padding.
pub fn unpad(stored: &str) -> String {
    let digits = stored.trim_start_matches('0');
    if digits.is_empty() { "0" } else { digits }.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_text_orders_as_numbers() {
        assert_eq!(pad(0), "0".repeat(39));
        assert_eq!(pad(u128::MAX), "340282366920938463463374607431768211455");
        assert!(pad(9) < pad(10));
        assert!(pad(999) < pad(1000));
        assert_eq!(unpad(&pad(0)), "0");
        assert_eq!(unpad(&pad(1_000)), "1000");
        assert_eq!(parse(&pad(12_345)), Some(12_345));
        assert_eq!(pad_decimal("x"), None);
        // One past u128::MAX is not an amount.
        assert_eq!(pad_decimal("340282366920938463463374607431768211456"), None);
    }
}
