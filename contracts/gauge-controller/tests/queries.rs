//! Config and the paginated listings.
mod common;

use common::*;
use trellis_types::gauge_controller::*;

#[test]
fn config_types_and_gauges_paginate() {
    let mut s = Suite::new();
    let c: ConfigResponse = s.q(QueryMsg::Config {});
    assert_eq!(
        c,
        ConfigResponse {
            voting_escrow: addr("ve").to_string(),
            vote_delay: 864_000,
        }
    );
    s.add_type("stable", 5);
    s.add_type("volatile", 2);
    s.admin(ExecuteMsg::ChangeTypeWeight {
        gauge_type: 1,
        weight: 7u128.into(),
    });
    for i in 0..12 {
        s.add_gauge(&format!("farm:pool:{i:02}"), i % 2);
    }
    let t: GaugeTypesResponse = s.q(QueryMsg::GaugeTypes {
        start_after: Some(0),
        limit: None,
    });
    assert_eq!(
        t.gauge_types,
        vec![GaugeTypeResponse {
            gauge_type: 1,
            name: "volatile".to_string(),
            weight: 7u128.into(),
        }]
    );
    // Default page 10 of 12 gauges, then the last 2.
    let g: GaugesResponse = s.q(QueryMsg::Gauges {
        start_after: None,
        limit: None,
    });
    assert_eq!(g.gauges.len(), 10);
    let g: GaugesResponse = s.q(QueryMsg::Gauges {
        start_after: Some("farm:pool:09".to_string()),
        limit: Some(1_000),
    });
    assert_eq!(
        g.gauges,
        vec![
            GaugeResponse {
                gauge: "farm:pool:10".to_string(),
                gauge_type: 0,
                killed: false,
                cap: None,
            },
            GaugeResponse {
                gauge: "farm:pool:11".to_string(),
                gauge_type: 1,
                killed: false,
                cap: None,
            },
        ]
    );
}
