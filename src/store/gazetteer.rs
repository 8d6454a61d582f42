//! Places by id, with parents and children, for event matching and lookups.

use std::collections::{HashMap, HashSet};

use crate::rules::{Place, PlaceKind, Rules};
use crate::text::fold;

pub struct Gazetteer {
    parent: HashMap<String, String>,
    children: HashMap<String, Vec<String>>,
    countries: HashSet<String>,
    /// Regions larger than a province.
    coarse: HashSet<String>,
}

impl Gazetteer {
    pub fn new(rules: &Rules) -> Gazetteer {
        let mut parent = HashMap::new();
        let mut children: HashMap<String, Vec<String>> = HashMap::new();
        let countries = rules.places.iter().filter(|p| p.kind == PlaceKind::Country).map(|p| p.id.clone()).collect();
        for p in &rules.places {
            if let Some(par) = &p.parent {
                parent.insert(p.id.clone(), par.clone());
                children.entry(par.clone()).or_default().push(p.id.clone());
            }
        }
        let coarse = rules.places.iter().filter(|p| matches!(p.kind, PlaceKind::Region)).map(|p| p.id.clone()).collect();
        Gazetteer { parent, children, countries, coarse }
    }

    /// The place, its parent and its children: one event may be told at any of
    /// them. A whole country is too wide to stand for one event either way.
    /// Is `id` a whole country or a region spanning several provinces, too
    /// coarse to name one incident? (A governorate is not: «السويداء» names
    /// the province and the city alike.)
    pub fn is_coarse(&self, id: &str) -> bool {
        self.countries.contains(id) || self.coarse.contains(id)
    }

    pub fn related(&self, id: &str) -> Vec<String> {
        let mut out = vec![id.to_string()];
        if self.countries.contains(id) {
            return out;
        }
        if let Some(p) = self.parent.get(id).filter(|p| !self.countries.contains(*p)) {
            out.push(p.clone());
        }
        if let Some(c) = self.children.get(id) {
            out.extend(c.iter().cloned());
        }
        out
    }
}

/// A place given by any name or alias, in either script, or by id.
pub fn find_place<'r>(rules: &'r Rules, q: &str) -> Option<&'r Place> {
    let key = fold(q).to_lowercase();
    rules
        .places
        .iter()
        .find(|p| p.id == q)
        .or_else(|| rules.places.iter().find(|p| p.names.iter().chain(std::iter::once(&p.name)).any(|n| fold(n).to_lowercase() == key)))
}
