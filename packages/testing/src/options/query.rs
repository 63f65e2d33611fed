//! The oTOKEN's queries.
use anyhow::Result;
use cosmwasm_std::Uint128;
use trellis_types::options_token::{
    ConfigResponse, QueryMsg, SimulateExerciseResponse, StrikePriceResponse, TotalsResponse,
};

use super::OptionsTokenHandle;
use crate::suite::Suite;

impl Suite {
    pub fn options_query<T: serde::de::DeserializeOwned>(
        &self,
        otoken: &OptionsTokenHandle,
        msg: &QueryMsg,
    ) -> Result<T> {
        Ok(self.app.wrap().query_wasm_smart(otoken.addr.clone(), msg)?)
    }

    pub fn options_config(&self, otoken: &OptionsTokenHandle) -> Result<ConfigResponse> {
        self.options_query(otoken, &QueryMsg::Config {})
    }

    /// The strike now: the TWAP, the discounted price and whether the minimum applied.
    pub fn strike_price(&self, otoken: &OptionsTokenHandle) -> Result<StrikePriceResponse> {
        self.options_query(otoken, &QueryMsg::StrikePrice {})
    }

    /// What exercising `amount` now would cost.
    pub fn simulate_exercise(
        &self,
        otoken: &OptionsTokenHandle,
        amount: u128,
    ) -> Result<SimulateExerciseResponse> {
        let amount = Uint128::new(amount);
        self.options_query(otoken, &QueryMsg::SimulateExercise { amount })
    }

    /// Issued, exercised, burned, paid to the treasury, delivered, reserve left.
    pub fn options_totals(&self, otoken: &OptionsTokenHandle) -> Result<TotalsResponse> {
        self.options_query(otoken, &QueryMsg::Totals {})
    }

    /// The named account's oTOKEN balance.
    pub fn options_balance(&self, otoken: &OptionsTokenHandle, user: &str) -> Result<u128> {
        self.balance(user, &otoken.asset)
    }

    /// oTOKEN in circulation (the cw20 supply: exercised options are burned).
    pub fn options_supply(&self, otoken: &OptionsTokenHandle) -> Result<u128> {
        self.cw20_supply(&otoken.asset)
    }
}
