//! Toponyms: the places an article names, from the hand-written places
//! (`rules/places.yaml`, found by the matcher) and the world gazetteer
//! (`rules/gazetteer.tsv`, looked up a word n-gram at a time here).
//!
//! A gazetteer name is a place when a frame supports it («في», «بلدة», "in",
//! "near") or when it is a well-known place with no common-word reading. A name
//! several places share («طرابلس», "Tripoli") goes to the one in a country the
//! article already names, else to the largest.

use rustc_hash::FxHashSet;

use crate::attribution::Ctx;
use crate::rules::world::{Key, NameOf, World};
use crate::rules::{Entry, Lang, PlaceKind, Rules, W};
use crate::text::TokKind;

/// A place named in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub tok: usize,
    pub id: String,
    pub name: String,
    /// 0 a country, 1 a region or province, 2 a district, 3 a town, 4 a camp,
    /// a site or a place no gazetteer knows.
    pub rank: u8,
    /// Only an adjective («التركية», "Turkish"): a sign of the country.
    pub weak: bool,
    /// A building, port or crossing («مستشفى الشفاء»).
    pub site: bool,
}

/// A place without a frame must be at least this big to be believed, and this
/// big when the article names none of its country; after a preposition, this big.
const WELL_KNOWN: u64 = crate::rules::world::WELL_KNOWN;
const FAMOUS: u64 = 1_000_000;
const FRAMED: u64 = 50_000;

