//! Reading manifest text into a JSON value.
//!
//! Three things beyond `serde_json::from_str`: the size limit is checked
//! before any parsing; parse errors are reworded for a publisher (with the
//! column counted in characters, not bytes); and a key given twice in one
//! object is reported, where `serde_json` (like `JSON.parse`) silently keeps
//! the last one — `{"url": "https://ok", "url": "javascript:…"}` must not
//! pass review looking harmless.
//!
//! Nesting stays bounded by `serde_json`'s recursion limit (128 levels):
//! the visitor below recurses only as deep as the parser lets it, so no
//! input can overflow the stack.

use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::limits::Limits;
use super::problems::{join_index, join_key, Problem, ProblemKind};

/// Manifest text, parsed.
pub(crate) struct Parsed {
    /// The JSON value.
    pub(crate) value: Value,
    /// One problem per duplicated key, up to [`Limits::max_problems`].
    pub(crate) duplicates: Vec<Problem>,
    /// How many more duplicated keys there are: counted, not described.
    pub(crate) more_duplicates: usize,
}

/// Parses manifest text, or says why it cannot be.
pub(crate) fn read(json: &str, limits: &Limits) -> Result<Parsed, Problem> {
    let whole = |kind| Problem {
        path: String::new(),
        kind,
    };
    if json.len() > limits.max_bytes {
        return Err(whole(ProblemKind::TooLarge {
            bytes: json.len(),
            max: limits.max_bytes,
        }));
    }
    // Editors on Windows save a byte order mark; it is not JSON but it is
    // not a mistake either.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.trim().is_empty() {
        return Err(whole(ProblemKind::Syntax {
            line: 1,
            column: 1,
            message: "the text is empty; a manifest is a JSON object such as {\"version\": 1}"
                .to_owned(),
        }));
    }
    let track = Track {
        max_listed: limits.max_problems,
        ..Track::default()
    };
    let mut de = serde_json::Deserializer::from_str(json);
    let value = ValueSeed { track: &track }
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v))
        .map_err(|e| whole(syntax(json, &e)))?;
    Ok(Parsed {
        value,
        duplicates: track.duplicates.into_inner(),
        more_duplicates: track.more.get(),
    })
}

/// A `serde_json` error as a problem, in plain words.
fn syntax(json: &str, e: &serde_json::Error) -> ProblemKind {
    let (line, column) = position(json, e.line(), e.column());
    let raw = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let raw = raw.strip_suffix(&suffix).unwrap_or(&raw);
    if raw == "recursion limit exceeded" {
        return ProblemKind::TooDeep { line, column };
    }
    let message = match raw {
        "EOF while parsing a list" => "the text ends before the array is closed with ']'".into(),
        "EOF while parsing an object" => {
            "the text ends before the object is closed with '}'".into()
        }
        "EOF while parsing a string" => {
            "the text ends inside a string (a closing '\"' is missing)".into()
        }
        "EOF while parsing a value" => "the text ends where a value was expected".into(),
        "expected value" => "expected a value: a string in double quotes, a number, true, \
                             false, null, an object or an array"
            .into(),
        "expected ident" => "expected true, false or null".into(),
        "key must be a string" => "expected a field name in double quotes".into(),
        "trailing comma" => "a comma cannot come just before a closing bracket".into(),
        "trailing characters" => "unexpected text after the end of the manifest".into(),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "a string contains a raw control character (write a line break as \\n)".into()
        }
        "invalid escape" => "invalid escape in a string (write a backslash as \\\\)".into(),
        other => other.replace('`', "'"),
    };
    ProblemKind::Syntax {
        line,
        column,
        message,
    }
}

/// Line and column as an editor shows them. `serde_json` counts columns in
/// bytes, where editors count characters; and it puts a raw line break in a
/// string at column 0 of the next line, where it is the end of this one.
fn position(json: &str, line: usize, byte_column: usize) -> (usize, usize) {
    let text_of = |line: usize| json.split('\n').nth(line.saturating_sub(1));
    if byte_column == 0 && line > 1 {
        let previous = text_of(line - 1).unwrap_or("");
        return (line - 1, previous.chars().count() + 1);
    }
    let Some(text) = text_of(line) else {
        return (line, byte_column);
    };
    let mut end = byte_column.min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (
        line,
        text.get(..end).map_or(byte_column, |s| s.chars().count()),
    )
}

/// Where the parser is, for naming a duplicated key.
#[derive(Default)]
struct Track {
    path: RefCell<Vec<Step>>,
    duplicates: RefCell<Vec<Problem>>,
    /// Duplicates past this many are only counted: a hostile file can hold
    /// a million of them, and each path costs as much as the nesting.
    max_listed: usize,
    more: Cell<usize>,
}

enum Step {
    Key(String),
    Index(usize),
}

impl Track {
    fn path_to(&self, key: &str) -> String {
        let mut path = String::new();
        for step in self.path.borrow().iter() {
            path = match step {
                Step::Key(k) => join_key(&path, k),
                Step::Index(i) => join_index(&path, *i),
            };
        }
        join_key(&path, key)
    }
}

/// Builds a [`Value`] exactly as `serde_json` would, noting duplicate keys.
#[derive(Clone, Copy)]
struct ValueSeed<'t> {
    track: &'t Track,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // The parser never yields a non-finite number; null if it ever did.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            self.track.path.borrow_mut().push(Step::Index(items.len()));
            let next = seq.next_element_seed(self);
            self.track.path.borrow_mut().pop();
            match next? {
                Some(v) => items.push(v),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            self.track.path.borrow_mut().push(Step::Key(key));
            let value = map.next_value_seed(self);
            let key = match self.track.path.borrow_mut().pop() {
                Some(Step::Key(key)) => key,
                // Unreachable: the step pushed above. Keep going without it.
                _ => continue,
            };
            let value = value?;
            if object.contains_key(&key) {
                let listed = self.track.duplicates.borrow().len();
                if listed < self.track.max_listed {
                    let path = self.track.path_to(&key);
                    self.track.duplicates.borrow_mut().push(Problem {
                        path,
                        kind: ProblemKind::DuplicateKey,
                    });
                } else {
                    self.track.more.set(self.track.more.get() + 1);
                }
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}
