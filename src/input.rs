//! Reading articles: plain text or Markdown, with optional YAML front matter.
//! Offsets always count from the file's first byte, front matter included.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Default, serde::Serialize, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
}

impl Meta {
    /// Fill what this metadata does not say from `defaults`.
    pub fn fill_from(&mut self, defaults: &Meta) {
        for (mine, theirs) in [
            (&mut self.title, &defaults.title),
            (&mut self.outlet, &defaults.outlet),
            (&mut self.date, &defaults.date),
            (&mut self.url, &defaults.url),
            (&mut self.lang, &defaults.lang),
        ] {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct Article {
    pub path: String,
    /// The whole file.
    pub text: String,
    /// Where the article body starts (after front matter).
    pub body_start: usize,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    NotFound,
    IsDir,
    Empty,
    /// Front matter and nothing after it.
    NoBody,
    /// A JSON Lines record with no text field.
    NoText,
    Binary,
    BadUtf8 {
        offset: usize,
    },
    FrontMatter {
        line: usize,
        message: String,
    },
    Io(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound => write!(f, "no such file"),
            InputError::IsDir => write!(f, "is a directory (audit takes files)"),
            InputError::Empty => write!(f, "empty file"),
            InputError::NoBody => write!(f, "no article text after the front matter"),
            InputError::NoText => write!(f, "the record has no text (give one of text, content or body)"),
            InputError::Binary => write!(f, "binary file (found a NUL byte)"),
            InputError::BadUtf8 { offset } => write!(f, "invalid UTF-8 at byte {offset}"),
            InputError::FrontMatter { line, message } => write!(f, "line {line}: bad front matter: {message}"),
            InputError::Io(e) => write!(f, "{e}"),
        }
    }
}

#[derive(Deserialize, Default)]
struct FrontMatter {
    title: Option<serde_yaml::Value>,
    outlet: Option<serde_yaml::Value>,
    date: Option<serde_yaml::Value>,
    url: Option<serde_yaml::Value>,
    lang: Option<serde_yaml::Value>,
}

fn scalar(v: Option<serde_yaml::Value>) -> Option<String> {
    match v? {
        serde_yaml::Value::String(s) => Some(s),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub fn read_file(path: &Path) -> Result<Article, InputError> {
    use std::io::Read;
    // open, reads, close: a buffer larger than most articles takes a whole
    // one in a read (a second says it ended), and a folder is told by the
    // read's error. Only a file that fills it is asked its size, so a large
    // one is read into one buffer, not grown by copies that stay resident.
    // System calls count over thousands of small files.
    const FIRST: u64 = 64 << 10;
    let mut f = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound,
        _ => InputError::Io(e.to_string()),
    })?;
    let read_err = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::IsADirectory => InputError::IsDir,
        _ => InputError::Io(e.to_string()),
    };
    let mut bytes = Vec::with_capacity(FIRST as usize);
    // through `take`: File's own read_to_end stats and seeks for the size
    (&mut f).take(FIRST).read_to_end(&mut bytes).map_err(read_err)?;
    if bytes.len() as u64 == FIRST {
        let size = f.metadata().map_or(0, |m| m.len());
        bytes.reserve_exact(usize::try_from(size.saturating_sub(FIRST)).unwrap_or(0).saturating_add(1));
        f.take(u64::MAX).read_to_end(&mut bytes).map_err(read_err)?;
    }
    parse_bytes(path.display().to_string(), bytes)
}

/// The bytes as text, checked with SIMD (several times std's speed on Arabic);
/// std finds where bad bytes start.
fn utf8(bytes: Vec<u8>) -> Result<String, InputError> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        let offset = std::str::from_utf8(&bytes).err().map_or(0, |e| e.valid_up_to());
        return Err(InputError::BadUtf8 { offset });
    }
    // SAFETY: simdutf8 has just checked that the bytes are UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Check and split an article given as bytes.
pub fn parse_bytes(path: String, bytes: Vec<u8>) -> Result<Article, InputError> {
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Err(InputError::Binary);
    }
    let text = utf8(bytes)?;
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    let (meta, body_start) = front_matter(&text)?;
    if text[body_start..].trim().is_empty() {
        return Err(InputError::NoBody);
    }
    Ok(Article { path, text, body_start, meta })
}

