//! Form inputs bound to a place in a JSON document (by JSON pointer), so the whole dossier form
//! — dozens of items and ten tables — is declared as data rather than written out by hand.
//! Field errors from the server are shown under the input whose path they name.

use leptos::prelude::*;
use serde_json::{Map, Value};

use crate::api::ApiFailure;
use crate::components::catalog::{catalog_options, commune_options};
use crate::components::date_input::DateField;

/// How an input reads and writes its value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    LongText,
    Date,
    Number,
    /// A salary coefficient: typed "2,34", stored in hundredths (234).
    Coefficient,
    /// A code of one of these catalogues.
    Code(&'static [&'static str]),
    /// A commune code of the province held beside it (the sibling key `province`).
    Commune,
    /// One of the job positions of the person's unit (item 30.3), from [`UnitPosts`].
    JobPosition,
}

/// The job positions of the unit whose dossier is open, provided by the dossier page.
#[derive(Clone, Copy)]
pub struct UnitPosts(pub RwSignal<Vec<hoso_api_types::units::PositionView>>);

/// The content the dossier was opened from when it came from the national database (an
/// arrival, DOS-5): provided by the dossier page, each input then says whether its value came
/// from there or was changed since.
#[derive(Clone)]
pub struct NationalOrigin(pub Value);

/// One input of a table row or a section: its key (or path below the section), label, kind.
pub type FieldSpec = (&'static str, &'static str, Kind);

