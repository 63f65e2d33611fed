//! Human formatting of amounts and times, shared by the table and the HTML report.

/// Fraction digits shown for display amounts (more would be noise in a table).
pub const MAX_SHOWN_DECIMALS: u8 = 6;

/// `raw` base units of a `decimals`-decimal token in display units, with thousands
/// separators and at most [`MAX_SHOWN_DECIMALS`] fraction digits (truncated, never rounded up):
/// `amount(1_234_567_891, 6) == "1,234.567891"`.
pub fn amount(raw: u128, decimals: u8) -> String {
    amount_places(raw, decimals, MAX_SHOWN_DECIMALS)
}

/// [`amount`] with at most `places` fraction digits (truncated): `amount_places(1_234_567_891,
/// 6, 2) == "1,234.56"`.
pub fn amount_places(raw: u128, decimals: u8, places: u8) -> String {
    let scale = 10u128.pow(decimals as u32);
    let whole = group(raw / scale);
    let shown = decimals.min(places);
    if shown == 0 {
        return whole;
    }
    let fraction = format!("{:0width$}", raw % scale, width = decimals as usize);
    format!("{whole}.{}", &fraction[..shown as usize])
}

/// A decimal with at most `places` fraction digits (truncated) and no trailing zeros:
/// `decimal(0.2501999, 4) == "0.2501"`, `decimal(5, 4) == "5"`.
pub fn decimal(value: cosmwasm_std::Decimal256, places: usize) -> String {
    let text = value.to_string();
    let Some((whole, fraction)) = text.split_once('.') else {
        return text;
    };
    let cut = &fraction[..fraction.len().min(places)];
    let cut = cut.trim_end_matches('0');
    if cut.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{cut}")
    }
}

/// Display units as a float, for charts only.
pub fn to_f64(raw: u128, decimals: u8) -> f64 {
    raw as f64 / 10f64.powi(decimals as i32)
}

/// `1234567` -> `1,234,567`.
pub fn group(n: u128) -> String {
    let digits = n.to_string();
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

    #[test]
    fn amounts() {
        assert_eq!(amount(1_234_567_891, 6), "1,234.567891");
        assert_eq!(amount(5, 0), "5");
        assert_eq!(amount(0, 2), "0.00");
        // 18 decimals: 1.5e18 shows 6 digits.
        assert_eq!(amount(1_500_000_000_000_000_000, 18), "1.500000");
        assert_eq!(amount_places(1_234_567_891, 6, 2), "1,234.56");
        assert_eq!(amount_places(1_234_567_891, 6, 0), "1,234");
        assert_eq!(group(1_000), "1,000");
        assert_eq!(group(999), "999");
    }

    #[test]
    fn decimals() {
        use cosmwasm_std::Decimal256;
        // 0.2501999 truncates to 0.2501; 0.25 keeps no trailing zero; 5 has no point.
        let d = Decimal256::from_ratio(2_501_999u128, 10_000_000u128);
        assert_eq!(decimal(d, 4), "0.2501");
        assert_eq!(decimal(Decimal256::percent(25), 6), "0.25");
        assert_eq!(decimal(Decimal256::from_ratio(5u128, 1u128), 4), "5");
        assert_eq!(decimal(Decimal256::from_ratio(1u128, 100_000u128), 4), "0");
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
