//! `truncated-text`: a paragraph that stops mid-sentence, on a word that cannot
//! end one (a preposition, an article, a conjunction: rules `dangling`).

use super::{Parts, Rule};
use crate::model::{Finding, RuleId};
use crate::text::TokKind;

pub struct TruncatedText;

impl Rule for TruncatedText {
    fn id(&self) -> RuleId {
        RuleId::TruncatedText
    }

    fn describe(&self) -> &'static str {
        "a paragraph that stops mid-sentence"
    }

    fn check(&self, p: &Parts, out: &mut Vec<Finding>) {
        out.extend(findings(p));
    }
}

fn findings(p: &Parts) -> Vec<Finding> {
    let mut out = Vec::new();
    let dangling = &p.ctx.lr.frames.dangling;
    for para in &p.seg.paragraphs {
        let body = &p.norm.text[para.start..para.end];
        if body.starts_with('#') {
            continue;
        }
        let a = p.seg.tok_at(para.start);
        let b = p.ctx.tok_end(para.end);
        if b <= a || b - a < 6 {
            continue;
        }
        let last = p.seg.tokens[b - 1];
        if last.kind != TokKind::Word {
            continue;
        }
        let w = p.ctx.word(b - 1).to_lowercase();
        if dangling.iter().any(|d| crate::text::normalise::fold(d).to_lowercase() == w) {
            out.push(p.at_folded(
                RuleId::TruncatedText,
                last.start,
                last.end,
                format!("paragraph stops mid-sentence on \"{}\"", &p.norm.text[last.start..last.end]),
                None,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testing::audit_str;

    #[test]
    fn flags_paragraph_ending_on_preposition() {
        let a = audit_str("ar", "وكانت القوات قد انسحبت من المدينة بعد معارك طويلة في\n\nوقال المتحدث إن الوضع هادئ.");
        assert!(a.findings.iter().any(|f| f.rule == crate::model::RuleId::TruncatedText), "{:#?}", a.findings);
        let a = audit_str("en", "The convoy was last seen near the\n\nOfficials said the road was open.");
        assert!(a.findings.iter().any(|f| f.rule == crate::model::RuleId::TruncatedText), "{:#?}", a.findings);
    }
}
