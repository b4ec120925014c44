//! Which part of the report is being read, from where each part's top sits in the viewport.
//! Pure: the browser glue measures, this decides.

/// Where the reader's eye is taken to be, as a share of the viewport height from its top.
/// app.css places a revealed search hit just above it (`mark.hit.current`), so keep them in step.
pub const READING_LINE: f64 = 0.25;

/// The part being read, by index: the last one whose top has passed the reading line. At the
/// very bottom of the page the last part whose top is on screen wins, so short closing parts
/// can be marked. `top(i)` is the top of part `i` from the viewport's top in CSS pixels, parts
/// in reading order (so tops increase). A binary search: on a long report a dozen measurements
/// a frame instead of one per part.
pub fn active_index(
    count: usize,
    top: impl Fn(usize) -> f64,
    viewport_height: f64,
    at_bottom: bool,
) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let limit = if at_bottom {
        viewport_height
    } else {
        viewport_height * READING_LINE
    };
    // How many parts have their top above the limit: a prefix, as tops increase.
    let (mut lo, mut hi) = (0, count);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if top(mid) <= limit {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Some(lo.saturating_sub(1))
}

/// The part to mark, given `active` from [`active_index`] and `revealed`, the part holding a
/// search hit the app has just scrolled to (kept until the reader moves the page): the reader
/// is looking at the hit. Usually the two agree, as the hit is put at the reading line; near
/// the end of the page it cannot get there, and the usual rule would mark a part below it.
pub fn with_revealed(active: Option<usize>, revealed: Option<usize>) -> Option<usize> {
    revealed.or(active)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Anchor;

    /// The rule stated plainly, measuring every part: what [`active_index`] must decide.
    fn active_anchor(
        tops: &[(Anchor, f64)],
        viewport_height: f64,
        at_bottom: bool,
    ) -> Option<Anchor> {
        let line = viewport_height * READING_LINE;
        let limit = if at_bottom { viewport_height } else { line };
        tops.iter()
            .rev()
            .find(|(_, top)| *top <= limit)
            .or_else(|| tops.first())
            .map(|(a, _)| *a)
    }

    const TOPS: [(Anchor, f64); 4] = [
        (Anchor::Intro, -900.0),
        (Anchor::section(1), -20.0),
        (Anchor::point(1, 1), 200.0),
        (Anchor::Closing, 700.0),
    ];

    #[test]
    fn marks_the_last_part_above_the_reading_line() {
        assert_eq!(
            active_anchor(&TOPS, 800.0, false),
            Some(Anchor::point(1, 1))
        );
        assert_eq!(active_anchor(&TOPS, 500.0, false), Some(Anchor::section(1)));
    }

    #[test]
    fn a_revealed_hit_s_part_wins_until_the_reader_moves() {
        // At the bottom the closing part is last on screen; the hit is in the part before it.
        assert_eq!(with_revealed(Some(9), Some(8)), Some(8));
        // Nothing revealed (or forgotten once the reader scrolled): the reading line decides.
        assert_eq!(with_revealed(Some(9), None), Some(9));
        assert_eq!(with_revealed(None, None), None);
    }

    #[test]
    fn before_any_part_marks_the_first() {
        let tops = [(Anchor::Intro, 300.0), (Anchor::section(1), 900.0)];
        assert_eq!(active_anchor(&tops, 800.0, false), Some(Anchor::Intro));
        assert_eq!(active_anchor(&[], 800.0, false), None);
    }

    // proptest is a dev-dependency of the host only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn measuring_a_dozen_parts_decides_as_measuring_all(
            mut tops in proptest::collection::vec(-5000.0f64..5000.0, 0..300),
            height in 100.0f64..1500.0,
            at_bottom: bool,
        ) {
            tops.sort_by(f64::total_cmp);
            let parts: Vec<(Anchor, f64)> =
                tops.iter().enumerate().map(|(i, t)| (Anchor::point(1, i + 1), *t)).collect();
            let by_index = active_index(parts.len(), |i| parts[i].1, height, at_bottom)
                .map(|i| parts[i].0);
            proptest::prop_assert_eq!(by_index, active_anchor(&parts, height, at_bottom));
        }
    }

    #[test]
    fn at_the_bottom_a_short_last_part_wins() {
        assert_eq!(active_anchor(&TOPS, 800.0, true), Some(Anchor::Closing));
    }
}
