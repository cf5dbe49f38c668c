//! The packet hoso sends to the national CBCCVC database (INT-1, CTX-1; docs/integration.md):
//! an approved version mapped to the national groups by a mapping *file*, so that the
//! Ministry's real schema replaces ours by data, not by code. Every coded field must hold a
//! code of its catalogue: a free-typed value stops the message before anything is sent.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::dossier::validation::CatalogIndex;
use crate::validation::{FieldError, FieldErrors};

/// The contract version this build speaks.
pub const SCHEMA: &str = "hoso-cbccvc/1";

/// The mapping shipped with hoso (`crates/domain/national/packet-v1.json`).
pub const SHIPPED_MAPPING: &str = include_str!("../national/packet-v1.json");

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub schema: String,
    #[serde(default)]
    pub note: Option<String>,
    pub groups: Vec<Group>,
    /// The shared national catalogues hoso follows (each version reviewed before it applies).
    #[serde(default)]
    pub catalogs: Vec<CatalogLink>,
}

/// A national catalogue and the catalogue of ours it keeps up to date.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogLink {
    /// The national side's name (`GET /cbccvc/v1/catalogs/{name}`).
    pub name: String,
    /// Our catalogue's kind.
    pub kind: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub name: String,
    /// Sent only when the connection's consent covers sensitive data (SEC-2, INT-3).
    #[serde(default)]
    pub sensitive: bool,
    pub fields: Vec<Field>,
}

/// One field of the packet: a value at `from`, or a list of rows at `list` with `fields` of
/// their own (pointers relative to each row).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub name: String,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub list: Option<String>,
    #[serde(default)]
    pub fields: Vec<Field>,
    /// The catalogues whose codes this field takes (the first that knows the code).
    #[serde(default)]
    pub catalog: Vec<String>,
    #[serde(default)]
    pub required: bool,
}

impl Mapping {
    pub fn shipped() -> Mapping {
        Mapping::parse(SHIPPED_MAPPING).expect("the shipped mapping is valid")
    }

    /// Reads a mapping file; a field must have either `from` or `list` with fields.
    pub fn parse(text: &str) -> Result<Mapping, String> {
        let mapping: Mapping = serde_json::from_str(text).map_err(|e| e.to_string())?;
        fn check(field: &Field, at: &str) -> Result<(), String> {
            match (&field.from, &field.list) {
                (Some(from), None) if from.starts_with('/') && field.fields.is_empty() => Ok(()),
                (None, Some(list)) if list.starts_with('/') && !field.fields.is_empty() => field
                    .fields
                    .iter()
                    .try_for_each(|f| check(f, &format!("{at}.{}", f.name))),
                _ => Err(format!(
                    "{at}: a field has `from` (a JSON pointer) or `list` with `fields`"
                )),
            }
        }
        for group in &mapping.groups {
            for field in &group.fields {
                check(field, &format!("{}.{}", group.name, field.name))?;
            }
        }
        Ok(mapping)
    }
}

/// The form's name of the field a pointer reads, as validation names it: `/content/career/x`
/// → `career.x`, a row's field → `training[2].level`.
fn form_field(pointer: &str, row: Option<(&str, usize)>) -> String {
    let path = |p: &str| {
        p.trim_start_matches('/')
            .trim_start_matches("content/")
            .trim_start_matches("person/")
            .replace('/', ".")
    };
    match row {
        None => path(pointer),
        Some((list, i)) => format!("{}[{i}].{}", path(list), path(pointer)),
    }
}

/// The groups of a packet from `source` (`{"content": …, "person": …}`). Empty values are left
/// out; a coded field whose value is not a code of its catalogue, or a required field that is
/// empty, is an error naming the form's field.
pub fn build_groups(
    mapping: &Mapping,
    source: &Value,
    catalogs: &CatalogIndex,
    include_sensitive: bool,
) -> Result<Value, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut groups = Map::new();
    for group in mapping
        .groups
        .iter()
        .filter(|g| include_sensitive || !g.sensitive)
    {
        let mut out = Map::new();
        for field in &group.fields {
            if let Some(value) = read_field(field, source, None, catalogs, &mut errors) {
                out.insert(field.name.clone(), value);
            }
        }
        groups.insert(group.name.clone(), Value::Object(out));
    }
    if errors.is_empty() {
        Ok(Value::Object(groups))
    } else {
        Err(errors)
    }
}

