use hoso_api_types::auth::{ChangePasswordRequest, SessionTokens};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FieldMessage, FormFailure};
use crate::components::guard::SignedIn;
use crate::session::{Auth, Session};

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <ChangePasswordForm session /> } /> }
}

#[component]
fn ChangePasswordForm(session: Session) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let navigate = use_navigate();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiFailure>);
    let mismatch = RwSignal::new(false);
    let forced = session.account.must_change_password;
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if new.get_untracked() != confirm.get_untracked() {
            mismatch.set(true);
            return;
        }
        mismatch.set(false);
        pending.set(true);
        failure.set(None);
        let navigate = navigate.clone();
        let request = ChangePasswordRequest {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        spawn_local(async move {
            let result: Result<SessionTokens, _> = api::post(auth, "/auth/password", &request).await;
            match result {
                Ok(tokens) => match api::session_from(tokens).await {
                    Ok(session) => {
                        auth.set(Some(session));
                        navigate("/", Default::default());
                    }
                    Err(error) => failure.set(Some(error)),
                },
                Err(error) => failure.set(Some(error)),
            }
            pending.set(false);
        });
    };
    view! {
        <section class="narrow">
            <h1>"Đổi mật khẩu"</h1>
            {forced.then(|| view! {
                <p class="notice notice-info" data-testid="forced-change">"Bạn đang dùng mật khẩu tạm thời. Hãy đặt mật khẩu mới để tiếp tục."</p>
            })}
            <form on:submit=submit class="form">
                <label>"Mật khẩu hiện tại"
                    <input name="current_password" type="password" autocomplete="current-password" required bind:value=current />
                </label>
                <FieldMessage failure field="current_password" />
                <label>"Mật khẩu mới"
                    <input name="new_password" type="password" autocomplete="new-password" required bind:value=new />
                </label>
                <p class="muted">"Ít nhất 10 ký tự, có cả chữ và số, không chứa tên đăng nhập."</p>
                <FieldMessage failure field="new_password" />
                <label>"Nhập lại mật khẩu mới"
                    <input name="confirm_password" type="password" autocomplete="new-password" required bind:value=confirm />
                </label>
                <Show when=move || mismatch.get()>
                    <p class="field-error">"Hai lần nhập mật khẩu mới không khớp."</p>
                </Show>
                <FormFailure failure />
                <button type="submit" class="primary" disabled=move || pending.get()>"Đổi mật khẩu"</button>
            </form>
        </section>
    }
}
