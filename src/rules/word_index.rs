//! Rule strings looked up a word at a time. Every prefix of a rule string that
//! ends a word ("the", "the united", "the united nations") is a key, so a
//! place where a word may start costs one hash of that word, and a second
//! word only when some rule string goes on. This is what the matcher does at
//! each word start instead of walking an automaton byte by byte: it reads far
//! less memory.

use crate::text::is_word_char;
use crate::text::script::{arabic_run_end, ascii_run_end, char_at};

/// One key: the rule strings it is, and whether longer ones go on from it.
#[derive(Debug, Default)]
struct Node {
    hash: u64,
    key: Box<[u8]>,
    /// Rule strings equal to the key, in the order they were added.
    ends: Vec<u32>,
    /// Rule strings that are the key and then non-word characters ("U.S.").
    tails: Vec<(Box<[u8]>, u32)>,
    /// Some rule string goes on past the key to another word.
    more: bool,
    /// The key is a word of some word classes: its place in `classes`.
    class: u32,
}

/// What a lookup reads, half a cache line: the key (its first 16 bytes,
/// enough for most words) and, for most keys, all that is known of it. Small
/// slots keep the table in cache: a new article's words are looked up where
/// the last article's were not.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct Slot {
    /// The hash's low 32 bits, odd; 0: empty.
    hash: u32,
    /// The key's length, then [`MORE`] and [`FULL`].
    meta: u32,
    /// With [`FULL`], the node; else the one rule string equal to the key, or
    /// `NONE`.
    data: u32,
    /// The key's word classes, as a place in `classes` (0: none).
    class: u32,
    /// The key's first [`HEAD`] bytes, zero padded, as [`head_words`] reads them.
    head: [u64; 2],
}

const HEAD: usize = 16;
/// Some rule string goes on past the key to another word.
const MORE: u32 = 1 << 30;
/// The node has to be read: several ends, tails, or a key past [`HEAD`] bytes.
const FULL: u32 = 1 << 31;
const LEN: u32 = (1 << 30) - 1;

impl Slot {
    fn len(&self) -> usize {
        (self.meta & LEN) as usize
    }

    fn more(&self) -> bool {
        self.meta & MORE != 0
    }

    fn full(&self) -> bool {
        self.meta & FULL != 0
    }
}

fn short_hash(h: u64) -> u32 {
    h as u32 | 1
}

#[derive(Debug)]
pub struct WordIndex {
    /// Open addressing on the hash.
    slots: Vec<Slot>,
    shift: u32,
    nodes: Vec<Node>,
    /// One bit per hash: most words are no key, and this answers in L1 cache.
    bloom: Vec<u64>,
    /// The same for keys that are a rule string taking an enclitic pronoun:
    /// a word is looked up without its last letters only when one may.
    enclitic_bloom: Vec<u64>,
    /// The longest key and tail, in bytes, with room for an enclitic.
    max_key: usize,
    /// Word classes of keys that are words of some class ([`Slot::class`]).
    classes: Vec<u128>,
}

const NONE: u32 = u32::MAX;

const BLOOM_BITS: u32 = 16;

/// The bytes of `b` (at most eight) as a little-endian number, zero padded.
/// Two overlapping loads, not a byte loop: the compiler makes that a call to
/// memcpy, which showed in profiles at every lookup.
#[inline]
fn load(b: &[u8]) -> u64 {
    let n = b.len();
    let two = |i: usize| u64::from(u16::from_le_bytes([b[i], b[i + 1]]));
    let four = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    match n {
        0 => 0,
        1 => u64::from(b[0]),
        2..=3 => two(0) | two(n - 2) << (8 * (n - 2)),
        4..=7 => four(0) | four(n - 4) << (8 * (n - 4)),
        _ => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
    }
}

/// The multiplier of [`hash`] and [`hash_with_head`].
const K: u64 = 0xf135_7aea_2e62_a9c5;

/// FxHash-style, eight bytes a step.
fn hash(b: &[u8]) -> u64 {
    let mut h = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(26) ^ load(c)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h.rotate_left(26) ^ load(rest)).wrapping_mul(K);
    }
    (h ^ (h >> 29)) | 1
}

