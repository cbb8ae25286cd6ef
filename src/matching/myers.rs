//! Approximate search: where does a pattern occur in a text with the fewest
//! edits (insertions, deletions, substitutions)?
//!
//! Myers' bit-parallel algorithm (1999), in the multi-word form of Hyyrö
//! (2003): one column of the edit-distance table is kept as bit vectors, 64
//! rows per machine word, so the search costs O(n · ⌈m/64⌉) for a text of n
//! bytes and a pattern of m — no quadratic table, no pathological input
//! (Hypothesis' old diff-match-patch froze a page for 40 s).
//!
//! Bytes, not chars: the text is already folded (mostly ASCII); a non-ASCII
//! character simply weighs its UTF-8 length in errors.

/// The lowest-error end positions of `pattern` in `text`: each
/// `(end, errors)` is an exclusive end in `text` where some substring ending
/// there is within `errors ≤ max_errors` edits of `pattern`, and no
/// neighbouring end does better.
pub fn search(pattern: &[u8], text: &[u8], max_errors: usize) -> Vec<(usize, usize)> {
    let Some(mut searcher) = Searcher::new(pattern) else {
        return Vec::new();
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut run_last: Option<usize> = None;
    for (j, &c) in text.iter().enumerate() {
        let score = searcher.step(c);
        if score > max_errors {
            continue;
        }
        match out.last_mut() {
            // A run of neighbouring ends: keep its best.
            Some(best) if j > 0 && run_last == Some(j - 1) => {
                if score < best.1 {
                    *best = (j + 1, score);
                }
            }
            _ => out.push((j + 1, score)),
        }
        run_last = Some(j);
    }
    out
}

/// The bit-parallel column of the edit-distance table, advanced one text
/// byte at a time.
struct Searcher {
    blocks: usize,
    /// `peq[c * blocks + b]`: bit i set when pattern[64b + i] == c.
    peq: Vec<u64>,
    pv: Vec<u64>,
    mv: Vec<u64>,
    last_bit: u64,
    /// Edit distance of the whole pattern against the best substring
    /// ending at the current byte.
    score: usize,
}

impl Searcher {
    fn new(pattern: &[u8]) -> Option<Searcher> {
        let m = pattern.len();
        if m == 0 {
            return None;
        }
        let blocks = m.div_ceil(64);
        let mut peq = vec![0u64; 256 * blocks];
        for (i, &c) in pattern.iter().enumerate() {
            peq[c as usize * blocks + i / 64] |= 1 << (i % 64);
        }
        Some(Searcher {
            blocks,
            peq,
            pv: vec![u64::MAX; blocks],
            mv: vec![0; blocks],
            last_bit: 1u64 << ((m - 1) % 64),
            score: m,
        })
    }

    fn step(&mut self, c: u8) -> usize {
        let row = c as usize * self.blocks;
        // The top row of the table is all zeros (a match may start
        // anywhere), so no horizontal delta enters the first block.
        let mut carry: i8 = 0;
        for b in 0..self.blocks {
            let high = if b + 1 == self.blocks {
                self.last_bit
            } else {
                1 << 63
            };
            carry = advance(
                &mut self.pv[b],
                &mut self.mv[b],
                self.peq[row + b],
                carry,
                high,
            );
        }
        self.score = self.score.saturating_add_signed(carry as isize);
        self.score
    }
}

/// One step of one block: updates the block's vertical deltas for text byte
/// with match mask `eq`, given the horizontal delta `h_in` entering from the
/// block above, and returns the delta leaving at its bottom row `high`.
fn advance(pv: &mut u64, mv: &mut u64, eq: u64, h_in: i8, high: u64) -> i8 {
    let (p, m) = (*pv, *mv);
    let h_in_neg = u64::from(h_in < 0);
    let xv = eq | m;
    let eq = eq | h_in_neg;
    let xh = (((eq & p).wrapping_add(p)) ^ p) | eq;
    let mut ph = m | !(xh | p);
    let mut mh = p & xh;
    let h_out = if ph & high != 0 {
        1
    } else if mh & high != 0 {
        -1
    } else {
        0
    };
    ph = (ph << 1) | u64::from(h_in > 0);
    mh = (mh << 1) | h_in_neg;
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    h_out
}

/// The best match of `pattern` in `text` ending at or a little before
/// `end`: returns `(start, end, errors)` with the fewest errors (then the
/// longest span). Plain dynamic programming over a window of
/// `pattern.len() + max_errors` bytes: called once per candidate only.
pub fn best_match(
    pattern: &[u8],
    text: &[u8],
    end: usize,
    max_errors: usize,
) -> Option<(usize, usize, usize)> {
    let m = pattern.len();
    let lo = end.saturating_sub(m + 2 * max_errors + 1);
    let window = &text[lo..end.min(text.len())];
    // Reverse semi-global alignment: rows over the reversed pattern,
    // columns over the reversed window, so a match may end anywhere in
    // the window (columns) and must use the whole pattern.
    let n = window.len();
    // dist[j] = edits to align pattern[..i] with window[j..j_end] is awkward;
    // do the forward form and keep, per end column, the best start.
    let mut prev: Vec<(usize, usize)> = (0..=n).map(|j| (0, j)).collect(); // (cost, start)
    let mut cur = vec![(0usize, 0usize); n + 1];
    for i in 1..=m {
        cur[0] = (i, 0);
        for j in 1..=n {
            let sub = prev[j - 1].0 + usize::from(pattern[i - 1] != window[j - 1]);
            let del = prev[j].0 + 1;
            let ins = cur[j - 1].0 + 1;
            cur[j] = if sub <= del && sub <= ins {
                (sub, prev[j - 1].1)
            } else if del <= ins {
                (del, prev[j].1)
            } else {
                (ins, cur[j - 1].1)
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (1..=n)
        .map(|j| (prev[j].0, lo + prev[j].1, lo + j))
        .filter(|&(cost, _, _)| cost <= max_errors)
        .min_by_key(|&(cost, start, e)| (cost, usize::MAX - (e - start)))
        .map(|(cost, start, e)| (start, e, cost))
}

// Native only: the property test needs proptest, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The oracle: the fewest edits between `pattern` and any substring of
    /// `text` ending at each position, by the textbook table.
    fn naive(pattern: &[u8], text: &[u8]) -> Vec<usize> {
        let m = pattern.len();
        let mut col: Vec<usize> = (0..=m).collect();
        let mut out = Vec::new();
        for &c in text {
            let mut next = vec![0; m + 1];
            for i in 1..=m {
                next[i] = (col[i - 1] + usize::from(pattern[i - 1] != c))
                    .min(col[i] + 1)
                    .min(next[i - 1] + 1);
            }
            col = next;
            out.push(col[m]);
        }
        out
    }

    fn scores(pattern: &[u8], text: &[u8]) -> Vec<usize> {
        let mut s = Searcher::new(pattern).unwrap();
        text.iter().map(|&c| s.step(c)).collect()
    }

    #[test]
    fn finds_an_exact_and_an_edited_occurrence() {
        let text = b"the rogue's gallery of governments and a rouge gallery";
        let hits = search(b"rogue's gallery", text, 2);
        assert!(hits
            .iter()
            .any(|&(e, k)| k == 0 && &text[e - 15..e] == b"rogue's gallery"));
        let (s, e, k) = best_match(b"rogue gallery", text, text.len(), 3).unwrap();
        assert_eq!((&text[s..e], k), (&b"rouge gallery"[..], 2));
    }

    #[test]
    fn long_patterns_span_several_words() {
        let pattern: Vec<u8> = (0..200).map(|i| b'a' + (i % 26) as u8).collect();
        let mut text = b"xxxx".to_vec();
        text.extend_from_slice(&pattern);
        text[60] = b'#';
        text[150] = b'#';
        let hits = search(&pattern, &text, 3);
        assert_eq!(hits.iter().map(|h| h.1).min(), Some(2));
        let (s, e, k) = best_match(&pattern, &text, 204, 3).unwrap();
        assert_eq!((s, e, k), (4, 204, 2));
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_textbook_table(
            pattern in proptest::collection::vec(b'a'..b'e', 1..140),
            text in proptest::collection::vec(b'a'..b'e', 0..60),
        ) {
            proptest::prop_assert_eq!(scores(&pattern, &text), naive(&pattern, &text));
        }
    }
}
