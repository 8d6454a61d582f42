//! Arabic grammar: the subject follows its verb (VSO), or stands before it after
//! a form of «كان»; a dropped subject is found by the verb's agreement; a source
//! mention is a head noun, title or registry name with the genitives, adjectives
//! and names that extend it. The words are in `rules/ar/`.

use super::{Grammar, Subject, VerbAt};
use crate::attribution::np::{absorb, after_preposition, is_source_entry, key_of, key_word, np_plain, push_key, stops_np};
use crate::attribution::{Ctx, Extractor, Np};
use crate::model::{Gender, Kind};
use crate::rules::matcher::Agr;
use crate::rules::{Entry, Hit, W};
use crate::text::{fold, is_comma, TokKind};

mod subject;
pub use subject::subject_after;
use subject::{bare_subject, genitive_chain, known_surname, quoted_subject, speech_noun_speaker, subject_before};

pub struct Arabic;

impl Grammar for Arabic {
    fn np_after(&self, ctx: &Ctx, tok: usize, max_words: usize) -> Option<Np> {
        np_after_ar(ctx, tok, max_words)
    }

    fn np_before(&self, _: &Ctx, _: usize, _: usize) -> Option<Np> {
        None
    }

    fn verb_subject(&self, x: &mut Extractor, v: &VerbAt) -> Subject {
        let mut s = Subject { np: None, next: v.after, via: Vec::new() };
        // participles and passives have no subject of their own
        if matches!(v.agr, Agr::Hal | Agr::Passive) {
            return s;
        }
        let mut found = subject_after(x, v.after).or_else(|| bare_subject(x.ctx, v.after, v.agr));
        if found.is_none() {
            found = known_surname(x, v.after);
        }
        if let Some(np) = found.or_else(|| quoted_subject(x, v.after)) {
            s.next = np.end_tok;
            s.np = Some(np);
        } else {
            s.np = subject_before(x, v.vt).or_else(|| speech_noun_speaker(x, v.vt));
        }
        // «ونقلت وكالة الأناضول عن صالح شيخ يوسف … أن»: the subject relays, the
        // person after عن speaks
        let ctx = x.ctx;
        if v.verb.relays && ctx.is(s.next, W::RelayFrom) {
            if let Some(np) = np_after_ar(ctx, s.next + 1, 10) {
                let mut j = np.end_tok;
                if ctx.is(j, W::QuoteNouns) {
                    j += 1;
                }
                if let Some(e) = s.np.take().and_then(|old| x.add_entity(&old)) {
                    s.via.push(e);
                }
                s.np = Some(np);
                s.next = j;
            }
        }
        s
    }

    fn according_source(&self, x: &mut Extractor, tok: usize, after_verb: bool) -> Option<Np> {
        subject_after(x, tok).or_else(|| if after_verb { bare_subject(x.ctx, tok, Agr::Any) } else { None })
    }

    fn participle_fallback(&self, x: &mut Extractor, vt: usize) -> Option<usize> {
        // «وتبنى المتحدث باسم حركة طالبان …، معتبراً أن»: the subject after the verb
        // that opens the sentence, whether or not that verb reports
        let mut st = x.sentence_start_tok(vt);
        // «إلى ذلك، تبنى …», «في غضون ذلك، …»: an opener set off by a comma
        if let Some(c) = (st..(st + 5).min(vt)).find(|&j| x.ctx.is_comma(j)) {
            st = c + 1;
        }
        let main = np_after_ar(x.ctx, st + 1, 10).filter(|np| np.end_tok <= vt && (np.registry.is_some() || np.head.is_some() || np.human));
        match main {
            Some(np) => x.add_entity(&np),
            None => x.last_speaker(),
        }
    }

    fn content_keeps_complementiser(&self) -> bool {
        false
    }

    fn bare_content(&self) -> bool {
        false
    }

    fn participle_ends_content(&self) -> bool {
        true
    }

    fn cue_after_quote(&self) -> bool {
        false
    }

    fn postposed_cue(&self, _: &Extractor, _: usize, _: usize) -> bool {
        false
    }

    fn name_shaped(&self, _: &Ctx, _: usize, _: usize) -> bool {
        false
    }
}

/// What a noun phrase has taken in so far.
struct Build {
    np: Np,
    j: usize,
    words: usize,
    names_after_title: usize,
    /// A name was announced («يدعى»): the words after it are the name.
    introduced: bool,
    /// Words after «في» that may be a place's name («في مستشفى منبج الوطني»).
    in_place: usize,
}

