//! The world gazetteer: GeoNames countries, first-level regions and every place
//! of 1,000 people or more (`rules/gazetteer.tsv`, made by
//! `scripts/gen-gazetteer.py`). Looked up by name, a word n-gram at a time, in
//! one sorted table of hashes: 267,000 names would make the matcher's index
//! slow to build and large to keep.
//!
//! Ids: countries are the lower-case ISO code (`sy`, as in `places.yaml`),
//! regions GeoNames' `SY.09`, towns GeoNames' number.

use super::{Morphology, PlaceKind, RuleError};
use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorldPlace {
    id: (u32, u32),
    name: (u32, u32),
    pub kind: PlaceKind,
    /// Index of the parent place (a region, or the country).
    pub parent: Option<u32>,
    pub population: u64,
}

/// A name's reading: the place, and whether the name is one of its main names
/// (English or Arabic) rather than a foreign or old spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameOf {
    pub place: u32,
    pub main: bool,
}

/// Names are kept as 64-bit hashes of their lookup keys, sorted: no string is
/// allocated per name. The arrays are read where they lie, in the bytes
/// `build.rs` wrote into the binary: nothing is decoded or copied at start
/// (decoding them into vectors was half of a run's start). Two keys sharing a
/// hash would only add a wrong reading to a lookup.
#[derive(Default, PartialEq)]
pub struct World {
    text: std::borrow::Cow<'static, str>,
    /// What [`World::to_bytes`] wrote; the spans below are in it.
    blob: std::borrow::Cow<'static, [u8]>,
    /// The most words in a name.
    pub max_words: usize,
    /// Places, 32 bytes each (see `to_bytes`).
    places: Span,
    /// (name hash, place | MAIN), 12 bytes each, sorted.
    names: Span,
    /// (id hash, place), 12 bytes each, sorted.
    by_id: Span,
    /// Where the names of each top-bits hash bucket start (u32): a lookup
    /// reads one short run instead of searching 267,000 names.
    buckets: Span,
    /// Hashes of the first words of names of more than one word, sorted (u64).
    heads: Span,
    /// Where each bucket of `heads` (by the top [`HEAD_BUCKET_BITS`] of the
    /// hash) starts: a first word is found in one or two cache lines, not by
    /// a binary search.
    head_buckets: Span,
    /// The same for `by_id` ([`ID_BUCKET_BITS`]): a place is found by its id
    /// in a cache line or two.
    id_buckets: Span,
    /// One bit per hash bucket of the names, of the heads, and of the first
    /// words of names longer than them ("ras al" of "ras al ain"), u64 words.
    seen: Span,
    seen_heads: Span,
    seen_prefixes: Span,
    /// Country ids are lower case; the file's are upper case.
    lower_ids: Vec<(u32, String)>,
    /// The names and heads, and the heads, as small Bloom filters that stay in
    /// cache (built at build time, copied on load): most words are no name,
    /// and these say so before the large sets are read.
    any_small: Vec<u64>,
    heads_small: Vec<u64>,
}

impl std::fmt::Debug for World {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "World {{ {} places, {} names }}", self.places.n, self.names.n)
    }
}

/// An array in the bytes: its offset and length in records.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Span {
    at: usize,
    n: usize,
}

/// The gazetteer as it is parsed, before it is written as bytes.
#[derive(Debug, Default)]
struct Parts {
    text: std::borrow::Cow<'static, str>,
    places: Vec<WorldPlace>,
    names: Vec<(u64, u32)>,
    buckets: Vec<u32>,
    heads: Vec<u64>,
    max_words: usize,
    by_id: Vec<(u64, u32)>,
    lower_ids: Vec<(u32, String)>,
    seen: Vec<u64>,
    seen_heads: Vec<u64>,
    seen_prefixes: Vec<u64>,
}

const SEEN_BITS: u32 = 22;
/// The small sets: 256 KiB and 32 KiB, three bits of one word per hash (a
/// blocked Bloom filter): about one word in thirty that is no name passes the
/// first, where one in five passed a one-bit set of 128 KiB. The large sets,
/// asked next, cost a cache miss each.
const ANY_SMALL_BITS: u32 = 21;
const HEADS_SMALL_BITS: u32 = 18;

