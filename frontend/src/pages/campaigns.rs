//! Update campaigns (issue #6): an HR officer opens a window in which the people of a unit
//! update chosen sections of their dossier until a date; they are notified in the app, and
//! the deadline dashboard shows who has not yet answered.

use hoso_api_types::campaigns::{CampaignView, NewCampaign};
use hoso_domain::workflow::SECTIONS;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::date_input::DateInput;
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
use crate::components::unit_select::UnitSelect;
use crate::session::Auth;

#[component]
pub fn CampaignsPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <Campaigns /> } /> }
}

fn section_label(key: &str) -> &'static str {
    SECTIONS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, label)| *label)
        .unwrap_or("?")
}

#[component]
fn Campaigns() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let reload = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        reload.track();
        async move { api::get::<Vec<CampaignView>>(auth, "/campaigns").await }
    });
    let unit_id = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let closes_on = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<String>::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let open_campaign = move |_| {
        let Ok(closes) = chrono::NaiveDate::parse_from_str(&closes_on.get_untracked(), "%Y-%m-%d") else {
            return;
        };
        let body = NewCampaign {
            unit_id: unit_id.get_untracked(),
            title: title.get_untracked(),
            sections: chosen.get_untracked(),
            closes_on: closes,
            person_ids: Vec::new(),
        };
        spawn_local(async move {
            match api::post::<_, CampaignView>(auth, "/campaigns", &body).await {
                Ok(_) => {
                    failure.set(None);
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <section>
            <h1>"Đợt cập nhật hồ sơ"</h1>
            <form class="stack" on:submit=|ev| ev.prevent_default()>
                <label>"Tên đợt" <input name="campaign.title" bind:value=title /></label>
                <label>"Đơn vị"
                    <UnitSelect name="campaign.unit" value=unit_id empty="— Chọn —" />
                </label>
                <fieldset>
                    <legend>"Các phần được cập nhật"</legend>
                    {SECTIONS.iter().map(|(key, label)| view! {
                        <label><input type="checkbox" on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|c| { c.retain(|k| k != key); if on { c.push((*key).to_owned()); } });
                        } /> {*label}</label>
                    }).collect_view()}
                </fieldset>
                <label>"Hạn cập nhật" <DateInput name="campaign.closes_on" value=closes_on /></label>
                <button type="button" class="primary" on:click=open_campaign>"Mở đợt cập nhật"</button>
                <FormFailure failure />
            </form>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) => view! {
                            <table class="data" data-testid="campaigns">
                                <thead><tr><th>"Đợt"</th><th>"Đơn vị"</th><th>"Các phần"</th><th>"Thời gian"</th><th>""</th></tr></thead>
                                <tbody>{list.into_iter().map(|c| view! {
                                    <tr>
                                        <td>{c.title}</td>
                                        <td>{c.unit.name}</td>
                                        <td>{c.sections.iter().map(|s| section_label(s)).collect::<Vec<_>>().join(", ")}</td>
                                        <td>{format!("{} – {}", c.opens_on.format("%d/%m/%Y"), c.closes_on.format("%d/%m/%Y"))}</td>
                                        <td>{if c.open { "Đang mở" } else { "Đã đóng" }}</td>
                                    </tr>
                                }).collect_view()}</tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
