use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::api::{self, ApiFailure};
use crate::components::failure::FormFailure;
use crate::session::Auth;

#[component]
pub fn LoginPage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let navigate = use_navigate();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiFailure>);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        pending.set(true);
        failure.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::login(
                username.get_untracked().trim().to_owned(),
                password.get_untracked(),
            )
            .await
            {
                Ok(session) => {
                    let next = if session.account.must_change_password {
                        "/doi-mat-khau"
                    } else {
                        "/"
                    };
                    auth.set(Some(session));
                    navigate(next, Default::default());
                }
                Err(error) => {
                    password.set(String::new());
                    failure.set(Some(error));
                }
            }
            pending.set(false);
        });
    };
    // A deployment that has not had its first run points there instead of a useless sign-in.
    let setup = LocalResource::new(crate::api::setup_status);
    let setup_needed = move || setup.get().and_then(Result::ok).is_some_and(|s| s.needed);
    view! {
        <section class="narrow">
            <h1>"Đăng nhập"</h1>
            <Show when=setup_needed>
                <p class="notice" data-testid="setup-needed">"Hệ thống chưa được khởi tạo. " <a href="/thiet-lap">"Thiết lập lần đầu"</a></p>
            </Show>
            <form on:submit=submit class="form">
                <label>"Tên đăng nhập"
                    <input name="username" autocomplete="username" required bind:value=username />
                </label>
                <label>"Mật khẩu"
                    <input name="password" type="password" autocomplete="current-password" required bind:value=password />
                </label>
                <FormFailure failure />
                <button type="submit" class="primary" disabled=move || pending.get()>
                    {move || if pending.get() { "Đang đăng nhập…" } else { "Đăng nhập" }}
                </button>
            </form>
            <p class="muted">"Quên mật khẩu hoặc nghi bị lộ mật khẩu: báo thủ trưởng cơ quan và Sở Nội vụ để được cấp lại."</p>
        </section>
    }
}
