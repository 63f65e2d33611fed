//! The entities: one table each, and the fields the GraphQL API exposes. This one list drives
//! the API's types, filters and orderings, so a column added here and in a migration is
//! served without more code. A test checks every listed column exists in the migrated
//! database.

/// How a field is stored and served.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// The entity's key (TEXT).
    Id,
    /// TEXT.
    String,
    /// An address (TEXT, bech32 as the chain writes it); The Graph's `Bytes`.
    Bytes,
    /// BIGINT, small enough for GraphQL's 32-bit `Int` (ticks, decimals, fees in pips).
    Int,
    /// An amount: TEXT of 39 zero-padded digits (see [`crate::amount`]), served as The
    /// Graph's `BigInt` decimal string.
    BigInt,
    /// A height, a time or a count: BIGINT, served as `BigInt`.
    BigIntNumber,
    /// BIGINT 0 or 1.
    Boolean,
    /// The id of another entity (TEXT, NULL when none); served as that entity.
    Ref(&'static str),
}

#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The GraphQL name (camelCase).
    pub name: &'static str,
    /// The column (snake_case).
    pub column: &'static str,
    pub ty: FieldType,
    pub nullable: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct Entity {
    /// The GraphQL type, and (lower-camel) its singular field.
    pub name: &'static str,
    /// The plural field.
    pub plural: &'static str,
    /// More plural fields served by the same type (the seed's `incentives` for limit farms).
    pub plural_aliases: &'static [&'static str],
    pub table: &'static str,
    pub description: &'static str,
    pub fields: &'static [Field],
}

const fn f(name: &'static str, column: &'static str, ty: FieldType) -> Field {
    Field {
        name,
        column,
        ty,
        nullable: false,
    }
}

const fn opt(name: &'static str, column: &'static str, ty: FieldType) -> Field {
    Field {
        name,
        column,
        ty,
        nullable: true,
    }
}

use FieldType::*;

const ID: Field = f("id", "id", Id);
const UPDATED_BLOCK: Field = f("updatedAtBlock", "updated_height", BigIntNumber);
const UPDATED_TIME: Field = f("updatedAtTimestamp", "updated_time", BigIntNumber);
const BLOCK: Field = f("blockNumber", "height", BigIntNumber);
const TIME: Field = f("timestamp", "time", BigIntNumber);

