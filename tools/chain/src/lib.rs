//! A client for a real CosmWasm chain: wasmd, reached over CometBFT RPC (loopback in tests, a
//! node of a testnet or mainnet for `trellis deploy`).
//!
//! - [`Wallet`]: a secp256k1 key derived from a mnemonic (BIP-44, coin type 118), with its
//!   account number and sequence.
//! - [`Node`]: signed transactions (simulated first for the gas limit), queries through
//!   `abci_query`, blocks and their times.
//! - [`wasm`]: code upload (skipped when a code with the same checksum is stored), contract
//!   instantiation, execution and smart queries.
//!
//! Everything on the wire is encoded by cosmrs (protobuf, signing) and carried by
//! tendermint-rpc; nothing here builds protobuf by hand.
pub mod node;
pub mod outcome;
pub mod wallet;
pub mod wasm;

pub use node::{Node, NodeConfig};
pub use outcome::TxOutcome;
pub use wallet::Wallet;
