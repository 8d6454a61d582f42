//! The timeline chart: tolls over time as SVG, one series per originating source,
//! conflicts and stale figures marked, the current best range shaded.
//!
//! Written directly rather than with a charting crate: source names are often
//! Arabic, and only the browser shapes and orders Arabic text, so the chart leaves
//! every label as SVG text for it (plotters lays text out itself, without shaping).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::html::escape;
use crate::model::Status;
use crate::rules::Rules;
use crate::store::timeline::Timeline;

/// One point of the chart.
pub struct Point {
    pub day: i32,
    pub date: String,
    pub low: u64,
    pub high: Option<u64>,
    pub source: String,
    pub status: Status,
}

/// The chart's points: one series per originating source, a known source under
/// its registry name.
pub fn points(t: &Timeline, rules: &Rules) -> Vec<Point> {
    t.entries
        .iter()
        .filter_map(|e| {
            Some(Point {
                day: e.day?,
                date: e.date.clone().unwrap_or_default(),
                low: e.low?,
                high: e.high,
                source: e
                    .source_key
                    .as_deref()
                    .and_then(|id| id.strip_prefix("reg:"))
                    .and_then(|id| rules.registry.iter().find(|r| r.id == id))
                    .map(|r| r.name.clone())
                    .or(e.source.clone())
                    .unwrap_or_else(|| "no source".into()),
                status: e.status,
            })
        })
        .collect()
}

/// The chart's title: place, category and group.
pub fn title(t: &Timeline) -> String {
    format!("{} · {} · {}", t.event.place_name, t.event.category, t.event.group.as_deref().unwrap_or("all counted"))
}

const W: f64 = 960.0;
const H: f64 = 420.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 300.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 50.0;

fn hue(i: usize) -> usize {
    (i * 137 + 20) % 360
}

/// The plot area: days across, tolls up.
struct Frame {
    min_day: i32,
    max_day: i32,
    y_max: f64,
    pw: f64,
    ph: f64,
}

impl Frame {
    fn new(points: &[Point], current: (Option<u64>, Option<u64>)) -> Frame {
        let mut min_day = points.iter().map(|p| p.day).min().unwrap_or(0);
        let mut max_day = points.iter().map(|p| p.day).max().unwrap_or(0);
        if max_day == min_day {
            // one day: centre it rather than pin it to the axis
            (min_day, max_day) = (min_day - 1, max_day + 1);
        }
        let top_value = points.iter().map(|p| p.high.unwrap_or(p.low).max(p.low)).chain(current.1).max().unwrap_or(1).max(1);
        Frame { min_day, max_day, y_max: nice(top_value as f64 * 1.1), pw: W - LEFT - RIGHT, ph: H - TOP - BOTTOM }
    }

    fn x(&self, d: i32) -> f64 {
        LEFT + (d - self.min_day) as f64 / (self.max_day - self.min_day) as f64 * self.pw
    }

    fn y(&self, v: f64) -> f64 {
        TOP + self.ph - v / self.y_max * self.ph
    }
}

/// Width of a date label in pixels, with a gap.
const LABEL_W: f64 = 84.0;

/// The axes, value ticks and date labels; labels are thinned so that none
/// overlaps the one before it.
fn axes(svg: &mut String, f: &Frame, points: &[Point]) {
    let (pw, ph) = (f.pw, f.ph);
    let _ = write!(svg, "<g class=\"axes\" stroke=\"#999\" fill=\"none\"><line x1=\"{LEFT}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{}\"/></g>", TOP + ph, LEFT + pw, TOP + ph, TOP + ph);
    for i in 0..=5 {
        let v = f.y_max * i as f64 / 5.0;
        let _ = write!(
            svg,
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#eee\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555\">{}</text>",
            LEFT + pw,
            f.y(v),
            f.y(v),
            LEFT - 6.0,
            f.y(v) + 4.0,
            v.round() as u64
        );
    }
    let mut dates: BTreeMap<i32, &str> = BTreeMap::new();
    for p in points {
        dates.entry(p.day).or_insert(&p.date);
    }
    // the last date is always labelled; earlier ones where they fit
    let last_x = dates.keys().next_back().map_or(f64::MAX, |&d| f.x(d));
    let mut prev: Option<f64> = None;
    for (i, (d, label)) in dates.iter().enumerate() {
        let x = f.x(*d);
        let is_last = i + 1 == dates.len();
        let fits = prev.is_none_or(|p| x - p >= LABEL_W) && (is_last || last_x - x >= LABEL_W);
        if fits {
            let _ = write!(svg, "<text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>", TOP + ph + 18.0, escape(label));
            prev = Some(x);
        }
    }
}

