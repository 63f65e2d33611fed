//! The schema, generated from the catalog: per entity an object type, a filter input, an
//! order enum, a singular and plural fields (and aliases) on `Query`.
use std::collections::HashMap;

use async_graphql::dynamic::{
    Enum, Field, FieldFuture, FieldValue, InputObject, InputValue, Object, ResolverContext, Scalar,
    TypeRef, ValueAccessor,
};
use async_graphql::{Error, Value as GqlValue};

use super::rows::{self, Cell, Condition, EntityRow, Op, Page, DEFAULT_FIRST, MAX_FIRST};
use crate::amount;
use crate::catalog::{entity, Entity, Field as CatalogField, FieldType, ENTITIES};
use crate::db::Db;

pub const BIG_INT: &str = "BigInt";
pub const BYTES: &str = "Bytes";
pub const ORDER_DIRECTION: &str = "OrderDirection";

/// lowerCamel of a type name: `EternalFarming` → `eternalFarming`.
pub fn singular(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The scalar a field is filtered and served with (a reference is filtered by id).
fn scalar_of(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Id => TypeRef::ID,
        FieldType::String | FieldType::Ref(_) => TypeRef::STRING,
        FieldType::Bytes => BYTES,
        FieldType::Int => TypeRef::INT,
        FieldType::BigInt | FieldType::BigIntNumber => BIG_INT,
        FieldType::Boolean => TypeRef::BOOLEAN,
    }
}

pub fn scalars() -> Vec<Scalar> {
    vec![
        Scalar::new(BIG_INT).description("An integer as a decimal string (amounts up to 2^128)."),
        Scalar::new(BYTES).description("An address, as the chain writes it (bech32)."),
    ]
}

pub fn order_direction() -> Enum {
    Enum::new(ORDER_DIRECTION).item("asc").item("desc")
}

/// The GraphQL value of a cell.
fn served(ty: FieldType, cell: &Cell) -> Option<GqlValue> {
    match (ty, cell) {
        (_, Cell::Null) => None,
        (FieldType::BigInt, Cell::Text(t)) => Some(GqlValue::from(amount::unpad(t))),
        (FieldType::BigIntNumber, Cell::Int(i)) => Some(GqlValue::from(i.to_string())),
        (FieldType::Boolean, Cell::Int(i)) => Some(GqlValue::from(*i != 0)),
        (FieldType::Int, Cell::Int(i)) => Some(GqlValue::from(*i)),
        (_, Cell::Text(t)) => Some(GqlValue::from(t.clone())),
        (_, Cell::Int(i)) => Some(GqlValue::from(*i)),
    }
}

fn object_field(f: &'static CatalogField) -> Field {
    let ty = match f.ty {
        FieldType::Ref(target) => TypeRef::named(target),
        _ if f.nullable => TypeRef::named(scalar_of(f.ty)),
        _ => TypeRef::named_nn(scalar_of(f.ty)),
    };
    Field::new(f.name, ty, move |ctx| {
        FieldFuture::new(async move {
            let row = ctx.parent_value.try_downcast_ref::<EntityRow>()?;
            let cell = row.cells.get(f.column).cloned().unwrap_or(Cell::Null);
            match (f.ty, cell) {
                (FieldType::Ref(target), Cell::Text(id)) => {
                    let db = ctx.data::<Db>()?;
                    let target = entity(target).ok_or("unknown entity")?;
                    let found = rows::by_id(db, target, &id).await.map_err(to_error)?;
                    Ok(found.map(FieldValue::owned_any))
                }
                (FieldType::Ref(_), _) => Ok(None),
                (ty, cell) => Ok(served(ty, &cell).map(FieldValue::value)),
            }
        })
    })
}

