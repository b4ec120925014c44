//! Inline spans of the report's text: plain text, redactions (runs of X that mask a name or a
//! number in the source), quoted terms (“一带两城”) and line breaks.
//! Joining the spans' source text gives back the input exactly. Pure: no browser calls.

/// One inline span. Each keeps the exact source characters it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// A masked value: the run of `X`, `Ｘ`, `×` or `*` exactly as the source has it.
    Redaction(String),
    /// A term in full-width double quotes; `inner` excludes the quote marks.
    Quote(Vec<Inline>),
    /// Line break(s) with the whitespace around them, as in the source.
    Break(String),
}

pub const QUOTE_OPEN: char = '“';
pub const QUOTE_CLOSE: char = '”';

impl Inline {
    /// The exact source text of this span.
    pub fn source(&self) -> String {
        let mut out = String::new();
        self.write_source(&mut out);
        out
    }

    fn write_source(&self, out: &mut String) {
        match self {
            Inline::Text(s) | Inline::Redaction(s) | Inline::Break(s) => out.push_str(s),
            Inline::Quote(inner) => {
                out.push(QUOTE_OPEN);
                inner.iter().for_each(|i| i.write_source(out));
                out.push(QUOTE_CLOSE);
            }
        }
    }
}

/// The exact source text of a run of spans.
pub fn source_of(spans: &[Inline]) -> String {
    let mut out = String::new();
    spans.iter().for_each(|s| s.write_source(&mut out));
    out
}

/// The text as a reader sees it on one line: breaks become nothing, the rest is kept.
pub fn plain_text(spans: &[Inline]) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            Inline::Break(_) => {}
            other => other.write_source(&mut out),
        }
    }
    out
}

/// Splits `text` into spans. Never fails: text that fits no pattern stays plain text.
pub fn parse_inlines(text: &str) -> Vec<Inline> {
    let mut spans = Vec::new();
    tokenize(text, true, &mut spans);
    spans
}

/// The characters the genre masks names and numbers with: XX, ××, ＊＊ (and **).
pub fn is_mask_char(c: char) -> bool {
    matches!(c, 'X' | 'Ｘ' | '×' | '*' | '＊')
}

/// Latin letters or digits next to an X mean a word such as "XML", not a redaction.
fn joins_a_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric())
}

fn tokenize(text: &str, quotes: bool, spans: &mut Vec<Inline>) {
    let mut plain = String::new();
    let mut rest = text;
    let mut prev: Option<char> = None;
    let flush = |plain: &mut String, spans: &mut Vec<Inline>| {
        if !plain.is_empty() {
            spans.push(Inline::Text(std::mem::take(plain)));
        }
    };
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            let ws_len = rest
                .find(|ch: char| !ch.is_whitespace())
                .unwrap_or(rest.len());
            let ws = &rest[..ws_len];
            if ws.contains('\n') || ws.contains('\r') {
                flush(&mut plain, spans);
                spans.push(Inline::Break(ws.to_string()));
            } else {
                plain.push_str(ws);
            }
            prev = ws.chars().last();
            rest = &rest[ws_len..];
            continue;
        }
        if is_mask_char(c) && !joins_a_word(prev) {
            let run_len = rest.find(|ch| !is_mask_char(ch)).unwrap_or(rest.len());
            let next = rest[run_len..].chars().next();
            if !joins_a_word(next) {
                flush(&mut plain, spans);
                spans.push(Inline::Redaction(rest[..run_len].to_string()));
                prev = Some(c);
                rest = &rest[run_len..];
                continue;
            }
        }
        if quotes && c == QUOTE_OPEN {
            let after = &rest[c.len_utf8()..];
            // A quote closes on the same line, before another one opens.
            let close = after.find([QUOTE_CLOSE, QUOTE_OPEN, '\n', '\r']);
            if let Some(end) = close.filter(|&i| after[i..].starts_with(QUOTE_CLOSE) && i > 0) {
                flush(&mut plain, spans);
                let mut inner = Vec::new();
                tokenize(&after[..end], false, &mut inner);
                spans.push(Inline::Quote(inner));
                prev = Some(QUOTE_CLOSE);
                rest = &after[end + QUOTE_CLOSE.len_utf8()..];
                continue;
            }
        }
        plain.push(c);
        prev = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut plain, spans);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }
    fn masked(s: &str) -> Inline {
        Inline::Redaction(s.into())
    }

    #[test]
    fn finds_redactions_of_any_length() {
        assert_eq!(
            parse_inlines("XX区总面积XX平方公里，辖X个街道"),
            vec![
                masked("XX"),
                text("区总面积"),
                masked("XX"),
                text("平方公里，辖"),
                masked("X"),
                text("个街道")
            ]
        );
        assert_eq!(
            parse_inlines("X年X月"),
            vec![masked("X"), text("年"), masked("X"), text("月")]
        );
        assert_eq!(parse_inlines("ＸＸ市"), vec![masked("ＸＸ"), text("市")]);
        assert_eq!(
            parse_inlines("达到X%"),
            vec![text("达到"), masked("X"), text("%")]
        );
    }

    #[test]
    fn other_masks_are_redactions_but_arithmetic_is_not() {
        assert_eq!(parse_inlines("××市"), vec![masked("××"), text("市")]);
        assert_eq!(
            parse_inlines("张**同志"),
            vec![text("张"), masked("**"), text("同志")]
        );
        assert_eq!(parse_inlines("3×4米"), vec![text("3×4米")]);
    }

    #[test]
    fn latin_words_with_x_are_not_redactions() {
        assert_eq!(parse_inlines("XML格式"), vec![text("XML格式")]);
        assert_eq!(parse_inlines("iPhoneX手机"), vec![text("iPhoneX手机")]);
        assert_eq!(parse_inlines("X2型"), vec![text("X2型")]);
    }

    #[test]
    fn finds_quoted_terms_with_redactions_inside() {
        assert_eq!(
            parse_inlines("按照“一带两城”布局"),
            vec![
                text("按照"),
                Inline::Quote(vec![text("一带两城")]),
                text("布局")
            ]
        );
        assert_eq!(
            parse_inlines("“XX湖”"),
            vec![Inline::Quote(vec![masked("XX"), text("湖")])]
        );
    }

    #[test]
    fn unbalanced_or_empty_quotes_stay_text() {
        assert_eq!(parse_inlines("“未闭合"), vec![text("“未闭合")]);
        assert_eq!(parse_inlines("“”"), vec![text("“”")]);
        assert_eq!(
            parse_inlines("“a“b”"),
            vec![text("“a"), Inline::Quote(vec![text("b")])]
        );
        assert_eq!(
            parse_inlines("“跨\n行”"),
            vec![text("“跨"), Inline::Break("\n".into()), text("行”")]
        );
    }

    #[test]
    fn line_breaks_keep_their_whitespace() {
        let spans = parse_inlines("甲。 \r\n\n　　乙");
        assert_eq!(
            spans,
            vec![
                text("甲。"),
                Inline::Break(" \r\n\n　　".into()),
                text("乙")
            ]
        );
        assert_eq!(plain_text(&spans), "甲。乙");
    }

    #[test]
    fn source_round_trips() {
        for s in ["", "X", "“X”", "a  b", "“一带两城”XX区\n\nX个", "XXX", "”“"] {
            assert_eq!(source_of(&parse_inlines(s)), s);
        }
    }
}
