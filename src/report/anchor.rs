//! Stable anchors for every part of a report, used as element ids and URL fragments:
//! `#intro`, `#s2` (二、), `#s2-p3` (its 三是), `#s2-1` (its （一）), `#s2-1-p2` (that one's 二是),
//! `#p1` (a point at the top level, 第一，), `#closing`, `#a1` (the first appendix), and
//! `#overview` for the overview above the report. Pure: no browser calls.

use std::fmt;

/// How deep the tree goes: 一、 → （一） → 1. → （1） → ① with point runs between them.
/// Numbering nested deeper than this stays text in its parent.
pub const MAX_DEPTH: usize = 8;

/// Marks a step as a point (一是, 第一) rather than a numbered heading.
const POINT_BIT: u16 = 1 << 15;

/// Where a node sits in the tree: for each level, its 1-based position among the siblings
/// of its kind (numbered headings and points are counted apart). `Copy`, so it can key maps
/// and signals like the plain numbers it replaces.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodePath {
    steps: [u16; MAX_DEPTH],
    len: u8,
}

impl NodePath {
    pub const ROOT: NodePath = NodePath {
        steps: [0; MAX_DEPTH],
        len: 0,
    };

    /// The path one level down; `None` past [`MAX_DEPTH`] or for a position out of range.
    pub const fn child(self, number: usize, point: bool) -> Option<NodePath> {
        if number == 0 || number >= POINT_BIT as usize || self.len as usize >= MAX_DEPTH {
            return None;
        }
        let n = number as u16;
        let mut next = self;
        next.steps[self.len as usize] = if point { n | POINT_BIT } else { n };
        next.len += 1;
        Some(next)
    }

    pub fn depth(&self) -> usize {
        usize::from(self.len)
    }

    /// The steps as (position, is a point), top first.
    pub fn steps(&self) -> impl Iterator<Item = (usize, bool)> + '_ {
        self.steps[..self.depth()]
            .iter()
            .map(|s| (usize::from(s & !POINT_BIT), s & POINT_BIT != 0))
    }

    /// Whether the last step is a point.
    pub fn is_point(&self) -> bool {
        self.steps().last().is_some_and(|(_, p)| p)
    }

    /// The enclosing node's path (the root for a top-level node).
    pub fn parent(&self) -> NodePath {
        let mut up = *self;
        if up.len > 0 {
            up.len -= 1;
            up.steps[usize::from(up.len)] = 0;
        }
        up
    }

    /// The top-level node this one is in (itself at the top).
    pub fn top(&self) -> NodePath {
        let mut top = *self;
        for s in top.steps.iter_mut().skip(1) {
            *s = 0;
        }
        top.len = top.len.min(1);
        top
    }

    /// Whether `self` is `other` or inside it.
    pub fn within(&self, other: &NodePath) -> bool {
        other.len <= self.len && self.steps[..other.depth()] == other.steps[..other.depth()]
    }
}

impl fmt::Debug for NodePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NodePath({self})")
    }
}

