//! Where an Arabic verb's subject stands: after the verb (with documents read
//! as their authors), before it after «كان»/«قد» or in a headline, a known
//! surname, a quoted name, the speaker of a speech noun.

use super::*;

/// The subject after a verb, with documents read as their authors («جاء في تقرير
/// لصحيفة X»).
pub fn subject_after(x: &mut Extractor, k: usize) -> Option<Np> {
    let ctx = x.ctx;
    if let Some(h) = ctx.best_hit(k, |e| matches!(e, Entry::CueNoun(_))) {
        if let Entry::CueNoun(n) = h.entry {
            if ctx.lr.cues.nouns[n as usize].document {
                return x.document_author(ctx.tok_end(h.end).max(k + 1));
            }
        }
    }
    np_after_ar(ctx, k, 10)
}

/// A subject the lexicon does not know («الوحدة التنفيذية»): two to four words
/// right after the verb that end where a content frame begins.
pub(super) fn bare_subject(ctx: &Ctx, j: usize, agr: Agr) -> Option<Np> {
    let mut k = j;
    while k < j + 4
        && ctx.tok(k).is_some_and(|t| t.kind == TokKind::Word)
        && ctx.hits_at_tok(k).iter().all(|h| matches!(h.entry, Entry::Qualifier(_) | Entry::TypeNoun))
    {
        k += 1;
    }
    // one definite word is as often an object («لفت الانتباه إلى») as a subject
    if k < j + 2 || !ctx.definite(j) {
        return None;
    }
    let frame = ctx.has_hit(k, |e| matches!(e, Entry::Complementiser))
        || ctx.is_punct(k, ':')
        || ctx.is_comma(k)
        || ctx.is(k, W::ChannelPrepositions) && ctx.has_hit(k + 1, |e| matches!(e, Entry::CueNoun(_)));
    if !frame {
        return None;
    }
    let t = &ctx.seg.tokens;
    let mut np = np_plain(t[j].start, t[k - 1].end, j, k);
    np.key = (j..k).map(|i| key_of(ctx, i)).collect::<Vec<_>>().join(" ");
    np.gender = match agr {
        Agr::F => Gender::F,
        Agr::M => Gender::M,
        Agr::Mp => Gender::Mp,
        _ => Gender::Any,
    };
    Some(np)
}

/// «وأضاف العايد»: a person named in full earlier, now by the last word of
/// the name.
pub(super) fn known_surname(x: &mut Extractor, k: usize) -> Option<Np> {
    let ctx = x.ctx;
    let t = ctx.tok(k)?;
    if t.kind != TokKind::Word || !ctx.hits_at_tok(k).is_empty() || !subject_may_end(ctx, k + 1) {
        return None;
    }
    let key = key_word(ctx, k);
    if key.chars().count() < 3 {
        return None;
    }
    // one slip of the pen is the same name («العياد» for «العايد»)
    let same = |s: &str| s == key || s.chars().count() >= 4 && strsim::osa_distance(s, &key) <= 1;
    // the recent entities only: bounded work however many an input holds
    let known = |x: &Extractor| {
        let from = x.ents.list.len().saturating_sub(256);
        x.ents.list[from..].iter().rposition(|e| e.human && !e.anonymous && e.key.contains(' ') && e.key.rsplit(' ').next().is_some_and(same)).map(|i| i + from)
    };
    if known(x).is_none() {
        // named in full where nobody spoke yet («ربطه المحلل العسكري X العايد»)
        x.full_name_before(k, &same);
    }
    let e = &x.ents.list[known(x)?];
    let mut np = np_plain(t.start, t.end, k, k + 1);
    np.key = e.key.rsplit(' ').next().unwrap_or(&key).to_string();
    np.kind = e.kind;
    np.human = true;
    np.named = true;
    np.gender = e.gender;
    Some(np)
}

/// «وفي تصريح للمتحدث الرسمي لـ"المركز" X، أوضح أن»: the speaker named after a
/// speech noun that opens the sentence.
pub(super) fn speech_noun_speaker(x: &Extractor, vt: usize) -> Option<Np> {
    let ctx = x.ctx;
    let mut j = x.sentence_start_tok(vt);
    if ctx.is(j, W::SectionOpeners) {
        j += 1;
    }
    let h = ctx.best_hit(j, |e| matches!(e, Entry::CueNoun(_)))?;
    j = ctx.tok_end(h.end).max(j + 1);
    if ctx.is(j, W::AddresseeMarkers) {
        j += 1;
    } else if !ctx.glued_addressee(j) {
        return None;
    }
    let np = np_after_ar(ctx, j, 10)?;
    (np.end_tok < vt && (vt - np.end_tok) <= 2).then_some(np)
}

