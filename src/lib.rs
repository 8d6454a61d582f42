//! isnad: who said what in a news article, and through whom.
//!
//! The pipeline, one module per stage, plain data in and out:
//! [`input`] → [`text`] (normalise, segment, quotes) → [`rules`] (the matcher's
//! one pass) → [`attribution`] (cues, speakers, content, relays; per-language
//! grammar in [`lang`]) → [`figures`] → [`lint`] (findings) → [`model`], the
//! output. [`pipeline::audit`] runs it on one article. [`store`] keeps audits in
//! a database and checks new figures against earlier ones; [`report`] writes
//! every output format. The library never prints; the `isnad` binary is a thin
//! layer on top.

pub mod attribution;
pub mod figures;
pub mod input;
pub mod lang;
pub mod lint;
pub mod model;
pub mod pipeline;
pub mod pool;
pub mod report;
pub mod rules;
pub mod store;
pub mod text;

pub use input::{Article, InputError};
pub use model::Audit;
pub use pipeline::{audit, LangChoice};
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

    /// One claim as tests read it: its source's name (or `-`), mode, content and relays.
    #[derive(Debug, PartialEq)]
    pub struct Said {
        pub source: String,
        pub mode: String,
        pub text: String,
        pub via: Vec<String>,
    }

    pub fn said(lang: &str, text: &str) -> Vec<Said> {
        let a = audit_str(lang, text);
        let name = |id: &str| a.source(Some(id)).map_or("?".to_string(), |s| s.name.clone());
        a.claims
            .iter()
            .map(|c| Said {
                source: c.source.as_deref().map_or("-".to_string(), name),
                mode: c.mode.to_string(),
                text: c.text.clone(),
                via: c.via.iter().map(|v| name(v)).collect(),
            })
            .collect()
    }
}
