//! One unit and its whole history; Sở Nội vụ renames, moves or dissolves it from here.

use hoso_api_types::accounts::DecisionRef;
use hoso_api_types::units::{MoveUnitRequest, RenameUnitRequest, TreeChange, UnitDetail, UnitRef, UnitView};
use hoso_domain::access::Right;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure};
use crate::components::guard::SignedIn;
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
        <label>"Ngày hiệu lực" <input type="date" name="effective_date" bind:value=fields.date /></label>
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
    let units = LocalResource::new(move || api::get::<Vec<UnitView>>(auth, "/units"));
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
                    <select name="parent_id" bind:value=parent>
                        <option value="">"— Chọn —"</option>
                        {move || units.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|u| view! {
                            <option value=u.id.clone()>{format!("{}{}", "— ".repeat(u.depth as usize), u.name)}</option>
                        }).collect_view()}
                    </select>
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
