//! Stable anchors for every part of a report, used as element ids and URL fragments:
//! `#intro`, `#s2` (二、), `#s2-p3` (its 三是), `#closing`, and `#overview` for the overview
//! above the report. Pure: no browser calls.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Anchor {
    /// The overview made from the text, above the report (not part of the document).
    Overview,
    Intro,
    Section(usize),
    /// Section number, point number (both 1-based).
    Point(usize, usize),
    Closing,
}

impl Anchor {
    /// The element id and URL fragment (without '#').
    pub fn id(&self) -> String {
        self.to_string()
    }

    /// Reads an id or a fragment (with or without '#'); `None` if it names no anchor.
    pub fn parse(fragment: &str) -> Option<Anchor> {
        let id = fragment.strip_prefix('#').unwrap_or(fragment);
        match id {
            "overview" => return Some(Anchor::Overview),
            "intro" => return Some(Anchor::Intro),
            "closing" => return Some(Anchor::Closing),
            _ => {}
        }
        let rest = id.strip_prefix('s')?;
        let number = |s: &str| -> Option<usize> {
            // Only canonical numbers: "s02" is not "s2", so every anchor has one spelling.
            (!s.starts_with('0') && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        match rest.split_once("-p") {
            Some((s, p)) => Some(Anchor::Point(number(s)?, number(p)?)),
            None => Some(Anchor::Section(number(rest)?)),
        }
    }

    /// The section an anchor belongs to, if any.
    pub fn section(&self) -> Option<usize> {
        match *self {
            Anchor::Section(s) | Anchor::Point(s, _) => Some(s),
            Anchor::Overview | Anchor::Intro | Anchor::Closing => None,
        }
    }
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Anchor::Overview => f.write_str("overview"),
            Anchor::Intro => f.write_str("intro"),
            Anchor::Closing => f.write_str("closing"),
            Anchor::Section(s) => write!(f, "s{s}"),
            Anchor::Point(s, p) => write!(f, "s{s}-p{p}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_documented_ones() {
        assert_eq!(Anchor::Section(2).id(), "s2");
        assert_eq!(Anchor::Point(2, 3).id(), "s2-p3");
        assert_eq!(Anchor::Intro.id(), "intro");
        assert_eq!(Anchor::Closing.id(), "closing");
    }

    #[test]
    fn parses_fragments_back() {
        for a in [
            Anchor::Overview,
            Anchor::Intro,
            Anchor::Closing,
            Anchor::Section(4),
            Anchor::Point(12, 10),
        ] {
            assert_eq!(Anchor::parse(&a.id()), Some(a));
            assert_eq!(Anchor::parse(&format!("#{a}")), Some(a));
        }
    }

    #[test]
    fn rejects_what_is_not_an_anchor() {
        for bad in [
            "", "#", "s", "s-p1", "s2-p", "s02", "x2", "s2-p3-p4", "s+2", "s２", "note-1",
        ] {
            assert_eq!(Anchor::parse(bad), None, "{bad}");
        }
    }
}
