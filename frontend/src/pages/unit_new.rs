//! A new unit (ORG-1): Sở Nội vụ creates one of any kind under any unit; an agency proposes one
//! under its own, and Sở Nội vụ approves (the unit is created) or rejects it, saying why.

use hoso_api_types::accounts::DecisionRef;
use hoso_api_types::golive::{UnitKindView, UnitProposalDecision, UnitProposalRequest, UnitProposalView};
use hoso_api_types::units::{CreateUnitRequest, TreeChange, UnitRef};
use hoso_domain::access::{AccountKind, Right};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::date_input::DateInput;
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure};
use crate::components::guard::SignedIn;
use crate::components::unit_select::UnitSelect;
use crate::session::{Auth, Session};

#[component]
pub fn UnitNewPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <UnitNew session /> } /> }
}

fn status_label(status: &str) -> &'static str {
    match status {
        "pending" => "Chờ Sở Nội vụ quyết định",
        "approved" => "Đã duyệt",
        _ => "Đã từ chối",
    }
}

#[component]
fn UnitNew(session: Session) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let deciding = session.kind() == AccountKind::Admin && session.has(Right::ManageUnits);
    let proposing = session.kind() == AccountKind::Agency;
    let reload = RwSignal::new(0u32);
    let proposals = LocalResource::new(move || {
        reload.track();
        api::get::<Vec<UnitProposalView>>(auth, "/unit-requests")
    });
    let note = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let done = RwSignal::new(None::<String>);
    let decide = move |id: String, approve: bool| {
        let body = UnitProposalDecision {
            note: Some(note.get_untracked()).filter(|n| !n.trim().is_empty()),
        };
        let verb = if approve { "approve" } else { "reject" };
        spawn_local(async move {
            match api::post::<_, UnitProposalView>(auth, &format!("/unit-requests/{id}/{verb}"), &body).await
            {
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
            <h1>{if deciding { "Thành lập đơn vị" } else { "Đề nghị thành lập đơn vị" }}</h1>
            // Made anew after each success, so the parent picker lists the unit just created.
            {move || {
                reload.track();
                (deciding || proposing).then(|| view! {
                    <UnitForm proposing on_done=Callback::new(move |message: String| {
                        done.set(Some(message));
                        reload.update(|n| *n += 1);
                    }) />
                })
            }}
            {move || done.get().map(|m| view! { <p class="notice" data-testid="unit-done">{m}</p> })}
            <h2>"Đề nghị của các cơ quan"</h2>
            {deciding.then(|| view! {
                <label>"Ý kiến của Sở Nội vụ (bắt buộc khi từ chối)" <input name="proposal_note" bind:value=note /></label>
            })}
            <FormFailure failure />
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match proposals.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p>"Chưa có đề nghị nào."</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="data" data-testid="unit-proposals">
                                <thead><tr><th>"Đơn vị đề nghị"</th><th>"Trực thuộc"</th><th>"Ngày"</th><th>"Trạng thái"</th><th>"Ý kiến"</th><th></th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|p| {
                                        let (approve_id, reject_id) = (p.id.clone(), p.id.clone());
                                        let open = deciding && p.status == "pending";
                                        view! {
                                            <tr>
                                                <td>{format!("{} ({})", p.name, p.code)}</td>
                                                <td>{p.parent.name.clone()}</td>
                                                <td>{p.effective_date.format("%d/%m/%Y").to_string()}</td>
                                                <td>{status_label(&p.status)}</td>
                                                <td>{p.decision_note.clone().unwrap_or_default()}</td>
                                                <td>{open.then(|| view! {
                                                    <button type="button" on:click=move |_| decide(approve_id.clone(), true)>"Duyệt"</button>
                                                    <button type="button" on:click=move |_| decide(reject_id.clone(), false)>"Từ chối"</button>
                                                })}</td>
                                            </tr>
                                        }
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
fn UnitForm(proposing: bool, on_done: Callback<String>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let kinds = LocalResource::new(move || api::get::<Vec<UnitKindView>>(auth, "/unit-kinds"));
    let parent_id = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let effective_date = RwSignal::new(crate::format::today_vn().to_string());
    let reason = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let signer = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let day = |s: RwSignal<String>| crate::format::input_day(&s.get_untracked());
        let Some(effective) = day(effective_date) else {
            failure.set(Some(ApiFailure::local("Nhập ngày hiệu lực.")));
            return;
        };
        let decision = match (number.get_untracked(), day(date)) {
            (n, Some(d)) if !n.trim().is_empty() => Some(DecisionRef {
                number: n,
                date: d,
                signer: signer.get_untracked(),
                document_id: None,
            }),
            _ => None,
        };
        let (code, name, kind, parent_id, reason) = (
            code.get_untracked(),
            name.get_untracked(),
            kind.get_untracked(),
            parent_id.get_untracked(),
            reason.get_untracked(),
        );
        spawn_local(async move {
            let result = if proposing {
                let body = UnitProposalRequest {
                    parent_id,
                    code,
                    name,
                    kind,
                    effective_date: effective,
                    reason,
                    decision,
                };
                api::post::<_, UnitProposalView>(auth, "/unit-requests", &body)
                    .await
                    .map(|p| format!("Đã gửi đề nghị thành lập {} tới Sở Nội vụ.", p.name))
            } else {
                let change = TreeChange {
                    effective_date: effective,
                    reason,
                    decision,
                };
                let body = CreateUnitRequest {
                    code,
                    name,
                    kind,
                    parent_id,
                    change,
                };
                api::post::<_, UnitRef>(auth, "/units", &body)
                    .await
                    .map(|u| format!("Đã thành lập {}.", u.name))
            };
            match result {
                Ok(message) => on_done.run(message),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <form class="form" on:submit=submit data-testid="unit-form">
            <label>"Trực thuộc" <UnitSelect name="parent_id" value=parent_id empty="— Chọn đơn vị cấp trên —" /></label>
            <FieldMessage failure field="parent_id" />
            <label>"Loại đơn vị"
                <select name="kind" bind:value=kind>
                    <option value="">"— Chọn —"</option>
                    {move || kinds.get().and_then(Result::ok).unwrap_or_default().into_iter()
                        .filter(|k| k.code != "province")
                        .map(|k| view! { <option value=k.code.clone()>{k.label}</option> })
                        .collect_view()}
                </select>
            </label>
            <FieldMessage failure field="kind" />
            <label>"Mã đơn vị" <input name="code" bind:value=code /></label>
            <FieldMessage failure field="code" />
            <label>"Tên đơn vị" <input name="name" bind:value=name /></label>
            <FieldMessage failure field="name" />
            <label>"Ngày hiệu lực" <DateInput name="effective_date" value=effective_date /></label>
            <FieldMessage failure field="effective_date" />
            <label>"Lý do" <input name="reason" bind:value=reason /></label>
            <FieldMessage failure field="reason" />
            <fieldset>
                <legend>"Quyết định thành lập (nếu đã có)"</legend>
                <label>"Số" <input name="decision.number" bind:value=number /></label>
                <label>"Ngày ký" <DateInput name="decision.date" value=date /></label>
                <label>"Người ký" <input name="decision.signer" bind:value=signer /></label>
            </fieldset>
            <FormFailure failure />
            <button type="submit">{if proposing { "Gửi đề nghị" } else { "Thành lập" }}</button>
        </form>
    }
}
