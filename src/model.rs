//! What isnad says about an article: the output model every report serialises
//! and the store keeps. Enums are typed all the way; serde's renames give the
//! JSON names, and `as_str` returns the same names for text output.
//!
//! Offsets (`start`, `end`, spans) are UTF-8 byte offsets into the file as read,
//! front matter included; `line`/`col` are 1-based, `col` in characters.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::rules::Lang;

/// Implements `as_str` from the serde name of each unit variant.
macro_rules! names {
    ($t:ty { $($v:ident => $s:literal),+ $(,)? }) => {
        impl $t {
            pub const ALL: &'static [$t] = &[$(<$t>::$v),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(<$t>::$v => $s),+
                }
            }
        }

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// How a claim is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// «وفق», «بحسب», "according to": a proposition backed by a source.
    AccordingTo,
    /// Words inside quotation marks.
    Direct,
    /// Reported speech.
    Indirect,
}
names!(Mode { AccordingTo => "according_to", Direct => "direct", Indirect => "indirect" });

/// What sort of source speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Government,
    Military,
    ArmedGroup,
    Media,
    RightsMonitor,
    International,
    Medical,
    Witness,
    Expert,
    Person,
    /// A poll, report, study or set of figures that speaks for its authors.
    Document,
    Unknown,
}
names!(Kind {
    Government => "government",
    Military => "military",
    ArmedGroup => "armed_group",
    Media => "media",
    RightsMonitor => "rights_monitor",
    International => "international",
    Medical => "medical",
    Witness => "witness",
    Expert => "expert",
    Person => "person",
    Document => "document",
    Unknown => "unknown",
});

/// How a verb that refers back to a source agrees with it (Arabic), or which
/// pronoun picks it up (English).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    M,
    F,
    Mp,
    Fp,
    Du,
    Any,
}

/// The class of a reporting cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Neutral,
    Assertive,
    Documentary,
    Opinion,
    Hedged,
    Distancing,
    Denial,
    Evaluative,
    Directive,
    Commissive,
}
names!(Stance {
    Neutral => "neutral",
    Assertive => "assertive",
    Documentary => "documentary",
    Opinion => "opinion",
    Hedged => "hedged",
    Distancing => "distancing",
    Denial => "denial",
    Evaluative => "evaluative",
    Directive => "directive",
    Commissive => "commissive",
});

/// What a counted quantity counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Killed,
    Wounded,
    Casualties,
    Displaced,
    Detained,
    Missing,
    /// Cases of a disease («41 حالة كوليرا»): never killed or wounded.
    Cases,
    Other,
}
names!(Category {
    Killed => "killed",
    Wounded => "wounded",
    Casualties => "casualties",
    Displaced => "displaced",
    Detained => "detained",
    Missing => "missing",
    Cases => "cases",
    Other => "other",
});

impl Category {
    /// The categories a casualty audit is about.
    pub fn is_casualty(self) -> bool {
        self != Category::Other
    }
}

/// How a qualifier bounds a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    AtLeast,
    MoreThan,
    About,
    UpTo,
    FewerThan,
}
names!(Bound { AtLeast => "at_least", MoreThan => "more_than", About => "about", UpTo => "up_to", FewerThan => "fewer_than" });

/// What `check` says of a figure against the earlier ones of its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    New,
    Consistent,
    Update,
    RevisionDown,
    Stale,
    Conflict,
}
names!(Status {
    New => "new",
    Consistent => "consistent",
    Update => "update",
    RevisionDown => "revision_down",
    Stale => "stale",
    Conflict => "conflict",
});

impl Status {
    /// One line for text output.
    pub fn explain(self) -> &'static str {
        match self {
            Status::New => "no earlier figure for this event",
            Status::Consistent => "agrees with earlier figures (the intervals overlap)",
            Status::Update => "a later, higher toll: the count has risen",
            Status::RevisionDown => "the same source now gives a lower toll",
            Status::Stale => "repeats an older figure after a newer one was reported",
            Status::Conflict => "another source gives a toll that does not overlap, for the same time",
        }
    }
}