fn front_matter(text: &str) -> Result<(Meta, usize), InputError> {
    let t = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let bom = text.len() - t.len();
    let first = t.split_inclusive('\n').next().unwrap_or("");
    if first.trim_end() != "---" {
        return Ok((Meta::default(), 0));
    }
    let mut pos = bom + first.len();
    let yaml_start = pos;
    for line in text[pos..].split_inclusive('\n') {
        let l = line.trim_end();
        if l == "---" || l == "..." {
            let yaml = &text[yaml_start..pos];
            let fm: FrontMatter = if yaml.trim().is_empty() {
                FrontMatter::default()
            } else {
                serde_yaml::from_str(yaml).map_err(|e| {
                    let line = e.location().map_or(0, |l| l.line()) + 1;
                    let msg = e.to_string();
                    InputError::FrontMatter { line, message: msg.split(" at line ").next().unwrap_or(&msg).to_string() }
                })?
            };
            let meta = Meta { title: scalar(fm.title), outlet: scalar(fm.outlet), date: scalar(fm.date), url: scalar(fm.url), lang: scalar(fm.lang) };
            return Ok((meta, pos + line.len()));
        }
        pos += line.len();
    }
    // an opening rule with no closing one is article text
    Ok((Meta::default(), 0))
}

/// An article from one JSON Lines record, with the common field names:
/// `text`/`content`/`body`, `title`, `date`/`published`, `outlet`/`source`,
/// `url`, `lang`. `path` names the file and line for messages.
pub fn from_json(path: String, v: &serde_json::Value) -> Result<Article, InputError> {
    let get = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            v.get(*k).and_then(|x| match x {
                serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
        })
    };
    let text = get(&["text", "content", "body", "article_content"]).ok_or(InputError::NoText)?;
    let meta = Meta {
        title: get(&["title", "headline", "article_title"]),
        outlet: get(&["outlet", "source", "publisher"]),
        date: get(&["date", "published", "published_at", "date_extracted"]),
        url: get(&["url", "link"]),
        lang: get(&["lang", "language"]),
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(Article { path, text, body_start: 0, meta })
}

/// Expand files, folders and JSON Lines into articles, lazily (memory stays flat
/// however large the input). `-` reads standard input. A folder is read
/// recursively for `*.txt`, `*.md` and `*.jsonl`.
pub fn expand(inputs: &[PathBuf]) -> impl Iterator<Item = Result<Article, String>> + Send + '_ {
    expand_matching(inputs, None)
}

/// [`expand`], taking from folders only the files whose path below the folder
/// `only` matches.
pub fn expand_matching<'i>(inputs: &'i [PathBuf], only: Option<&'i globset::GlobSet>) -> impl Iterator<Item = Result<Article, String>> + Send + 'i {
    inputs.iter().flat_map(move |p| -> Box<dyn Iterator<Item = Result<Article, String>> + Send> {
        if p.as_os_str() == "-" {
            return Box::new(std::iter::once(read_stdin().map_err(|e| format!("-: {e}"))));
        }
        if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files);
            if let Some(g) = only {
                files.retain(|f| f.strip_prefix(p).is_ok_and(|rel| g.is_match(rel)));
            }
            files.sort();
            return Box::new(files.into_iter().flat_map(file_items));
        }
        file_items(p.clone())
    })
}

/// How many articles `inputs` hold, when that is known without reading them:
/// files and folders of files; JSON Lines and standard input make it unknown.
pub fn count_articles(inputs: &[PathBuf]) -> Option<usize> {
    let mut n = 0;
    for p in inputs {
        if p.as_os_str() == "-" {
            return None;
        }
        let mut files = Vec::new();
        if p.is_dir() {
            walk(p, &mut files);
        } else {
            files.push(p.clone());
        }
        if files.iter().any(|f| f.extension().is_some_and(|x| x == "jsonl")) {
            return None;
        }
        n += files.len();
    }
    Some(n)
}

