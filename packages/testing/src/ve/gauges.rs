//! The gauge controller: deployment, gauge types, gauges, votes, checkpoints and weights.
use anyhow::{anyhow, Context, Result};
use cosmwasm_std::{Addr, Decimal, Uint128, Uint256};
use cw_multi_test::AppResponse;
use trellis_types::gauge_controller::{
    ExecuteMsg, GaugeResponse, GaugesResponse, InstantiateMsg, QueryMsg, RelativeWeightResponse,
    TotalWeightResponse, UserVoteResponse, VotePowerUsedResponse, WeightResponse,
};

use super::{ControllerHandle, EscrowHandle};
use crate::codes::ContractKind;
use crate::suite::Suite;

/// Page size used when the harness walks the gauge list.
const PAGE: u32 = 100;

impl Suite {
    /// Instantiates a gauge controller owned by `suite.owner`, weighing votes by `ve`'s slopes.
    /// `vote_delay`: seconds between two votes of one user for one gauge (`None`: 10 days).
    pub fn deploy_gauge_controller(
        &mut self,
        ve: &EscrowHandle,
        vote_delay: Option<u64>,
    ) -> Result<ControllerHandle> {
        let msg = InstantiateMsg {
            owner: self.owner.to_string(),
            voting_escrow: ve.addr.to_string(),
            vote_delay,
        };
        let label = ContractKind::GaugeController.label();
        let addr = self
            .instantiate_as_owner(ContractKind::GaugeController, &msg, label)
            .map_err(|e| anyhow!("instantiating the gauge controller: {e:#}"))?;
        Ok(ControllerHandle {
            addr,
            escrow: ve.addr.clone(),
        })
    }

    /// Executes any controller message as `sender`.
    pub fn gc_exec_as(
        &mut self,
        gc: &ControllerHandle,
        sender: &Addr,
        msg: &ExecuteMsg,
    ) -> Result<AppResponse> {
        self.execute_contract(sender.clone(), gc.addr.clone(), msg, &[])
    }

    /// Executes a controller message as the owner.
    pub fn gc_exec_owner(
        &mut self,
        gc: &ControllerHandle,
        msg: &ExecuteMsg,
    ) -> Result<AppResponse> {
        let owner = self.owner.clone();
        self.gc_exec_as(gc, &owner, msg)
    }

    /// Owner: adds a gauge type whose weight applies from the next week; returns its id.
    pub fn add_gauge_type(
        &mut self,
        gc: &ControllerHandle,
        name: &str,
        weight: u128,
    ) -> Result<u32> {
        let res = self.gc_exec_owner(
            gc,
            &ExecuteMsg::AddType {
                name: name.to_string(),
                weight: Uint128::new(weight),
            },
        )?;
        let id = res
            .events
            .iter()
            .filter(|e| e.ty == "wasm")
            .flat_map(|e| &e.attributes)
            .find(|a| a.key == "gauge_type")
            .context("the controller's add_type event has no gauge_type")?;
        Ok(id.value.parse()?)
    }

    /// Owner: a type's weight from the next week on.
    pub fn change_type_weight(
        &mut self,
        gc: &ControllerHandle,
        gauge_type: u32,
        weight: u128,
    ) -> Result<AppResponse> {
        self.gc_exec_owner(
            gc,
            &ExecuteMsg::ChangeTypeWeight {
                gauge_type,
                weight: Uint128::new(weight),
            },
        )
    }

    /// Owner: adds a gauge to a type, optionally capped.
    pub fn add_gauge(
        &mut self,
        gc: &ControllerHandle,
        gauge: &str,
        gauge_type: u32,
        cap: Option<Decimal>,
    ) -> Result<AppResponse> {
        self.gc_exec_owner(
            gc,
            &ExecuteMsg::AddGauge {
                gauge: gauge.to_string(),
                gauge_type,
                cap,
            },
        )
    }

    /// The user gives `weight_bps` of their ve slope to `gauge` from the next week on (0
    /// removes the vote).
    pub fn vote(
        &mut self,
        gc: &ControllerHandle,
        user: &str,
        gauge: &str,
        weight_bps: u16,
    ) -> Result<AppResponse> {
        let sender = self.addr(user);
        self.gc_exec_as(
            gc,
            &sender,
            &ExecuteMsg::VoteForGaugeWeights {
                gauge: gauge.to_string(),
                weight_bps,
            },
        )
    }

    /// Anyone: walks a gauge and its type (`None`: every type) towards the next week.
    pub fn gauge_checkpoint(
        &mut self,
        gc: &ControllerHandle,
        gauge: Option<&str>,
    ) -> Result<AppResponse> {
        let owner = self.owner.clone();
        let msg = ExecuteMsg::Checkpoint {
            gauge: gauge.map(str::to_string),
        };
        self.gc_exec_as(gc, &owner, &msg)
    }

    pub fn gc_query<T: serde::de::DeserializeOwned>(
        &self,
        gc: &ControllerHandle,
        msg: &QueryMsg,
    ) -> Result<T> {
        Ok(self.app.wrap().query_wasm_smart(&gc.addr, msg)?)
    }

    /// The gauge's weight in the week holding `time` (`None`: now).
    pub fn gauge_weight(
        &self,
        gc: &ControllerHandle,
        gauge: &str,
        time: Option<u64>,
    ) -> Result<u128> {
        let res: WeightResponse = self.gc_query(
            gc,
            &QueryMsg::GaugeWeight {
                gauge: gauge.to_string(),
                time,
            },
        )?;
        Ok(res.weight.u128())
    }

    /// Σ type weight x type sum in the week holding `time` (`None`: now).
    pub fn gauge_total_weight(&self, gc: &ControllerHandle, time: Option<u64>) -> Result<Uint256> {
        let res: TotalWeightResponse = self.gc_query(gc, &QueryMsg::TotalWeight { time })?;
        Ok(res.weight)
    }

    /// The gauge's relative weight (share of emissions) in the week holding `time`.
    pub fn relative_weight(
        &self,
        gc: &ControllerHandle,
        gauge: &str,
        time: Option<u64>,
    ) -> Result<Decimal> {
        let res: RelativeWeightResponse = self.gc_query(
            gc,
            &QueryMsg::RelativeWeight {
                gauge: gauge.to_string(),
                time,
            },
        )?;
        Ok(res.relative_weight)
    }

    pub fn user_vote(
        &self,
        gc: &ControllerHandle,
        user: &str,
        gauge: &str,
    ) -> Result<UserVoteResponse> {
        let user = self.addr(user).to_string();
        self.gc_query(
            gc,
            &QueryMsg::UserVote {
                user,
                gauge: gauge.to_string(),
            },
        )
    }

    /// Bps of the user's slope given to gauges.
    pub fn vote_power_used(&self, gc: &ControllerHandle, user: &str) -> Result<u16> {
        let user = self.addr(user).to_string();
        let res: VotePowerUsedResponse = self.gc_query(gc, &QueryMsg::VotePowerUsed { user })?;
        Ok(res.weight_bps)
    }

    /// Every gauge, in id order (walks the pagination).
    pub fn gauges(&self, gc: &ControllerHandle) -> Result<Vec<GaugeResponse>> {
        let mut out: Vec<GaugeResponse> = Vec::new();
        loop {
            let page: GaugesResponse = self.gc_query(
                gc,
                &QueryMsg::Gauges {
                    start_after: out.last().map(|g| g.gauge.clone()),
                    limit: Some(PAGE),
                },
            )?;
            let done = page.gauges.len() < PAGE as usize;
            out.extend(page.gauges);
            if done {
                return Ok(out);
            }
        }
    }
}
