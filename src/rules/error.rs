//! A problem in a rule file (also read by `build.rs`, which reads the world
//! gazetteer with the library's parser).

use std::fmt;
use std::path::PathBuf;

/// A problem in a rule file, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            return write!(f, "{}: {}", self.file.display(), self.message);
        }
        write!(f, "{}:{}:{}: {}", self.file.display(), self.line, self.col, self.message)
    }
}
