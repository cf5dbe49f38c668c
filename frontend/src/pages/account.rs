//! One account: its facts, its rights (restrict or expand), and the lifecycle actions (ACC-3,
//! ACC-4, ACC-5), each with its reason and, where there is one, the written decision.

use hoso_api_types::accounts::{
    AccountActionRequest, AccountView, ChangeAccountRequest, DecisionRef, HandOverRequest, IssuedCredentials,
};
use hoso_api_types::audit::AuditPage;
use hoso_domain::access::{AccountKind, Right};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use crate::api::{self, ApiFailure};
use crate::components::date_input::DateInput;
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure, OneTimeSecret};
use crate::components::guard::SignedIn;
use crate::components::rights::RightsPicker;
use crate::labels;
use crate::session::{Auth, Session};

#[component]
pub fn AccountPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <AccountDetail session /> } /> }
}

#[component]
fn AccountDetail(session: Session) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let reload = RwSignal::new(0u32);
    // Kept above the reloaded part so a new temporary password survives the refresh.
    let secret = RwSignal::new(None::<String>);
    let account = LocalResource::new(move || {
        reload.track();
        let id = id();
        async move { api::get::<AccountView>(auth, &format!("/accounts/{id}")).await }
    });
    view! {
        <section>
            {move || secret.get().map(|value| view! { <OneTimeSecret label="Mật khẩu tạm thời" value /> })}
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {
                    let session = session.clone();
                    move || {
                        let session = session.clone();
                        Suspend::new(async move {
                            match account.await {
                                Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                                Ok(account) => view! {
                                    <AccountFacts account=account.clone() />
                                    <AccountActions session=session.clone() account secret on_changed=Callback::new(move |()| reload.update(|n| *n += 1)) />
                                }.into_any(),
                            }
                        })
                    }
                }
            </Transition>
        </section>
    }
}