/// One figure's marker: a diamond for a conflict, a dashed ring for a stale
/// figure, a dot otherwise; a bar for its interval.
fn marker(svg: &mut String, f: &Frame, p: &Point, color: &str) {
    let (cx, cy) = (f.x(p.day), f.y(p.low as f64));
    let tip = format!("{} · {} · {} · {}", p.date, super::interval(Some(p.low), p.high), p.source, p.status);
    if let Some(h) = p.high.filter(|h| *h > p.low) {
        let _ = write!(
            svg,
            "<line x1=\"{cx:.1}\" x2=\"{cx:.1}\" y1=\"{:.1}\" y2=\"{cy:.1}\" stroke=\"{color}\" stroke-opacity=\"0.5\" stroke-width=\"4\"/>",
            f.y(h as f64)
        );
    }
    let _ = match p.status {
        Status::Conflict => write!(
            svg,
            "<path class=\"conflict\" d=\"M{cx:.1},{:.1} l7,7 l-7,7 l-7,-7 z\" fill=\"#d93025\" stroke=\"#fff\"><title>{}</title></path>",
            cy - 7.0,
            escape(&format!("conflict: {tip}"))
        ),
        Status::Stale => write!(
            svg,
            "<circle class=\"stale\" cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"5\" fill=\"#fff\" stroke=\"{color}\" stroke-width=\"2\" stroke-dasharray=\"2 2\"><title>{}</title></circle>",
            escape(&format!("stale: {tip}"))
        ),
        _ => write!(svg, "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"4\" fill=\"{color}\"><title>{}</title></circle>", escape(&tip)),
    };
}

/// One series per originating source, with its legend entry.
fn series(svg: &mut String, f: &Frame, points: &[Point]) {
    let mut by_source: BTreeMap<&str, Vec<&Point>> = BTreeMap::new();
    for p in points {
        by_source.entry(&p.source).or_default().push(p);
    }
    for (i, (src, mut pts)) in by_source.into_iter().enumerate() {
        pts.sort_by_key(|p| (p.day, p.low)); // same-day figures drawn low to high
        let color = format!("hsl({}, 60%, 40%)", hue(i));
        let _ = write!(svg, "<g class=\"series\" data-source=\"{}\">", escape(src));
        let path: Vec<String> = pts.iter().map(|p| format!("{:.1},{:.1}", f.x(p.day), f.y(p.low as f64))).collect();
        let _ = write!(svg, "<polyline points=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>", path.join(" "));
        for p in pts {
            marker(svg, f, p, &color);
        }
        svg.push_str("</g>");
        let ly = TOP + 10.0 + i as f64 * 20.0;
        let _ = write!(
            svg,
            "<g class=\"legend\"><rect x=\"{}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{color}\"/><text x=\"{}\" y=\"{:.1}\">{}</text></g>",
            LEFT + f.pw + 16.0,
            ly,
            LEFT + f.pw + 34.0,
            ly + 10.0,
            escape(&short(src, 40))
        );
    }
}

