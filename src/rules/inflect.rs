//! The Arabic verb tables in `rules/ar/cues.yaml` come from the lemmas in
//! `rules/ar/verbs.yaml`: each lemma (past and present, third person masculine
//! singular) is expanded into its agreement forms by its class. `cargo test
//! --test rules` fails when cues.yaml is stale; `ISNAD_BLESS=1` writes it.
//!
//! The suffixes are the morphology of the class, not vocabulary: feminine «ت»,
//! plural «وا»/«ون», feminine plural «ن», dual «ا»/«تا»/«ان». A verb no class
//! describes gives its forms itself (any slot may be written out).

use serde::Deserialize;

use super::schema::{Stance, Verb};

/// How a verb inflects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerbClass {
    /// «أعلن، يعلن»: suffixes on the stems as they are.
    #[default]
    Sound,
    /// «أدلى، يدلي», «دعا، يدعو»: the final weak letter yields before suffixes.
    Defective,
    /// «قال، يقول»: the long vowel drops before the feminine plural «ن».
    Hollow,
    /// «أصر، يصر»: the doubled letter is written out before «ن».
    Doubled,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerbLemma {
    pub lemma: String,
    /// Present tense, third person masculine singular («يقول»).
    #[serde(default)]
    pub present: Option<String>,
    #[serde(default)]
    pub class: VerbClass,
    pub stance: Stance,
    #[serde(default)]
    pub continuation: bool,
    #[serde(default)]
    pub strict: bool,
    #[serde(default)]
    pub relays: bool,
    /// The active participle («قائل»): circumstantial forms «قائلا، قائلة، قائلين».
    #[serde(default)]
    pub participle: Option<String>,
    /// Circumstantial forms written out, when only some of them are cues
    /// («متهمين» is more often a noun than "accusing").
    #[serde(default)]
    pub hal: Option<Vec<String>>,
    #[serde(default)]
    pub passive: Vec<String>,
    #[serde(default)]
    pub m: Option<Vec<String>>,
    #[serde(default)]
    pub f: Option<Vec<String>>,
    #[serde(default)]
    pub mp: Option<Vec<String>>,
    #[serde(default)]
    pub fp: Option<Vec<String>>,
    #[serde(default)]
    pub du: Option<Vec<String>>,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerbsFile {
    pub classes: Classes,
    pub verbs: Vec<VerbLemma>,
}

/// The suffix patterns of one class, with placeholders: `{past}`, `{pres}`
/// (the stems as given), `{past-}`, `{pres-}` (without their last letter),
/// `{pres_}` (without its first letter, the person prefix), `{past~}`,
/// `{pres~}` (without the long vowel before the last letter), `{last}` (the
/// last letter of the past), `{part}`, `{part-}` (the participle, without its
/// last letter).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patterns {
    pub f: Vec<String>,
    pub mp: Vec<String>,
    pub fp: Vec<String>,
    pub du: Vec<String>,
    /// Circumstantial forms of the participle.
    pub hal: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Classes {
    pub sound: Patterns,
    pub defective: Patterns,
    pub hollow: Patterns,
    pub doubled: Patterns,
}

impl Classes {
    fn of(&self, c: VerbClass) -> &Patterns {
        match c {
            VerbClass::Sound => &self.sound,
            VerbClass::Defective => &self.defective,
            VerbClass::Hollow => &self.hollow,
            VerbClass::Doubled => &self.doubled,
        }
    }
}

/// The last character cut off.
fn chop(s: &str) -> &str {
    s.char_indices().next_back().map_or(s, |(i, _)| &s[..i])
}

/// The first character cut off.
fn behead(s: &str) -> &str {
    s.char_indices().nth(1).map_or("", |(i, _)| &s[i..])
}

/// The second-to-last character dropped: the long vowel of a hollow stem.
fn drop_long_vowel(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    if c.len() < 3 {
        return s.to_string();
    }
    c[..c.len() - 2].iter().chain(&c[c.len() - 1..]).collect()
}

/// Fill the placeholders of a pattern.
fn fill(pattern: &str, past: &str, pres: &str, part: &str) -> String {
    let last = past.chars().last().map(String::from).unwrap_or_default();
    pattern
        .replace("{past-}", chop(past))
        .replace("{pres-}", chop(pres))
        .replace("{pres_}", behead(pres))
        .replace("{past~}", &drop_long_vowel(past))
        .replace("{pres~}", &drop_long_vowel(pres))
        .replace("{part-}", chop(part))
        .replace("{last}", &last)
        .replace("{past}", past)
        .replace("{pres}", pres)
        .replace("{part}", part)
}

fn fill_all(patterns: &[String], past: &str, pres: &str, part: &str) -> Vec<String> {
    patterns.iter().map(|p| fill(p, past, pres, part)).collect()
}

/// A lemma's full entry.
pub fn expand(classes: &Classes, v: &VerbLemma) -> Verb {
    let m = v.m.clone().unwrap_or_else(|| std::iter::once(v.lemma.clone()).chain(v.present.clone()).collect());
    let pat = classes.of(v.class);
    let part = v.participle.as_deref().unwrap_or_default();
    let [f, mp, fp, du] = match &v.present {
        Some(pres) => [&pat.f, &pat.mp, &pat.fp, &pat.du].map(|p| fill_all(p, &v.lemma, pres, part)),
        None => Default::default(),
    };
    Verb {
        lemma: v.lemma.clone(),
        gloss: None,
        stance: v.stance,
        continuation: v.continuation,
        strict: v.strict,
        relays: v.relays,
        tells: false,
        naming: false,
        impersonal: false,
        object: false,
        m,
        f: v.f.clone().unwrap_or(f),
        mp: v.mp.clone().unwrap_or(mp),
        fp: v.fp.clone().unwrap_or(fp),
        du: v.du.clone().unwrap_or(du),
        passive: v.passive.clone(),
        hal: v.hal.clone().or_else(|| v.participle.as_ref().map(|_| fill_all(&pat.hal, &v.lemma, "", part))).unwrap_or_default(),
        forms: Vec::new(),
        examples: v.examples.clone(),
    }
}

fn list(v: &[String]) -> String {
    format!("[{}]", v.join(", "))
}

/// The `verbs:` section of cues.yaml for these lemmas.
pub fn render(file: &VerbsFile) -> String {
    let mut out = String::from("verbs:\n");
    for v in file.verbs.iter().map(|v| expand(&file.classes, v)) {
        out.push_str(&format!("  - lemma: {}\n    stance: {}\n", v.lemma, v.stance));
        out.push_str(&format!("    continuation: {}\n    strict: {}\n", v.continuation, v.strict));
        if v.relays {
            out.push_str("    relays: true\n");
        }
        for (k, l) in [("m", &v.m), ("f", &v.f), ("mp", &v.mp), ("fp", &v.fp), ("du", &v.du), ("passive", &v.passive), ("hal", &v.hal), ("forms", &v.forms)] {
            out.push_str(&format!("    {k}: {}\n", list(l)));
        }
        let ex: Vec<String> = v.examples.iter().map(|e| serde_json::to_string(e).unwrap_or_default()).collect();
        out.push_str(&format!("    examples: {}\n", list(&ex)));
    }
    out
}

/// cues.yaml with its `verbs:` section generated from `verbs_yaml`; the text
/// before `verbs:` and from `nouns:` on is kept.
pub fn regenerate(cues_yaml: &str, verbs_yaml: &str) -> Result<String, serde_yaml::Error> {
    let lemmas: VerbsFile = serde_yaml::from_str(verbs_yaml)?;
    let head = cues_yaml.find("\nverbs:\n").map_or("", |i| &cues_yaml[..i + 1]);
    let tail = cues_yaml.find("\nnouns:").map_or("", |i| &cues_yaml[i + 1..]);
    Ok(format!("{head}{}{tail}", render(&lemmas)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes() -> Classes {
        let f: VerbsFile = serde_yaml::from_str(include_str!("../../rules/ar/verbs.yaml")).unwrap();
        f.classes
    }

    fn lemma(l: &str, pres: &str, class: VerbClass, part: Option<&str>) -> Verb {
        let v = VerbLemma {
            lemma: l.into(),
            present: Some(pres.into()),
            class,
            stance: Stance::Neutral,
            continuation: false,
            strict: false,
            relays: false,
            participle: part.map(String::from),
            hal: None,
            passive: Vec::new(),
            m: None,
            f: None,
            mp: None,
            fp: None,
            du: None,
            examples: Vec::new(),
        };
        expand(&classes(), &v)
    }

    #[test]
    fn classes_inflect() {
        let v = lemma("أكد", "يؤكد", VerbClass::Sound, Some("مؤكد"));
        assert_eq!(v.f, ["أكدت", "تؤكد"]);
        assert_eq!(v.mp, ["أكدوا", "يؤكدون"]);
        assert_eq!(v.fp, ["أكدن", "يؤكدن"]);
        assert_eq!(v.du, ["أكدا", "أكدتا", "يؤكدان", "تؤكدان"]);
        assert_eq!(v.hal, ["مؤكدا", "مؤكدة", "مؤكدين"]);
        assert_eq!(lemma("قال", "يقول", VerbClass::Hollow, None).fp, ["قلن", "يقلن"]);
        assert_eq!(lemma("أصر", "يصر", VerbClass::Doubled, None).fp, ["أصررن", "يصررن"]);
        let d = lemma("أبدى", "يبدي", VerbClass::Defective, Some("مبدي"));
        assert_eq!(d.f, ["أبدت", "تبدي"]);
        assert_eq!(d.mp, ["أبدوا", "يبدون"]);
        assert_eq!(d.fp, ["أبدين", "يبدين"]);
        assert_eq!(d.hal, ["مبديا", "مبدية", "مبدين"]);
    }
}
