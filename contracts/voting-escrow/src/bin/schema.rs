//! Writes the contract's JSON schemas into `schema/` (run from `contracts/voting-escrow`).
use cosmwasm_schema::write_api;
use trellis_types::voting_escrow::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

fn main() {
    write_api! {
        instantiate: InstantiateMsg,
        execute: ExecuteMsg,
        query: QueryMsg,
        migrate: MigrateMsg,
    }
}
