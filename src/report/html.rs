//! `--format html`: one self-contained page (inline CSS, no scripts, no fonts, no
//! network). The article in its own direction, claims coloured by source with the
//! cue underlined, details on hover and keyboard focus, a legend of sources, the
//! findings linked to their places, figures marked. Every byte of article text is
//! escaped, and bidi controls are shown, not obeyed.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::Report;
use crate::model::{Audit, Claim};

#[derive(Default)]
pub struct Html {
    /// (anchor, title, body) of each article, written out at the end with a contents list.
    parts: Vec<(String, String, String)>,
}

/// Escape text for HTML, showing bidi and invisible controls instead of obeying them.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{200B}'..='\u{200D}' | '\u{FEFF}' => {
                let _ = write!(out, "<span class=\"ctl\">U+{:04X}</span>", c as u32);
            }
            c if c.is_control() && c != '\n' && c != '\t' => {
                let _ = write!(out, "<span class=\"ctl\">U+{:04X}</span>", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

fn hue(i: usize) -> usize {
    (i * 137 + 20) % 360
}

const STYLE: &str = r#"
:root { --ink: #1d1d1f; --muted: #6b6b70; --line: #d9d9de; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.7 system-ui, "Segoe UI", "Noto Sans", "Noto Naskh Arabic", "Geeza Pro", Tahoma, sans-serif; color: var(--ink); background: #fafafa; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
nav.toc { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1rem; margin-bottom: 1.5rem; }
nav.toc ol { margin: .25rem 0; padding-inline-start: 1.5rem; }
article.doc { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1.25rem 1.5rem; margin-bottom: 2rem; }
article.doc h2 { margin: 0 0 .25rem; font-size: 1.3rem; }
.meta { color: var(--muted); font-size: .85rem; margin: 0 0 1rem; }
.stats { color: var(--muted); font-size: .85rem; }
.text p { margin: 0 0 .9rem; unicode-bidi: plaintext; }
.claim { border-radius: 3px; padding: 0 1px; }
.claim.direct { background: hsla(var(--h), 70%, 88%, .9); }
.claim.indirect { background: hsla(var(--h), 70%, 93%, .9); box-shadow: inset 0 -2px 0 hsla(var(--h), 60%, 45%, .6); }
.claim.according_to { background: hsla(var(--h), 70%, 94%, .9); box-shadow: inset 0 -2px 0 hsla(var(--h), 60%, 45%, .6); border-bottom: 1px dashed hsl(var(--h), 60%, 40%); }
.claim.orphan { background: #eee; outline: 1px dashed #999; }
.cue { text-decoration: underline 2px hsl(var(--h), 60%, 35%); text-underline-offset: 3px; font-weight: 600; }
.mention { font-weight: 700; color: hsl(var(--h), 55%, 30%); }
.mention.anonymous { font-style: italic; }
.fig { outline: 2px solid #b3261e; outline-offset: 1px; border-radius: 2px; }
.fig::after { content: attr(data-label); font-size: .7rem; color: #b3261e; margin-inline-start: .2rem; vertical-align: super; }
.ctl { font: .7rem ui-monospace, monospace; color: #b3261e; border: 1px solid #b3261e; border-radius: 2px; padding: 0 2px; }
.tip { position: relative; }
.tip:hover::before, .tip:focus::before { content: attr(data-tip); position: absolute; z-index: 2; inset-block-end: 100%; inset-inline-start: 0; white-space: pre; background: #222; color: #fff; font-size: .78rem; line-height: 1.4; padding: .35rem .5rem; border-radius: 4px; direction: ltr; text-align: left; unicode-bidi: plaintext; }
.tip:focus { outline: 2px solid #1a73e8; }
.legend { display: flex; flex-wrap: wrap; gap: .35rem .9rem; font-size: .85rem; margin: 0 0 1rem; padding: .5rem .75rem; background: #f4f4f6; border-radius: 6px; }
.legend .sw { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; background: hsl(var(--h), 65%, 75%); vertical-align: middle; margin-inline-end: .25rem; }
.keys { font-size: .8rem; color: var(--muted); margin-bottom: .75rem; }
.keys span { margin-inline-end: 1rem; }
.findings { font-size: .88rem; border-top: 1px solid var(--line); margin-top: 1rem; padding-top: .5rem; }
.findings li { margin: .15rem 0; }
.findings .rule { font-family: ui-monospace, monospace; font-size: .8rem; background: #f1e6e5; padding: 0 .3rem; border-radius: 3px; }
a.anchor { text-decoration: none; }
@media print {
  body { background: #fff; font-size: 11pt; }
  nav.toc { display: none; }
  article.doc { border: none; page-break-after: always; padding: 0; }
  .tip:hover::before { display: none; }
  .claim.direct, .claim.indirect, .claim.according_to { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// A marker over a byte range of the file.
struct Mark {
    start: usize,
    end: usize,
    open: String,
}

impl Mark {
    fn close(&self) -> &'static str {
        if self.open.starts_with("<mark") {
            "</mark>"
        } else {
            "</span>"
        }
    }
}

/// The tooltip of a claim: source, kind, mode, cue, stance and chain.
fn claim_tip(a: &Audit, c: &Claim) -> String {
    let src = a.source(c.source.as_deref());
    let via: Vec<&str> = c.via.iter().filter_map(|v| a.source(Some(v))).map(|s| s.name.as_str()).collect();
    format!(
        "{}{}\n{} · {} · stance: {}{}",
        src.map_or("no source", |s| s.name.as_str()),
        src.map_or(String::new(), |s| format!(" ({}{})", s.kind, if s.anonymous { ", anonymous" } else { "" })),
        c.mode,
        c.cue.as_deref().map_or("no cue".to_string(), |q| format!("cue «{q}»")),
        c.stance,
        if via.is_empty() { String::new() } else { format!("\nvia: {}", via.join(" → ")) }
    )
}

/// Every marker of an audit: claims with their cues, source mentions, figures.
fn marks(a: &Audit) -> Vec<Mark> {
    let src_index = |id: &str| a.sources.iter().position(|s| s.id == id);
    let mut marks: Vec<Mark> = Vec::new();
    for c in &a.claims {
        let si = c.source.as_deref().and_then(src_index);
        let h = si.map_or(0, hue);
        let src = si.map(|i| &a.sources[i]);
        let class = if src.is_none() { format!("claim {} orphan tip", c.mode) } else { format!("claim {} tip", c.mode) };
        let open = format!(
            "<span class=\"{class}\" style=\"--h:{h}\" tabindex=\"0\" data-claim=\"{}\" data-source=\"{}\" data-tip=\"{}\">",
            escape(&c.id),
            escape(src.map_or("", |s| s.name.as_str())),
            escape(&claim_tip(a, c))
        );
        marks.push(Mark { start: c.start, end: c.end, open });
        if let Some([s, e]) = c.cue_span {
            marks.push(Mark { start: s, end: e, open: format!("<span class=\"cue\" style=\"--h:{h}\">") });
        }
    }
    for (i, s) in a.sources.iter().enumerate() {
        for m in &s.mentions {
            let open = format!("<span class=\"mention{}\" style=\"--h:{}\">", if s.anonymous { " anonymous" } else { "" }, hue(i));
            marks.push(Mark { start: m[0], end: m[1], open });
        }
    }
    for f in &a.figures {
        let range = super::interval(f.low, f.high);
        let open = format!("<mark class=\"fig\" data-category=\"{}\" data-label=\"{} {}\">", f.category, f.category, escape(&range));
        marks.push(Mark { start: f.start, end: f.end, open });
    }
    marks.retain(|m| m.start < m.end);
    marks
}

/// The article body as paragraphs and headings, each byte range wrapped in the
/// marks over it, with finding anchors where findings start. One sweep: the
/// cuts and the marks are sorted once.
fn body(text: &str, marks: &[Mark], anchors: &[(usize, String)]) -> String {
    let start = body_offset(text);
    let mut bounds: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).chain(anchors.iter().map(|x| x.0)).collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut by_start: Vec<usize> = (0..marks.len()).collect();
    by_start.sort_by_key(|&i| marks[i].start);
    let (mut next_mark, mut active): (usize, Vec<usize>) = (0, Vec::new());
    let (mut html, mut pos, mut ai) = (String::new(), start, 0);
    for line in text[start..].split_inclusive('\n') {
        let line_end = pos + line.len();
        let content_end = pos + line.trim_end_matches(['\n', '\r']).len();
        if text[pos..content_end].trim().is_empty() {
            pos = line_end;
            continue;
        }
        // a Markdown heading in the body shows as a heading, without its hashes
        let line_text = &text[pos..content_end];
        let hashes = line_text.len() - line_text.trim_start_matches('#').len();
        let heading = (1..=6).contains(&hashes) && line_text[hashes..].starts_with(' ');
        let first = if heading { pos + hashes + 1 } else { pos };
        html.push_str(if heading { "<h3>" } else { "<p>" });
        let lo = bounds.partition_point(|&b| b <= first);
        let hi = bounds.partition_point(|&b| b < content_end);
        let mut s = first;
        for e in bounds[lo..hi].iter().copied().chain(std::iter::once(content_end)) {
            while ai < anchors.len() && anchors[ai].0 < e {
                if anchors[ai].0 >= s {
                    let _ = write!(html, "<a class=\"anchor\" id=\"{}\"></a>", anchors[ai].1);
                }
                ai += 1;
            }
            if e <= s || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            // the marks over [s, e): started at or before s, ending after it
            while next_mark < by_start.len() && marks[by_start[next_mark]].start <= s {
                let m = by_start[next_mark];
                let at = active.partition_point(|&x| x < m);
                active.insert(at, m);
                next_mark += 1;
            }
            active.retain(|&m| marks[m].end > s);
            for &m in &active {
                html.push_str(&marks[m].open);
            }
            html.push_str(&escape(&text[s..e]));
            for &m in active.iter().rev() {
                html.push_str(marks[m].close());
            }
            s = e;
        }
        html.push_str(if heading { "</h3>\n" } else { "</p>\n" });
        pos = line_end;
    }
    html
}

/// The legend of sources, with their colours and claim counts.
fn legend(a: &Audit, out: &mut String) {
    out.push_str("<div class=\"legend\">");
    for (i, s) in a.sources.iter().enumerate() {
        let anon = if s.anonymous { " · anonymous" } else { "" };
        let _ = write!(
            out,
            "<span class=\"src\" style=\"--h:{}\" data-source=\"{}\"><span class=\"sw\"></span>{} <small>({}{anon}, {} claims)</small></span>",
            hue(i),
            escape(&s.name),
            escape(&s.name),
            s.kind,
            s.claims
        );
    }
    out.push_str("</div>");
}

/// The findings, each linked to its anchor in the text.
fn findings(a: &Audit, anchor: &str, out: &mut String) {
    if a.findings.is_empty() {
        return;
    }
    out.push_str("<section class=\"findings\" dir=\"ltr\"><h3>Findings</h3><ol>");
    for (i, f) in a.findings.iter().enumerate() {
        let _ = write!(
            out,
            "<li><a href=\"#{anchor}-f{}\">{}:{}</a> <span class=\"rule\">{}</span> <span dir=\"auto\">{}</span></li>",
            i + 1,
            f.line,
            f.col,
            f.rule,
            escape(&f.message)
        );
    }
    out.push_str("</ol></section>");
}

impl Html {
    fn render(&self, a: &Audit, text: &str, n: usize) -> (String, String, String) {
        let anchor = format!("a{n}");
        let title = a.doc.title.clone().unwrap_or_else(|| a.doc.path.clone());
        let lang = a.doc.lang.as_str();
        let dir = if lang == "ar" { "rtl" } else { "ltr" };
        let marks = marks(a);
        // findings are anchors where they start
        let mut anchors: Vec<(usize, String)> = a.findings.iter().enumerate().map(|(i, f)| (f.start, format!("{anchor}-f{}", i + 1))).collect();
        anchors.sort();
        let html = body(text, &marks, &anchors);
        let mut out = String::new();
        let _ = write!(out, "<article class=\"doc\" id=\"{anchor}\" lang=\"{lang}\" dir=\"{dir}\">");
        let _ = write!(out, "<h2>{}</h2>", escape(&title));
        let meta: Vec<String> = [a.doc.outlet.clone(), a.doc.date.clone(), Some(a.doc.path.clone())].into_iter().flatten().map(|m| escape(&m)).collect();
        let _ = write!(out, "<p class=\"meta\" dir=\"auto\">{}</p>", meta.join(" · "));
        let _ = write!(
            out,
            "<p class=\"stats\" dir=\"ltr\">{} · {} · {:.0}% of claims from unnamed sources · {} · {}</p>",
            super::count(a.claims.len(), "claim", "claims"),
            super::count(a.sources.len(), "source", "sources"),
            a.stats.anonymous_share * 100.0,
            super::count(a.figures.len(), "figure", "figures"),
            super::count(a.findings.len(), "finding", "findings")
        );
        out.push_str("<div class=\"keys\" dir=\"ltr\"><span class=\"claim direct\" style=\"--h:210\">direct quote</span><span class=\"claim indirect\" style=\"--h:210\">reported speech</span><span class=\"claim according_to\" style=\"--h:210\">according to</span><span class=\"cue\" style=\"--h:210\">cue</span><mark class=\"fig\" data-label=\"\">figure</mark></div>");
        legend(a, &mut out);
        let _ = write!(out, "<div class=\"text\">{html}</div>");
        findings(a, &anchor, &mut out);
        out.push_str("</article>\n");
        (anchor, title, out)
    }
}

/// Where the article body starts: after a leading front-matter block.
fn body_offset(text: &str) -> usize {
    crate::input::parse_bytes(String::new(), text.as_bytes().to_vec()).map_or(0, |a| a.body_start)
}

impl Report for Html {
    fn article(&mut self, _out: &mut dyn Write, audit: &Audit, text: &str) -> io::Result<()> {
        let n = self.parts.len() + 1;
        let part = self.render(audit, text, n);
        self.parts.push(part);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(
            out,
            "<!doctype html>\n<html lang=\"mul\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        )?;
        write!(out, "<title>isnad audit</title><style>{STYLE}</style></head><body><main>")?;
        if self.parts.len() > 1 {
            write!(out, "<nav class=\"toc\"><strong>Articles</strong><ol>")?;
            for (anchor, title, _) in &self.parts {
                write!(out, "<li><a href=\"#{anchor}\" dir=\"auto\">{}</a></li>", escape(title))?;
            }
            write!(out, "</ol></nav>")?;
        }
        for (_, _, body) in &self.parts {
            out.write_all(body.as_bytes())?;
        }
        writeln!(out, "</main></body></html>")
    }
}
