//! Sentences inside a passage, so the overview can link to (and flash) the exact sentence a
//! fact comes from. Pure.

/// Marks that end a sentence.
const ENDS: [char; 6] = ['。', '！', '？', '!', '?', '…'];

/// The byte range of the sentence around `at` in `text`: from after the previous sentence end
/// (skipping whitespace) to and including the next one, or the end of the text.
pub fn sentence_around(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| ENDS.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let start = start + (text[start..].len() - text[start..].trim_start().len());
    let end = text[at..]
        .char_indices()
        .find(|(_, c)| ENDS.contains(c))
        .map_or(text.len(), |(i, c)| at + i + c.len_utf8());
    (start, end.max(start))
}

/// The clause (between ，；：。 marks) around `at`, for short labels.
pub fn clause_around(text: &str, at: usize) -> (usize, usize) {
    const CLAUSE: [char; 9] = ['，', '；', '：', '。', '！', '？', ',', ';', '\n'];
    let at = at.min(text.len());
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| CLAUSE.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..]
        .char_indices()
        .find(|(_, c)| CLAUSE.contains(c))
        .map_or(text.len(), |(i, _)| at + i);
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_sentence_around_a_position() {
        let t = "第一句。第二句，有逗号。第三句";
        let at = t.find("逗号").unwrap();
        let (s, e) = sentence_around(t, at);
        assert_eq!(&t[s..e], "第二句，有逗号。");
        let (s, e) = sentence_around(t, t.find("第三").unwrap());
        assert_eq!(&t[s..e], "第三句");
        let (s, e) = sentence_around(t, 0);
        assert_eq!(&t[s..e], "第一句。");
    }

    #[test]
    fn finds_the_clause_around_a_position() {
        let t = "甲乙，丙丁；戊己。";
        let (s, e) = clause_around(t, t.find("丁").unwrap());
        assert_eq!(&t[s..e], "丙丁");
    }
}
