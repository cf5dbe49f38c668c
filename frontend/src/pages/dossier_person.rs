//! Beside a dossier, for HR: the person's employment category through time and its change on a
//! decision (ORG-2), and for Sở Nội vụ the national identifiers of the dossier (CTX-1).

use hoso_api_types::accounts::DecisionRef;
use hoso_api_types::dossiers::DossierSummary;
use hoso_api_types::golive::{CategoryChangeRequest, CategoryPeriodView, NationalIdsRequest};
use hoso_domain::access::{AccountKind, Right};
use hoso_domain::recruitment::Category;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::catalog::CatalogSelect;
use crate::components::date_input::DateInput;
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure};
use crate::components::upload::DocumentPicker;
use crate::format::input_day;
use crate::session::Auth;

fn category_label(code: &str) -> &'static str {
    Category::parse(code).map(Category::label_vi).unwrap_or("")
}

/// The category history with its change form (HR with `update_dossiers`), and the national
/// identifiers form (Sở Nội vụ).
#[component]
pub fn PersonPanel(dossier: DossierSummary) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let session = auth.get_untracked();
    let hr = session
        .as_ref()
        .is_some_and(|s| s.kind() != AccountKind::Personal && s.has(Right::UpdateDossiers));
    let home_affairs = session
        .as_ref()
        .is_some_and(|s| s.kind() == AccountKind::Admin && s.has(Right::UpdateDossiers));
    if !hr {
        return ().into_any();
    }
    let person_id = dossier.person_id.clone();
    let reload = RwSignal::new(0u32);
    let periods = LocalResource::new(move || {
        reload.track();
        let path = format!("/people/{person_id}/categories");
        async move { api::get::<Vec<CategoryPeriodView>>(auth, &path).await }
    });
    view! {
        <section class="panel" data-testid="person-panel">
            <h2>"Đối tượng (công chức, viên chức, hợp đồng lao động)"</h2>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match periods.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) => view! {
                            <table class="data" data-testid="categories">
                                <thead><tr><th>"Đối tượng"</th><th>"Từ ngày"</th><th>"Đến ngày"</th><th>"Quyết định"</th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|p| view! {
                                        <tr>
                                            <td>{category_label(&p.category)}</td>
                                            <td>{p.valid_from.format("%d/%m/%Y").to_string()}</td>
                                            <td>{p.valid_to.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default()}</td>
                                            <td>{p.decision_number.unwrap_or_default()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
            <CategoryChange person_id=dossier.person_id.clone() on_done=Callback::new(move |()| reload.update(|n| *n += 1)) />
            {home_affairs.then(|| view! { <NationalIds dossier=dossier.clone() /> })}
        </section>
    }
    .into_any()
}

#[component]
fn CategoryChange(person_id: String, on_done: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let category = RwSignal::new("public_employee".to_owned());
    let contract_type = RwSignal::new(String::new());
    let contract_ends_on = RwSignal::new(String::new());
    let starts_on = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let signer = RwSignal::new(String::new());
    let scan = RwSignal::new(None::<hoso_api_types::documents::DocumentView>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let (Some(starts), Some(decided)) = (
            input_day(&starts_on.get_untracked()),
            input_day(&date.get_untracked()),
        ) else {
            failure.set(Some(ApiFailure::local(
                "Nhập ngày bắt đầu và ngày ký quyết định.",
            )));
            return;
        };
        let request = CategoryChangeRequest {
            category: category.get_untracked(),
            contract_type: Some(contract_type.get_untracked()).filter(|v| !v.is_empty()),
            contract_ends_on: input_day(&contract_ends_on.get_untracked()),
            starts_on: starts,
            decision: DecisionRef {
                number: number.get_untracked(),
                date: decided,
                signer: signer.get_untracked(),
                document_id: scan.get_untracked().map(|d| d.id),
            },
        };
        let path = format!("/people/{person_id}/categories");
        spawn_local(async move {
            match api::post::<_, Vec<CategoryPeriodView>>(auth, &path, &request).await {
                Ok(_) => {
                    failure.set(None);
                    on_done.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <h3>"Thay đổi đối tượng theo quyết định"</h3>
        <form class="form" on:submit=submit data-testid="category-change">
            <label>"Đối tượng mới"
                <select name="category" bind:value=category>
                    {Category::ALL.into_iter().map(|c| view! { <option value=c.as_str()>{c.label_vi()}</option> }).collect_view()}
                </select>
            </label>
            <Show when=move || category.get() == "contract_worker">
                <label>"Loại hợp đồng" <CatalogSelect kinds=&["contract_types"] value=contract_type name="contract_type" /></label>
                <FieldMessage failure field="contract_type" />
                <label>"Hợp đồng hết hạn ngày" <DateInput name="contract_ends_on" value=contract_ends_on /></label>
                <FieldMessage failure field="contract_ends_on" />
            </Show>
            <label>"Từ ngày" <DateInput name="starts_on" value=starts_on /></label>
            <FieldMessage failure field="starts_on" />
            <label>"Số quyết định" <input name="decision.number" bind:value=number /></label>
            <label>"Ngày ký" <DateInput name="decision.date" value=date /></label>
            <FieldMessage failure field="decision.date" />
            <label>"Người ký" <input name="decision.signer" bind:value=signer /></label>
            <DocumentPicker document=scan failure label="Bản scan quyết định (bắt buộc)" name="category_scan" />
            <FieldMessage failure field="decision.document_id" />
            <FormFailure failure />
            <button type="submit">"Ghi nhận thay đổi"</button>
        </form>
    }
}

#[component]
fn NationalIds(dossier: DossierSummary) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let identifier = RwSignal::new(dossier.national_identifier.clone().unwrap_or_default());
    let code = RwSignal::new(dossier.national_dossier_code.clone().unwrap_or_default());
    let failure = RwSignal::new(None::<ApiFailure>);
    let saved = RwSignal::new(false);
    let path = format!("/dossiers/{}/national-ids", dossier.id);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let text = |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.trim().is_empty());
        let request = NationalIdsRequest {
            national_identifier: text(identifier),
            national_dossier_code: text(code),
        };
        let path = path.clone();
        spawn_local(async move {
            match api::put::<_, DossierSummary>(auth, &path, &request).await {
                Ok(_) => {
                    failure.set(None);
                    saved.set(true);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <h3>"Mã định danh và số hiệu hồ sơ quốc gia (Sở Nội vụ)"</h3>
        <form class="form" on:submit=submit data-testid="national-ids">
            <label>"Mã định danh" <input name="national_identifier" bind:value=identifier /></label>
            <FieldMessage failure field="national_identifier" />
            <label>"Số hiệu hồ sơ quốc gia" <input name="national_dossier_code" bind:value=code /></label>
            <FieldMessage failure field="national_dossier_code" />
            <FormFailure failure />
            <button type="submit">"Lưu mã"</button>
        </form>
        {move || saved.get().then(|| view! { <p class="notice" data-testid="national-ids-saved">"Đã lưu mã định danh."</p> })}
    }
}