/// Arabic subject after a verb (VSO), or the noun phrase after a preposition.
pub fn np_after_ar(ctx: &Ctx, ti: usize, max_words: usize) -> Option<Np> {
    let t0 = ctx.tok(ti)?;
    if !matches!(t0.kind, TokKind::Word | TokKind::Number) {
        return None;
    }
    // a source name that is also a stop word («البيان») still counts when it is a registry hit
    let stopped = ctx.has_hit(ti, stops_np) || ctx.has_hit(ti, |e| matches!(e, Entry::Addressee | Entry::Pronoun));
    if stopped && !ctx.has_hit(ti, |e| matches!(e, Entry::Registry(_))) {
        return None;
    }
    // «أي تقارير» (no reports) is nobody; «بقتل عقيد»: a word behind a
    // preposition starts no subject
    let behind_prep = ctx.hits_at_tok(ti).iter().any(|h| h.prep.is_some()) && !ctx.has_hit(ti, is_source_entry);
    if ctx.is(ti, W::NonSubjects) || behind_prep {
        return None;
    }
    if ctx.is(ti, W::GroupQuantifiers) && ctx.is(ti + 1, W::CountPartitives) {
        return group_subject(ctx, ti, max_words);
    }
    // «لصحيفة العرب», «بالشبكة»: the mention starts after the preposition
    let lead =
        ctx.hits_at_tok(ti).iter().filter(|h| h.prep.is_some() && is_source_entry(&h.entry)).map(|h| after_preposition(ctx, h)).max().unwrap_or(t0.start);
    let mut b = Build { np: Np::new(lead, ti), j: ti, words: 0, names_after_title: 0, in_place: 0, introduced: false };
    while b.j < ctx.seg.tokens.len() && b.words < max_words {
        if !step(ctx, ti, &mut b) {
            break;
        }
    }
    finish(ctx, ti, b)
}

/// «عدد من مؤيدي الأسد», «بعض السكان»: some of a group of people, never one
/// identified source.
fn group_subject(ctx: &Ctx, ti: usize, max_words: usize) -> Option<Np> {
    let t = &ctx.seg.tokens;
    let k = ti + 2;
    let mut np = match np_after_ar(ctx, k, max_words.saturating_sub(2)) {
        Some(np) if np.human => np,
        _ => {
            // unlisted words up to where a subject may end
            let end = (k..(k + 4).min(t.len())).find(|&j| subject_may_end(ctx, j) || ctx.punct(j).is_some())?;
            if end == k || (k..end).any(|j| t[j].kind != TokKind::Word || ctx.function_word(j)) {
                return None;
            }
            let mut np = np_plain(t[k].start, t[end - 1].end, k, end);
            np.key = (k..end).map(|i| key_of(ctx, i)).collect::<Vec<_>>().join(" ");
            np.human = true;
            np
        }
    };
    np.start = t[ti].start;
    np.first_tok = ti;
    np.anonymous = true;
    np.named = false;
    np.registry = None;
    np.gender = Gender::Mp;
    Some(np)
}

/// Take the token at `b.j` into the phrase, or say the phrase has ended.
fn step(ctx: &Ctx, ti: usize, b: &mut Build) -> bool {
    let t = ctx.seg.tokens[b.j];
    if let TokKind::Punct(c) = t.kind {
        return punct_in_name(ctx, ti, c, b);
    }
    let first = b.j == ti;
    let hits = ctx.hits_at_tok(b.j);
    let src = hits.iter().filter(|h| is_source_entry(&h.entry)).max_by_key(|h| h.end);
    if !first {
        match link(ctx, b, hits, src) {
            Link::Stop => return false,
            Link::Taken => return true,
            Link::Word => {}
        }
    }
    if let Some(h) = src {
        // «المتحدث باسم وزارة الصحة»: the body a titled person speaks for
        // a human head is a second person, not a body («متطوع ومصدر طبي»)
        let body_like = match h.entry {
            Entry::Head(i) => !ctx.lr.sources.heads[i as usize].human,
            Entry::Registry(_) => true,
            _ => false,
        };
        if !first && b.np.human && b.np.body.is_none() && body_like && !h.conj {
            let (head, registry) = match h.entry {
                Entry::Head(i) => (Some(i), None),
                Entry::Registry(i) => (None, Some(i)),
                _ => (None, None),
            };
            let start = if h.prep.is_some() { after_preposition(ctx, h) } else { h.start };
            b.np.body = Some(crate::attribution::np::Body { start, end: h.end, first_tok: b.j, head, registry });
        }
        absorb(ctx, &mut b.np, h.entry, first);
        let end_tok = ctx.tok_end(h.end).max(b.j + 1);
        for k in b.j..end_tok {
            push_key(&mut b.np, &key_word(ctx, k));
        }
        b.np.end = h.end;
        // «نائب رئيس شرطة كابول سيد غول»: the honorific after the body starts the name
        let title = matches!(h.entry, Entry::Title(_));
        if let Some(body) = b.np.body.as_mut().filter(|_| !b.np.named && !title) {
            body.end = body.end.max(h.end);
        }
        b.words += end_tok - b.j;
        b.j = end_tok;
        return true;
    }
    unlisted_word(ctx, first, b)
}

