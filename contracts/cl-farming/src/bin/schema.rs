//! Writes the contract's JSON schemas into `schema/` (run from `contracts/cl-farming`).
use cosmwasm_schema::write_api;
use trellis_types::cl_farming::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

fn main() {
    write_api! {
        instantiate: InstantiateMsg,
        execute: ExecuteMsg,
        query: QueryMsg,
        migrate: MigrateMsg,
    }
}
