//! English grammar: head-final noun phrases, subjects before the verb (SVO),
//! "said X" after it, appositives, anonymity clauses and post-posed cues
//! ("…, officials said."). The words are in `rules/en/`.

use super::{Grammar, Subject, VerbAt};
use crate::attribution::np::{absorb, is_source_entry, key_word, np_plain, push_key};
use crate::attribution::{Ctx, Extractor, Np};
use crate::model::{Gender, Kind};
use crate::rules::matcher::Agr;
use crate::rules::{Entry, Hit, W};
use crate::text::{fold, quote_family, TokKind};

pub struct English;

impl Grammar for English {
    fn np_after(&self, ctx: &Ctx, tok: usize, _max_words: usize) -> Option<Np> {
        np_after_en(ctx, tok)
    }

    fn np_before(&self, ctx: &Ctx, tok: usize, floor: usize) -> Option<Np> {
        np_before_en(ctx, tok, floor)
    }

    fn verb_subject(&self, x: &mut Extractor, v: &VerbAt) -> Subject {
        let ctx = x.ctx;
        // ", arguing that": the phrase before the comma ends another clause; the
        // participle's subject is the sentence's (`participle_fallback`)
        let participle = v.agr == Agr::Hal && v.vt > 0 && ctx.is_comma(v.vt - 1);
        // (", she said, adding that": the speaker of the claim it hangs on, found
        // later, unless that speaker is the opening subject)
        let s_start = ctx.sentence_bounds(ctx.seg.tokens[v.vt].start).0;
        let hangs_on = x.recent_claims().find(|c| c.cue.is_some_and(|cu| cu.0 >= s_start)).map(|c| c.mention);
        let before = match (participle, hangs_on) {
            (false, _) => np_before_en(ctx, v.vt, x.clause_floor(v.vt)),
            (true, None) => opening_subject(x, v.vt),
            (true, Some(m)) => opening_subject(x, v.vt).filter(|np| m.is_some_and(|m| m.0 == np.start)),
        };
        let mut s = Subject { np: before, next: v.after, via: Vec::new() };
        let after_quote = ctx.punct(v.vt.saturating_sub(1)).is_some_and(|c| c == ',' || quote_family(c).is_some());
        // ", saying the minister would stay": what follows a participle is its content
        if (s.np.is_none() || after_quote) && !participle {
            // "…," said Colonel X / "…," said the ministry
            // an inverted subject ends where the clause ends; "and said he expected"
            // is a clause of its own
            let tail_ends = |np: &Np| ctx.punct(np.end_tok).is_some_and(|c| matches!(c, '.' | '!' | '?' | ';'));
            let inverted = |np: &Np| {
                after_quote
                    || ctx.tok(np.end_tok).is_none_or(|t| matches!(t.kind, TokKind::Punct(_)))
                    || ctx.has_hit(np.end_tok, |e| matches!(e, Entry::Complementiser))
            };
            if let Some(np) = np_after_en(ctx, v.after).filter(|np| !v.verb.tells && (np.registry.is_some() || np.head.is_some() || np.human) && inverted(np)) {
                // "…, said one GOP source in the room.": after a comma, a subject that
                // ends the sentence is the speaker, whatever stands before the comma
                let ends = tail_ends(&np);
                if s.np.is_none() || ends && ctx.is_comma(v.vt.saturating_sub(1)) {
                    s.next = np.end_tok;
                    s.np = Some(np);
                }
            }
        }
        if s.np.is_none() && !matches!(v.agr, Agr::Hal | Agr::Passive) {
            // a subject the lexicon does not know: "…," retired general Lloyd Newton
            // said; "Only 52 percent of voters agreed"
            if let Some(np) = loose_subject(ctx, v, x.clause_floor(v.vt), after_quote) {
                if np.first_tok > v.vt {
                    s.next = np.end_tok;
                }
                s.np = Some(np);
            }
        } else if v.verb.tells && !after_quote {
            // "X told Reuters": the addressee
            if let Some(np) = np_after_en(ctx, v.after) {
                if np.registry.is_some() || np.kind == Kind::Media {
                    s.via.extend(x.add_entity(&np));
                }
                s.next = np.end_tok;
            }
        }
        s
    }

    fn according_source(&self, x: &mut Extractor, tok: usize, _after_verb: bool) -> Option<Np> {
        np_after_en(x.ctx, tok)
    }

    fn participle_fallback(&self, x: &mut Extractor, vt: usize) -> Option<usize> {
        let np = opening_subject(x, vt)?;
        x.add_entity(&np)
    }

    fn participle_takes_opening_subject(&self) -> bool {
        true
    }

    fn content_keeps_complementiser(&self) -> bool {
        true
    }

    fn bare_content(&self) -> bool {
        true
    }

    fn participle_ends_content(&self) -> bool {
        false
    }

    fn cue_after_quote(&self) -> bool {
        true
    }

