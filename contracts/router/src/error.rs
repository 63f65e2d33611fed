use cosmwasm_std::{StdError, Uint128};
use cw_utils::PaymentError;
use thiserror::Error;

/// Every way a router message can be refused. Each variant carries the offending values.
/// Hops are numbered from 0.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    #[error(transparent)]
    Std(#[from] StdError),

    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    /// Wrong funds: none, several coins, or funds on a cw20 hook.
    #[error(transparent)]
    Payment(#[from] PaymentError),

    #[error("invalid asset {asset}: {reason}")]
    InvalidAsset { asset: String, reason: String },

    #[error("invalid {field} address {address}: {reason}")]
    InvalidAddress {
        field: &'static str,
        address: String,
        reason: String,
    },

    #[error("the route is empty")]
    EmptyRoute,

    #[error("the route has {hops} hops, the maximum is {max}")]
    TooManyHops { hops: usize, max: usize },

    #[error("hop {hop}: {pool} is not a pool of the factory")]
    UnknownPool { hop: usize, pool: String },

    #[error("hop {hop}: pool {pool} is delisted by the factory")]
    PoolDelisted { hop: usize, pool: String },

    #[error("hop {hop}: pool {pool} does not trade the offered asset {offer}")]
    OfferNotInPool {
        hop: usize,
        pool: String,
        offer: String,
    },

    #[error("hop {hop}: pool {pool} does not trade {previous_ask}, the previous hop's output")]
    BrokenChain {
        hop: usize,
        pool: String,
        previous_ask: String,
    },

    #[error("hop {hop}: pool {pool} does not trade the asked asset {ask}")]
    AskNotInPool {
        hop: usize,
        pool: String,
        ask: String,
    },

    #[error("hop {hop} goes through pool {pool} again; a route visits each pool once")]
    PoolRepeated { hop: usize, pool: String },

    #[error("hop {hop} asks for {asset}, the asset it offers")]
    SameAssetHop { hop: usize, asset: String },

    #[error("the offered amount must be greater than zero")]
    ZeroAmount,

    #[error("min_out must be greater than zero")]
    ZeroMinOut,

    /// The router keeps nothing between transactions: paying itself would strand the tokens.
    #[error("the router cannot be the recipient of a route")]
    RouterAsRecipient,

    #[error("deadline {deadline} has passed (block time {now})")]
    DeadlineExpired { deadline: u64, now: u64 },

    #[error("the route pays {actual}, below the minimum {minimum}")]
    SlippageExceeded { minimum: Uint128, actual: Uint128 },

    #[error("a route is already in flight")]
    RouteInProgress,

    #[error("no route is in flight")]
    NoRouteInFlight,

    #[error("hop {hop}: pool {pool} answered without a SwapResponse")]
    MissingSwapResponse { hop: usize, pool: String },

    #[error("unknown reply id {id}")]
    UnknownReplyId { id: u64 },

    #[error("cannot route {asset} to itself")]
    OfferIsAsk { asset: String },

    #[error("no route from {offer} to {ask}")]
    NoRoute { offer: String, ask: String },

    #[error("the router holds no {asset}")]
    NothingToSweep { asset: String },

    #[error("the router already has an owner, {owner}")]
    OwnerAlreadySet { owner: String },

    #[error("this router has no owner yet: migrate with `owner` set")]
    MigrationNeedsOwner,

    #[error(transparent)]
    InvalidMigration(#[from] trellis_types::migrate::MigrationRefused),

    #[error("hop {hop}: concentrated pool {pool} would fill only part of its input (price range end or tick bound); the route is refused so nothing is stranded")]
    PartialFill { hop: usize, pool: String },
}
