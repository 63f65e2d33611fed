//! One value to bytes and back.
#[cfg(not(feature = "json"))]
use cosmwasm_std::StdError;
use cosmwasm_std::StdResult;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The stored bytes of `value`.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> StdResult<Vec<u8>> {
    #[cfg(feature = "json")]
    {
        cosmwasm_std::to_json_vec(value)
    }
    #[cfg(not(feature = "json"))]
    {
        postcard::to_allocvec(value).map_err(|e| StdError::serialize_err(type_name::<T>(), e))
    }
}

/// The value stored as `bytes`. Trailing bytes are an error: they would mean the record
/// was written with another layout.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> StdResult<T> {
    #[cfg(feature = "json")]
    {
        cosmwasm_std::from_json(bytes)
    }
    #[cfg(not(feature = "json"))]
    {
        let (value, rest) = postcard::take_from_bytes::<T>(bytes)
            .map_err(|e| StdError::parse_err(type_name::<T>(), e))?;
        if !rest.is_empty() {
            return Err(StdError::parse_err(
                type_name::<T>(),
                format!("{} trailing bytes", rest.len()),
            ));
        }
        Ok(value)
    }
}

#[cfg(not(feature = "json"))]
fn type_name<T: ?Sized>() -> &'static str {
    core::any::type_name::<T>()
}

#[cfg(all(test, not(feature = "json")))]
mod tests {
    use super::*;
    use cosmwasm_std::{Uint128, Uint256};
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Sample {
        #[serde(with = "crate::num::u128")]
        small: Uint128,
        #[serde(with = "crate::num::u256")]
        big: Uint256,
        flag: bool,
    }

    #[test]
    fn a_record_is_its_fields_in_order() {
        let s = Sample {
            small: Uint128::new(300),
            big: Uint256::from(0x01_0203u64),
            flag: true,
        };
        let bytes = encode(&s).unwrap();
        // 300 as a varint: 0xac 0x02 (7 bits each, low first); the u256 as length 3 and
        // its three significant bytes; true as 1.
        #[cfg(not(feature = "fixed256"))]
        assert_eq!(bytes, vec![0xac, 0x02, 3, 1, 2, 3, 1]);
        assert_eq!(decode::<Sample>(&bytes).unwrap(), s);
    }

    #[test]
    fn trailing_bytes_are_refused() {
        let mut bytes = encode(&true).unwrap();
        bytes.push(0);
        assert!(decode::<bool>(&bytes).is_err());
    }
}
