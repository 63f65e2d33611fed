//! Every row of every entity table, in key order, as text: two indexes of the same chain
//! dump the same (the kill-and-resume test compares them).
use anyhow::Result;
use sqlx::Row;

use crate::catalog::{FieldType, ENTITIES};
use crate::db::Db;

pub async fn dump(db: &Db) -> Result<String> {
    let mut out = String::new();
    for entity in ENTITIES {
        out.push_str(&format!("# {}\n", entity.table));
        let rows = sqlx::query(&format!("SELECT * FROM {} ORDER BY id", entity.table))
            .fetch_all(db.pool())
            .await?;
        for row in rows {
            let cells: Vec<String> = entity
                .fields
                .iter()
                .map(|f| match f.ty {
                    FieldType::Int | FieldType::BigIntNumber | FieldType::Boolean => row
                        .try_get::<Option<i64>, _>(f.column)
                        .ok()
                        .flatten()
                        .map_or("null".into(), |i| i.to_string()),
                    _ => row
                        .try_get::<Option<String>, _>(f.column)
                        .ok()
                        .flatten()
                        .unwrap_or_else(|| "null".into()),
                })
                .collect();
            out.push_str(&cells.join("|"));
            out.push('\n');
        }
    }
    if let Some(cursor) = db.cursor().await? {
        out.push_str(&format!("# cursor {} {}\n", cursor.height, cursor.time));
    }
    Ok(out)
}
