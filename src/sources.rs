//! Stage 5: source mentions (noun phrases around a cue) and source entities.
//!
//! A mention is found from the rule hits: a registry name, a head noun
//! («مصادر», "officials"), a title («وزير», "Minister"), qualifiers and the words
//! that extend them. Mentions of one real source are merged into one entity:
//! registry id first, then anaphors by head noun, then word containment.

use crate::context::Ctx;
use crate::normalise::fold;
use crate::rules::{Entry, Gender, Kind, Lang};
use crate::segment::TokKind;

/// A source mention: a noun phrase in the folded text.
#[derive(Debug, Clone)]
pub struct Np {
    pub start: usize,
    pub end: usize,
    pub first_tok: usize,
    /// One past the last token.
    pub end_tok: usize,
    pub kind: Kind,
    pub anonymous: bool,
    pub gender: Gender,
    pub human: bool,
    pub registry: Option<u32>,
    pub head: Option<u32>,
    /// A definite head alone («المصادر», "the ministry"): refers back.
    pub anaphor: bool,
    pub pronoun: bool,
    /// «متطوع ومصدر طبي»: two sources named together.
    pub coordinated: bool,
    /// Words that carry a name, for the entity key.
    pub key: String,
    /// The first title («المتحدث باسم», "Minister"): a person described by role.
    pub title: Option<u32>,
    /// The organisation a titled person speaks for («المتحدث باسم البنتاغون»).
    pub affiliation: Option<u32>,
    /// The mention carries a personal name, not only a role.
    pub named: bool,
}

impl Np {
    fn new(start: usize, tok: usize) -> Np {
        Np {
            start,
            end: start,
            first_tok: tok,
            end_tok: tok,
            kind: Kind::Unknown,
            anonymous: false,
            gender: Gender::Any,
            human: false,
            registry: None,
            head: None,
            anaphor: false,
            pronoun: false,
            coordinated: false,
            key: String::new(),
            title: None,
            affiliation: None,
            named: false,
        }
    }

    fn has_anchor(&self) -> bool {
        self.registry.is_some() || self.head.is_some() || self.kind != Kind::Unknown || self.human
    }

    /// True when the phrase names or describes a source, not just any words.
    pub fn has_anchor_public(&self) -> bool {
        self.has_anchor()
    }
}

/// A mention over tokens `[a, b)` with no lexicon knowledge (a quoted outlet name).
pub fn np_plain(start: usize, end: usize, a: usize, b: usize) -> Np {
    let mut np = Np::new(start, a);
    np.end = end;
    np.end_tok = b;
    np
}

fn stops_np(e: &Entry) -> bool {
    matches!(
        e,
        Entry::Complementiser
            | Entry::Verb { .. }
            | Entry::According(_)
            | Entry::NpStop
            | Entry::Adverbial
            | Entry::ClauseBreak
            | Entry::Formula
            | Entry::DocumentFrame
    )
}

/// Apply what a hit says about the source.
fn absorb(ctx: &Ctx, np: &mut Np, e: Entry, first: bool) {
    let lr = ctx.lr;
    match e {
        Entry::Registry(i) => {
            let r = &ctx.registry[i as usize];
            if np.human && np.title.is_some() && !first {
                // a spokesman of the Pentagon is not the Pentagon
                if np.affiliation.is_none() {
                    np.affiliation = Some(i);
                    if np.kind == Kind::Unknown || np.kind == Kind::Person {
                        np.kind = r.kind;
                    }
                }
            } else if np.registry.is_none() {
                np.registry = Some(i);
                np.kind = r.kind;
                if first || np.gender == Gender::Any {
                    np.gender = r.gender;
                }
                np.anonymous = false;
            }
        }
        Entry::Head(i) => {
            let h = &lr.sources.heads[i as usize];
            if np.title.is_some() && !first {
                // «رئيسة المنظمة»: the organisation a titled person belongs to
                if np.kind == Kind::Unknown {
                    np.kind = h.kind;
                }
            } else if np.head.is_none() && np.registry.is_none() {
                np.head = Some(i);
                if np.kind == Kind::Unknown {
                    np.kind = h.kind;
                }
                np.anonymous = h.anonymous && np.registry.is_none() && !np.human;
                if first {
                    np.gender = h.gender;
                    np.human = h.human;
                }
            } else if np.kind == Kind::Unknown {
                // «مصادر في وزارة الدفاع»: the institution sets the kind
                np.kind = h.kind;
            }
        }
        Entry::Title(i) => {
            let t = &lr.sources.titles[i as usize];
            if np.title.is_none() && (first || np.head.is_none()) {
                np.title = Some(i);
            }
            if first || np.head.is_none() {
                np.human = true;
                if first {
                    np.gender = t.gender;
                }
                if np.kind == Kind::Unknown {
                    np.kind = t.kind;
                }
            }
        }
        Entry::Qualifier(i) => {
            let q = &lr.sources.qualifiers[i as usize];
            if np.kind == Kind::Unknown || (np.anonymous && np.registry.is_none()) {
                if q.kind != Kind::Unknown {
                    np.kind = q.kind;
                }
            }
        }
        _ => {}
    }
}