/// Every entity, in the order the API lists them.
pub const ENTITIES: &[Entity] = &[
    Entity {
        name: "Token",
        plural: "tokens",
        plural_aliases: &[],
        table: "tokens",
        description: "A token used by a pool or a farm: a bank denom or a cw20 contract.",
        fields: &[
            ID,
            f("symbol", "symbol", String),
            f("name", "name", String),
            f("decimals", "decimals", Int),
            f("kind", "kind", String),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
    Entity {
        name: "Farm",
        plural: "farms",
        plural_aliases: &[],
        table: "farms",
        description: "A farm contract: pools weighted by allocation points, one reward token.",
        fields: &[
            ID,
            opt("rewardToken", "reward_token", Ref("Token")),
            f("totalWeight", "total_weight", BigIntNumber),
            f("funded", "funded", BigInt),
            f("claimed", "claimed", BigInt),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
    Entity {
        name: "FarmPool",
        plural: "farmPools",
        plural_aliases: &[],
        table: "farm_pools",
        description: "One pool of a farm (id `FARM-POOLID`).",
        fields: &[
            ID,
            f("farm", "farm", Ref("Farm")),
            f("poolId", "pool_id", BigIntNumber),
            opt("stakingToken", "staking_token", Ref("Token")),
            f("native", "native", Boolean),
            f("solo", "solo", Boolean),
            f("weight", "weight", BigIntNumber),
            f("active", "active", Boolean),
            f("totalStaked", "total_staked", BigInt),
            f("workingSupply", "working_supply", BigInt),
            f("claimed", "claimed", BigInt),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
    Entity {
        name: "FarmPosition",
        plural: "farmPositions",
        plural_aliases: &[],
        table: "farm_positions",
        description: "A staker's position in a farm pool (id `FARM-POOLID-OWNER`). `pending` is \
                      the unclaimed reward as of the position's last change; `earned` is \
                      pending plus claimed at that moment.",
        fields: &[
            ID,
            f("farm", "farm", Ref("Farm")),
            f("pool", "pool", Ref("FarmPool")),
            f("owner", "owner", Bytes),
            f("staked", "staked", BigInt),
            f("working", "working", BigInt),
            f("pending", "pending", BigInt),
            f("claimed", "claimed", BigInt),
            f("earned", "earned", BigInt),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
    Entity {
        name: "RewardClaim",
        plural: "rewardClaims",
        plural_aliases: &[],
        table: "reward_claims",
        description: "History: one reward payment from a farm pool or a CL farm.",
        fields: &[
            ID,
            f("source", "source", Bytes),
            f("stream", "stream", Ref("RewardStream")),
            f("owner", "owner", Bytes),
            opt("position", "position", String),
            f("amount", "amount", BigInt),
            BLOCK,
            TIME,
        ],
    },
    Entity {
        name: "RewardStream",
        plural: "rewardStreams",
        plural_aliases: &[],
        table: "reward_streams",
        description: "One reward stream: a farm's reward, or a CL farm's reward or bonus reward. \
                      emitted = funded or minted into it, distributed = paid to claimers or \
                      credited to them, undistributed = taken back (recovered, refunded).",
        fields: &[
            ID,
            f("source", "source", Bytes),
            opt("token", "token", Ref("Token")),
            f("emitted", "emitted", BigInt),
            f("distributed", "distributed", BigInt),
            f("undistributed", "undistributed", BigInt),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
    Entity {
        name: "WeightedPool",
        plural: "weightedPools",
        plural_aliases: &[],
        table: "weighted_pools",
        description: "A weighted constant-product pool.",
        fields: &[
            ID,
            opt("token0", "token0", Ref("Token")),
            opt("token1", "token1", Ref("Token")),
            f("weight0", "weight0", String),
            f("weight1", "weight1", String),
            f("swapFeeBps", "swap_fee_bps", Int),
            opt("lpToken", "lp_token", Ref("Token")),
            f("reserve0", "reserve0", BigInt),
            f("reserve1", "reserve1", BigInt),
            f("lpSupply", "lp_supply", BigInt),
            f("swapCount", "swap_count", BigIntNumber),
            f("volume0", "volume0", BigInt),
            f("volume1", "volume1", BigInt),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
    Entity {
        name: "PoolSnapshot",
        plural: "poolSnapshots",
        plural_aliases: &[],
        table: "pool_snapshots",
        description: "History: a weighted pool's reserves after each change (prices over time).",
        fields: &[
            ID,
            f("pool", "pool", Ref("WeightedPool")),
            f("action", "action", String),
            f("reserve0", "reserve0", BigInt),
            f("reserve1", "reserve1", BigInt),
            f("lpSupply", "lp_supply", BigInt),
            BLOCK,
            TIME,
        ],
    },
    Entity {
        name: "Swap",
        plural: "swaps",
        plural_aliases: &[],
        table: "swaps",
        description: "One swap in a weighted or a concentrated-liquidity pool.",
        fields: &[
            ID,
            f("pool", "pool", Bytes),
            f("poolKind", "pool_kind", String),
            f("sender", "sender", Bytes),
            f("recipient", "recipient", Bytes),
            f("offerToken", "offer_token", String),
            f("askToken", "ask_token", String),
            f("offerAmount", "offer_amount", BigInt),
            f("returnAmount", "return_amount", BigInt),
            f("fee", "fee", BigInt),
            BLOCK,
            TIME,
        ],
    },
    Entity {
        name: "Lock",
        plural: "locks",
        plural_aliases: &[],
        table: "locks",
        description: "A vote-escrow lock (id `ESCROW-OWNER`). Its power at time t is \
                      max(bias - slope x (t - checkpointTime), 0), the `power(at:)` field.",
        fields: &[
            ID,
            f("escrow", "escrow", Bytes),
            f("owner", "owner", Bytes),
            f("amount", "amount", BigInt),
            f("end", "lock_end", BigIntNumber),
            f("slope", "slope", BigInt),
            f("bias", "bias", BigInt),
            f("checkpointTime", "checkpoint_time", BigIntNumber),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
    Entity {
        name: "LockSnapshot",
        plural: "lockSnapshots",
        plural_aliases: &[],
        table: "lock_snapshots",
        description: "History: a lock after each change (power over time).",
        fields: &[
            ID,
            f("lock", "lock", Ref("Lock")),
            f("action", "action", String),
            f("amount", "amount", BigInt),
            f("end", "lock_end", BigIntNumber),
            f("slope", "slope", BigInt),
            f("bias", "bias", BigInt),
            BLOCK,
            TIME,
        ],
    },
    Entity {
        name: "Gauge",
        plural: "gauges",
        plural_aliases: &[],
        table: "gauges",
        description: "A gauge of a gauge controller (id `CONTROLLER-GAUGE`).",
        fields: &[
            ID,
            f("controller", "controller", Bytes),
            f("gauge", "gauge", String),
            f("gaugeType", "gauge_type", BigIntNumber),
            f("killed", "killed", Boolean),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
    Entity {
        name: "GaugeVote",
        plural: "gaugeVotes",
        plural_aliases: &[],
        table: "gauge_votes",
        description: "A voter's current vote for a gauge (id `CONTROLLER-GAUGE-VOTER`).",
        fields: &[
            ID,
            f("gauge", "gauge", Ref("Gauge")),
            f("voter", "voter", Bytes),
            f("weightBps", "weight_bps", Int),
            f("slope", "slope", BigInt),
            f("bias", "bias", BigInt),
            f("end", "vote_end", BigIntNumber),
            f("week", "week", BigIntNumber),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
    Entity {
        name: "GaugeWeight",
        plural: "gaugeWeights",
        plural_aliases: &[],
        table: "gauge_weights",
        description: "A gauge's weight for one week (id `CONTROLLER-GAUGE-WEEK`), as the \
                      controller reports it.",
        fields: &[
            ID,
            f("gauge", "gauge", Ref("Gauge")),
            f("week", "week", BigIntNumber),
            f("weight", "weight", BigInt),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
    Entity {
        name: "FeeClaim",
        plural: "feeClaims",
        plural_aliases: &[],
        table: "fee_claims",
        description: "History: one fee-distributor claim of one token.",
        fields: &[
            ID,
            f("distributor", "distributor", Bytes),
            f("owner", "owner", Bytes),
            f("token", "token", String),
            f("amount", "amount", BigInt),
            BLOCK,
            TIME,
        ],
    },
    Entity {
        name: "OptionExercise",
        plural: "optionExercises",
        plural_aliases: &[],
        table: "option_exercises",
        description: "History: one exercise of call options.",
        fields: &[
            ID,
            f("option", "option", Bytes),
            f("owner", "owner", Bytes),
            f("recipient", "recipient", Bytes),
            f("amount", "amount", BigInt),
            f("strike", "strike", String),
            f("payment", "payment", BigInt),
            f("treasury", "treasury", Bytes),
            BLOCK,
            TIME,
        ],
    },
    Entity {
        name: "Treasury",
        plural: "treasuries",
        plural_aliases: &[],
        table: "treasuries",
        description: "What an options contract paid to its treasury (id `OPTION-TREASURY`).",
        fields: &[
            ID,
            f("option", "option", Bytes),
            f("treasury", "treasury", Bytes),
            f("received", "received", BigInt),
            f("exercised", "exercised", BigInt),
            f("exercises", "exercises", BigIntNumber),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
    Entity {
        name: "ClPool",
        plural: "clPools",
        plural_aliases: &[],
        table: "cl_pools",
        description: "A concentrated-liquidity pool.",
        fields: &[
            ID,
            opt("token0", "token0", Ref("Token")),
            opt("token1", "token1", Ref("Token")),
            f("fee", "fee", Int),
            f("sqrtPrice", "sqrt_price", String),
            f("tick", "tick", Int),
            f("liquidity", "liquidity", BigInt),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
    Entity {
        name: "LimitFarming",
        plural: "limitFarmings",
        plural_aliases: &["incentives"],
        table: "limit_farmings",
        description: "A limit (fixed-term) farm of the farming center.",
        fields: FARMING_FIELDS,
    },
    Entity {
        name: "EternalFarming",
        plural: "eternalFarmings",
        plural_aliases: &[],
        table: "eternal_farmings",
        description: "An eternal farm of the farming center: paid by rate, for as long as funded.",
        fields: FARMING_FIELDS,
    },
    Entity {
        name: "Deposit",
        plural: "deposits",
        plural_aliases: &[],
        table: "deposits",
        description: "A CL position (id: its token id) and the farms it is in.",
        fields: &[
            ID,
            f("owner", "owner", Bytes),
            opt("pool", "pool", Ref("ClPool")),
            f("onFarmingCenter", "on_farming_center", Boolean),
            opt("limitFarming", "limit_farming", Ref("LimitFarming")),
            opt("eternalFarming", "eternal_farming", Ref("EternalFarming")),
            f("liquidity", "liquidity", BigInt),
            f("tickLower", "tick_lower", Int),
            f("tickUpper", "tick_upper", Int),
            f("rangeLength", "range_length", Int),
            f("tokensLockedLimit", "tokens_locked_limit", BigInt),
            f("tokensLockedEternal", "tokens_locked_eternal", BigInt),
            f("tierLimit", "tier_limit", Int),
            f("tierEternal", "tier_eternal", Int),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
    Entity {
        name: "Reward",
        plural: "rewards",
        plural_aliases: &[],
        table: "rewards",
        description: "What the farming center owes an owner in one token (id `OWNER-TOKEN`).",
        fields: &[
            ID,
            f("owner", "owner", Bytes),
            f("rewardAddress", "reward_address", String),
            f("amount", "amount", BigInt),
            UPDATED_BLOCK,
            UPDATED_TIME,
        ],
    },
];

/// LimitFarming and EternalFarming share their fields (as in Algebra's farming subgraph).
const FARMING_FIELDS: &[Field] = &[
    ID,
    f("center", "center", Bytes),
    opt("rewardToken", "reward_token", Ref("Token")),
    opt("bonusRewardToken", "bonus_reward_token", Ref("Token")),
    opt("pool", "pool", Ref("ClPool")),
    f("startTime", "start_time", BigIntNumber),
    f("endTime", "end_time", BigIntNumber),
    f("reward", "reward", BigInt),
    f("bonusReward", "bonus_reward", BigInt),
    f("rewardRate", "reward_rate", BigInt),
    f("bonusRewardRate", "bonus_reward_rate", BigInt),
    f("minRangeLength", "min_range_length", Int),
    f("multiplierToken", "multiplier_token", String),
    f("tier1Amount", "tier1_amount", BigInt),
    f("tier2Amount", "tier2_amount", BigInt),
    f("tier3Amount", "tier3_amount", BigInt),
    f("tier1Multiplier", "tier1_multiplier", Int),
    f("tier2Multiplier", "tier2_multiplier", Int),
    f("tier3Multiplier", "tier3_multiplier", Int),
    f("isDetached", "is_detached", Boolean),
    f("createdAtTimestamp", "created_time", BigIntNumber),
    UPDATED_BLOCK,
    UPDATED_TIME,
];

/// The entity of a GraphQL type name.
pub fn entity(name: &str) -> Option<&'static Entity> {
    ENTITIES.iter().find(|e| e.name == name)
}
