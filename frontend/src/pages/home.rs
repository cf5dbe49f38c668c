use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::SystemInfoResource;
use crate::components::failure::FailureNotice;
use crate::labels;
use crate::session::Auth;

#[component]
pub fn HomePage() -> impl IntoView {
    let SystemInfoResource(info) = expect_context::<SystemInfoResource>();
    let auth = expect_context::<Auth>();
    view! {
        <section>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match info.await {
                        Ok(info) => view! {
                            <h1>{info.system_name}</h1>
                            <p class="lead">{info.province_name}</p>
                        }.into_any(),
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                    }
                })}
            </Transition>
            {move || match auth.get() {
                Some(session) => view! {
                    <p data-testid="greeting">"Xin chào, "<strong>{session.account.display_name.clone()}</strong>
                        " ("{labels::kind(session.kind())}")."</p>
                }.into_any(),
                None => view! {
                    <p><A href="/dang-nhap">"Đăng nhập"</A>" để làm việc với hồ sơ."</p>
                }.into_any(),
            }}
            {move || auth.get().map(|_| view! { <Notifications /> })}
            <p>
                "Hệ thống lưu giữ hồ sơ điện tử của cán bộ, công chức, viên chức và người lao động, "
                "theo mẫu sơ yếu lý lịch của Thông tư 06/2023/TT-BNV, với quy trình cập nhật, kiểm tra, "
                "phê duyệt bằng chữ ký số và đồng bộ lên Cơ sở dữ liệu quốc gia."
            </p>
            <p>"Xem "<A href="/trang-thai">"trạng thái hệ thống"</A>"."</p>
        </section>
    }
}

/// The account's notifications (campaigns opened, dossiers returned), unread first in bold.
#[component]
fn Notifications() -> impl IntoView {
    use hoso_api_types::campaigns::NotificationView;
    let auth = expect_context::<Auth>();
    let reload = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        reload.track();
        async move { crate::api::get::<Vec<NotificationView>>(auth, "/me/notifications").await }
    });
    let mark = move |id: String| {
        leptos::task::spawn_local(async move {
            let _ =
                crate::api::post::<_, serde_json::Value>(auth, &format!("/me/notifications/{id}/read"), &())
                    .await;
            reload.update(|n| *n += 1);
        });
    };
    view! {
        {move || list.get().and_then(Result::ok).filter(|l| !l.is_empty()).map(|items| view! {
            <section class="notifications" aria-label="Thông báo" data-testid="notifications">
                <h2>"Thông báo"</h2>
                <ul>{items.into_iter().map(|n| {
                    let id = n.id.clone();
                    let unread = n.read_at.is_none();
                    view! {
                        <li class:unread=unread>
                            <strong>{n.title}</strong>" — "{n.body}" "
                            {n.link.map(|l| view! { <A href=l>"Xem"</A> })}
                            {unread.then(|| view! { <button type="button" on:click=move |_| mark(id.clone())>"Đã đọc"</button> })}
                        </li>
                    }
                }).collect_view()}</ul>
            </section>
        })}
    }
}