fn is_source_entry(e: &Entry) -> bool {
    matches!(e, Entry::Registry(_) | Entry::Head(_) | Entry::Title(_) | Entry::Qualifier(_))
}

fn push_key(np: &mut Np, w: &str) {
    if !np.key.is_empty() {
        np.key.push(' ');
    }
    np.key.push_str(w);
}

/// The entity key of one word.
pub fn key_of(ctx: &Ctx, i: usize) -> String {
    key_word(ctx, i)
}

/// Strip Arabic proclitics the matcher saw, for keys: «والوزارة» → «وزاره».
fn key_word(ctx: &Ctx, i: usize) -> String {
    let w = ctx.word(i).to_lowercase();
    if ctx.lang() == Lang::Ar || w.chars().next().is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        let mut s = w.as_str();
        for p in ["وال", "فال", "بال", "كال", "لل", "ال"] {
            if let Some(r) = s.strip_prefix(p) {
                if r.chars().count() >= 2 {
                    s = r;
                    break;
                }
            }
        }
        s.to_string()
    } else {
        w.trim_end_matches("'s").trim_end_matches("’s").to_string()
    }
}

/// Where a word starts once a leading و/ف and preposition ب/ل are set aside.
fn after_preposition(text: &str, start: usize, core: usize) -> usize {
    let prefix = &text[start..core];
    let rest = prefix.trim_start_matches(['و', 'ف']);
    let skipped = prefix.len() - rest.len();
    match rest.chars().next() {
        Some(c @ ('ل' | 'ب')) => start + skipped + c.len_utf8(),
        _ => start,
    }
}

