//! Accounts the signed-in account manages: filter, list, issue new ones (ACC-3, ACC-6).

use hoso_api_types::accounts::{
    AccountPage, CreateAccountRequest, DecisionRef, IssuedCredentials, SignInFailures,
};
use hoso_domain::access::{AccountKind, Right};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{self, ApiFailure};
use crate::components::date_input::DateInput;
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure, OneTimeSecret};
use crate::components::guard::SignedIn;
use crate::components::person_picker::PersonPicker;
use crate::components::rights::RightsPicker;
use crate::components::unit_select::UnitSelect;
use crate::labels;
use crate::session::{Auth, Session};

#[component]
pub fn AccountsPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <Accounts session /> } /> }
}

#[component]
fn Accounts(session: Session) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let reload = RwSignal::new(0u32);
    let page = LocalResource::new(move || {
        reload.track();
        let mut query = vec!["limit=200".to_owned()];
        for (name, value) in [
            ("q", text.get_untracked()),
            ("kind", kind.get_untracked()),
            ("status", status.get_untracked()),
            ("unit_id", unit.get_untracked()),
        ] {
            if !value.is_empty() {
                query.push(format!("{name}={}", encode(&value)));
            }
        }
        let path = format!("/accounts?{}", query.join("&"));
        async move { api::get::<AccountPage>(auth, &path).await }
    });
    let search = move |event: SubmitEvent| {
        event.prevent_default();
        reload.update(|n| *n += 1);
    };
    let manages = session.manages.clone();
    view! {
        <section>
            <h1>"Quản lý tài khoản"</h1>
            <form class="filters" on:submit=search>
                <input placeholder="Tên đăng nhập hoặc tên hiển thị" bind:value=text />
                <select bind:value=kind aria-label="Loại tài khoản">
                    <option value="">"Mọi loại"</option>
                    {manages.iter().map(|k| view! { <option value=k.as_str()>{labels::kind(*k)}</option> }).collect_view()}
                </select>
                <UnitSelect name="unit" value=unit empty="Mọi đơn vị" aria_label="Đơn vị" />
                <select bind:value=status aria-label="Trạng thái">
                    <option value="">"Mọi trạng thái"</option>
                    <option value="active">"Đang hoạt động"</option>
                    <option value="locked">"Đã khóa"</option>
                    <option value="revoked">"Đã thu hồi"</option>
                </select>
                <button type="submit">"Lọc"</button>
            </form>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(page) => view! {
                            <p class="muted">{format!("{} tài khoản", page.total)}</p>
                            <table class="data" data-testid="accounts">
                                <thead><tr><th>"Tên đăng nhập"</th><th>"Tên hiển thị"</th><th>"Loại"</th><th>"Đơn vị"</th><th>"Trạng thái"</th></tr></thead>
                                <tbody>
                                    {page.items.into_iter().map(|a| view! {
                                        <tr>
                                            <td><A href=format!("/tai-khoan/{}", a.id)>{a.username.clone()}</A></td>
                                            <td>{a.display_name.clone()}</td>
                                            <td>{labels::kind(a.kind)}</td>
                                            <td>{a.unit.map(|u| u.name).unwrap_or_else(|| "Toàn tỉnh".into())}</td>
                                            <td>{labels::status(&a.status)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
            <SignInFailuresPanel />
            <CreateAccount session=session.clone() on_created=Callback::new(move |()| reload.update(|n| *n += 1)) />
        </section>
    }
}

/// Accounts someone is guessing the password of (issue #19, defect 3): from which addresses,
/// and which are refused now; the holder signs in from elsewhere, «Mở khóa» lets every address
/// try again. Shown only when there is something to show.
#[component]
fn SignInFailuresPanel() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let failures = LocalResource::new(move || api::get::<SignInFailures>(auth, "/accounts/sign-in-failures"));
    let refused = |until: Option<chrono::DateTime<chrono::Utc>>| {
        until
            .map(|u| format!("bị chặn đến {}", labels::datetime(&u)))
            .unwrap_or_default()
    };
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match failures.await {
                    Ok(f) if !f.accounts.is_empty() || !f.addresses.is_empty() => view! {
                        <h2>"Đăng nhập sai trong 24 giờ qua"</h2>
                        <p class="muted">"Địa chỉ đoán sai mật khẩu bị chặn 15 phút; chủ tài khoản đăng nhập từ nơi khác vẫn được. Mở khóa tài khoản để mọi địa chỉ được thử lại."</p>
                        <table class="data" data-testid="sign-in-failures">
                            <thead><tr><th>"Tài khoản"</th><th>"Số lần sai"</th><th>"Từ địa chỉ"</th><th>"Lần sai gần nhất"</th></tr></thead>
                            <tbody>
                                {f.accounts.into_iter().map(|a| view! {
                                    <tr>
                                        <td><A href=format!("/tai-khoan/{}", a.account_id)>{a.username.clone()}</A>" — "{a.display_name.clone()}</td>
                                        <td>{a.failures}</td>
                                        <td>{a.from.into_iter().map(|l| view! { <div>{format!("{} ({} lần) {}", l.address, l.failures, refused(l.refused_until))}</div> }).collect_view()}</td>
                                        <td>{labels::datetime(&a.last_failure_at)}</td>
                                    </tr>
                                }).collect_view()}
                                {f.addresses.into_iter().map(|l| view! {
                                    <tr>
                                        <td>"Nhiều tên đăng nhập"</td>
                                        <td>{l.failures}</td>
                                        <td>{format!("{} {}", l.address, refused(l.refused_until))}</td>
                                        <td>{labels::datetime(&l.last_failure_at)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                    Ok(_) => ().into_any(),
                    Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn CreateAccount(session: Session, on_created: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let first_kind = session.manages.first().copied().unwrap_or(AccountKind::Personal);
    let kind = RwSignal::new(first_kind.as_str().to_owned());
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let unit_id = RwSignal::new(String::new());
    let person_id = RwSignal::new(String::new());
    let rights = RwSignal::new(Vec::<Right>::new());
    let reason = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let decision_number = RwSignal::new(String::new());
    let decision_date = RwSignal::new(String::new());
    let decision_signer = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let issued = RwSignal::new(None::<IssuedCredentials>);
    let pending = RwSignal::new(false);
    let selected_kind = move || kind.get().parse::<AccountKind>().unwrap_or(AccountKind::Personal);
    let session_for_rights = session.clone();
    let grantable = Signal::derive(move || session_for_rights.grantable(selected_kind()));
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let kind = selected_kind();
        let decision = (!decision_number.get_untracked().trim().is_empty()).then(|| DecisionRef {
            number: decision_number.get_untracked(),
            date: decision_date.get_untracked().parse().unwrap_or_default(),
            signer: decision_signer.get_untracked(),
            document_id: None,
        });
        let request = CreateAccountRequest {
            username: username.get_untracked().trim().to_owned(),
            display_name: display_name.get_untracked().trim().to_owned(),
            kind,
            unit_id: (kind != AccountKind::Admin && kind != AccountKind::Personal)
                .then(|| unit_id.get_untracked()),
            person_id: (kind == AccountKind::Personal).then(|| person_id.get_untracked()),
            rights: if kind == AccountKind::Personal {
                Vec::new()
            } else {
                rights.get_untracked()
            },
            holder_name: None,
            email: Some(email.get_untracked().trim().to_owned()).filter(|e| !e.is_empty()),
            reason: reason.get_untracked(),
            decision,
        };
        pending.set(true);
        failure.set(None);
        issued.set(None);
        spawn_local(async move {
            match api::post::<_, IssuedCredentials>(auth, "/accounts", &request).await {
                Ok(credentials) => {
                    issued.set(Some(credentials));
                    username.set(String::new());
                    display_name.set(String::new());
                    reason.set(String::new());
                    email.set(String::new());
                    // The person now has an account: the picker offers them no more.
                    person_id.set(String::new());
                    on_created.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
            pending.set(false);
        });
    };
    let manages = session.manages.clone();
    view! {
        <h2>"Cấp tài khoản mới"</h2>
        <form class="form" on:submit=submit data-testid="create-account">
            <label>"Loại tài khoản"
                <select name="kind" bind:value=kind>
                    {manages.iter().map(|k| view! { <option value=k.as_str()>{labels::kind(*k)}</option> }).collect_view()}
                </select>
            </label>
            <Show when=move || selected_kind() == AccountKind::Personal>
                <div class="field">
                    <span>"Người được cấp"</span>
                    <PersonPicker chosen=person_id label="Người được cấp".to_owned() without_account=true
                        on_pick=Callback::new(move |person: hoso_api_types::units::PersonSummary| display_name.set(person.full_name)) />
                </div>
                <FieldMessage failure field="person_id" />
            </Show>
            <Show when=move || matches!(selected_kind(), AccountKind::Agency | AccountKind::Specialist)>
                <label>"Đơn vị"
                    <UnitSelect name="unit_id" value=unit_id empty="— Chọn đơn vị —" />
                </label>
                <FieldMessage failure field="unit_id" />
            </Show>
            <label>"Tên đăng nhập" <input name="username" required bind:value=username /></label>
            <FieldMessage failure field="username" />
            <label>"Tên hiển thị" <input name="display_name" required bind:value=display_name /></label>
            <FieldMessage failure field="display_name" />
            <Show when=move || selected_kind() != AccountKind::Personal>
                <fieldset>
                    <legend>"Quyền"</legend>
                    <RightsPicker choices=grantable chosen=rights />
                </fieldset>
            </Show>
            <label>"Email của người được cấp (không bắt buộc)"
                <input name="email" type="email" autocomplete="off" bind:value=email />
            </label>
            <p class="muted">"Hệ thống gửi tên đăng nhập và địa chỉ đăng nhập tới email này, không gửi mật khẩu."</p>
            <FieldMessage failure field="email" />
            <label>"Lý do" <input name="reason" required bind:value=reason /></label>
            <FieldMessage failure field="reason" />
            <fieldset>
                <legend>"Văn bản (nếu có)"</legend>
                <label>"Số quyết định" <input name="decision_number" bind:value=decision_number /></label>
                <label>"Ngày" <DateInput name="decision_date" value=decision_date /></label>
                <label>"Người ký" <input name="decision_signer" bind:value=decision_signer /></label>
            </fieldset>
            <FormFailure failure />
            <button type="submit" class="primary" disabled=move || pending.get()>"Cấp tài khoản"</button>
        </form>
        {move || issued.get().map(|credentials| view! {
            <p>"Đã cấp tài khoản "<strong>{credentials.account.username.clone()}</strong>"."</p>
            <OneTimeSecret label="Mật khẩu tạm thời" value=credentials.temporary_password />
        })}
    }
}

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