/// Standard input as one article.
pub fn read_stdin() -> Result<Article, InputError> {
    let mut buf = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map_err(|e| InputError::Io(e.to_string()))?;
    parse_bytes("-".into(), buf)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        // notes beside the articles are not articles: README, COVERAGE, LICENSE, dot-files
        let name = e.file_name().to_string_lossy().to_uppercase();
        if name.starts_with('.') || ["README", "COVERAGE", "LICENSE"].iter().any(|n| name.starts_with(n)) {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| matches!(x.to_str(), Some("txt" | "md" | "markdown" | "jsonl"))) {
            out.push(p);
        }
    }
}

fn file_items(p: PathBuf) -> Box<dyn Iterator<Item = Result<Article, String>> + Send> {
    if p.extension().is_some_and(|x| x == "jsonl") {
        let f = match std::fs::File::open(&p) {
            Ok(f) => f,
            Err(e) => return Box::new(std::iter::once(Err(format!("{}: {e}", p.display())))),
        };
        let name = p.display().to_string();
        return Box::new(std::io::BufRead::lines(std::io::BufReader::new(f)).enumerate().filter_map(move |(i, line)| {
            let line = match line {
                Ok(l) => l,
                Err(e) => return Some(Err(format!("{name}:{}: {e}", i + 1))),
            };
            if line.trim().is_empty() {
                return None;
            }
            Some(match serde_json::from_str::<serde_json::Value>(&line) {
                Ok(v) => from_json(format!("{name}:{}", i + 1), &v).map_err(|e| format!("{name}:{}: {e}", i + 1)),
                Err(e) => Err(format!("{name}:{}: not JSON: {e}", i + 1)),
            })
        }));
    }
    Box::new(std::iter::once(read_file(&p).map_err(|e| format!("{}: {e}", p.display()))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_whole_at_any_size() {
        let dir = std::env::temp_dir().join(format!("isnad-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // around the first buffer's size, and well past it
        for n in [1, 65_535, 65_536, 65_537, 200_001] {
            // n bytes: Arabic, then ASCII to the exact length
            let mut text: String = "قال المتحدث. ".chars().cycle().take(n / 4).collect();
            while text.len() < n {
                text.push('x');
            }
            let p = dir.join(format!("{n}.txt"));
            std::fs::write(&p, &text).unwrap();
            assert_eq!(read_file(&p).unwrap().text, text, "{n} bytes");
        }
        assert!(matches!(read_file(&dir), Err(InputError::IsDir)));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn front_matter_is_metadata() {
        let a = parse_bytes("x.md".into(), b"---\ntitle: T\ndate: 2025-07-23\n---\nBody.".to_vec()).unwrap();
        assert_eq!(a.meta.title.as_deref(), Some("T"));
        assert_eq!(a.meta.date.as_deref(), Some("2025-07-23"));
        assert_eq!(&a.text[a.body_start..], "Body.");
    }

    #[test]
    fn bad_inputs() {
        assert_eq!(parse_bytes("x".into(), vec![]).unwrap_err(), InputError::Empty);
        assert_eq!(parse_bytes("x".into(), b"---\ntitle: t\n---\n\n".to_vec()).unwrap_err(), InputError::NoBody);
        assert_eq!(parse_bytes("x".into(), b"a\0b".to_vec()).unwrap_err(), InputError::Binary);
        assert_eq!(parse_bytes("x".into(), b"ab\xffcd".to_vec()).unwrap_err(), InputError::BadUtf8 { offset: 2 });
        // past the first SIMD block, a truncated Arabic letter, a surrogate, an overlong form
        let mut long = "قال المتحدث ".repeat(40).into_bytes();
        let at = long.len();
        for bad in [&b"\xd9"[..], b"\xed\xa0\x80", b"\xc0\xaf"] {
            let mut t = long.clone();
            t.extend_from_slice(bad);
            assert_eq!(parse_bytes("x".into(), t).unwrap_err(), InputError::BadUtf8 { offset: at }, "{bad:?}");
        }
        long.extend_from_slice("بيان".as_bytes());
        assert!(parse_bytes("x".into(), long).is_ok());
    }
}
