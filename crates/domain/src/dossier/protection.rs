//! Restriction levels (SEC-2): which fields of a dossier each reader receives, and which are
//! kept encrypted at rest. A field above the reader's level is *absent* from what is sent,
//! exported or printed, not merely hidden by the page.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::access::{AccountKind, Actor, Right};

/// How much of a dossier a reader may see, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RestrictionLevel {
    /// Who the person is and what post they hold: name, gender, birth date, position, grade.
    Basic,
    /// The whole form except the sensitive fields.
    Full,
    /// Everything, including citizen ID, insurance numbers, phone, residence, health, income
    /// and assets.
    Sensitive,
}

impl RestrictionLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            RestrictionLevel::Basic => "basic",
            RestrictionLevel::Full => "full",
            RestrictionLevel::Sensitive => "sensitive",
        }
    }
}

/// Fields encrypted at rest and shown only at `Sensitive` level, as JSON pointers into
/// `DossierContent`.
pub const SENSITIVE_FIELDS: &[&str] = &[
    "/identity/citizen_id",
    "/identity/citizen_id_issued_on",
    "/identity/phone",
    "/identity/social_insurance_number",
    "/identity/health_insurance_number",
    "/identity/residence",
    "/identity/residence_place",
    "/health",
    "/income_assets",
];

/// The level a scan filed in a dossier as `kind` (a `document_kinds` code) is read at (issue
/// #19, defect 9): identity papers and health certificates carry what the sensitive fields
/// hold, so only a `Sensitive` reader opens them; every other scan of a dossier needs the full
/// form (`read_dossiers`).
pub fn document_level(kind: &str) -> RestrictionLevel {
    match kind {
        "GIAY_TO_TUY_THAN" | "SUC_KHOE" => RestrictionLevel::Sensitive,
        _ => RestrictionLevel::Full,
    }
}

/// What a `Basic` reader receives.
pub const BASIC_FIELDS: &[&str] = &[
    "/identity/full_name",
    "/identity/gender",
    "/identity/birth_date",
    "/career/position",
    "/salary/grade",
];

/// The level an actor reads a dossier at, given that it may read the dossier at all (scope is
/// checked by `access::check_read_person`): the person themselves and holders of
/// `read_sensitive_fields` see everything; `read_dossiers` the full form; anyone else only the
/// basic facts.
pub fn level_for(actor: &Actor, is_own_dossier: bool) -> RestrictionLevel {
    if is_own_dossier {
        return RestrictionLevel::Sensitive;
    }
    if actor.kind == AccountKind::Personal {
        return RestrictionLevel::Basic;
    }
    match (
        actor.rights.contains(Right::ReadDossiers),
        actor.rights.contains(Right::ReadSensitiveFields),
    ) {
        (true, true) => RestrictionLevel::Sensitive,
        (true, false) => RestrictionLevel::Full,
        _ => RestrictionLevel::Basic,
    }
}

/// The content as a reader at `level` receives it.
pub fn redact(content: &Value, level: RestrictionLevel) -> Value {
    match level {
        RestrictionLevel::Sensitive => content.clone(),
        RestrictionLevel::Full => split_sensitive(content).0,
        RestrictionLevel::Basic => {
            let mut kept = Value::Object(Map::new());
            for pointer in BASIC_FIELDS {
                if let Some(value) = content.pointer(pointer) {
                    set_pointer(&mut kept, pointer, value.clone());
                }
            }
            kept
        }
    }
}

/// Splits content into what is stored in clear and the sensitive fields (as an object keyed by
/// pointer), which are stored encrypted.
pub fn split_sensitive(content: &Value) -> (Value, Map<String, Value>) {
    let mut clear = content.clone();
    let mut secret = Map::new();
    for pointer in SENSITIVE_FIELDS {
        if let Some(value) = take_pointer(&mut clear, pointer) {
            if !is_blank(&value) {
                secret.insert((*pointer).to_owned(), value);
            }
        }
    }
    (clear, secret)
}

/// The inverse of `split_sensitive`.
pub fn join_sensitive(clear: &Value, secret: &Map<String, Value>) -> Value {
    let mut content = clear.clone();
    for (pointer, value) in secret {
        set_pointer(&mut content, pointer, value.clone());
    }
    content
}

/// Null, or an object or array holding nothing but blanks (an unfilled section).
fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Object(map) => map.values().all(is_blank),
        Value::Array(items) => items.iter().all(is_blank),
        _ => false,
    }
}

fn take_pointer(value: &mut Value, pointer: &str) -> Option<Value> {
    let (parent, key) = pointer.rsplit_once('/')?;
    let parent = if parent.is_empty() {
        Some(value)
    } else {
        value.pointer_mut(parent)
    };
    parent?.as_object_mut()?.remove(key)
}

fn set_pointer(value: &mut Value, pointer: &str, new: Value) {
    let mut current = value;
    let parts: Vec<&str> = pointer.split('/').skip(1).collect();
    for (i, part) in parts.iter().enumerate() {
        if !current.is_object() {
            *current = Value::Object(Map::new());
        }
        let map = current.as_object_mut().expect("made an object above");
        if i == parts.len() - 1 {
            map.insert((*part).to_owned(), new);
            return;
        }
        current = map
            .entry((*part).to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
    }
}
