//! What kind of place a gazetteer entry is (also read by `build.rs`).

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
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