/// «وكالة أنباء النظام «سانا»»: a registry name quoted after a body's noun is
/// the body's own name.
fn absorb_quoted(ctx: &Ctx, np: &mut crate::attribution::np::Np, q: &crate::text::Quote) {
    // «مصدر مطلع في «قسد»»: a person's body is where they belong, not who they are
    if np.human || np.anonymous {
        return;
    }
    let from = ctx.hits.partition_point(|h| h.start < q.inner_start);
    let named = ctx.hits[from..].iter().take_while(|h| h.start < q.inner_end);
    if let Some(h) = named.filter(|h| h.end <= q.inner_end && matches!(h.entry, Entry::Registry(_))).max_by_key(|h| h.end - h.start) {
        absorb(ctx, np, h.entry, false);
    }
}

/// A quoted name after a head or type noun («منظمة "فرق صانعي السلام"») or an
/// acronym in brackets («(أوتشا)») belongs to the name.
fn punct_in_name(ctx: &Ctx, ti: usize, c: char, b: &mut Build) -> bool {
    let j = b.j;
    let t = ctx.seg.tokens[j];
    if crate::text::quote_family(c).is_some() && j > ti && (b.np.head.is_some() || ctx.has_hit(j - 1, |e| matches!(e, Entry::TypeNoun))) {
        if let Some(q) = ctx.seg.quote_opening(t.start).map(|i| &ctx.seg.quotes[i]).filter(|q| q.close.is_some()) {
            let n = ctx.text[q.inner_start..q.inner_end].split_whitespace().count();
            if (1..=6).contains(&n) {
                push_key(&mut b.np, &fold(&ctx.text[q.inner_start..q.inner_end]).to_lowercase());
                absorb_quoted(ctx, &mut b.np, q);
                b.np.end = q.outer_end;
                b.j = ctx.tok_end(q.outer_end);
                b.words += n;
                return true;
            }
        }
    }
    if c == '(' && ctx.is_punct(j + 2, ')') && ctx.has_hit(j + 1, |e| matches!(e, Entry::Registry(_))) {
        if let Some(h) = ctx.best_hit(j + 1, |e| matches!(e, Entry::Registry(_))) {
            absorb(ctx, &mut b.np, h.entry, false);
        }
        b.np.end = ctx.seg.tokens[j + 2].end;
        b.j += 3;
        return true;
    }
    false
}

enum Link {
    /// The phrase ends before this token.
    Stop,
    /// The token was taken (with what it brought).
    Taken,
    /// An ordinary word: go on reading it.
    Word,
}

