//! Sorting through one copy of the standard library's stable sort. Every sort call with its
//! own element type and comparison compiles a copy of the whole sort into the wasm (2–5 KB
//! each); here only a list of indices is ever sorted, through one comparison type, and the
//! values are then moved into that order. Stable, like `slice::sort_by`.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = order_of(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// Sorts `items` by the key `key` gives each, keeping equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The indices `0..n` in the order `compare` puts them: the one place a sort is compiled.
fn order_of(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_items_in_order() {
        let mut pairs = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (0, 'f')];
        let mut expected = pairs.clone();
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, expected);
        let mut words: Vec<String> = ["乙", "甲", "", "丙", "甲"].map(String::from).to_vec();
        sort(&mut words);
        assert_eq!(words, ["", "丙", "乙", "甲", "甲"]);
        let mut none: Vec<u8> = Vec::new();
        sort(&mut none);
        assert!(none.is_empty());
        let mut floats = vec![2.5, -1.0, 0.0];
        sort_by(&mut floats, f64::total_cmp);
        assert_eq!(floats, [-1.0, 0.0, 2.5]);
    }

    // proptest is a dev-dependency of the host only.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_list_is_sorted_stably(items in proptest::collection::vec((0u8..5, 0u16..1000), 0..60)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut theirs = items;
            theirs.sort_by_key(|p| p.0);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
