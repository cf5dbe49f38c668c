//! The hoso SPA: Leptos, client-side rendered, compiled to wasm and served by the `hoso`
//! binary. It speaks to the server only through `/api/v1` (see `api`), in Vietnamese.

mod api;
mod app;
mod components;
mod format;
mod labels;
mod pages;
mod session;
mod trail;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
