//! Header, navigation and footer around every page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::SystemInfoResource;

/// Areas of the application that later capabilities fill, in the order people will use them.
/// Shown (disabled) so that people see where the system is going.
const AREAS_TO_COME: &[(&str, &str)] = &[
    ("Hồ sơ", "Hồ sơ điện tử của cán bộ, công chức, viên chức"),
    ("Phê duyệt", "Kiểm tra, khóa và phê duyệt hồ sơ"),
    ("Điều động", "Điều động, tiếp nhận, nghỉ hưu và lưu trữ"),
    ("Tổ chức", "Cơ cấu tổ chức, biên chế, vị trí việc làm, danh mục"),
    ("Báo cáo", "Tìm kiếm, thống kê, báo cáo"),
    ("Tài khoản", "Tài khoản, phân quyền và nhật ký"),
];

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let SystemInfoResource(info) = expect_context::<SystemInfoResource>();
    let province = move || {
        info.get()
            .and_then(Result::ok)
            .map(|i| i.province_name)
            .unwrap_or_else(|| "…".into())
    };
    let version = move || {
        info.get()
            .and_then(Result::ok)
            .map(|i| i.version)
            .unwrap_or_default()
    };
    let demo = move || info.get().and_then(Result::ok).is_some_and(|i| i.demo_data);
    view! {
        <header class="app-header">
            <div class="brand">
                <A href="/">
                    <span class="brand-name">"Hồ sơ điện tử CBCCVC"</span>
                </A>
                <span class="province" data-testid="province">{province}</span>
            </div>
            <div class="user-place" data-testid="user-place">
                <span class="muted">"Chưa đăng nhập"</span>
            </div>
        </header>
        <Show when=demo>
            <div class="demo-banner" role="status" data-testid="demo-banner">
                "Bản trình diễn: dữ liệu trong hệ thống là dữ liệu mẫu, không phải hồ sơ thật."
            </div>
        </Show>
        <div class="layout">
            <nav class="side-nav" aria-label="Điều hướng chính">
                <ul>
                    <li><A href="/" exact=true>"Trang chủ"</A></li>
                    {AREAS_TO_COME
                        .iter()
                        .map(|(label, description)| view! {
                            <li><span class="nav-soon" title=format!("{description} — sắp có") aria-disabled="true">{*label}</span></li>
                        })
                        .collect_view()}
                    <li><A href="/trang-thai">"Trạng thái hệ thống"</A></li>
                </ul>
            </nav>
            <main class="content">{children()}</main>
        </div>
        <footer class="app-footer">
            <span>"hoso "{version}</span>
            <a href="/api/docs" rel="external">"Tài liệu API"</a>
        </footer>
    }
}