/// A token after the first: a preposition that extends the phrase («مصادر في
/// وزارة الدفاع», «المتحدث باسم»), an anonymity clause, a coordination, or what
/// ends the phrase (a stop word, an addressee).
fn link(ctx: &Ctx, b: &mut Build, hits: &[Hit], src: Option<&Hit>) -> Link {
    let j = b.j;
    let t = ctx.seg.tokens[j];
    if ctx.is(j, W::NpPlacePrepositions) {
        return place_link(ctx, b);
    }
    if hits.iter().any(|h| stops_np(&h.entry)) && src.is_none_or(|s| !matches!(s.entry, Entry::Registry(_))) {
        return Link::Stop;
    }
    // «أكد الوزير سقوط 11 مواطنا»: an event noun after a definite word or a name
    // is the object (a genitive follows only an indefinite noun: «جبهة جيش تحرير الشعب»)
    let after_definite = j > 0 && (ctx.definite(j - 1) || b.np.named);
    if src.is_none() && after_definite && hits.iter().any(|h| matches!(h.entry, Entry::ObjectNoun) && h.prep.is_none()) {
        return Link::Stop;
    }
    if let Some(h) = hits.iter().filter(|h| matches!(h.entry, Entry::Anonymity)).max_by_key(|h| h.end) {
        // «مسؤول طلب عدم ذكر اسمه»: the clause belongs to the mention
        b.np.anonymous = b.np.registry.is_none();
        b.np.end = h.end;
        b.j = ctx.tok_end(h.end).max(j + 1);
        return Link::Stop;
    }
    // «شاهد عيان يدعى أحمد اكاي»: the name follows
    if b.np.human && !b.np.named && ctx.is(j, W::NameIntroducers) {
        b.introduced = true;
        b.np.end = t.end;
        b.j += 1;
        return Link::Taken;
    }
    if ctx.is(j, W::NpNameLinks) || ctx.is(j, W::NpHumanLinks) && b.np.human {
        b.np.end = t.end;
        b.j += 1;
        return Link::Taken;
    }
    let w = ctx.word(j);
    let conj = hits.first().is_some_and(|h| h.conj) || ctx.lr.morph.starts_with_noun_conj(w) && src.is_none() && w.chars().count() > 3;
    if conj {
        // «متطوع ومصدر طبي»: two sources named together; «مدير الإعلام والتوعية»:
        // two genitives of one title
        let title_genitive = src.is_none() && b.np.title.is_some() && b.names_after_title <= 1 && ctx.lr.morph.carries_article(w);
        if src.is_some_and(|s| s.conj && matches!(s.entry, Entry::Head(_) | Entry::Title(_) | Entry::Registry(_))) {
            b.np.coordinated = true;
        } else if !title_genitive {
            return Link::Stop;
        }
    }
    // «مكتب المنظمة بجنيف»: a place the body sits in
    let organised = b.np.head.is_some() || b.np.title.is_some() || b.np.registry.is_some();
    if organised && src.is_none() && (hits.iter().any(|h| h.prep.is_some() && matches!(h.entry, Entry::Place(_))) || ctx.world_place(j) == Some(true)) {
        b.np.end = t.end;
        b.j += 1;
        return Link::Taken;
    }
    // «لوكالة», «لعنب بلدي»: an addressee, not part of the subject; but «البعثة
    // المستقلة لتقصي الحقائق»: a glued «ل» before a genitive belongs to a body's name
    // «التابع لوزارة الصحة»: after a link word the «ل» belongs to the name
    let linked = j > 0 && ctx.is(j - 1, W::NpNameLinks);
    let addressee = !linked && (src.is_some_and(|s| ctx.addressee_hit(s)) || (src.is_none() && ctx.glued_addressee(j)));
    // «المركز الإعلامي للمقاومة»: a definite genitive glued to «ل», unless it names who was told («للصحفيين»)
    let told = ctx.is(j, W::PlainAddressees) || ctx.lr.is(ctx.lr.morph.strip(&crate::text::lower(ctx.word(j))), W::PlainAddressees);
    // («الناطق باسم المديرية العامة للحماية المدنية»: the body a person speaks for
    // has such a genitive too)
    let body_open = b.np.body.is_some() && !b.np.named;
    // («للدفاع المدني»: a known body under the article is a genitive too)
    let definite_body = body_open && src.is_some() && ctx.lr.morph.carries_article(ctx.word(j)) && !told;
    let in_name = (src.is_none() || definite_body)
        && (!b.np.human || body_open)
        && (b.np.head.is_some() || b.np.title.is_some())
        && (ctx.definite(j + 1) || ctx.lr.morph.carries_article(ctx.word(j)) && !told);
    if addressee && in_name {
        push_key(&mut b.np, &key_word(ctx, j));
        b.np.end = t.end;
        if let Some(body) = b.np.body.as_mut().filter(|_| body_open) {
            body.end = t.end;
        }
        b.j += 1;
        b.words += 1;
        return Link::Taken;
    }
    if addressee && src.is_none_or(|s| !matches!(s.entry, Entry::Qualifier(_))) {
        return Link::Stop;
    }
    Link::Word
}