/// The first [`HEAD`] bytes of `key`, zero padded, as two numbers: a lookup
/// hashes them and compares them with a slot's head, reading the key once.
#[inline]
fn head_words(key: &[u8]) -> [u64; 2] {
    let eight = |b: &[u8]| u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
    match key.len() {
        0..=8 => [load(key), 0],
        9..=15 => [eight(key), load(&key[8..])],
        _ => [eight(key), eight(&key[8..])],
    }
}

/// [`hash`] of `key`, whose [`head_words`] are `head`.
#[inline]
fn hash_with_head(key: &[u8], head: [u64; 2]) -> u64 {
    let n = key.len();
    let mut h = n as u64;
    if n > 0 {
        h = (h.rotate_left(26) ^ head[0]).wrapping_mul(K);
    }
    if n > 8 {
        h = (h.rotate_left(26) ^ head[1]).wrapping_mul(K);
    }
    if n > HEAD {
        for c in key[HEAD..].chunks(8) {
            h = (h.rotate_left(26) ^ load(c)).wrapping_mul(K);
        }
    }
    (h ^ (h >> 29)) | 1
}

/// The enclitic pronouns a word may end in, with their last bytes marked:
/// most words end in none of them, and one load says so.
#[derive(Debug, Clone)]
pub struct Enclitics {
    list: Vec<Box<[u8]>>,
    /// Each one's bytes as a number ([`load`]), when it has at most eight.
    packed: Vec<Option<u64>>,
    /// By a word's last byte, the enclitics (bit `k` for `list[k]`, the
    /// first 64) that end in it: a word is tested against those alone.
    last: [u64; 256],
}

impl Enclitics {
    pub fn new(list: &[String]) -> Enclitics {
        let list: Vec<Box<[u8]>> = list.iter().filter(|x| !x.is_empty()).map(|x| x.as_bytes().into()).collect();
        let mut last = [0u64; 256];
        for (k, x) in list.iter().enumerate() {
            if let Some(&b) = x.last() {
                // past 64 enclitics, a word ending in their byte tries them all
                last[b as usize] |= if k < 64 { 1 << k } else { u64::MAX };
            }
        }
        let packed = list.iter().map(|x| (x.len() <= 8).then(|| load(x))).collect();
        Enclitics { list, packed, last }
    }

    /// `word`, whose [`Tail`] is `tail`, ends in enclitic `k`, with something
    /// before it.
    #[inline]
    fn cut(&self, k: usize, word: &[u8], tail: Tail) -> bool {
        let x = &self.list[k];
        word.len() > x.len()
            && match self.packed[k] {
                Some(v) if x.len() <= tail.n => tail.last(x.len()) == v,
                _ => ends_with(word, x),
            }
    }
}

/// A word's last bytes (at most eight) as a little-endian number.
#[derive(Debug, Clone, Copy)]
struct Tail {
    bytes: u64,
    n: usize,
}

impl Tail {
    #[inline]
    fn of(word: &[u8]) -> Tail {
        let n = word.len().min(8);
        Tail { bytes: load(&word[word.len() - n..]), n }
    }

    /// The last `k` bytes (`k <= n`), as [`load`] reads them.
    #[inline]
    fn last(self, k: usize) -> u64 {
        self.bytes.checked_shr(8 * (self.n - k) as u32).unwrap_or(0)
    }
}

/// `word` ends in `tail`, compared byte by byte: tails are a few bytes, and a
/// call to memcmp for each showed in profiles.
#[inline]
fn ends_with(word: &[u8], tail: &[u8]) -> bool {
    word.len() >= tail.len() && word[word.len() - tail.len()..].iter().zip(tail).all(|(a, b)| a == b)
}

/// Where each word of `s` ends (after its last word character), in order.
fn word_ends(s: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev = false;
    s.char_indices().map(Some).chain(std::iter::once(None)).filter_map(move |x| {
        let w = x.is_some_and(|(_, c)| is_word_char(c));
        let cut = prev && !w;
        prev = w;
        cut.then(|| x.map_or(s.len(), |(i, _)| i))
    })
}

