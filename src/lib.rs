//! isnad: who said what in a news article, and through whom.
//!
//! The pipeline, one module per stage, plain data in and out:
//! [`normalise`] → [`segment`] → [`quotes`] → [`cues`] → [`sources`] →
//! [`claims`] → [`findings`] → [`report`]. [`audit::audit`] runs it on one
//! article. The library never prints; the `isnad` binary is a thin layer on top.

pub mod audit;
pub mod check;
pub mod claims;
pub mod context;
pub mod figures;
pub mod cues;
pub mod findings;
pub mod input;
pub mod normalise;
pub mod quotes;
pub mod report;
pub mod rules;
pub mod segment;
pub mod sources;
pub mod store;

pub use audit::{audit, Audit, LangChoice};
pub use input::{Article, InputError};
pub use rules::{Lang, Rules};

#[cfg(test)]
pub(crate) mod testing {
    use std::sync::OnceLock;

    use crate::{audit, input, Audit, LangChoice, Rules};

    pub fn rules() -> &'static Rules {
        static R: OnceLock<Rules> = OnceLock::new();
        R.get_or_init(|| Rules::builtin().expect("built-in rules load"))
    }

    pub fn audit_str(lang: &str, text: &str) -> Audit {
        let a = input::parse_bytes("test.txt".into(), text.as_bytes().to_vec()).expect("valid input");
        let l = if lang == "ar" { crate::Lang::Ar } else { crate::Lang::En };
        audit(&a, rules(), LangChoice::Fixed(l))
    }
}
