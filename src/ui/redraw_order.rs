//! The order in which passages whose marks changed are redrawn. A one-character query on a
//! long report changes the marks of hundreds of passages; redrawing them all before the next
//! paint took 300–500 ms on a 1 MB report. So the passages on screen (and any that must be
//! drawn at once, such as the one holding the current hit) go first, and the others follow
//! in batches, one after each paint, nearest to the screen first.

use std::ops::Range;

/// Passages redrawn per batch after the first (and the most redrawn at once when nothing
/// needs to wait). Redrawing one costs about half a millisecond on the benchmark machine, so
/// a batch leaves most of a frame free; the seed report's common words (城: 19 of its 24
/// passages) already take the batched path.
pub const BATCH: usize = 16;

/// Splits `changed` (passage indices) into batches. The first holds every urgent passage and
/// every passage inside a `focus` range (what is on screen, what a jump is about to show) and
/// nothing more, as the frame after a keystroke waits for it; the others follow, nearest to a
/// focus range first, `batch` at a time. Empty when nothing changed.
pub fn batches(
    changed: &[usize],
    focus: &[Range<usize>],
    urgent: impl Fn(usize) -> bool,
    batch: usize,
) -> Vec<Vec<usize>> {
    let distance = |p: usize| {
        focus
            .iter()
            .map(|r| {
                if p < r.start {
                    r.start - p
                } else {
                    p.saturating_sub(r.end.saturating_sub(1))
                }
            })
            .min()
            .unwrap_or(0)
    };
    let (first, mut rest): (Vec<usize>, Vec<usize>) = changed
        .iter()
        .partition(|&&p| urgent(p) || distance(p) == 0);
    crate::order::sort_by_key(&mut rest, |&p| (distance(p), p));
    let batch = batch.max(1);
    std::iter::once(first)
        .filter(|f| !f.is_empty())
        .chain(rest.chunks(batch).map(<[usize]>::to_vec))
        .collect()
}

/// The batches for one change. `changed` lists the changed passages in index order, each with
/// whether it is urgent; `in_view` says which passages are on screen (asked only when the
/// change is too big for one batch; `None` if unknown, and then all are drawn at once). The
/// focus is the screen and the neighbourhood of each urgent passage: a search scrolls to its
/// current hit, so what surrounds it is what the reader sees next.
pub fn plan(
    changed: &[(usize, bool)],
    in_view: impl FnOnce() -> Option<Range<usize>>,
) -> Vec<Vec<usize>> {
    let order: Vec<usize> = changed.iter().map(|c| c.0).collect();
    if order.is_empty() {
        return Vec::new();
    }
    let Some(in_view) = (order.len() > BATCH).then(in_view).flatten() else {
        return vec![order];
    };
    let span = in_view.len();
    let focus: Vec<Range<usize>> = std::iter::once(in_view)
        .chain(changed.iter().filter(|c| c.1).map(|c| around(c.0, span)))
        .collect();
    let urgent = |p: usize| {
        changed
            .binary_search_by_key(&p, |c| c.0)
            .is_ok_and(|i| changed[i].1)
    };
    batches(&order, &focus, urgent, BATCH)
}

/// The passages a screen of `span` passages shows once `passage` is revealed: it sits a
/// quarter of the way down (at the scroll spy's reading line), so a quarter of the screen is
/// before it and the rest after it. One more each side, as passages differ in length.
fn around(passage: usize, span: usize) -> Range<usize> {
    let before = span / 4 + 1;
    passage.saturating_sub(before)..passage + (span - span / 4) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The focus when only the screen counts.
    fn screen(on_screen: Range<usize>) -> Vec<Range<usize>> {
        vec![on_screen]
    }

    #[test]
    fn small_changes_are_one_batch() {
        assert_eq!(
            batches(&[3, 40, 90], &screen(10..20), |_| false, 24),
            [vec![3, 40, 90]]
        );
        assert!(batches(&[], &screen(0..5), |_| true, 24).is_empty());
    }

    #[test]
    fn screen_first_then_outwards() {
        let changed: Vec<usize> = (0..100).collect();
        let out = batches(&changed, &screen(50..54), |_| false, 6);
        // The four on screen and nothing more: the frame after a keystroke waits for them.
        let mut first = out[0].clone();
        first.sort_unstable();
        assert_eq!(first, [50, 51, 52, 53]);
        assert_eq!(out[1], [49, 54, 48, 55, 47, 56]);
        // Every changed passage exactly once.
        let mut all: Vec<usize> = out.concat();
        all.sort_unstable();
        assert_eq!(all, changed);
        assert!(out[1..].iter().all(|b| b.len() <= 6));
    }

    #[test]
    fn urgent_passages_go_first_wherever_they_are() {
        let changed: Vec<usize> = (0..200).collect();
        let out = batches(&changed, &screen(0..3), |p| p == 150, 4);
        assert!(out[0].contains(&150));
        assert!(out[0].contains(&0) && out[0].contains(&2));
        assert_eq!(out.concat().len(), 200);
    }

    #[test]
    fn the_place_a_jump_goes_to_comes_before_the_rest() {
        let changed: Vec<usize> = (0..300).collect();
        let out = batches(&changed, &[0..4, around(200, 4)], |p| p == 200, 4);
        let mut first = out[0].clone();
        first.sort_unstable();
        assert_eq!(first, [0, 1, 2, 3, 198, 199, 200, 201, 202, 203]);
        // Next: one step out from either place.
        assert_eq!(out[1], [4, 197, 204, 5]);
        assert_eq!(out.concat().len(), 300);
        // A quarter of the screen before the revealed passage, the rest after, one more each side.
        assert_eq!(around(1, 10), 0..10);
        assert_eq!(around(50, 4), 48..54);
        assert_eq!(around(50, 0), 49..51);
    }

    #[test]
    fn a_plan_asks_for_the_screen_only_when_one_batch_is_not_enough() {
        let small: Vec<(usize, bool)> = (0..BATCH).map(|p| (p, false)).collect();
        let all: Vec<usize> = (0..BATCH).collect();
        assert_eq!(plan(&small, || panic!("asked for the screen")), [all]);
        assert!(plan(&[], || panic!("asked for the screen")).is_empty());
        // Unknown screen: everything at once.
        let big: Vec<(usize, bool)> = (0..100).map(|p| (p, p == 80)).collect();
        assert_eq!(plan(&big, || None), [(0..100).collect::<Vec<_>>()]);
        // Known screen: it and the urgent passage with its neighbours first.
        let out = plan(&big, || Some(10..14));
        assert!([10, 11, 12, 13, 78, 79, 80, 81, 82]
            .iter()
            .all(|p| out[0].contains(p)));
        assert!(out[1..].iter().all(|b| b.len() <= BATCH));
        assert_eq!(out.concat().len(), 100);
    }

    #[test]
    fn a_screen_fuller_than_a_batch_is_still_drawn_at_once() {
        let changed: Vec<usize> = (0..100).collect();
        let out = batches(&changed, &screen(10..40), |_| false, 8);
        assert_eq!(out[0], (10..40).collect::<Vec<_>>());
    }
}
