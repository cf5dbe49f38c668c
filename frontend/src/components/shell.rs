//! Header, navigation and footer around every page. The navigation shows what the signed-in
//! account may use; the server refuses the rest regardless.

use hoso_domain::access::{AccountKind, Right};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::app::SystemInfoResource;
use crate::session::{Auth, Session};
use crate::{api, labels};

/// Areas that later capabilities fill, shown disabled so people see where the system is going.
const AREAS_TO_COME: &[(&str, &str)] = &[];

/// (label, path, shown to this session?)
fn areas(session: &Session) -> Vec<(&'static str, &'static str)> {
    let mut areas = Vec::new();
    if session.person_id().is_some() {
        areas.push(("Hồ sơ của tôi", "/ho-so-cua-toi"));
    }
    if session.kind() != AccountKind::Personal && session.has(Right::ReadDossiers) {
        areas.push(("Hồ sơ", "/ho-so"));
    }
    if session.has(Right::ReviewDossiers) || session.has(Right::ApproveDossiers) {
        areas.push(("Phê duyệt", "/phe-duyet"));
    }
    if session.kind() != AccountKind::Personal
        && [Right::ReadDossiers, Right::ReviewDossiers, Right::ApproveDossiers]
            .into_iter()
            .any(|r| session.has(r))
    {
        areas.push(("Hạn xử lý", "/han-xu-ly"));
    }
    if session.kind() != AccountKind::Personal && session.has(Right::CreateDossiers) {
        areas.push(("Tiếp nhận người mới tuyển dụng", "/tuyen-dung"));
    }
    if session.kind() != AccountKind::Personal
        && (session.has(Right::CreateDossiers) || session.has(Right::UpdateDossiers))
    {
        areas.push(("Nhập dữ liệu từ Excel", "/nhap-excel"));
    }
    if session.kind() != AccountKind::Personal && session.has(Right::UpdateDossiers) {
        areas.push(("Đợt cập nhật", "/dot-cap-nhat"));
    }
    if session.kind() != AccountKind::Personal && session.has(Right::UpdateDossiers) {
        areas.push(("Điều động", "/dieu-dong"));
    }
    if session.kind() != AccountKind::Personal && session.has(Right::ReadDossiers) {
        areas.push(("Lưu trữ", "/luu-tru"));
    }
    if session.kind() != AccountKind::Personal && session.has(Right::ReadDossiers) {
        areas.push(("Tìm kiếm", "/tim-kiem"));
    }
    if session.kind() != AccountKind::Personal {
        areas.push(("Báo cáo", "/bao-cao"));
    }
    if session.kind() != AccountKind::Personal && session.has(Right::ReadDossiers) {
        areas.push(("Danh sách", "/danh-sach"));
    }
    areas.push(("Cơ cấu tổ chức", "/to-chuc"));
    if !session.manages.is_empty() {
        areas.push(("Tài khoản", "/tai-khoan"));
    }
    if session.has(Right::ManageAccounts) && session.kind() != AccountKind::Personal {
        areas.push(("Đề nghị cấp tài khoản", "/de-nghi-tai-khoan"));
    }
    if session.kind() == AccountKind::Admin && session.has(Right::ManageApiClients) {
        areas.push(("Kết nối hệ thống", "/ket-noi"));
        areas.push(("Đồng bộ CSDL quốc gia", "/dong-bo-quoc-gia"));
    }
    if session.kind() == AccountKind::Admin && session.account.unit.is_none() {
        areas.push(("Tác vụ nền", "/tac-vu-nen"));
    }
    if session.kind() == AccountKind::Admin && session.has(Right::ManageBackups) {
        areas.push(("Sao lưu", "/sao-luu"));
    }
    if session.has(Right::ViewAudit) {
        areas.push(("Nhật ký truy cập", "/nhat-ky"));
    }
    areas.push(("Danh mục dùng chung", "/danh-muc"));
    areas.push(("Quy chế áp dụng", "/quy-che"));
    areas.push(("Lịch làm việc", "/lich-lam-viec"));
    areas.push(("Ai đã xem hồ sơ của tôi", "/nhat-ky-cua-toi"));
    areas.push(("Thông báo qua email", "/thong-bao-email"));
    areas.push(("Đổi mật khẩu", "/doi-mat-khau"));
    areas
}

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let SystemInfoResource(info) = expect_context::<SystemInfoResource>();
    let auth = expect_context::<Auth>();
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
    // Administrators who keep the backups see it on every page when the latest one failed.
    let backup_alert = LocalResource::new(move || {
        let keeps_backups = auth
            .get()
            .is_some_and(|s| s.kind() == AccountKind::Admin && s.has(Right::ManageBackups));
        async move {
            if !keeps_backups {
                return None;
            }
            api::get::<hoso_api_types::backups::BackupList>(auth, "/backups")
                .await
                .ok()
                .and_then(|list| list.alert)
        }
    });
    let menu_open = RwSignal::new(false);
    let navigate = use_navigate();
    let sign_out = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            api::logout(auth).await;
            navigate("/dang-nhap", Default::default());
        });
    };
    view! {
        <header class="app-header">
            <div class="brand">
                <A href="/">
                    <span class="brand-name">"Hồ sơ điện tử CBCCVC"</span>
                </A>
                <span class="province" data-testid="province">{province}</span>
            </div>
            <div class="user-place" data-testid="user-place">
                {move || match auth.get() {
                    None => view! { <A href="/dang-nhap">"Đăng nhập"</A> }.into_any(),
                    Some(session) => {
                        let place = session.account.unit.as_ref().map(|u| u.name.clone()).unwrap_or_else(|| "Toàn tỉnh".into());
                        view! {
                            <span class="user-name" data-testid="user-name">{session.account.display_name.clone()}</span>
                            <span class="user-role">{labels::kind(session.kind())}" · "{place}</span>
                            <button type="button" class="sign-out" on:click=sign_out.clone()>"Đăng xuất"</button>
                        }
                        .into_any()
                    }
                }}
            </div>
        </header>
        <Show when=demo>
            <div class="demo-banner" role="status" data-testid="demo-banner">
                "Bản trình diễn: dữ liệu trong hệ thống là dữ liệu mẫu, không phải hồ sơ thật."
            </div>
        </Show>
        {move || auth.get().and_then(|s| s.account.read_only_since).map(|since| view! {
            <div class="demo-banner" role="status" data-testid="read-only-banner">
                {format!("Bạn đã thôi công tác từ ngày {}: tài khoản chỉ còn xem hồ sơ và nhật ký truy cập của mình, không thay đổi được gì.", since.format("%d/%m/%Y"))}
            </div>
        })}
        {move || backup_alert.get().flatten().map(|alert| view! {
            <div class="demo-banner" role="alert" data-testid="backup-banner">
                {alert}" "<A href="/sao-luu">"Xem «Sao lưu»"</A>
            </div>
        })}
        <div class="layout">
            // On a phone the menu folds behind one button, so the page's content comes first.
            <nav class="side-nav" class:open=move || menu_open.get() aria-label="Điều hướng chính"
                on:click=move |ev| {
                    use wasm_bindgen::JsCast;
                    let on_link = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|e| e.closest("a").ok().flatten().is_some());
                    if on_link {
                        menu_open.set(false);
                    }
                }>
                <button type="button" class="menu-toggle" aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| menu_open.update(|o| *o = !*o)>"☰ Chức năng"</button>
                <ul>
                    <li><A href="/" exact=true>"Trang chủ"</A></li>
                    {AREAS_TO_COME
                        .iter()
                        .map(|(label, description)| view! {
                            <li><span class="nav-soon" title=format!("{description} — sắp có") aria-disabled="true">{*label}</span></li>
                        })
                        .collect_view()}
                    {move || auth.get().map(|session| {
                        areas(&session)
                            .into_iter()
                            .map(|(label, path)| view! { <li><A href=path>{label}</A></li> })
                            .collect_view()
                    })}
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
