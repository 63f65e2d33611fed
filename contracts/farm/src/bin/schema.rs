//! Writes the farm's JSON schemas into `schema/` (run from `contracts/farm`).
use cosmwasm_schema::write_api;
use trellis_types::farm::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

fn main() {
    write_api! {
        instantiate: InstantiateMsg,
        execute: ExecuteMsg,
        query: QueryMsg,
        migrate: MigrateMsg,
    }
}
