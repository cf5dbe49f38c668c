//! One unit and its whole history; Sở Nội vụ renames, moves or dissolves it from here.

use hoso_api_types::accounts::DecisionRef;
use hoso_api_types::units::{MoveUnitRequest, RenameUnitRequest, TreeChange, UnitDetail, UnitRef};
use hoso_domain::access::Right;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{self, ApiFailure};
use crate::components::date_input::DateInput;
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure};
use crate::components::guard::SignedIn;
use crate::components::unit_select::UnitSelect;
use crate::session::{Auth, Session};

#[component]
pub fn UnitPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <Unit session /> } /> }
}

pub fn event_label(kind: &str) -> &'static str {
    match kind {
        "create" => "Thành lập",
        "rename" => "Đổi tên",
        "move" => "Chuyển đơn vị chủ quản",
        "merge" => "Sáp nhập",
        "split" => "Chia tách",
        "dissolve" => "Giải thể",
        _ => "Khác",
    }
}

fn date_vi(date: &chrono::NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

#[component]
fn Unit(session: Session) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let params = use_params_map();
    let reload = RwSignal::new(0u32);
    let unit = LocalResource::new(move || {
        reload.track();
        let id = params.read().get("id").unwrap_or_default();
        async move { api::get::<UnitDetail>(auth, &format!("/units/{id}")).await }
    });
    let admin = session.has(Right::ManageUnits);
    let manages_positions = session.has(Right::ManagePositions);
    view! {
        <section>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match unit.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(unit) => view! {
                            <h1>{unit.name.clone()}</h1>
                            <dl class="facts" data-testid="unit-facts">
                                <dt>"Mã"</dt><dd>{unit.code.clone()}</dd>
                                <dt>"Số người đang quản lý"</dt><dd>{unit.staff}</dd>
                                <dt>"Tình trạng"</dt>
                                <dd data-testid="unit-state">{match unit.ended_on {
                                    Some(day) => format!("Không còn tồn tại từ ngày {}", date_vi(&day)),
                                    None => "Đang hoạt động".into(),
                                }}</dd>
                                {(!unit.became.is_empty()).then(|| view! { <dt>"Sáp nhập vào"</dt><dd><UnitLinks units=unit.became.clone() /></dd> })}
                                {(!unit.came_from.is_empty()).then(|| view! { <dt>"Hình thành từ"</dt><dd><UnitLinks units=unit.came_from.clone() /></dd> })}
                            </dl>
                            <h2>"Lịch sử"</h2>
                            <table class="data" data-testid="unit-history">
                                <thead><tr><th>"Từ ngày"</th><th>"Đến ngày"</th><th>"Tên"</th><th>"Sự kiện"</th><th>"Quyết định"</th><th>"Lý do"</th></tr></thead>
                                <tbody>
                                    {unit.versions.iter().map(|v| view! {
                                        <tr>
                                            <td>{date_vi(&v.valid_from)}</td>
                                            <td>{v.valid_to.as_ref().map(date_vi).unwrap_or_default()}</td>
                                            <td>{v.name.clone()}</td>
                                            <td>{v.event.as_deref().map(event_label).unwrap_or("Dữ liệu ban đầu")}</td>
                                            <td>{v.decision_number.clone().unwrap_or_default()}</td>
                                            <td>{v.reason.clone().unwrap_or_default()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                            {unit.ended_on.is_none().then(|| view! { <Quotas unit_id=unit.id.clone() admin /> })}
                            {unit.ended_on.is_none().then(|| view! { <crate::pages::unit_positions::Positions unit_id=unit.id.clone() can_manage=manages_positions /> })}
                            {(admin && unit.ended_on.is_none()).then(|| view! {
                                <UnitActions unit_id=unit.id.clone() on_changed=Callback::new(move |()| reload.update(|n| *n += 1)) />
                            })}
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn UnitLinks(units: Vec<UnitRef>) -> impl IntoView {
    units
        .into_iter()
        .map(|u| view! { <A href=format!("/to-chuc/{}", u.id)>{u.name}</A>" " })
        .collect_view()
}

/// The common fields of a change: its date, reason and decision.
#[derive(Clone, Copy)]
pub struct ChangeFields {
    pub date: RwSignal<String>,
    pub reason: RwSignal<String>,
    pub number: RwSignal<String>,
    pub signer: RwSignal<String>,
}

impl ChangeFields {
    pub fn new() -> Self {
        let today = crate::format::today_vn().to_string();
        Self {
            date: RwSignal::new(today),
            reason: RwSignal::new(String::new()),
            number: RwSignal::new(String::new()),
            signer: RwSignal::new(String::new()),
        }
    }

    pub fn change(&self) -> TreeChange {
        let date = self.date.get_untracked().parse().unwrap_or_default();
        TreeChange {
            effective_date: date,
            reason: self.reason.get_untracked(),
            decision: (!self.number.get_untracked().trim().is_empty()).then(|| DecisionRef {
                number: self.number.get_untracked(),
                date,
                signer: self.signer.get_untracked(),
                document_id: None,
            }),
        }
    }
}

#[component]
pub fn ChangeInputs(fields: ChangeFields, failure: RwSignal<Option<ApiFailure>>) -> impl IntoView {
    view! {
        <label>"Ngày hiệu lực" <DateInput name="effective_date" value=fields.date /></label>
        <FieldMessage failure field="effective_date" />
        <label>"Lý do" <input name="reason" bind:value=fields.reason /></label>
        <FieldMessage failure field="reason" />
        <label>"Số quyết định" <input name="decision_number" bind:value=fields.number /></label>
        <label>"Người ký" <input name="decision_signer" bind:value=fields.signer /></label>
    }
}

#[component]
fn UnitActions(unit_id: String, on_changed: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let fields = ChangeFields::new();
    let name = RwSignal::new(String::new());
    let parent = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let act = move |what: &'static str| {
        let id = unit_id.clone();
        let change = fields.change();
        spawn_local(async move {
            let path = format!("/units/{id}/{what}");
            let result = match what {
                "rename" => {
                    api::post::<_, UnitRef>(
                        auth,
                        &path,
                        &RenameUnitRequest {
                            name: name.get_untracked(),
                            change,
                        },
                    )
                    .await
                }
                "move" => {
                    api::post::<_, UnitRef>(
                        auth,
                        &path,
                        &MoveUnitRequest {
                            parent_id: parent.get_untracked(),
                            change,
                        },
                    )
                    .await
                }
                _ => api::post::<_, UnitRef>(auth, &path, &change).await,
            };
            match result {
                Ok(_) => {
                    failure.set(None);
                    on_changed.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let (rename, relocate, dissolve) = (act.clone(), act.clone(), act);
    view! {
        <h2>"Thay đổi"</h2>
        <div class="form">
            <ChangeInputs fields failure />
            <fieldset>
                <legend>"Đổi tên"</legend>
                <label>"Tên mới" <input name="new_name" bind:value=name /></label>
                <FieldMessage failure field="name" />
                <button type="button" data-testid="rename" on:click=move |_| rename("rename")>"Đổi tên"</button>
            </fieldset>
            <fieldset>
                <legend>"Chuyển đơn vị chủ quản"</legend>
                <label>"Đơn vị cấp trên mới"
                    <UnitSelect name="parent_id" value=parent empty="— Chọn —" />
                </label>
                <FieldMessage failure field="parent_id" />
                <button type="button" on:click=move |_| relocate("move")>"Chuyển"</button>
            </fieldset>
            <button type="button" on:click=move |_| dissolve("dissolve")>"Giải thể đơn vị"</button>
            <FieldMessage failure field="unit_id" />
            <FormFailure failure />
        </div>
    }
}

/// This year's staffing quota against headcount (ORG-2), for the unit and its subtree.
#[component]
fn Quotas(unit_id: String, admin: bool) -> impl IntoView {
    use hoso_api_types::units::{QuotaComparison, SetQuotaRequest, UnitQuotas};
    let auth = expect_context::<Auth>();
    let reload = RwSignal::new(0u32);
    let id = unit_id.clone();
    let quotas = LocalResource::new(move || {
        reload.track();
        let id = id.clone();
        async move { api::get::<UnitQuotas>(auth, &format!("/units/{id}/quotas")).await }
    });
    let row = |label: &'static str, c: QuotaComparison| {
        let cell = |quota: i64, head: i64, free: i64| {
            let class = if free < 0 { "over" } else { "" };
            view! { <td class=class>{format!("{head} / {quota}")}{(free < 0).then(|| format!(" (vượt {})", -free))}</td> }
        };
        view! {
            <tr>
                <td>{label}</td>
                {cell(c.quota.civil_servants, c.headcount.civil_servants, c.vacancies.civil_servants)}
                {cell(c.quota.public_employees, c.headcount.public_employees, c.vacancies.public_employees)}
                {cell(c.quota.contract_workers, c.headcount.contract_workers, c.vacancies.contract_workers)}
            </tr>
        }
    };
    let (civil, public, contract, reason) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let failure = RwSignal::new(None::<ApiFailure>);
    let save = move |year: i32| {
        let id = unit_id.clone();
        let body = SetQuotaRequest {
            civil_servants: civil.get_untracked().trim().parse().unwrap_or(0),
            public_employees: public.get_untracked().trim().parse().unwrap_or(0),
            contract_workers: contract.get_untracked().trim().parse().unwrap_or(0),
            decision_number: None,
            reason: reason.get_untracked(),
        };
        spawn_local(async move {
            match api::put::<_, ()>(auth, &format!("/units/{id}/quotas/{year}"), &body).await {
                Ok(()) => {
                    failure.set(None);
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <Transition fallback=|| ()>
            {move || {
                let save = save.clone();
                Suspend::new(async move {
                    match quotas.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(q) => view! {
                            <h2>{format!("Biên chế năm {} (có mặt / được giao)", q.year)}</h2>
                            <table class="data" data-testid="quotas">
                                <thead><tr><th></th><th>"Công chức"</th><th>"Viên chức"</th><th>"Hợp đồng lao động"</th></tr></thead>
                                <tbody>{row("Đơn vị", q.unit)}{row("Cả đơn vị trực thuộc", q.subtree)}</tbody>
                            </table>
                            {admin.then(|| view! {
                                <div class="form">
                                    <fieldset>
                                        <legend>"Giao biên chế năm " {q.year}</legend>
                                        <label>"Công chức" <input type="number" min="0" name="quota_civil" bind:value=civil /></label>
                                        <label>"Viên chức" <input type="number" min="0" name="quota_public" bind:value=public /></label>
                                        <label>"Hợp đồng lao động" <input type="number" min="0" name="quota_contract" bind:value=contract /></label>
                                        <label>"Lý do" <input name="quota_reason" bind:value=reason /></label>
                                        <FormFailure failure />
                                        <button type="button" on:click={let save = save.clone(); move |_| save(q.year)}>"Lưu biên chế"</button>
                                    </fieldset>
                                </div>
                            })}
                        }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}
