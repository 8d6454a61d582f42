//! Clitics, from `morphology.yaml`: which proclitics the matcher accepts in front
//! of a rule string, which enclitics after it, and the one rule that strips
//! proclitics from a word for keys and names.

use rustc_hash::FxHashSet as HashSet;

use serde::Deserialize;

use crate::text::fold;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MorphologyFile {
    /// The definite article («ال»).
    #[serde(default)]
    pub article: Option<String>,
    /// Proclitic conjunctions («و», «ف»).
    #[serde(default)]
    pub conjunctions: Vec<String>,
    /// The conjunction that joins nouns («و»: «متطوع ومصدر طبي»); «ف» joins
    /// clauses, and names start with it («فيدان»).
    #[serde(default)]
    pub noun_conjunction: Option<String>,
    /// Proclitic prepositions («ب», «ل», «ك»).
    #[serde(default)]
    pub prepositions: Vec<String>,
    /// Proclitics a verb may take («س», «ل»).
    #[serde(default)]
    pub verbal_prefixes: Vec<String>,
    /// The only proclitics a passive verb form may take (so that «فيدان», a
    /// name, is not ف + «يدان»).
    #[serde(default)]
    pub passive_prefixes: Vec<String>,
    /// A preposition and the article written as one: «لل» for ل + ال.
    #[serde(default)]
    pub fusions: Vec<String>,
    /// Enclitic pronouns after cue nouns and verbs («بيانها», «تابعته»).
    #[serde(default)]
    pub enclitics: Vec<String>,
    /// Endings of relative adjectives that count people («حوثيا»).
    #[serde(default)]
    pub nisba_endings: Vec<String>,
    /// Possessive endings cut from keys ("'s").
    #[serde(default)]
    pub possessive_endings: Vec<String>,
    /// Letters that must remain when proclitics are stripped.
    #[serde(default = "two")]
    pub min_stem: usize,
    /// Word endings written otherwise before an enclitic pronoun (ة as ت:
    /// «مسؤولية», «مسؤوليتها»).
    #[serde(default)]
    pub bound_endings: Vec<BoundEnding>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundEnding {
    pub free: String,
    pub bound: String,
}

fn two() -> usize {
    2
}

/// What a run of proclitics holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clitics {
    pub conj: bool,
    /// The proclitic preposition, if any.
    pub prep: Option<char>,
    pub future: bool,
    pub article: bool,
}

/// The clitic rules of one language, ready to use.
#[derive(Debug, Clone, Default)]
pub struct Morphology {
    pub article: String,
    noun_conj: Option<char>,
    prep: Vec<char>,
    verbal: Vec<char>,
    passive: Vec<String>,
    pub enclitics: Vec<String>,
    pub nisba_endings: Vec<String>,
    pub possessive_endings: Vec<String>,
    /// Every proclitic run (conjunction, then preposition or future, then the
    /// article), for the matcher.
    pub prefixes: HashSet<String>,
    /// The runs that end in the article, longest first, for stripping.
    article_runs: Vec<String>,
    /// The runs by their first letter, each list in the order of
    /// `article_runs`: a word is tested against the runs of its own first
    /// letter (most words start with none).
    runs_by_first: Vec<(char, Vec<usize>)>,
    /// What each of `article_runs` holds ([`Morphology::clitics`]).
    run_clitics: Vec<Clitics>,
    /// For a first letter in the Arabic block, 1 + its place in
    /// `runs_by_first` (0: none).
    first_in_block: Vec<u8>,
    /// Each of `article_runs` as (bytes, mask) over a word's first eight
    /// bytes; a mask of 0 for a run longer than that.
    packed_runs: Vec<(u64, u64)>,
    /// `conj` and `prep` as sets, for the questions asked of every word.
    conj_set: LetterSet,
    prep_set: LetterSet,
    pub min_stem: usize,
    /// (free, bound) endings, folded.
    pub bound_endings: Vec<(String, String)>,
}

/// A set of letters: a bit each in the Arabic block, a list for the rest.
/// Asked of most words of an article, where a list is searched letter by
/// letter.
#[derive(Debug, Clone, Default)]
pub struct LetterSet {
    bits: [u64; 4],
    rest: Vec<char>,
}

