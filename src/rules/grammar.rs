//! `grammar.yaml`: function words by the part they play. The code asks "is
//! this token a [`W::Copula`]?", never "is it «كان»?"; each language fills the
//! lists its grammar needs and leaves the others empty.

use serde::Deserialize;

macro_rules! word_classes {
    ($( $(#[doc = $doc:literal])* $field:ident => $variant:ident, )+) => {
        /// The lists of `grammar.yaml`, one per word class.
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct GrammarFile {
            $( $(#[doc = $doc])* #[serde(default)] pub $field: Vec<String>, )+
        }

        /// A word class: the part a function word plays.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum W {
            $( $(#[doc = $doc])* $variant, )+
        }

        impl W {
            /// How many classes there are.
            pub const COUNT: usize = [$(stringify!($variant)),+].len();
        }

        impl GrammarFile {
            /// Every list with its class and its key in the file.
            pub fn lists(&self) -> Vec<(W, &'static str, &[String])> {
                vec![$( (W::$variant, stringify!($field), self.$field.as_slice()), )+]
            }
        }
    };
}

word_classes! {
    /// after a speech verb, before its addressee: «قال لـ…», "told to", "spoke with"
    addressee_markers => AddresseeMarkers,
    /// the word that opens an anonymity clause after its noun: "officials who asked not to be named"
    anonymity_relatives => AnonymityRelatives,
    /// beside a kind of event, makes it a second incident: «غارة أخرى», "another strike"
    another_words => AnotherWords,
    /// between a document noun and its author: "a report by the Guardian"
    author_links => AuthorLinks,
    /// auxiliaries and adverbs that may stand between a subject and its verb
    auxiliaries => Auxiliaries,
    /// words after a channel noun that belong to it: «في بيان له», «في مؤتمر صحفي»
    channel_modifiers => ChannelModifiers,
    /// a preposition before a channel noun between cue and content: «في بيان», "in a statement"
    channel_prepositions => ChannelPrepositions,
    /// after a comma, the start of a word of five letters or more that opens a new clause: «، ويأتي»
    clause_opener_prefixes => ClauseOpenerPrefixes,
    /// after a comma, a new clause (with the reporting verb after it): «، كما زعمت»
    clause_openers => ClauseOpeners,
    /// after a count of the wounded, makes it some of them: «ما زالوا في حالة حرجة», "in critical condition"
    condition_words => ConditionWords,
    /// words that alone are no subject: "and said"
    connectives => Connectives,
    /// a second cue of the same subject comes after these: "confirmed that X and said Y"
    coordinators => Coordinators,
    /// a form of «كان» that puts the subject before the verb: «وكان الدفاع المدني قد ذكر»
    copulas => Copulas,
    /// between two counted nouns counted together: «القتلى والجرحى», "killed and wounded"
    count_coordinators => CountCoordinators,
    /// before the group after a counted noun: «قتلى من المدنيين», "dead among them civilians"
    count_group_links => CountGroupLinks,
    /// between a quantity and what it counts: «عشرات من المدنيين», "dozens of people"
    count_partitives => CountPartitives,
    /// a part of a day before a weekday: «مساء الثلاثاء», «يوم الجمعة»
    day_parts => DayParts,
    /// after a transfer word, the place after it is where people were taken, not where they were hurt: «نقل الجريحان إلى مستشفى في مدينة بنت جبيل», "fled to Deraa"
    destination_prepositions => DestinationPrepositions,
    /// next to a toll, makes it an earlier count that a later one replaced: «الحصيلة الأولية», «حصيلة سابقة», "an initial toll"
    earlier_counts => EarlierCounts,
    /// a definite article: a role after it refers back ("the official")
    definite_articles => DefiniteArticles,
    /// words that start or sit inside a source noun phrase but carry no name: "the", "two", "senior"
    determiners => Determiners,
    /// a disease whose cases are counted: «إصابة 41 حالة بالكوليرا», "41 cholera cases"
    disease_words => DiseaseWords,
    /// a district noun: the town named beside it stands for its district («قضاء العمادية», "the Bint Jbeil district")
    district_nouns => DistrictNouns,
    /// a landform or facility noun that is part of the name after it: «وادي الشاي», «ميناء رأس عيسى»
    feature_nouns => FeatureNouns,
    /// given names that make a person female (for "she", «قالت»)
    female_names => FemaleNames,
    /// short phrases between a cue and "that": "said on Tuesday that", "told by phone that"
    frame_openers => FrameOpeners,
    /// given names: after a role, a word that starts a personal name («الطبيب عبد الله الأهدل»)
    given_names => GivenNames,
    /// a quantity word before «من» that makes a group of people a subject: «عدد من مؤيدي الأسد»
    group_quantifiers => GroupQuantifiers,
    /// a conjunction that may open a clause before an according-to phrase
    leading_conjunctions => LeadingConjunctions,
    /// given names that make a person male (for "he", «قال»)
    male_names => MaleNames,
    /// beside a month name with no day or year, make it a date: «في شباط الماضي», "the February attack"
    month_markers => MonthMarkers,
    /// what may follow a bare name after a verb, for it to be the subject: «وقال أحمد الشرع لـ…»
    name_followers => NameFollowers,
    /// a word that introduces a personal name after a role: «شقيق أحد الضحايا، ويدعى هوشيار»
    name_introducers => NameIntroducers,
    /// a name particle whose next part carries the capital: "al-Mutawakkel", "el-Sisi"
    name_particles => NameParticles,
    /// reported content with no "that" never starts with these: "said for" is no clause
    non_clause_starts => NonClauseStarts,
    /// words that never start a subject noun phrase: "it said", "that said"
    non_subjects => NonSubjects,
    /// words after a number that are no counted noun
    not_counted => NotCounted,
    /// common words that are also the name of some town: a place only after a frame («الأبيض», "Bar")
    not_places => NotPlaces,
    /// words after which a cue verb form is a noun: "the protests", "acts of protest"
    noun_markers => NounMarkers,
    /// after a titled person, a word that joins the body he speaks for: «المتحدث عن …»
    np_human_links => NpHumanLinks,
    /// words allowed inside a source noun phrase: "Ministry of Health", "head of the group"
    np_joiners => NpJoiners,
    /// words cut from the start of a subject phrase
    np_leading_trim => NpLeadingTrim,
    /// «المتحدث باسم الوزارة», «المركز التابع للوزارة»
    np_name_links => NpNameLinks,
    /// a preposition that extends a source with its place or body: «مصادر في وزارة الدفاع»
    np_place_prepositions => NpPlacePrepositions,
    /// words cut from the end of a subject phrase
    np_trailing_trim => NpTrailingTrim,
    /// a preposition between a cue and an event noun as its object: «أشار إلى سقوط», «أفادت بوقوع»
    object_prepositions => ObjectPrepositions,
    /// an object of a documentary or denial verb does not start with these
    object_stops => ObjectStops,
    /// words that are never a noun and end a name: «بما», «مما»
    particles => Particles,
    /// a particle between subject and verb: «الوزارة قد أعلنت»
    perfect_particles => PerfectParticles,
    /// before a month or a span, makes a toll a total over that time: «خلال حزيران», "during June"
    period_openers => PeriodOpeners,
    /// a settlement noun before a place name: «في بلدة سروج», "in the village of X"; an unknown name after it is kept as a place
    place_frames => PlaceFrames,
    /// a settlement frame after which the name may carry the article: «بلدة الخيام», «مخيم اليرموك» (not «مديرية الأمن»)
    settlement_frames => SettlementFrames,
    /// the first word of a two-word place name: «تل شور», «عين عيسى», «كفر نبودة»
    place_name_heads => PlaceNameHeads,
    /// a word before a gazetteer name that makes it a place: «في», «قرب», "in", "near"
    place_prepositions => PlacePrepositions,
    /// people told something, not a source: "told reporters"
    plain_addressees => PlainAddressees,
    /// a preposition after the head noun starts a phrase that does not change the head: "a source in Erbil"
    post_head_prepositions => PostHeadPrepositions,
    /// pronouns for one woman
    pronouns_f => PronounsF,
    /// pronouns for one man
    pronouns_m => PronounsM,
    /// pronouns for a thing or a body
    pronouns_neuter => PronounsNeuter,
    /// pronouns for many
    pronouns_plural => PronounsPlural,
    /// a noun of saying after a relayed speaker: «نقلت الوكالة عن فلان قوله»
    quote_nouns => QuoteNouns,
    /// what follows a quoted name that is the subject: «وأكد "الصباغ" أن», «قال "المرصد" لـ…»
    quoted_subject_followers => QuotedSubjectFollowers,
    /// before two numbers joined by «و»/"and": one count between them («ما بين 20 و25 شخصا», "between 20 and 25 people")
    range_openers => RangeOpeners,
    /// words that open an apposition or a relative clause after a subject: "X, who …, said"
    relative_openers => RelativeOpeners,
    /// a relative pronoun is its own mention, not an entity
    relative_pronouns => RelativePronouns,
    /// after "according to X, which …": the verb that makes X a relay
    relative_relays => RelativeRelays,
    /// after a relaying verb, the preposition before the source: «نقلت الوكالة عن مسؤول»
    relay_from => RelayFrom,
    /// in «بحسب ما نقلت عنه وكالة…», the pronoun for the speaker the outlet relays
    relay_pronouns => RelayPronouns,
    /// prepositions that open a sentence before a speech noun: «وفي تصريح للمتحدث…، أوضح»
    section_openers => SectionOpeners,
    /// a total since a date: «منذ 2011», "since 2011"
    since => Since,
    /// a singular noun that counts one right after a casualty frame or before a
    /// coordinated count: «سقوط قتيل وجريحين», «قتل شخص وأصيب اثنان»
    singular_counts => SingularCounts,
    /// a short clause after these, before a verb, is its subject: "But environmentalists worry"
    subject_introducers => SubjectIntroducers,
    /// words left out at the start of such a subject
    subject_skippers => SubjectSkippers,
    /// before a number: it counts part of the total just given («بينهم 31 طفلاً», "including four children")
    subset_markers => SubsetMarkers,
    /// before a definite casualty noun, then a number: a part of that set («بين القتلى ثلاثة أطفال», "among the dead were")
    subset_prepositions => SubsetPrepositions,
    /// small words inside a Title Case name in quotes: "Operation Peace of the Valley"
    title_case_joiners => TitleCaseJoiners,
    /// a word of people taken or fleeing somewhere: «نقل», «فروا», "taken", "fled"
    transfer_words => TransferWords,
    /// "rose from 31 to 32": the word before the earlier value
    update_from => UpdateFrom,
    /// "rose from 31 to 32": the word before the later value
    update_to => UpdateTo,
    /// «ما» / "what" after an according-to phrase: «بحسب ما أفاد»
    what => What,
    /// a year noun between "since" and the year: «منذ عام 2011»
    year_nouns => YearNouns,
}

impl W {
    /// The bit of this class in a token's class mask.
    /// The class's bit in a word's class set. A `u128` holds up to 127 classes
    /// (all bits set marks "not looked up yet"); the assertion below keeps it so.
    pub const fn bit(self) -> u128 {
        1u128 << (self as u8)
    }
}

// one bit per class in a u128, with all bits set reserved
const _: () = assert!(W::COUNT < 128, "too many word classes for a u128 class set");

/// Classes of content words: names, and nouns the figures read. A word of any
/// other class is a function word.
pub const CONTENT_CLASSES: u128 = W::GivenNames.bit()
    | W::NameIntroducers.bit()
    | W::FemaleNames.bit()
    | W::MaleNames.bit()
    | W::PlaceNameHeads.bit()
    | W::PlaceFrames.bit()
    | W::SettlementFrames.bit()
    | W::FeatureNouns.bit()
    | W::NotPlaces.bit()
    | W::PlacePrepositions.bit()
    | W::DiseaseWords.bit()
    | W::SingularCounts.bit()
    | W::DistrictNouns.bit()
    | W::TransferWords.bit();
