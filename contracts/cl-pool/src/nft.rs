//! The pool is the cw721 collection of its own positions; cw721-base (as a library) keeps the
//! owners, approvals and operators. Token ids are the position ids in decimal.
use cosmwasm_std::{Addr, Binary, Deps, DepsMut, Empty, Env, MessageInfo, Response};
use cw721::execute::check_can_send;
use cw721::msg::{Cw721ExecuteMsg, Cw721InstantiateMsg, Cw721QueryMsg};
use cw721::traits::{Cw721Execute, Cw721Query};
use cw721::{DefaultOptionalCollectionExtension, DefaultOptionalCollectionExtensionMsg};
use cw721_base::Cw721BaseContract;

use crate::error::ContractError;

type NftExtension = Option<Empty>;
pub type ExecuteNft = Cw721ExecuteMsg<NftExtension, DefaultOptionalCollectionExtensionMsg, Empty>;
pub type QueryNft = Cw721QueryMsg<NftExtension, DefaultOptionalCollectionExtension, Empty>;

fn collection() -> Cw721BaseContract<'static> {
    Cw721BaseContract::default()
}

/// The collection: the pool is its only minter; `creator` (the pool's owner, stored by
/// cw-ownable under the same key as the pool's ownership) may edit its collection info.
pub fn instantiate(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    name: String,
    symbol: String,
    creator: &Addr,
) -> Result<(), ContractError> {
    collection().instantiate(
        deps,
        env,
        info,
        Cw721InstantiateMsg {
            name,
            symbol,
            collection_info_extension: None,
            minter: Some(env.contract.address.to_string()),
            creator: Some(creator.to_string()),
            withdraw_address: None,
        },
    )?;
    Ok(())
}

/// Mints position `token_id`'s NFT to `owner`, as the collection's minter (the pool itself).
pub fn mint(
    deps: DepsMut,
    env: &Env,
    token_id: &str,
    owner: &Addr,
) -> Result<Response, ContractError> {
    let as_pool = MessageInfo {
        sender: env.contract.address.clone(),
        funds: vec![],
    };
    Ok(collection().mint(
        deps,
        env,
        &as_pool,
        token_id.to_string(),
        owner.to_string(),
        None,
        None,
    )?)
}

pub fn burn(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    token_id: &str,
) -> Result<Response, ContractError> {
    Ok(collection().burn_nft(deps, env, info, token_id.to_string())?)
}

/// The position's owner, if `sender` is it or holds an unexpired approval for the token or an
/// operator grant from the owner (cw721's own rule for who may send the token).
pub fn authorize(
    deps: Deps,
    env: &Env,
    sender: &Addr,
    token_id: &str,
) -> Result<Addr, ContractError> {
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
    Ok(token.owner)
}

/// The owner of an existing token.
pub fn owner_of(deps: Deps, token_id: &str) -> Result<Addr, ContractError> {
    Ok(collection()
        .config
        .nft_info
        .load(deps.storage, token_id)?
        .owner)
}

/// The standard cw721 messages the pool accepts (transfers, sends and approvals).
pub fn execute(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    msg: ExecuteNft,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(info)?;
    Ok(collection().execute(deps, env, info, msg)?)
}

pub fn query(deps: Deps, env: &Env, msg: QueryNft) -> Result<Binary, ContractError> {
    Ok(collection().query(deps, env, msg)?)
}
