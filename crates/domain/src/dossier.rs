//! The electronic dossier (DOS-1…5, SEC-2): its content, the checks on every save, what a
//! complete one needs, who sees which fields, and how two versions differ. Pure.

pub mod completeness;
pub mod content;
pub mod diff;
pub mod facts;
pub mod protection;
pub mod validation;

pub use content::DossierContent;

/// Lower-cased, accent-free name for search (`nguyen van an` finds `Nguyễn Văn An`).
pub fn search_name(full_name: &str) -> String {
    crate::text::fold(full_name.trim())
}

/// The canonical text of a JSON value: object keys sorted at every level, no insignificant
/// whitespace. Hashes and signatures are taken over this text, so it must never depend on
/// how a map happened to be built.
pub fn canonical_json(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let fields: Vec<String> = keys
                .into_iter()
                .map(|k| format!("{}:{}", Value::String(k.clone()), canonical_json(&map[k])))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(canonical_json).collect::<Vec<_>>().join(",")
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests;