/// Every place the article names, in text order.
pub fn named(ctx: &Ctx, rules: &Rules) -> Vec<Named> {
    let mut out = Vec::new();
    let mut countries: FxHashSet<String> = FxHashSet::default();
    // tokens a hand-written place starts at
    let mut covered = vec![false; ctx.seg.tokens.len() + 2];
    // the longest place at each start; a place inside a longer one («Jbeil» in
    // «Bint Jbeil») is none
    let mut hits: Vec<(usize, usize, u32, bool)> = ctx
        .hits
        .iter()
        .filter_map(|h| match h.entry {
            Entry::Place(p) => Some((h.start, h.end, p, false)),
            Entry::PlaceAdj(p) => Some((h.start, h.end, p, true)),
            _ => None,
        })
        .collect();
    hits.sort_unstable_by_key(|h| (h.0, std::cmp::Reverse(h.1)));
    let mut last_end = 0;
    for (start, end, p, weak) in hits {
        if start < last_end {
            continue;
        }
        last_end = end;
        let place = &rules.places[p as usize];
        let tok = ctx.seg.tok_at(start);
        if let Some(c) = covered.get_mut(tok) {
            *c = true;
        }
        if quoted(ctx, tok, ctx.tok_end(end)) {
            continue;
        }
        if !weak {
            countries.insert(rules.country_of(&place.id));
        }
        let mut named = yaml_place(rules, p, tok, weak);
        // "the city of Nabatieh", «مدينة إدلب»: the town, not the province it names
        if named.rank == 1 && frame(ctx, tok) == Frame::Settlement {
            if let Some(town) = town_of(ctx, rules, tok, &named.id) {
                named = Named { tok, ..town };
            }
        }
        out.push(named);
    }
    let world = rules.world();
    let mut j = 0;
    let n = ctx.seg.tokens.len();
    let mut found: Vec<(usize, usize, Vec<NameOf>, Frame)> = Vec::new();
    while j < n {
        // a mark is no place and frames none
        if matches!(ctx.seg.tokens[j].kind, TokKind::Punct(_)) {
            j += 1;
            continue;
        }
        // «في بلدة X» with an X no gazetteer knows: a place of its own
        if ctx.is(j, W::PlaceFrames) && !covered[j] && !covered[j + 1] {
            let at = if ctx.lang() == Lang::En { j + 2 } else { j + 1 };
            if let Some(name) = super::framed_place(ctx, j, (j + 6).min(n)) {
                // a name the world gazetteer knows is read below
                if lookup(ctx, world, at).is_none() {
                    out.push(Named { tok: at, id: super::unlisted_place_id(&name), name, rank: UNLISTED, weak: false, site: false });
                }
            }
        }
        // «وادي الشاي», «ميناء رأس عيسى»: the noun is part of the name
        if ctx.is(j, W::FeatureNouns) && !covered[j] && !covered[j + 1] {
            if let Some(end) = feature_name(ctx, j, n).filter(|_| lookup(ctx, world, j + 1).is_none()) {
                let name = ctx.text[ctx.seg.tokens[j].start..ctx.seg.tokens[end].end].to_string();
                out.push(Named { tok: j, id: super::unlisted_place_id(&name), name, rank: UNLISTED, weak: false, site: false });
                j = end + 1;
                continue;
            }
        }
        let single = candidate(ctx, j);
        // a word some rule knows may still start a longer name («بنت جبيل»)
        let multi = single || ctx.tok(j).is_some_and(|t| t.kind == TokKind::Word) && !ctx.function_word(j) && (ctx.lang() == Lang::Ar || ctx.capitalised(j));
        if covered[j] || !multi {
            j += 1;
            continue;
        }
        match lookup_in(ctx, world, j, !single).filter(|x| single || x.0 > 1) {
            Some((len, names, glued)) => {
                let framed = match frame(ctx, j) {
                    Frame::None if glued => Frame::Preposition,
                    f => f,
                };
                found.push((j, len, names, framed));
                j += len;
            }
            None => j += 1,
        }
    }
    // countries first: they are the context of the rest
    for (j, _, names, framed) in &found {
        if let Some(c) = names.iter().find(|x| x.main && world.place(x.place).kind == PlaceKind::Country) {
            if *framed != Frame::None || believable(ctx, *j, world, c) {
                countries.insert(world.id(world.country(c.place)).to_string());
            }
        }
    }
    for (j, len, names, framed) in found {
        let Some(best) = choose(world, &names, &countries) else { continue };
        let home = countries.contains(world.id(world.country(best.place)));
        // «بلدة الرميلة في محافظة نينوى بالعراق»: a framed name GeoNames puts only in
        // another country than the article's is a village GeoNames lacks
        if framed == Frame::Settlement && !home && !countries.is_empty() {
            let name = ctx.text[ctx.seg.tokens[j].start..ctx.seg.tokens[j + len - 1].end].to_string();
            out.push(Named { tok: j, id: super::unlisted_place_id(&name), name, rank: UNLISTED, weak: false, site: false });
            continue;
        }
        let ok = match framed {
            Frame::Settlement => true,
            Frame::Preposition => home || world.place(best.place).population >= FRAMED,
            Frame::None => believable(ctx, j, world, &best) && (home || world.place(best.place).population >= FAMOUS),
        };
        if !ok || ctx.is(j, W::NotPlaces) && framed != Frame::Settlement || framed != Frame::Settlement && quoted(ctx, j, j + len) {
            continue;
        }
        let wp = world.place(best.place);
        let (id, name, kind) = match rules.same_as.get(world.id(best.place)) {
            Some(&y) => {
                let p = &rules.places[y as usize];
                (p.id.clone(), p.name.clone(), p.kind)
            }
            None => (world.id(best.place).to_string(), world.name(best.place).to_string(), wp.kind),
        };
        out.push(Named { tok: j, id, name, rank: rank(kind), weak: false, site: kind == PlaceKind::Site });
    }
    out.sort_by_key(|x| x.tok);
    // «في قضاء العمادية», "in the Bint Jbeil district": the district, wider than
    // a village told beside it
    for p in out.iter_mut().filter(|p| p.rank == 3) {
        let district = match ctx.lang() {
            Lang::Ar => p.tok > 0 && ctx.is(p.tok - 1, W::DistrictNouns),
            Lang::En => (p.tok + 1..p.tok + 4).take_while(|&k| ctx.capitalised(k) || ctx.is(k, W::DistrictNouns)).any(|k| ctx.is(k, W::DistrictNouns)),
        };
        if district {
            p.rank = 2;
        }
    }
    learned(ctx, &mut out);
    out
}

/// «حصلت "الرياض" على نسخة»: a name in quotes of its own is a newspaper's or a
/// group's, not a place (after a frame, «مخيم «زمزم»», it is one).
fn quoted(ctx: &Ctx, first: usize, end: usize) -> bool {
    first > 0 && ctx.is_quote(first - 1) && ctx.is_quote(end) && !(first > 1 && ctx.is(first - 2, W::PlaceFrames))
}

/// The rank of a place no gazetteer knows: it was framed as a village, a camp
/// or a valley, smaller than the towns told beside it.
const UNLISTED: u8 = 4;

