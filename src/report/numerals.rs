//! Chinese ordinal numerals as the genre writes them (一 … 十 … 九十九), both ways.
//! Pure: no browser calls.

const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// The numeral for `n` in 1..=99 (`3` → "三", `12` → "十二", `20` → "二十"); `None` outside.
pub fn to_chinese(n: usize) -> Option<String> {
    match n {
        1..=9 => Some(DIGITS[n].to_string()),
        10..=99 => {
            let (tens, ones) = (n / 10, n % 10);
            let tens_part = if tens == 1 { "" } else { DIGITS[tens] };
            Some(format!("{tens_part}十{}", DIGITS[ones]))
        }
        _ => None,
    }
}

/// Reads a numeral at the start of `text` and returns its value and byte length.
/// Longest match wins, so "十二、" reads as 12, not 1.
pub fn read_prefix(text: &str) -> Option<(usize, usize)> {
    (1..=99)
        .rev()
        .filter_map(|n| to_chinese(n).map(|s| (n, s)))
        .find(|(_, s)| text.starts_with(s.as_str()))
        .map(|(n, s)| (n, s.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_numerals_the_genre_uses() {
        assert_eq!(to_chinese(1).as_deref(), Some("一"));
        assert_eq!(to_chinese(4).as_deref(), Some("四"));
        assert_eq!(to_chinese(10).as_deref(), Some("十"));
        assert_eq!(to_chinese(11).as_deref(), Some("十一"));
        assert_eq!(to_chinese(20).as_deref(), Some("二十"));
        assert_eq!(to_chinese(99).as_deref(), Some("九十九"));
        assert_eq!(to_chinese(0), None);
        assert_eq!(to_chinese(100), None);
    }

    #[test]
    fn reads_the_longest_numeral_prefix() {
        assert_eq!(read_prefix("十二、"), Some((12, "十二".len())));
        assert_eq!(read_prefix("三是"), Some((3, "三".len())));
        assert_eq!(read_prefix("二十、"), Some((20, "二十".len())));
        assert_eq!(read_prefix("是"), None);
    }

    #[test]
    fn every_numeral_reads_back_as_itself() {
        for n in 1..=99 {
            let s = to_chinese(n).unwrap();
            assert_eq!(read_prefix(&s), Some((n, s.len())), "{s}");
        }
    }
}
