//! The YAML shapes of the rule files. Plain structs and unit enums only, so that
//! serde can point at the exact line and column of a bad key.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize, PartialOrd, Ord)]
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
    Unknown,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Government => "government",
            Kind::Military => "military",
            Kind::ArmedGroup => "armed_group",
            Kind::Media => "media",
            Kind::RightsMonitor => "rights_monitor",
            Kind::International => "international",
            Kind::Medical => "medical",
            Kind::Witness => "witness",
            Kind::Expert => "expert",
            Kind::Person => "person",
            Kind::Unknown => "unknown",
        }
    }
}

/// How a verb that refers back to a source agrees with it (Arabic), or which
/// pronoun picks it up (English).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    M,
    F,
    Mp,
    Fp,
    Du,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
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

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Neutral => "neutral",
            Stance::Assertive => "assertive",
            Stance::Documentary => "documentary",
            Stance::Opinion => "opinion",
            Stance::Hedged => "hedged",
            Stance::Distancing => "distancing",
            Stance::Denial => "denial",
            Stance::Evaluative => "evaluative",
            Stance::Directive => "directive",
            Stance::Commissive => "commissive",
        }
    }
}

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
