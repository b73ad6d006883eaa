//! One place where server text becomes terminal text, and one shell-quoting
//! helper for every command the CLI suggests.

use bithuman::sanitize::sanitize_line;

/// Server-supplied text (ids, statuses, steps, URLs, messages) made safe to
/// show on one terminal line: escape sequences, control and bidi characters
/// removed, long text shortened.
pub fn shown(text: &str) -> String {
    sanitize_line(text)
}

/// `word` as one shell word: as it is when it is plain (letters, digits and
/// `-_./:=@%+,`), else single-quoted. Control characters are removed first,
/// so a pasted suggestion can neither run a second command nor drive the
/// terminal.
pub fn shell_word(word: &str) -> String {
    let clean = shown(word);
    let plain = !clean.is_empty()
        && clean
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c));
    if plain {
        clean
    } else {
        format!("'{}'", clean.replace('\'', r"'\''"))
    }
}

/// Several words joined by spaces, each quoted as needed.
pub fn shell_words<S: AsRef<str>>(words: &[S]) -> String {
    words
        .iter()
        .map(|w| shell_word(w.as_ref()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_commands_are_quoted() {
        assert_eq!(shell_word("A91XMB7113"), "A91XMB7113");
        assert_eq!(shell_word("models/a b.imx"), "'models/a b.imx'");
        assert_eq!(
            shell_word("A1;touch${IFS}/tmp/x;#"),
            "'A1;touch${IFS}/tmp/x;#'"
        );
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word("a\u{1b}[31mb"), "ab");
        assert_eq!(shell_word(""), "''");
        assert_eq!(shell_words(&["A1", "B 2"]), "A1 'B 2'");
    }
}
