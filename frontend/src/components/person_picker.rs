//! Picking a person by typing part of their name (issue #24): the server searches as one types
//! (`GET /people?q=…`, with or without tone marks), so a unit of thousands is as easy to pick
//! from as one of ten, and nobody's list is cut at the first 200.

use hoso_api_types::units::PersonSummary;
use leptos::prelude::*;

use crate::api;
use crate::session::Auth;

/// How many matches are offered at once: enough to pick from, few enough to read.
const SHOWN: usize = 20;

/// A search box and its matches. `chosen` holds the picked person's id (empty when none);
/// `on_pick` is told of each pick (a list that collects several people clears `chosen`).
#[component]
pub fn PersonPicker(
    chosen: RwSignal<String>,
    /// What the box is for, read by screen readers and tests.
    label: String,
    /// Only the people of this unit.
    #[prop(optional)]
    unit_id: Option<String>,
    /// People not to offer (already picked).
    #[prop(optional, into)]
    exclude: Option<Signal<Vec<String>>>,
    #[prop(optional)] on_pick: Option<Callback<PersonSummary>>,
    /// Only people who have no personal account yet.
    #[prop(optional)]
    without_account: bool,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let typed = RwSignal::new(String::new());
    let picked_name = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let matches = LocalResource::new(move || {
        let text = typed.get();
        let unit = unit_id.clone();
        async move {
            let mut path = format!("/people?limit={}", SHOWN + 5);
            if let Some(unit) = unit {
                path.push_str(&format!("&unit_id={unit}"));
            }
            if !text.trim().is_empty() {
                path.push_str(&format!("&q={}", js_sys::encode_uri_component(text.trim())));
            }
            api::get::<Vec<PersonSummary>>(auth, &path).await
        }
    });
    let pick = move |person: PersonSummary| {
        chosen.set(person.id.clone());
        open.set(false);
        if let Some(callback) = on_pick {
            callback.run(person.clone());
        }
        if chosen.get_untracked().is_empty() {
            typed.set(String::new());
        } else {
            picked_name.set(Some(format!("{} — {}", person.full_name, person.unit.name)));
        }
    };
    view! {
        <div class="person-picker">
            <input
                type="search"
                aria-label=label.clone()
                placeholder="Gõ họ tên để tìm (có dấu hoặc không dấu)"
                prop:value=move || typed.get()
                on:focus=move |_| open.set(true)
                on:input=move |ev| {
                    typed.set(event_target_value(&ev));
                    open.set(true);
                }
            />
            {move || picked_name.get().filter(|_| !chosen.get().is_empty()).map(|name| view! {
                <p class="picked" data-testid="picked-person">"Đã chọn: " {name}</p>
            })}
            {move || open.get().then(|| {
                let excluded = exclude.map(|e| e.get()).unwrap_or_default();
                let label = label.clone();
                view! {
                    <Transition fallback=|| view! { <p class="muted">"Đang tìm…"</p> }>
                        {move || {
                            let excluded = excluded.clone();
                            let label = label.clone();
                            Suspend::new(async move {
                                let found: Vec<PersonSummary> = matches
                                    .await
                                    .unwrap_or_default()
                                    .into_iter()
                                    .filter(|p| !excluded.contains(&p.id))
                                    .filter(|p| !without_account || !p.has_account)
                                    .take(SHOWN)
                                    .collect();
                                if found.is_empty() {
                                    return view! { <p class="muted">"Không tìm thấy ai."</p> }.into_any();
                                }
                                view! {
                                    <ul class="picker-results" role="listbox" aria-label=format!("Kết quả: {label}")>
                                        {found.into_iter().map(|person| {
                                            let text = format!("{} — {}", person.full_name, person.unit.name);
                                            view! {
                                                <li role="option">
                                                    <button type="button" on:click=move |_| pick(person.clone())>{text}</button>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                }
                                .into_any()
                            })
                        }}
                    </Transition>
                }
            })}
        </div>
    }
}