/// «وأكد "الصباغ" أن»: a quoted name right after the verb, before the frame.
pub(super) fn quoted_subject(x: &mut Extractor, j: usize) -> Option<Np> {
    let ctx = x.ctx;
    let q = x.quote_opening_at(j)?;
    let qd = &ctx.seg.quotes[q];
    let words = ctx.text[qd.inner_start..qd.inner_end].split_whitespace().count();
    let mut after = ctx.tok_end(qd.outer_end);
    // «وأعلن «مكتب أخبار سوريا» المعارض أن»: adjectives after the quoted name
    while after < ctx.tok_end(qd.outer_end) + 2 && ctx.definite(after) && ctx.hits_at_tok(after).iter().all(|h| matches!(h.entry, Entry::Qualifier(_))) {
        after += 1;
    }
    let frame = ctx.has_hit(after, |e| matches!(e, Entry::Complementiser))
        || ctx.is(after, W::QuotedSubjectFollowers)
        || ctx.is_comma(after)
        || ctx.is_punct(after, ':');
    if !(1..=4).contains(&words) || !frame || qd.close.is_none() {
        return None;
    }
    x.claimed[q] = true;
    let a = ctx.seg.tok_at(qd.inner_start);
    let b = ctx.tok_end(qd.inner_end).max(a + 1);
    let mut np = np_after_ar(ctx, a, 6).filter(|n| n.end_tok >= b).unwrap_or_else(|| {
        let mut n = np_plain(qd.inner_start, qd.inner_end, a, b);
        n.kind = Kind::Person;
        n.human = true;
        n
    });
    np.start = qd.inner_start;
    np.end = qd.inner_end;
    np.first_tok = a;
    np.end_tok = after;
    np.key = fold(&ctx.text[qd.inner_start..qd.inner_end]).to_lowercase();
    Some(np)
}

/// «وكان الدفاع المدني قد ذكر», «الوزارة قالت»: a subject before the verb, after
/// a form of «كان» or at the start of the clause.
pub(super) fn subject_before(x: &Extractor, vt: usize) -> Option<Np> {
    let ctx = x.ctx;
    let mut j = vt;
    if j > 0 && ctx.is(j - 1, W::PerfectParticles) {
        j -= 1;
    }
    let floor = x.clause_floor(vt);
    let kana = (floor..j).rev().take(16).find(|&i| ctx.is(i, W::Copulas));
    let mut start = match kana {
        Some(i) => i + 1,
        None if ctx.is(vt.saturating_sub(1), W::PerfectParticles) => return None,
        None => floor,
    };
    // «## الشبكة السورية توثق»: a heading's marks are not the subject; «لكن
    // المرصد … قالوا»: nor is a leading conjunction
    while start < j && (ctx.punct(start).is_some() || ctx.is(start, W::LeadingConjunctions)) {
        start += 1;
    }
    if start >= j {
        return None;
    }
    if let Some(np) = np_after_ar(ctx, start, 10).filter(|np| np.end_tok == j && (np.registry.is_some() || np.head.is_some() || np.human)) {
        return Some(np);
    }
    // «لكن المرصد السوري ومؤيدين للرئيس على وسائل التواصل قالوا»: a known body
    // opens the clause, and what follows it up to a plural verb is coordinated
    // with it (no punctuation, no other verb)
    let plural = ctx.hits_at_tok(vt).iter().any(|h| matches!(h.entry, Entry::Verb { agr: Agr::Mp | Agr::Fp | Agr::Du, .. }));
    if plural {
        if let Some(np) = np_after_ar(ctx, start, 10).filter(|np| np.registry.is_some() && np.end_tok < j && j - np.end_tok <= 8) {
            let clear = (np.end_tok..j).all(|i| ctx.punct(i).is_none() && !ctx.has_hit(i, |e| matches!(e, Entry::Verb { .. })));
            if clear && (np.coordinated || ctx.lr.morph.starts_with_noun_conj(ctx.word(np.end_tok))) {
                return Some(np);
            }
        }
    }
    // «كان دميرتاش صرح»: a bare name of up to three words
    if kana.is_some() && j - start <= 3 && (start..j).all(|i| ctx.tok(i).is_some_and(|t| t.kind == TokKind::Word) && ctx.hits_at_tok(i).is_empty()) {
        let t = &ctx.seg.tokens;
        let mut np = np_plain(t[start].start, t[j - 1].end, start, j);
        np.key = (start..j).map(|i| key_word(ctx, i)).collect::<Vec<_>>().join(" ");
        np.kind = Kind::Person;
        np.human = true;
        np.named = true;
        return Some(np);
    }
    None
}

/// Does an indefinite noun's genitive chain go on from `k` to a definite or
/// known noun within three words («مركز عمليات طوارئ الصحة»)?
pub(super) fn genitive_chain(ctx: &Ctx, k: usize) -> bool {
    let known = |i: usize| ctx.has_hit(i, |e| matches!(e, Entry::Registry(_) | Entry::Head(_))) || ctx.is_place(i);
    for i in k..(k + 3).min(ctx.seg.tokens.len()) {
        if ctx.seg.tokens[i].kind != TokKind::Word || ctx.function_word(i) {
            return false;
        }
        if ctx.definite(i) || known(i) {
            return true;
        }
    }
    false
}