/// «في» after an anonymous or headed mention: a place or body follows
/// («مصادر في وزارة الدفاع», «مصدر مطلع في «قسد»»).
fn place_link(ctx: &Ctx, b: &mut Build) -> Link {
    let j = b.j;
    let t = ctx.seg.tokens[j];
    // «الوزارة في بيان», «الوكالة في معلومات»: the channel of the cue, not the subject's place
    if ctx.has_hit(j + 1, |e| matches!(e, Entry::CueNoun(_))) {
        return Link::Stop;
    }
    let open = b.np.anonymous || b.np.head.is_some() || b.np.title.is_some();
    // «مصادر في وزارة الدفاع», «مسؤول في شركة النفط», «متطوع في غرفة طوارئ المخيم»
    let plain = |k: usize| {
        ctx.tok(k).is_some_and(|t| t.kind == TokKind::Word) && ctx.hits_at_tok(k).iter().all(|h| matches!(h.entry, Entry::TypeNoun | Entry::Qualifier(_)))
    };
    // «في معلومات»: an anonymous non-human head after «في» is no body
    let vague_head = |e: &Entry| matches!(e, Entry::Head(h) if { let h = &ctx.lr.sources.heads[*h as usize]; h.anonymous && !h.human });
    let next_ok = ctx.hits_at_tok(j + 1).iter().any(|h| is_source_entry(&h.entry) && !vague_head(&h.entry))
        || ctx.definite(j + 1)
        || ctx.is_place(j + 1)
        || (plain(j + 1) && (ctx.definite(j + 2) || (plain(j + 2) && ctx.definite(j + 3))));
    // a known place may follow a longer title: «ممثلة منظمة الصحة العالمية في السودان»
    let place_next = ctx.is_place(j + 1);
    if open && next_ok && (b.words < 4 || place_next && b.words < 7) {
        b.np.end = t.end;
        b.j += 1;
        b.words += 1;
        b.in_place = 3;
        return Link::Taken;
    }
    if open {
        if let Some(q) = ctx.tok(j + 1).and_then(|t| ctx.seg.quote_opening(t.start)).map(|i| &ctx.seg.quotes[i]) {
            let inner = ctx.text[q.inner_start..q.inner_end].split_whitespace().count();
            if (1..=3).contains(&inner) && q.close.is_some() {
                absorb_quoted(ctx, &mut b.np, q);
                b.np.end = q.outer_end;
                b.j = ctx.tok_end(q.outer_end);
                b.words += inner + 1;
                return Link::Taken;
            }
        }
    }
    Link::Stop
}

/// An unlisted word: a genitive or adjective after a head («وزارة الدفاع
/// التركية»), a place as a body's genitive («مديرية صحة دهوك»), or a name after
/// a role («الرئيس السوري أحمد الشرع», «الطبيب عبد الله الأهدل»).
fn unlisted_word(ctx: &Ctx, first: bool, b: &mut Build) -> bool {
    let j = b.j;
    let t = ctx.seg.tokens[j];
    let w = ctx.word(j);
    let definite = ctx.definite(j);
    // a registry name is complete; a lone letter or a number is no part of a name
    // (after a title the person's name may follow: «مدير المرصد السوري رامي عبد الرحمن»)
    if !first && ((b.np.registry.is_some() && !b.np.human) || w.chars().count() < 2 || t.kind == TokKind::Number) {
        return false;
    }
    // «قد», «إن» and the like end a name («وكان الوزير بدر باسلمة قد أعلن»); so
    // does a cue noun with a pronoun («وختمت الشبكة تقريرها»)
    if !first && (ctx.function_word(j) || ctx.hits_at_tok(j).iter().any(|h| matches!(h.entry, Entry::CueNoun(_)) && h.end > h.core_end)) {
        return false;
    }
    let place = ctx.is_place(j);
    let given = ctx.is(j, W::GivenNames) || b.introduced;
    // «جيش تحرير الشعب», «مكتب حاكم اسطنبول»: an indefinite noun in a genitive chain
    let chain = !definite && genitive_chain(ctx, j + 1);
    let np = &mut b.np;
    // a given name starts a name after any human role, even an unnamed one
    let names_may_follow = np.human && (!np.anonymous || given || np.named)
        || !np.has_anchor()
        || (np.kind == Kind::Media && np.registry.is_none() && np.head.is_some() && !np.anonymous);
    let accept = if first {
        true
    } else if b.in_place > 0 {
        b.in_place -= 1;
        true
    } else if (place || chain && (!np.human || np.title.is_none() && np.head.is_some() && !given)) && np.has_anchor() && !np.named {
        true
    } else if np.body.is_some() && !np.named && definite && !given {
        // «المتحدث باسم قيادة العمليات المشتركة»: the body's genitive or adjective
        true
    } else if names_may_follow && b.names_after_title < 4 {
        // a name after a title, or the rest of a bare name («أحمد الحسين»)
        b.names_after_title += 1;
        // «قالت ممثلة المنظمة ليلى حمدان»: a given name tells the gender
        if b.names_after_title == 1 && np.gender == Gender::Any {
            np.gender = ctx.name_gender(j).unwrap_or(Gender::Any);
        }
        if !definite || np.title.is_some() || np.named || given {
            np.named = true;
            np.anonymous = np.anonymous && np.registry.is_some();
        }
        true
    } else {
        definite && np.has_anchor()
    };
    if !accept {
        return false;
    }
    push_key(np, &key_word(ctx, j));
    np.end = t.end;
    if !np.named {
        if let Some(body) = np.body.as_mut() {
            body.end = t.end;
        }
    }
    b.words += 1;
    b.j += 1;
    true
}

