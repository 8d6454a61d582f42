//! Source entities within one article: mentions of one real source are merged
//! into one entity (registry id first, then anaphors by head noun or role, then
//! word containment), and implicit subjects are resolved by agreement.

use super::Np;
use crate::model::{Gender, Kind};

/// A source entity within one article.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Folded span of its most complete mention.
    pub name: (usize, usize),
    pub mentions: Vec<(usize, usize)>,
    pub kind: Kind,
    pub anonymous: bool,
    pub gender: Gender,
    pub human: bool,
    pub registry: Option<u32>,
    pub head: Option<u32>,
    pub title: Option<u32>,
    pub key: String,
    /// Token index of the last mention, for recency.
    pub last: usize,
    /// A claim has been attributed to it.
    pub speaker: bool,
    /// Some mention carries a personal name, not only a role.
    pub named: bool,
}

#[derive(Debug, Default)]
pub struct Entities {
    pub list: Vec<Entity>,
}

/// `needle` occurs in `hay` as whole words (keys are single-spaced).
fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() || needle.len() > hay.len() {
        return false;
    }
    hay.match_indices(needle).any(|(i, _)| {
        let before = i == 0 || hay.as_bytes()[i - 1] == b' ';
        let j = i + needle.len();
        let after = j == hay.len() || hay.as_bytes()[j] == b' ';
        before && after
    })
}

/// How far back entity lookups reach: articles have a few dozen sources; a
/// pathological input must not make every lookup scan thousands.
const WINDOW: usize = 256;

impl Entities {
    fn window_start(&self) -> usize {
        self.list.len().saturating_sub(WINDOW)
    }

