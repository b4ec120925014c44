//! Where the reader is in the text, so it stays on screen when the text reflows (a window
//! resized, a phone turned, the notes rail coming or going). The scroll offset alone would then
//! show other text, as every line above wraps anew. Scroll anchoring, where an engine has it,
//! keeps the top of the screen; this keeps the reading line (the scroll spy's), and WebKit has
//! no scroll anchoring at all. Pure: the browser glue measures the blocks, this decides.

/// A point in the text: a block (by index, in reading order) and how far down it the point is,
/// as a share of the block's height; or, where the point falls between two blocks, how far above
/// the next one it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReadingPlace {
    pub block: usize,
    /// From 0 (the block's top) to 1 (its bottom).
    pub share: f64,
    /// CSS pixels above the block's top (0 inside it).
    pub gap: f64,
}

/// The place at `line` (CSS pixels from the viewport's top): in the first block whose bottom is
/// below the line. `rect(i)` is block `i`'s top and bottom from the viewport's top, blocks in
/// reading order (so both increase). `None` when no block reaches below the line. A binary
/// search: a dozen measurements even on a long report.
pub fn place_at(
    count: usize,
    rect: impl Fn(usize) -> (f64, f64),
    line: f64,
) -> Option<ReadingPlace> {
    let (mut lo, mut hi) = (0, count);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if rect(mid).1 > line {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    if lo == count {
        return None;
    }
    let (top, bottom) = rect(lo);
    Some(if top >= line {
        ReadingPlace {
            block: lo,
            share: 0.0,
            gap: top - line,
        }
    } else {
        ReadingPlace {
            block: lo,
            share: (line - top) / (bottom - top),
            gap: 0.0,
        }
    })
}

/// How far to scroll down (negative: up) so that `place` is on `line` again, its block's top and
/// bottom now at `rect`.
pub fn scroll_to_keep(place: ReadingPlace, rect: (f64, f64), line: f64) -> f64 {
    let (top, bottom) = rect;
    top + place.share * (bottom - top) - place.gap - line
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of `heights` one after another with `gap` pixels between them, the first at `top`.
    fn layout(heights: &[f64], gap: f64, top: f64) -> Vec<(f64, f64)> {
        let mut y = top;
        heights
            .iter()
            .map(|h| {
                let r = (y, y + h);
                y += h + gap;
                r
            })
            .collect()
    }

    #[test]
    fn inside_a_block_keeps_its_share() {
        let blocks = layout(&[100.0, 200.0, 100.0], 20.0, -150.0);
        // Block 1 spans -30..170: the line at 20 is a quarter of the way down.
        let place = place_at(3, |i| blocks[i], 20.0).unwrap();
        assert_eq!(
            place,
            ReadingPlace {
                block: 1,
                share: 0.25,
                gap: 0.0
            }
        );
        // The text wraps to twice the height and the page above grows by 300 px: a quarter of the
        // way down block 1 is 270 + 100 = 370, which is 350 below the line.
        let reflowed = layout(&[400.0, 400.0, 200.0], 20.0, -150.0);
        assert_eq!(scroll_to_keep(place, reflowed[1], 20.0), 350.0);
    }

    #[test]
    fn between_blocks_keeps_the_distance_to_the_next() {
        let blocks = layout(&[100.0, 100.0], 40.0, 0.0);
        // Block 0 ends at 100, block 1 starts at 140: the line at 110 is 30 above it.
        let place = place_at(2, |i| blocks[i], 110.0).unwrap();
        assert_eq!(
            place,
            ReadingPlace {
                block: 1,
                share: 0.0,
                gap: 30.0
            }
        );
        assert_eq!(scroll_to_keep(place, (500.0, 600.0), 110.0), 360.0);
    }

    #[test]
    fn nothing_below_the_line_is_no_place() {
        let blocks = layout(&[100.0, 100.0], 0.0, -300.0);
        assert_eq!(place_at(2, |i| blocks[i], 50.0), None);
        assert_eq!(place_at(0, |_| (0.0, 0.0), 50.0), None);
    }

    // proptest is a dev-dependency of the host only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The binary search finds what a look at every block finds, and the place found scrolls
        /// nowhere while nothing moves.
        #[test]
        fn agrees_with_every_block_and_stays_put(
            heights in proptest::collection::vec(1.0f64..400.0, 1..40),
            gap in 0.0f64..60.0,
            top in -3000.0f64..500.0,
            line in 0.0f64..900.0,
        ) {
            let blocks = layout(&heights, gap, top);
            let place = place_at(blocks.len(), |i| blocks[i], line);
            let first_below = blocks.iter().position(|r| r.1 > line);
            proptest::prop_assert_eq!(place.map(|p| p.block), first_below);
            if let Some(p) = place {
                proptest::prop_assert!((0.0..=1.0).contains(&p.share) && p.gap >= 0.0);
                proptest::prop_assert!(scroll_to_keep(p, blocks[p.block], line).abs() < 1e-6);
            }
        }
    }
}
