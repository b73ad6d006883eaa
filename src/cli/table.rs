//! Human tables: aligned columns that fit the terminal's width (the widest
//! truncatable column is shortened with `…`; rows never wrap), plain
//! aligned columns when stdout is not a terminal. Widths are display
//! columns (a CJK character takes two, a combining mark none), and a table
//! can be printed as its rows arrive.

use super::settings::Settings;
use super::text::shown;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A table being filled.
pub struct Table {
    headers: Vec<&'static str>,
    /// Rows not printed yet.
    rows: Vec<Vec<String>>,
    /// Columns that may be shortened to fit (names, not ids).
    squeezable: Vec<usize>,
    /// Column widths, fixed by the first [`Table::take`].
    widths: Option<Vec<usize>>,
}

impl Table {
    pub fn new(headers: &[&'static str], squeezable: &[usize]) -> Self {
        Self {
            headers: headers.to_vec(),
            rows: Vec::new(),
            squeezable: squeezable.to_vec(),
            widths: None,
        }
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
        self.widths.is_some()
    }

    /// The whole table as text; `width` is the terminal's, when known.
    pub fn render(&self, width: Option<usize>) -> String {
        let widths = self.fitted_widths(width);
        let mut lines = vec![self.header_line(&widths, width)];
        lines.extend(self.rows.iter().map(|r| line(r, &widths, width)));
        lines.join("\n")
    }

    /// The rows added since the last call (after the header, the first
    /// time), so a listing is printed page by page as it arrives. The first
    /// call fixes the column widths; later rows are cut to them on a
    /// terminal, and only stretch them when stdout is not one.
    pub fn take(&mut self, width: Option<usize>) -> Option<String> {
        let mut lines = Vec::new();
        let widths = match &self.widths {
            Some(w) => w.clone(),
            None => {
                let w = self.fitted_widths(width);
                lines.push(self.header_line(&w, width));
                self.widths = Some(w.clone());
                w
            }
        };
        lines.extend(self.rows.drain(..).map(|r| line(&r, &widths, width)));
        (!lines.is_empty()).then(|| lines.join("\n"))
    }

    fn header_line(&self, widths: &[usize], width: Option<usize>) -> String {
        let cells: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
        line(&cells, widths, width)
    }

    // Column widths from the header and the rows held, the widest
    // squeezable column shortened (down to 8) until the table fits.
    fn fitted_widths(&self, width: Option<usize>) -> Vec<usize> {
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(n) {
                widths[i] = widths[i].max(cell.width());
            }
        }
        if let Some(max) = width {
            let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * n.saturating_sub(1);
            while total(&widths) > max {
                let Some(&i) = self
                    .squeezable
                    .iter()
                    .filter(|&&i| widths.get(i).is_some_and(|w| *w > 8))
                    .max_by_key(|&&i| widths[i])
                else {
                    break;
                };
                widths[i] -= 1;
            }
        }
        widths
    }
}

// One row: cells padded to their widths (cut to them on a terminal), and
// the whole line cut to the terminal's width, so it never wraps even when
// the columns that may not be shortened are too wide.
fn line(cells: &[String], widths: &[usize], terminal: Option<usize>) -> String {
    let n = widths.len();
    let mut out = String::new();
    for (i, cell) in cells.iter().enumerate().take(n) {
        let w = widths[i];
        let cell = if terminal.is_some() {
            fit(cell, w)
        } else {
            cell.clone()
        };
        out.push_str(&cell);
        if i + 1 < n {
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
pub fn stdout_width() -> Option<usize> {
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
}