    fn recent(&self) -> std::slice::Iter<'_, Entity> {
        self.list[self.window_start()..].iter()
    }

    /// Add a mention; returns the entity it belongs to.
    pub fn add(&mut self, np: &Np) -> Option<usize> {
        if np.pronoun {
            // "he said": the pronoun is a mention of whom it refers to
            let e = self.by_agreement(np.gender, np.human, np.first_tok)?;
            let span = (np.start, np.end);
            if !self.list[e].mentions.contains(&span) {
                self.list[e].mentions.push(span);
            }
            return Some(e);
        }
        let found = self.find(np);
        self.merge_or_push(np, found, true)
    }

    /// Add the body named inside a person's mention («شرطة كابول» in «نائب
    /// رئيس شرطة كابول»): a mention of the body, but its edges are the person's
    /// phrase's, so it does not rename a body already known («الشرطة»).
    pub fn add_body(&mut self, np: &Np) -> Option<usize> {
        let found = self.find(np);
        self.merge_or_push(np, found, false)
    }

    /// The entity an anaphor refers to, if any yet.
    pub fn antecedent(&self, np: &Np) -> Option<usize> {
        if np.pronoun {
            None
        } else {
            self.find(np)
        }
    }

    /// The entity a (non-pronoun) mention belongs to, if it exists.
    fn find(&self, np: &Np) -> Option<usize> {
        if let Some(r) = np.registry {
            self.recent().rposition(|e| e.registry == Some(r)).map(|i| i + self.window_start())
        } else if np.document {
            // a definite document with no author: the organisation that last spoke
            self.recent().rposition(|e| !e.human && !e.anonymous && (e.registry.is_some() || e.head.is_some())).map(|i| i + self.window_start())
        } else if np.anaphor {
            // «المصادر», "the ministry": the last entity with that head noun; «القائد
            // الميداني», "the official": the last person with that role
            let w = self.window_start();
            self.recent()
                .rposition(|e| e.human == np.human && ((e.head == np.head && e.head.is_some()) || (np.title.is_some() && e.title == np.title)))
                .or_else(|| self.recent().rposition(|e| e.human == np.human && contains_words(&e.key, &np.key)))
                // "the monitor" after "the Syrian Observatory…": the last organisation of
                // that kind; "the group", "the agency": the last named organisation
                .or_else(|| {
                    (!np.human)
                        .then(|| self.recent().rposition(|e| !e.human && !e.anonymous && e.registry.is_some() && e.kind == np.kind && np.kind != Kind::Unknown))
                        .flatten()
                })
                // "the group", "the agency": the last named organisation that spoke
                .or_else(|| {
                    let kind_ok = |e: &Entity| np.kind == Kind::Unknown || e.kind == np.kind;
                    np.generic
                        .then(|| {
                            self.recent().rposition(|e| {
                                !e.human && !e.anonymous && e.speaker && kind_ok(e) && (e.registry.is_some() || e.head.is_some() && e.key.contains(' '))
                            })
                        })
                        .flatten()
                })
                .map(|i| i + w)
        } else {
            let surname = np.human && np.named && np.title.is_none() && !np.key.contains(' ');
            let w = self.window_start();
            self.recent()
                .rposition(|e| {
                    e.registry.is_none()
                        && e.anonymous == np.anonymous
                        && e.human == np.human
                        && (e.key == np.key
                        || (np.key.split(' ').count() >= 2 && (contains_words(&e.key, &np.key) || contains_words(&np.key, &e.key)))
                        // «حسن» after «اللواء فضل حسن», "Guler" after "Yasar Guler"
                        || (surname && e.human && e.key.rsplit(' ').next() == Some(np.key.as_str())))
                })
                .map(|i| i + w)
        }
    }

    fn merge_or_push(&mut self, np: &Np, found: Option<usize>, rename: bool) -> Option<usize> {
        let span = (np.start, np.end);
        match found {
            Some(i) => {
                let e = &mut self.list[i];
                // mentions arrive in text order; the report sorts and dedups them
                if e.mentions.last() != Some(&span) {
                    e.mentions.push(span);
                }
                if rename && !np.anaphor && np.end - np.start > e.name.1 - e.name.0 && np.registry.is_none() == e.registry.is_none() {
                    e.name = span;
                    e.key = np.key.clone();
                }
                if e.kind == Kind::Unknown {
                    e.kind = np.kind;
                }
                e.last = e.last.max(np.first_tok);
                e.named |= np.named;
                Some(i)
            }
            None => {
                self.list.push(Entity {
                    name: span,
                    mentions: vec![span],
                    kind: np.kind,
                    anonymous: np.anonymous,
                    gender: np.gender,
                    human: np.human,
                    registry: np.registry,
                    head: np.head,
                    title: np.title,
                    key: np.key.clone(),
                    last: np.first_tok,
                    speaker: false,
                    named: np.named,
                });
                Some(self.list.len() - 1)
            }
        }
    }

    /// A person known only by role («وزير الدفاع», "Defence Minister" in a
    /// headline) and one person of the article named with that title: the named
    /// one, when there is exactly one.
    pub fn named_holder(&self, e: usize) -> Option<usize> {
        let r = &self.list[e];
        // only entities near it in the text: an article's few dozen, and bounded
        // work on a hostile one
        let near = e.saturating_sub(WINDOW)..(e + WINDOW).min(self.list.len());
        let others = || self.list[near.clone()].iter().enumerate().map(|(i, x)| (i + near.start, x));
        // «الشبكة السورية» in a headline, «الشبكة السورية لحقوق الإنسان» below it
        if r.registry.is_none() && !r.anonymous && !r.key.is_empty() {
            let mut fuller = self
                .list
                .iter()
                .enumerate()
                .filter(|(i, x)| *i != e && x.human == r.human && x.registry.is_some() && x.key != r.key && contains_words(&x.key, &r.key));
            if let Some((f, _)) = fuller.next() {
                if fuller.next().is_none() {
                    return Some(f);
                }
            }
        }
        if r.named || !r.human || r.anonymous || r.title.is_none() {
            return None;
        }
        let mut holders = others().filter(|(i, x)| *i != e && x.named && x.human && x.title == r.title);
        let first = holders.next()?.0;
        holders.next().is_none().then_some(first)
    }

    /// The most recent entity a pronoun or implicit subject of this agreement can be.
    pub fn by_agreement(&self, g: Gender, human: bool, before_tok: usize) -> Option<usize> {
        let w = self.window_start();
        self.list[w..]
            .iter()
            .enumerate()
            .map(|(i, e)| (i + w, e))
            .filter(|(_, e)| e.last <= before_tok && agrees(e, g, human))
            .max_by_key(|(_, e)| e.last)
            .map(|(i, _)| i)
    }
}

/// Can an entity be referred to with this agreement?
pub fn agrees(e: &Entity, g: Gender, human: bool) -> bool {
    match g {
        Gender::Any => !human || e.human,
        // "he", "she" are people; an Arabic verb's agreement may be a body's
        Gender::M => matches!(e.gender, Gender::M | Gender::Any) && (!human || e.human),
        Gender::F => matches!(e.gender, Gender::F | Gender::Any) && (!human || e.human),
        Gender::Mp => matches!(e.gender, Gender::Mp | Gender::Fp) || (!e.human && e.gender == Gender::Any),
        Gender::Fp => matches!(e.gender, Gender::Fp | Gender::Mp),
        Gender::Du => matches!(e.gender, Gender::Du | Gender::Mp),
    }
}