#[component]
fn AccountFacts(account: AccountView) -> impl IntoView {
    view! {
        <h1>{account.display_name.clone()}</h1>
        <dl class="facts" data-testid="account-facts">
            <dt>"Tên đăng nhập"</dt><dd>{account.username.clone()}</dd>
            <dt>"Loại"</dt><dd>{labels::kind(account.kind)}</dd>
            <dt>"Đơn vị"</dt><dd>{account.unit.as_ref().map(|u| u.name.clone()).unwrap_or_else(|| "Toàn tỉnh".into())}</dd>
            <dt>"Trạng thái"</dt><dd data-testid="account-status">{labels::status(&account.status)}</dd>
            {account.holder_name.clone().map(|h| view! { <dt>"Cán bộ được giao"</dt><dd>{h}</dd> })}
            <dt>"Quyền"</dt>
            <dd>{if account.rights.is_empty() { "Không có (chỉ xem hồ sơ của chính mình)".to_owned() } else { account.rights.iter().map(|r| r.label_vi()).collect::<Vec<_>>().join(", ") }}</dd>
            <dt>"Đăng nhập gần nhất"</dt><dd>{account.last_login_at.as_ref().map(labels::datetime).unwrap_or_else(|| "Chưa đăng nhập".into())}</dd>
        </dl>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Lock,
    Unlock,
    Revoke,
    Reset,
    HandOver,
    ChangeRights,
}

#[component]
fn AccountActions(
    session: Session,
    account: AccountView,
    secret: RwSignal<Option<String>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let own = session.account.id == account.id;
    let reason = RwSignal::new(String::new());
    let holder = RwSignal::new(String::new());
    let decision_number = RwSignal::new(String::new());
    let decision_date = RwSignal::new(String::new());
    let decision_signer = RwSignal::new(String::new());
    let rights = RwSignal::new(account.rights.clone());
    let document = RwSignal::new(None::<hoso_api_types::documents::DocumentView>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let pending = RwSignal::new(false);
    let (id, version, kind, status) = (
        account.id.clone(),
        account.version,
        account.kind,
        account.status.clone(),
    );

    let run = move |step: Step| {
        let id = id.clone();
        let decision = (!decision_number.get_untracked().trim().is_empty()).then(|| DecisionRef {
            number: decision_number.get_untracked(),
            date: decision_date.get_untracked().parse().unwrap_or_default(),
            signer: decision_signer.get_untracked(),
            document_id: document.get_untracked().map(|d| d.id),
        });
        let action = AccountActionRequest {
            version,
            reason: reason.get_untracked(),
            decision: decision.clone(),
        };
        pending.set(true);
        failure.set(None);
        secret.set(None);
        spawn_local(async move {
            let result: Result<Option<String>, ApiFailure> = match step {
                Step::Lock => api::post::<_, AccountView>(auth, &format!("/accounts/{id}/lock"), &action)
                    .await
                    .map(|_| None),
                Step::Unlock => api::post::<_, AccountView>(auth, &format!("/accounts/{id}/unlock"), &action)
                    .await
                    .map(|_| None),
                Step::Revoke => api::post::<_, AccountView>(auth, &format!("/accounts/{id}/revoke"), &action)
                    .await
                    .map(|_| None),
                Step::Reset => api::post::<_, IssuedCredentials>(
                    auth,
                    &format!("/accounts/{id}/reset-password"),
                    &action,
                )
                .await
                .map(|c| Some(c.temporary_password)),
                Step::HandOver => {
                    let request = HandOverRequest {
                        version,
                        holder_name: holder.get_untracked(),
                        reason: action.reason.clone(),
                        decision: decision.unwrap_or(DecisionRef {
                            number: String::new(),
                            date: Default::default(),
                            signer: String::new(),
                            document_id: document.get_untracked().map(|d| d.id),
                        }),
                    };
                    api::post::<_, IssuedCredentials>(auth, &format!("/accounts/{id}/hand-over"), &request)
                        .await
                        .map(|c| Some(c.temporary_password))
                }
                Step::ChangeRights => {
                    let request = ChangeAccountRequest {
                        version,
                        display_name: None,
                        rights: Some(rights.get_untracked()),
                        unit_id: None,
                        reason: action.reason.clone(),
                        decision,
                    };
                    api::patch::<_, AccountView>(auth, &format!("/accounts/{id}"), &request)
                        .await
                        .map(|_| None)
                }
            };
            match result {
                Ok(new_secret) => {
                    secret.set(new_secret);
                    reason.set(String::new());
                    on_changed.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
            pending.set(false);
        });
    };
    if own || session.manages.is_empty() || status == "revoked" {
        return ().into_any();
    }
    let grantable = session.grantable(kind);
    let button = move |label: &'static str, step: Step, testid: &'static str| {
        let run = run.clone();
        view! { <button type="button" data-testid=testid disabled=move || pending.get() on:click=move |_| run(step)>{label}</button> }
    };
    view! {
        <h2>"Thao tác"</h2>
        <div class="form">
            <label>"Lý do (bắt buộc)" <input name="reason" bind:value=reason /></label>
            <FieldMessage failure field="reason" />
            <fieldset>
                <legend>"Văn bản làm căn cứ"</legend>
                <label>"Số quyết định" <input name="decision_number" bind:value=decision_number /></label>
                <label>"Ngày" <DateInput name="decision_date" value=decision_date /></label>
                <label>"Người ký" <input name="decision_signer" bind:value=decision_signer /></label>
                <crate::components::upload::DocumentPicker document failure label="Bản scan quyết định (PDF, JPEG, PNG)" name="decision_document" />
                <FieldMessage failure field="decision.document_id" />
            </fieldset>
            <div class="actions">
                {(status == "active").then(|| button("Khóa tài khoản", Step::Lock, "lock"))}
                {(status == "locked" || account.locked_until.is_some()).then(|| button("Mở khóa", Step::Unlock, "unlock"))}
                {button("Cấp lại mật khẩu", Step::Reset, "reset-password")}
                {button("Thu hồi tài khoản", Step::Revoke, "revoke")}
            </div>
            {(kind == AccountKind::Agency).then(|| view! {
                <fieldset>
                    <legend>"Bàn giao tài khoản cơ quan"</legend>
                    <label>"Họ tên cán bộ nhận bàn giao" <input name="holder_name" bind:value=holder /></label>
                    {button("Bàn giao", Step::HandOver, "hand-over")}
                </fieldset>
            })}
            {(kind != AccountKind::Personal).then(|| view! {
                <fieldset data-testid="rights">
                    <legend>"Quyền (hạn chế hoặc mở rộng)"</legend>
                    <RightsPicker choices=grantable chosen=rights />
                    {button("Lưu quyền", Step::ChangeRights, "save-rights")}
                </fieldset>
            })}
            <FormFailure failure />
        </div>
        {session.has(Right::ViewAudit).then(|| view! { <AccountTrail account_id=account.id.clone() /> })}
    }
    .into_any()
}

#[component]
fn AccountTrail(account_id: String) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let trail = LocalResource::new(move || {
        let id = account_id.clone();
        async move { api::get::<AuditPage>(auth, &format!("/audit?target_id={id}&limit=100")).await }
    });
    view! {
        <h2>"Lịch sử"</h2>
        <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match trail.await {
                    Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                    Ok(page) => view! { <crate::pages::audit::AuditTable items=page.items /> }.into_any(),
                }
            })}
        </Transition>
    }
}
