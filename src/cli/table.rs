//! Human tables: aligned columns that fit the terminal's width (the widest
//! truncatable column is shortened with `…`; rows never wrap), plain
//! aligned columns when stdout is not a terminal.

use super::text::shown;

/// A table being filled.
pub struct Table {
    headers: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    /// Columns that may be shortened to fit (names, not ids).
    squeezable: Vec<usize>,
}

impl Table {
    pub fn new(headers: &[&'static str], squeezable: &[usize]) -> Self {
        Self {
            headers: headers.to_vec(),
            rows: Vec::new(),
            squeezable: squeezable.to_vec(),
        }
    }

    /// Adds a row of server text (made safe for the terminal here).
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells.iter().map(|c| shown(c)).collect());
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as text; `width` is the terminal's, when stdout is one.
    pub fn render(&self, width: Option<usize>) -> String {
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(n) {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
        if let Some(max) = width {
            let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * n.saturating_sub(1);
            while total(&widths) > max {
                let Some(&i) = self
                    .squeezable
                    .iter()
                    .filter(|&&i| widths[i] > 8)
                    .max_by_key(|&&i| widths[i])
                else {
                    break;
                };
                widths[i] -= 1;
            }
        }
        let line = |cells: Vec<String>| -> String {
            let mut out = String::new();
            for (i, cell) in cells.iter().enumerate().take(n) {
                let w = widths[i];
                let cell = fit(cell, w);
                if i + 1 == n {
                    out.push_str(&cell);
                } else {
                    out.push_str(&format!("{cell:<w$}  "));
                }
            }
            out.trim_end().to_string()
        };
        let mut lines = vec![line(self.headers.iter().map(|h| h.to_string()).collect())];
        lines.extend(self.rows.iter().map(|r| line(r.clone())));
        lines.join("\n")
    }
}

// Shortens to `w` characters with a final `…`.
fn fit(cell: &str, w: usize) -> String {
    if cell.chars().count() <= w {
        cell.to_string()
    } else {
        let mut s: String = cell.chars().take(w.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// The terminal's width when stdout is a terminal.
pub fn stdout_width() -> Option<usize> {
    console::Term::stdout()
        .size_checked()
        .map(|(_, cols)| usize::from(cols))
        .filter(|w| *w > 20)
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
        assert!(fitted.lines().all(|l| l.chars().count() <= 30), "{fitted}");
        assert!(fitted.contains('…'));
    }
}
