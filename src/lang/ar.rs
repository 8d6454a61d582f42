//! Arabic grammar: the subject after a verb (VSO) and the noun phrase after a
//! preposition, with the words that extend a source mention.

use crate::attribution::np::{absorb, after_preposition, is_source_entry, key_word, push_key, stops_np};
use crate::attribution::{Ctx, Np};
use crate::model::{Gender, Kind};
use crate::rules::Entry;
use crate::text::{fold, TokKind};

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
            if crate::text::quote_family(c).is_some() && j > ti && (np.head.is_some() || ctx.has_hit(j - 1, |e| *e == Entry::TypeNoun)) {
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
