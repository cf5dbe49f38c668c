//! Agencies ask Sở Nội vụ for accounts for their subordinate units; Sở Nội vụ decides (ACC-7).

use hoso_api_types::accounts::{
    AccountRequestView, ApprovedAccountRequest, DecideRequest, FileAccountRequest,
};
use hoso_domain::access::{AccountKind, Right};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure, OneTimeSecret};
use crate::components::guard::SignedIn;
use crate::components::unit_select::UnitSelect;
use crate::labels;
use crate::session::{Auth, Session};

#[component]
pub fn AccountRequestsPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <AccountRequests session /> } /> }
}

#[component]
fn AccountRequests(session: Session) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let deciding = session.kind() == AccountKind::Admin;
    let reload = RwSignal::new(0u32);
    let requests = LocalResource::new(move || {
        reload.track();
        api::get::<Vec<AccountRequestView>>(auth, "/account-requests")
    });
    let note = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let secret = RwSignal::new(None::<String>);
    let decide = move |id: String, approve: bool| {
        let body = DecideRequest {
            note: note.get_untracked(),
        };
        spawn_local(async move {
            let result = if approve {
                api::post::<_, ApprovedAccountRequest>(
                    auth,
                    &format!("/account-requests/{id}/approve"),
                    &body,
                )
                .await
                .map(|a| Some(a.credentials.temporary_password))
            } else {
                api::post::<_, AccountRequestView>(auth, &format!("/account-requests/{id}/reject"), &body)
                    .await
                    .map(|_| None)
            };
            match result {
                Ok(password) => {
                    secret.set(password);
                    failure.set(None);
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <section>
            <h1>"Đề nghị cấp tài khoản"</h1>
            {deciding.then(|| view! {
                <label>"Ý kiến của Sở Nội vụ (bắt buộc khi duyệt hoặc từ chối)" <input name="note" bind:value=note /></label>
            })}
            <FormFailure failure />
            {move || secret.get().map(|value| view! { <OneTimeSecret label="Mật khẩu tạm thời của tài khoản mới" value /> })}
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match requests.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p>"Chưa có đề nghị nào."</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="data" data-testid="account-requests">
                                <thead><tr><th>"Tên đăng nhập"</th><th>"Loại"</th><th>"Lý do đề nghị"</th><th>"Trạng thái"</th><th>"Ý kiến"</th><th></th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|r| {
                                        let (approve_id, reject_id) = (r.id.clone(), r.id.clone());
                                        let open = deciding && r.status == "pending";
                                        view! {
                                            <tr>
                                                <td>{r.username.clone()}</td>
                                                <td>{labels::kind(r.kind)}</td>
                                                <td>{r.justification.clone()}</td>
                                                <td>{labels::status(&r.status)}</td>
                                                <td>{r.decision_note.clone().unwrap_or_default()}</td>
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
            {(!deciding).then(|| view! { <FileRequest on_filed=Callback::new(move |()| reload.update(|n| *n += 1)) /> })}
        </section>
    }
}

#[component]
fn FileRequest(on_filed: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let unit_id = RwSignal::new(String::new());
    let kind = RwSignal::new("specialist".to_owned());
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let justification = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let request = FileAccountRequest {
            unit_id: unit_id.get_untracked(),
            kind: kind.get_untracked().parse().unwrap_or(AccountKind::Specialist),
            username: username.get_untracked(),
            display_name: display_name.get_untracked(),
            rights: vec![Right::ReadDossiers, Right::UpdateDossiers],
            justification: justification.get_untracked(),
        };
        spawn_local(async move {
            match api::post::<_, AccountRequestView>(auth, "/account-requests", &request).await {
                Ok(_) => {
                    failure.set(None);
                    on_filed.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <h2>"Gửi đề nghị"</h2>
        <form class="form" on:submit=submit>
            <label>"Đơn vị trực thuộc"
                <UnitSelect name="unit_id" value=unit_id empty="— Chọn đơn vị —" />
            </label>
            <label>"Loại tài khoản"
                <select name="kind" bind:value=kind>
                    <option value="specialist">{labels::kind(AccountKind::Specialist)}</option>
                    <option value="agency">{labels::kind(AccountKind::Agency)}</option>
                </select>
            </label>
            <label>"Tên đăng nhập" <input name="username" bind:value=username /></label>
            <FieldMessage failure field="username" />
            <label>"Tên hiển thị" <input name="display_name" bind:value=display_name /></label>
            <label>"Lý do đề nghị" <input name="justification" bind:value=justification /></label>
            <FieldMessage failure field="justification" />
            <p class="muted">"Quyền đề nghị: xem và cập nhật hồ sơ. Sở Nội vụ có thể điều chỉnh sau khi cấp."</p>
            <FormFailure failure />
            <button type="submit" class="primary">"Gửi đề nghị"</button>
        </form>
    }
}