fn rank(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::Country => 0,
        PlaceKind::Region | PlaceKind::Governorate => 1,
        PlaceKind::District => 2,
        PlaceKind::City | PlaceKind::Town => 3,
        PlaceKind::Camp | PlaceKind::Site => 4,
    }
}

/// A hand-written place. A port or a hospital in a town stands for its town
/// (where the incident was), kept last among the places told beside it; one
/// with no town above it (a port on an open coast) is a place of its own.
fn yaml_place(rules: &Rules, p: u32, tok: usize, weak: bool) -> Named {
    let place = &rules.places[p as usize];
    if place.kind == PlaceKind::Site {
        let town = place.parent.as_deref().and_then(|q| rules.place_ix.get(q)).map(|&q| &rules.places[q as usize]);
        return match town.filter(|t| rank(t.kind) == 3) {
            Some(t) => Named { tok, id: t.id.clone(), name: t.name.clone(), rank: 3, weak, site: true },
            None => Named { tok, id: place.id.clone(), name: place.name.clone(), rank: UNLISTED, weak, site: false },
        };
    }
    Named { tok, id: place.id.clone(), name: place.name.clone(), rank: rank(place.kind), weak, site: false }
}

/// The town of the name at `tok` that lies in the province `province`.
fn town_of(ctx: &Ctx, rules: &Rules, tok: usize, province: &str) -> Option<Named> {
    // a hand-written city under it, named as it is (Nabatieh, Marib)
    let prov = &rules.places[*rules.place_ix.get(province)? as usize];
    if let Some(c) = rules.places.iter().find(|q| q.parent.as_deref() == Some(province) && q.kind == PlaceKind::City && prov.names.contains(&q.name)) {
        return Some(Named { tok, id: c.id.clone(), name: c.name.clone(), rank: 3, weak: false, site: false });
    }
    let world = rules.world();
    let (_, names, _) = lookup(ctx, world, tok)?;
    let best = names
        .iter()
        .filter(|x| matches!(world.place(x.place).kind, PlaceKind::City | PlaceKind::Town))
        .filter(|x| rules.inside(world.id(x.place), province))
        .max_by_key(|x| world.place(x.place).population)?;
    let (id, name) = match rules.same_as.get(world.id(best.place)) {
        Some(&y) => (rules.places[y as usize].id.clone(), rules.places[y as usize].name.clone()),
        None => (world.id(best.place).to_string(), world.name(best.place).to_string()),
    };
    Some(Named { tok, id, name, rank: 3, weak: false, site: false })
}

/// The last token of a name after a feature noun at `j`: one word, or two
/// after a name head («رأس عيسى»); the article is allowed («وادي الشاي»).
fn feature_name(ctx: &Ctx, j: usize, n: usize) -> Option<usize> {
    let plain = |i: usize| {
        i < n
            && ctx.tok(i).is_some_and(|t| t.kind == TokKind::Word)
            && ctx.hits_at_tok(i).is_empty()
            && !ctx.function_word(i)
            && ctx.word(i).chars().count() >= 2
    };
    if ctx.lang() != Lang::Ar || !plain(j + 1) {
        return None;
    }
    Some(if ctx.is(j + 1, W::PlaceNameHeads) && plain(j + 2) { j + 2 } else { j + 1 })
}

/// A place no gazetteer knows, once framed («في بلدة عيناثا»), is the same
/// place wherever the article names it again («رئيس بلدية عيناثا»).
fn learned(ctx: &Ctx, out: &mut Vec<Named>) {
    // (first word, further words, the place); a few per article at most
    let names: Vec<(&str, Vec<&str>, Named)> = out
        .iter()
        // «النظام» framed once is no place everywhere else
        .filter(|p| p.id.starts_with("x:") && !ctx.definite(p.tok))
        .take(16)
        .filter_map(|p| {
            let words: Vec<&str> = p.name.split_whitespace().collect();
            let first = ctx.word(p.tok);
            (words.len() <= 3).then(|| (first, (1..words.len()).map(|k| ctx.word(p.tok + k)).collect(), p.clone()))
        })
        .collect();
    if names.is_empty() {
        return;
    }
    let taken: FxHashSet<usize> = out.iter().map(|p| p.tok).collect();
    let mut more = Vec::new();
    for j in 0..ctx.seg.tokens.len() {
        if taken.contains(&j) || ctx.seg.tokens[j].kind != TokKind::Word {
            continue;
        }
        let w = ctx.word(j);
        let hit = names.iter().find(|(first, rest, _)| *first == w && rest.iter().enumerate().all(|(k, r)| ctx.word(j + 1 + k) == *r));
        if let Some((_, _, p)) = hit {
            more.push(Named { tok: j, ..p.clone() });
        }
    }
    if !more.is_empty() {
        out.extend(more);
        out.sort_by_key(|x| x.tok);
    }
}