/// `Lock.power(at)`: max(bias - slope x (at - checkpointTime), 0); `at` defaults to the
/// index's time.
fn lock_power() -> Field {
    Field::new("power", TypeRef::named_nn(BIG_INT), |ctx| {
        FieldFuture::new(async move {
            let row = ctx.parent_value.try_downcast_ref::<EntityRow>()?;
            let text = |c: &str| match row.cells.get(c) {
                Some(Cell::Text(t)) => amount::parse(t).unwrap_or(0),
                _ => 0,
            };
            let since = match row.cells.get("checkpoint_time") {
                Some(Cell::Int(i)) => *i as u128,
                _ => 0,
            };
            let at = match ctx.args.get("at") {
                Some(v) if !v.is_null() => {
                    raw(&v)?.parse::<u128>().map_err(|_| "at: not a time")?
                }
                _ => {
                    let db = ctx.data::<Db>()?;
                    db.cursor()
                        .await
                        .map_err(to_error)?
                        .map_or(0, |c| c.time as u128)
                }
            };
            let decay = text("slope").saturating_mul(at.saturating_sub(since));
            let power = text("bias").saturating_sub(decay);
            Ok(Some(FieldValue::value(power.to_string())))
        })
    })
    .argument(InputValue::new("at", TypeRef::named(BIG_INT)))
    .description("Voting power at unix time `at` (default: the index's latest block time).")
}

pub fn object(e: &'static Entity) -> Object {
    let mut object = Object::new(e.name).description(e.description);
    for f in e.fields {
        object = object.field(object_field(f));
    }
    if e.name == "Lock" {
        object = object.field(lock_power());
    }
    object
}

fn filter_name(e: &Entity) -> String {
    format!("{}_filter", e.name)
}

fn order_name(e: &Entity) -> String {
    format!("{}_orderBy", e.name)
}

/// Each filter key of an entity: (catalog field, comparison).
fn filter_keys(e: &'static Entity) -> HashMap<String, (&'static CatalogField, Op)> {
    let mut keys = HashMap::new();
    for f in e.fields {
        for (op, suffix) in Op::ALL {
            if op.applies_to(f.ty) {
                keys.insert(format!("{}{suffix}", f.name), (f, op));
            }
        }
    }
    keys
}

pub fn filter(e: &'static Entity) -> InputObject {
    let mut input = InputObject::new(filter_name(e));
    for f in e.fields {
        for (op, suffix) in Op::ALL {
            if !op.applies_to(f.ty) {
                continue;
            }
            let scalar = scalar_of(f.ty);
            let ty = match op {
                Op::In | Op::NotIn => TypeRef::named_nn_list(scalar),
                _ => TypeRef::named(scalar),
            };
            input = input.field(InputValue::new(format!("{}{suffix}", f.name), ty));
        }
    }
    input
}

pub fn order(e: &'static Entity) -> Enum {
    Enum::new(order_name(e)).items(e.fields.iter().map(|f| f.name))
}

fn to_error(e: anyhow::Error) -> Error {
    Error::new(format!("{e:#}"))
}

/// A scalar argument as text.
fn raw(v: &ValueAccessor<'_>) -> async_graphql::Result<String> {
    Ok(match v.as_value() {
        GqlValue::String(s) => s.clone(),
        GqlValue::Number(n) => n.to_string(),
        GqlValue::Boolean(b) => b.to_string(),
        GqlValue::Enum(n) => n.to_string(),
        other => return Err(format!("unexpected value {other}").into()),
    })
}

fn conditions(
    e: &'static Entity,
    ctx: &ResolverContext<'_>,
) -> async_graphql::Result<Vec<Condition>> {
    let Some(filter) = ctx.args.get("where") else {
        return Ok(Vec::new());
    };
    if filter.is_null() {
        return Ok(Vec::new());
    }
    let keys = filter_keys(e);
    let mut out = Vec::new();
    for (name, value) in filter.object()?.iter() {
        let (field, op) = keys
            .get(name.as_str())
            .copied()
            .ok_or_else(|| format!("unknown filter {name}"))?;
        let stored_ty = match field.ty {
            FieldType::Ref(_) => FieldType::String,
            ty => ty,
        };
        let values = if value.is_null() {
            None
        } else if matches!(op, Op::In | Op::NotIn) {
            let mut list = Vec::new();
            for item in value.list()?.iter() {
                list.push(rows::stored(stored_ty, &raw(&item)?).map_err(to_error)?);
            }
            Some(list)
        } else {
            Some(vec![
                rows::stored(stored_ty, &raw(&value)?).map_err(to_error)?
            ])
        };
        out.push(Condition {
            column: field.column,
            op,
            values,
        });
    }
    Ok(out)
}

