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
            <p>
                "Hệ thống lưu giữ hồ sơ điện tử của cán bộ, công chức, viên chức và người lao động, "
                "theo mẫu sơ yếu lý lịch của Thông tư 06/2023/TT-BNV, với quy trình cập nhật, kiểm tra, "
                "phê duyệt bằng chữ ký số và đồng bộ lên Cơ sở dữ liệu quốc gia."
            </p>
            <p>"Xem "<A href="/trang-thai">"trạng thái hệ thống"</A>"."</p>
        </section>
    }
}
