//! Exercise: burn options, take the payment, pay the treasury, deliver the underlying.
//! Every check runs before anything is written.
use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, DepsMut, Env, MessageInfo, Response, Uint128, WasmMsg,
};
use trellis_math::options::exercise_payment;
use trellis_types::options_token::Delivery;
use trellis_types::AssetInfo;

use crate::error::ContractError;
use crate::execute::token;
use crate::oracle;
use crate::state::{Config, CONFIG, TOTALS};

/// One exercise request, however the payment arrived.
pub struct Request {
    /// Whose options are burned and who gets any excess payment back.
    pub owner: Addr,
    pub amount: Uint128,
    pub max_payment: Uint128,
    pub recipient: Addr,
    pub deadline: u64,
    /// Payment token received with the request.
    pub sent: Uint128,
}

/// Native payment: exactly the payment denom, or nothing (which then falls short).
pub fn sent_native(config: &Config, info: &MessageInfo) -> Result<Uint128, ContractError> {
    let AssetInfo::Native { denom } = &config.payment else {
        return Err(ContractError::WrongPaymentToken {
            expected: config.payment.to_string(),
            got: "native funds".to_string(),
        });
    };
    let mut sent = Uint128::zero();
    for coin in &info.funds {
        if &coin.denom != denom {
            return Err(ContractError::WrongPaymentToken {
                expected: config.payment.to_string(),
                got: AssetInfo::native(coin.denom.clone()).to_string(),
            });
        }
        sent += coin.amount;
    }
    Ok(sent)
}

fn delivery_msg(
    config: &Config,
    recipient: &Addr,
    amount: Uint128,
) -> Result<CosmosMsg, ContractError> {
    Ok(match (&config.delivery, &config.underlying) {
        (Delivery::Mint, AssetInfo::Cw20 { contract_addr }) => WasmMsg::Execute {
            contract_addr: contract_addr.clone(),
            msg: to_json_binary(&cw20::Cw20ExecuteMsg::Mint {
                recipient: recipient.to_string(),
                amount,
            })?,
            funds: vec![],
        }
        .into(),
        // Instantiation refuses minting a native underlying.
        (Delivery::Mint, underlying) => {
            return Err(ContractError::MintNeedsCw20 {
                underlying: underlying.to_string(),
            })
        }
        (Delivery::Reserve, underlying) => underlying.transfer_msg(recipient, amount)?,
    })
}

pub use trellis_types::asset::recipient_or;

/// Runs `req` under `config` (loaded once by the entry path that checked the payment token).
pub fn exercise(
    deps: DepsMut,
    env: Env,
    config: Config,
    req: Request,
) -> Result<Response, ContractError> {
    if req.amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    let now = env.block.time.seconds();
    if now > req.deadline {
        return Err(ContractError::DeadlineExpired {
            deadline: req.deadline,
            now,
        });
    }
    let balance = token::balance(deps.storage, &req.owner)?;
    if balance < req.amount {
        return Err(ContractError::InsufficientBalance {
            amount: req.amount,
            balance,
        });
    }
    if req.sent > req.max_payment {
        return Err(ContractError::TooMuchPayment {
            sent: req.sent,
            max_payment: req.max_payment,
        });
    }
    let price = oracle::strike(deps.as_ref(), &config)?;
    let payment = exercise_payment(req.amount, price.strike)?;
    if payment > req.max_payment {
        return Err(ContractError::SlippageExceeded {
            payment,
            max_payment: req.max_payment,
        });
    }
    if req.sent < payment {
        return Err(ContractError::InsufficientPayment {
            sent: req.sent,
            payment,
        });
    }
    let mut totals = TOTALS.load(deps.storage)?;
    if config.delivery == Delivery::Reserve {
        if totals.reserve_available < req.amount {
            return Err(ContractError::InsufficientReserve {
                requested: req.amount,
                available: totals.reserve_available,
            });
        }
        totals.reserve_available -= req.amount;
    }
    // Bounded by `issued`; one underlying unit is delivered per option unit, so this is
    // also what was delivered.
    totals.exercised += req.amount;
    totals.paid_to_treasury = totals
        .paid_to_treasury
        .checked_add(payment)
        .map_err(|_| ContractError::Overflow("paid to treasury"))?;

    // Out of circulation: taken from the balance and counted as exercised, so the cw20
    // supply (derived from the totals) is what is left to exercise.
    token::debit(deps.storage, &req.owner, balance, req.amount)?;
    TOTALS.save(deps.storage, &totals)?;

    let mut response = Response::new()
        .add_message(config.payment.transfer_msg(&config.treasury, payment)?)
        .add_message(delivery_msg(&config, &req.recipient, req.amount)?);
    let refund = req.sent - payment;
    if !refund.is_zero() {
        response = response.add_message(config.payment.transfer_msg(&req.owner, refund)?);
    }
    Ok(response
        .add_attribute("action", "exercise")
        .add_attribute("owner", req.owner)
        .add_attribute("recipient", req.recipient)
        .add_attribute("amount", req.amount)
        .add_attribute("twap", price.twap.to_string())
        .add_attribute("strike", price.strike.to_string())
        .add_attribute("clamped", price.clamped.to_string())
        .add_attribute("payment", payment)
        .add_attribute("refund", refund)
        .add_attribute("treasury", config.treasury))
}

/// `Exercise` with native funds.
pub fn exercise_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    amount: Uint128,
    max_payment: Uint128,
    recipient: Option<String>,
    deadline: u64,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let sent = sent_native(&config, &info)?;
    let recipient = recipient_or(deps.api, recipient, &info.sender)?;
    exercise(
        deps,
        env,
        config,
        Request {
            owner: info.sender,
            amount,
            max_payment,
            recipient,
            deadline,
            sent,
        },
    )
}
