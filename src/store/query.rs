//! Read-only views over the whole store: the open conflicts, and the source
//! registry with each outlet's share of anonymous claims.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Result, Store, StoredFigure, StoredSource};
use crate::model::Status;

/// Every stored figure that was a conflict when it came in.
pub fn conflicts(store: &dyn Store) -> Result<Vec<StoredFigure>> {
    let mut out = Vec::new();
    for a in store.articles() {
        out.extend(a?.figures.into_iter().filter(|f| f.status == Status::Conflict));
    }
    Ok(out)
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutletShare {
    pub outlet: String,
    pub claims: u64,
    pub anonymous: u64,
    pub anonymous_share: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Sources {
    pub sources: Vec<StoredSource>,
    pub outlets: Vec<OutletShare>,
}

/// The outlets that have articles in the store.
pub fn outlets(store: &dyn Store) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for a in store.articles() {
        let o = a?.outlet.unwrap_or_else(|| "-".into());
        if !out.contains(&o) {
            out.push(o);
        }
    }
    out.sort();
    Ok(out)
}

/// Sources by claims and figures, most first (only those an outlet relayed,
/// when one is given), and each outlet's share of anonymous claims.
pub fn sources(store: &dyn Store, outlet: Option<&str>) -> Result<Sources> {
    let mut list: Vec<StoredSource> = store.sources().collect::<Result<_>>()?;
    list.retain(|s| s.claims + s.figures > 0);
    if let Some(o) = outlet {
        list.retain(|s| s.outlets.contains_key(o));
    }
    list.sort_by(|x, y| (y.claims + y.figures).cmp(&(x.claims + x.figures)).then(x.key.cmp(&y.key)));
    let mut per: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for a in store.articles() {
        let a = a?;
        let o = a.outlet.clone().unwrap_or_else(|| "-".into());
        if outlet.is_some_and(|want| want != o) {
            continue;
        }
        let e = per.entry(o).or_default();
        e.0 += a.claims.len() as u64;
        e.1 += a.claims.iter().filter(|c| c.anonymous).count() as u64;
    }
    let outlets = per
        .into_iter()
        .map(|(outlet, (claims, anonymous))| OutletShare {
            outlet,
            claims,
            anonymous,
            anonymous_share: if claims == 0 { 0.0 } else { anonymous as f64 / claims as f64 },
        })
        .collect();
    Ok(Sources { sources: list, outlets })
}