impl LetterSet {
    pub fn new(letters: &[char]) -> LetterSet {
        let mut set = LetterSet::default();
        for &c in letters {
            match (c as u32).checked_sub(0x600).filter(|&k| k < 256) {
                Some(k) => set.bits[k as usize / 64] |= 1 << (k % 64),
                None => set.rest.push(c),
            }
        }
        set
    }

    #[inline(always)]
    pub fn contains(&self, c: char) -> bool {
        match (c as u32).checked_sub(0x600).filter(|&k| k < 256) {
            Some(k) => self.bits[k as usize / 64] >> (k % 64) & 1 != 0,
            None => self.rest.contains(&c),
        }
    }
}

fn letters(v: &[String]) -> Vec<char> {
    v.iter().filter_map(|s| fold(s).chars().next()).collect()
}

impl Morphology {
    pub fn new(f: &MorphologyFile) -> Morphology {
        let article = f.article.as_deref().map(fold).unwrap_or_default();
        let (conj, prep, verbal) = (letters(&f.conjunctions), letters(&f.prepositions), letters(&f.verbal_prefixes));
        let fusions: Vec<String> = f.fusions.iter().map(|x| fold(x)).collect();
        let mut mids: Vec<char> = prep.clone();
        mids.extend(verbal.iter().filter(|v| !prep.contains(v)));
        let mut prefixes = HashSet::default();
        let mut article_runs = Vec::new();
        let conj_opts: Vec<String> = std::iter::once(String::new()).chain(conj.iter().map(|c| c.to_string())).collect();
        let mid_opts: Vec<Option<char>> = std::iter::once(None).chain(mids.iter().map(|c| Some(*c))).collect();
        for c in &conj_opts {
            for m in &mid_opts {
                let mid = m.map(String::from).unwrap_or_default();
                prefixes.insert(format!("{c}{mid}"));
                if article.is_empty() {
                    continue;
                }
                // ل + ال is written «لل»
                let with_art = match m.and_then(|p| fusions.iter().find(|x| x.starts_with(p))) {
                    Some(fused) => format!("{c}{fused}"),
                    None => format!("{c}{mid}{article}"),
                };
                if m.is_none_or(|p| prep.contains(&p)) {
                    article_runs.push(with_art.clone());
                }
                prefixes.insert(with_art);
            }
        }
        prefixes.remove("");
        article_runs.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        article_runs.dedup();
        let mut runs_by_first: Vec<(char, Vec<usize>)> = Vec::new();
        for (k, r) in article_runs.iter().enumerate() {
            let Some(c) = r.chars().next() else { continue };
            match runs_by_first.iter_mut().find(|x| x.0 == c) {
                Some(x) => x.1.push(k),
                None => runs_by_first.push((c, vec![k])),
            }
        }
        let mut first_in_block = vec![0u8; 256];
        for (g, (c, _)) in runs_by_first.iter().enumerate() {
            if let Some(k) = (*c as u32).checked_sub(0x600).filter(|&k| k < 256) {
                first_in_block[k as usize] = u8::try_from(g + 1).unwrap_or(0);
            }
        }
        let packed_runs = article_runs
            .iter()
            .map(|r| {
                let (mut bits, mut mask) = ([0u8; 8], [0u8; 8]);
                if r.len() > 8 || r.is_empty() {
                    return (0, 0);
                }
                for (k, b) in r.bytes().enumerate() {
                    bits[k] = b;
                    mask[k] = 0xFF;
                }
                (u64::from_le_bytes(bits), u64::from_le_bytes(mask))
            })
            .collect();
        let mut m = Morphology {
            packed_runs,
            runs_by_first,
            first_in_block,
            conj_set: LetterSet::new(&conj),
            prep_set: LetterSet::new(&prep),
            article,
            noun_conj: f.noun_conjunction.as_deref().and_then(|c| fold(c).chars().next()),
            prep,
            verbal,
            passive: f.passive_prefixes.iter().map(|x| fold(x)).collect(),
            enclitics: f.enclitics.iter().map(|e| fold(e)).collect(),
            nisba_endings: f.nisba_endings.iter().map(|e| fold(e)).collect(),
            possessive_endings: f.possessive_endings.clone(),
            prefixes,
            article_runs,
            min_stem: f.min_stem,
            bound_endings: f.bound_endings.iter().map(|b| (fold(&b.free), fold(&b.bound))).collect(),
            run_clitics: Vec::new(),
        };
        m.run_clitics = m.article_runs.iter().map(|r| m.clitics(r)).collect();
        m
    }

