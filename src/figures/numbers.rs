//! Reading numbers: digits with their separators, and number words («ثلاثمئة
//! وستة وعشرون», "twenty-five", «40 ألف», "1.5 million").

use crate::rules::NumberRole;

/// Parse a run of ASCII digits with separators, as folded text writes them.
/// `scale_follows` says a scale word («مليون», "million") comes next, which makes
/// «1,5» a decimal comma.
pub fn parse_digits(s: &str, scale_follows: bool) -> Option<f64> {
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if s.contains(':') {
        return None; // a clock time
    }
    let seps: Vec<(usize, char)> = s.char_indices().filter(|(_, c)| matches!(c, ',' | '.')).collect();
    if seps.is_empty() {
        return s.parse::<f64>().ok();
    }
    // groups after each separator
    let groups: Vec<&str> = s.split([',', '.']).collect();
    let all_three = groups[1..].iter().all(|g| g.len() == 3);
    let last = seps.last().map(|x| x.1).unwrap_or('.');
    let mixed = seps.iter().any(|x| x.1 != last);
    let clean: String;
    if mixed {
        // 1,234.5 or 1.234,5: the last separator is the decimal point
        let (int, frac) = s.split_at(seps.last().map(|x| x.0).unwrap_or(s.len()));
        clean = format!("{}.{}", int.replace([',', '.'], ""), &frac[1..]);
    } else if all_three {
        // 35,000 / 35.000 / 1,234,567: thousands
        if scale_follows && seps.len() == 1 && groups[0].len() <= 3 && last == '.' && groups[1] == "000" {
            clean = s.replace([',', '.'], "");
        } else if scale_follows && seps.len() == 1 && last == '.' {
            clean = s.to_string(); // "2.500 million" is rare; read as a decimal
        } else {
            clean = s.replace([',', '.'], "");
        }
    } else if seps.len() == 1 {
        // 1.5 / 1,5 (decimal comma, before a scale word or with 1–2 digits)
        clean = s.replace(',', ".");
    } else {
        clean = s.replace([',', '.'], "");
    }
    clean.parse::<f64>().ok()
}

/// Accumulates number words in reading order.
#[derive(Debug, Default, Clone)]
pub struct WordNumber {
    total: f64,
    current: f64,
    fraction: Option<f64>,
    last_scale: f64,
    pub words: usize,
}

impl WordNumber {
    /// Add a word; returns false when it cannot continue the number.
    pub fn push(&mut self, value: f64, role: NumberRole, english: bool) -> bool {
        match role {
            NumberRole::Unit => {
                // "twenty five" / «خمسة وعشرون»: a unit after tens adds; two units in a
                // row start a new number
                if self.current % 10.0 != 0.0 && self.current < 100.0 && self.words > 0 && self.current != 0.0 {
                    return false;
                }
                self.current += value;
            }
            NumberRole::Teen => {
                // «خمسة عشر» = 15, «سبعمئة واثنا عشر» = 712, a lone «عشرة» = 10
                if self.current % 100.0 < 10.0 {
                    self.current += value;
                } else {
                    return false;
                }
            }
            NumberRole::Tens => self.current += value,
            NumberRole::Hundreds => {
                // «ثلاث مئة» written apart: the unit multiplies
                if value == 100.0 && self.current > 0.0 && self.current < 10.0 {
                    self.current *= 100.0;
                } else {
                    self.current += value;
                }
            }
            NumberRole::Scale => {
                if english && value == 100.0 {
                    self.current = self.current.max(1.0) * 100.0;
                } else {
                    let base = if let Some(f) = self.fraction.take() {
                        f + self.current
                    } else if self.current == 0.0 {
                        1.0
                    } else {
                        self.current
                    };
                    self.total += base * value;
                    self.current = 0.0;
                    self.last_scale = value;
                }
            }
            NumberRole::DualScale => {
                let base = if self.current == 0.0 { 2.0 } else { self.current };
                self.total += base * value;
                self.current = 0.0;
                self.last_scale = value;
            }
            NumberRole::Fraction => {
                if self.total > 0.0 && self.current == 0.0 && self.last_scale > 0.0 {
                    // «مليون ونصف»: half of the last scale
                    self.total += value * self.last_scale;
                } else {
                    // «نصف مليون»: waits for its scale
                    self.fraction = Some(value);
                }
            }
        }
        self.words += 1;
        true
    }

    /// Start from digits already read («40 ألف», "1.5 million").
    pub fn from_digits(v: f64) -> WordNumber {
        WordNumber { current: v, words: 1, ..Default::default() }
    }

    pub fn value(&self) -> f64 {
        let frac = self.fraction.unwrap_or(0.0);
        self.total + self.current + if self.total == 0.0 && self.current == 0.0 { frac } else { 0.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_separators() {
        assert_eq!(parse_digits("426", false), Some(426.0));
        assert_eq!(parse_digits("35,000", false), Some(35000.0));
        assert_eq!(parse_digits("35.000", false), Some(35000.0));
        assert_eq!(parse_digits("1,234,567", false), Some(1234567.0));
        assert_eq!(parse_digits("1.5", true), Some(1.5));
        assert_eq!(parse_digits("1,5", true), Some(1.5));
        assert_eq!(parse_digits("2.3", true), Some(2.3));
        assert_eq!(parse_digits("1,234.5", false), Some(1234.5));
        assert_eq!(parse_digits("7:15", false), None);
    }

    #[test]
    fn words_accumulate() {
        let mut n = WordNumber::default();
        n.push(400.0, NumberRole::Hundreds, false);
        n.push(6.0, NumberRole::Unit, false);
        n.push(20.0, NumberRole::Tens, false);
        assert_eq!(n.value(), 426.0);
        let mut n = WordNumber::default();
        n.push(19.0 - 10.0, NumberRole::Unit, false);
        n.push(10.0, NumberRole::Teen, false);
        n.push(1000.0, NumberRole::Scale, false);
        n.push(700.0, NumberRole::Hundreds, false);
        n.push(9.0, NumberRole::Unit, false);
        n.push(20.0, NumberRole::Tens, false);
        assert_eq!(n.value(), 19729.0);
        let mut n = WordNumber::from_digits(1.5);
        n.push(1e6, NumberRole::Scale, false);
        assert_eq!(n.value(), 1_500_000.0);
        let mut n = WordNumber::default();
        n.push(1e6, NumberRole::Scale, false);
        n.push(0.5, NumberRole::Fraction, false);
        assert_eq!(n.value(), 1_500_000.0);
        let mut n = WordNumber::default();
        n.push(0.5, NumberRole::Fraction, false);
        n.push(1e6, NumberRole::Scale, false);
        assert_eq!(n.value(), 500_000.0);
        let mut n = WordNumber::default();
        n.push(3.0, NumberRole::Unit, true);
        n.push(100.0, NumberRole::Scale, true);
        n.push(12.0, NumberRole::Unit, true);
        assert_eq!(n.value(), 312.0);
    }
}