/// Arabic subject after a verb (VSO), or the noun phrase after a preposition.
pub fn np_after_ar(ctx: &Ctx, ti: usize, max_words: usize) -> Option<Np> {
    let t0 = ctx.tok(ti)?;
    if !matches!(t0.kind, TokKind::Word | TokKind::Number) {
        return None;
    }
    if ctx.has_hit(ti, stops_np) || ctx.has_hit(ti, |e| matches!(e, Entry::Addressee | Entry::Pronoun)) {
        // a source name that is also a stop word («البيان») still counts when it is a registry hit
        if !ctx.has_hit(ti, |e| matches!(e, Entry::Registry(_))) {
            return None;
        }
    }
    // «لصحيفة العرب», «بالشبكة»: the mention starts after the preposition
    let lead = ctx
        .hits_at_tok(ti)
        .iter()
        .filter(|h| (h.lam || h.ba) && is_source_entry(&h.entry))
        .map(|h| after_preposition(ctx.text, h.start, h.core_start))
        .max()
        .unwrap_or(t0.start);
    let mut np = Np::new(lead, ti);
    let mut j = ti;
    let mut words = 0;
    let mut names_after_title = 0;
    let mut in_place = 0;
    while j < ctx.seg.tokens.len() && words < max_words {
        let t = ctx.seg.tokens[j];
        if let TokKind::Punct(c) = t.kind {
            // «منظمة "فرق صانعي السلام"»: a quoted name after a head or type noun
            if crate::segment::quote_family(c).is_some() && j > ti && (np.head.is_some() || ctx.has_hit(j - 1, |e| *e == Entry::TypeNoun)) {
                if let Some(q) = ctx.seg.quote_opening(t.start).map(|i| &ctx.seg.quotes[i]).filter(|q| q.close.is_some()) {
                    let n = ctx.text[q.inner_start..q.inner_end].split_whitespace().count();
                    if (1..=6).contains(&n) {
                        push_key(&mut np, &fold(&ctx.text[q.inner_start..q.inner_end]).to_lowercase());
                        np.end = q.outer_end;
                        j = ctx.tok_end(q.outer_end);
                        words += n;
                        continue;
                    }
                }
            }
            // «(أوتشا)»: an acronym in brackets belongs to the name
            if c == '(' && ctx.is_punct(j + 2, ')') && ctx.has_hit(j + 1, |e| matches!(e, Entry::Registry(_))) {
                if let Some(h) = ctx.best_hit(j + 1, |e| matches!(e, Entry::Registry(_))) {
                    absorb(ctx, &mut np, h.entry, false);
                }
                np.end = ctx.seg.tokens[j + 2].end;
                j += 3;
                continue;
            }
            break;
        }
        let first = j == ti;
        let hits = ctx.hits_at_tok(j);
        let src = hits.iter().filter(|h| is_source_entry(&h.entry)).max_by_key(|h| h.end);
        if !first {
            let w = ctx.word(j);
            if w == "في" {
                let next_ok = ctx.has_hit(j + 1, is_source_entry) || ctx.word(j + 1).starts_with("ال");
                if (np.anonymous || np.head.is_some()) && next_ok && words < 4 {
                    np.end = t.end;
                    j += 1;
                    words += 1;
                    in_place = 3; // «في مستشفى منبج الوطني»: a place name may follow
                    continue;
                }
                // «مصدر مطلع في «قسد»»: a short quoted name
                if np.anonymous || np.head.is_some() {
                    if let Some(q) = ctx.tok(j + 1).and_then(|t| ctx.seg.quote_opening(t.start)).map(|i| &ctx.seg.quotes[i]) {
                        let inner = ctx.text[q.inner_start..q.inner_end].split_whitespace().count();
                        if (1..=3).contains(&inner) && q.close.is_some() {
                            np.end = q.outer_end;
                            j = ctx.tok_end(q.outer_end);
                            words += inner + 1;
                            continue;
                        }
                    }
                }
                break;
            }
            if hits.iter().any(|h| stops_np(&h.entry)) && src.is_none_or(|s| !matches!(s.entry, Entry::Registry(_))) {
                break;
            }
            if let Some(h) = hits.iter().filter(|h| h.entry == Entry::Anonymity).max_by_key(|h| h.end) {
                // «مسؤول طلب عدم ذكر اسمه»: the clause belongs to the mention
                np.anonymous = np.registry.is_none();
                np.end = h.end;
                j = ctx.tok_end(h.end).max(j + 1);
                break;
            }
            if w == "باسم" || w == "عن" && np.human {
                np.end = t.end;
                j += 1;
                continue;
            }
            let h0 = hits.first();
            let conj = h0.is_some_and(|h| h.conj) || w.starts_with('و') && src.is_none() && w.chars().count() > 3;
            if conj {
                if let Some(s) = src.filter(|s| s.conj && matches!(s.entry, Entry::Head(_) | Entry::Title(_) | Entry::Registry(_))) {
                    np.coordinated = true;
                    let _ = s;
                } else {
                    break;
                }
            }
            let lam = src.is_some_and(|s| s.lam) || (src.is_none() && w.starts_with("ل") && !w.starts_with("ال"));
            if lam && src.is_none_or(|s| !matches!(s.entry, Entry::Qualifier(_))) {
                break; // «لوكالة», «لعنب بلدي»: an addressee, not part of the subject
            }
        }
        if let Some(h) = src {
            absorb(ctx, &mut np, h.entry, first);
            let end_tok = ctx.tok_end(h.end).max(j + 1);
            for k in j..end_tok {
                push_key(&mut np, &key_word(ctx, k));
            }
            np.end = h.end;
            words += end_tok - j;
            j = end_tok;
            continue;
        }
        // an unlisted word: a genitive or adjective after a head («وزارة الدفاع
        // التركية»), or a name after a title («الرئيس السوري أحمد الشرع»)
        let w = ctx.word(j);
        let definite = w.starts_with("ال");
        // a registry name is complete; a lone letter or a number is no part of a name
        // (after a title the person's name may follow: «مدير المرصد السوري رامي عبد الرحمن»)
        if !first && ((np.registry.is_some() && !np.human) || w.chars().count() < 2 || t.kind == TokKind::Number) {
            break;
        }
        let accept = if first {
            true
        } else if in_place > 0 {
            in_place -= 1;
            true
        } else if (np.human && !np.anonymous || !np.has_anchor() || (np.kind == Kind::Media && np.registry.is_none() && np.head.is_some() && !np.anonymous)) && names_after_title < 3 {
            // a name after a title, or the rest of a bare name («أحمد الحسين»)
            names_after_title += 1;
            if !definite || np.title.is_some() {
                np.named = true;
            }
            true
        } else {
            definite && np.has_anchor()
        };
        if !accept {
            break;
        }
        push_key(&mut np, &key_word(ctx, j));
        np.end = t.end;
        words += 1;
        j += 1;
    }
    np.end_tok = j;
    if np.end <= np.start {
        return None;
    }
    if !np.has_anchor() {
        // bare words after a verb: a name («وقال أحمد الشرع») only if short, not an
        // article word, and followed by what follows a subject
        let w0 = ctx.word(ti);
        if w0.starts_with("ال") || words > 3 || t0.kind == TokKind::Number {
            return None;
        }
        let next_ok = match ctx.tok(j) {
            None => true,
            Some(t) => match t.kind {
                TokKind::Punct(c) => matches!(c, '،' | ',' | ':' | '(' | '.'),
                _ => {
                    let w = ctx.word(j);
                    ctx.has_hit(j, |e| matches!(e, Entry::Complementiser | Entry::Adverbial | Entry::Anonymity))
                        || matches!(w, "ل" | "في" | "إلى" | "الي" | "على" | "علي" | "عبر" | "خلال" | "أمام" | "امام")
                        || (w.starts_with('ل') && !w.starts_with("ال"))
                }
            },
        };
        if !next_ok {
            return None;
        }
        np.kind = Kind::Person;
        np.human = true;
        np.named = true;
        np.gender = Gender::M;
    }
    let definite = ctx.hits_at_tok(ti).iter().any(|h| h.definite);
    np.anaphor = np.registry.is_none()
        && ((np.head.is_some_and(|h| ctx.lr.sources.heads[h as usize].anaphor) && words <= 2)
            // «القائد الميداني», «المتحدث»: a role without a name refers back
            || (np.title.is_some() && !np.named && np.affiliation.is_none() && words <= 3))
        && definite;
    if np.human && np.kind == Kind::Unknown && !np.anonymous {
        np.kind = Kind::Person;
    }
    Some(np)
}

