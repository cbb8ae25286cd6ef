//! Quotation marks: which characters they are and which closes which.

/// A quotation-mark character the detector knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    /// “ U+201C: opens in English, closes German „…“.
    LeftDouble,
    /// ” U+201D: closes; opens in Swedish ”…”.
    RightDouble,
    /// „ U+201E: opens German and Polish.
    LowDouble,
    /// " U+0022: either.
    StraightDouble,
    /// ‘ U+2018: opens British, closes German ‚…‘.
    LeftSingle,
    /// ’ U+2019: closes, or an apostrophe.
    RightSingle,
    /// ‚ U+201A: opens German.
    LowSingle,
    /// ' U+0027: either, or an apostrophe.
    StraightSingle,
    /// « U+00AB.
    LeftGuillemet,
    /// » U+00BB.
    RightGuillemet,
    /// ‹ U+2039.
    LeftSingleGuillemet,
    /// › U+203A.
    RightSingleGuillemet,
    /// 「 U+300C.
    LeftCorner,
    /// 」 U+300D.
    RightCorner,
    /// 『 U+300E.
    LeftWhiteCorner,
    /// 』 U+300F.
    RightWhiteCorner,
}

impl Mark {
    pub(crate) fn of(c: char) -> Option<Mark> {
        use Mark::*;
        Some(match c {
            '\u{201C}' => LeftDouble,
            '\u{201D}' => RightDouble,
            '\u{201E}' => LowDouble,
            '"' => StraightDouble,
            '\u{2018}' => LeftSingle,
            '\u{2019}' => RightSingle,
            '\u{201A}' => LowSingle,
            '\'' => StraightSingle,
            '\u{AB}' => LeftGuillemet,
            '\u{BB}' => RightGuillemet,
            '\u{2039}' => LeftSingleGuillemet,
            '\u{203A}' => RightSingleGuillemet,
            '\u{300C}' => LeftCorner,
            '\u{300D}' => RightCorner,
            '\u{300E}' => LeftWhiteCorner,
            '\u{300F}' => RightWhiteCorner,
            _ => return None,
        })
    }

    /// Can a character starting with byte `b` be a mark? The marks are
    /// " and ', and « » (C2 …), the U+20xx marks (E2 …), the corner
    /// brackets (E3 …).
    pub(crate) fn first_bytes(b: u8) -> bool {
        matches!(b, b'"' | b'\'' | 0xC2 | 0xE2 | 0xE3)
    }

    /// True for the single-quote family, which shares its glyphs with the
    /// apostrophe.
    pub(crate) fn is_single(self) -> bool {
        matches!(
            self,
            Mark::LeftSingle | Mark::RightSingle | Mark::LowSingle | Mark::StraightSingle
        )
    }

    /// Can `self`, as a closing mark, close a quote that `opener` opened?
    pub(crate) fn closes(self, opener: Mark) -> bool {
        use Mark::*;
        match opener {
            LeftDouble => matches!(self, RightDouble | StraightDouble),
            LowDouble => matches!(self, LeftDouble | RightDouble),
            RightDouble => matches!(self, RightDouble),
            StraightDouble => matches!(self, StraightDouble | RightDouble),
            LeftSingle => matches!(self, RightSingle | StraightSingle),
            LowSingle => matches!(self, LeftSingle | RightSingle),
            RightSingle => matches!(self, RightSingle),
            StraightSingle => matches!(self, StraightSingle | RightSingle),
            LeftGuillemet => matches!(self, RightGuillemet),
            RightGuillemet => matches!(self, LeftGuillemet),
            LeftSingleGuillemet => matches!(self, RightSingleGuillemet),
            RightSingleGuillemet => matches!(self, LeftSingleGuillemet),
            LeftCorner => matches!(self, RightCorner),
            LeftWhiteCorner => matches!(self, RightWhiteCorner),
            RightCorner | RightWhiteCorner => false,
        }
    }

    /// Does a paragraph opening with `self` continue a quote that `opener`
    /// left open at the end of the previous paragraph?
    pub(crate) fn continues(self, opener: Mark) -> bool {
        use Mark::*;
        let family = |m: Mark| match m {
            LeftDouble | RightDouble | LowDouble | StraightDouble => 0,
            LeftSingle | RightSingle | LowSingle | StraightSingle => 1,
            LeftGuillemet | RightGuillemet => 2,
            LeftSingleGuillemet | RightSingleGuillemet => 3,
            LeftCorner | RightCorner => 4,
            LeftWhiteCorner | RightWhiteCorner => 5,
        };
        family(self) == family(opener)
    }
}
