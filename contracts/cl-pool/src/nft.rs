//! The pool is the cw721 collection of its own positions; cw721-base (as a library) keeps the
//! owners, approvals and operators and answers the standard messages and queries. Token ids are
//! the position ids in decimal.
//!
//! Only the handlers the pool exposes are called, one by one, rather than cw721's whole
//! dispatcher: that keeps collection-metadata code (URL validation and its Unicode tables) out
//! of the wasm. For the same reason the collection record and each token are written straight
//! into cw721's own storage at instantiation and mint: the pool is the only minter and sets no
//! token URI or extension, so there is nothing for cw721's metadata validation to check.
use cosmwasm_std::{
    to_json_binary, Addr, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response, Storage,
};
use cw721::execute::check_can_send;
use cw721::state::{CollectionInfo, NftInfo, CREATOR, MINTER};
use cw721::traits::{Cw721Execute, Cw721Query};
use cw721::EmptyOptionalNftExtension;
use cw721_base::Cw721BaseContract;
use trellis_types::cl_pool::QueryMsg;

use crate::error::ContractError;

fn collection() -> Cw721BaseContract<'static> {
    Cw721BaseContract::default()
}

/// The collection: the pool is its only minter; `creator` (the pool's owner) is stored by
/// cw-ownable under the same key as the pool's ownership, so the two never disagree.
pub fn instantiate(
    deps: DepsMut,
    env: &Env,
    name: String,
    symbol: String,
    creator: &Addr,
) -> Result<(), ContractError> {
    collection().config.collection_info.save(
        deps.storage,
        &CollectionInfo {
            name,
            symbol,
            updated_at: env.block.time,
        },
    )?;
    MINTER.initialize_owner(deps.storage, deps.api, Some(env.contract.address.as_str()))?;
    CREATOR.initialize_owner(deps.storage, deps.api, Some(creator.as_str()))?;
    Ok(())
}

/// A position's token as cw721-base stores it.
pub type Token = NftInfo<EmptyOptionalNftExtension>;

/// Mints position `token_id`'s NFT to `owner`. The pool is the only minter and takes each id
/// from its own counter, never reusing one, so no token can exist under `token_id`: the record
/// is written without reading it first (cw721's `Claimed` check would be that read).
pub fn mint(storage: &mut dyn Storage, token_id: &str, owner: &Addr) -> Result<(), ContractError> {
    let config = collection().config;
    let token = Token {
        owner: owner.clone(),
        approvals: vec![],
        token_uri: None,
        extension: None,
    };
    config
        .nft_info
        .replace(storage, token_id, Some(&token), None)?;
    config.increment_tokens(storage)?;
    Ok(())
}

/// Burns `token`, already loaded and authorized by [`authorize`]: what cw721-base's
/// `burn_nft` does (delete the token and its owner index entry, one token fewer) without
/// loading the token twice more.
pub fn burn(storage: &mut dyn Storage, token_id: &str, token: &Token) -> Result<(), ContractError> {
    let config = collection().config;
    config
        .nft_info
        .replace(storage, token_id, None, Some(token))?;
    config.decrement_tokens(storage)?;
    Ok(())
}

/// The position's token, if `sender` is its owner or holds an unexpired approval for the token
/// or an operator grant from the owner (cw721's own rule for who may send the token).
pub fn authorize(
    deps: Deps,
    env: &Env,
    sender: &Addr,
    token_id: &str,
) -> Result<Token, ContractError> {
    let token = collection()
        .config
        .nft_info
        .may_load(deps.storage, token_id)?
        .ok_or_else(|| ContractError::PositionNotFound {
            token_id: token_id.to_string(),
        })?;
    check_can_send(deps, env, sender.as_str(), &token).map_err(|_| {
        ContractError::NotPositionOwner {
            token_id: token_id.to_string(),
            sender: sender.to_string(),
        }
    })?;
    Ok(token)
}

