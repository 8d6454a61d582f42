//! One source across articles: registry ids first, then the same words after
//! normalisation and clitic stripping, then word-by-word similarity within one
//! script.

use std::collections::{HashMap, HashSet};

use strsim::jaro_winkler;

use super::{Result, Store};
use crate::rules::{Lang, Rules, W};
use crate::text::{fold, has_arabic, is_word_char};

/// Words of a source name for matching: folded, lower-case, without what
/// carries no name (English articles, `name_stopwords`) and with clitics cut by
/// the script's one stripping rule.
pub fn name_words(rules: &Rules, name: &str) -> Vec<String> {
    let lr = rules.lang(if has_arabic(name) { Lang::Ar } else { Lang::En });
    fold(name)
        .to_lowercase()
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty() && !lr.is(w, W::Determiners) && !lr.is(w, W::NpJoiners))
        .map(|w| lr.morph.strip(w).to_string())
        .collect()
}

/// Names of the same script, word count and first letter: (key, words).
type Bucket = Vec<(String, Vec<String>)>;

/// Resolves source names across articles.
pub struct SourceResolver<'r> {
    /// Known name keys by (script, word count, first letter): similar names share a
    /// bucket, so a new name is compared with a handful, not with every source.
    buckets: HashMap<(bool, usize, char), Bucket>,
    exact: HashSet<String>,
    threshold: f64,
    rules: &'r Rules,
}

fn bucket(words: &[String], script: bool) -> (bool, usize, char) {
    (script, words.len(), words.first().and_then(|w| w.chars().next()).unwrap_or(' '))
}

impl<'r> SourceResolver<'r> {
    pub fn new(store: &dyn Store, rules: &'r Rules) -> Result<SourceResolver<'r>> {
        let mut r = SourceResolver { buckets: HashMap::new(), exact: HashSet::new(), threshold: rules.check.word_similarity, rules };
        for k in store.source_keys()? {
            r.learn(&k);
        }
        Ok(r)
    }

    fn learn(&mut self, key: &str) {
        if let Some(n) = key.strip_prefix("name:") {
            let words: Vec<String> = n.split(' ').map(String::from).collect();
            self.exact.insert(key.to_string());
            self.buckets.entry(bucket(&words, has_arabic(n))).or_default().push((key.to_string(), words));
        }
    }

    pub fn rules(&self) -> &'r Rules {
        self.rules
    }

    /// The cross-article key of a source.
    pub fn key(&mut self, canonical: Option<&str>, name: &str) -> String {
        if let Some(c) = canonical {
            return format!("reg:{c}");
        }
        let words = name_words(self.rules, name);
        let exact = format!("name:{}", words.join(" "));
        if self.exact.contains(&exact) {
            return exact;
        }
        // every word must match, in order, and only within one script; Arabic
        // spelling variants are already folded, so Arabic words match exactly
        // (محمد and محمود are different people), transliterations may differ
        // a little ("Zoubi", "Zubi")
        let arabic = has_arabic(name);
        let b = bucket(&words, arabic);
        let close = |a: &String, b: &String| a == b || (!arabic && a.chars().count() >= 4 && jaro_winkler(a, b) >= self.threshold);
        let found = self.buckets.get(&b).and_then(|list| list.iter().find(|(_, w)| w.iter().zip(&words).all(|(a, b)| close(a, b))));
        match found {
            Some((k, _)) => k.clone(),
            None => {
                self.learn(&exact);
                exact
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemStore;

    #[test]
    fn names_match_across_spellings_not_across_people() {
        let store = MemStore::new();
        let mut r = SourceResolver::new(&store, crate::testing::rules()).unwrap();
        let a = r.key(None, "المرصد السوري لحقوق الإنسان");
        assert_eq!(r.key(None, "والمرصد السوري لحقوق الانسان"), a, "clitics and hamza fold away");
        assert_eq!(r.key(Some("sohr"), "anything"), "reg:sohr");
        let m = r.key(None, "محمد الأحمد");
        assert_ne!(r.key(None, "محمود الأحمد"), m, "one letter apart in a short word is another person");
        let e = r.key(None, "Omar Zoubi");
        assert_eq!(r.key(None, "Omar Zubi"), e, "a transliteration variant");
        assert_ne!(r.key(None, "عمر زعبي"), e, "never across scripts");
    }
}
