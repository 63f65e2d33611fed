//! Following a source into the index: from after the cursor (or a start height) to the
//! chain's latest height, a batch of blocks at a time.
use std::time::Duration;

use anyhow::Result;

use super::BlockSource;
use crate::apply::{Applied, Indexer};

#[derive(Clone, Debug, Default)]
pub struct FollowOptions {
    /// The first height to index when the index is empty.
    pub start_height: u64,
    /// Stop once this height is indexed.
    pub until: Option<u64>,
    /// When caught up: wait this long and poll again (`None`: stop).
    pub poll: Option<Duration>,
    /// Heights fetched per batch.
    pub batch: u64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FollowReport {
    pub blocks: u64,
    pub events: u64,
}

pub async fn follow(
    indexer: &mut Indexer,
    source: &mut impl BlockSource,
    options: &FollowOptions,
) -> Result<FollowReport> {
    let mut report = FollowReport::default();
    let batch = options.batch.max(1);
    loop {
        let next = indexer
            .cursor()
            .map_or(options.start_height, |c| c.height + 1)
            .max(options.start_height);
        let mut latest = source.latest_height().await?;
        if let Some(until) = options.until {
            latest = latest.min(until);
        }
        if next > latest {
            match (options.poll, options.until) {
                (_, Some(until)) if next > until => return Ok(report),
                (Some(wait), _) => {
                    tokio::time::sleep(wait).await;
                    continue;
                }
                (None, _) => return Ok(report),
            }
        }
        let to = latest.min(next + batch - 1);
        for block in source.blocks(next, to).await? {
            if let Applied::Indexed { .. } = indexer.apply(&block).await? {
                report.blocks += 1;
                report.events += block.events.len() as u64;
            }
        }
    }
}
