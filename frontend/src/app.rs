//! The application shell and its routes. Paths are Vietnamese words without diacritics, as
//! people type them.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api;
use crate::components::shell::Shell;
use crate::pages::{home::HomePage, not_found::NotFoundPage, status::StatusPage};

/// What every page may read about this deployment (`/api/v1/info`), fetched once.
#[derive(Clone, Copy)]
pub struct SystemInfoResource(pub LocalResource<Result<hoso_api_types::system::SystemInfo, api::ApiFailure>>);

#[component]
pub fn App() -> impl IntoView {
    provide_context(SystemInfoResource(LocalResource::new(api::system_info)));
    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/trang-thai") view=StatusPage />
                </Routes>
            </Shell>
        </Router>
    }
}