/// The phrase read: a bare name only where a subject may end; anaphors and kinds.
fn finish(ctx: &Ctx, ti: usize, b: Build) -> Option<Np> {
    let Build { mut np, mut j, words, .. } = b;
    // «المتحدث باسم وزارة الصحة، مروان أبو ريالة،», «شقيق أحد الضحايا، ويدعى هوشيار»
    if np.human && !np.named {
        if let Some(end) = appositive_name(ctx, j) {
            np.end = ctx.seg.tokens[end - 1].end;
            for k in j..end {
                if ctx.tok(k).is_some_and(|t| t.kind == TokKind::Word) && !ctx.is(k, W::NameIntroducers) && !ctx.has_hit(k, |e| matches!(e, Entry::Title(_))) {
                    push_key(&mut np, &key_word(ctx, k));
                }
            }
            np.named = true;
            np.anonymous = false;
            j = end;
        }
    }
    np.end_tok = j;
    if np.end <= np.start {
        return None;
    }
    if !np.has_anchor() {
        // bare words after a verb: a name («وقال أحمد الشرع») only if short, not an
        // article word, and followed by what follows a subject
        if ctx.definite(ti) || words > 3 || ctx.seg.tokens[ti].kind == TokKind::Number || !subject_may_end(ctx, j) {
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

/// A personal name after a role, set off by a comma («، مروان أبو ريالة،»,
/// «، العميد حيدر الساعدي:») or introduced («، ويدعى هوشيار»): one to four
/// unlisted words (a rank title may lead) that end where a subject may end.
/// Returns one past the name's last token.
fn appositive_name(ctx: &Ctx, j: usize) -> Option<usize> {
    if !ctx.is_comma(j) {
        return None;
    }
    let mut k = j + 1;
    let introduced = ctx.is(k, W::NameIntroducers);
    if introduced {
        k += 1;
    } else if ctx.has_hit(k, |e| matches!(e, Entry::Title(_))) {
        k = ctx.best_hit(k, |e| matches!(e, Entry::Title(_))).map_or(k + 1, |h| ctx.tok_end(h.end).max(k + 1));
    }
    let first = k;
    // a name does not start with the article, unless it is announced or given
    if !introduced && ctx.definite(first) && !ctx.is(first, W::GivenNames) {
        return None;
    }
    while k < first + 4 && ctx.tok(k).is_some_and(|t| t.kind == TokKind::Word) && ctx.hits_at_tok(k).iter().all(|h| matches!(h.entry, Entry::Place(_))) {
        k += 1;
    }
    let ends = match ctx.tok(k) {
        None => true,
        Some(t) => match t.kind {
            TokKind::Punct(c) => is_comma(c) || c == ':',
            _ => ctx.has_hit(k, |e| matches!(e, Entry::Complementiser)),
        },
    };
    (k > first && ends).then_some(k)
}

/// What may follow a bare name that is a subject: punctuation, the content
/// frame, an addressee or a preposition of the frame.
fn subject_may_end(ctx: &Ctx, j: usize) -> bool {
    match ctx.tok(j) {
        None => true,
        Some(t) => match t.kind {
            TokKind::Punct(c) => is_comma(c) || matches!(c, ':' | '(' | '.'),
            _ => {
                ctx.has_hit(j, |e| matches!(e, Entry::Complementiser | Entry::Adverbial | Entry::Anonymity))
                    || ctx.is(j, W::NameFollowers)
                    || ctx.glued_addressee(j)
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::said;

    fn one(text: &str) -> (String, String) {
        let c = said("ar", text);
        assert_eq!(c.len(), 1, "{c:#?}");
        (c[0].source.clone(), c[0].text.clone())
    }

    #[test]
    fn a_registry_name_quoted_after_a_body_s_noun_is_the_body() {
        // «سانا» after «وكالة أنباء النظام» is SANA, as «وكالة الأنباء السورية» is
        for t in ["وقالت وكالة أنباء النظام «سانا» إن 37 شخصا أصيبوا.", "وقالت وكالة الأنباء السورية إن 40 شخصا أصيبوا."]
        {
            let a = crate::testing::audit_str("ar", t);
            assert_eq!(a.sources[0].canonical.as_deref(), Some("sana"), "{t}: {:?}", a.sources);
        }
    }

    #[test]
    fn subject_after_the_verb_keeps_title_and_name() {
        let (s, t) = one("وقال المتحدث باسم وزارة الصحة أحمد يوسف إن 12 شخصا قتلوا في القصف.");
        assert_eq!(s, "المتحدث باسم وزارة الصحة أحمد يوسف");
        assert_eq!(t, "12 شخصا قتلوا في القصف");
    }

    #[test]
    fn a_headline_subject_before_a_present_verb() {
        let c = said("ar", "## المنظمة الدولية للهجرة ترصد نزوح 300 أسرة");
        assert_eq!(c[0].source, "المنظمة الدولية للهجرة");
    }

    #[test]
    fn a_quote_with_no_cue_goes_to_the_person_named_before_it() {
        assert_eq!(one("وعلّق الباحث الاقتصادي سامر النجار على الخطة بـ«الخطوة المتأخرة لكن الضرورية».").0, "الباحث الاقتصادي سامر النجار");
    }

    #[test]
    fn a_known_body_coordinated_before_a_plural_verb() {
        let c = said("ar", "لكن المرصد السوري لحقوق الإنسان وناشطين على مواقع التواصل قالوا إن القصف استهدف السوق.");
        assert!(c[0].source.starts_with("المرصد السوري لحقوق الإنسان"), "{}", c[0].source);
    }

    #[test]
    fn subject_before_the_verb_after_kana() {
        assert_eq!(one("وكان الدفاع المدني قد أعلن أن فرقه أخمدت الحريق.").0, "الدفاع المدني");
    }

    #[test]
    fn a_participle_shares_the_subject() {
        let c = said("ar", "وقالت الوزيرة إن الوضع مستقر، مضيفة أن المستشفيات تعمل.");
        assert_eq!(c.len(), 2, "{c:#?}");
        assert!(c.iter().all(|x| x.source == "الوزيرة"), "{c:#?}");
    }

    #[test]
    fn a_participle_after_a_verb_that_reports_nothing_takes_its_subject_past_an_opener() {
        // «إلى ذلك،» opens the sentence; the subject is that of «تبنت»
        let t = "إلى ذلك، تبنت جماعة أنصار الحق هجوما على قافلة في الصحراء، مؤكدة أنها قتلت 6 جنود.";
        assert_eq!(one(t).0, "جماعة أنصار الحق");
    }

    #[test]
    fn an_event_noun_after_the_subject_is_the_object() {
        // «سقوط» ends the subject; digits glued to the noun are still the count
        let (s, t) = one("وأكد المحافظ سقوط 9قتلى في القصف.");
        assert_eq!((s.as_str(), t.as_str()), ("المحافظ", "سقوط 9قتلى في القصف"));
        let a = crate::testing::audit_str("ar", "وأكد المحافظ سقوط 9قتلى في القصف.");
        assert_eq!((a.figures[0].text.as_str(), a.figures[0].low), ("9قتلى", Some(9)));
        // «عن قيام», after a channel noun with its adjective
        let (s, t) = one("وأعلن الجيش في بيان منفصل، عن قيام طائراته بتنفيذ 6 غارات.");
        assert_eq!((s.as_str(), t.as_str()), ("الجيش", "قيام طائراته بتنفيذ 6 غارات"));
    }

    #[test]
    fn a_front_speaks_and_its_name_may_hold_an_event_noun() {
        // after an indefinite noun «تحرير» is a genitive of the name, not the object
        let (s, t) = one("وأعلنت جبهة جيش تحرير الوادي تنفيذ الهجوم على الحاجز.");
        assert_eq!((s.as_str(), t.as_str()), ("جبهة جيش تحرير الوادي", "تنفيذ الهجوم على الحاجز"));
        // a participle ends the content before its own frame, past a channel phrase
        let c = said("ar", "وأعلنت الجبهة تنفيذ الهجوم أمس قائلة في بيان على موقعها إن المعركة بدأت.");
        assert_eq!(c.len(), 2, "{c:#?}");
        assert_eq!((c[0].text.as_str(), c[1].text.as_str()), ("تنفيذ الهجوم أمس", "المعركة بدأت"));
        assert!(c.iter().all(|x| x.source == "الجبهة"), "{c:#?}");
    }

    #[test]
    fn a_demonstrative_object_is_no_speaker_and_an_anonymity_aside_is_skipped() {
        // «نفى ذلك»: «ذلك» is what was denied
        let c = said("ar", "لكن الشرطة المحلية نفت ذلك، مؤكدة أن الحريق كان عرضيا.");
        assert!(c.iter().all(|x| x.source == "الشرطة المحلية"), "{c:#?}");
        let (s, t) = one("وقال موظف في البلدية، فضل عدم ذكر اسمه، إن الطريق أغلق.");
        assert_eq!((s.as_str(), t.as_str()), ("موظف في البلدية", "الطريق أغلق"));
    }

    #[test]
    fn according_to_what_they_reported_with_a_resumptive_pronoun() {
        let c = said("ar", "وارتفع عدد المصابين إلى 30، بحسب ما أفادت به مصادر في المستشفى.");
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].source, "مصادر في المستشفى");
    }

    #[test]
    fn the_body_a_spokesman_speaks_for_keeps_its_genitive_with_lam() {
        let (s, _) = one("وأكد الناطق باسم الهيئة العامة للدفاع المدني سامي يوسف أن الحريق أخمد.");
        assert_eq!(s, "الناطق باسم الهيئة العامة للدفاع المدني سامي يوسف");
        // but who was told is no part of it
        assert_eq!(one("وقال المتحدث باسم وزارة الداخلية للصحفيين إن الطريق أغلق.").0, "المتحدث باسم وزارة الداخلية");
    }

    #[test]
    fn an_event_noun_with_a_pronoun_on_it_is_an_object() {
        let (s, t) = one("وأكدت الشرطة مقتله في الاشتباك.");
        assert_eq!((s.as_str(), t.as_str()), ("الشرطة", "مقتله في الاشتباك"));
        // a word in ة is written with ت before the pronoun
        let (s, t) = one("وأعلنت الحركة مسؤوليتها عن التفجير.");
        assert_eq!((s.as_str(), t.as_str()), ("الحركة", "مسؤوليتها عن التفجير"));
    }

    #[test]
    fn a_time_word_with_the_article_may_end_a_name() {
        assert_eq!(one("وقالت كتائب الفجر إنها أسقطت طائرة مسيرة.").0, "كتائب الفجر");
        assert_eq!(one("وقال الجيش فجر اليوم إن طائرة سقطت.").0, "الجيش");
    }

    #[test]
    fn a_relaying_verb_gives_the_speaker_after_an() {
        let c = said("ar", "ونقلت وكالة رويترز عن مسؤول محلي قوله إن الطريق مغلق.");
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].source, "مسؤول محلي");
        assert_eq!(c[0].via, ["وكالة رويترز"]);
    }

    #[test]
    fn an_addressee_outlet_relays() {
        let c = said("ar", "وأكدت مصادر طبية لوكالة الأناضول أن الحصيلة ارتفعت إلى 30 قتيلا.");
        assert_eq!((c[0].source.as_str(), c[0].via.as_slice()), ("مصادر طبية", ["وكالة الأناضول".to_string()].as_slice()));
    }

    #[test]
    fn a_name_starting_with_fa_is_not_cut() {
        assert_eq!(one("وقال وزير الخارجية التركي هاكان فيدان إن المحادثات مستمرة.").0, "وزير الخارجية التركي هاكان فيدان");
    }
}
