//! Block times as CometBFT writes them (RFC 3339, UTC, nanoseconds): `2023-11-14T22:13:20Z`
//! or `2023-11-14T22:13:20.123456789Z`. Whole seconds are what the contracts see.
use anyhow::{bail, Result};

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Unix seconds of an RFC 3339 UTC time (fractions of a second are dropped).
pub fn parse(text: &str) -> Result<u64> {
    let b = text.as_bytes();
    let digits = |from: usize, to: usize| -> Result<i64> {
        let part = text.get(from..to).unwrap_or("");
        if part.len() != to - from || !part.bytes().all(|c| c.is_ascii_digit()) {
            bail!("{text:?} is not an RFC 3339 time");
        }
        Ok(part.parse()?)
    };
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        bail!("{text:?} is not an RFC 3339 time");
    }
    let rest = &text[19..];
    let zone = match rest.strip_prefix('.') {
        Some(frac) => {
            let end = frac
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(frac.len());
            &frac[end..]
        }
        None => rest,
    };
    if zone != "Z" {
        bail!("{text:?}: only UTC (Z) times are expected from CometBFT");
    }
    let (year, month, day) = (digits(0, 4)?, digits(5, 7)?, digits(8, 10)?);
    let (hour, minute, second) = (digits(11, 13)?, digits(14, 16)?, digits(17, 19)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        bail!("{text:?} is not a valid time");
    }
    let secs = days_from_civil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second;
    u64::try_from(secs).map_err(|_| anyhow::anyhow!("{text:?} is before 1970"))
}

/// The RFC 3339 form of unix seconds, with CometBFT's nanosecond field.
pub fn format(unix: u64) -> String {
    let days = (unix / 86_400) as i64;
    let secs = unix % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.000000000Z",
        secs / 3_600,
        secs / 60 % 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_known_times() {
        // 1,700,000,000 s = 19,675 days + 80,000 s: 2023-11-14, 22:13:20.
        assert_eq!(format(1_700_000_000), "2023-11-14T22:13:20.000000000Z");
        assert_eq!(parse("2023-11-14T22:13:20Z").unwrap(), 1_700_000_000);
        assert_eq!(
            parse("2023-11-14T22:13:20.999999999Z").unwrap(),
            1_700_000_000
        );
        assert_eq!(parse("1970-01-01T00:00:00Z").unwrap(), 0);
        // 2024-02-29 (a leap day) is day 19,782: 19,782 x 86,400 = 1,709,164,800.
        assert_eq!(parse("2024-02-29T00:00:00Z").unwrap(), 1_709_164_800);
        for t in [0, 59, 86_399, 951_782_400, 1_709_164_800, 4_102_444_800] {
            assert_eq!(parse(&format(t)).unwrap(), t);
        }
        assert!(parse("2023-11-14 22:13:20Z").is_err());
        assert!(parse("2023-11-14T22:13:20+01:00").is_err());
        assert!(parse("2023-13-14T22:13:20Z").is_err());
    }
}
