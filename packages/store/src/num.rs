//! Serde adapters for the integer fields of stored records:
//! `#[serde(with = "trellis_store::num::u128")]` on a `Uint128`, `num::u256` on a `Uint256`,
//! and `opt_u128` / `opt_u256` on their `Option`s.
//!
//! A binary encoder gets `Uint128` as a native `u128` (a varint: 1 byte below 128, at most
//! 19) and `Uint256` as its big-endian bytes without leading zeros (a length byte plus
//! 0..=32 bytes; zero is one byte). A human-readable encoder (JSON) gets the type's own
//! decimal string, so the `json` measurement variant stores what cosmwasm would.

/// `Uint128` as a native `u128`.
pub mod u128 {
    use cosmwasm_std::Uint128;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(value: &Uint128, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            value.serialize(s)
        } else {
            s.serialize_u128(value.u128())
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Uint128, D::Error> {
        if d.is_human_readable() {
            Uint128::deserialize(d)
        } else {
            u128::deserialize(d).map(Uint128::new)
        }
    }
}

/// `Option<Uint128>`: one byte for `None`, else a tag and the varint.
pub mod opt_u128 {
    use cosmwasm_std::Uint128;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Wrap(#[serde(with = "super::u128")] Uint128);

    pub fn serialize<S: Serializer>(value: &Option<Uint128>, s: S) -> Result<S::Ok, S::Error> {
        value.map(Wrap).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Uint128>, D::Error> {
        Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
    }
}

/// `Uint256` as big-endian bytes: without leading zeros by default, 32 fixed bytes with
/// the `fixed256` feature.
pub mod u256 {
    use cosmwasm_std::Uint256;
    use serde::de::{Error, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(value: &Uint256, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            return value.serialize(s);
        }
        let bytes = value.to_be_bytes();
        if cfg!(feature = "fixed256") {
            bytes.serialize(s)
        } else {
            let first = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
            s.serialize_bytes(&bytes[first..])
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Uint256, D::Error> {
        if d.is_human_readable() {
            return Uint256::deserialize(d);
        }
        if cfg!(feature = "fixed256") {
            return <[u8; 32]>::deserialize(d).map(Uint256::from_be_bytes);
        }
        d.deserialize_bytes(TrimmedBytes)
    }

    struct TrimmedBytes;

    impl<'de> Visitor<'de> for TrimmedBytes {
        type Value = Uint256;

        fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
            f.write_str("at most 32 big-endian bytes")
        }

        fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Uint256, E> {
            if v.len() > 32 {
                return Err(E::invalid_length(v.len(), &self));
            }
            let mut bytes = [0u8; 32];
            bytes[32 - v.len()..].copy_from_slice(v);
            Ok(Uint256::from_be_bytes(bytes))
        }
    }
}

/// `Option<Uint256>`.
pub mod opt_u256 {
    use cosmwasm_std::Uint256;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Wrap(#[serde(with = "super::u256")] Uint256);

    pub fn serialize<S: Serializer>(value: &Option<Uint256>, s: S) -> Result<S::Ok, S::Error> {
        value.map(Wrap).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Uint256>, D::Error> {
        Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
    }
}

/// `Decimal` as the varint of its 1e18 atomics (JSON: its own decimal string).
pub mod decimal {
    use cosmwasm_std::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            value.serialize(s)
        } else {
            s.serialize_u128(value.atomics().u128())
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        if d.is_human_readable() {
            Decimal::deserialize(d)
        } else {
            u128::deserialize(d).map(Decimal::raw)
        }
    }
}

/// `Option<Decimal>`: one byte for `None`, else a tag and the varint of its atomics.
pub mod opt_decimal {
    use cosmwasm_std::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Wrap(#[serde(with = "super::decimal")] Decimal);

    pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        value.map(Wrap).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
    }
}

/// Pairs (`[T; 2]`, e.g. a two-asset pool's reserves), each element through its adapter.
macro_rules! pair {
    ($name:ident, $ty:ty, $adapter:literal, $doc:literal) => {
        #[doc = $doc]
        pub mod $name {
            use serde::{Deserialize, Deserializer, Serialize, Serializer};

            #[derive(Serialize, Deserialize)]
            struct Wrap(#[serde(with = $adapter)] $ty);

            pub fn serialize<S: Serializer>(v: &[$ty; 2], s: S) -> Result<S::Ok, S::Error> {
                (Wrap(v[0]), Wrap(v[1])).serialize(s)
            }

            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[$ty; 2], D::Error> {
                let (a, b) = <(Wrap, Wrap)>::deserialize(d)?;
                Ok([a.0, b.0])
            }
        }
    };
}

pair!(
    u128_pair,
    cosmwasm_std::Uint128,
    "super::u128",
    "`[Uint128; 2]` as two varints."
);
pair!(
    u256_pair,
    cosmwasm_std::Uint256,
    "super::u256",
    "`[Uint256; 2]` as two trimmed big-endian byte strings."
);
pair!(
    decimal_pair,
    cosmwasm_std::Decimal,
    "super::decimal",
    "`[Decimal; 2]` as the varints of their atomics."
);

#[cfg(all(test, not(feature = "json")))]
mod tests {
    use crate::codec::{decode, encode};
    use cosmwasm_std::{Uint128, Uint256};
    use proptest::prelude::*;
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Numbers {
        #[serde(with = "super::u128")]
        a: Uint128,
        #[serde(with = "super::u256")]
        b: Uint256,
        #[serde(with = "super::opt_u128")]
        c: Option<Uint128>,
        #[serde(with = "super::opt_u256")]
        d: Option<Uint256>,
    }

    #[test]
    fn sizes() {
        let zero = Numbers {
            a: Uint128::zero(),
            b: Uint256::zero(),
            c: None,
            d: None,
        };
        // 0 (1 byte), empty bytes (length 0), None, None.
        #[cfg(not(feature = "fixed256"))]
        assert_eq!(encode(&zero).unwrap(), vec![0, 0, 0, 0]);
        // Fixed width: 1 + 32 + 1 + 1.
        #[cfg(feature = "fixed256")]
        assert_eq!(encode(&zero).unwrap().len(), 35);
        let max = Numbers {
            a: Uint128::MAX,
            b: Uint256::MAX,
            c: Some(Uint128::MAX),
            d: Some(Uint256::MAX),
        };
        // u128::MAX is 128 bits, ceil(128 / 7) = 19 varint bytes; Uint256::MAX is a length
        // byte and 32 bytes; each Some adds a tag byte: 19 + 33 + 20 + 34 = 106.
        #[cfg(not(feature = "fixed256"))]
        assert_eq!(encode(&max).unwrap().len(), 106);
        assert_eq!(decode::<Numbers>(&encode(&max).unwrap()).unwrap(), max);
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Others {
        #[serde(with = "super::decimal")]
        d: cosmwasm_std::Decimal,
        #[serde(with = "super::opt_decimal")]
        o: Option<cosmwasm_std::Decimal>,
        #[serde(with = "super::u128_pair")]
        p: [Uint128; 2],
    }

    #[test]
    fn decimals_and_pairs() {
        let v = Others {
            d: cosmwasm_std::Decimal::raw(300),
            o: None,
            p: [Uint128::new(1), Uint128::new(127)],
        };
        // 300 as a varint (0xac 0x02), None (0), then 1 and 127 (one byte each).
        assert_eq!(encode(&v).unwrap(), vec![0xac, 0x02, 0, 1, 127]);
        assert_eq!(decode::<Others>(&encode(&v).unwrap()).unwrap(), v);
    }

    #[test]
    fn more_than_32_bytes_is_refused() {
        // A 33-byte string where a Uint256 is expected.
        let mut bytes = vec![0u8, 33];
        bytes.extend([1u8; 33]);
        bytes.extend([0u8, 0u8]);
        #[cfg(not(feature = "fixed256"))]
        assert!(decode::<Numbers>(&bytes).is_err());
    }

    proptest! {
        #[test]
        fn round_trip(a in any::<u128>(), hi in any::<u128>(), lo in any::<u128>(), c in any::<Option<u128>>(), shift in 0u32..256) {
            let mut be = [0u8; 32];
            be[..16].copy_from_slice(&hi.to_be_bytes());
            be[16..].copy_from_slice(&lo.to_be_bytes());
            let b = Uint256::from_be_bytes(be) >> shift;
            let n = Numbers { a: Uint128::new(a), b, c: c.map(Uint128::new), d: Some(b) };
            prop_assert_eq!(decode::<Numbers>(&encode(&n).unwrap()).unwrap(), n);
        }
    }
}
