//! Dossiers within the signed-in account's scope (DOS-1): search by name without diacritics,
//! filter by status, open a dossier for a person who has none.

use hoso_api_types::dossiers::{CreateDossierRequest, DossierSummary, DossierView};
use hoso_domain::access::Right;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
use crate::components::person_picker::PersonPicker;
use crate::session::{Auth, Session};

#[component]
pub fn DossiersPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <Dossiers session /> } /> }
}

pub fn status_label(status: &str) -> &'static str {
    match status {
        "draft" => "Đang khai, chưa phê duyệt",
        "approved" => "Đã phê duyệt",
        _ => "Khác",
    }
}

#[component]
fn Dossiers(session: Session) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let search = RwSignal::new(String::new());
    let national_id = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let reload = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        reload.track();
        let mut path = format!(
            "/dossiers?limit=200&q={}",
            String::from(js_sys::encode_uri_component(&search.get()))
        );
        let status = status.get();
        if !status.is_empty() {
            path.push_str(&format!("&status={status}"));
        }
        let national_id = national_id.get();
        if !national_id.trim().is_empty() {
            path.push_str(&format!(
                "&national_id={}",
                String::from(js_sys::encode_uri_component(national_id.trim()))
            ));
        }
        async move { api::get::<Vec<DossierSummary>>(auth, &path).await }
    });
    let may_open = session.has(Right::CreateDossiers);
    view! {
        <section>
            <h1>"Hồ sơ cán bộ, công chức, viên chức"</h1>
            <div class="filters">
                <label>"Tìm theo họ tên" <input type="search" name="dossier_search" placeholder="Gõ có dấu hoặc không dấu" bind:value=search /></label>
                <label>"Mã định danh hoặc số hiệu quốc gia" <input type="search" name="national_id" bind:value=national_id /></label>
                <label>"Trạng thái"
                    <select name="dossier_status" bind:value=status>
                        <option value="">"Tất cả"</option>
                        <option value="draft">"Đang khai, chưa phê duyệt"</option>
                        <option value="approved">"Đã phê duyệt"</option>
                    </select>
                </label>
            </div>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="muted">"Không có hồ sơ nào."</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="data" data-testid="dossiers">
                                <thead><tr><th>"Số hiệu"</th><th>"Họ và tên"</th><th>"Đơn vị"</th><th>"Trạng thái"</th><th>"Phiên bản"</th></tr></thead>
                                <tbody>{list.into_iter().map(|d| view! {
                                    <tr>
                                        <td>{d.dossier_number.clone()}</td>
                                        <td><A href=format!("/ho-so/{}", d.id)>{d.full_name.clone()}</A></td>
                                        <td>{d.unit.name.clone()}</td>
                                        <td>{status_label(&d.status)}</td>
                                        <td>{d.current_version}</td>
                                    </tr>
                                }).collect_view()}</tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
            {may_open.then(|| view! { <OpenDossier /> })}
        </section>
    }
}

/// Opens the dossier of a person of the account's units who has none yet.
#[component]
fn OpenDossier() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let navigate = use_navigate();
    let person = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let open = move |_| {
        let body = CreateDossierRequest {
            person_id: person.get_untracked(),
            content: Default::default(),
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::post::<_, DossierView>(auth, "/dossiers", &body).await {
                Ok(view) => navigate(&format!("/ho-so/{}", view.summary.id), Default::default()),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <h2>"Mở hồ sơ"</h2>
        <div class="form">
            <div class="field">
                <span>"Người được lập hồ sơ"</span>
                <PersonPicker chosen=person label="Người được lập hồ sơ".to_owned() />
            </div>
            <FormFailure failure />
            <button type="button" class="primary" on:click=open>"Mở hồ sơ"</button>
        </div>
    }
}

/// "Hồ sơ của tôi": the signed-in person's own dossier.
#[component]
pub fn MyDossierPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <MyDossier /> } /> }
}

#[component]
fn MyDossier() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let navigate = use_navigate();
    let mine = LocalResource::new(move || api::get::<DossierSummary>(auth, "/me/dossier"));
    view! {
        <section>
            <h1>"Hồ sơ của tôi"</h1>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || {
                    let navigate = navigate.clone();
                    Suspend::new(async move {
                        match mine.await {
                            Ok(d) => {
                                navigate(&format!("/ho-so/{}", d.id), Default::default());
                                ().into_any()
                            }
                            Err(ApiFailure::Api { status: 404, .. }) => view! {
                                <p>"Hồ sơ của bạn chưa được mở. Bộ phận tổ chức cán bộ của cơ quan sẽ mở hồ sơ để bạn khai."</p>
                            }.into_any(),
                            Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}