/// Could a place name start at `j`? A word no rule knows, capitalised in English.
fn candidate(ctx: &Ctx, j: usize) -> bool {
    let Some(t) = ctx.tok(j) else { return false };
    // «مدينة» is a frame, not Medina
    if t.kind != TokKind::Word || !ctx.hits_at_tok(j).is_empty() || ctx.function_word(j) || ctx.is(j, W::PlaceFrames) {
        return false;
    }
    ctx.lang() == Lang::Ar || ctx.capitalised(j)
}

/// The longest name at `j`: its length in tokens, its readings, and whether a
/// proclitic preposition was cut from it («بكابول»).
fn lookup(ctx: &Ctx, world: &World, j: usize) -> Option<(usize, Vec<NameOf>, bool)> {
    lookup_in(ctx, world, j, false)
}

/// [`lookup`]; with `heads_only`, a word no longer name can start with is
/// passed over at once (a one-word reading would be dropped anyway).
fn lookup_in(ctx: &Ctx, world: &World, j: usize, heads_only: bool) -> Option<(usize, Vec<NameOf>, bool)> {
    let en = ctx.lang() == Lang::En;
    let lower;
    let first: &str = if en {
        lower = ctx.word(j).to_lowercase();
        &lower
    } else {
        ctx.word(j)
    };
    let m = &ctx.lr.morph;
    // the word as written, without the article, without a proclitic preposition
    // at most four forms, on the stack: this runs for most words of an article
    let mut forms: [(&str, bool); 4] = [(first, false); 4];
    let mut n = 1;
    if !en {
        // the run's clitics are known with it, not read again
        let (s, prep) = match m.strip_run(first) {
            Some((s, cl)) => (s, cl.prep.is_some()),
            None => {
                let s = m.strip_possessive(first);
                (s, m.clitics(&first[..first.len() - s.len()]).prep.is_some())
            }
        };
        if s.len() != first.len() {
            forms[n] = (s, prep);
            n += 1;
        }
        // a conjunction, then a locative preposition glued on («وبكابول»); not «ك»:
        // «كمينا» is no town
        let mut rest = first;
        let mut glued = false;
        for _ in 0..2 {
            let Some(c) = rest.chars().next() else { break };
            let locative = ctx.lr.glued_place.contains(c);
            let conj = m.is_proclitic_letter(c) && !m.is_preposition(c);
            if !(locative || conj) || glued || rest.chars().count() <= 4 {
                break;
            }
            glued |= locative;
            rest = &rest[c.len_utf8()..];
            forms[n] = (rest, glued);
            n += 1;
        }
    }
    // most words are no name's: one bit each says so
    let mut keys = [Key::of(first); 4];
    for (k, (f, _)) in keys.iter_mut().zip(&forms[..n]).skip(1) {
        *k = Key::of(f);
    }
    let may = |k: Key| if heads_only { world.maybe_head_key(k) } else { world.maybe_key(k) };
    if !keys[..n].iter().any(|&k| may(k)) {
        return None;
    }
    for (k, &(form, glued)) in forms[..n].iter().enumerate() {
        let key = keys[k];
        // «للمدينة»: a frame or a common word under its clitics (the word
        // itself: its classes are at hand)
        let classes = if k == 0 { ctx.classes_of(j) } else { ctx.lr.classes(form) };
        if classes & (W::PlaceFrames.bit() | W::NotPlaces.bit()) != 0 {
            return None;
        }
        if world.is_head_key(key) {
            let mut key = String::with_capacity(form.len() + 64);
            key.push_str(form);
            let mut best = None;
            for k in 1..world.max_words {
                let t = j + k;
                if ctx.tok(t).is_none_or(|t| t.kind != TokKind::Word) {
                    break;
                }
                key.push(' ');
                if en {
                    key.push_str(&ctx.word(t).to_lowercase());
                } else {
                    key.push_str(ctx.word(t));
                }
                let r = world.lookup(&key);
                if !r.is_empty() {
                    best = Some((k + 1, r));
                }
                // no longer name starts so
                if !world.is_prefix(&key) {
                    break;
                }
            }
            if let Some((len, r)) = best {
                return Some((len, r, glued));
            }
        }
        // «تل» alone is a town, but «تل زعرور» is a village the gazetteer lacks
        let head = ctx.is(j, W::PlaceNameHeads) && ctx.tok(j + 1).is_some_and(|t| t.kind == TokKind::Word) && ctx.hits_at_tok(j + 1).is_empty();
        let r = world.lookup_key(key);
        if !r.is_empty() && !head {
            return Some((1, r, glued));
        }
    }
    None
}

