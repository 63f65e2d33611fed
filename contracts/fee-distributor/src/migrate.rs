use std::collections::BTreeMap;

use cosmwasm_std::{Addr, DepsMut, Env, Order, Response, StdResult, Storage, Uint128};
use trellis_types::fee_distributor::MigrateMsg;
use trellis_types::migrate::check_migration;

use crate::contract::{CONTRACT_NAME, CONTRACT_VERSION};
use crate::error::ContractError;
use crate::state::{
    legacy, Books, Config, TokenLedger, UserBook, Week, BOOKS, CONFIG, USERS, WEEKS,
};

/// Accepts only the same contract at the same or a newer version (`check_migration`). From
/// the JSON layout before 0.2.0 it rewrites every record into the compact one (see
/// `state`) and removes the old keys; every query answers as before.
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let stored = cw2::get_contract_version(deps.storage)?;
    check_migration(&stored, CONTRACT_NAME, CONTRACT_VERSION)?;
    let converted = if legacy::CONFIG.exists(deps.storage) {
        from_json_layout(deps.storage)?
    } else {
        0
    };
    cw2::set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", stored.version)
        .add_attribute("to_version", CONTRACT_VERSION)
        .add_attribute("records_converted", converted.to_string()))
}

/// The old records, converted and removed; returns how many old records were read.
fn from_json_layout(storage: &mut dyn Storage) -> StdResult<usize> {
    let old = legacy::CONFIG.load(storage)?;
    let keys: Vec<String> = old.tokens.iter().map(|t| t.key()).collect();
    let n = keys.len();
    let mut count = 2;

    let mut ledgers = Vec::with_capacity(n);
    for key in &keys {
        let l = legacy::LEDGER.may_load(storage, key)?.unwrap_or_default();
        ledgers.push(TokenLedger {
            booked: l.booked.u128(),
            claimed: l.claimed.u128(),
        });
        legacy::LEDGER.remove(storage, key);
        count += 1;
    }
    let last_token_time = legacy::LAST_TOKEN_TIME.load(storage)?;
    BOOKS.save(
        storage,
        &Books {
            last_token_time,
            ledgers,
        },
    )?;
    legacy::LAST_TOKEN_TIME.remove(storage);

    // Weeks: the cached totals, then each token's fees.
    let mut weeks: BTreeMap<u64, Week> = BTreeMap::new();
    let totals: Vec<(u64, Uint128)> = legacy::TOTAL_POWER_AT
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for (week, total) in totals {
        weeks.entry(week).or_default().total = total.u128();
        legacy::TOTAL_POWER_AT.remove(storage, week);
        count += 1;
    }
    for (i, key) in keys.iter().enumerate() {
        let fees: Vec<(u64, Uint128)> = legacy::TOKENS_PER_WEEK
            .prefix(key)
            .range(storage, None, None, Order::Ascending)
            .collect::<StdResult<_>>()?;
        for (week, amount) in fees {
            let w = weeks.entry(week).or_default();
            w.fees.resize(n, 0);
            w.fees[i] = amount.u128();
            legacy::TOKENS_PER_WEEK.remove(storage, (key, week));
            count += 1;
        }
    }
    for (week, w) in &weeks {
        WEEKS.save(storage, *week, w)?;
    }

    // Users: cursors, then what failed transfers left unpaid.
    let mut users: BTreeMap<Addr, UserBook> = BTreeMap::new();
    let cursors: Vec<(Addr, u64)> = legacy::USER_CURSOR
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for (user, cursor) in cursors {
        legacy::USER_CURSOR.remove(storage, &user);
        users.entry(user).or_default().cursor = cursor;
        count += 1;
    }
    let unpaid: Vec<((Addr, String), Uint128)> = legacy::UNPAID
        .range(storage, None, None, Order::Ascending)
        .collect::<StdResult<_>>()?;
    for ((user, key), amount) in unpaid {
        legacy::UNPAID.remove(storage, (&user, &key));
        count += 1;
        let Some(i) = keys.iter().position(|k| *k == key) else {
            continue;
        };
        // A claim always stores the cursor before a transfer can fail, so the user has one.
        let book = users.entry(user).or_default();
        book.unpaid.resize(n, 0);
        book.unpaid[i] = amount.u128();
    }
    for (user, book) in &users {
        USERS.save(storage, user, book)?;
    }

    CONFIG.save(
        storage,
        &Config {
            voting_escrow: old.voting_escrow,
            tokens: old.tokens,
            start_time: old.start_time,
        },
    )?;
    legacy::CONFIG.remove(storage);
    Ok(count)
}
