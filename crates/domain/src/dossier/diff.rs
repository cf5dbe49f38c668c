//! Field-by-field comparison of two dossier versions (DOS versions, the reviewer's diff).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One field that differs: its path (`identity.full_name`, `work_history[2].to`) and both values
/// (absent on one side when added or removed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldChange {
    pub path: String,
    /// Any JSON value: a text, a number, an object, an array; absent or null when added.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Value>))]
    pub before: Option<Value>,
    /// Any JSON value; absent or null when removed.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Value>))]
    pub after: Option<Value>,
}

/// Every leaf that differs between `before` and `after`, in path order. Nulls count as absent.
pub fn diff(before: &Value, after: &Value) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    walk("", Some(before), Some(after), &mut changes);
    changes
}

fn present(value: Option<&Value>) -> Option<&Value> {
    value.filter(|v| !v.is_null())
}

fn walk(path: &str, before: Option<&Value>, after: Option<&Value>, out: &mut Vec<FieldChange>) {
    match (present(before), present(after)) {
        (None, None) => {}
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for key in keys {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                walk(&child, a.get(key), b.get(key), out);
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b))) => {
            for i in 0..a.len().max(b.len()) {
                walk(&format!("{path}[{i}]"), a.get(i), b.get(i), out);
            }
        }
        (Some(Value::Object(a)), None) if !a.is_empty() => {
            for (key, value) in a {
                walk(&format!("{path}.{key}"), Some(value), None, out);
            }
        }
        (None, Some(Value::Object(b))) if !b.is_empty() => {
            for (key, value) in b {
                walk(&format!("{path}.{key}"), None, Some(value), out);
            }
        }
        (a, b) if a != b => out.push(FieldChange {
            path: path.to_owned(),
            before: a.cloned(),
            after: b.cloned(),
        }),
        _ => {}
    }
}
