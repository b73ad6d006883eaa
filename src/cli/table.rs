//! Human tables: aligned columns that fit the terminal's width, plain
//! aligned columns when stdout is not a terminal. To fit, the table first
//! hides its lowest-priority columns (the caller's [`Table::drop_order`]),
//! so names and ids stay whole as long as anything else can go; only then
//! is the widest squeezable column shortened with `…`, and a row that is
//! still too wide is cut at the width: rows never wrap. Widths are display
//! columns (a CJK character takes two, a combining mark none), and a table
//! can be printed as its rows arrive.

use super::settings::Settings;
use super::text::shown;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A squeezed column keeps at least this many display columns.
const MIN_SQUEEZED: usize = 8;

/// A table being filled.
pub struct Table {
    headers: Vec<&'static str>,
    /// Rows not printed yet.
    rows: Vec<Vec<String>>,
    /// Columns that may be shortened to fit (names, not ids).
    squeezable: Vec<usize>,
    /// Columns that may be hidden to fit, the first to go first.
    droppable: Vec<usize>,
    /// The layout, fixed by the first [`Table::take`].
    layout: Option<Layout>,
}

/// Column widths; `None` for a hidden column.
type Layout = Vec<Option<usize>>;

impl Table {
    pub fn new(headers: &[&'static str], squeezable: &[usize]) -> Self {
        Self {
            headers: headers.to_vec(),
            rows: Vec::new(),
            squeezable: squeezable.to_vec(),
            droppable: Vec::new(),
            layout: None,
        }
    }

    /// The columns that may be hidden when the table is too wide, lowest
    /// priority first: each is hidden only while the table does not fit,
    /// before any name is shortened.
    #[must_use]
    pub fn drop_order(mut self, columns: &[usize]) -> Self {
        self.droppable = columns.to_vec();
        self
    }

    /// Adds a row of server text (made safe for the terminal here).
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells.iter().map(|c| shown(c)).collect());
    }

    /// True when no row was added since the last [`Table::take`] (or ever).
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// True once [`Table::take`] printed the header.
    pub fn started(&self) -> bool {
        self.layout.is_some()
    }

    /// The whole table as text; `width` is the terminal's, when known.
    pub fn render(&self, width: Option<usize>) -> String {
        let layout = self.fitted(width);
        let mut lines = vec![self.header_line(&layout, width)];
        lines.extend(self.rows.iter().map(|r| line(r, &layout, width)));
        lines.join("\n")
    }

    /// The rows added since the last call (after the header, the first
    /// time), so a listing is printed page by page as it arrives. The first
    /// call fixes the layout; later rows are cut to it on a terminal, and
    /// only stretch it when stdout is not one.
    pub fn take(&mut self, width: Option<usize>) -> Option<String> {
        let mut lines = Vec::new();
        let layout = match &self.layout {
            Some(l) => l.clone(),
            None => {
                let l = self.fitted(width);
                lines.push(self.header_line(&l, width));
                self.layout = Some(l.clone());
                l
            }
        };
        lines.extend(self.rows.drain(..).map(|r| line(&r, &layout, width)));
        (!lines.is_empty()).then(|| lines.join("\n"))
    }

    fn header_line(&self, layout: &[Option<usize>], width: Option<usize>) -> String {
        let cells: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
        line(&cells, layout, width)
    }

    // The layout for the header and the rows held: natural widths; then,
    // while too wide, the droppable columns hidden in order; then the
    // widest squeezable column shortened (down to MIN_SQUEEZED).
    fn fitted(&self, width: Option<usize>) -> Layout {
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(n) {
                widths[i] = widths[i].max(cell.width());
            }
        }
        let mut layout: Layout = widths.into_iter().map(Some).collect();
        let Some(max) = width else {
            return layout;
        };
        for &i in &self.droppable {
            if total(&layout) <= max {
                return layout;
            }
            if let Some(w) = layout.get_mut(i) {
                *w = None;
            }
        }
        while total(&layout) > max {
            let widest = self
                .squeezable
                .iter()
                .filter_map(|&i| Some((i, layout.get(i).copied().flatten()?)))
                .filter(|&(_, w)| w > MIN_SQUEEZED)
                .max_by_key(|&(_, w)| w);
            let Some((i, w)) = widest else {
                break;
            };
            layout[i] = Some(w - 1);
        }
        layout
    }
}

// The width of a line laid out so: the shown columns and two spaces
// between each.
fn total(layout: &[Option<usize>]) -> usize {
    let shown: Vec<usize> = layout.iter().flatten().copied().collect();
    shown.iter().sum::<usize>() + 2 * shown.len().saturating_sub(1)
}