/// `work_history[2].to` for `/work_history/2/to`: how the server names a field.
pub fn error_path(pointer: &str) -> String {
    let mut out = String::new();
    for part in pointer.split('/').skip(1) {
        if part.chars().all(|c| c.is_ascii_digit()) && !part.is_empty() {
            out.push_str(&format!("[{part}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    out
}

pub fn get_at(doc: &Value, pointer: &str) -> Value {
    doc.pointer(pointer).cloned().unwrap_or(Value::Null)
}

pub fn set_at(doc: &mut Value, pointer: &str, value: Value) {
    let mut current = doc;
    let parts: Vec<&str> = pointer.split('/').skip(1).collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i == parts.len() - 1;
        if let Ok(index) = part.parse::<usize>() {
            if !current.is_array() {
                *current = Value::Array(Vec::new());
            }
            let items = current.as_array_mut().expect("made an array");
            while items.len() <= index {
                items.push(Value::Object(Map::new()));
            }
            if last {
                items[index] = value;
                return;
            }
            current = &mut items[index];
        } else {
            if !current.is_object() {
                *current = Value::Object(Map::new());
            }
            let map = current.as_object_mut().expect("made an object");
            if last {
                map.insert((*part).to_owned(), value);
                return;
            }
            current = map.entry((*part).to_owned()).or_insert(Value::Null);
        }
    }
}

fn shown(value: &Value, kind: Kind) -> String {
    match (value, kind) {
        (Value::Null, _) => String::new(),
        (Value::Number(n), Kind::Coefficient) => {
            hoso_domain::catalog::coefficient_text(n.as_i64().unwrap_or(0))
        }
        (Value::String(s), _) => s.clone(),
        (other, _) => other.to_string(),
    }
}

fn parsed(text: &str, kind: Kind) -> Value {
    let text = text.trim();
    if text.is_empty() {
        return Value::Null;
    }
    match kind {
        Kind::Number => text
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(text.into())),
        Kind::Coefficient => {
            let normal = text.replace(',', ".");
            match normal.parse::<f64>() {
                Ok(x) => Value::from((x * 100.0).round() as u64),
                Err(_) => Value::String(text.into()),
            }
        }
        _ => Value::String(text.into()),
    }
}

/// One input bound to `pointer` in `doc`.
#[component]
pub fn JsonField(
    doc: RwSignal<Value>,
    pointer: String,
    label: &'static str,
    kind: Kind,
    failure: RwSignal<Option<ApiFailure>>,
    #[prop(optional)] readonly: bool,
) -> impl IntoView {
    let path = error_path(&pointer);
    let name = path.clone();
    let read = {
        let pointer = pointer.clone();
        move || shown(&doc.with(|d| get_at(d, &pointer)), kind)
    };
    let write = {
        let pointer = pointer.clone();
        move |text: String| doc.update(|d| set_at(d, &pointer, parsed(&text, kind)))
    };
    let input = match kind {
        Kind::LongText => view! {
            <textarea name=name readonly=readonly prop:value=read on:input=move |ev| write(event_target_value(&ev))></textarea>
        }
        .into_any(),
        Kind::Code(kinds) => {
            let current = read.clone();
            view! {
                <select name=name disabled=readonly on:change=move |ev| write(event_target_value(&ev))>
                    <option value="">"— Chọn —"</option>
                    {move || catalog_options(kinds, current())}
                </select>
            }
            .into_any()
        }
        Kind::JobPosition => {
            let current = read.clone();
            let posts = use_context::<UnitPosts>();
            let options = move || {
                let chosen = current();
                let list = posts.map(|UnitPosts(p)| p.get()).unwrap_or_default();
                let known = list.iter().any(|p| p.code == chosen);
                let stale = (!chosen.is_empty() && !known).then(|| {
                    let text = format!("{chosen} — không còn là vị trí của đơn vị");
                    view! { <option value=chosen.clone() selected=true>{text}</option> }
                });
                let rows = list
                    .into_iter()
                    .map(|p| {
                        let selected = p.code == chosen;
                        let required = p.required_grade.map(|g| format!(", yêu cầu {g}")).unwrap_or_default();
                        let text = format!("{} — {} ({}{required})", p.code, p.name, crate::labels::position_group(p.group));
                        view! { <option value=p.code selected=selected>{text}</option> }
                    })
                    .collect_view();
                view! { {stale} {rows} }
            };
            view! {
                <select name=name disabled=readonly on:change=move |ev| write(event_target_value(&ev))>
                    <option value="">"— Chọn vị trí việc làm của đơn vị —"</option>
                    {options}
                </select>
            }
            .into_any()
        }
        Kind::Commune => {
            let current = read.clone();
            let province_pointer = match pointer.rsplit_once('/') {
                Some((parent, _)) => format!("{parent}/province"),
                None => "/province".to_owned(),
            };
            let province = move || {
                doc.with(|d| get_at(d, &province_pointer))
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            };
            view! {
                <select name=name disabled=readonly on:change=move |ev| write(event_target_value(&ev))>
                    <option value="">"— Chọn xã, phường (sau 01/7/2025) —"</option>
                    {move || commune_options(province(), current())}
                </select>
            }
            .into_any()
        }
        Kind::Date => {
            let read = Signal::derive(read.clone());
            let write = Callback::new(move |iso: String| write(iso));
            view! { <DateField read write name readonly /> }.into_any()
        }
        _ => {
            let kind_attr = match kind {
                Kind::Number => "number",
                _ => "text",
            };
            view! {
                <input type=kind_attr name=name readonly=readonly prop:value=read on:input=move |ev| write(event_target_value(&ev)) />
            }
            .into_any()
        }
    };
    let message_path = path.clone();
    let origin = use_context::<NationalOrigin>().and_then(|NationalOrigin(origin)| {
        let value = get_at(&origin, &pointer);
        (!value.is_null()).then_some(value)
    });
    let provenance = origin.map(|national| {
        let pointer = pointer.clone();
        move || {
            if doc.with(|d| get_at(d, &pointer)) == national {
                view! { <span class="badge national" data-origin="national">"Từ CSDL quốc gia"</span> }
                    .into_any()
            } else {
                let text = format!("Đã sửa — CSDL quốc gia: {}", shown(&national, kind));
                view! { <span class="badge changed" data-origin="changed">{text}</span> }.into_any()
            }
        }
    });
    view! {
        <label>{label} {provenance} {input}</label>
        {move || failure.get().and_then(|f| f.field(&message_path)).map(|m| view! { <p class="field-error" data-field=path.clone()>{m}</p> })}
    }
}

/// The inputs of one section (an object), each at `section` + its key.
#[component]
pub fn JsonSection(
    doc: RwSignal<Value>,
    section: &'static str,
    fields: &'static [FieldSpec],
    failure: RwSignal<Option<ApiFailure>>,
    #[prop(optional)] readonly: bool,
) -> impl IntoView {
    fields
        .iter()
        .map(|(key, label, kind)| {
            view! { <JsonField doc pointer=format!("{section}/{key}") label=*label kind=*kind failure readonly /> }
        })
        .collect_view()
}

/// A table of rows (an array at `pointer`), one line per row, rows added and removed.
#[component]
pub fn JsonTable(
    doc: RwSignal<Value>,
    pointer: &'static str,
    columns: &'static [FieldSpec],
    failure: RwSignal<Option<ApiFailure>>,
    #[prop(optional)] readonly: bool,
    /// Fixed values a new row starts with (e.g. the training kind).
    #[prop(optional)]
    new_row: Option<Callback<(), Value>>,
    /// Only rows for which this holds are shown (e.g. one training kind).
    #[prop(optional)]
    only: Option<Callback<Value, bool>>,
) -> impl IntoView {
    let rows = move || {
        doc.with(|d| get_at(d, pointer).as_array().cloned().unwrap_or_default())
            .iter()
            .enumerate()
            .filter(|(_, row)| only.is_none_or(|keep| keep.run((*row).clone())))
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    let add = move |_| {
        doc.update(|d| {
            let mut items = get_at(d, pointer).as_array().cloned().unwrap_or_default();
            items.push(new_row.map_or_else(|| Value::Object(Map::new()), |make| make.run(())));
            set_at(d, pointer, Value::Array(items));
        })
    };
    let remove = move |index: usize| {
        doc.update(|d| {
            let mut items = get_at(d, pointer).as_array().cloned().unwrap_or_default();
            if index < items.len() {
                items.remove(index);
            }
            set_at(d, pointer, Value::Array(items));
        })
    };
    view! {
        <div class="json-table" data-table=pointer.trim_start_matches('/')>
            {move || rows().into_iter().map(|i| view! {
                <fieldset class="row-fields">
                    <legend>{format!("Dòng {}", i + 1)}</legend>
                    {columns.iter().map(|(key, label, kind)| view! {
                        <JsonField doc pointer=format!("{pointer}/{i}/{key}") label=*label kind=*kind failure readonly />
                    }).collect_view()}
                    {(!readonly).then(|| view! { <button type="button" class="link" on:click=move |_| remove(i)>"Xóa dòng"</button> })}
                </fieldset>
            }).collect_view()}
            {(!readonly).then(|| view! { <button type="button" on:click=add>"Thêm dòng"</button> })}
        </div>
    }
}
