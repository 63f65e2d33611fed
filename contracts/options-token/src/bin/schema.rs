//! Writes the contract's JSON schemas into `schema/` (run from `contracts/options-token`).
use cosmwasm_schema::write_api;
use trellis_types::options_token::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

fn main() {
    write_api! {
        instantiate: InstantiateMsg,
        execute: ExecuteMsg,
        query: QueryMsg,
        migrate: MigrateMsg,
    }
}