// One row: the shown cells padded to their widths (cut to them on a
// terminal), and the whole line cut to the terminal's width, so it never
// wraps even when the columns that may not be shortened are too wide.
fn line(cells: &[String], layout: &[Option<usize>], terminal: Option<usize>) -> String {
    let shown: Vec<(usize, &String)> = layout
        .iter()
        .zip(cells)
        .filter_map(|(w, cell)| Some(((*w)?, cell)))
        .collect();
    let mut out = String::new();
    for (k, (w, cell)) in shown.iter().enumerate() {
        let cell = if terminal.is_some() {
            fit(cell, *w)
        } else {
            (*cell).clone()
        };
        out.push_str(&cell);
        if k + 1 < shown.len() {
            out.push_str(&" ".repeat(w.saturating_sub(cell.width()) + 2));
        }
    }
    let out = out.trim_end();
    match terminal {
        Some(max) => fit(out, max),
        None => out.to_string(),
    }
}

// Shortens to `w` display columns with a final `…`.
fn fit(cell: &str, w: usize) -> String {
    if cell.width() <= w {
        return cell.to_string();
    }
    let mut s = String::new();
    let mut used = 0;
    for c in cell.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > w.saturating_sub(1) {
            break;
        }
        used += cw;
        s.push(c);
    }
    s.push('…');
    s
}

/// The terminal's width when stdout is a terminal.
fn stdout_width() -> Option<usize> {
    console::Term::stdout()
        .size_checked()
        .map(|(_, cols)| usize::from(cols))
        .filter(|w| *w > 20)
}

