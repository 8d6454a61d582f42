//! English grammar: head-final noun phrases, subjects before the verb (SVO),
//! "said X" after it, appositives and anonymity clauses.

use crate::attribution::np::{absorb, is_source_entry, key_word, np_plain, push_key};
use crate::attribution::{Ctx, Np};
use crate::model::{Gender, Kind};
use crate::rules::Entry;
use crate::text::{fold, TokKind};

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
