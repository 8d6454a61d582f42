//! Places by id, with parents and children, for event matching and lookups.

use std::collections::{HashMap, HashSet};

use crate::rules::{Place, PlaceKind, Rules};
use crate::text::fold;

pub struct Gazetteer<'r> {
    rules: &'r Rules,
    children: HashMap<String, Vec<String>>,
    countries: HashSet<String>,
    /// Regions larger than a province.
    coarse: HashSet<String>,
}

impl<'r> Gazetteer<'r> {
    pub fn new(rules: &'r Rules) -> Gazetteer<'r> {
        let mut children: HashMap<String, Vec<String>> = HashMap::new();
        let countries = rules.places.iter().filter(|p| p.kind == PlaceKind::Country).map(|p| p.id.clone()).collect();
        for p in &rules.places {
            if let Some(par) = &p.parent {
                children.entry(par.clone()).or_default().push(p.id.clone());
            }
        }
        let coarse = rules.places.iter().filter(|p| matches!(p.kind, PlaceKind::Region)).map(|p| p.id.clone()).collect();
        Gazetteer { rules, children, countries, coarse }
    }

    /// Is `id` a country, hand-written or GeoNames?
    pub fn is_country(&self, id: &str) -> bool {
        if self.countries.contains(id) || self.rules.place_ix.contains_key(id) || id.starts_with("x:") {
            return self.countries.contains(id);
        }
        let w = self.rules.world();
        w.get(id).is_some_and(|i| w.place(i).kind == PlaceKind::Country)
    }

    /// Is `id` a whole country or a region spanning several provinces, too
    /// coarse to name one incident? (A governorate is not: «السويداء» names
    /// the province and the city alike.)
    pub fn is_coarse(&self, id: &str) -> bool {
        self.coarse.contains(id) || self.is_country(id)
    }

    /// The place, its parent and its children: one event may be told at any of
    /// them. A whole country is too wide to stand for one event either way.
    pub fn related(&self, id: &str) -> Vec<String> {
        let mut out = vec![id.to_string()];
        if self.is_country(id) {
            return out;
        }
        if let Some(p) = self.rules.parent_of(id).filter(|p| !self.is_country(p)) {
            out.push(p);
        }
        if let Some(c) = self.children.get(id) {
            out.extend(c.iter().cloned());
        }
        // every place inside it, as indexed (`StoredFigure::within`); a town
        // rarely has places inside it
        if self.is_area(id) {
            out.push(format!("<{id}"));
        }
        out
    }

    /// A province, district or region: a place others lie in.
    fn is_area(&self, id: &str) -> bool {
        if let Some(&i) = self.rules.place_ix.get(id) {
            return matches!(self.rules.places[i as usize].kind, PlaceKind::Region | PlaceKind::Governorate | PlaceKind::District);
        }
        let w = self.rules.world();
        !id.starts_with("x:") && w.get(id).is_some_and(|i| w.place(i).kind == PlaceKind::Governorate)
    }
}

/// The places a name or id may mean, in either script: a hand-written entry
/// first, then GeoNames places by size (a GeoNames place that a hand-written
/// entry stands for is that entry).
pub fn find_places(rules: &Rules, q: &str) -> Vec<Place> {
    let key = fold(q).to_lowercase();
    let yaml = rules
        .places
        .iter()
        .find(|p| p.id == q)
        .or_else(|| rules.places.iter().find(|p| p.names.iter().chain(std::iter::once(&p.name)).any(|n| fold(n).to_lowercase() == key)));
    let mut out: Vec<Place> = yaml.into_iter().cloned().collect();
    let w = rules.world();
    let mut hits = w.get(q).map(|i| vec![crate::rules::world::NameOf { place: i, main: true }]).unwrap_or_default();
    let ar = &rules.lang(crate::rules::Lang::Ar).morph;
    hits.extend(w.lookup(&crate::rules::world::key_of(q, ar)));
    hits.sort_by_key(|x| std::cmp::Reverse(w.place(x.place).population));
    for x in hits {
        let id = w.id(x.place);
        let p = match rules.same_as.get(id) {
            Some(&y) => rules.places[y as usize].clone(),
            None => Place {
                id: id.to_string(),
                name: w.name(x.place).to_string(),
                parent: None,
                kind: w.place(x.place).kind,
                names: Vec::new(),
                geonames: None,
                adjectives: Vec::new(),
            },
        };
        if !out.iter().any(|o| o.id == p.id) {
            out.push(p);
        }
    }
    out
}
