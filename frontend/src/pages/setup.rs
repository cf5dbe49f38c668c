//! The first run of a real province (issue #14): while nothing is set up, whoever installs the
//! system enters the one-time token the server printed, the province and the first
//! administrator; then everyone signs in as usual.

use hoso_api_types::golive::{SetupRequest, SetupResult};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure};

#[component]
pub fn SetupPage() -> impl IntoView {
    let status = LocalResource::new(api::setup_status);
    view! {
        <section>
            <h1>"Thiết lập lần đầu"</h1>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(s) if !s.needed => view! {
                            <p>"Hệ thống đã được khởi tạo"{s.province.map(|p| format!(" cho {}", p.name))}". " <a href="/dang-nhap">"Đăng nhập"</a></p>
                        }.into_any(),
                        Ok(_) => view! { <SetupForm /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn SetupForm() -> impl IntoView {
    let token = RwSignal::new(String::new());
    let province_code = RwSignal::new(String::new());
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new("Quản trị hệ thống — Sở Nội vụ".to_owned());
    let password = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let done = RwSignal::new(None::<SetupResult>);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let request = SetupRequest {
            setup_token: token.get_untracked(),
            province_code: province_code.get_untracked(),
            admin_username: username.get_untracked(),
            admin_display_name: display_name.get_untracked(),
            admin_password: password.get_untracked(),
        };
        spawn_local(async move {
            match api::setup(&request).await {
                Ok(result) => {
                    failure.set(None);
                    done.set(Some(result));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <Show when=move || done.get().is_none()>
            <p>"Máy chủ in mã thiết lập một lần khi khởi động trên cơ sở dữ liệu trống (dòng «hoso setup token»). Có thể làm việc này bằng lệnh " <code>"hoso init --province-code 33 --admin quantri"</code> "."</p>
            <form class="form" on:submit=submit data-testid="setup-form">
                <label>"Mã thiết lập" <input name="setup_token" bind:value=token autocomplete="off" /></label>
                <FieldMessage failure field="setup_token" />
                <label>"Mã tỉnh, thành phố (2 chữ số, ví dụ 33 — Hưng Yên)" <input name="province_code" bind:value=province_code inputmode="numeric" /></label>
                <FieldMessage failure field="province_code" />
                <label>"Tên đăng nhập của quản trị viên" <input name="admin_username" bind:value=username /></label>
                <FieldMessage failure field="admin_username" />
                <label>"Tên hiển thị" <input name="admin_display_name" bind:value=display_name /></label>
                <label>"Mật khẩu" <input type="password" name="admin_password" bind:value=password autocomplete="new-password" /></label>
                <FieldMessage failure field="admin_password" />
                <FormFailure failure />
                <button type="submit">"Khởi tạo hệ thống"</button>
            </form>
        </Show>
        {move || done.get().map(|r| view! {
            <p class="notice" data-testid="setup-done">
                {format!("Đã khởi tạo {} và {} cùng tài khoản quản trị «{}». ", r.province.name, r.home_affairs.name, r.admin_username)}
                <a href="/dang-nhap">"Đăng nhập"</a>
            </p>
        })}
    }
}