/// The word and the three bits of `h` in a small set of `2^bits` bits. The
/// hash is mixed again: the large sets and the buckets use its top bits, and
/// the two filters should miss independently.
#[inline]
fn small_bits(h: u64, bits: u32) -> (usize, u64) {
    let g = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let word = (g >> (64 - (bits - 6))) as usize;
    let mask = 1u64 << (g >> 20 & 63) | 1u64 << (g >> 26 & 63) | 1u64 << (g >> 32 & 63);
    (word, mask)
}

/// Could `h` be in the small set? (false: surely not)
#[inline]
fn marked_small(set: &[u64], h: u64, bits: u32) -> bool {
    let (w, m) = small_bits(h, bits);
    set.get(w).is_some_and(|x| x & m == m)
}

/// A small set of `2^bits` bits holding `hashes`.
fn small_set<'h>(hashes: impl Iterator<Item = &'h u64>, bits: u32) -> Vec<u64> {
    let mut out = vec![0u64; (1usize << bits) / 64];
    for &h in hashes {
        let (w, m) = small_bits(h, bits);
        if let Some(x) = out.get_mut(w) {
            *x |= m;
        }
    }
    out
}
const BUCKET_BITS: u32 = 18;
const HEAD_BUCKET_BITS: u32 = 13;
const ID_BUCKET_BITS: u32 = 16;

