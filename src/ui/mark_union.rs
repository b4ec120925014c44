//! Marks of one kind that overlap or touch, drawn as one. A custom highlight paints the union
//! of its ranges anyway, but every range in the registry costs the engine time in each frame
//! that changes a highlight (about 6.5 µs in Chromium): the benchmark's 10,000 notes on the
//! seed (7,500 of them highlights) were a range each, where their union is a few dozen, and
//! were drawn 20-25 ms sooner once merged.

/// `marks` (start, end, kind) by start, with those whose kind `joins` merged into one mark per
/// run of overlapping or touching marks of the same kind; the others are kept as they are.
/// Empty marks (start ≥ end) of a joined kind are dropped, as they paint nothing.
pub fn union_by_kind<K: Copy + PartialEq>(
    mut marks: Vec<(usize, usize, K)>,
    joins: impl Fn(K) -> bool,
) -> Vec<(usize, usize, K)> {
    crate::order::sort_by_key(&mut marks, |m| m.0);
    // The run of each joined kind still open, as the sweep goes from left to right: its
    // place in `out`.
    let mut open: Vec<usize> = Vec::new();
    let mut out: Vec<(usize, usize, K)> = Vec::with_capacity(marks.len());
    for (start, end, kind) in marks {
        if !joins(kind) {
            out.push((start, end, kind));
            continue;
        }
        if start >= end {
            continue;
        }
        match open.iter_mut().find(|at| out[**at].2 == kind) {
            Some(at) if start <= out[*at].1 => out[*at].1 = out[*at].1.max(end),
            Some(at) => {
                *at = out.len();
                out.push((start, end, kind));
            }
            None => {
                open.push(out.len());
                out.push((start, end, kind));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_and_touching_marks_of_a_kind_become_one() {
        let marks = [
            (5, 9, 'a'),
            (0, 3, 'a'),
            (2, 5, 'a'),
            (4, 6, 'b'),
            (12, 14, 'a'),
            (1, 2, 'h'),
            (1, 2, 'h'),
            (7, 7, 'b'),
        ];
        assert_eq!(
            union_by_kind(marks.to_vec(), |k| k != 'h'),
            [
                (0, 9, 'a'),
                (1, 2, 'h'),
                (1, 2, 'h'),
                (4, 6, 'b'),
                (12, 14, 'a')
            ]
        );
        assert!(union_by_kind::<char>(Vec::new(), |_| true).is_empty());
    }

    // proptest is a dev-dependency of the host only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn covers_what_the_marks_covered_with_no_two_runs_of_a_kind_meeting(
            marks in proptest::collection::vec((0usize..40, 0usize..12, 0u8..4), 0..50)
        ) {
            let marks: Vec<(usize, usize, u8)> =
                marks.into_iter().map(|(s, len, k)| (s, s + len, k)).collect();
            let joins = |k: u8| k != 3;
            let union = union_by_kind(marks.clone(), joins);
            proptest::prop_assert!(union.windows(2).all(|p| p[0].0 <= p[1].0), "by start");
            // Kept as they are: the marks of kinds that do not join (in their order by start).
            let mut kept: Vec<_> = marks.iter().copied().filter(|m| !joins(m.2)).collect();
            kept.sort_by_key(|m| m.0);
            let kept_after: Vec<_> = union.iter().copied().filter(|m| !joins(m.2)).collect();
            proptest::prop_assert_eq!(kept_after, kept);
            let covered = |list: &[(usize, usize, u8)], kind: u8, at: usize| {
                list.iter().any(|m| m.2 == kind && m.0 <= at && at < m.1)
            };
            for kind in 0..3u8 {
                for at in 0..60 {
                    proptest::prop_assert_eq!(covered(&marks, kind, at), covered(&union, kind, at));
                }
                let runs: Vec<_> = union.iter().filter(|m| m.2 == kind).collect();
                for pair in runs.windows(2) {
                    proptest::prop_assert!(pair[0].1 < pair[1].0, "{:?}", pair);
                }
                proptest::prop_assert!(runs.iter().all(|m| m.0 < m.1));
            }
            proptest::prop_assert!(union.len() <= marks.len());
        }
    }
}
