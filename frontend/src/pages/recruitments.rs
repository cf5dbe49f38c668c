//! "Tiếp nhận người mới tuyển dụng" (ACC-6, DOS-1): an agency records a recruit with the
//! scanned decision or contract, and follows whose personal account is still due.

use hoso_api_types::accounts::DecisionRef;
use hoso_api_types::golive::{RecruitRequest, RecruitmentView};
use hoso_domain::recruitment::Category;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::catalog::CatalogSelect;
use crate::components::date_input::DateInput;
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure};
use crate::components::guard::SignedIn;
use crate::components::unit_select::UnitSelect;
use crate::components::upload::DocumentPicker;
use crate::format::input_day;
use crate::session::Auth;

#[component]
pub fn RecruitmentsPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <Recruitments /> } /> }
}

#[component]
fn Recruitments() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let reload = RwSignal::new(0u32);
    let only_waiting = RwSignal::new(false);
    let list = LocalResource::new(move || {
        reload.track();
        let path = if only_waiting.get() {
            "/recruitments?without_account=true"
        } else {
            "/recruitments"
        };
        api::get::<Vec<RecruitmentView>>(auth, path)
    });
    view! {
        <section>
            <h1>"Tiếp nhận người mới tuyển dụng"</h1>
            <RecruitForm on_done=Callback::new(move |()| reload.update(|n| *n += 1)) />
            <h2>"Người mới tuyển dụng"</h2>
            <label class="inline"><input type="checkbox" name="without_account" bind:checked=only_waiting /> "Người chưa có tài khoản"</label>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(rows) if rows.is_empty() => view! { <p>"Không có ai."</p> }.into_any(),
                        Ok(rows) => view! {
                            <table class="data" data-testid="recruitments">
                                <thead><tr><th>"Họ và tên"</th><th>"Đơn vị"</th><th>"Loại"</th><th>"Quyết định"</th><th>"Hạn cấp tài khoản"</th><th>"Tài khoản"</th></tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|r| view! {
                                        <tr class:overdue=r.overdue>
                                            <td><a href=format!("/ho-so/{}", r.dossier_id)>{r.full_name.clone()}</a></td>
                                            <td>{r.unit.name.clone()}</td>
                                            <td>{Category::parse(&r.category).map(Category::label_vi).unwrap_or_default()}</td>
                                            <td>{format!("{} ngày {}", r.decision_number, r.decision_date.format("%d/%m/%Y"))}</td>
                                            <td>{r.account_due_on.format("%d/%m/%Y").to_string()}{r.overdue.then_some(" (quá hạn)")}</td>
                                            <td>{if r.has_account { "Đã cấp" } else { "Chưa cấp" }}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn RecruitForm(on_done: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let full_name = RwSignal::new(String::new());
    let birth_date = RwSignal::new(String::new());
    let gender = RwSignal::new(String::new());
    let citizen_id = RwSignal::new(String::new());
    let category = RwSignal::new("public_employee".to_owned());
    let contract_type = RwSignal::new(String::new());
    let contract_ends_on = RwSignal::new(String::new());
    let unit_id = RwSignal::new(String::new());
    let job_position_id = RwSignal::new(String::new());
    // The chosen unit's job positions (ORG-3), to place the recruit in one.
    let positions = LocalResource::new(move || {
        let unit = unit_id.get();
        async move {
            if unit.is_empty() {
                return Ok(Vec::new());
            }
            api::get::<Vec<hoso_api_types::units::PositionView>>(auth, &format!("/units/{unit}/positions"))
                .await
        }
    });
    let starts_on = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let signer = RwSignal::new(String::new());
    let scan = RwSignal::new(None::<hoso_api_types::documents::DocumentView>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let done = RwSignal::new(None::<RecruitmentView>);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let (Some(birth), Some(decided)) = (
            input_day(&birth_date.get_untracked()),
            input_day(&date.get_untracked()),
        ) else {
            failure.set(Some(ApiFailure::local("Nhập ngày sinh và ngày ký quyết định.")));
            return;
        };
        let text = |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.trim().is_empty());
        let request = RecruitRequest {
            full_name: full_name.get_untracked(),
            birth_date: birth,
            gender: gender.get_untracked(),
            citizen_id: citizen_id.get_untracked(),
            category: category.get_untracked(),
            contract_type: text(contract_type),
            contract_ends_on: input_day(&contract_ends_on.get_untracked()),
            unit_id: unit_id.get_untracked(),
            job_position_id: Some(job_position_id.get_untracked()).filter(|v| !v.is_empty()),
            starts_on: input_day(&starts_on.get_untracked()),
            decision: DecisionRef {
                number: number.get_untracked(),
                date: decided,
                signer: signer.get_untracked(),
                document_id: scan.get_untracked().map(|d| d.id),
            },
        };
        spawn_local(async move {
            match api::post::<_, RecruitmentView>(auth, "/recruitments", &request).await {
                Ok(recruited) => {
                    failure.set(None);
                    done.set(Some(recruited));
                    on_done.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let contract = move || category.get() == "contract_worker";
    view! {
        <form class="form" on:submit=submit data-testid="recruit-form">
            <label>"Họ và tên" <input name="full_name" bind:value=full_name /></label>
            <FieldMessage failure field="full_name" />
            <label>"Ngày sinh" <DateInput name="birth_date" value=birth_date /></label>
            <FieldMessage failure field="birth_date" />
            <label>"Giới tính" <CatalogSelect kinds=&["genders"] value=gender name="gender" /></label>
            <label>"Số căn cước" <input name="citizen_id" bind:value=citizen_id /></label>
            <FieldMessage failure field="citizen_id" />
            <label>"Đối tượng"
                <select name="category" bind:value=category>
                    {Category::ALL.into_iter().map(|c| view! { <option value=c.as_str()>{c.label_vi()}</option> }).collect_view()}
                </select>
            </label>
            <FieldMessage failure field="category" />
            <Show when=contract>
                <label>"Loại hợp đồng" <CatalogSelect kinds=&["contract_types"] value=contract_type name="contract_type" /></label>
                <FieldMessage failure field="contract_type" />
                <label>"Hợp đồng hết hạn ngày" <DateInput name="contract_ends_on" value=contract_ends_on /></label>
                <FieldMessage failure field="contract_ends_on" />
            </Show>
            <label>"Đơn vị sử dụng" <UnitSelect name="unit_id" value=unit_id empty="— Chọn đơn vị —" /></label>
            <FieldMessage failure field="unit_id" />
            <label>"Vị trí việc làm"
                <select name="job_position_id" bind:value=job_position_id>
                    <option value="">"— Chưa xác định —"</option>
                    {move || positions.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|p| view! {
                        <option value=p.id.clone()>{format!("{} — {} (còn {} chỉ tiêu)", p.code, p.name, p.vacancies)}</option>
                    }).collect_view()}
                </select>
            </label>
            <FieldMessage failure field="job_position_id" />
            <label>"Ngày bắt đầu làm việc (mặc định: ngày quyết định)" <DateInput name="starts_on" value=starts_on /></label>
            <FieldMessage failure field="starts_on" />
            <fieldset>
                <legend>"Quyết định tuyển dụng hoặc hợp đồng lao động"</legend>
                <label>"Số" <input name="decision.number" bind:value=number /></label>
                <label>"Ngày ký" <DateInput name="decision.date" value=date /></label>
                <FieldMessage failure field="decision.date" />
                <label>"Người ký" <input name="decision.signer" bind:value=signer /></label>
                <DocumentPicker document=scan failure label="Bản scan (bắt buộc)" name="decision.scan" />
                <FieldMessage failure field="decision.document_id" />
            </fieldset>
            <FormFailure failure />
            <button type="submit">"Tiếp nhận"</button>
        </form>
        {move || done.get().map(|r| view! {
            <p class="notice" data-testid="recruited">
                {format!("Đã tiếp nhận {}: hồ sơ {}; tài khoản cá nhân phải cấp trước ngày {}.", r.full_name, r.dossier_number, r.account_due_on.format("%d/%m/%Y"))}
            </p>
        })}
    }
}