/// Where each bucket of sorted hashes (by their top `bits`) starts, and one
/// past the last.
fn bucket_starts(sorted: impl Iterator<Item = u64>, bits: u32) -> Vec<u32> {
    let mut starts = vec![0u32; (1 << bits) + 1];
    for h in sorted {
        starts[(h >> (64 - bits)) as usize + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    starts
}

fn bit(h: u64) -> (usize, u64) {
    let b = (h >> (64 - SEEN_BITS)) as usize;
    (b / 64, 1u64 << (b % 64))
}

fn mark(set: &mut Vec<u64>, h: u64) {
    if set.is_empty() {
        *set = vec![0; (1 << SEEN_BITS) / 64];
    }
    let (i, m) = bit(h);
    set[i] |= m;
}

const MAIN: u32 = 1 << 31;

/// A town this big may be named without a frame («في مدينة»).
pub const WELL_KNOWN: u64 = 100_000;

fn hash(s: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(s.as_bytes());
    // a second mix: FxHash alone clusters on short keys
    h.finish().wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29)
}

/// A lookup key, hashed: a word asked several questions is hashed once.
#[derive(Debug, Clone, Copy)]
pub struct Key(u64);

impl Key {
    pub fn of(s: &str) -> Key {
        Key(hash(s))
    }
}

impl World {
    /// Read the TSV. `ar` gives the article that a lookup key drops from an
    /// Arabic name's first word («الحديدة» is found in «بالحديدة» as «حديدة»).
    pub fn parse(path: &std::path::Path, source: std::borrow::Cow<'static, str>, ar: &Morphology) -> Result<World, Vec<RuleError>> {
        let parts = Parts::parse(path, source.clone(), ar)?;
        let err = || vec![RuleError { file: path.to_path_buf(), line: 0, col: 0, message: "the gazetteer does not index".into() }];
        World::from_bytes(source, std::borrow::Cow::Owned(parts.to_bytes())).ok_or_else(err)
    }
}

impl Parts {
    fn parse(path: &std::path::Path, source: std::borrow::Cow<'static, str>, ar: &Morphology) -> Result<Parts, Vec<RuleError>> {
        let text: &str = &source;
        // sized up front: growing vectors of this size page-faults more than parsing costs
        let lines = text.bytes().filter(|&b| b == b'\n').count();
        let names = lines + text.bytes().filter(|&b| b == b'|').count() + lines / 2;
        let mut w = Parts {
            places: Vec::with_capacity(lines),
            names: Vec::with_capacity(names),
            by_id: Vec::with_capacity(lines),
            // spans are offsets into this (the same bytes as `text` below)
            text: source.clone(),
            ..Default::default()
        };

        let mut errs = Vec::new();
        // (place, line, the parent id's offset and length)
        let mut parents: Vec<(u32, usize, (u32, u32))> = Vec::new();
        let err = |line: usize, col: usize, message: String| RuleError { file: path.to_path_buf(), line, col, message };
        let mut key = String::new();
        let mut heads = Vec::new();
        let base = text.as_ptr() as usize;
        let span = |s: &str| ((s.as_ptr() as usize - base) as u32, s.len() as u32);
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut it = line.split('\t');
            let cols: [&str; 7] = std::array::from_fn(|_| it.next().unwrap_or("\u{0}"));
            if cols.contains(&"\u{0}") || it.next().is_some() {
                errs.push(err(
                    n + 1,
                    1,
                    format!("expected 7 tab-separated columns (id kind parent population name ar alt), found {}", line.split('\t').count()),
                ));
                continue;
            }
            let col = |k: usize| cols[..k].iter().map(|c| c.chars().count() + 1).sum::<usize>() + 1;
            let kind = match cols[1] {
                "country" => PlaceKind::Country,
                "region" => PlaceKind::Governorate,
                "city" => PlaceKind::City,
                k => {
                    errs.push(err(n + 1, col(1), format!("unknown place kind \"{k}\" (country, region or city)")));
                    continue;
                }
            };
            let Ok(population) = cols[3].parse::<u64>() else {
                errs.push(err(n + 1, col(3), format!("population \"{}\" is not a whole number", cols[3])));
                continue;
            };
            let i = w.places.len() as u32;
            let id = if kind == PlaceKind::Country {
                w.lower_ids.push((i, cols[0].to_lowercase()));
                hash(&cols[0].to_lowercase())
            } else {
                hash(cols[0])
            };
            w.by_id.push((id, i));
            if !cols[2].is_empty() {
                parents.push((i, n + 1, span(cols[2])));
            }
            let first_ar = cols[5].split('|').find(|s| !s.is_empty());
            let name = if !cols[4].is_empty() { cols[4] } else { first_ar.unwrap_or(cols[0]) };
            w.places.push(WorldPlace { id: span(cols[0]), name: span(name), kind, parent: None, population });
            let main = std::iter::once(cols[4]).chain(cols[5].split('|')).filter(|s| !s.is_empty()).map(|s| (s, true));
            let alt = cols[6].split('|').filter(|s| !s.is_empty()).map(|s| (s, false));
            for (s, main) in main.chain(alt) {
                key.clear();
                key_into(s, ar, &mut key);
                if key.is_empty() {
                    continue;
                }
                let words = key.split(' ').count();
                if words > 1 {
                    heads.push(hash(key.split(' ').next().unwrap_or_default()));
                    for (i, _) in key.match_indices(' ').skip(1) {
                        mark(&mut w.seen_prefixes, hash(&key[..i]));
                    }
                }
                w.max_words = w.max_words.max(words);
                w.names.push((hash(&key), i | if main { MAIN } else { 0 }));
            }
        }
        w.by_id.sort_unstable();
        if let Some(d) = w.by_id.windows(2).find(|p| p[0].0 == p[1].0) {
            errs.push(err(0, 0, format!("duplicate place id \"{}\"", w.id(d[1].1))));
        }
        // a town's neighbours in the file mostly share its parent
        let mut last: Option<(&str, u32)> = None;
        for (i, line, (off, len)) in parents {
            let p = &text[off as usize..(off + len) as usize];
            let found = match last {
                Some((q, j)) if q == p => Some(j),
                _ => w.get(&if p.contains('.') { p.to_string() } else { p.to_lowercase() }),
            };
            match found {
                Some(j) => {
                    w.places[i as usize].parent = Some(j);
                    last = Some((p, j));
                }
                None => errs.push(err(line, 1, format!("unknown parent place \"{p}\""))),
            }
        }
        // one reading per place and name: a name listed twice (main and alt) keeps main
        w.names.sort_unstable_by_key(|&(h, x)| (h, x & !MAIN, std::cmp::Reverse(x & MAIN)));
        w.names.dedup_by_key(|&mut (h, x)| (h, x & !MAIN));
        heads.sort_unstable();
        heads.dedup();
        for &(h, _) in &w.names {
            mark(&mut w.seen, h);
        }
        w.buckets = bucket_starts(w.names.iter().map(|x| x.0), BUCKET_BITS);
        for &h in &heads {
            mark(&mut w.seen_heads, h);
        }
        w.heads = heads;
        if errs.is_empty() {
            Ok(w)
        } else {
            Err(errs)
        }
    }

    /// The id of place `i` while parsing (for messages, and to find parents).
    fn id(&self, i: u32) -> &str {
        let p = &self.places[i as usize];
        if p.kind == PlaceKind::Country {
            if let Ok(k) = self.lower_ids.binary_search_by_key(&i, |x| x.0) {
                return &self.lower_ids[k].1;
            }
        }
        &self.text[p.id.0 as usize..(p.id.0 + p.id.1) as usize]
    }

    fn get(&self, id: &str) -> Option<u32> {
        let h = hash(id);
        let from = self.by_id.partition_point(|x| x.0 < h);
        self.by_id[from..].iter().take_while(|x| x.0 == h).map(|x| x.1).find(|&i| self.id(i) == id)
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(16 << 20);
        b.extend_from_slice(MAGIC);
        let n = |b: &mut Vec<u8>, x: usize| b.extend_from_slice(&(x as u64).to_le_bytes());
        // the hashes are FxHash's, which differ with the width of usize
        b.extend_from_slice(&hash(MAGIC_KEY).to_le_bytes());
        n(&mut b, self.text.len());
        n(&mut b, self.max_words);
        n(&mut b, self.places.len());
        for p in &self.places {
            for x in [p.id.0, p.id.1, p.name.0, p.name.1, p.parent.unwrap_or(u32::MAX), kind_code(p.kind)] {
                b.extend_from_slice(&x.to_le_bytes());
            }
            b.extend_from_slice(&p.population.to_le_bytes());
        }
        for pairs in [&self.names, &self.by_id] {
            n(&mut b, pairs.len());
            for (h, i) in pairs.iter() {
                b.extend_from_slice(&h.to_le_bytes());
                b.extend_from_slice(&i.to_le_bytes());
            }
        }
        n(&mut b, self.buckets.len());
        for x in &self.buckets {
            b.extend_from_slice(&x.to_le_bytes());
        }
        // the small sets and the buckets are built here, at build time, not at
        // each start
        let any_small = small_set(self.names.iter().map(|(h, _)| h).chain(&self.heads), ANY_SMALL_BITS);
        let heads_small = small_set(self.heads.iter(), HEADS_SMALL_BITS);
        for v in [&self.heads, &self.seen, &self.seen_heads, &self.seen_prefixes, &any_small, &heads_small] {
            n(&mut b, v.len());
            for x in v.iter() {
                b.extend_from_slice(&x.to_le_bytes());
            }
        }
        let head_buckets = bucket_starts(self.heads.iter().copied(), HEAD_BUCKET_BITS);
        let id_buckets = bucket_starts(self.by_id.iter().map(|x| x.0), ID_BUCKET_BITS);
        for v in [&head_buckets, &id_buckets] {
            n(&mut b, v.len());
            for x in v {
                b.extend_from_slice(&x.to_le_bytes());
            }
        }
        n(&mut b, self.lower_ids.len());
        for (i, id) in &self.lower_ids {
            b.extend_from_slice(&i.to_le_bytes());
            n(&mut b, id.len());
            b.extend_from_slice(id.as_bytes());
        }
        b
    }
}