/// The id of a finding rule (stable, as in Vale).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    AnonymousSource,
    DistancingCue,
    InconsistentFigure,
    OrphanQuote,
    TruncatedText,
    UnattributedFigure,
    UnbalancedQuote,
    VagueFigure,
}
names!(RuleId {
    AnonymousSource => "anonymous-source",
    DistancingCue => "distancing-cue",
    InconsistentFigure => "inconsistent-figure",
    OrphanQuote => "orphan-quote",
    TruncatedText => "truncated-text",
    UnattributedFigure => "unattributed-figure",
    UnbalancedQuote => "unbalanced-quote",
    VagueFigure => "vague-figure",
});

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Doc {
    pub path: String,
    pub lang: Lang,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    pub bytes: usize,
}

/// One source entity in one article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Source {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub anonymous: bool,
    pub mentions: Vec<[usize; 2]>,
    /// Registry id of a well-known source.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub canonical: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub aliases: Vec<String>,
    pub claims: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Claim {
    pub id: String,
    pub mode: Mode,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
    pub text: String,
    pub cue: Option<String>,
    pub cue_span: Option<[usize; 2]>,
    pub stance: Stance,
    pub source: Option<String>,
    pub source_mention: Option<[usize; 2]>,
    pub via: Vec<String>,
    /// A quoted paragraph given to the previous speaker.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub floating: bool,
}

/// One counted quantity, from extraction to the store.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Figure {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
    pub text: String,
    pub category: Category,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub vague: bool,
    /// The qualifier as written («على الأقل», "more than").
    pub qualifier: Option<String>,
    pub bound: Option<Bound>,
    pub group: Option<String>,
    /// The `sources[].id` of the claim it sits in.
    pub source: Option<String>,
    /// The claim this figure is part of.
    pub claim: Option<String>,
    /// Gazetteer id and name of the place.
    pub place: Option<String>,
    pub place_name: Option<String>,
    /// The place is the article's, not told near the figure (a toll said of
    /// "Syria" in an article about Sweida): `check` never reads a conflict on it.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub place_inferred: bool,
    pub event_kind: Option<String>,
    /// The incident this toll is of, among the article's (`e1`, `e2`… in text
    /// order); figures of one event are one incident's tolls.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub event: Option<String>,
    /// YYYY-MM-DD, resolved against the article's date.
    pub as_of: Option<String>,
    /// A total over a period starting here («منذ 8 ديسمبر 2024», "since 2011").
    pub since: Option<String>,
    /// A total over a campaign, a month or a war («منذ مطلع العام», "since the
    /// truce began", «خلال حزيران»), not one incident's toll: it is told of the
    /// widest place around it and joins no incident.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub total: bool,
    pub update: bool,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub previous: Option<u64>,
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub superseded: bool,
    /// Part of a total given beside it ("including four children", «خمسة من
    /// الجرحى»): `check` never reads it against other tolls.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub subset: bool,
}

impl Figure {
    /// Within a factor of ten of `other`: two readings of one toll can differ
    /// that much; a national total and one attack's toll differ more.
    pub fn same_order(&self, other: &Figure) -> bool {
        let n = |f: &Figure| f.low.or(f.high).unwrap_or(0).max(1);
        n(self).max(n(other)) <= 10 * n(self).min(n(other))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Finding {
    pub rule: RuleId,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub claim: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
pub struct Stats {
    pub claims: usize,
    pub by_mode: BTreeMap<Mode, usize>,
    /// Claims by the kind of their source; `none` for claims with no source.
    pub by_kind: BTreeMap<String, usize>,
    pub anonymous: usize,
    pub anonymous_share: f64,
    pub findings: usize,
}

/// Everything isnad says about one article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Audit {
    pub doc: Doc,
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    pub figures: Vec<Figure>,
    pub findings: Vec<Finding>,
    pub stats: Stats,
}

impl Audit {
    /// The source a claim or figure names by id.
    pub fn source(&self, id: Option<&str>) -> Option<&Source> {
        let id = id?;
        self.sources.iter().find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `as_str` and serde must give the same names.
    fn same<T: Serialize + Copy + std::fmt::Display>(all: &[T]) {
        for v in all {
            assert_eq!(serde_json::to_value(v).unwrap(), serde_json::Value::String(v.to_string()));
        }
    }

    #[test]
    fn names_match_serde() {
        same(Mode::ALL);
        same(Kind::ALL);
        same(Stance::ALL);
        same(Category::ALL);
        same(Bound::ALL);
        same(Status::ALL);
        same(RuleId::ALL);
    }
}