    fn postposed_cue(&self, x: &Extractor, n: usize, send: usize) -> bool {
        let ctx = x.ctx;
        let mut m = n;
        while m < send && m < n + 7 && ctx.punct(m).is_none() {
            if ctx.has_hit(m, |e| matches!(e, Entry::Verb { .. })) {
                let after = m + 1;
                let tail_ok = after >= send || ctx.punct(after).is_some() || x.rest_is_adverbial(after, send);
                return tail_ok
                    && (m == n
                        || np_before_en(ctx, m, n).is_some()
                        || ctx.has_hit(m + 1, |e| matches!(e, Entry::Pronoun | Entry::Head(_) | Entry::Title(_) | Entry::Registry(_))));
            }
            m += 1;
        }
        false
    }

    fn name_shaped(&self, ctx: &Ctx, a: usize, b: usize) -> bool {
        // Title Case only: "Operation Northern Shield"
        (a..b).all(|j| ctx.punct(j).is_some() || ctx.capitalised(j) || ctx.is(j, W::TitleCaseJoiners))
    }
}

fn possessive(ctx: &Ctx, w: &str) -> bool {
    ctx.lr.morph.possessive_endings.iter().any(|e| w.ends_with(e.as_str()))
}

/// A word that may belong to a source noun phrase.
fn np_word(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    if w.is_empty() || ctx.has_hit(i, |e| matches!(e, Entry::Adverbial | Entry::NpStop)) {
        return false;
    }
    ctx.capitalised(i)
        || possessive(ctx, &w.to_lowercase())
        || ctx.has_hit(i, |e| is_source_entry(e) || matches!(e, Entry::Pronoun))
        || document_noun(ctx, i).is_some()
        || ctx.is(i, W::Determiners)
        || ctx.is(i, W::NpJoiners)
        || ctx.seg.tokens[i].kind == TokKind::Number
}

/// "the poll", "a UN report": a document noun heads a phrase that speaks for
/// its unnamed authors.
fn document_noun(ctx: &Ctx, i: usize) -> Option<Hit> {
    ctx.hits_at_tok(i).iter().find(|h| matches!(h.entry, Entry::CueNoun(n) if ctx.lr.cues.nouns[n as usize].document)).copied()
}

fn pronoun(ctx: &Ctx, i: usize) -> Option<Gender> {
    if !ctx.has_hit(i, |e| matches!(e, Entry::Pronoun)) {
        return None;
    }
    [(W::PronounsM, Gender::M), (W::PronounsF, Gender::F), (W::PronounsPlural, Gender::Mp), (W::PronounsNeuter, Gender::Any)]
        .into_iter()
        .find_map(|(c, g)| ctx.is(i, c).then_some(g))
}

/// The source entries of a phrase, and where its first post-head prepositional
/// phrase starts. English noun phrases are head-final: "Health Ministry
/// spokesman Ahmed Kamal" is a spokesman (affiliated with the ministry), "UN
/// officials" are officials, "a source in Erbil" is still an unnamed source.
struct Items {
    /// (first token, end token, entry)
    list: Vec<(usize, usize, Entry)>,
    pp: usize,
    coordinated: bool,
}

fn items(ctx: &Ctx, a: usize, b: usize) -> Items {
    let mut it = Items { list: Vec::new(), pp: b, coordinated: false };
    let mut i = a;
    while i < b {
        let headed = it.list.iter().any(|(_, _, e)| matches!(e, Entry::Head(_) | Entry::Title(_) | Entry::Registry(_)));
        if ctx.is(i, W::PostHeadPrepositions) && headed && it.pp == b {
            it.pp = i;
        }
        // the longest entry; of equal ones a head before a qualifier ("the paramilitary")
        let best = ctx.hits_at_tok(i).iter().filter(|h| is_source_entry(&h.entry)).max_by_key(|h| (h.end, !matches!(h.entry, Entry::Qualifier(_))));
        if let Some(h) = best {
            let e = ctx.tok_end(h.end).clamp(i + 1, b);
            it.list.push((i, e, h.entry));
            i = e;
            continue;
        }
        if let Some(h) = document_noun(ctx, i) {
            let e = ctx.tok_end(h.end).clamp(i + 1, b);
            it.list.push((i, e, h.entry));
            i = e;
            continue;
        }
        if ctx.is(i, W::Coordinators) && ctx.has_hit(i + 1, is_source_entry) && !it.list.is_empty() {
            it.coordinated = true;
        }
        i += 1;
    }
    it
}