impl World {
    /// The gazetteer as bytes: `build.rs` reads the built-in TSV at compile time
    /// and the binary reads it in place ([`World::from_bytes`]).
    #[doc(hidden)]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.blob.to_vec()
    }

    /// The gazetteer [`World::to_bytes`] wrote from `text`; `None` when the bytes
    /// are not of this text or this machine's hashes (then it is parsed), or
    /// when an array does not have the size the format gives it.
    pub fn from_bytes(text: std::borrow::Cow<'static, str>, blob: std::borrow::Cow<'static, [u8]>) -> Option<World> {
        let mut r = Reader { b: &blob, at: 0 };
        if r.take(MAGIC.len())? != MAGIC || r.u64()? != hash(MAGIC_KEY) || r.n()? != text.len() {
            return None;
        }
        let max_words = r.n()?;
        let places = r.span(32)?;
        let (names, by_id, buckets) = (r.span(12)?, r.span(12)?, r.span(4)?);
        let (heads, seen, seen_heads, seen_prefixes) = (r.span(8)?, r.span(8)?, r.span(8)?, r.span(8)?);
        let (any_small, heads_small) = (r.span(8)?, r.span(8)?);
        let (head_buckets, id_buckets) = (r.span(4)?, r.span(4)?);
        let lower_ids = (0..r.n()?)
            .map(|_| {
                let i = r.u32()?;
                let len = r.n()?;
                Some((i, String::from_utf8(r.take(len)?.to_vec()).ok()?))
            })
            .collect::<Option<Vec<_>>>()?;
        let all_read = r.at == blob.len();
        let mut w = World {
            text,
            blob,
            max_words,
            places,
            names,
            by_id,
            buckets,
            heads,
            head_buckets,
            id_buckets,
            seen,
            seen_heads,
            seen_prefixes,
            lower_ids,
            any_small: Vec::new(),
            heads_small: Vec::new(),
        };
        w.any_small = (0..any_small.n).map(|i| w.word_of(any_small, i)).collect();
        w.heads_small = (0..heads_small.n).map(|i| w.word_of(heads_small, i)).collect();
        w.whole(all_read).then_some(w)
    }

    fn u32_at(&self, at: usize) -> u32 {
        self.blob.get(at..at + 4).map_or(0, |x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
    }

    fn u64_at(&self, at: usize) -> u64 {
        self.blob.get(at..at + 8).map_or(0, |x| u64::from_le_bytes([x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]]))
    }

    /// Word `i` of a bit set or of `heads`.
    fn word_of(&self, s: Span, i: usize) -> u64 {
        if i < s.n {
            self.u64_at(s.at + i * 8)
        } else {
            0
        }
    }

    /// (hash, value) record `k` of `names` or `by_id`.
    fn pair(&self, s: Span, k: usize) -> (u64, u32) {
        let at = s.at + k * 12;
        (self.u64_at(at), self.u32_at(at + 8))
    }

    /// The records of the bucket of `h` in sorted hashes whose bucket starts
    /// ([`bucket_starts`] of `bits`) are `starts`.
    fn bucket_of(&self, starts: Span, bits: u32, h: u64) -> std::ops::Range<usize> {
        let at = starts.at + (h >> (64 - bits)) as usize * 4;
        self.u32_at(at) as usize..self.u32_at(at + 4) as usize
    }

    fn marked_in(&self, s: Span, h: u64) -> bool {
        let (i, m) = bit(h);
        self.word_of(s, i) & m != 0
    }

    /// The first of `n` sorted records whose key is not below `h` (the
    /// buckets' reference in tests).
    #[cfg(test)]
    fn first_at_least(n: usize, h: u64, key: impl Fn(usize) -> u64) -> usize {
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if key(mid) < h {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Place `i`.
    pub fn place(&self, i: u32) -> WorldPlace {
        let at = self.places.at + i as usize * 32;
        let kind = match self.u32_at(at + 20) {
            0 => PlaceKind::Country,
            1 => PlaceKind::Governorate,
            _ => PlaceKind::City,
        };
        let parent = self.u32_at(at + 16);
        WorldPlace {
            id: (self.u32_at(at), self.u32_at(at + 4)),
            name: (self.u32_at(at + 8), self.u32_at(at + 12)),
            kind,
            parent: (parent != u32::MAX).then_some(parent),
            population: self.u64_at(at + 24),
        }
    }

    /// The arrays have the sizes the format gives them. Records are not
    /// checked one by one: every read is bounds-checked (a bad index reads
    /// nothing), and the built-in bytes are tested against a fresh parse
    /// (`the_world_index_built_at_compile_time_is_the_parsed_gazetteer`).
    fn whole(&self, all_read: bool) -> bool {
        let bits = |s: Span| s.n == 0 || s.n == (1 << SEEN_BITS) / 64;
        all_read
            && self.lower_ids.iter().all(|&(x, _)| (x as usize) < self.places.n)
            && self.buckets.n == (1 << BUCKET_BITS) + 1
            && self.u32_at(self.buckets.at + (self.buckets.n - 1) * 4) as usize == self.names.n
            && bits(self.seen)
            && bits(self.seen_heads)
            && bits(self.seen_prefixes)
            && self.any_small.len() == (1 << ANY_SMALL_BITS) / 64
            && self.heads_small.len() == (1 << HEADS_SMALL_BITS) / 64
            && self.head_buckets.n == (1 << HEAD_BUCKET_BITS) + 1
            && self.u32_at(self.head_buckets.at + (self.head_buckets.n - 1) * 4) as usize == self.heads.n
            && self.id_buckets.n == (1 << ID_BUCKET_BITS) + 1
            && self.u32_at(self.id_buckets.at + (self.id_buckets.n - 1) * 4) as usize == self.by_id.n
    }

    /// The places a lookup key names (see [`key_of`]).
    pub fn lookup(&self, key: &str) -> Vec<NameOf> {
        self.lookup_key(Key::of(key))
    }

    /// [`World::lookup`] of a key hashed once for several questions.
    pub fn lookup_key(&self, Key(h): Key) -> Vec<NameOf> {
        // past the small set, the bucket answers in the cache miss the large
        // set would cost
        if !marked_small(&self.any_small, h, ANY_SMALL_BITS) {
            return Vec::new();
        }
        self.bucket_of(self.buckets, BUCKET_BITS, h)
            .map(|k| self.pair(self.names, k))
            .skip_while(|x| x.0 < h)
            .take_while(|x| x.0 == h)
            .map(|(_, x)| NameOf { place: x & !MAIN, main: x & MAIN != 0 })
            .collect()
    }

    /// Could `word` be a name, or the first word of one? (false: surely not)
    pub fn maybe(&self, word: &str) -> bool {
        self.maybe_key(Key::of(word))
    }

    pub fn maybe_key(&self, Key(h): Key) -> bool {
        marked_small(&self.any_small, h, ANY_SMALL_BITS) && (self.marked_in(self.seen, h) || self.marked_in(self.seen_heads, h))
    }

    /// Could `word` be the first word of a name of several words? (false: surely not)
    pub fn maybe_head(&self, word: &str) -> bool {
        self.maybe_head_key(Key::of(word))
    }

    pub fn maybe_head_key(&self, Key(h): Key) -> bool {
        marked_small(&self.heads_small, h, HEADS_SMALL_BITS) && self.marked_in(self.seen_heads, h)
    }

    /// Does a name of more words than `key` start with it? (false: surely not)
    pub fn is_prefix(&self, key: &str) -> bool {
        self.marked_in(self.seen_prefixes, hash(key))
    }

    /// Is `word` the first word of a name of several words?
    pub fn is_head(&self, word: &str) -> bool {
        self.is_head_key(Key::of(word))
    }

    pub fn is_head_key(&self, Key(h): Key) -> bool {
        // the bucket settles it: the large set would cost a cache miss more
        if !marked_small(&self.heads_small, h, HEADS_SMALL_BITS) {
            return false;
        }
        self.bucket_of(self.head_buckets, HEAD_BUCKET_BITS, h).any(|k| self.word_of(self.heads, k) == h)
    }

    pub fn get(&self, id: &str) -> Option<u32> {
        let h = hash(id);
        self.bucket_of(self.id_buckets, ID_BUCKET_BITS, h).map(|k| self.pair(self.by_id, k)).filter(|x| x.0 == h).map(|x| x.1).find(|&i| self.id(i) == id)
    }

    /// A country, a region, or a town of at least [`WELL_KNOWN`] people.
    pub fn well_known(&self, i: u32) -> bool {
        let p = self.place(i);
        p.kind != PlaceKind::City || p.population >= WELL_KNOWN
    }

    /// A place's id: the lower-case ISO code of a country, GeoNames' otherwise.
    pub fn id(&self, i: u32) -> &str {
        let p = self.place(i);
        if p.kind == PlaceKind::Country {
            if let Ok(k) = self.lower_ids.binary_search_by_key(&i, |x| x.0) {
                return &self.lower_ids[k].1;
            }
        }
        self.text.get(p.id.0 as usize..(p.id.0 + p.id.1) as usize).unwrap_or("")
    }

    pub fn name(&self, i: u32) -> &str {
        let p = self.place(i);
        self.text.get(p.name.0 as usize..(p.name.0 + p.name.1) as usize).unwrap_or("")
    }

    /// The country a place lies in (itself for a country).
    pub fn country(&self, mut i: u32) -> u32 {
        for _ in 0..4 {
            match self.place(i).parent {
                Some(p) => i = p,
                None => break,
            }
        }
        i
    }
}

const MAGIC: &[u8] = b"isnad world 5\n";
const MAGIC_KEY: &str = "isnad world";

/// The gazetteer holds countries, regions (read as governorates) and towns.
fn kind_code(k: PlaceKind) -> u32 {
    match k {
        PlaceKind::Country => 0,
        PlaceKind::Governorate => 1,
        _ => 2,
    }
}

struct Reader<'b> {
    b: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let x = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(x)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn n(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }
    /// A count, then that many records of `width` bytes, passed over.
    fn span(&mut self, width: usize) -> Option<Span> {
        let n = self.n()?;
        let at = self.at;
        self.take(n.checked_mul(width)?)?;
        Some(Span { at, n })
    }
}