const EN_DETERMINERS: &[&str] = &["the", "a", "an", "two", "three", "four", "several", "some", "many", "other", "another", "one", "his", "her", "their", "its", "our", "both", "senior", "top", "former", "local"];

fn en_np_word(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    if w.is_empty() || ctx.has_hit(i, |e| matches!(e, Entry::Adverbial | Entry::NpStop)) {
        return false;
    }
    let lw = w.to_lowercase();
    ctx.capitalised(i)
        || lw.ends_with("'s")
        || lw.ends_with("’s")
        || ctx.has_hit(i, |e| is_source_entry(e) || *e == Entry::Pronoun)
        || EN_DETERMINERS.contains(&lw.as_str())
        || matches!(lw.as_str(), "of" | "for" | "at" | "in" | "and" | "on" | "from")
        || ctx.seg.tokens[i].kind == TokKind::Number
}

fn en_pronoun(ctx: &Ctx, i: usize) -> Option<Gender> {
    if !ctx.has_hit(i, |e| *e == Entry::Pronoun) {
        return None;
    }
    Some(match ctx.word(i).to_lowercase().as_str() {
        "he" | "him" | "his" => Gender::M,
        "she" | "her" => Gender::F,
        "they" | "them" | "their" => Gender::Mp,
        "it" | "its" => Gender::Any,
        _ => return None,
    })
}

