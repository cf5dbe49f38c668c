//! Live status of the server and its database, from `/api/v1/health` and `/api/v1/ready`,
//! refreshed every few seconds.

use std::time::Duration;

use hoso_api_types::system::{Health, Readiness};
use leptos::prelude::*;

use crate::api::{self, ApiFailure};
use crate::components::failure::FailureNotice;
use crate::format::{backend_vi, duration_vi};

const REFRESH_EVERY: Duration = Duration::from_secs(5);

#[component]
pub fn StatusPage() -> impl IntoView {
    let tick = RwSignal::new(0_u32);
    let status = LocalResource::new(move || {
        tick.track();
        async move { (api::health().await, api::readiness().await) }
    });
    if let Ok(handle) = set_interval_with_handle(move || tick.update(|t| *t += 1), REFRESH_EVERY) {
        on_cleanup(move || handle.clear());
    }
    let retry = Callback::new(move |()| tick.update(|t| *t += 1));
    view! {
        <section>
            <h1>"Trạng thái hệ thống"</h1>
            <p class="muted">"Tự động cập nhật mỗi "{REFRESH_EVERY.as_secs()}" giây."</p>
            <Transition fallback=|| view! { <p class="muted" data-testid="status-loading">"Đang kiểm tra…"</p> }>
                {move || Suspend::new(async move {
                    let (health, readiness) = status.await;
                    view! { <StatusCards health readiness retry /> }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn StatusCards(
    health: Result<Health, ApiFailure>,
    readiness: Result<Readiness, ApiFailure>,
    retry: Callback<()>,
) -> impl IntoView {
    let server = match health {
        Ok(health) => view! {
            <div class="card ok" data-testid="server-status">
                <h2>"Máy chủ"</h2>
                <p class="state">"Đang hoạt động"</p>
                <dl>
                    <dt>"Phiên bản"</dt><dd>{health.version}</dd>
                    <dt>"Thời gian chạy"</dt><dd>{duration_vi(health.uptime_seconds)}</dd>
                </dl>
            </div>
        }
        .into_any(),
        Err(failure) => view! {
            <div class="card bad" data-testid="server-status">
                <h2>"Máy chủ"</h2>
                <p class="state">"Không phản hồi"</p>
                <FailureNotice failure on_retry=retry />
            </div>
        }
        .into_any(),
    };
    let database = match readiness {
        Ok(ready) => {
            let db = ready.database;
            let state = if ready.ready {
                "Sẵn sàng"
            } else if !db.reachable {
                "Không kết nối được"
            } else {
                "Chưa cập nhật cấu trúc dữ liệu"
            };
            view! {
                <div class=if ready.ready { "card ok" } else { "card bad" } data-testid="database-status">
                    <h2>"Cơ sở dữ liệu"</h2>
                    <p class="state">{state}</p>
                    <dl>
                        <dt>"Loại"</dt><dd>{backend_vi(&db.backend)}</dd>
                        <dt>"Bản cập nhật cấu trúc đã áp dụng"</dt><dd>{db.applied_migrations}</dd>
                        <dt>"Bản cập nhật đang chờ"</dt><dd>{db.pending_migrations}</dd>
                    </dl>
                </div>
            }
            .into_any()
        }
        Err(failure) => view! {
            <div class="card bad" data-testid="database-status">
                <h2>"Cơ sở dữ liệu"</h2>
                <p class="state">"Không rõ"</p>
                <FailureNotice failure on_retry=retry />
            </div>
        }
        .into_any(),
    };
    view! { <div class="cards">{server}{database}</div> }
}