/// What stands before a name and makes it a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// «بلدة», «قرية», "the village of": any name after it is a place.
    Settlement,
    /// «في», «شمال», "in", "near": a place if it lies in a country the article
    /// names, or is not small («في إطار» is no town in Mauritania).
    Preposition,
    None,
}

fn frame(ctx: &Ctx, j: usize) -> Frame {
    if j == 0 {
        return Frame::None;
    }
    if ctx.is(j - 1, W::PlaceFrames) || j > 1 && ctx.word(j - 1).eq_ignore_ascii_case("of") && ctx.is(j - 2, W::PlaceFrames) {
        Frame::Settlement
    } else if ctx.is(j - 1, W::PlacePrepositions) {
        Frame::Preposition
    } else {
        Frame::None
    }
}

/// Without a frame: a main name of a country, a region or a big town, not a
/// common word, and in English capitalised for a reason of its own.
fn believable(ctx: &Ctx, j: usize, world: &World, x: &NameOf) -> bool {
    let p = world.place(x.place);
    let big = match p.kind {
        PlaceKind::Country => true,
        _ => p.population >= WELL_KNOWN,
    };
    let word = ctx.word(j);
    x.main && big && word.chars().count() >= 3 && !ctx.is(j, W::NotPlaces) && (ctx.lang() == Lang::Ar || ctx.proper(j))
}

/// Of the places a name may be: one in a country the article names, a country
/// itself, then the largest; a town over the province it names.
fn choose(world: &World, names: &[NameOf], countries: &FxHashSet<String>) -> Option<NameOf> {
    let in_context = |x: &NameOf| countries.contains(world.id(world.country(x.place)));
    let best = names.iter().copied().max_by_key(|x| {
        let p = world.place(x.place);
        (in_context(x), p.kind == PlaceKind::Country, x.main, p.population)
    })?;
    let bp = world.place(best.place);
    if bp.kind == PlaceKind::Governorate {
        if let Some(town) = names.iter().find(|x| world.place(x.place).parent == Some(best.place)) {
            return Some(*town);
        }
    }
    Some(best)
}

#[cfg(test)]
mod tests {
    /// The place of each figure, in order.
    fn places(lang: &str, t: &str) -> Vec<Option<String>> {
        crate::testing::audit_str(lang, t).figures.iter().map(|f| f.place.clone()).collect()
    }

    #[test]
    fn a_valley_or_a_port_no_gazetteer_knows_is_a_place_with_its_noun() {
        assert_eq!(places("ar", "قتل 11 شخصا بهجوم على نقطة عسكرية في وادي الشاي جنوب غربي كركوك."), [Some("x:وادي-الشاي".to_string())]);
    }

    #[test]
    fn a_framed_unknown_village_is_the_same_place_where_named_again() {
        let t = "قتيل وجريحان بغارة على عيناثا جنوبي لبنان\n\nقتل شخص بغارة على سيارة في بلدة عيناثا بقضاء بنت جبيل جنوبي لبنان.";
        assert_eq!(places("ar", t), [Some("x:عيناثا".to_string()), Some("x:عيناثا".to_string()), Some("x:عيناثا".to_string())]);
    }

