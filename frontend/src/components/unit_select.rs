//! A unit picker: the units of `/units` (or the whole province), indented by depth, with a first
//! choice meaning "no unit chosen" (the whole scope or province).

use hoso_api_types::units::UnitView;
use leptos::prelude::*;

use crate::api;
use crate::session::Auth;

#[component]
pub fn UnitSelect(
    /// The form field's name.
    name: &'static str,
    value: RwSignal<String>,
    /// The label of the empty choice.
    empty: &'static str,
    /// Every unit of the province rather than those in the account's scope (aggregates, USE-6).
    #[prop(optional)]
    whole_province: bool,
    /// The accessible name, where no visible label wraps the picker.
    #[prop(optional)]
    aria_label: Option<&'static str>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let path = if whole_province {
        "/units?whole_province=true"
    } else {
        "/units"
    };
    let units = LocalResource::new(move || api::get::<Vec<UnitView>>(auth, path));
    view! {
        <select name=name bind:value=value aria-label=aria_label>
            <option value="">{empty}</option>
            {move || units.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|u| view! {
                <option value=u.id.clone()>{crate::labels::indented(&u.name, u.depth)}</option>
            }).collect_view()}
        </select>
    }
}
