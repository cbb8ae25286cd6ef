//! Checks of single field values: URLs, dates, ids, locales, CSS selectors,
//! and "did you mean" suggestions.
//!
//! Pure functions of one string, no allocation beyond the answer. They must
//! stay cheap on hostile input: callers check lengths first, and suggestions
//! give up on long strings rather than compare them.

/// Why a string is not an acceptable URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UrlFault {
    /// A scheme other than http or https.
    NotHttp,
    /// No scheme at all.
    Relative,
    /// http(s), but no host, or control characters inside.
    Malformed,
}

/// Checks an http(s) URL the way a browser would read it, and returns it with
/// the surrounding white space and control characters a browser ignores
/// trimmed off.
///
/// Browsers strip leading and trailing C0 controls and spaces, remove tabs
/// and newlines anywhere, and read the scheme case-insensitively, so
/// `" JaVa\tScRiPt:alert(1)"` is a `javascript:` URL. The scheme is judged
/// after the same clean-up.
pub(crate) fn check_url(raw: &str) -> Result<&str, UrlFault> {
    let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let Some(colon) = cleaned.find([':', '/', '?', '#']) else {
        return Err(UrlFault::Relative);
    };
    let scheme = &cleaned[..colon];
    if !cleaned[colon..].starts_with(':') || !is_scheme(scheme) {
        return Err(UrlFault::Relative);
    }
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(UrlFault::NotHttp);
    }
    if trimmed.chars().any(char::is_control) {
        return Err(UrlFault::Malformed);
    }
    // No control characters: `trimmed` is `cleaned`, byte for byte.
    let after = trimmed.get(colon + 1..).unwrap_or("");
    let host_starts = after
        .strip_prefix("//")
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| !matches!(c, '/' | '\\' | '?' | '#' | '@' | ':') && !c.is_whitespace());
    if host_starts {
        Ok(trimmed)
    } else {
        Err(UrlFault::Malformed)
    }
}

