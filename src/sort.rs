//! One sort for the whole crate.
//!
//! The standard library's sorts are generic: each element type and each
//! comparator gets its own copy of the algorithm, about 2 KB of wasm apiece,
//! and the engine sorts ten kinds of things (quotes, name hits, subjects,
//! ranges, words, …). Every sort in the core goes through this module
//! instead, so the module carries two copies in all: one that sorts `u64`
//! keys paired with the items' indices, and one that sorts indices with a
//! comparator behind a `dyn` call. The items are then moved into that order.
//!
//! Both sorts are stable: items that compare equal keep their order. The
//! price is one allocation of keys per sort and, for [`by`], an indirect
//! call per comparison; the sorted lists are a page's quotes or name hits,
//! small beside the text that produced them.
//!
//! This module must never grow a generic sorting loop of its own: the point
//! is that the algorithm exists once in the binary.

use std::cmp::Ordering;

/// Sorts `items` by `key`, smallest first; equal keys keep their order.
pub(crate) fn by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut keys: Vec<(u64, u32)> = items.iter().zip(0..).map(|(t, i)| (key(t), i)).collect();
    keys.sort_unstable();
    reorder(items, keys.into_iter().map(|(_, i)| i));
}

/// Sorts `items` by `cmp`; items that compare equal keep their order.
pub(crate) fn by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    indices(&mut order, &|a, b| cmp(&items[a], &items[b]));
    reorder(items, order.into_iter());
}

/// Two numbers packed into one key that orders as the pair `(high, low)`.
/// Both must fit in 32 bits (a block index, a byte offset in one block).
pub(crate) fn pair(high: usize, low: usize) -> u64 {
    debug_assert!(high <= u32::MAX as usize && low <= u32::MAX as usize);
    ((high as u64) << 32) | low as u64
}

fn indices(order: &mut [u32], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_unstable_by(|&a, &b| cmp(a as usize, b as usize).then(a.cmp(&b)));
}

fn reorder<T>(items: &mut Vec<T>, order: impl Iterator<Item = u32>) {
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.map(|i| slots[i as usize].take().expect("each index once")));
}

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn by_key_is_the_standard_stable_sort(v in proptest::collection::vec((0u64..20, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            by_key(&mut ours, |&(k, _)| k);
            let mut std = v;
            std.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn by_is_the_standard_stable_sort(v in proptest::collection::vec(("[a-c]{0,3}", any::<u8>()), 0..200)) {
            let mut ours = v.clone();
            by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v;
            std.sort_by(|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn pair_orders_as_the_tuple(a in 0usize..1 << 32, b in 0usize..1 << 32, c in 0usize..1 << 32, d in 0usize..1 << 32) {
            prop_assert_eq!(pair(a, b).cmp(&pair(c, d)), (a, b).cmp(&(c, d)));
        }
    }
}
