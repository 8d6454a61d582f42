//! The fixtures' figure gold carries the place and the event of each toll
//! (`tests/gold/GUIDELINES.md`). The shared scorer ignores them; this test scores
//! them: the place is right when the gold name (as written) names the figure's
//! place in either gazetteer, and events are scored as pairs of figures of one
//! article that are, or are not, one incident.

use std::path::Path;

use isnad::store::gazetteer::find_places;
use isnad::{audit, input, LangChoice, Rules};
use serde_json::Value;

struct Score {
    places: (usize, usize),
    pairs: (usize, usize, usize),
    misses: Vec<String>,
}

fn score() -> Score {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = Rules::builtin().unwrap();
    let mut s = Score { places: (0, 0), pairs: (0, 0, 0), misses: Vec::new() };
    let mut files: Vec<_> = std::fs::read_dir(root.join("tests/gold/fixtures")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let art = input::read_file(&root.join(gold["doc"].as_str().unwrap())).unwrap();
        let a = audit(&art, &rules, LangChoice::Auto);
        // gold figure → predicted figure: overlapping spans, one category
        let mut used = vec![false; a.figures.len()];
        let mut pairs: Vec<(&Value, usize)> = Vec::new();
        for g in gold["figures"].as_array().unwrap() {
            let (gs, ge) = (g["start"].as_u64().unwrap() as usize, g["end"].as_u64().unwrap() as usize);
            let hit = a
                .figures
                .iter()
                .enumerate()
                .position(|(i, p)| !used[i] && p.start < ge && gs < p.end && p.category.to_string() == g["category"].as_str().unwrap());
            if let Some(i) = hit {
                used[i] = true;
                pairs.push((g, i));
            }
        }
        for &(g, i) in &pairs {
            let p = &a.figures[i];
            let name = g["place"].as_str().unwrap_or("");
            let mut ids: Vec<String> = find_places(&rules, name).into_iter().map(|x| x.id).collect();
            ids.push(isnad::figures::unlisted_place_id(name));
            ids.extend(places_in(&rules, a.doc.lang, name));
            s.places.1 += 1;
            // a name shared by a province and its capital («إدلب») means either
            let named_so =
                |id: &String| ids.contains(id) || p.place_name.as_deref().is_some_and(|n| find_places(&rules, n).iter().any(|x| ids.contains(&x.id)));
            if p.place.as_ref().is_some_and(named_so) {
                s.places.0 += 1;
            } else {
                s.misses.push(format!("{}: {:?} place {:?}, want {name:?}", f.file_name().unwrap().to_string_lossy(), p.text, p.place_name));
            }
        }
        for (x, &(g1, i1)) in pairs.iter().enumerate() {
            for &(g2, i2) in &pairs[x + 1..] {
                let gold_same = g1["event"] == g2["event"];
                let pred_same = a.figures[i1].event.is_some() && a.figures[i1].event == a.figures[i2].event;
                match (gold_same, pred_same) {
                    (true, true) => s.pairs.0 += 1,
                    (false, true) => s.pairs.1 += 1,
                    (true, false) => s.pairs.2 += 1,
                    _ => {}
                }
                if gold_same != pred_same {
                    s.misses.push(format!(
                        "{}: {:?} and {:?} {} one event",
                        f.file_name().unwrap().to_string_lossy(),
                        a.figures[i1].text,
                        a.figures[i2].text,
                        if gold_same { "should be" } else { "are not" }
                    ));
                }
            }
        }
    }
    s
}

/// The places a phrase such as «شمالي قطاع غزة» or "the village of X" names,
/// read as the figures stage reads an article.
fn places_in(rules: &Rules, lang: isnad::rules::Lang, phrase: &str) -> Vec<String> {
    let text = match lang {
        isnad::rules::Lang::Ar => format!("قتل شخص في {phrase}"),
        isnad::rules::Lang::En => format!("One person was killed in {phrase}"),
    };
    let art = input::parse_bytes("phrase.txt".into(), text.into_bytes()).unwrap();
    let a = audit(&art, rules, LangChoice::Fixed(lang));
    a.figures.iter().filter_map(|f| f.place.clone()).collect()
}

#[test]
fn fixture_places_and_events_match_the_gold() {
    let s = score();
    let place = s.places.0 as f64 / s.places.1.max(1) as f64;
    let (tp, fp, fn_) = s.pairs;
    let f1 = 2.0 * tp as f64 / (2 * tp + fp + fn_).max(1) as f64;
    for m in &s.misses {
        eprintln!("  {m}");
    }
    eprintln!("place accuracy {place:.4} ({}/{}), event pair F1 {f1:.4} (tp {tp}, fp {fp}, fn {fn_})", s.places.0, s.places.1);
    // the bar: 0.95 of both
    assert!(place >= 0.95 && f1 >= 0.95, "place accuracy {place:.4}, event pair F1 {f1:.4}");
}
