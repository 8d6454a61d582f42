//! The YAML shapes of the rule files. Plain structs and unit enums only, so that
//! serde can point at the exact line and column of a bad key.

use serde::Deserialize;

pub use super::place_kind::PlaceKind;
pub use crate::model::{Bound, Category, Gender, Kind, Stance};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryFile {
    pub sources: Vec<RegistryEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryEntry {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_ar: Option<String>,
    pub kind: Kind,
    #[serde(default = "any_gender")]
    pub gender: Gender,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub needs_type: bool,
    #[serde(default)]
    pub examples: Vec<String>,
}

fn any_gender() -> Gender {
    Gender::Any
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuesFile {
    #[serde(default)]
    pub verbs: Vec<Verb>,
    #[serde(default)]
    pub nouns: Vec<CueNoun>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verb {
    pub lemma: String,
    #[serde(default)]
    pub gloss: Option<String>,
    pub stance: Stance,
    #[serde(default)]
    pub continuation: bool,
    #[serde(default)]
    pub strict: bool,
    /// The subject relays what the source after `relay_from` said («نقلت
    /// الوكالة عن مسؤول»).
    #[serde(default)]
    pub relays: bool,
    /// The object is an addressee, not a subject ("X told Reuters").
    #[serde(default)]
    pub tells: bool,
    /// It also names ("called X a hoax" claims, "what it calls the 'safe zone'"
    /// names): before a lone quote or name, or inside a longer clause, no claim.
    #[serde(default)]
    pub naming: bool,
    /// "Clinton seems to lead": an impression with no speaker; the claim is the
    /// whole clause, subject included, and has no source.
    #[serde(default)]
    pub impersonal: bool,
    /// The content may be a plain noun-phrase object ("discussed the border
    /// crossings", "referred to the report"), as for evaluative verbs.
    #[serde(default)]
    pub object: bool,
    #[serde(default)]
    pub m: Vec<String>,
    #[serde(default)]
    pub f: Vec<String>,
    #[serde(default)]
    pub mp: Vec<String>,
    #[serde(default)]
    pub fp: Vec<String>,
    #[serde(default)]
    pub du: Vec<String>,
    #[serde(default)]
    pub passive: Vec<String>,
    #[serde(default)]
    pub hal: Vec<String>,
    #[serde(default)]
    pub forms: Vec<String>,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueNoun {
    pub forms: Vec<String>,
    #[serde(default)]
    pub document: bool,
    #[serde(default = "neutral")]
    pub stance: Stance,
    #[serde(default)]
    pub examples: Vec<String>,
}

fn neutral() -> Stance {
    Stance::Neutral
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccordingFile {
    pub phrases: Vec<Phrase>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrase {
    pub phrase: String,
    #[serde(default = "neutral")]
    pub stance: Stance,
    #[serde(default)]
    pub relay: bool,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FramesFile {
    #[serde(default)]
    pub complementisers: Vec<String>,
    #[serde(default)]
    pub formulas: Vec<String>,
    #[serde(default)]
    pub addressee: Vec<String>,
    #[serde(default)]
    pub relay: Vec<String>,
    #[serde(default)]
    pub type_nouns: Vec<String>,
    #[serde(default)]
    pub anonymity: Vec<String>,
    #[serde(default)]
    pub pronouns: Vec<String>,
    /// Words that end a source noun phrase: time words, prepositions that start
    /// an adverbial («عقب», «خلال», "on", "after").
    #[serde(default)]
    pub np_stops: Vec<String>,
    /// Words that may sit between a cue and its content without breaking the frame
    /// («اليوم», «في بيان», "on Tuesday", "in a statement").
    #[serde(default)]
    pub adverbials: Vec<String>,
    /// Openers of a new clause that end reported content («، ويأتي», ", while").
    #[serde(default)]
    pub clause_breaks: Vec<String>,
    /// «قبل أن», "before": a complementiser inside one of these opens no
    /// reported content, and the phrase ends content like a clause break.
    #[serde(default)]
    pub subordinators: Vec<String>,
    /// Abbreviations whose full stop does not end a sentence ("Mr.", «د.»).
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Words that introduce a document's author or a report («جاء في», «ورد في»).
    #[serde(default)]
    pub document_frames: Vec<String>,
    /// Words a finished paragraph cannot end on (prepositions, articles).
    #[serde(default)]
    pub dangling: Vec<String>,
    /// Event nouns that open reported content as the object of a cue
    /// («أعلنت مقتل 42», «أشار إلى سقوط», «أفادت بوقوع»).
    #[serde(default)]
    pub object_nouns: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    #[serde(default)]
    pub heads: Vec<Head>,
    #[serde(default)]
    pub qualifiers: Vec<Qualifier>,
    #[serde(default)]
    pub titles: Vec<Title>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Head {
    pub forms: Vec<String>,
    pub kind: Kind,
    #[serde(default)]
    pub anonymous: bool,
    #[serde(default = "any_gender")]
    pub gender: Gender,
    #[serde(default)]
    pub human: bool,
    #[serde(default)]
    pub anaphor: bool,
    /// "the group", «الجماعة»: a definite mention refers back to the last named
    /// organisation that spoke.
    #[serde(default)]
    pub generic: bool,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Qualifier {
    pub forms: Vec<String>,
    pub kind: Kind,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    pub forms: Vec<String>,
    pub kind: Kind,
    #[serde(default = "any_gender")]
    pub gender: Gender,
    #[serde(default)]
    pub examples: Vec<String>,
}

/// The part a number word plays when numbers are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberRole {
    /// 0–10 («ثلاثة», "three")
    Unit,
    /// «عشر/عشرة» after a unit in 11–19; "-teen" words are units in English
    Teen,
    /// 20–90
    Tens,
    /// 100–900 («ثلاثمئة», "hundred" is a scale in English)
    Hundreds,
    /// ×1000, ×10^6, ×10^9 («ألف», «آلاف», "thousand")
    Scale,
    /// a dual scale: «ألفا», «مليونان» = 2 × the value
    DualScale,
    /// «نصف», «ربع»: a fraction of the scale that follows
    Fraction,
}

/// Where a word stands relative to the number it qualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Before,
    After,
    /// a frame read both ways: «قتلوا 25 جنديا» and «6 شبان قتلوا»
    Both,
}

/// Quantities that are not counts of people: ages, durations, money, distances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Age,
    Duration,
    Time,
    Money,
    Percent,
    Distance,
    Weight,
    Ordinal,
    Year,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresFile {
    #[serde(default)]
    pub numbers: Vec<NumberWord>,
    /// Counted nouns: «قتيل/قتلى», "dead", "wounded".
    #[serde(default)]
    pub nouns: Vec<CountNoun>,
    /// Verbal and toll frames: «مقتل», «لقي حتفه», "killed", "the death toll".
    #[serde(default)]
    pub frames: Vec<CountFrame>,
    /// Who was counted: «مدنيين», "children", "soldiers"; generic people nouns too.
    #[serde(default)]
    pub groups: Vec<GroupNoun>,
    #[serde(default)]
    pub qualifiers: Vec<NumberQualifier>,
    /// «عشرات», "dozens": a conservative floor and ceiling.
    #[serde(default)]
    pub vague: Vec<VagueWord>,
    /// Units that make a number something other than a head count.
    #[serde(default)]
    pub measures: Vec<MeasureWord>,
    /// «ارتفعت الحصيلة», "rose to": the figure updates an earlier one.
    #[serde(default)]
    pub updates: Vec<String>,
    #[serde(default)]
    pub event_kinds: Vec<EventKind>,
    #[serde(default)]
    pub months: Vec<MonthName>,
    #[serde(default)]
    pub weekdays: Vec<WeekdayName>,
    /// «أمس» = -1, «اليوم» = 0, "yesterday" = -1.
    #[serde(default)]
    pub relative_days: Vec<RelativeDay>,
    /// «منذ», «خلال 30 عاما», "since 2011": campaign-wide totals.
    #[serde(default)]
    pub cumulative: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberWord {
    pub forms: Vec<String>,
    pub value: f64,
    pub role: NumberRole,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountNoun {
    pub forms: Vec<String>,
    pub category: Category,
    /// Dual forms count 2 with no number word: «قتيلان», «جريحين».
    #[serde(default)]
    pub dual: Vec<String>,
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountFrame {
    pub forms: Vec<String>,
    pub category: Category,
    /// Before the number («مقتل 27», "killed 40") or after it («لقي 5 حتفهم», "40 were killed").
    pub position: Position,
    /// A frame that also governs things («سقوط 3 صواريخ», "left 5 cars burning"): it
    /// gives way when another noun follows the number.
    #[serde(default)]
    pub weak: bool,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupNoun {
    pub forms: Vec<String>,
    /// The group counted, or none for generic people («شخص», "people").
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub dual: Vec<String>,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberQualifier {
    pub forms: Vec<String>,
    pub bound: Bound,
    pub position: Position,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VagueWord {
    pub forms: Vec<String>,
    pub low: u64,
    #[serde(default)]
    pub high: Option<u64>,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureWord {
    pub forms: Vec<String>,
    pub measure: Measure,
    /// Before the number ("$", «الساعة») or after it («عاما», "percent").
    #[serde(default = "after")]
    pub position: Position,
    #[serde(default)]
    pub examples: Vec<String>,
}

fn after() -> Position {
    Position::After
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventKind {
    pub forms: Vec<String>,
    pub kind: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthName {
    pub forms: Vec<String>,
    pub month: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekdayName {
    pub forms: Vec<String>,
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelativeDay {
    pub forms: Vec<String>,
    pub offset: i32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    pub places: Vec<Place>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Canonical id: ISO country code, then a slug («sy», «sy-suwayda»).
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub parent: Option<String>,
    pub kind: PlaceKind,
    /// Every name and spelling, both scripts.
    pub names: Vec<String>,
    /// The GeoNames place this entry stands for (`rules/gazetteer.tsv`): a
    /// name found there means this entry.
    #[serde(default)]
    pub geonames: Option<String>,
    /// Adjectives of the place («التركية», "Turkish"): a weaker sign of it, used
    /// when a sentence names no place.
    #[serde(default)]
    pub adjectives: Vec<String>,
}

/// How `check` decides that two figures describe one event, and what their
/// difference means.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckFile {
    /// Figures of one event have as-of dates at most this many days apart.
    pub event_window_days: i32,
    /// Different sources with non-overlapping tolls conflict when their as-of
    /// dates are at most this many days apart.
    pub conflict_window_days: i32,
    /// A repeat of a figure older than the current one by more than this is stale.
    pub stale_after_days: i32,
    /// Two source names are one source when every word pair is at least this
    /// similar (Jaro-Winkler, after normalisation).
    pub word_similarity: f64,
    /// Running totals are read against each other over this many days.
    pub cumulative_window_days: i32,
    /// «نحو 30», "about 30" agrees with anything this many percent either side.
    #[serde(default = "about_tolerance")]
    pub about_tolerance_percent: u32,
    /// Kinds of event that name no particular weapon («هجوم», "blast"): they
    /// agree with any other kind.
    #[serde(default)]
    pub broad_event_kinds: Vec<String>,
    /// Kinds one incident is told as, each group among its own: a drone strike
    /// is «قصف» in one outlet and an air strike in the next.
    #[serde(default)]
    pub kindred_event_kinds: Vec<Vec<String>>,
    /// Kinds of event that happen many times a day in one town (road accidents):
    /// their tolls are matched but never read as conflicts, since two of them
    /// are rarely one incident.
    #[serde(default)]
    pub routine_event_kinds: Vec<String>,
}

impl CheckFile {
    /// The kinds under which `check` looks for an incident told as `kind`:
    /// itself, its kindred and the broad ones; for a broad kind or none, itself
    /// only (figures of no kind are looked up as well).
    pub fn kinds_like(&self, kind: Option<&str>) -> Vec<Option<String>> {
        let mut out: Vec<Option<String>> = vec![kind.map(String::from)];
        let all = kind.is_none_or(|k| self.broad_event_kinds.iter().any(|b| b == k));
        if all {
            return out;
        }
        for g in self.kindred_event_kinds.iter().filter(|g| g.iter().any(|x| Some(x.as_str()) == kind)) {
            out.extend(g.iter().map(|x| Some(x.clone())));
        }
        out.extend(self.broad_event_kinds.iter().map(|x| Some(x.clone())));
        out.sort();
        out.dedup();
        out
    }

    /// Can one incident be told as kind `a` and as kind `b`?
    pub fn kinds_agree(&self, a: Option<&str>, b: Option<&str>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => {
                a == b
                    || self.broad_event_kinds.iter().any(|k| k == a || k == b)
                    || self.kindred_event_kinds.iter().any(|g| g.iter().any(|k| k == a) && g.iter().any(|k| k == b))
            }
            _ => true,
        }
    }
}

fn about_tolerance() -> u32 {
    10
}