    #[test]
    fn a_settlement_s_name_may_carry_the_article_an_office_s_may_not() {
        let t = "سيطرت المقاومة على بلدتي الوهط وصبر شمال مدينة عدن، وقتل في المعارك ثمانية أشخاص.";
        assert_eq!(places("ar", t), [Some("x:الوهط".to_string())]);
        // «مديرية الأمن» is an office, and a framed definite word is no place elsewhere
        let t = "قال مدير مديرية الأمن إن 4 أشخاص قتلوا في بلدة النظام. وقالت قوات النظام إن 6 مسلحين قتلوا.";
        let rules = crate::testing::rules();
        let lr = rules.lang(crate::Lang::Ar);
        let norm = crate::text::Normalised::new(t);
        let hits = rules.matcher(crate::Lang::Ar).find(&norm.text);
        let seg = crate::text::segment(&norm.text, &lr.abbreviations, &lr.morph.prefixes);
        let ctx = crate::attribution::Ctx::new(&norm.text, &seg, &hits, lr, &rules.registry).with_world(rules.world());
        let ids: Vec<String> = super::named(&ctx, rules).into_iter().map(|p| p.id).collect();
        assert_eq!(ids, ["x:النظام"]);
    }

    #[test]
    fn a_front_is_a_place_and_a_front_that_fights_is_not() {
        let t = "دمرت غارة عربتين في جبهة الحقيل جنوب المحافظة، وقتل 6 مسلحين في الجبهة ذاتها.";
        assert_eq!(places("ar", t), [Some("x:الحقيل".to_string())]);
        // «جبهة النصرة» is a group; «الجبهة الشرقية» a front with an adjective, no name
        assert_eq!(places("ar", "وقال قيادي في جبهة النصرة إن 4 من عناصرها قتلوا."), [None]);
        assert_eq!(places("ar", "وقتل 4 مقاتلين في الجبهة الشرقية أمس."), [None]);
    }

    #[test]
    fn a_framed_name_geonames_has_only_abroad_is_a_village_it_lacks() {
        // GeoNames' only Rumaylah of this spelling is in the Emirates
        let t = "قتل 5 أشخاص في انفجار وسط بلدة الرميلة في محافظة نينوى بالعراق.";
        assert_eq!(places("ar", t), [Some("x:الرميله".to_string())]);
    }

    #[test]
    fn a_word_inside_a_longer_kind_is_not_a_kind_of_its_own() {
        let a = crate::testing::audit_str("en", "A man opened fire at a bus station, killing three people.");
        assert_eq!(a.figures[0].event_kind.as_deref(), Some("shooting"));
    }

    #[test]
    fn the_city_of_a_province_s_name_is_the_town() {
        assert_eq!(places("en", "A drone strike near the southern city of Nabatieh killed two people."), [Some("lb-nabatieh-city".to_string())]);
    }

    #[test]
    fn where_the_wounded_were_taken_is_not_where_they_were_hurt() {
        let t = "قتل شخص بغارة على سيارة في بلدة عيناثا جنوبي لبنان.\n\nونقل الجريحان إلى مستشفى صلاح غندور في مدينة بنت جبيل.";
        assert_eq!(places("ar", t), [Some("x:عيناثا".to_string()), Some("x:عيناثا".to_string())]);
    }

    #[test]
    fn a_city_name_in_quotes_of_its_own_is_a_newspaper() {
        // «الرياض» is also a Saudi daily
        assert_eq!(places("ar", "وعلمت \"الرياض\" أن 3 أشخاص توفوا في الحادث."), [None]);
        assert_eq!(places("ar", "توفي 3 أشخاص في حادث مروري في الرياض."), [Some("sa-riyadh".to_string())]);
    }

    #[test]
    fn another_strike_is_another_incident() {
        let a = crate::testing::audit_str(
            "ar",
            "ودمرت غارة جوية دبابة في مأرب وقتل 8 مسلحين كانوا على متنها. ودمرت غارة أخرى مدفع هاون وقتل 2 من طاقمه وأصيب 3 آخرون.",
        );
        assert_ne!(a.figures[0].event, a.figures[1].event);
        // the other strike's wounded are of the other strike
        assert_eq!(a.figures[1].event, a.figures[2].event);
    }

    #[test]
    fn a_war_total_keeps_the_widest_place() {
        let t = "قتل شخص بغارة على سيارة في بلدة عيناثا جنوبي لبنان.\n\nوأحصت الوزارة منذ بدء سريان وقف إطلاق النار سقوط 270 قتيلا.";
        let a = crate::testing::audit_str("ar", t);
        let f = &a.figures[1];
        assert_eq!((f.place.as_deref(), f.total), (Some("lb"), true));
        assert_ne!(a.figures[0].event, f.event, "a war's total is no incident's toll");
    }
}
