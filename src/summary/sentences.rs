//! Sentences inside a passage, so the overview can link to (and flash) the exact sentence a
//! fact comes from. Pure.

/// Marks that end a sentence.
const ENDS: [char; 6] = ['。', '！', '？', '!', '?', '…'];

/// The byte range of the sentence around `at` in `text`: from after the previous sentence end
/// (skipping whitespace) to and including the next one, or the end of the text.
pub fn sentence_around(text: &str, at: usize) -> (usize, usize) {
    let at = floor_char_boundary(text, at);
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

/// The largest char boundary at or before `at` (the text's end past it): positions that come
/// from arithmetic are never used to slice the middle of a character.
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The position one character before `at` (0 at the start).
pub fn char_before(text: &str, at: usize) -> usize {
    let at = floor_char_boundary(text, at);
    text[..at].char_indices().next_back().map_or(0, |(i, _)| i)
}

/// The position one character after `at` (the end at the end).
pub fn char_after(text: &str, at: usize) -> usize {
    let at = floor_char_boundary(text, at);
    text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
}

/// The clause (between ，；：。 marks) around `at`, for short labels.
pub fn clause_around(text: &str, at: usize) -> (usize, usize) {
    const CLAUSE: [char; 9] = ['，', '；', '：', '。', '！', '？', ',', ';', '\n'];
    let at = floor_char_boundary(text, at);
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
    fn positions_inside_a_character_are_floored() {
        let t = "近年来,我市以中心镇为重点。";
        for at in 0..=t.len() + 2 {
            let (s, e) = sentence_around(t, at);
            assert!(t.is_char_boundary(s) && t.is_char_boundary(e) && s <= e);
            let (s, e) = clause_around(t, at);
            assert!(t.is_char_boundary(s) && t.is_char_boundary(e) && s <= e);
            assert!(
                t.is_char_boundary(char_before(t, at)) && t.is_char_boundary(char_after(t, at))
            );
        }
        assert_eq!(char_after(t, 0), "近".len());
        assert_eq!(char_before(t, "近年".len()), "近".len());
    }

    #[test]
    fn finds_the_clause_around_a_position() {
        let t = "甲乙，丙丁；戊己。";
        let (s, e) = clause_around(t, t.find("丁").unwrap());
        assert_eq!(&t[s..e], "丙丁");
    }
}