/// An SVG chart of `points` (any order), with the current range `current`.
pub fn timeline_svg(title: &str, points: &[Point], current: (Option<u64>, Option<u64>)) -> String {
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" font-family=\"system-ui, 'Noto Sans', 'Noto Naskh Arabic', sans-serif\" font-size=\"12\" role=\"img\">"
    );
    let _ = write!(svg, "<title>{}</title>", escape(title));
    let _ = write!(svg, "<rect width=\"{W}\" height=\"{H}\" fill=\"#fff\"/>");
    let _ = write!(svg, "<text x=\"{LEFT}\" y=\"24\" font-size=\"15\" font-weight=\"600\" direction=\"ltr\">{}</text>", escape(title));
    if points.is_empty() {
        let _ = write!(svg, "<text x=\"{LEFT}\" y=\"{}\">no figures</text></svg>", H / 2.0);
        return svg;
    }
    let f = Frame::new(points, current);
    // the current best range
    if let Some(lo) = current.0 {
        let hi = current.1.unwrap_or(lo) as f64;
        let (y1, y2) = (f.y(hi), f.y(lo as f64));
        let _ = write!(
            svg,
            "<rect class=\"current\" x=\"{LEFT}\" y=\"{y1:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#1a73e8\" fill-opacity=\"0.10\"><title>current range {lo}–{hi}</title></rect>",
            f.pw,
            (y2 - y1).max(2.0)
        );
    }
    axes(&mut svg, &f, points);
    series(&mut svg, &f, points);
    let (pw, ly) = (f.pw, TOP + f.ph - 30.0);
    let _ = write!(
        svg,
        "<g class=\"key\" fill=\"#555\"><path d=\"M{0:.1},{1:.1} l6,6 l-6,6 l-6,-6 z\" fill=\"#d93025\"/><text x=\"{2:.1}\" y=\"{3:.1}\">conflict</text><circle cx=\"{0:.1}\" cy=\"{4:.1}\" r=\"5\" fill=\"#fff\" stroke=\"#555\" stroke-dasharray=\"2 2\"/><text x=\"{2:.1}\" y=\"{5:.1}\">stale</text></g>",
        LEFT + pw + 22.0,
        ly - 6.0,
        LEFT + pw + 34.0,
        ly + 4.0,
        ly + 20.0,
        ly + 24.0
    );
    svg.push_str("</svg>");
    svg
}

/// The chart in a page, above a table of the figures it draws.
pub fn timeline_page(title: &str, svg: &str, t: &Timeline) -> String {
    let mut page = String::new();
    let _ = write!(
        page,
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>{}</title><style>body{{font:15px/1.5 system-ui,'Noto Sans','Noto Naskh Arabic',sans-serif;margin:1.5rem}}table{{border-collapse:collapse;margin-top:1rem}}td,th{{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:start}}td[dir]{{unicode-bidi:plaintext}}</style></head><body>{svg}<p>current best range: {}</p><table><tr><th>date</th><th>toll</th><th>source</th><th>outlet</th><th>status</th></tr>",
        escape(title),
        super::interval(t.current.low, t.current.high)
    );
    for f in &t.entries {
        let _ = write!(
            page,
            "<tr><td>{}</td><td>{}</td><td dir=\"auto\">{}</td><td dir=\"auto\">{}</td><td>{}</td></tr>",
            escape(f.date.as_deref().unwrap_or("")),
            super::interval(f.low, f.high),
            escape(f.source.as_deref().unwrap_or("no source")),
            escape(f.outlet.as_deref().unwrap_or("")),
            f.status
        );
    }
    page.push_str("</table></body></html>\n");
    page
}

/// A round axis maximum.
fn nice(v: f64) -> f64 {
    let exp = 10f64.powf(v.max(1.0).log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if v <= m * exp {
            return m * exp;
        }
    }
    10.0 * exp
}

/// A legend label cut to `n` characters, so long names stay inside the chart.
fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut t: String = s.chars().take(n - 1).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(day: i32, low: u64) -> Point {
        Point { day, date: format!("2025-07-{:02}", day - 20000 + 1), low, high: None, source: "x".into(), status: Status::New }
    }

    /// x positions of the date labels under the axis.
    fn label_xs(svg: &str) -> Vec<f64> {
        let y = format!("y=\"{}\"", TOP + (H - TOP - BOTTOM) + 18.0);
        svg.split("<text ").filter(|t| t.contains(&y)).filter_map(|t| t.strip_prefix("x=\"")?.split('"').next()?.parse().ok()).collect()
    }

    #[test]
    fn date_labels_never_overlap() {
        // a long run of days, and two close days at the end
        let mut pts: Vec<Point> = (0..20).map(|i| point(20000 + i, 10 + i as u64)).collect();
        pts.push(point(20000 + 60, 40));
        pts.push(point(20000 + 61, 41));
        let svg = timeline_svg("t", &pts, (Some(10), Some(41)));
        let xs = label_xs(&svg);
        assert!(xs.len() >= 3, "{xs:?}");
        for w in xs.windows(2) {
            assert!(w[1] - w[0] >= LABEL_W, "labels {w:?} overlap");
        }
    }
}