fn read_field(
    field: &Field,
    source: &Value,
    row: Option<(&str, usize)>,
    catalogs: &CatalogIndex,
    errors: &mut FieldErrors,
) -> Option<Value> {
    if let Some(list) = &field.list {
        let rows = source.pointer(list).and_then(Value::as_array)?;
        let items: Vec<Value> = rows
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let mut out = Map::new();
                for sub in &field.fields {
                    if let Some(value) = read_field(sub, item, Some((list, i)), catalogs, errors) {
                        out.insert(sub.name.clone(), value);
                    }
                }
                Value::Object(out)
            })
            .collect();
        return (!items.is_empty()).then_some(Value::Array(items));
    }
    let pointer = field.from.as_deref().expect("a checked mapping field has `from`");
    let value = source.pointer(pointer).filter(|v| !is_empty(v)).cloned();
    let Some(value) = value else {
        if field.required {
            errors.push(FieldError::new(
                form_field(pointer, row),
                "required",
                "Thông tin bắt buộc của cơ sở dữ liệu quốc gia còn trống.",
            ));
        }
        return None;
    };
    if !field.catalog.is_empty() {
        let kinds: Vec<&str> = field.catalog.iter().map(String::as_str).collect();
        let coded = value
            .as_str()
            .is_some_and(|code| catalogs.find(&kinds, code).is_some());
        if !coded {
            errors.push(FieldError::new(
                form_field(pointer, row),
                "uncoded_value",
                format!(
                    "«{}» không phải là mã của danh mục; cơ sở dữ liệu quốc gia chỉ nhận giá trị có mã. Hãy chọn từ danh mục rồi trình duyệt lại.",
                    value.as_str().map(str::to_owned).unwrap_or_else(|| value.to_string())
                ),
            ));
            return None;
        }
    }
    Some(value)
}

/// What a national record (its groups, as [`build_groups`] makes them) says of the form: the
/// content it fills, and the form's names of the items it filled (TRF-3, DOS-5: an arrival's
/// draft starts from the national record, and the form shows which items came from there).
/// Fields read from hoso's own knowledge of the person (`/person/…`) are not form items.
pub fn content_of_groups(mapping: &Mapping, groups: &Value) -> (Value, Vec<String>) {
    let mut content = Value::Object(Map::new());
    let mut items = Vec::new();
    for group in &mapping.groups {
        let Some(values) = groups.get(&group.name) else {
            continue;
        };
        for field in &group.fields {
            if let Some(value) = values.get(&field.name).filter(|v| !is_empty(v)) {
                write_field(field, value, &mut content, None, &mut items);
            }
        }
    }
    (content, items)
}

fn write_field(
    field: &Field,
    value: &Value,
    target: &mut Value,
    row: Option<(&str, usize)>,
    items: &mut Vec<String>,
) {
    let Some(pointer) = field.from.as_deref().or(field.list.as_deref()) else {
        return;
    };
    // A row's pointers are relative to the row; the others address `/content/…`.
    let relative = match row {
        Some(_) => pointer,
        None => match pointer
            .strip_prefix("/content")
            .filter(|rest| rest.starts_with('/'))
        {
            Some(rest) => rest,
            None => return,
        },
    };
    match (&field.list, value.as_array()) {
        (Some(list), Some(rows)) => {
            let made: Vec<Value> = rows
                .iter()
                .enumerate()
                .map(|(i, values)| {
                    let mut out = Value::Object(Map::new());
                    for sub in &field.fields {
                        if let Some(value) = values.get(&sub.name).filter(|v| !is_empty(v)) {
                            write_field(sub, value, &mut out, Some((list, i)), items);
                        }
                    }
                    out
                })
                .collect();
            put(target, relative, Value::Array(made));
        }
        (None, _) => {
            put(target, relative, value.clone());
            items.push(form_field(pointer, row));
        }
        _ => {}
    }
}