    /// What a proclitic run holds.
    pub fn clitics(&self, prefix: &str) -> Clitics {
        let mut c = Clitics::default();
        let mut rest = prefix;
        if let Some(ch) = rest.chars().next().filter(|&ch| self.conj_set.contains(ch)) {
            c.conj = true;
            rest = &rest[ch.len_utf8()..];
        }
        if !self.article.is_empty() && rest.ends_with(self.article.as_str()) {
            c.article = true;
        }
        match rest.chars().next() {
            Some(ch) if self.prep_set.contains(ch) => {
                c.prep = Some(ch);
                // «لل»: ل with the article's first letter dropped
                let after = &rest[ch.len_utf8()..];
                if !self.article.is_empty() && !after.is_empty() && self.article.ends_with(after) {
                    c.article = true;
                }
            }
            Some(ch) if self.verbal.contains(&ch) => c.future = true,
            _ => {}
        }
        c
    }

    /// A word without its article-bearing proclitics («والوزارة» → «وزارة»),
    /// when enough of it remains; English possessives cut too. The one rule for
    /// keys and cross-article names.
    pub fn strip<'w>(&self, w: &'w str) -> &'w str {
        match self.strip_run(w) {
            Some((r, _)) => r,
            None => self.strip_possessive(w),
        }
    }

    /// The word without a possessive ending ("Syria's").
    pub fn strip_possessive<'w>(&self, w: &'w str) -> &'w str {
        self.possessive_endings.iter().find_map(|e| w.strip_suffix(e.as_str())).unwrap_or(w)
    }

    /// [`Morphology::strip`] by an article run alone: the rest of the word and
    /// what the run holds.
    pub fn strip_run<'w>(&self, w: &'w str) -> Option<(&'w str, Clitics)> {
        if let Some(runs) = w.chars().next().and_then(|c| self.runs_starting(c)) {
            // the word's first eight bytes as a number, each run tested under
            // its mask: this runs for most Arabic words of an article
            let b = w.as_bytes();
            let head = match b.get(..8) {
                Some(h) => u64::from_le_bytes([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]]),
                None => {
                    let mut h = [0u8; 8];
                    h[..b.len()].copy_from_slice(b);
                    u64::from_le_bytes(h)
                }
            };
            for &k in runs {
                let (bits, mask) = self.packed_runs[k];
                if head & mask != bits {
                    continue;
                }
                let p = &self.article_runs[k];
                if mask != 0 || w.starts_with(p.as_str()) {
                    let r = &w[p.len()..];
                    if r.chars().nth(self.min_stem.saturating_sub(1)).is_some() || self.min_stem == 0 {
                        return Some((r, self.run_clitics.get(k).copied().unwrap_or_default()));
                    }
                }
            }
        }
        None
    }

    /// The article runs that start with `c`, in order.
    #[inline]
    fn runs_starting(&self, c: char) -> Option<&[usize]> {
        let g = match (c as u32).checked_sub(0x600).filter(|&k| k < 256) {
            Some(k) => usize::from(*self.first_in_block.get(k as usize)?).checked_sub(1)?,
            None => self.runs_by_first.iter().position(|x| x.0 == c)?,
        };
        self.runs_by_first.get(g).map(|x| x.1.as_slice())
    }

    /// The word carries the article behind any proclitics («للمقاومة», «وبالوزارة»).
    pub fn carries_article(&self, w: &str) -> bool {
        self.article_runs.iter().any(|p| w.strip_prefix(p.as_str()).is_some_and(|r| r.chars().count() >= self.min_stem))
    }

    /// The word begins with the article.
    pub fn definite(&self, w: &str) -> bool {
        let a = self.article.as_bytes();
        // byte by byte: the article is two letters, and this is asked of most words
        !a.is_empty() && w.len() >= a.len() && w.as_bytes().iter().zip(a).all(|(x, y)| x == y)
    }

    /// The word begins with the proclitic preposition `p` glued to it (and not
    /// the article): «لوكالة».
    pub fn glued(&self, w: &str, p: char) -> bool {
        w.starts_with(p) && !self.definite(w) && w.chars().count() > 1
    }

    /// A verb may carry these proclitics.
    pub fn verbal_ok(&self, c: Clitics) -> bool {
        !c.article && c.prep.is_none_or(|p| self.verbal.contains(&p))
    }

    /// A passive verb form may carry this proclitic run.
    pub fn passive_ok(&self, prefix: &str) -> bool {
        prefix.is_empty() || self.passive.iter().any(|p| p == prefix)
    }

    /// A noun may carry these proclitics (not the future marker).
    pub fn nominal_ok(&self, c: Clitics) -> bool {
        !c.future
    }

    /// Particles and phrases carry their own prepositions: at most a conjunction.
    pub fn particle_ok(&self, c: Clitics) -> bool {
        c.prep.is_none() && !c.article && !c.future
    }

    /// Is `c` a proclitic preposition?
    #[inline]
    pub fn is_preposition(&self, c: char) -> bool {
        self.prep_set.contains(c)
    }

    /// The proclitic prepositions.
    pub fn prepositions(&self) -> &[char] {
        &self.prep
    }

    /// The word begins with the conjunction that joins nouns («وزير» does too:
    /// callers weigh the rest).
    pub fn starts_with_noun_conj(&self, w: &str) -> bool {
        self.noun_conj.is_some_and(|c| w.starts_with(c))
    }

    /// The byte length of a noun conjunction on the front of `w`, or 0.
    pub fn noun_conj_len(&self, w: &str) -> usize {
        self.noun_conj.filter(|&c| w.starts_with(c)).map_or(0, char::len_utf8)
    }

    /// A letter that can be a proclitic on its own («و», «ل»).
    #[inline]
    pub fn is_proclitic_letter(&self, c: char) -> bool {
        self.conj_set.contains(c) || self.prep_set.contains(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_set_holds_its_letters_in_and_past_the_arabic_block() {
        let set = LetterSet::new(&['و', 'ب', 'a', 'ۿ', '\u{0600}']);
        for c in ['و', 'ب', 'a', 'ۿ', '\u{0600}'] {
            assert!(set.contains(c), "{c}");
        }
        for c in ['ف', 'ل', 'b', '\u{0700}', '\u{05FF}', ' '] {
            assert!(!set.contains(c), "{c}");
        }
    }

    #[test]
    fn a_stripped_run_holds_what_its_letters_hold() {
        let m = ar();
        for w in ["والمدينة", "بالمدينة", "للمدينة", "المدينة", "وللمدينة", "فبالمدينة", "كالمدينة"] {
            let (r, cl) = m.strip_run(w).unwrap_or_else(|| panic!("{w}"));
            assert_eq!(r, "مدينة", "{w}");
            assert_eq!(cl, m.clitics(&w[..w.len() - r.len()]), "{w}");
        }
        assert_eq!(m.strip_run("مدينة"), None);
        assert_eq!(m.strip_run("الم"), None, "too little left");
    }

    fn ar() -> Morphology {
        let f: MorphologyFile = serde_yaml::from_str(include_str!("../../rules/ar/morphology.yaml")).unwrap();
        Morphology::new(&f)
    }

    #[test]
    fn prefixes_and_what_they_hold() {
        let m = ar();
        for p in ["و", "وال", "لل", "ولل", "فب", "س", "وس", "كال"] {
            assert!(m.prefixes.contains(p), "{p}");
        }
        assert_eq!(m.clitics("ولل"), Clitics { conj: true, prep: Some('ل'), future: false, article: true });
        assert_eq!(m.clitics("بال"), Clitics { conj: false, prep: Some('ب'), future: false, article: true });
        assert_eq!(m.clitics("وس"), Clitics { conj: true, prep: None, future: true, article: false });
    }

    #[test]
    fn strip_keeps_a_stem() {
        let m = ar();
        assert_eq!(m.strip("والوزاره"), "وزاره");
        assert_eq!(m.strip("للامم"), "امم");
        assert_eq!(m.strip("وزاره"), "وزاره", "a bare و may be the word's own letter");
        assert_eq!(m.strip("الي"), "الي", "too little would remain");
    }
}
