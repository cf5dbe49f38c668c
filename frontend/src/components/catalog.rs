//! Catalogue codes in forms: each catalogue is fetched once per page load and shared by every
//! picker and label that needs it (the dossier editor has dozens).

use std::collections::{HashMap, HashSet};

use hoso_api_types::catalogs::{CatalogEntryView, CatalogView};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::session::Auth;

#[derive(Clone, Copy)]
pub struct Catalogs {
    loaded: RwSignal<HashMap<String, Vec<CatalogEntryView>>>,
    requested: StoredValue<HashSet<String>>,
}

impl Catalogs {
    pub fn provide() {
        provide_context(Catalogs {
            loaded: RwSignal::new(HashMap::new()),
            requested: StoredValue::new(HashSet::new()),
        });
    }

    pub fn get() -> Self {
        expect_context::<Catalogs>()
    }

    /// Starts fetching `kind` unless it was already asked for.
    pub fn ensure(self, kind: &'static str) {
        let first = self
            .requested
            .try_update_value(|r| r.insert(kind.to_owned()))
            .unwrap_or(false);
        if !first {
            return;
        }
        let auth = expect_context::<Auth>();
        let loaded = self.loaded;
        spawn_local(async move {
            if let Ok(view) = api::get::<CatalogView>(auth, &format!("/catalogs/{kind}")).await {
                loaded.update(|m| {
                    m.insert(kind.to_owned(), view.entries);
                });
            }
        });
    }

    /// The entries of `kinds` loaded so far (reactive).
    pub fn entries(self, kinds: &[&'static str]) -> Vec<CatalogEntryView> {
        kinds.iter().for_each(|k| self.ensure(k));
        self.loaded.with(|m| {
            kinds
                .iter()
                .filter_map(|k| m.get(*k))
                .flatten()
                .cloned()
                .collect()
        })
    }

    /// The label of a stored code, or the bare code until its catalogue arrives.
    pub fn label(self, kinds: &[&'static str], code: &str) -> String {
        self.entries(kinds)
            .into_iter()
            .find(|e| e.code == code)
            .map_or_else(|| code.to_owned(), |e| e.label)
    }

    /// "code — label" for a stored code, or the bare code until its catalogue arrives.
    pub fn describe(self, kinds: &[&'static str], code: &str) -> String {
        self.entries(kinds)
            .into_iter()
            .find(|e| e.code == code)
            .map_or_else(|| code.to_owned(), |e| format!("{} — {}", e.code, e.label))
    }
}

/// Whether an entry applies today (retired ones are offered only when already chosen).
pub fn in_force(entry: &CatalogEntryView) -> bool {
    let today = crate::format::today_vn();
    entry.valid_from.is_none_or(|from| from <= today) && entry.valid_to.is_none_or(|to| today <= to)
}

/// The `<option>`s of the codes of `kinds` in force, and `chosen` even if retired (so a stored
/// code still shows its label).
pub fn catalog_options(kinds: &'static [&'static str], chosen: String) -> impl IntoView {
    Catalogs::get()
        .entries(kinds)
        .into_iter()
        .filter(|e| in_force(e) || e.code == chosen)
        .map(|e| {
            let selected = e.code == chosen;
            view! { <option value=e.code.clone() selected=selected>{format!("{} — {}", e.code, e.label)}</option> }
        })
        .collect_view()
}

/// The communes of a province (CTX-2): of the province itself, or for a province before the
/// 2025 reform, of the province it became (the form's "nay là …").
pub fn commune_options(province: String, chosen: String) -> impl IntoView {
    let catalogs = Catalogs::get();
    let now_in = catalogs
        .entries(&["provinces", "former_provinces"])
        .into_iter()
        .find(|p| p.code == province)
        .map(|p| p.replaced_by.unwrap_or(p.code));
    catalogs
        .entries(&["communes"])
        .into_iter()
        .filter(|e| now_in.is_some() && e.parent == now_in)
        .filter(|e| in_force(e) || e.code == chosen)
        .map(|e| {
            let selected = e.code == chosen;
            view! { <option value=e.code.clone() selected=selected>{e.label.clone()}</option> }
        })
        .collect_view()
}

/// A `<select>` of the codes of `kinds`, bound to `value` (empty = none chosen).
#[component]
pub fn CatalogSelect(
    kinds: &'static [&'static str],
    value: RwSignal<String>,
    name: &'static str,
    #[prop(optional)] placeholder: Option<&'static str>,
) -> impl IntoView {
    let options = move || catalog_options(kinds, value.get());
    view! {
        <select name=name bind:value=value>
            <option value="">{placeholder.unwrap_or("— Chọn —")}</option>
            {options}
        </select>
    }
}