/// The width tables fit: `COLUMNS` when set (as `ls` and others do), else
/// the terminal's when stdout is one.
pub fn table_width(settings: &Settings) -> Option<usize> {
    settings.columns.or_else(stdout_width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_fit_the_width_and_names_are_truncated() {
        let mut t = Table::new(&["ID", "NAME", "STATUS"], &[1]);
        t.row(vec![
            "A1".into(),
            "A very long agent name indeed".into(),
            "ready".into(),
        ]);
        t.row(vec!["A2".into(), "Bob\u{1b}[31m".into(), "failed".into()]);
        let plain = t.render(None);
        assert!(plain.contains("A very long agent name indeed"));
        assert!(!plain.contains('\u{1b}'));
        let fitted = t.render(Some(30));
        assert!(fitted.lines().all(|l| l.width() <= 30), "{fitted}");
        assert!(fitted.contains('…'));
    }

    #[test]
    fn wide_and_combining_characters_are_measured_in_columns() {
        let mut t = Table::new(&["ID", "NAME", "STATUS"], &[1]);
        t.row(vec![
            "A1".into(),
            "東京のアバター案内係さん".into(),
            "ready".into(),
        ]);
        t.row(vec![
            "A2".into(),
            "Cafe\u{301} agent".into(),
            "ready".into(),
        ]);
        for max in [24, 30, 50] {
            let shown = t.render(Some(max));
            assert!(shown.lines().all(|l| l.width() <= max), "{max}: {shown}");
            // Columns line up: STATUS starts at one display column on every line.
            let at: Vec<usize> = shown
                .lines()
                .map(|l| {
                    let b = l.find("STATUS").or_else(|| l.find("ready")).unwrap_or(0);
                    l[..b].width()
                })
                .collect();
            assert!(at.windows(2).all(|w| w[0] == w[1]), "{max}: {shown}");
        }
        assert_eq!(fit("東京東京", 5), "東京…");
    }

    #[test]
    fn later_rows_keep_the_first_widths() {
        let mut t = Table::new(&["ID", "NAME"], &[1]);
        t.row(vec!["A1".into(), "short".into()]);
        assert_eq!(t.take(Some(40)).as_deref(), Some("ID  NAME\nA1  short"));
        assert_eq!(t.take(Some(40)), None);
        t.row(vec!["A2".into(), "a much longer name".into()]);
        assert_eq!(t.take(Some(40)).as_deref(), Some("A2  a mu…"));
        t.row(vec!["A3".into(), "a much longer name".into()]);
        assert_eq!(t.take(None).as_deref(), Some("A3  a much longer name"));
    }

    type Spec = (
        &'static [&'static str],
        &'static [usize],
        &'static [usize],
        Vec<String>,
    );

    // Every table the CLI prints (its headers, squeezable columns and drop
    // order as its caller sets them) with a realistic row.
    fn every_table() -> Vec<(&'static str, Spec)> {
        let agent = "A0VRQS5NC5TRWU4C66X";
        let uuid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        let time = "2026-12-07T05:26:58Z";
        let path = format!("models/{agent}.imx");
        let r = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        vec![
            (
                "batch",
                (
                    &["ROW", "NAME", "ID", "STATUS", "OUTCOME", "NOTE"],
                    &[1, 5],
                    &[3, 0],
                    r(&["12", "concierge-lobby", agent, "ready", "ready", &path]),
                ),
            ),
            (
                "agent list",
                (
                    &["ID", "NAME", "MODEL", "STATUS", "CREATED"],
                    &[1],
                    &[4, 2],
                    r(&[agent, "Sandbox Agent C66X", "essence-1", "generating", time]),
                ),
            ),
            (
                "usage",
                (
                    &["TIME", "WHAT", "AGENT", "CREDITS"],
                    &[1],
                    &[0],
                    r(&[time, "Agent creation (essence-2-max)", agent, "-1250"]),
                ),
            ),
            (
                "session list",
                (
                    &[
                        "ID", "AGENT", "STATUS", "STARTED", "MINUTES", "CREDITS", "CR/MIN",
                    ],
                    &[1],
                    &[3, 6, 4, 2],
                    r(&[uuid, agent, "live", time, "12.5", "50", "4"]),
                ),
            ),
            (
                "webhook list",
                (
                    &["ID", "URL", "EVENTS", "ACTIVE", "DESCRIPTION"],
                    &[1, 4],
                    &[4, 3, 2],
                    r(&[
                        uuid,
                        "https://example.com/hooks/bithuman",
                        "agent.ready, agent.failed",
                        "yes",
                        "production",
                    ]),
                ),
            ),
            (
                "webhook deliveries",
                (
                    &["ID", "EVENT", "STATUS", "ATTEMPTS", "DELIVERED", "CREATED"],
                    &[],
                    &[5, 3],
                    r(&[uuid, "agent.ready", "200", "1", "yes", time]),
                ),
            ),
        ]
    }

    // At 80 columns ids and names stay whole (the lowest-priority columns
    // go first); at 50 no line is wider than 50 and no row wraps.
    #[test]
    fn every_table_fits_80_and_50_columns_with_ids_whole() {
        let agent = "A0VRQS5NC5TRWU4C66X";
        let uuid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        for (name, (headers, squeezable, order, row)) in every_table() {
            let mut t = Table::new(headers, squeezable).drop_order(order);
            t.row(row.clone());
            let at80 = t.render(Some(80));
            assert!(
                at80.lines().all(|l| l.width() <= 80),
                "{name} at 80:\n{at80}"
            );
            assert!(!at80.contains('…'), "{name} at 80 cut a cell:\n{at80}");
            for id in [agent, uuid] {
                if row.iter().any(|c| c == id) {
                    assert!(at80.contains(id), "{name} at 80 lost {id}:\n{at80}");
                }
            }
            let at50 = t.render(Some(50));
            assert!(
                at50.lines().all(|l| l.width() <= 50),
                "{name} at 50:\n{at50}"
            );
            assert!(at50.lines().count() == 2, "{name} at 50 wrapped:\n{at50}");
        }
    }

    #[test]
    fn columns_are_dropped_in_order_before_any_name_is_cut() {
        let mut t = Table::new(&["ROW", "NAME", "ID", "STATUS", "OUTCOME", "NOTE"], &[1, 5])
            .drop_order(&[3, 0]);
        t.row(vec![
            "1".into(),
            "concierge".into(),
            "A0VRQP3ALKUSFQWZQ1G".into(),
            "ready".into(),
            "ready".into(),
            "models/A0VRQP3ALKUSFQWZQ1G.imx".into(),
        ]);
        // Wide enough: everything shown, nothing cut.
        assert!(t.render(Some(120)).starts_with("ROW  NAME"));
        // 80: STATUS (the lowest priority) goes; the name and path stay whole.
        let at80 = t.render(Some(80));
        assert_eq!(
            at80,
            "ROW  NAME       ID                   OUTCOME  NOTE\n\
             1    concierge  A0VRQP3ALKUSFQWZQ1G  ready    models/A0VRQP3ALKUSFQWZQ1G.imx"
        );
        // 60: ROW goes too, then the path is shortened, never the id.
        let at60 = t.render(Some(60));
        assert!(!at60.contains("ROW") && !at60.contains("STATUS"), "{at60}");
        assert!(
            at60.contains("A0VRQP3ALKUSFQWZQ1G") && at60.contains('…'),
            "{at60}"
        );
        assert!(at60.lines().all(|l| l.width() <= 60), "{at60}");
        // Off a terminal nothing is hidden or cut.
        assert!(t.render(None).contains("STATUS"));
    }

    #[test]
    fn a_streamed_table_keeps_the_columns_it_dropped_hidden() {
        let mut t = Table::new(&["ID", "NAME", "CREATED"], &[1]).drop_order(&[2]);
        t.row(vec![
            "A1".into(),
            "name".into(),
            "2026-12-07T05:26:58Z".into(),
        ]);
        assert_eq!(t.take(Some(20)).as_deref(), Some("ID  NAME\nA1  name"));
        t.row(vec![
            "A2".into(),
            "other".into(),
            "2026-12-07T05:26:58Z".into(),
        ]);
        assert_eq!(t.take(Some(20)).as_deref(), Some("A2  oth…"));
    }
}