/// RFC 3986: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Checks an ISO 8601 date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or
/// `YYYY-MM-DDThh:mm[:ss[.f…]][Z|±hh:mm]`. `Err(Some(reason))` when the form
/// is right but a field is out of range, `Err(None)` when the form is wrong.
pub(crate) fn check_date(s: &str) -> Result<(), Option<String>> {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let digits = b.get(from..from + len)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let sep = |at: usize, c: u8| b.get(at) == Some(&c);

    let year = num(0, 4).ok_or(None)?;
    if b.len() == 4 {
        return Ok(());
    }
    let month = if sep(4, b'-') { num(5, 2) } else { None }.ok_or(None)?;
    if !(1..=12).contains(&month) {
        return Err(Some(format!("there is no month {month:02}")));
    }
    if b.len() == 7 {
        return Ok(());
    }
    let day = if sep(7, b'-') { num(8, 2) } else { None }.ok_or(None)?;
    let days = days_in_month(year, month);
    if day == 0 || day > days {
        return Err(Some(if day == 0 || day > 31 {
            format!("there is no day {day:02}")
        } else if month == 2 {
            format!("February {year:04} has {days} days")
        } else {
            format!("{} has {days} days", MONTHS[month as usize - 1])
        }));
    }
    if b.len() == 10 {
        return Ok(());
    }
    if !sep(10, b'T') {
        return Err(None);
    }
    let hour = num(11, 2).ok_or(None)?;
    let minute = if sep(13, b':') { num(14, 2) } else { None }.ok_or(None)?;
    let mut at = 16;
    let mut second = 0;
    if sep(at, b':') {
        second = num(at + 1, 2).ok_or(None)?;
        at += 3;
        if sep(at, b'.') {
            let digits = b[at + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits == 0 || digits > 9 {
                return Err(None);
            }
            at += 1 + digits;
        }
    }
    let zone = &b[at.min(b.len())..];
    let offset = match zone {
        [] | [b'Z'] => None,
        [sign @ (b'+' | b'-'), ..] if zone.len() == 6 && zone[3] == b':' => {
            let h = num(at + 1, 2).ok_or(None)?;
            let m = num(at + 4, 2).ok_or(None)?;
            Some((*sign as char, h, m))
        }
        _ => return Err(None),
    };
    if hour > 23 {
        return Err(Some(format!(
            "there is no hour {hour:02}; hours go from 00 to 23"
        )));
    }
    if minute > 59 {
        return Err(Some(format!("there is no minute {minute:02}")));
    }
    if second > 59 {
        return Err(Some(format!("there is no second {second:02}")));
    }
    if let Some((sign, h, m)) = offset {
        if h > 23 || m > 59 {
            return Err(Some(format!(
                "the time zone offset {sign}{h:02}:{m:02} is out of range"
            )));
        }
    }
    Ok(())
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

/// `^[a-z0-9][a-z0-9_-]*$`: what `data-qa-source` and CSS can carry as is.
pub(crate) fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// A slug made from an ASCII name ("Human Rights Watch" → "human-rights-watch").
pub(crate) fn slug_for(s: &str) -> Option<String> {
    if !s.is_ascii() || s.len() > 64 {
        return None;
    }
    let mut out = String::new();
    for c in s.chars() {
        match c {
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            '_' => out.push('_'),
            _ if out.ends_with('-') => {}
            _ => out.push('-'),
        }
    }
    let out = out.trim_matches(['-', '_']).to_owned();
    (is_slug(&out) && out != s).then_some(out)
}

/// BCP 47-ish: `^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$` ("en", "en-GB",
/// "zh-Hant-TW", "x-klingon" is not: the primary tag has 2 to 8 letters).
pub(crate) fn is_locale(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The locale with `_` written as `-`, when that makes it valid.
pub(crate) fn locale_fix(s: &str) -> Option<String> {
    let fixed = s.trim().replace('_', "-");
    (fixed != s && is_locale(&fixed)).then_some(fixed)
}

/// The first character that cannot appear in a CSS selector: `{` and `}`
/// (a rule body, not a selector) and `<` (markup, not a selector).
pub(crate) fn selector_fault(s: &str) -> Option<char> {
    s.chars().find(|c| matches!(c, '{' | '}' | '<'))
}

/// Suggestions give up on strings longer than this: nobody misspells a
/// 65-character id by two letters, and it keeps the comparison cheap.
const SUGGEST_MAX_CHARS: usize = 64;

/// The candidate closest to `got`, compared with case, `_`, `-` and spaces
/// ignored: equal, or at most 2 edits away and fewer edits than the
/// candidate has characters (so "x" does not suggest "id"). Ties go to the
/// first candidate.
pub(crate) fn closest<'c, I>(got: &str, candidates: I) -> Option<&'c str>
where
    I: IntoIterator<Item = &'c str>,
{
    if got.chars().count() > SUGGEST_MAX_CHARS {
        return None;
    }
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let got_squashed = squash(got);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        if c == got || c.chars().count() > SUGGEST_MAX_CHARS {
            continue;
        }
        let c_squashed = squash(c);
        let d = match edit_distance(&got_squashed, &c_squashed, 2) {
            Some(d) if d == 0 || d < c_squashed.chars().count() => d,
            _ => continue,
        };
        if best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance between `a` and `b` if it is at most `max`.
fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = prev[j] + usize::from(ca != cb);
            cur[j + 1] = substitute.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().min().is_some_and(|&m| m > max) {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_read_as_a_browser_reads_them() {
        let cases: &[(&str, Result<&str, UrlFault>)] = &[
            ("https://www.hrw.org", Ok("https://www.hrw.org")),
            ("HTTP://EXAMPLE.ORG/a?b#c", Ok("HTTP://EXAMPLE.ORG/a?b#c")),
            ("  https://x.org/\n", Ok("https://x.org/")),
            ("javascript:alert(1)", Err(UrlFault::NotHttp)),
            (" JaVaScRiPt:alert(1)", Err(UrlFault::NotHttp)),
            ("\u{1}java\tscript:alert(1)", Err(UrlFault::NotHttp)),
            ("java\nscript:alert(1)", Err(UrlFault::NotHttp)),
            ("data:text/html,<b>", Err(UrlFault::NotHttp)),
            ("mailto:a@b.org", Err(UrlFault::NotHttp)),
            ("/about", Err(UrlFault::Relative)),
            ("www.hrw.org", Err(UrlFault::Relative)),
            ("//cdn.example.org/x.png", Err(UrlFault::Relative)),
            ("about", Err(UrlFault::Relative)),
            ("1http://x", Err(UrlFault::Relative)),
            ("https:/x.org", Err(UrlFault::Malformed)),
            ("https://", Err(UrlFault::Malformed)),
            ("https:///x", Err(UrlFault::Malformed)),
            ("https://x.org/a\tb", Err(UrlFault::Malformed)),
            ("ht\ntps://x.org", Err(UrlFault::Malformed)),
        ];
        for (raw, want) in cases {
            assert_eq!(check_url(raw), *want, "{raw:?}");
        }
    }

    #[test]
    fn dates_are_checked_for_form_and_range() {
        for ok in [
            "2019",
            "2019-12",
            "2019-12-27",
            "2020-02-29",
            "2000-02-29",
            "2019-12-27T14:30",
            "2019-12-27T14:30:59",
            "2019-12-27T14:30:00.123Z",
            "2019-12-27T14:30:00+05:30",
            "2019-12-27T00:00-08:00",
        ] {
            assert_eq!(check_date(ok), Ok(()), "{ok}");
        }
        let bad: &[(&str, Option<&str>)] = &[
            ("27/12/2019", None),
            ("2019-1-5", None),
            ("19", None),
            ("2019-12-27 14:30", None),
            ("2019-12-27T14", None),
            ("2019-12-27T14:30:00.Z", None),
            ("2019-12-27T14:30+0530", None),
            ("2019-12-27Z", None),
            ("２０１９", None),
            ("2019-13", Some("there is no month 13")),
            ("2019-00-01", Some("there is no month 00")),
            ("2019-02-29", Some("February 2019 has 28 days")),
            ("1900-02-29", Some("February 1900 has 28 days")),
            ("2019-04-31", Some("April has 30 days")),
            ("2019-01-32", Some("there is no day 32")),
            ("2019-01-00", Some("there is no day 00")),
            (
                "2019-01-01T24:00",
                Some("there is no hour 24; hours go from 00 to 23"),
            ),
            ("2019-01-01T23:60", Some("there is no minute 60")),
            ("2019-01-01T23:59:60", Some("there is no second 60")),
            (
                "2019-01-01T23:59+24:00",
                Some("the time zone offset +24:00 is out of range"),
            ),
        ];
        for (s, reason) in bad {
            assert_eq!(check_date(s), Err(reason.map(str::to_owned)), "{s}");
        }
    }

    #[test]
    fn slugs_locales_and_selectors() {
        assert!(is_slug("us-official") && is_slug("a_1") && is_slug("9"));
        assert!(!is_slug("") && !is_slug("-a") && !is_slug("HRW") && !is_slug("a b"));
        assert_eq!(
            slug_for("Human Rights Watch").as_deref(),
            Some("human-rights-watch")
        );
        assert_eq!(slug_for("HRW").as_deref(), Some("hrw"));
        assert_eq!(slug_for("Médecins"), None);
        assert_eq!(slug_for("--"), None);
        assert!(is_locale("en") && is_locale("en-GB") && is_locale("zh-Hant-TW"));
        assert!(!is_locale("e") && !is_locale("en_GB") && !is_locale("en-") && !is_locale(""));
        assert_eq!(locale_fix("en_GB").as_deref(), Some("en-GB"));
        assert_eq!(locale_fix("english"), None);
        assert_eq!(selector_fault("nav, .comments > p"), None);
        assert_eq!(selector_fault("<nav>"), Some('<'));
        assert_eq!(selector_fault("nav { display: none }"), Some('{'));
    }

    #[test]
    fn suggestions_are_close_and_never_silly() {
        let fields = [
            "id",
            "name",
            "kind",
            "aliases",
            "url",
            "flagUnattributed",
            "jsonLd",
        ];
        let at = |got: &str| closest(got, fields.iter().copied());
        assert_eq!(at("alias"), Some("aliases"));
        assert_eq!(at("nmae"), Some("name"));
        assert_eq!(at("flag_unattributed"), Some("flagUnattributed"));
        assert_eq!(at("json-ld"), Some("jsonLd"));
        assert_eq!(at("URL"), Some("url"));
        assert_eq!(at("x"), None);
        assert_eq!(closest("hrw2", ["HRW", "un"]), Some("HRW"));
        assert_eq!(
            closest("US-Officail", ["hrw", "us-official"]),
            Some("us-official")
        );
        assert_eq!(at("description"), None);
        assert_eq!(at(&"a".repeat(100)), None);
        assert_eq!(edit_distance("kitten", "sitting", 3), Some(3));
        assert_eq!(edit_distance("kitten", "sitting", 2), None);
    }
}
