//! A long report of the same genre, made from the seed for the search benchmark: the seed's
//! header, then sections 一、… with ten points 一是…十是 each, written with the seed's own
//! sentences, then the seed's closing. Deterministic: the same seed gives the same text.

use yandu::report::numerals::to_chinese;

const POINTS_PER_SECTION: usize = 10;
const MAX_SECTIONS: usize = 99;

/// A report of at least `target_bytes` (UTF-8), or 99 sections if that comes first.
pub fn generate(seed: &str, target_bytes: usize) -> String {
    let lines: Vec<&str> = seed.lines().collect();
    let is_section = |l: &str| {
        yandu::report::numerals::read_prefix(l).is_some_and(|(_, len)| l[len..].starts_with('、'))
    };
    let first = lines
        .iter()
        .position(|l| is_section(l))
        .unwrap_or(lines.len());
    let last = lines.iter().rposition(|l| is_section(l)).unwrap_or(first);
    let sections: Vec<&str> = lines[first..=last.min(lines.len().saturating_sub(1))]
        .iter()
        .copied()
        .filter(|l| is_section(l))
        .collect();
    let headings: Vec<String> = sections.iter().map(|l| heading(l)).collect();
    let pool: Vec<String> = sections
        .iter()
        .flat_map(|l| sentences(body(l)))
        .map(|s| without_marker(&s))
        .filter(|s| s.chars().count() > 4)
        .collect();
    if headings.is_empty() || pool.is_empty() {
        return seed.to_string();
    }
    let average = pool.iter().map(String::len).sum::<usize>() / pool.len();
    let per_point =
        (target_bytes / (MAX_SECTIONS * POINTS_PER_SECTION * average.max(1))).max(1) + 1;

    let mut out: String = lines[..first].iter().map(|l| format!("{l}\n")).collect();
    let mut next = 0;
    for s in 1..=MAX_SECTIONS {
        if out.len() >= target_bytes {
            break;
        }
        out.push_str(&format!(
            "{}、{}",
            numeral(s),
            headings[(s - 1) % headings.len()]
        ));
        for p in 1..=POINTS_PER_SECTION {
            out.push_str(&format!("{}是", numeral(p)));
            for _ in 0..per_point {
                out.push_str(&pool[next % pool.len()]);
                next += 1;
            }
        }
        out.push('\n');
    }
    for l in &lines[(last + 1).min(lines.len())..] {
        out.push_str(l);
        out.push('\n');
    }
    out
}

fn numeral(n: usize) -> String {
    to_chinese(n).unwrap_or_default()
}

/// "一、heading。body…" → "heading。"
fn heading(line: &str) -> String {
    let after = line.split_once('、').map_or(line, |(_, rest)| rest);
    match after.find('。') {
        Some(i) => after[..i + '。'.len_utf8()].to_string(),
        None => after.to_string(),
    }
}

fn body(line: &str) -> &str {
    line.split_once('。').map_or("", |(_, rest)| rest)
}

fn sentences(text: &str) -> Vec<String> {
    text.split_inclusive('。').map(str::to_string).collect()
}

/// Drops a leading "一是" so the generated markers stay in order.
fn without_marker(sentence: &str) -> String {
    match yandu::report::numerals::read_prefix(sentence) {
        Some((_, len)) if sentence[len..].starts_with('是') => {
            sentence[len + '是'.len_utf8()..].to_string()
        }
        _ => sentence.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yandu::report::Document;

    const SEED: &str = include_str!("../../content/report.txt");

    #[test]
    fn a_megabyte_of_the_genre_parses_into_its_sections_and_points() {
        let text = generate(SEED, 1 << 20);
        assert!(text.len() >= 1 << 20, "{} bytes", text.len());
        let doc = Document::parse(&text);
        let seed_doc = Document::parse(SEED);
        assert_eq!(doc.title(), seed_doc.title());
        let sections = doc.parts.len();
        assert!(
            sections > 4 && sections <= MAX_SECTIONS,
            "{sections} sections"
        );
        assert!(doc
            .parts
            .iter()
            .all(|s| s.children().count() == POINTS_PER_SECTION));
        assert_eq!(generate(SEED, 1 << 20), text, "deterministic");
    }
}
