//! Reads the built-in world gazetteer (`rules/gazetteer.tsv`) at compile time,
//! with the library's own parser, and writes it as the index the binary loads:
//! parsing 163,000 lines took 70 ms of every run. `--rules DIR` still parses.

use std::path::{Path, PathBuf};

#[path = "src/text/normalise.rs"]
#[allow(dead_code)]
mod normalise;

mod text {
    pub use super::normalise::fold;
}

#[path = "src/rules/morphology.rs"]
#[allow(dead_code)]
mod morphology;

#[path = "src/rules/world.rs"]
#[allow(dead_code)]
mod world;

pub use morphology::Morphology;

/// Stand-ins for the two library types the parser names.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Region,
    Governorate,
    District,
    City,
    Town,
    Camp,
    Site,
}

#[derive(Debug)]
pub struct RuleError {
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

fn main() {
    let tsv = "rules/gazetteer.tsv";
    let morph = "rules/ar/morphology.yaml";
    for p in [tsv, morph, "src/rules/world.rs", "src/rules/morphology.rs", "src/text/normalise.rs"] {
        println!("cargo:rerun-if-changed={p}");
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("world.bin");
    let text = std::fs::read_to_string(tsv).expect("rules/gazetteer.tsv");
    let file: morphology::MorphologyFile =
        serde_yaml::from_str(&std::fs::read_to_string(morph).expect("rules/ar/morphology.yaml")).expect("morphology.yaml parses");
    // a gazetteer that does not parse is left to the test suite and `rules check`
    // to report with its lines: the binary then parses it at run time
    let bytes = match world::World::parse(Path::new(tsv), std::borrow::Cow::Owned(text), &Morphology::new(&file)) {
        Ok(w) => w.to_bytes(),
        Err(_) => Vec::new(),
    };
    std::fs::write(out, bytes).expect("OUT_DIR is writable");
}