/// The lookup form of a name: folded, lower case, single spaces, the article
/// dropped from an Arabic first word.
pub fn key_of(name: &str, ar: &Morphology) -> String {
    let mut out = String::new();
    key_into(name, ar, &mut out);
    out
}

fn key_into(name: &str, ar: &Morphology, out: &mut String) {
    // most names are Latin: lower-cased into the buffer, with nothing allocated
    if name.is_ascii() {
        for (k, w) in name.split(|c: char| c.is_ascii_whitespace() || c == '-').filter(|w| !w.is_empty()).enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        }
        return;
    }
    // Arabic has no case: only a name with other letters is lower-cased
    let f = fold(name);
    let f = if f.chars().all(|c| c.is_ascii() || ('\u{0600}'..='\u{06FF}').contains(&c)) { f.to_ascii_lowercase() } else { f.to_lowercase() };
    for (k, w) in f.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).enumerate() {
        if k > 0 {
            out.push(' ');
            out.push_str(w);
        } else {
            out.push_str(if ar.definite(w) { ar.strip(w) } else { w });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_small_sets_hold_every_name_and_answer_most_other_words() {
        let rules = crate::testing::rules();
        let w = rules.world();
        // every name and every first word of a longer name passes: a small set
        // never turns a name away
        assert!(w.names.n > 100_000 && w.heads.n > 10_000, "{} {}", w.names.n, w.heads.n);
        for k in 0..w.names.n {
            let h = w.pair(w.names, k).0;
            assert!(marked_small(&w.any_small, h, ANY_SMALL_BITS) && w.maybe_key(Key(h)) && !w.lookup_key(Key(h)).is_empty());
        }
        for k in 0..w.heads.n {
            let h = w.word_of(w.heads, k);
            assert!(marked_small(&w.any_small, h, ANY_SMALL_BITS) && marked_small(&w.heads_small, h, HEADS_SMALL_BITS));
            assert!(w.maybe_key(Key(h)) && w.maybe_head_key(Key(h)) && w.is_head_key(Key(h)));
        }
        // every place is found by its id, through the id buckets
        for i in 0..w.places.n as u32 {
            assert_eq!(w.get(w.id(i)), Some(i), "{}", w.id(i));
        }
        assert_eq!(w.get("no such place"), None);
        // other words: the small set alone turns most away, and a word let
        // through has passed a large set too
        let mut h: u64 = 0x9E37_79B9_7F4A_7C15;
        let (mut any, mut heads, mut small_no, mut heads_no) = (0, 0, 0, 0);
        let n = 2_000_000;
        for _ in 0..n {
            // a simple mixing sequence covers the top bits evenly
            h = h.wrapping_mul(0xD134_2543_DE82_EF95).wrapping_add(0x2545_F491_4F6C_DD1D);
            let (in_any, in_heads) = (w.marked_in(w.seen, h) || w.marked_in(w.seen_heads, h), w.marked_in(w.seen_heads, h));
            any += usize::from(in_any);
            heads += usize::from(in_heads);
            small_no += usize::from(!marked_small(&w.any_small, h, ANY_SMALL_BITS));
            heads_no += usize::from(!marked_small(&w.heads_small, h, HEADS_SMALL_BITS));
            assert!(!w.maybe_key(Key(h)) || in_any);
            assert!(!w.maybe_head_key(Key(h)) || in_heads);
            // the buckets find what a binary search of the sorted heads finds
            let k = World::first_at_least(w.heads.n, h, |k| w.word_of(w.heads, k));
            assert_eq!(w.is_head_key(Key(h)), k < w.heads.n && w.word_of(w.heads, k) == h);
        }
        assert!(any > 50_000 && heads > 5_000, "{any} {heads}: the large sets hold names");
        assert!(small_no > n / 100 * 95, "{small_no}: the small set answers most words alone");
        assert!(heads_no > n / 100 * 95, "{heads_no}: so does the small set of first words");
        assert!(w.maybe("damascus") && w.maybe_head("ras") && w.is_head("ras"));
    }
}
