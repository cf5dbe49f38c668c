//! "Thông báo qua email": where the signed-in person's email goes and which kinds they receive
//! (issue #23 point 10).

use hoso_api_types::mail::{MailSettingsView, UpdateMailSettings};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure};
use crate::components::guard::SignedIn;
use crate::session::Auth;

#[component]
pub fn MailSettingsPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <MailSettings /> } /> }
}

#[component]
fn MailSettings() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let settings = LocalResource::new(move || api::get::<MailSettingsView>(auth, "/me/mail-settings"));
    view! {
        <section class="narrow">
            <h1>"Thông báo qua email"</h1>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match settings.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(current) => view! { <MailSettingsForm current /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn MailSettingsForm(current: MailSettingsView) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let email = RwSignal::new(current.email.clone().unwrap_or_default());
    let enabled = RwSignal::new(
        current
            .kinds
            .iter()
            .filter(|k| k.enabled)
            .map(|k| k.kind.clone())
            .collect::<Vec<_>>(),
    );
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiFailure>);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        pending.set(true);
        saved.set(false);
        failure.set(None);
        let address = email.get_untracked();
        let request = UpdateMailSettings {
            email: (!address.trim().is_empty()).then_some(address),
            enabled: enabled.get_untracked(),
        };
        spawn_local(async move {
            let result: Result<MailSettingsView, _> = api::put(auth, "/me/mail-settings", &request).await;
            match result {
                Ok(_) => saved.set(true),
                Err(error) => failure.set(Some(error)),
            }
            pending.set(false);
        });
    };
    view! {
        {(!current.delivery_configured).then(|| view! {
            <p class="notice notice-info" data-testid="mail-not-configured">
                "Hệ thống chưa được cấu hình máy chủ thư: hiện chưa gửi email. Bạn vẫn được báo trong ứng dụng; các lựa chọn dưới đây có hiệu lực khi quản trị viên cấu hình máy chủ thư."
            </p>
        })}
        // Checked by the server, whose message is in Vietnamese whatever the browser speaks.
        <form on:submit=submit class="form" data-testid="mail-settings" novalidate>
            <label>"Địa chỉ email"
                <input name="email" type="email" autocomplete="email" bind:value=email placeholder="ten@donvi.gov.vn" />
            </label>
            <p class="muted">"Để trống nếu bạn không muốn nhận email."</p>
            <FieldMessage failure field="email" />
            <fieldset>
                <legend>"Nhận email khi"</legend>
                {current.kinds.into_iter().map(|kind| {
                    let name = kind.kind.clone();
                    let toggled = name.clone();
                    view! {
                        <label class="check">
                            <input type="checkbox" name=name.clone()
                                prop:checked=move || enabled.get().contains(&name)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    enabled.update(|list| {
                                        list.retain(|k| *k != toggled);
                                        if on { list.push(toggled.clone()); }
                                    });
                                } />
                            <span><strong>{kind.label}</strong><br /><span class="muted">{kind.description}</span></span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <FormFailure failure />
            <Show when=move || saved.get()>
                <p class="notice notice-success" role="status">"Đã lưu cài đặt thông báo."</p>
            </Show>
            <button type="submit" class="primary" disabled=move || pending.get()>"Lưu cài đặt"</button>
        </form>
    }
}
