//! `Item` and `Map` with `cw-storage-plus` keys and [`codec`](crate::codec) values. The
//! API follows `cw-storage-plus`, so a contract switches by changing an import.
use core::marker::PhantomData;

use cosmwasm_std::{Order, StdError, StdResult, Storage};
use cw_storage_plus::{range_with_prefix, Bound, KeyDeserialize, Prefix, Prefixer, PrimaryKey};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::codec::{decode, encode};

/// What a range yields: a decoded key and value.
pub type Entries<'s, K, T> = Box<dyn Iterator<Item = StdResult<(K, T)>> + 's>;

/// One value under a fixed key.
pub struct Item<T> {
    key: &'static [u8],
    value: PhantomData<T>,
}

impl<T: Serialize + DeserializeOwned> Item<T> {
    pub const fn new(key: &'static str) -> Self {
        Item {
            key: key.as_bytes(),
            value: PhantomData,
        }
    }

    pub fn save(&self, store: &mut dyn Storage, value: &T) -> StdResult<()> {
        store.set(self.key, &encode(value)?);
        Ok(())
    }

    pub fn may_load(&self, store: &dyn Storage) -> StdResult<Option<T>> {
        store.get(self.key).map(|v| decode(&v)).transpose()
    }

    pub fn load(&self, store: &dyn Storage) -> StdResult<T> {
        self.may_load(store)?
            .ok_or_else(|| StdError::not_found(core::any::type_name::<T>()))
    }

    pub fn exists(&self, store: &dyn Storage) -> bool {
        store.get(self.key).is_some()
    }

    pub fn remove(&self, store: &mut dyn Storage) {
        store.remove(self.key)
    }

    /// The raw key, for migrations that read the layout this slot replaced.
    pub fn key_bytes(&self) -> &'static [u8] {
        self.key
    }
}

/// Values under keys built as `cw_storage_plus::Map` builds them.
pub struct Map<K, T> {
    keys: cw_storage_plus::Map<K, ()>,
    value: PhantomData<T>,
}

impl<'a, K, T> Map<K, T>
where
    K: PrimaryKey<'a>,
    T: Serialize + DeserializeOwned,
{
    pub const fn new(namespace: &'static str) -> Self {
        Map {
            keys: cw_storage_plus::Map::new(namespace),
            value: PhantomData,
        }
    }

    /// The full storage key of `k`.
    pub fn key(&self, k: K) -> Vec<u8> {
        self.keys.key(k).to_vec()
    }

    pub fn save(&self, store: &mut dyn Storage, k: K, value: &T) -> StdResult<()> {
        store.set(&self.key(k), &encode(value)?);
        Ok(())
    }

    pub fn may_load(&self, store: &dyn Storage, k: K) -> StdResult<Option<T>> {
        store.get(&self.key(k)).map(|v| decode(&v)).transpose()
    }

    pub fn load(&self, store: &dyn Storage, k: K) -> StdResult<T> {
        self.may_load(store, k)?
            .ok_or_else(|| StdError::not_found(core::any::type_name::<T>()))
    }

    pub fn has(&self, store: &dyn Storage, k: K) -> bool {
        store.get(&self.key(k)).is_some()
    }

    pub fn remove(&self, store: &mut dyn Storage, k: K) {
        store.remove(&self.key(k))
    }

    /// Entries whose key starts with `p`, by the rest of their key.
    pub fn prefix_range<'s>(
        &self,
        store: &'s dyn Storage,
        p: K::Prefix,
        min: Option<Bound<'a, K::Suffix>>,
        max: Option<Bound<'a, K::Suffix>>,
        order: Order,
    ) -> Entries<'s, <K::Suffix as KeyDeserialize>::Output, T>
    where
        K::Suffix: PrimaryKey<'a> + KeyDeserialize + 'static,
        T: 's,
    {
        let prefix: Prefix<Vec<u8>, ()> = Prefix::new(self.keys.namespace_bytes(), &p.prefix());
        entries(store, &prefix, min, max, order)
    }

    /// All entries, by key.
    pub fn range<'s>(
        &self,
        store: &'s dyn Storage,
        min: Option<Bound<'a, K>>,
        max: Option<Bound<'a, K>>,
        order: Order,
    ) -> Entries<'s, K::Output, T>
    where
        K: KeyDeserialize + 'static,
        T: 's,
    {
        let all: Prefix<Vec<u8>, ()> = Prefix::new(self.keys.namespace_bytes(), &[]);
        entries(store, &all, min, max, order)
    }
}

fn entries<'a, 's, B, T>(
    store: &'s dyn Storage,
    prefix: &[u8],
    min: Option<Bound<'a, B>>,
    max: Option<Bound<'a, B>>,
    order: Order,
) -> Entries<'s, B::Output, T>
where
    B: PrimaryKey<'a> + KeyDeserialize,
    T: DeserializeOwned + 's,
{
    let records = range_with_prefix(
        store,
        prefix,
        min.map(|b| b.to_raw_bound()),
        max.map(|b| b.to_raw_bound()),
        order,
    );
    Box::new(records.map(|(k, v)| Ok((B::from_vec(k)?, decode(&v)?))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;
    use cosmwasm_std::Addr;

    const COUNT: Item<u64> = Item::new("count");
    const BY_USER: Map<(&Addr, u64), u64> = Map::new("by_user");

    #[test]
    fn keys_match_cw_storage_plus() {
        let plain: cw_storage_plus::Map<(&Addr, u64), u64> = cw_storage_plus::Map::new("by_user");
        let user = Addr::unchecked("user");
        assert_eq!(BY_USER.key((&user, 7)), plain.key((&user, 7)).to_vec());
    }

    #[test]
    fn save_load_range() {
        let mut store = MockStorage::new();
        assert_eq!(COUNT.may_load(&store).unwrap(), None);
        assert!(COUNT.load(&store).is_err());
        COUNT.save(&mut store, &300).unwrap();
        assert_eq!(COUNT.load(&store).unwrap(), 300);
        #[cfg(not(feature = "json"))]
        assert_eq!(store.get(b"count").unwrap(), vec![0xac, 0x02]);

        let (a, b) = (Addr::unchecked("a"), Addr::unchecked("b"));
        for (user, id, v) in [(&a, 1, 10), (&a, 2, 20), (&b, 1, 30)] {
            BY_USER.save(&mut store, (user, id), &v).unwrap();
        }
        let of_a: Vec<(u64, u64)> = BY_USER
            .prefix_range(
                &store,
                &a,
                Some(Bound::exclusive(1u64)),
                None,
                Order::Ascending,
            )
            .collect::<StdResult<_>>()
            .unwrap();
        assert_eq!(of_a, vec![(2, 20)]);
        let all = BY_USER
            .range(&store, None, None, Order::Ascending)
            .collect::<StdResult<Vec<_>>>()
            .unwrap();
        assert_eq!(all.len(), 3);
        assert_eq!(all[2], ((b.clone(), 1), 30));
        BY_USER.remove(&mut store, (&b, 1));
        assert!(!BY_USER.has(&store, (&b, 1)));
    }
}
