//! The interval a number and its qualifier support: «426» is 426–426, «على
//! الأقل»/"at least" N is N–open, «أكثر من»/"more than" N is N+1–open, «نحو»/
//! "about" N is N–N with bound `about` (`check` allows it a tolerance), «حتى»/"up
//! to" N is 0–N; vague words keep the floor and ceiling the rules give them.

use super::read::Reading;
use crate::model::Bound;

/// `(low, high, vague, bound)` of a reading.
pub(super) fn interval(r: &Reading, bound: Option<Bound>) -> (Option<u64>, Option<u64>, bool, Option<Bound>) {
    if let Some((vl, vh)) = r.vague {
        // «أكثر من عشرات» is rare; the vague floor and ceiling stand
        return (Some(vl), vh, true, None);
    }
    let n = r.value.round().max(0.0) as u64;
    if let Some(u) = r.upper {
        return (Some(n), Some(u.round().max(0.0) as u64), false, bound);
    }
    let (low, high) = match bound {
        Some(Bound::AtLeast) => (Some(n), None),
        Some(Bound::MoreThan) => (Some(n + 1), None),
        Some(Bound::UpTo) => (Some(0), Some(n)),
        Some(Bound::FewerThan) => (Some(0), Some(n.saturating_sub(1))),
        Some(Bound::About) | None => (Some(n), Some(n)),
    };
    (low, high, false, bound)
}