/// Build an English NP over tokens `[a, b)`.
fn en_np(ctx: &Ctx, a: usize, b: usize) -> Option<Np> {
    // trim leading connectives and prepositions, and trailing prepositions
    let mut a = a;
    while a < b && ctx.is(a, W::NpLeadingTrim) {
        a += 1;
    }
    let mut b = b;
    while b > a && ctx.is(b - 1, W::NpTrailingTrim) {
        b -= 1;
    }
    // "The" alone is nobody
    if a >= b || (a..b).all(|k| ctx.is(k, W::Determiners) || ctx.is(k, W::DefiniteArticles)) {
        return None;
    }
    let mut np = Np::new(ctx.seg.tokens[a].start, a);
    np.end = ctx.seg.tokens[b - 1].end;
    np.end_tok = b;
    if b - a == 1 {
        if let Some(g) = pronoun(ctx, a) {
            np.pronoun = true;
            np.gender = g;
            np.human = g != Gender::Any;
            return Some(np);
        }
    }
    let it = items(ctx, a, b);
    np.coordinated = it.coordinated;
    let head_item =
        it.list.iter().rev().find(|(f, _, e)| *f < it.pp && matches!(e, Entry::Head(_) | Entry::Title(_) | Entry::Registry(_) | Entry::CueNoun(_))).copied();
    // a proper name counts when it follows the head or stands alone
    let name_toks: Vec<usize> = (a..it.pp.min(b))
        .filter(|&k| {
            let in_item = it.list.iter().any(|(f, e, _)| *f <= k && k < *e);
            !in_item
                && ctx.proper(k)
                && !ctx.is(k, W::Determiners)
                && !possessive(ctx, &ctx.word(k).to_lowercase())
                && head_item.is_none_or(|(hf, _, _)| k > hf)
        })
        .collect();
    head_decides(ctx, &mut np, &it, head_item);
    // "the ministry's latest tally": a document speaks for its owner
    if let Some((h, _, Entry::CueNoun(_))) = head_item {
        if let Some(k) = (a..h).rev().find(|&k| possessive(ctx, &ctx.word(k).to_lowercase())) {
            if let Some(mut owner) = en_np(ctx, a, k + 1).filter(|n| n.has_anchor() && !n.pronoun && n.kind != Kind::Document) {
                owner.end = np.end;
                owner.end_tok = np.end_tok;
                return Some(owner);
            }
        }
    }
    // "a statement from the security ministry": a document speaks for its author
    if matches!(head_item, Some((_, _, Entry::CueNoun(_)))) && it.pp + 1 < b && ctx.is(it.pp, W::AuthorLinks) {
        if let Some(mut author) = en_np(ctx, it.pp + 1, b).filter(|n| n.has_anchor() && !n.pronoun) {
            author.start = np.start;
            author.first_tok = np.first_tok;
            return Some(author);
        }
    }
    let named = !name_toks.is_empty();
    for k in a..b {
        if !ctx.is(k, W::Determiners) && (named && name_toks.contains(&k) || !named && k < it.pp) {
            push_key(&mut np, &key_word(ctx, k));
        }
    }
    if named && np.registry.is_none() {
        np.anonymous = false;
        np.named = true;
        if np.head.is_none() || np.human {
            np.human = true;
            if np.gender == Gender::Any {
                np.gender = name_toks.iter().find_map(|&k| ctx.name_gender(k)).unwrap_or(Gender::Any);
            }
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
    np.anaphor = np.registry.is_none() && !named && (np.head.is_some() || np.title.is_some() || np.document) && ctx.is(a, W::DefiniteArticles);
    // "a poll" is its own source; "the report" may be the last speaker's
    np.document = np.document && np.anaphor;
    Some(np)
}

/// Qualifiers and affiliations first, then the head decides kind and anonymity.
fn head_decides(ctx: &Ctx, np: &mut Np, it: &Items, head_item: Option<(usize, usize, Entry)>) {
    for &(_, _, e) in &it.list {
        if let Entry::Qualifier(_) = e {
            absorb(ctx, np, e, false);
        }
    }
    let affiliation = it.list.iter().filter(|(f, _, e)| matches!(e, Entry::Registry(_)) && Some(*f) != head_item.map(|h| h.0)).find_map(|(_, _, e)| match e {
        Entry::Registry(r) => Some((*r, ctx.registry[*r as usize].kind)),
        _ => None,
    });
    match head_item {
        Some((_, _, Entry::Registry(r))) => {
            np.kind = Kind::Unknown;
            absorb(ctx, np, Entry::Registry(r), true);
        }
        Some((_, _, e @ (Entry::Head(_) | Entry::Title(_)))) => {
            let qual_kind = np.kind;
            np.kind = Kind::Unknown;
            absorb(ctx, np, e, true);
            if let Entry::Title(t) = e {
                np.title = Some(t);
            }
            if np.kind == Kind::Unknown {
                np.kind = if qual_kind != Kind::Unknown { qual_kind } else { affiliation.map_or(Kind::Unknown, |x| x.1) };
            }
            np.affiliation = affiliation.map(|x| x.0);
        }
        // "the poll", "a UN report": a document; with an organisation named in it,
        // that organisation's
        Some((_, _, Entry::CueNoun(_))) => {
            np.kind = Kind::Document;
            np.document = affiliation.is_none();
            if let Some((r, k)) = affiliation {
                np.registry = Some(r);
                np.kind = k;
            }
        }
        _ => {}
    }
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

/// Auxiliaries and adverbs between subject and verb: where the subject ends.
fn skip_auxiliaries(ctx: &Ctx, mut j: usize, floor: usize) -> usize {
    while j > floor {
        let lw = ctx.word(j - 1).to_lowercase();
        let adverb = lw.ends_with("ly") && lw.len() > 4 && !ctx.capitalised(j - 1) && !ctx.has_hit(j - 1, is_source_entry);
        if ctx.is(j - 1, W::Auxiliaries) || adverb {
            j -= 1;
        } else {
            break;
        }
    }
    j
}

/// A subject no rule recognises, as plain words: the whole short clause before
/// the cue, or after a post-posed cue the words up to the next punctuation.
/// Only phrases with a name, a head or a number count.
fn loose_subject(ctx: &Ctx, v: &VerbAt, floor: usize, postposed: bool) -> Option<Np> {
    let plain = |j: usize| {
        ctx.tok(j).is_some_and(|t| t.kind != TokKind::Punct(','))
            && !ctx.has_hit(j, |e| matches!(e, Entry::Verb { .. } | Entry::Complementiser | Entry::According(_)))
    };
    let (a, b) = if postposed {
        let b = (v.after..(v.after + 8).min(ctx.seg.tokens.len())).find(|&j| ctx.punct(j).is_some()).unwrap_or(v.after);
        (v.after, b)
    } else {
        let b = skip_auxiliaries(ctx, v.vt, floor);
        (floor, b)
    };
    if b <= a || b - a > 8 || !(a..b).all(plain) || (a..b).any(|j| ctx.punct(j).is_some()) {
        return None;
    }
    // a clause inside is no subject: "Donald Trump is raising", "who watched …"
    let clause = |j: usize| ctx.is(j, W::RelativeOpeners) || ctx.is(j, W::RelativePronouns) || ctx.is(j, W::SubjectIntroducers);
    if !postposed && (a..b).any(clause) {
        return None;
    }
    // "The claim": a determiner is no anchor
    let article = |j: usize| ctx.is(j, W::Determiners) || ctx.is(j, W::DefiniteArticles);
    let anchored = (a..b).any(|j| !article(j) && (ctx.proper(j) || ctx.has_hit(j, is_source_entry) || ctx.seg.tokens[j].kind == TokKind::Number));
    if !anchored || ctx.is(a, W::NonSubjects) || ctx.is(a, W::Connectives) && b - a == 1 {
        return None;
    }
    let t = &ctx.seg.tokens;
    let mut np = en_np(ctx, a, b).unwrap_or_else(|| np_plain(t[a].start, t[b - 1].end, a, b));
    if np.key.is_empty() {
        np.key = fold(&ctx.text[np.start..np.end]).to_lowercase();
    }
    np.end_tok = np.end_tok.max(b);
    if !np.named && np.registry.is_none() && !np.has_anchor() {
        (np.anonymous, np.human) = (true, true);
    }
    Some(np)
}

/// English subject ending right before token `cue` ("Defence Minister X said").
pub fn np_before_en(ctx: &Ctx, cue: usize, floor: usize) -> Option<Np> {
    let end = skip_auxiliaries(ctx, cue, floor);
    // "met the rebels and offered": a coordinated verb has the first verb's subject
    if end > floor && ctx.is(end - 1, W::Coordinators) {
        return None;
    }
    // "two diplomats who asked not to be named said": step over the clause
    if let Some(h) = ctx
        .hits
        .iter()
        .rev()
        .take(64)
        .find(|h| matches!(h.entry, Entry::Anonymity) && ctx.tok_end(h.end) == end && h.start >= ctx.seg.tokens[floor.min(end.saturating_sub(1))].start)
    {
        let mut s = ctx.seg.tok_at(h.start);
        if s > floor && ctx.is(s - 1, W::AnonymityRelatives) {
            s -= 1;
        }
        if let Some(mut np) = np_before_en(ctx, s, floor) {
            np.anonymous = np.registry.is_none() && !np.named;
            return Some(np);
        }
    }
    // "X, who spoke on condition of anonymity, said" / "X, a spokesman for Y, said"
    if end > floor && ctx.is_punct(end - 1, ',') {
        return appositive_subject(ctx, end, floor);
    }
    let head_at = |i: usize| ctx.has_hit(i, |e| matches!(e, Entry::Head(_) | Entry::Title(_)));
    let mut a = end;
    while a > floor && end - a < 12 {
        // a registry name whose inner words are no name words ("UN refugee agency")
        let whole = (a.saturating_sub(6).max(floor)..a).find(|&i| ctx.hits_at_tok(i).iter().any(|h| is_source_entry(&h.entry) && ctx.tok_end(h.end) == a));
        if let Some(i) = whole.filter(|&i| i + 1 < a) {
            a = i;
        } else if a < end && head_at(a) && lowercase_modifiers(ctx, a, floor).is_some() {
            // "The UN refugee agency", "a local hospital official"
            a = lowercase_modifiers(ctx, a, floor).unwrap_or(a);
        } else if np_word(ctx, a - 1) {
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
        // "a report by the UN": the document before its author
        if a >= floor + 2 && ctx.is(a - 1, W::AuthorLinks) && document_noun(ctx, a - 2).is_some() {
            let mut s = a - 2;
            while s > floor && a - s < 6 && np_word(ctx, s - 1) {
                s -= 1;
            }
            if let Some(doc) = en_np(ctx, s, end) {
                return Some(doc);
            }
        }
        // "Activists in neighbouring Tawila": a bare place name after a head and its preposition
        // "Israel's mission to the UN": a head and its preposition before a registry name too
        let head_pp = np.registry.is_some() && a >= floor + 2 && ctx.is(a - 1, W::PostHeadPrepositions) && ctx.has_hit(a - 2, |e| matches!(e, Entry::Head(_)));
        if (np.head.is_none() && np.registry.is_none() || head_pp) && !np.pronoun {
            if let Some(h) = head_before_pp(ctx, a, end, floor) {
                return Some(h);
            }
        }
        return Some(np);
    }
    short_clause_subject(ctx, end, floor).or_else(|| headed_subject(ctx, cue, end, floor))
}

/// "Activists in (neighbouring) Tawila": a head, a post-head preposition and
/// up to two lowercase words before the name at `a`.
fn head_before_pp(ctx: &Ctx, a: usize, end: usize, floor: usize) -> Option<Np> {
    let mut m = a;
    while m > floor
        && a - m < 2
        && ctx.tok(m - 1).is_some_and(|t| t.kind == TokKind::Word)
        && !ctx.capitalised(m - 1)
        && ctx.hits_at_tok(m - 1).is_empty()
        && !ctx.function_word(m - 1)
    {
        m -= 1;
    }
    if m < floor + 2 || !ctx.is(m - 1, W::PostHeadPrepositions) || !ctx.has_hit(m - 2, |e| matches!(e, Entry::Head(_))) {
        return None;
    }
    let mut s = m - 2;
    // "The interim authorities in Damascus"
    if let Some(x) = lowercase_modifiers(ctx, s, floor) {
        s = x;
    }
    while s > floor && m - s < 6 && np_word(ctx, s - 1) {
        s -= 1;
    }
    en_np(ctx, s, end)
}

/// One or two plain lowercase words before token `a` that a determiner or a
/// capitalised word opens: modifiers of a head noun ("the UN *refugee*
/// agency"). Returns where the determiner or name starts.
fn lowercase_modifiers(ctx: &Ctx, a: usize, floor: usize) -> Option<usize> {
    let plain = |i: usize| ctx.tok(i).is_some_and(|t| t.kind == TokKind::Word) && !ctx.capitalised(i) && ctx.hits_at_tok(i).is_empty() && !ctx.function_word(i);
    let mut m = a;
    while m > floor && a - m < 2 && plain(m - 1) {
        m -= 1;
    }
    (m < a && m > floor && (ctx.is(m - 1, W::Determiners) || ctx.is(m - 1, W::DefiniteArticles) || ctx.proper(m - 1))).then_some(m)
}

/// "X, who …, said", "Abdulrahman al-Mutawakkel, deputy head of …, told",
/// "Sweida's deputy governor, Salim Abu Hamdan, told", "Hassan Faour, 61, a
/// farmer from …, said": comma chunks before the cue; the nearest one that is a
/// subject speaks, the chunks after it are asides, and a name among them
/// identifies a role.
fn appositive_subject(ctx: &Ctx, j: usize, floor: usize) -> Option<Np> {
    let stop = |i: usize| ctx.punct(i).is_some_and(|c| matches!(c, '.' | ':' | ';' | '?' | '!')) || ctx.quote_mark(i) && !ctx.named_quote_mark(i);
    // (start, end) of each chunk, nearest first; `end` is the comma after it
    let mut chunks: Vec<(usize, usize)> = Vec::new();
    let mut end = j - 1;
    while chunks.len() < 5 {
        let mut s = end;
        while s > floor && !ctx.is_punct(s - 1, ',') && !stop(s - 1) {
            s -= 1;
        }
        if s == end || end - s > 32 {
            break;
        }
        chunks.push((s, end));
        if s > floor && ctx.is_punct(s - 1, ',') {
            end = s - 1;
        } else {
            break;
        }
    }
    let number = |(s, e): (usize, usize)| (s..e).all(|i| ctx.seg.tokens[i].kind == TokKind::Number);
    let subject = chunks.iter().enumerate().skip(1).find_map(|(i, &(s, e))| {
        if number((s, e)) {
            return None; // "Hassan Faour, 61, …": an age
        }
        let rel = ctx.is(chunks[i - 1].0, W::RelativeOpeners);
        np_before_en(ctx, e, floor)
            .filter(|np| np.first_tok >= s && np.first_tok <= s + 1)
            .filter(|np| rel || np.registry.is_some() || np.head.is_some() || np.human)
            .map(|np| (i, np))
    });
    let Some((i, mut np)) = subject else {
        // "Its researcher for the south, Omar Zoubi, said": no subject the lexicon
        // knows, but a name in a chunk
        return chunks.iter().filter(|&&(s, e)| !number((s, e))).find_map(|&(s, e)| en_np(ctx, s, e).filter(|n| n.named && n.human && n.first_tok == s));
    };
    // "Sweida's deputy governor, Salim Abu Hamdan,", "The UN refugee agency,
    // UNHCR,": a name in an aside identifies the role before it
    let outer_named = np.named || np.registry.is_some();
    for &(s, e) in chunks[..i].iter().rev() {
        // "Two residents, speaking to AFP after a visit by the governor, Colonel X,
        // said": a name after a participle aside belongs to the aside
        let w = ctx.word(s);
        if !ctx.capitalised(s) && w.len() > 4 && w.ends_with("ing") {
            break;
        }
        // "(widely) known as the \"White Helmets\"": a name for the subject, not a speaker
        let also_known = (s..(s + 2).min(e)).any(|k| ctx.has_hit(k, |h| matches!(h, Entry::TypeNoun)));
        if ctx.is(s, W::RelativeOpeners) || number((s, e)) || also_known && !ctx.has_hit(s, |h| matches!(h, Entry::Registry(_))) {
            if also_known {
                // a registry name in it still identifies the subject
                if let Some(inner) = en_np(ctx, s, e).filter(|n| n.registry.is_some() && !np.human && np.registry.is_none()) {
                    (np.registry, np.kind, np.key, np.named) = (inner.registry, inner.kind, inner.key, inner.named);
                }
            }
            continue;
        }
        let Some(inner) = en_np(ctx, s, e) else { continue };
        let named = !inner.anonymous && (inner.named || inner.registry.is_some());
        if named && !outer_named && (inner.human == np.human || !np.human && inner.registry.is_some()) {
            // a person's role and name are one mention; an organisation's name in
            // an aside ("the rescue service, known as the White Helmets") is its own
            if np.human {
                let start = (np.start, np.first_tok);
                np = inner;
                (np.start, np.first_tok) = start;
            } else if inner.registry.is_some() {
                // the organisation named keeps the subject's words as its mention
                (np.registry, np.kind, np.key, np.named) = (inner.registry, inner.kind, inner.key, inner.named);
            }
            break;
        }
        if inner.human && !inner.anonymous && (!np.human || np.anonymous) {
            np = inner;
            break;
        }
    }
    if chunks[..i].iter().any(|&(s, e)| (s..e).any(|q| ctx.has_hit(q, |h| matches!(h, Entry::Anonymity)))) {
        np.anonymous = np.registry.is_none();
    }
    Some(np)
}

/// "But environmentalists worry", "Overall, the fund predicted", "all agreed":
/// a short clause before the verb is its subject.
fn short_clause_subject(ctx: &Ctx, end: usize, floor: usize) -> Option<Np> {
    let mut a = end;
    while a > floor && end - a < 4 && ctx.punct(a - 1).is_none() && !ctx.has_hit(a - 1, |e| matches!(e, Entry::Verb { .. } | Entry::Complementiser)) {
        a -= 1;
    }
    let only_connective = end - a == 1 && ctx.is(a, W::Connectives);
    if a >= end || only_connective || !(a == floor || ctx.punct(a - 1).is_some() || ctx.is(a - 1, W::SubjectIntroducers)) {
        return None;
    }
    let mut np = en_np(ctx, a, end).unwrap_or_else(|| np_plain(ctx.seg.tokens[a].start, ctx.seg.tokens[end - 1].end, a, end));
    if ctx.is(a, W::SubjectSkippers) && a + 1 < end {
        np.start = ctx.seg.tokens[a + 1].start;
        np.first_tok = a + 1;
    }
    if ctx.is(np.first_tok, W::NonSubjects) {
        return None;
    }
    if np.key.is_empty() {
        np.key = fold(&ctx.text[np.start..np.end]).to_lowercase();
    }
    if ctx.is(np.first_tok, W::RelativePronouns) {
        np.pronoun = true; // a relative pronoun: its own mention, no entity of its own
    }
    // "Party managers", "But environmentalists": people no name identifies
    if !np.named && np.registry.is_none() && !np.pronoun && !np.has_anchor() {
        (np.anonymous, np.human) = (true, true);
    }
    Some(np)
}

/// "a source familiar with the matter said", "officials who spoke on condition
/// of anonymity said": a headed phrase further back.
fn headed_subject(ctx: &Ctx, cue: usize, end: usize, floor: usize) -> Option<Np> {
    let mut k = end;
    let mut anonymous = false;
    while k > floor && end - k < 12 {
        if matches!(ctx.tok(k - 1).map(|t| t.kind), Some(TokKind::Punct(_))) {
            break;
        }
        if ctx.has_hit(k - 1, |e| matches!(e, Entry::Anonymity)) {
            anonymous = true;
        }
        if ctx.has_hit(k - 1, |e| matches!(e, Entry::Verb { .. })) && k - 1 != cue {
            break;
        }
        if ctx.has_hit(k - 1, |e| matches!(e, Entry::Head(_) | Entry::Registry(_))) {
            let mut a = k - 1;
            while a > floor && np_word(ctx, a - 1) && k - a < 8 {
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

/// The subject that opens the sentence of token `vt`, past opening phrases:
/// the subject of a participle after a comma (", saying").
fn opening_subject(x: &Extractor, vt: usize) -> Option<Np> {
    let ctx = x.ctx;
    let mut st = x.sentence_start_tok(vt);
    // "In an August speech, Trump attacked …, saying", "On Thursday, however,
    // Trump spoke …": past opening phrases and words
    loop {
        if ctx.is(st, W::SubjectSkippers) && st + 1 < vt {
            st += 1;
            if ctx.is_comma(st) {
                st += 1;
            }
            continue;
        }
        let Some(c) = (st..vt.min(st + 8)).find(|&j| ctx.is_comma(j)) else { break };
        let opener = ctx.is(st, W::FrameOpeners) || ctx.is(st, W::PostHeadPrepositions);
        if !(opener || np_after_en(ctx, st).is_none_or(|np| np.end_tok != c)) || c + 1 >= vt {
            break;
        }
        st = c + 1;
    }
    // a day or a month is no speaker
    if ctx.has_hit(st, |e| matches!(e, Entry::Weekday(_) | Entry::Month(_) | Entry::RelDay(_))) {
        return None;
    }
    np_after_en(ctx, st).filter(|np| np.end_tok <= vt && (np.registry.is_some() || np.head.is_some() || np.human)).or_else(|| {
        // "Trump spoke to leaders, promising …": a capitalised word no rule knows
        // opening the sentence is its subject
        let bare = st + 1 < vt && ctx.capitalised(st) && ctx.hits_at_tok(st).is_empty() && !ctx.function_word(st) && !ctx.capitalised(st + 1);
        bare.then(|| {
            let t = ctx.seg.tokens[st];
            let mut np = np_plain(t.start, t.end, st, st + 1);
            np.key = key_word(ctx, st);
            (np.kind, np.human, np.named) = (Kind::Person, true, true);
            np
        })
    })
}

/// English NP starting at token `ti` ("said Colonel X", "according to the ministry").
pub fn np_after_en(ctx: &Ctx, ti: usize) -> Option<Np> {
    let mut b = ti;
    while b < ctx.seg.tokens.len() && b - ti < 12 {
        if ctx.is_punct(b, '.') && b > ti && name_dot(ctx, b) && ctx.capitalised(b + 1) {
            b += 1;
            continue;
        }
        // "a report by the health directorate": a document and its author
        let author_link = b > ti && ctx.is(b, W::AuthorLinks) && document_noun(ctx, b - 1).is_some();
        // "an internal report", "the national disaster agency", "the state news
        // agency": words before a document noun or a head (a verb form among them)
        let plain = |m: usize| {
            ctx.tok(m).is_some_and(|t| t.kind == TokKind::Word)
                && !ctx.capitalised(m)
                && ctx.hits_at_tok(m).iter().all(|h| matches!(h.entry, Entry::Verb { .. }))
                && !ctx.function_word(m)
        };
        let head_at = |m: usize| ctx.has_hit(m, |e| matches!(e, Entry::Head(_)));
        let qual_at = |m: usize| ctx.has_hit(m, |e| matches!(e, Entry::Qualifier(_)));
        let between = |m: usize| plain(m) && !ctx.has_hit(m, |e| matches!(e, Entry::Verb { .. })) || qual_at(m);
        let doc_adjective = plain(b) && (document_noun(ctx, b + 1).is_some() || b > ti && (head_at(b + 1) || between(b + 1) && head_at(b + 2)));
        if !np_word(ctx, b) && !author_link && !doc_adjective {
            break;
        }
        // stop before a verb of saying or a second clause ("a report" is a noun)
        let noun = document_noun(ctx, b).is_some() && b > ti;
        // ("state media": a qualifier before its head is no verb)
        let qualifier = qual_at(b) && (head_at(b + 1) || between(b + 1) && head_at(b + 2));
        if b > ti && !noun && !doc_adjective && !qualifier && ctx.has_hit(b, |e| matches!(e, Entry::Verb { .. } | Entry::Complementiser | Entry::According(_)))
        {
            break;
        }
        b += 1;
    }
    // "Ahmed Kamal, a spokesman for the ministry" keeps the name
    let mut np = en_np(ctx, ti, b)?;
    if ctx.has_hit(b, |e| matches!(e, Entry::Anonymity)) {
        np.anonymous = np.registry.is_none();
    }
    Some(np)
}

#[cfg(test)]
mod tests {
    use crate::testing::said;

    #[test]
    fn subject_before_the_verb_with_an_appositive() {
        let c = said("en", "Maria Lopez, a nurse at the clinic, said the shelter was full.");
        assert_eq!(c[0].source, "Maria Lopez");
    }

    #[test]
    fn a_participle_after_a_comma_takes_the_subject_that_opens_the_sentence() {
        // not the place before the comma, not an adverb, not the day
        let c = said("en", "Governor Ann Reyes spoke on Monday about the floods in Dayton, Ohio, arguing that the levees had failed.");
        assert_eq!(c[0].source, "Governor Ann Reyes");
        let c = said("en", "On Friday, however, Reyes met farmers in the valley, promising that relief would come.");
        assert_eq!(c[0].source, "Reyes");
    }

    #[test]
    fn what_follows_saying_is_its_content_not_its_speaker() {
        let c = said("en", "The council rejected the plan, saying the mayor would resign.");
        let last = c.last().unwrap();
        assert_eq!((last.source.as_str(), last.text.as_str()), ("The council", "the mayor would resign"));
    }

    #[test]
    fn quoting_between_a_subject_and_its_verb_is_a_relay() {
        let c = said("en", "Reuters, quoting the provincial health office, said nine people had drowned.");
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!((c[0].source.as_str(), c[0].via.as_slice()), ("the provincial health office", ["Reuters".to_string()].as_slice()));
        // "state" before its head is no verb
        let c = said("en", "Nine people drowned, state radio said.");
        assert_eq!(c.len(), 1, "{c:#?}");
    }

    #[test]
    fn an_aside_on_an_inverted_speaker_is_not_what_was_said() {
        // who the speaker is follows the name; what was said stands before the comma
        let c = said("en", "The bridge collapsed after the storm, said Joseph Kaba, the district administrator.");
        assert_eq!((c[0].source.as_str(), c[0].text.as_str()), ("Joseph Kaba", "The bridge collapsed after the storm"));
        let c = said("en", "A school was hit, said Lena Park, who runs a clinic in the town.");
        assert_eq!((c[0].source.as_str(), c[0].text.as_str()), ("Lena Park", "A school was hit"));
        // a participle after the aside is a claim of its own
        let c = said("en", "Five people drowned, said Ana Ruiz, adding that rescuers were still searching.");
        assert_eq!(c.len(), 2, "{c:#?}");
        assert_eq!(c[0].text, "Five people drowned");
    }

    #[test]
    fn a_cue_noun_after_the_reports_only_with_its_frame() {
        assert!(said("en", "The claim could not be independently verified.").is_empty());
    }

    #[test]
    fn a_verb_form_right_after_according_to_is_no_cue() {
        // "show" is a noun of the source here, and "according to" no speaker
        let a = crate::testing::audit_str("en", "The mayor ignored the warnings, according to show organisers.");
        assert!(a.claims.iter().all(|x| x.cue.as_deref() != Some("show")), "{:#?}", a.claims);
        assert!(a.sources.iter().all(|s| !s.name.starts_with("according")), "{:#?}", a.sources);
    }

    #[test]
    fn a_name_inside_a_participle_aside_is_not_the_subject() {
        let c = said("en", "Two farmers, speaking by phone after a visit by the mayor, Jane Okoro, said the wells were dry.");
        assert_eq!(c[0].source, "Two farmers");
    }

    #[test]
    fn a_head_and_its_preposition_before_a_registry_name() {
        let c = said("en", "Israel's mission to the UN rejected the report and said the figures were wrong.");
        assert_eq!(c[0].source, "Israel's mission to the UN");
    }

    #[test]
    fn she_refers_to_a_person_named_in_the_sentence_before() {
        let c =
            said("en", "Mayor Tom Reed said the road would reopen. Lena Marsh, who runs the bakery, has led the protest. \"Who pays for this?\" she asked.");
        assert_eq!(c.last().unwrap().source, "Lena Marsh");
    }

    #[test]
    fn a_role_in_a_headline_is_the_person_named_below() {
        let c = said("en", "## Interior Minister: curfew will end\n\nInterior Minister Samir Haddad said on Monday that the curfew would end.");
        assert_eq!(c[0].source, "Interior Minister Samir Haddad");
    }

    #[test]
    fn a_quoted_name_in_an_aside_is_not_the_content() {
        let c = said("en", "The relief group, known as the \"Blue Vests\", said its teams reached the village at dawn.");
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].text, "its teams reached the village at dawn");
        assert_eq!(c[0].source, "The relief group");
    }

    #[test]
    fn a_daily_after_the_content() {
        let c = said("en", "Nine of the dead were farmers, the Beirut daily Al-Nahar reported.");
        assert_eq!(c[0].source, "the Beirut daily Al-Nahar");
    }

    #[test]
    fn a_quote_then_said_and_a_name() {
        let c = said("en", "\"We have lost everything,\" said Fatima Noor, a teacher in the camp.");
        assert_eq!((c[0].source.as_str(), c[0].mode.as_str()), ("Fatima Noor", "direct"));
    }

    #[test]
    fn coordinated_verbs_share_the_subject() {
        let c = said("en", "The army denied targeting civilians and said the strike hit a depot.");
        assert_eq!(c.len(), 2, "{c:#?}");
        assert!(c.iter().all(|x| x.source == "The army"), "{c:#?}");
    }

    #[test]
    fn an_addressee_of_told_relays() {
        let c = said("en", "A police officer told AFP that the curfew would end.");
        assert_eq!((c[0].source.as_str(), c[0].via.as_slice()), ("A police officer", ["AFP".to_string()].as_slice()));
    }

    #[test]
    fn a_participle_takes_the_clause_subject() {
        let c = said("en", "The ministry said on Tuesday that 40 people had been wounded, adding that rescue teams were still searching.");
        assert_eq!(c.len(), 2, "{c:#?}");
        assert!(c.iter().all(|x| x.source == "The ministry"), "{c:#?}");
    }
}
