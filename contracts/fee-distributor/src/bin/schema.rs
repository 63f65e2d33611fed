//! Writes the contract's JSON schemas into `schema/` (run from `contracts/fee-distributor`).
use cosmwasm_schema::write_api;
use trellis_types::fee_distributor::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

fn main() {
    write_api! {
        instantiate: InstantiateMsg,
        execute: ExecuteMsg,
        query: QueryMsg,
        migrate: MigrateMsg,
    }
}