/// Sets the value at a pointer of objects, making the objects on the way.
fn put(target: &mut Value, pointer: &str, value: Value) {
    let mut current = target;
    let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        if !current.is_object() {
            *current = Value::Object(Map::new());
        }
        let map = current.as_object_mut().expect("made an object");
        if i == parts.len() - 1 {
            map.insert((*part).to_owned(), value);
            return;
        }
        current = map.entry((*part).to_owned()).or_insert(Value::Null);
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// The SHA-256 (hex) of a packet's person object in canonical JSON: what is signed and what
/// reconciliation compares.
pub fn canonical_bytes(person: &Value) -> Vec<u8> {
    crate::dossier::canonical_json(person).into_bytes()
}

/// Whether a delivery failure is worth trying again (docs/integration.md): time-outs, refused
/// connections, 5xx, 429 and out-of-order answers are; a refusal of the packet or of our
/// credentials is not, and needs a person to act.
pub fn transient_status(status: u16) -> bool {
    status == 409 || status == 429 || status == 408 || status >= 500
}

/// The Vietnamese reason for a permanent refusal, for the administrator who must act on it.
pub fn refusal_reason(status: u16, code: &str, message: &str) -> String {
    let what = match (status, code) {
        (_, "IP_DISALLOWED") => "Nền tảng từ chối địa chỉ IP của máy chủ hoso; đề nghị đơn vị quản lý nền tảng cho phép địa chỉ này.".to_owned(),
        (401, _) | (_, "auth_refused") => "Nền tảng từ chối thông tin xác thực của kết nối; kiểm tra tài khoản hoặc khóa bí mật đã cấu hình.".to_owned(),
        (403, _) => "Kết nối không được phép gửi dữ liệu này.".to_owned(),
        (_, "invalid_signature") => "Chữ ký số của gói tin không được chấp nhận; kiểm tra chứng thư số của kết nối.".to_owned(),
        (_, "unknown_code") => "Cơ sở dữ liệu quốc gia không nhận một mã danh mục của gói tin.".to_owned(),
        _ => "Cơ sở dữ liệu quốc gia từ chối gói tin.".to_owned(),
    };
    if message.is_empty() {
        format!("{what} [{status} {code}]")
    } else {
        format!("{what} ({message}) [{status} {code}]")
    }
}

/// The JSON pointer into the form's content of a form item's name: `work_history[0].unit` →
/// `/work_history/0/unit`.
pub fn pointer_of(item: &str) -> String {
    let mut pointer = String::new();
    for part in item.split('.') {
        match part.split_once('[') {
            Some((name, rest)) => {
                pointer.push('/');
                pointer.push_str(name);
                pointer.push('/');
                pointer.push_str(rest.trim_end_matches(']'));
            }
            None => {
                pointer.push('/');
                pointer.push_str(part);
            }
        }
    }
    pointer
}

/// Sets the value at a pointer into the form's content, making the objects and table rows on
/// the way (a row index past the end adds empty rows up to it).
pub fn set_at_pointer(target: &mut Value, pointer: &str, value: Value) {
    let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    let mut current = target;
    for (i, part) in parts.iter().enumerate() {
        let last = i == parts.len() - 1;
        if let (Ok(index), true) = (part.parse::<usize>(), current.is_array()) {
            let rows = current.as_array_mut().expect("an array");
            while rows.len() <= index {
                rows.push(Value::Object(Map::new()));
            }
            if last {
                rows[index] = value;
                return;
            }
            current = &mut rows[index];
            continue;
        }
        if !current.is_object() {
            *current = Value::Object(Map::new());
        }
        let map = current.as_object_mut().expect("made an object");
        if last {
            map.insert((*part).to_owned(), value);
            return;
        }
        let next_is_row = parts[i + 1].parse::<usize>().is_ok();
        current = map.entry((*part).to_owned()).or_insert_with(|| {
            if next_is_row {
                Value::Array(Vec::new())
            } else {
                Value::Object(Map::new())
            }
        });
    }
}

/// The items of a national record whose value differs from the dossier's content.
pub fn differing_items(items: &[String], national: &Value, ours: &Value) -> Vec<String> {
    items
        .iter()
        .filter(|item| {
            let pointer = pointer_of(item);
            national.pointer(&pointer) != ours.pointer(&pointer)
        })
        .cloned()
        .collect()
}

/// What hoso last had acknowledged of a person, for reconciliation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OursRecord {
    pub dossier_id: String,
    pub national_identifier: String,
    pub packet_sha256: String,
    pub acknowledged_on: chrono::NaiveDate,
}