impl fmt::Display for NodePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (n, point)) in self.steps().enumerate() {
            match (i, point) {
                (0, false) => write!(f, "s{n}")?,
                (0, true) => write!(f, "p{n}")?,
                (_, false) => write!(f, "-{n}")?,
                (_, true) => write!(f, "-p{n}")?,
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Anchor {
    /// The overview made from the text, above the report (not part of the document).
    Overview,
    Intro,
    /// A numbered heading or a point, anywhere in the tree.
    Node(NodePath),
    Closing,
    /// An appendix (附件, 名词解释), 1-based.
    Appendix(u16),
}

impl Anchor {
    /// A top-level section: `Anchor::section(2)` is `#s2`.
    pub const fn section(number: usize) -> Anchor {
        match NodePath::ROOT.child(number, false) {
            Some(p) => Anchor::Node(p),
            None => Anchor::Node(NodePath::ROOT),
        }
    }

    /// A point of a top-level section: `Anchor::point(2, 3)` is `#s2-p3`.
    pub const fn point(section: usize, point: usize) -> Anchor {
        match NodePath::ROOT.child(section, false) {
            Some(s) => match s.child(point, true) {
                Some(p) => Anchor::Node(p),
                None => Anchor::Node(NodePath::ROOT),
            },
            None => Anchor::Node(NodePath::ROOT),
        }
    }

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
        // Only canonical numbers: "s02" is not "s2", so every anchor has one spelling.
        let number = |s: &str| -> Option<usize> {
            (!s.is_empty()
                && !s.starts_with('0')
                && s.len() <= 5
                && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
        };
        if let Some(rest) = id.strip_prefix('a') {
            return u16::try_from(number(rest)?).ok().map(Anchor::Appendix);
        }
        let mut path = NodePath::ROOT;
        for (i, step) in id.split('-').enumerate() {
            let (digits, point) = match (i, step.as_bytes().first()) {
                (0, Some(b's')) => (&step[1..], false),
                (0, Some(b'p')) | (1.., Some(b'p')) => (&step[1..], true),
                (0, _) => return None,
                (_, _) => (step, false),
            };
            path = path.child(number(digits)?, point)?;
        }
        Some(Anchor::Node(path))
    }

    /// The node's path, for anchors of nodes.
    pub fn path(&self) -> Option<NodePath> {
        match self {
            Anchor::Node(p) => Some(*p),
            _ => None,
        }
    }

    /// The top-level section an anchor belongs to, if any.
    pub fn top(&self) -> Option<Anchor> {
        self.path().map(|p| Anchor::Node(p.top()))
    }

    /// Whether `self` is `other` or a part inside it (a point of a section, say).
    pub fn within(&self, other: &Anchor) -> bool {
        match (self, other) {
            (Anchor::Node(a), Anchor::Node(b)) => a.within(b),
            (a, b) => a == b,
        }
    }
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Anchor::Overview => f.write_str("overview"),
            Anchor::Intro => f.write_str("intro"),
            Anchor::Closing => f.write_str("closing"),
            Anchor::Node(p) => write!(f, "{p}"),
            Anchor::Appendix(n) => write!(f, "a{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_documented_ones() {
        assert_eq!(Anchor::section(2).id(), "s2");
        assert_eq!(Anchor::point(2, 3).id(), "s2-p3");
        assert_eq!(Anchor::Intro.id(), "intro");
        assert_eq!(Anchor::Closing.id(), "closing");
        assert_eq!(Anchor::Appendix(1).id(), "a1");
        let sub = NodePath::ROOT
            .child(3, false)
            .and_then(|p| p.child(1, false));
        let deep = sub
            .and_then(|p| p.child(2, false))
            .and_then(|p| p.child(4, true));
        assert_eq!(Anchor::Node(sub.unwrap()).id(), "s3-1");
        assert_eq!(Anchor::Node(deep.unwrap()).id(), "s3-1-2-p4");
        assert_eq!(
            Anchor::Node(NodePath::ROOT.child(1, true).unwrap()).id(),
            "p1"
        );
    }

    #[test]
    fn parses_fragments_back() {
        for id in [
            "overview", "intro", "closing", "s4", "s12-p10", "s3-1", "s3-1-2-3", "s3-1-p2", "p1",
            "p2-p1", "a1", "a12",
        ] {
            let a = Anchor::parse(id).unwrap_or_else(|| panic!("{id}"));
            assert_eq!(a.id(), id);
            assert_eq!(Anchor::parse(&format!("#{id}")), Some(a));
        }
        assert_eq!(Anchor::parse("s2-p3"), Some(Anchor::point(2, 3)));
    }

    #[test]
    fn rejects_what_is_not_an_anchor() {
        for bad in [
            "",
            "#",
            "s",
            "s-p1",
            "s2-p",
            "s02",
            "x2",
            "s+2",
            "s２",
            "note-1",
            "s2--1",
            "s2-",
            "a",
            "a0",
            "s0",
            "s1-s2",
            "s1-1-1-1-1-1-1-1-1",
            "s999999",
            "p",
            "a-1",
        ] {
            assert_eq!(Anchor::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn paths_know_their_place() {
        let s2 = Anchor::section(2);
        let p = Anchor::point(2, 3);
        assert!(p.within(&s2) && s2.within(&s2) && !s2.within(&p));
        assert!(!Anchor::point(1, 1).within(&s2));
        assert_eq!(p.top(), Some(s2));
        assert_eq!(p.path().map(|x| x.parent()), s2.path());
        assert!(p.path().unwrap().is_point() && !s2.path().unwrap().is_point());
    }
}
