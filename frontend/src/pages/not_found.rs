use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section>
            <h1>"Không tìm thấy trang"</h1>
            <p>"Địa chỉ này không có trong hệ thống. "<A href="/">"Về trang chủ"</A></p>
        </section>
    }
}