/// A record the other side lists as changed since the reconciliation's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TheirsRecord {
    pub national_identifier: String,
    pub packet_sha256: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DifferenceKind {
    /// Acknowledged since the day, and not listed there: the national database lost it.
    MissingThere,
    /// Held there with another content than hoso's last acknowledged packet (a correction at
    /// the Ministry, or a packet of ours it never applied).
    Different,
    /// Held there for this province and unknown here.
    MissingHere,
}

impl DifferenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DifferenceKind::MissingThere => "missing_there",
            DifferenceKind::Different => "different",
            DifferenceKind::MissingHere => "missing_here",
        }
    }
}

/// The differences between what hoso had acknowledged and what the other side lists as
/// changed since `since`: matched by national identifier, compared by packet hash. A record
/// of ours acknowledged before `since` and not listed is not missing: it did not change.
pub fn compare_records<'a>(
    ours: &'a [OursRecord],
    theirs: &'a [TheirsRecord],
    since: chrono::NaiveDate,
) -> Vec<(DifferenceKind, Option<&'a OursRecord>, Option<&'a TheirsRecord>)> {
    use std::collections::HashMap;
    let ours_by_id: HashMap<&str, &OursRecord> =
        ours.iter().map(|o| (o.national_identifier.as_str(), o)).collect();
    let theirs_by_id: HashMap<&str, &TheirsRecord> = theirs
        .iter()
        .map(|t| (t.national_identifier.as_str(), t))
        .collect();
    let mut found = Vec::new();
    for record in ours {
        if record.acknowledged_on >= since && !theirs_by_id.contains_key(record.national_identifier.as_str())
        {
            found.push((DifferenceKind::MissingThere, Some(record), None));
        }
    }
    for record in theirs {
        match ours_by_id.get(record.national_identifier.as_str()) {
            None => found.push((DifferenceKind::MissingHere, None, Some(record))),
            Some(mine) if mine.packet_sha256 != record.packet_sha256 => {
                found.push((DifferenceKind::Different, Some(*mine), Some(record)))
            }
            Some(_) => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn catalogs() -> CatalogIndex {
        CatalogIndex::from_files(crate::catalog::shipped())
    }

    #[test]
    fn the_shipped_mapping_reads_and_names_ten_groups() {
        let mapping = Mapping::shipped();
        assert_eq!(mapping.schema, SCHEMA);
        assert_eq!(mapping.groups.len(), 10);
    }

    #[test]
    fn coded_fields_keep_codes_and_a_free_typed_party_position_stops_the_packet() {
        let mapping = Mapping::shipped();
        let mut source = json!({
            "content": {"identity": {"full_name": "Nguyễn Văn An", "birth_date": "1980-01-02", "gender": "1",
                "citizen_id": "033080001234", "ethnicity": "01"},
                "career": {"party_position": null}, "work_history": [{"from": "2005-01-01", "unit": "Trường A"}]},
            "person": {"category": "civil_servant", "unit_code": "SGDDT"}
        });
        let groups = build_groups(&mapping, &source, &catalogs(), false).unwrap();
        assert_eq!(groups["1_identity"]["gender"], "1");
        assert_eq!(groups["7_work_history"]["periods"][0]["unit"], "Trường A");
        assert!(groups.get("10_other").is_none(), "sensitive group left out");
        source["content"]["career"]["concurrent_party_position"] = json!("Bí thư chi bộ");
        let errors = build_groups(&mapping, &source, &catalogs(), false).unwrap_err();
        let error = &errors.as_slice()[0];
        assert_eq!(error.field, "career.concurrent_party_position");
        assert_eq!(error.code, "uncoded_value");
    }

    #[test]
    fn a_missing_required_field_is_named_and_a_mapping_without_source_is_refused() {
        let source = json!({"content": {"identity": {}}, "person": {}});
        let errors = build_groups(&Mapping::shipped(), &source, &catalogs(), false).unwrap_err();
        assert!(errors
            .as_slice()
            .iter()
            .any(|e| e.field == "identity.full_name" && e.code == "required"));
        let bad = r#"{"schema": "x", "groups": [{"name": "g", "fields": [{"name": "f"}]}]}"#;
        assert!(Mapping::parse(bad).unwrap_err().contains("g.f"));
    }

    #[test]
    fn a_national_record_fills_the_form_items_it_holds_and_names_them() {
        let mapping = Mapping::shipped();
        let source = json!({
            "content": {"identity": {"full_name": "Trần Thị Bình", "birth_date": "1985-03-04", "gender": "2",
                "citizen_id": "001185000111", "ethnicity": "01", "birth_place": {"province": "01"}},
                "work_history": [{"from": "2008-09-01", "unit": "Trường THPT Hà Nội"}]},
            "person": {"category": "public_employee", "unit_code": "HN01"}
        });
        let groups = build_groups(&mapping, &source, &catalogs(), false).unwrap();
        let (content, items) = content_of_groups(&mapping, &groups);
        assert_eq!(
            content, source["content"],
            "what the packet carried comes back where it was"
        );
        assert!(items.contains(&"identity.birth_place.province".to_owned()));
        assert!(items.contains(&"work_history[0].unit".to_owned()));
        assert!(
            !items.iter().any(|i| i.contains("category")),
            "hoso's own facts are not form items"
        );
    }

    #[test]
    fn reconciliation_finds_the_lost_the_changed_and_the_unknown_and_nothing_else() {
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let ours = |id: &str, sha: &str, on| OursRecord {
            dossier_id: format!("d-{id}"),
            national_identifier: id.into(),
            packet_sha256: sha.into(),
            acknowledged_on: on,
        };
        let theirs = |id: &str, sha: &str| TheirsRecord {
            national_identifier: id.into(),
            packet_sha256: sha.into(),
        };
        let mine = vec![
            ours("A", "a", day(20)), // same there
            ours("B", "b", day(20)), // changed there
            ours("C", "c", day(20)), // lost there
            ours("D", "d", day(2)),  // older than the day, not listed: unchanged
        ];
        let listed = vec![theirs("A", "a"), theirs("B", "b2"), theirs("E", "e")];
        let found: Vec<(DifferenceKind, Option<&str>)> = compare_records(&mine, &listed, day(10))
            .into_iter()
            .map(|(kind, o, t)| {
                (
                    kind,
                    o.map(|o| o.national_identifier.as_str())
                        .or(t.map(|t| t.national_identifier.as_str())),
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                (DifferenceKind::MissingThere, Some("C")),
                (DifferenceKind::Different, Some("B")),
                (DifferenceKind::MissingHere, Some("E")),
            ]
        );
    }

    #[test]
    fn a_corrected_item_is_found_by_its_pointer_and_equal_ones_are_not() {
        assert_eq!(pointer_of("work_history[2].unit"), "/work_history/2/unit");
        assert_eq!(
            pointer_of("identity.birth_place.province"),
            "/identity/birth_place/province"
        );
        let ours =
            json!({"identity": {"birth_date": "1990-03-15", "gender": "1"}, "work_history": [{"unit": "A"}]});
        let national =
            json!({"identity": {"birth_date": "1990-03-16", "gender": "1"}, "work_history": [{"unit": "A"}]});
        let items: Vec<String> = ["identity.birth_date", "identity.gender", "work_history[0].unit"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            differing_items(&items, &national, &ours),
            vec!["identity.birth_date".to_owned()]
        );
        let mut draft = json!({"identity": {}});
        set_at_pointer(&mut draft, "/work_history/1/unit", json!("B"));
        set_at_pointer(&mut draft, "/identity/birth_date", json!("1990-03-16"));
        assert_eq!(
            draft,
            json!({"identity": {"birth_date": "1990-03-16"}, "work_history": [{}, {"unit": "B"}]})
        );
    }

    #[test]
    fn only_time_outs_overload_and_order_are_tried_again() {
        for status in [408, 409, 429, 500, 502, 503] {
            assert!(transient_status(status), "{status}");
        }
        for status in [400, 401, 403, 404, 422] {
            assert!(!transient_status(status), "{status}");
        }
    }
}
