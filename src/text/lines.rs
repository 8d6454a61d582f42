//! `line:col` of byte offsets, for human output: both 1-based, `col` counting
//! characters (code points) from the start of the line.

use std::cell::Cell;

/// Line starts of a text.
#[derive(Clone)]
pub struct Lines {
    starts: Vec<usize>,
    /// (byte offset, its 0-based column) of the last answer: queries come mostly in
    /// text order, so a long line is counted once, not once per query.
    cursor: Cell<(usize, usize)>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Lines { starts, cursor: Cell::new((0, 0)) }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, text: &str, off: usize) -> (usize, usize) {
        let off = off.min(text.len());
        let l = self.starts.partition_point(|&s| s <= off).max(1);
        let ls = self.starts[l - 1];
        let (c_off, c_col) = self.cursor.get();
        let (from, base) = if c_off >= ls && c_off <= off { (c_off, c_col) } else { (ls, 0) };
        let col = base + text.get(from..off).map_or(0, |s| s.chars().count());
        self.cursor.set((off, col));
        (l, col + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::Lines;

    #[test]
    fn columns_count_characters() {
        let t = "ab\nقال x";
        let l = Lines::new(t);
        assert_eq!(l.line_col(t, 0), (1, 1));
        assert_eq!(l.line_col(t, 3), (2, 1));
        let x = t.find('x').unwrap();
        assert_eq!(l.line_col(t, x), (2, 5));
        // out of order queries still work
        assert_eq!(l.line_col(t, 1), (1, 2));
    }
}