impl WordIndex {
    /// Index the rule strings that start with a word character; the others
    /// are returned, with their numbers, for a search of their own.
    /// `enclitic[i]`: rule string `i` may take an enclitic pronoun. `words`:
    /// single words and their word classes, which [`WordIndex::find`] gives
    /// for the word it starts at, so a word is hashed once for both.
    pub fn new<'s>(strings: &'s [String], enclitic: &[bool], words: &'s [(String, u128)]) -> (WordIndex, Vec<(u32, &'s str)>) {
        let mut nodes: Vec<Node> = Vec::new();
        let mut by_key: rustc_hash::FxHashMap<&[u8], usize> = rustc_hash::FxHashMap::default();
        let mut rest = Vec::new();
        let mut node = |key: &'s [u8], nodes: &mut Vec<Node>| -> usize {
            *by_key.entry(key).or_insert_with(|| {
                nodes.push(Node { hash: hash(key), key: key.into(), ..Node::default() });
                nodes.len() - 1
            })
        };
        for (pid, s) in strings.iter().enumerate() {
            let pid = pid as u32;
            if !s.chars().next().is_some_and(is_word_char) {
                rest.push((pid, s.as_str()));
                continue;
            }
            let cuts: Vec<usize> = word_ends(s).collect();
            let last = *cuts.last().unwrap_or(&0);
            for &c in &cuts[..cuts.len() - 1] {
                let n = node(&s.as_bytes()[..c], &mut nodes);
                nodes[n].more = true;
            }
            let n = node(&s.as_bytes()[..last], &mut nodes);
            if last == s.len() {
                nodes[n].ends.push(pid);
            } else {
                nodes[n].tails.push((s.as_bytes()[last..].into(), pid));
            }
        }
        // each distinct set of classes once: a few hundred, which stay in cache
        let mut classes = vec![0];
        let mut class_ix: rustc_hash::FxHashMap<u128, u32> = rustc_hash::FxHashMap::default();
        for (w, bits) in words {
            if w.is_empty() || *bits == 0 || !w.chars().all(is_word_char) {
                continue;
            }
            let n = node(w.as_bytes(), &mut nodes);
            nodes[n].class = *class_ix.entry(*bits).or_insert_with(|| {
                classes.push(*bits);
                classes.len() as u32 - 1
            });
        }
        let size = (nodes.len() * 4 / 3 + 1).next_power_of_two().max(16);
        let longest = words.iter().map(|w| w.0.len()).max().unwrap_or(0);
        let max_key = strings.iter().map(String::len).max().unwrap_or(0).max(longest) + 16;
        let mut ix = WordIndex {
            slots: vec![Slot::default(); size],
            shift: 64 - size.trailing_zeros(),
            nodes,
            bloom: vec![0; (1 << BLOOM_BITS) / 64],
            enclitic_bloom: vec![0; (1 << BLOOM_BITS) / 64],
            max_key,
            classes,
        };
        for (n, node) in ix.nodes.iter().enumerate() {
            let mut i = (node.hash >> ix.shift) as usize;
            while ix.slots[i].hash != 0 {
                i = (i + 1) & (size - 1);
            }
            let head = head_words(&node.key);
            let full = node.ends.len() > 1 || !node.tails.is_empty() || node.key.len() > HEAD;
            let data = if full {
                n as u32
            } else if node.ends.len() == 1 {
                node.ends[0]
            } else {
                NONE
            };
            let meta = (node.key.len() as u32).min(LEN) | if node.more { MORE } else { 0 } | if full { FULL } else { 0 };
            ix.slots[i] = Slot { hash: short_hash(node.hash), meta, data, class: node.class, head };
            let b = (node.hash >> (64 - BLOOM_BITS)) as usize;
            ix.bloom[b / 64] |= 1 << (b % 64);
            if node.ends.iter().any(|&p| enclitic.get(p as usize).copied().unwrap_or(true)) {
                ix.enclitic_bloom[b / 64] |= 1 << (b % 64);
            }
        }
        (ix, rest)
    }

    fn get(&self, bloom: &[u64], key: &[u8]) -> Option<&Slot> {
        let head = head_words(key);
        let h = hash_with_head(key, head);
        let b = (h >> (64 - BLOOM_BITS)) as usize;
        if bloom[b / 64] & (1 << (b % 64)) == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        let short = short_hash(h);
        loop {
            let slot = self.slots.get(i)?;
            if slot.hash == 0 {
                return None;
            }
            if slot.hash == short && slot.len() == key.len() && slot.head == head && (key.len() <= HEAD || *self.nodes.get(slot.data as usize)?.key == *key) {
                return Some(slot);
            }
            i = (i + 1) & mask;
        }
    }

    /// Push the ends of `slot`, ending at `e`.
    #[inline]
    fn ends(&self, slot: &Slot, e: usize, found: &mut Vec<(usize, u32)>) {
        if slot.full() {
            if let Some(n) = self.nodes.get(slot.data as usize) {
                found.extend(n.ends.iter().map(|&p| (e, p)));
            }
        } else if slot.data != NONE {
            found.push((e, slot.data));
        }
    }

    /// Every rule string that starts at `s` and ends where a word ends, or
    /// where a word ends but for one of `enclitics` ("ه", "ها"), pushed to
    /// `found` as (end, rule string). `key` is the text as keys are written
    /// (ASCII lower case for a case-blind language); `we` is where the word
    /// at `s` ends. A word longer than any key is not hashed, so a long run
    /// of letters costs nothing more per start. Returns the word classes of
    /// the word `s..we` (0: none).
    ///
    /// This runs at every word start: the one-word case is kept small, and
    /// keys of several words are followed out of line.
    #[inline]
    pub fn find(&self, key: &str, s: usize, we: usize, enclitics: &Enclitics, found: &mut Vec<(usize, u32)>) -> u128 {
        if we - s > self.max_key {
            return 0;
        }
        let Some(n) = self.step(key.as_bytes(), s, we, enclitics, found) else { return 0 };
        if n.more() {
            self.longer(key, s, we, enclitics, found);
        }
        self.classes.get(n.class as usize).copied().unwrap_or(0)
    }

    /// The rule strings ending at `we` (or an enclitic before it): the slot of
    /// `s..we`, when it is a key.
    #[inline]
    fn step(&self, bytes: &[u8], s: usize, we: usize, enclitics: &Enclitics, found: &mut Vec<(usize, u32)>) -> Option<&Slot> {
        let word = &bytes[s..we];
        if word.last().is_some_and(|&b| enclitics.last[b as usize] != 0) {
            self.without_enclitic(word, we, enclitics, found);
        }
        let n = self.get(&self.bloom, word)?;
        self.ends(n, we, found);
        if n.full() {
            for (tail, p) in self.nodes.get(n.data as usize).map_or(&[][..], |n| &n.tails[..]) {
                if bytes[we..].starts_with(tail) {
                    found.push((we + tail.len(), *p));
                }
            }
        }
        Some(n)
    }

    #[inline(never)]
    fn without_enclitic(&self, word: &[u8], we: usize, enclitics: &Enclitics, found: &mut Vec<(usize, u32)>) {
        // the word's last bytes, read once for all the enclitics: almost half
        // of Arabic words end in a letter one of them ends in
        let tail = Tail::of(word);
        let ending = word.last().map_or(0, |&b| enclitics.last[b as usize]);
        for (k, x) in enclitics.list.iter().enumerate() {
            if ending >> k.min(63) & 1 != 0 && enclitics.cut(k, word, tail) {
                if let Some(n) = self.get(&self.enclitic_bloom, &word[..word.len() - x.len()]) {
                    self.ends(n, we - x.len(), found);
                }
            }
        }
    }

    /// Keys of more words than the one at `s..we`: the next word, past the
    /// non-word characters, to its end, within the longest key.
    #[inline(never)]
    fn longer(&self, key: &str, s: usize, mut we: usize, enclitics: &Enclitics, found: &mut Vec<(usize, u32)>) {
        let lim = s + self.max_key;
        let b = key.as_bytes();
        loop {
            let mut i = we;
            while i < b.len() && i <= lim {
                let (c, len) = char_at(key, i);
                if is_word_char(c) {
                    break;
                }
                i += len;
            }
            if i >= b.len() || i > lim {
                return;
            }
            // the word: runs of letters, a character at a time between them;
            // a character that starts within the longest key is taken whole
            loop {
                i = arabic_run_end(b, i, lim + 2);
                i = ascii_run_end(b, i, lim + 1, true);
                if i >= b.len() || i > lim {
                    break;
                }
                let (c, len) = char_at(key, i);
                if !is_word_char(c) {
                    break;
                }
                i += len;
            }
            if i > lim {
                return;
            }
            we = i;
            match self.step(b, s, we, enclitics, found) {
                Some(n) if n.more() => {}
                _ => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_load_is_the_bytes_zero_padded() {
        let b: Vec<u8> = (1..=9).collect();
        for n in 0..=8 {
            let mut w = [0u8; 8];
            w[..n].copy_from_slice(&b[..n]);
            assert_eq!(load(&b[..n]), u64::from_le_bytes(w), "{n} bytes");
        }
        assert_eq!(head_words(b"abcdefghijklm"), head_words(b"abcdefghijklm\0\0\0xyz"), "past the head, the node decides");
        assert_ne!(head_words(b"abcdefghijklm"), head_words(b"abcdefghijklM"));
    }

    #[test]
    fn a_tail_gives_the_last_bytes_as_a_load_does() {
        let b: Vec<u8> = (1..=12).collect();
        for n in 0..=12 {
            let t = Tail::of(&b[..n]);
            for k in 0..=t.n {
                assert_eq!(t.last(k), load(&b[n - k..n]), "{n} bytes, last {k}");
            }
        }
    }

    #[test]
    fn hashing_with_the_head_is_hashing() {
        let b: Vec<u8> = (1..=40).map(|x| x * 7).collect();
        for n in 0..=40 {
            let k = &b[..n];
            assert_eq!(hash_with_head(k, head_words(k)), hash(k), "{n} bytes");
        }
    }

    fn index(strings: &[&str]) -> (WordIndex, Vec<String>) {
        let s: Vec<String> = strings.iter().map(|x| x.to_string()).collect();
        let (ix, rest) = WordIndex::new(&s, &vec![true; s.len()], &[]);
        let rest = rest.iter().map(|x| x.1.to_string()).collect();
        (ix, rest)
    }

    fn find(ix: &WordIndex, text: &str, s: usize) -> Vec<(usize, u32)> {
        let we = text[s..].find(|c: char| !is_word_char(c)).map_or(text.len(), |k| s + k);
        let mut out = Vec::new();
        ix.find(text, s, we, &Enclitics::new(&["ها".to_string(), "ه".to_string()]), &mut out);
        out
    }

    #[test]
    fn words_then_longer_strings() {
        let (ix, rest) = index(&["the", "the united nations", "u.s.", "«x"]);
        assert_eq!(rest, ["«x"], "a string that begins with punctuation is left to the automaton");
        let t = "the united nations said";
        assert_eq!(find(&ix, t, 0), [(3, 0), (18, 1)]);
        assert_eq!(find(&ix, "the united states", 0), [(3, 0)], "no third word: only the first");
        assert_eq!(find(&ix, "the  united nations", 0), [(3, 0)], "the space between is part of the string");
        assert_eq!(find(&ix, "u.s. forces", 0), [(4, 2)], "a string that ends in punctuation");
        assert_eq!(find(&ix, "then", 0), [], "a word is matched whole");
    }

    #[test]
    fn a_word_without_its_enclitic() {
        let (ix, _) = index(&["بيان", "بيانات"]);
        assert_eq!(find(&ix, "بيانها", 0), [(8, 0)]);
        assert_eq!(find(&ix, "بيانات", 0), [(12, 1)]);
        let (ix, _) = WordIndex::new(&["بيان".to_string()], &[false], &[]);
        let mut out = Vec::new();
        ix.find("بيانها", 0, 12, &Enclitics::new(&["ها".to_string()]), &mut out);
        assert!(out.is_empty(), "only rule strings that take an enclitic are looked up without one");
    }

    #[test]
    fn a_word_longer_than_any_key_is_not_hashed() {
        let (ix, _) = index(&["said"]);
        let long = "said".repeat(10_000);
        assert_eq!(find(&ix, &long, 0), []);
    }
}
