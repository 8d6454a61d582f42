//! `vague-figure`: a toll given only as «عشرات», "dozens", "hundreds".

use super::Parts;
use crate::audit::Finding;

pub fn check(p: &Parts) -> Vec<Finding> {
    p.figures
        .iter()
        .filter(|f| f.vague && f.category != "other")
        .map(|f| {
            let range = match (f.low, f.high) {
                (Some(l), Some(h)) => format!("{l}–{h}"),
                (Some(l), None) => format!("{l} or more"),
                _ => "unknown".to_string(),
            };
            p.at("vague-figure", f.start, f.end, format!("vague {} figure \"{}\" (read as {range})", f.category, f.text), None)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::testing::audit_str;

    #[test]
    fn flags_vague_tolls() {
        let a = audit_str("ar", "أسفرت الاشتباكات عن سقوط عشرات القتلى والجرحى.");
        assert!(a.findings.iter().any(|f| f.rule == "vague-figure"), "{:#?}", a.figures);
    }
}