/// The owner of an existing token.
pub fn owner_of(deps: Deps, token_id: &str) -> Result<Addr, ContractError> {
    Ok(collection()
        .config
        .nft_info
        .load(deps.storage, token_id)?
        .owner)
}

/// The standard cw721 messages the pool accepts.
pub enum NftAction {
    Transfer {
        recipient: String,
        token_id: String,
    },
    Send {
        contract: String,
        token_id: String,
        msg: Binary,
    },
    Approve {
        spender: String,
        token_id: String,
        expires: Option<cw721::Expiration>,
    },
    Revoke {
        spender: String,
        token_id: String,
    },
    ApproveAll {
        operator: String,
        expires: Option<cw721::Expiration>,
    },
    RevokeAll {
        operator: String,
    },
}

pub fn execute(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    action: NftAction,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(info)?;
    let c = collection();
    let response: Response<Empty> = match action {
        NftAction::Transfer {
            recipient,
            token_id,
        } => c.transfer_nft(deps, env, info, recipient, token_id)?,
        NftAction::Send {
            contract,
            token_id,
            msg,
        } => c.send_nft(deps, env, info, contract, token_id, msg)?,
        NftAction::Approve {
            spender,
            token_id,
            expires,
        } => c.approve(deps, env, info, spender, token_id, expires)?,
        NftAction::Revoke { spender, token_id } => c.revoke(deps, env, info, spender, token_id)?,
        NftAction::ApproveAll { operator, expires } => {
            c.approve_all(deps, env, info, operator, expires)?
        }
        NftAction::RevokeAll { operator } => c.revoke_all(deps, env, info, operator)?,
    };
    Ok(response)
}

/// The cw721 queries; any other message is the pool's own and answers `None`.
pub fn query(deps: Deps, env: &Env, msg: QueryMsg) -> Result<Option<Binary>, ContractError> {
    let c = collection();
    let expired = |include: &Option<bool>| include.unwrap_or(false);
    Ok(Some(match msg {
        QueryMsg::OwnerOf {
            token_id,
            include_expired,
        } => to_json_binary(&c.query_owner_of(deps, env, token_id, expired(&include_expired))?)?,
        QueryMsg::Approval {
            token_id,
            spender,
            include_expired,
        } => to_json_binary(&c.query_approval(
            deps,
            env,
            token_id,
            spender,
            expired(&include_expired),
        )?)?,
        QueryMsg::Approvals {
            token_id,
            include_expired,
        } => to_json_binary(&c.query_approvals(deps, env, token_id, expired(&include_expired))?)?,
        QueryMsg::Operator {
            owner,
            operator,
            include_expired,
        } => to_json_binary(&c.query_operator(
            deps,
            env,
            owner,
            operator,
            expired(&include_expired),
        )?)?,
        QueryMsg::AllOperators {
            owner,
            include_expired,
            start_after,
            limit,
        } => to_json_binary(&c.query_operators(
            deps,
            env,
            owner,
            expired(&include_expired),
            start_after,
            limit,
        )?)?,
        QueryMsg::NumTokens {} => to_json_binary(&c.query_num_tokens(deps.storage)?)?,
        QueryMsg::ContractInfo {} => to_json_binary(&c.query_collection_info(deps)?)?,
        QueryMsg::NftInfo { token_id } => {
            to_json_binary(&c.query_nft_info(deps.storage, token_id)?)?
        }
        QueryMsg::AllNftInfo {
            token_id,
            include_expired,
        } => to_json_binary(&c.query_all_nft_info(
            deps,
            env,
            token_id,
            expired(&include_expired),
        )?)?,
        QueryMsg::Tokens {
            owner,
            start_after,
            limit,
        } => to_json_binary(&c.query_tokens(deps, env, owner, start_after, limit)?)?,
        QueryMsg::AllTokens { start_after, limit } => {
            to_json_binary(&c.query_all_tokens(deps, env, start_after, limit)?)?
        }
        _ => return Ok(None),
    }))
}