/// Build an English NP over tokens `[a, b)`.
fn en_np(ctx: &Ctx, a: usize, b: usize) -> Option<Np> {
    if a >= b {
        return None;
    }
    let mut a = a;
    // trim leading connectives and prepositions, and trailing prepositions
    while a < b && matches!(ctx.word(a).to_lowercase().as_str(), "and" | "but" | "that" | "so" | "yet" | "or" | "while" | "as" | "of" | "for" | "at" | "in" | "on" | "from") {
        a += 1;
    }
    let mut b = b;
    while b > a && matches!(ctx.word(b - 1).to_lowercase().as_str(), "of" | "for" | "at" | "in" | "and" | "on" | "from" | "the" | "a") {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    let ta = ctx.seg.tokens[a];
    let tb = ctx.seg.tokens[b - 1];
    let mut np = Np::new(ta.start, a);
    np.end = tb.end;
    np.end_tok = b;
    if b - a == 1 {
        if let Some(g) = en_pronoun(ctx, a) {
            np.pronoun = true;
            np.gender = g;
            np.human = g != Gender::Any;
            return Some(np);
        }
    }
    // English noun phrases are head-final: "Health Ministry spokesman Ahmed Kamal" is
    // a spokesman (affiliated with the ministry), "UN officials" are officials, "a
    // source in Erbil" is still an unnamed source. Items before a preposition decide.
    let mut items: Vec<(usize, usize, Entry)> = Vec::new(); // (first tok, end tok, entry)
    let mut i = a;
    let mut pp = b; // where the first post-head prepositional phrase starts
    while i < b {
        let lw = ctx.word(i).to_lowercase();
        if matches!(lw.as_str(), "of" | "for" | "at" | "in" | "from" | "with" | "on" | "near" | "to")
            && items.iter().any(|(_, _, e)| matches!(e, Entry::Head(_) | Entry::Title(_) | Entry::Registry(_)))
            && pp == b
        {
            pp = i;
        }
        if let Some(h) = ctx.best_hit(i, is_source_entry) {
            let e = ctx.tok_end(h.end).clamp(i + 1, b);
            items.push((i, e, h.entry));
            i = e;
            continue;
        }
        if lw == "and" && ctx.has_hit(i + 1, is_source_entry) && !items.is_empty() {
            np.coordinated = true;
        }
        i += 1;
    }
    let head_item = items
        .iter()
        .rev()
        .find(|(f, _, e)| *f < pp && matches!(e, Entry::Head(_) | Entry::Title(_) | Entry::Registry(_)))
        .copied();
    let mut name_toks: Vec<usize> = Vec::new();
    for k in a..pp.min(b) {
        let in_item = items.iter().any(|(f, e, _)| *f <= k && k < *e);
        let lw = ctx.word(k).to_lowercase();
        if !in_item && ctx.proper(k) && !EN_DETERMINERS.contains(&lw.as_str()) && !lw.ends_with("'s") && !lw.ends_with("’s") {
            // a proper name counts when it follows the head or stands alone
            if head_item.is_none_or(|(hf, _, _)| k > hf) {
                name_toks.push(k);
            }
        }
    }
    // qualifiers and affiliations first, then the head decides
    for &(_, _, e) in &items {
        if let Entry::Qualifier(_) = e {
            absorb(ctx, &mut np, e, false);
        }
    }
    let affiliation_kind = items
        .iter()
        .filter(|(f, _, e)| matches!(e, Entry::Registry(_)) && Some(*f) != head_item.map(|h| h.0))
        .find_map(|(_, _, e)| match e {
            Entry::Registry(r) => Some((*r, ctx.registry[*r as usize].kind)),
            _ => None,
        });
    match head_item {
        Some((_, _, Entry::Registry(r))) => {
            np.kind = Kind::Unknown;
            absorb(ctx, &mut np, Entry::Registry(r), true);
        }
        Some((_, _, e @ (Entry::Head(_) | Entry::Title(_)))) => {
            let qual_kind = np.kind;
            np.kind = Kind::Unknown;
            absorb(ctx, &mut np, e, true);
            if let Entry::Title(t) = e {
                np.title = Some(t);
            }
            if np.kind == Kind::Unknown {
                np.kind = if qual_kind != Kind::Unknown { qual_kind } else { affiliation_kind.map_or(Kind::Unknown, |x| x.1) };
            }
            np.affiliation = affiliation_kind.map(|x| x.0);
        }
        _ => {}
    }
    let named = !name_toks.is_empty();
    for k in a..b {
        let lw = ctx.word(k).to_lowercase();
        if !EN_DETERMINERS.contains(&lw.as_str()) && (named && name_toks.contains(&k) || !named && k < pp) {
            push_key(&mut np, &key_word(ctx, k));
        }
    }
    if named && np.registry.is_none() {
        np.anonymous = false;
        np.named = true;
        if np.head.is_none() || np.human {
            np.human = true;
            if np.kind == Kind::Unknown {
                np.kind = Kind::Person;
            }
        }
    }
    if !np.has_anchor() && !named {
        return None;
    }
    if np.key.is_empty() {
        np.key = fold(&ctx.text[np.start..np.end]).to_lowercase();
    }
    np.anaphor = np.registry.is_none() && !named && (np.head.is_some() || np.title.is_some()) && ctx.word(a).eq_ignore_ascii_case("the");
    Some(np)
}

/// A full stop after a short capitalised word inside a name: "Ms.", "Gen.", "Jr.".
fn name_dot(ctx: &Ctx, dot: usize) -> bool {
    ctx.is_punct(dot, '.') && dot > 0 && ctx.capitalised(dot - 1) && ctx.word(dot - 1).chars().count() <= 4
}

/// "(R)", "(D-S.C.)", "(Vt.)" ending at token `end`: returns where it opens.
fn party_tag_before(ctx: &Ctx, end: usize, floor: usize) -> Option<usize> {
    if end == 0 || !ctx.is_punct(end - 1, ')') {
        return None;
    }
    let open = (end.saturating_sub(7).max(floor)..end - 1).rev().find(|&j| ctx.is_punct(j, '('))?;
    (open > floor && ctx.capitalised(open - 1)).then_some(open)
}

/// English subject ending right before token `cue` ("Defence Minister X said").
pub fn np_before_en(ctx: &Ctx, cue: usize, floor: usize) -> Option<Np> {
    let mut j = cue;
    // auxiliaries and adverbs between subject and verb
    while j > floor {
        let lw = ctx.word(j - 1).to_lowercase();
        let aux = matches!(
            lw.as_str(),
            "has" | "have" | "had" | "also" | "would" | "will" | "did" | "does" | "do" | "could" | "may" | "might"
                | "is" | "was" | "were" | "are" | "been" | "be" | "not" | "never" | "again" | "then" | "later"
                | "earlier" | "previously" | "first" | "already" | "still" | "often" | "even" | "once"
                | "can" | "should" | "must" | "reportedly" | "repeatedly" | "separately" | "publicly" | "privately"
                | "long" | "just" | "now" | "since" | "always" | "recently"
        ) || (lw.ends_with("ly") && lw.len() > 4 && !ctx.capitalised(j - 1) && !ctx.has_hit(j - 1, is_source_entry));
        if aux {
            j -= 1;
        } else {
            break;
        }
    }
    // "two diplomats who asked not to be named said": step over the clause
    if let Some(h) = ctx.hits.iter().rev().take(64).find(|h| h.entry == Entry::Anonymity && ctx.tok_end(h.end) == j && h.start >= ctx.seg.tokens[floor.min(j.saturating_sub(1))].start) {
        let mut s = ctx.seg.tok_at(h.start);
        if s > floor && matches!(ctx.word(s - 1).to_lowercase().as_str(), "who" | "speaking" | "which") {
            s -= 1;
        }
        if let Some(mut np) = np_before_en(ctx, s, floor) {
            np.anonymous = np.registry.is_none() && !np.named;
            return Some(np);
        }
    }
    let end = j;
    // "X, who spoke on condition of anonymity, said" / "X, a spokesman for Y, said"
    if j > floor && ctx.is_punct(j - 1, ',') {
        let mut k = j - 1;
        while k > floor && !ctx.is_punct(k - 1, ',') && !matches!(ctx.punct(k - 1), Some('.' | '"' | '“' | '”' | ':' | ';')) {
            k -= 1;
        }
        if k > floor && ctx.is_punct(k - 1, ',') && k < j - 1 {
            let w = ctx.word(k).to_lowercase();
            let rel = matches!(w.as_str(), "who" | "which" | "whose" | "speaking" | "a" | "an" | "the" | "citing" | "writing" | "according");
            if j - 1 - k <= 14 {
                // "X, who …, said", "Abdulrahman al-Mutawakkel, deputy head of …, told",
                // "Sweida's deputy governor, Salim Abu Hamdan, told"
                let mut np = np_before_en(ctx, k - 1, floor).filter(|np| rel || np.registry.is_some() || np.head.is_some() || np.human)?;
                if !rel {
                    if let Some(inner) = en_np(ctx, k, j - 1).filter(|n| n.human && !n.anonymous) {
                        if !np.human || np.anonymous {
                            np = inner;
                        }
                    }
                }
                if (k..j).any(|q| ctx.has_hit(q, |e| *e == Entry::Anonymity)) {
                    np.anonymous = np.registry.is_none();
                }
                return Some(np);
            }
        }
        return None;
    }
    let mut a = end;
    while a > floor && end - a < 12 {
        if en_np_word(ctx, a - 1) {
            a -= 1;
        } else if a - 1 > floor && name_dot(ctx, a - 1) {
            a -= 2; // "Ms. Moore", "Sen. Sanders"
        } else if let Some(open) = party_tag_before(ctx, a, floor) {
            a = open; // "Gov. Pat McCrory (R)"
        } else {
            break;
        }
    }
    // possessive chains like "the ministry's spokesman"
    if let Some(np) = en_np(ctx, a, end) {
        return Some(np);
    }
    // "But environmentalists worry", "Overall, the fund predicted", "all agreed":
    // a short clause before the verb is its subject
    let mut a = end;
    while a > floor && end - a < 4 && ctx.punct(a - 1).is_none() && !ctx.has_hit(a - 1, |e| matches!(e, Entry::Verb { .. } | Entry::Complementiser)) {
        a -= 1;
    }
    let only_connective = end - a == 1 && matches!(ctx.word(a).to_lowercase().as_str(), "and" | "but" | "yet" | "so" | "or" | "then");
    if a < end && !only_connective && (a == floor || ctx.punct(a - 1).is_some() || matches!(ctx.word(a - 1).to_lowercase().as_str(), "but" | "and" | "yet" | "so" | "that")) {
        let mut np = en_np(ctx, a, end).unwrap_or_else(|| np_plain(ctx.seg.tokens[a].start, ctx.seg.tokens[end - 1].end, a, end));
        let lw = ctx.word(a).to_lowercase();
        let skip_first = matches!(lw.as_str(), "but" | "and" | "yet" | "so" | "that" | "however" | "still");
        if skip_first && a + 1 < end {
            np.start = ctx.seg.tokens[a + 1].start;
            np.first_tok = a + 1;
        }
        if !matches!(ctx.word(np.first_tok).to_lowercase().as_str(), "it" | "this" | "that" | "there" | "what") {
            if np.key.is_empty() {
                np.key = fold(&ctx.text[np.start..np.end]).to_lowercase();
            }
            if matches!(ctx.word(np.first_tok).to_lowercase().as_str(), "who" | "which") {
                np.pronoun = true; // a relative pronoun: its own mention, no entity of its own
            }
            return Some(np);
        }
    }
    // "a source familiar with the matter said", "officials who spoke on condition of anonymity said"
    let mut k = end;
    let mut anonymous = false;
    while k > floor && end - k < 12 {
        if matches!(ctx.tok(k - 1).map(|t| t.kind), Some(TokKind::Punct(_))) {
            break;
        }
        if ctx.has_hit(k - 1, |e| *e == Entry::Anonymity) {
            anonymous = true;
        }
        if ctx.has_hit(k - 1, |e| matches!(e, Entry::Verb { .. })) && k - 1 != cue {
            break;
        }
        if ctx.has_hit(k - 1, |e| matches!(e, Entry::Head(_) | Entry::Registry(_))) {
            let mut a = k - 1;
            while a > floor && en_np_word(ctx, a - 1) && k - a < 8 {
                a -= 1;
            }
            let mut np = en_np(ctx, a, k)?;
            np.end = ctx.seg.tokens[end - 1].end;
            np.end_tok = end;
            if anonymous {
                np.anonymous = np.registry.is_none();
            }
            return Some(np);
        }
        k -= 1;
    }
    None
}

/// English NP starting at token `ti` ("said Colonel X", "according to the ministry").
pub fn np_after_en(ctx: &Ctx, ti: usize) -> Option<Np> {
    let mut b = ti;
    while b < ctx.seg.tokens.len() && b - ti < 12 {
        if ctx.is_punct(b, '.') && b > ti && name_dot(ctx, b) && ctx.capitalised(b + 1) {
            b += 1;
            continue;
        }
        if !en_np_word(ctx, b) {
            break;
        }
        // stop before a verb of saying or a second clause
        if b > ti && ctx.has_hit(b, |e| matches!(e, Entry::Verb { .. } | Entry::Complementiser | Entry::According(_))) {
            break;
        }
        b += 1;
    }
    // "Ahmed Kamal, a spokesman for the ministry" keeps the name
    let mut np = en_np(ctx, ti, b)?;
    if ctx.has_hit(b, |e| *e == Entry::Anonymity) {
        np.anonymous = np.registry.is_none();
    }
    if let Some(h) = ctx.hits_at_tok(b).iter().find(|h| h.entry == Entry::Anonymity) {
        let _ = h;
        np.anonymous = np.registry.is_none();
    }
    Some(np)
}

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
        let span = (np.start, np.end);
        let found = if np.pronoun {
            return self.by_agreement(np.gender, np.human, np.first_tok);
        } else if let Some(r) = np.registry {
            self.recent().rposition(|e| e.registry == Some(r)).map(|i| i + self.window_start())
        } else if np.anaphor {
            // «المصادر», "the ministry": the last entity with that head noun; «القائد
            // الميداني», "the official": the last person with that role
            let w = self.window_start();
            self.recent()
                .rposition(|e| e.human == np.human && ((e.head == np.head && e.head.is_some()) || (np.title.is_some() && e.title == np.title)))
                .or_else(|| self.recent().rposition(|e| e.human == np.human && contains_words(&e.key, &np.key)))
                // "the monitor" after "the Syrian Observatory…": the last organisation of that kind
                .or_else(|| {
                    (!np.human && np.kind != Kind::Unknown)
                        .then(|| self.recent().rposition(|e| !e.human && e.registry.is_some() && e.kind == np.kind))
                        .flatten()
                })
                .map(|i| i + w)
        } else {
            let surname = np.human && np.named && np.title.is_none() && !np.key.contains(' ');
            let w = self.window_start();
            self.recent().rposition(|e| {
                e.registry.is_none()
                    && e.anonymous == np.anonymous
                    && (e.key == np.key
                        || (np.key.split(' ').count() >= 2 && (contains_words(&e.key, &np.key) || contains_words(&np.key, &e.key)))
                        // «حسن» after «اللواء فضل حسن», "Guler" after "Yasar Guler"
                        || (surname && e.human && e.key.rsplit(' ').next() == Some(np.key.as_str())))
            })
            .map(|i| i + w)
        };
        match found {
            Some(i) => {
                let e = &mut self.list[i];
                // mentions arrive in text order; the report sorts and dedups them
                if e.mentions.last() != Some(&span) {
                    e.mentions.push(span);
                }
                if !np.anaphor && np.end - np.start > e.name.1 - e.name.0 && np.registry.is_none() == e.registry.is_none() {
                    e.name = span;
                    e.key = np.key.clone();
                }
                if e.kind == Kind::Unknown {
                    e.kind = np.kind;
                }
                e.last = e.last.max(np.first_tok);
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
                });
                Some(self.list.len() - 1)
            }
        }
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
        Gender::M => matches!(e.gender, Gender::M | Gender::Any) && (!human || e.human || e.gender == Gender::M),
        Gender::F => matches!(e.gender, Gender::F | Gender::Any),
        Gender::Mp => matches!(e.gender, Gender::Mp | Gender::Fp) || (!e.human && e.gender == Gender::Any),
        Gender::Fp => matches!(e.gender, Gender::Fp | Gender::Mp),
        Gender::Du => matches!(e.gender, Gender::Du | Gender::Mp),
    }
}