fn page(e: &'static Entity, ctx: &ResolverContext<'_>) -> async_graphql::Result<Page> {
    let int = |name: &str, default: i64| -> async_graphql::Result<i64> {
        match ctx.args.get(name) {
            Some(v) if !v.is_null() => Ok(v.i64()?),
            _ => Ok(default),
        }
    };
    let first = int("first", DEFAULT_FIRST)?;
    if !(0..=MAX_FIRST).contains(&first) {
        return Err(format!("first must be between 0 and {MAX_FIRST}, not {first}").into());
    }
    let skip = int("skip", 0)?;
    if skip < 0 {
        return Err("skip must not be negative".into());
    }
    let order_by = match ctx.args.get("orderBy") {
        Some(v) if !v.is_null() => {
            let name = v.enum_name()?;
            e.fields
                .iter()
                .find(|f| f.name == name)
                .map(|f| f.column)
                .ok_or_else(|| format!("cannot order by {name}"))?
        }
        _ => "id",
    };
    let descending = match ctx.args.get("orderDirection") {
        Some(v) if !v.is_null() => v.enum_name()? == "desc",
        _ => false,
    };
    Ok(Page {
        first,
        skip,
        order_by,
        descending,
    })
}

/// The plural field `name` of an entity.
pub fn plural(e: &'static Entity, name: &str) -> Field {
    Field::new(name, TypeRef::named_nn_list_nn(e.name), move |ctx| {
        FieldFuture::new(async move {
            let conditions = conditions(e, &ctx)?;
            let page = page(e, &ctx)?;
            let db = ctx.data::<Db>()?;
            let found = rows::fetch(db, e, &conditions, &page)
                .await
                .map_err(to_error)?;
            Ok(Some(FieldValue::list(
                found.into_iter().map(FieldValue::owned_any),
            )))
        })
    })
    .argument(InputValue::new("first", TypeRef::named(TypeRef::INT)))
    .argument(InputValue::new("skip", TypeRef::named(TypeRef::INT)))
    .argument(InputValue::new("orderBy", TypeRef::named(order_name(e))))
    .argument(InputValue::new(
        "orderDirection",
        TypeRef::named(ORDER_DIRECTION),
    ))
    .argument(InputValue::new("where", TypeRef::named(filter_name(e))))
}

/// The singular field of an entity: one row by id.
pub fn single(e: &'static Entity) -> Field {
    Field::new(singular(e.name), TypeRef::named(e.name), move |ctx| {
        FieldFuture::new(async move {
            let id = ctx.args.try_get("id")?.string()?.to_string();
            let db = ctx.data::<Db>()?;
            let found = rows::by_id(db, e, &id).await.map_err(to_error)?;
            Ok(found.map(FieldValue::owned_any))
        })
    })
    .argument(InputValue::new("id", TypeRef::named_nn(TypeRef::ID)))
}

/// `_meta { block { number timestamp } }`: where the index stands.
pub fn meta() -> (Object, Object, Field) {
    let block = Object::new("_Block_")
        .field(Field::new("number", TypeRef::named_nn(BIG_INT), |ctx| {
            FieldFuture::new(async move {
                let cursor = ctx.parent_value.try_downcast_ref::<(u64, u64)>()?;
                Ok(Some(FieldValue::value(cursor.0.to_string())))
            })
        }))
        .field(Field::new("timestamp", TypeRef::named_nn(BIG_INT), |ctx| {
            FieldFuture::new(async move {
                let cursor = ctx.parent_value.try_downcast_ref::<(u64, u64)>()?;
                Ok(Some(FieldValue::value(cursor.1.to_string())))
            })
        }));
    let meta = Object::new("_Meta_").field(Field::new("block", TypeRef::named("_Block_"), |ctx| {
        FieldFuture::new(async move {
            let cursor = ctx.parent_value.try_downcast_ref::<Option<(u64, u64)>>()?;
            Ok(cursor.map(FieldValue::owned_any))
        })
    }));
    let field = Field::new("_meta", TypeRef::named_nn("_Meta_"), |ctx| {
        FieldFuture::new(async move {
            let db = ctx.data::<Db>()?;
            let cursor = db.cursor().await.map_err(to_error)?;
            Ok(Some(FieldValue::owned_any(
                cursor.map(|c| (c.height, c.time)),
            )))
        })
    });
    (meta, block, field)
}

/// Every entity of the catalog.
pub fn entities() -> &'static [Entity] {
    ENTITIES
}
