//! "Đồng bộ CSDL quốc gia": the outbox to the national CBCCVC database for Sở Nội vụ's
//! administrators (INT-1…4) — what waits, what arrived with which national code, what was
//! refused and why, a re-send once fixed, one message's exchanges, and the check of the
//! message log. Refreshed every few seconds.

use std::time::Duration;

use hoso_api_types::accounts::DecisionRef;
use hoso_api_types::documents::DocumentView;
use hoso_api_types::national::{
    LogVerification, NationalConsentRequest, NationalConsentView, NationalLogEntryView,
    NationalMessageDetail, NationalMessageList, NationalMessageView, NewReconciliation, ReconciliationList,
    ReconciliationView,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{self, ApiFailure};
use crate::components::date_input::DateInput;
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
use crate::components::upload::DocumentPicker;
use crate::labels;
use crate::session::Auth;

const REFRESH_EVERY: Duration = Duration::from_secs(3);
const STATES: &[&str] = &["queued", "sending", "acknowledged", "dead"];

#[component]
pub fn NationalSyncPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <NationalSync /> } /> }
}

#[component]
fn NationalSync() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let tick = RwSignal::new(0_u32);
    let state = RwSignal::new(String::new());
    let messages = LocalResource::new(move || {
        tick.track();
        let state = state.get();
        async move {
            let query = if state.is_empty() {
                String::new()
            } else {
                format!("?state={state}")
            };
            api::get::<NationalMessageList>(auth, &format!("/national-sync/messages{query}")).await
        }
    });
    if let Ok(handle) = set_interval_with_handle(move || tick.update(|t| *t += 1), REFRESH_EVERY) {
        on_cleanup(move || handle.clear());
    }
    let failure = RwSignal::new(None::<ApiFailure>);
    // The reconciliations appear once the outbox answered: a refused reader sees one refusal.
    let allowed = RwSignal::new(false);
    let opened = RwSignal::new(None::<NationalMessageDetail>);
    let verification = RwSignal::new(None::<LogVerification>);
    let retry = move |id: String| {
        spawn_local(async move {
            match api::post::<_, NationalMessageView>(
                auth,
                &format!("/national-sync/messages/{id}/retry"),
                &(),
            )
            .await
            {
                Ok(_) => {
                    failure.set(None);
                    tick.update(|t| *t += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let open = move |id: String| {
        spawn_local(async move {
            match api::get::<NationalMessageDetail>(auth, &format!("/national-sync/messages/{id}")).await {
                Ok(detail) => opened.set(Some(detail)),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let verify = move |_| {
        spawn_local(async move {
            match api::get::<LogVerification>(auth, "/national-sync/log/verification").await {
                Ok(report) => verification.set(Some(report)),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <section>
            <h1>"Đồng bộ CSDL quốc gia"</h1>
            <p class="muted">"Hồ sơ được Sở Nội vụ phê duyệt và các trường hợp thôi công tác được gửi lên cơ sở dữ liệu quốc gia về CBCCVC qua nền tảng chia sẻ dữ liệu của tỉnh, theo thứ tự của từng người; trang tự cập nhật mỗi "{REFRESH_EVERY.as_secs()}" giây."</p>
            <label>"Trạng thái "
                <select data-testid="national-state-filter" on:change=move |e| state.set(event_target_value(&e))>
                    <option value="">"Tất cả"</option>
                    {STATES.iter().map(|s| view! { <option value=*s>{labels::national_state(s)}</option> }).collect_view()}
                </select>
            </label>
            " "
            <button type="button" data-testid="verify-log" on:click=verify>"Kiểm tra nhật ký trao đổi"</button>
            {auth.get_untracked().is_some_and(|s| s.has(hoso_domain::access::Right::AdministerCatalogs)).then(|| view! {
                " " <A href="/cap-nhat-danh-muc">"Cập nhật danh mục từ CSDL quốc gia"</A>
            })}
            {move || verification.get().map(|v| if v.ok {
                view! { <p class="notice" data-testid="log-verification" data-ok="true">{format!("Nhật ký toàn vẹn: {} mục, chuỗi băm khớp.", v.entries)}</p> }.into_any()
            } else {
                view! { <p class="error" data-testid="log-verification" data-ok="false">{format!("Nhật ký bị thay đổi tại mục {}: {}", v.first_bad_entry.unwrap_or_default(), v.problem.unwrap_or_default())}</p> }.into_any()
            })}
            <FormFailure failure />
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match messages.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) => {
                            if !allowed.get_untracked() {
                                allowed.set(true);
                            }
                            view! { <MessageTable list retry open /> }.into_any()
                        }
                    }
                })}
            </Transition>
            {move || opened.get().map(|detail| view! { <MessageDetail detail /> })}
            {move || allowed.get().then(|| view! { <ConsentPanel /> <Reconciliations tick /> })}
        </section>
    }
}

/// The written consent the connection runs under (INT-3): shown, and recorded anew with its
/// decision and scan. Without one nothing is sent.
#[component]
fn ConsentPanel() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let reload = RwSignal::new(0_u32);
    let current = LocalResource::new(move || {
        reload.track();
        async move { api::get::<NationalConsentView>(auth, "/national-sync/consent").await }
    });
    let (number, date, signer) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let sensitive = RwSignal::new(false);
    let document = RwSignal::new(None::<DocumentView>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let record = move |_| {
        let Some(day) = crate::format::input_day(&date.get_untracked()) else {
            failure.set(Some(ApiFailure::local("Nhập ngày của văn bản.")));
            return;
        };
        let body = NationalConsentRequest {
            decision: DecisionRef {
                number: number.get_untracked(),
                date: day,
                signer: signer.get_untracked(),
                document_id: document.get_untracked().map(|d| d.id),
            },
            covers_sensitive: sensitive.get_untracked(),
        };
        spawn_local(async move {
            match api::put::<_, NationalConsentView>(auth, "/national-sync/consent", &body).await {
                Ok(_) => {
                    failure.set(None);
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <section data-testid="national-consent">
            <h2>"Văn bản đồng ý chia sẻ dữ liệu"</h2>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match current.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(c) if !c.recorded => view! {
                            <p class="error" data-testid="consent-state" data-recorded="false">"Chưa ghi nhận văn bản đồng ý: hệ thống không gửi và không tra cứu dữ liệu của cơ sở dữ liệu quốc gia."</p>
                        }.into_any(),
                        Ok(c) => view! {
                            <p class="notice" data-testid="consent-state" data-recorded="true">
                                {format!(
                                    "Văn bản số {} ngày {}, người ký: {} — ghi nhận bởi {}{}. {}",
                                    c.decision_number.unwrap_or_default(),
                                    c.decision_date.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default(),
                                    c.decision_signer.unwrap_or_default(),
                                    c.recorded_by.unwrap_or_default(),
                                    c.recorded_at.map(|t| format!(" lúc {}", labels::datetime(&t))).unwrap_or_default(),
                                    if c.sends_sensitive { "Có gửi nhóm thông tin nhạy cảm." } else { "Không gửi nhóm thông tin nhạy cảm." }
                                )}
                            </p>
                        }.into_any(),
                    }
                })}
            </Transition>
            <details>
                <summary>"Ghi nhận văn bản đồng ý mới"</summary>
                <label>"Số văn bản" <input name="consent.number" bind:value=number /></label>
                <label>"Ngày" <DateInput name="consent.date" value=date /></label>
                <label>"Người ký" <input name="consent.signer" bind:value=signer /></label>
                <DocumentPicker document failure label="Bản scan văn bản" name="consent.document" />
                <label><input type="checkbox" name="consent.covers_sensitive" bind:checked=sensitive /> " Đồng ý cả nhóm thông tin nhạy cảm (sức khỏe, khen thưởng nhà nước, lịch sử bản thân)"</label>
                <button type="button" class="primary" on:click=record>"Ghi nhận văn bản đồng ý"</button>
                <FormFailure failure />
            </details>
        </section>
    }
}

/// The comparisons with what the national database holds (monthly after Sở Nội vụ's window, or
/// asked for here), one's differences, and re-sending a dossier the other side lost or holds
/// differently.
#[component]
fn Reconciliations(tick: RwSignal<u32>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let list = LocalResource::new(move || {
        tick.track();
        async move { api::get::<ReconciliationList>(auth, "/national-sync/reconciliations").await }
    });
    let since = RwSignal::new(String::new());
    let opened = RwSignal::new(None::<String>);
    let detail = LocalResource::new(move || {
        tick.track();
        let id = opened.get();
        async move {
            match id {
                Some(id) => {
                    api::get::<ReconciliationView>(auth, &format!("/national-sync/reconciliations/{id}"))
                        .await
                        .map(Some)
                }
                None => Ok(None),
            }
        }
    });
    let failure = RwSignal::new(None::<ApiFailure>);
    let start = move |_| {
        let body = NewReconciliation {
            since: crate::format::input_day(&since.get_untracked()),
        };
        spawn_local(async move {
            match api::post::<_, ReconciliationView>(auth, "/national-sync/reconciliations", &body).await {
                Ok(row) => {
                    failure.set(None);
                    opened.set(Some(row.id));
                    tick.update(|t| *t += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    // «Nhận bản hiệu chỉnh» and «Gửi lại» on a difference: a POST, then the lists again.
    let act = move |path: String| {
        spawn_local(async move {
            match api::post::<_, serde_json::Value>(auth, &path, &()).await {
                Ok(_) => {
                    failure.set(None);
                    tick.update(|t| *t += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <section data-testid="reconciliations">
            <h2>"Đối chiếu với CSDL quốc gia"</h2>
            <p class="muted">"Hằng tháng, ngày làm việc đầu tiên sau thời hạn ký duyệt của Sở Nội vụ, hệ thống so sánh bản ghi trên cơ sở dữ liệu quốc gia với gói tin đã được nhận; có thể đối chiếu ngay tại đây."</p>
            <label>"Đối chiếu thay đổi từ ngày " <DateInput name="reconciliation.since" value=since /></label>
            " "
            <button type="button" data-testid="reconcile" on:click=start>"Đối chiếu ngay"</button>
            <FormFailure failure />
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) if list.items.is_empty() => view! { <p class="muted">"Chưa có lần đối chiếu nào."</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="data">
                                <thead><tr><th>"Bắt đầu"</th><th>"Từ ngày"</th><th>"Trạng thái"</th><th>"Bản ghi quốc gia"</th><th>"Đã gửi"</th><th>"Chênh lệch chưa xử lý"</th><th></th></tr></thead>
                                <tbody>{list.items.into_iter().map(|r| {
                                    let id = r.id.clone();
                                    view! {
                                        <tr data-testid="reconciliation" data-state=r.state.clone()>
                                            <td>{labels::datetime(&r.started_at)}</td>
                                            <td>{r.since.format("%d/%m/%Y").to_string()}</td>
                                            <td>{labels::reconciliation_state(&r.state)} {r.error.clone().map(|e| format!(": {e}"))}</td>
                                            <td>{r.theirs}</td>
                                            <td>{r.ours}</td>
                                            <td>{r.open_differences}</td>
                                            <td><button type="button" on:click=move |_| opened.set(Some(id.clone()))>"Xem chênh lệch"</button></td>
                                        </tr>
                                    }
                                }).collect_view()}</tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match detail.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(None) => ().into_any(),
                        Ok(Some(r)) if r.state == "running" => view! { <p class="muted" data-testid="differences-pending">"Đang đối chiếu…"</p> }.into_any(),
                        Ok(Some(r)) if r.differences.is_empty() => view! { <p class="notice" data-testid="no-differences">"Không có chênh lệch: cơ sở dữ liệu quốc gia giữ đúng các gói tin đã gửi."</p> }.into_any(),
                        Ok(Some(r)) => view! {
                            <table class="data" data-testid="differences">
                                <thead><tr><th>"Loại chênh lệch"</th><th>"Người"</th><th>"Số hồ sơ"</th><th>"Mã định danh"</th><th>"Cập nhật bên quốc gia"</th><th>"Xử lý"</th></tr></thead>
                                <tbody>{r.differences.into_iter().map(|d| {
                                    let (id, correction_id) = (d.id.clone(), d.id.clone());
                                    let may_resend = d.resolution.is_none() && d.dossier_id.is_some();
                                    let may_take = may_resend && d.kind == "different";
                                    view! {
                                        <tr data-testid="difference" data-kind=d.kind.clone()>
                                            <td>{labels::difference_kind(&d.kind)}</td>
                                            <td>{d.person_name.clone().unwrap_or_else(|| "—".into())}</td>
                                            <td>{d.dossier_number.clone().unwrap_or_else(|| "—".into())}</td>
                                            <td>{d.national_identifier.clone().unwrap_or_default()}</td>
                                            <td>{d.theirs_updated_at.as_ref().map(labels::datetime).unwrap_or_default()}</td>
                                            <td>
                                                {d.resolution.as_deref().map(|r| if r == "correction_received" { "Đã chuyển bản hiệu chỉnh cho cơ quan quản lý" } else { "Đã gửi lại" })}
                                                {may_take.then(|| view! { <button type="button" data-testid="difference-correction" on:click=move |_| act(format!("/national-sync/differences/{correction_id}/correction"))>"Nhận bản hiệu chỉnh"</button> })}
                                                {may_resend.then(|| view! { <button type="button" data-testid="difference-resend" on:click=move |_| act(format!("/national-sync/differences/{id}/resend"))>"Gửi lại"</button> })}
                                                {(d.dossier_id.is_none()).then_some("Không có hồ sơ trong tỉnh: đối chiếu với Bộ Nội vụ")}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}</tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn MessageTable(
    list: NationalMessageList,
    retry: impl Fn(String) + Copy + Send + Sync + 'static,
    open: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let connection = match (&list.profile, &list.url) {
        (Some(profile), Some(url)) => format!("Kết nối: {url} (xác thực «{profile}»)"),
        _ => "Chưa cấu hình kết nối (HOSO_NATIONAL_URL): gói tin chờ đến khi có kết nối.".to_owned(),
    };
    let counts = list
        .counts
        .iter()
        .map(|c| format!("{}: {}", labels::national_state(&c.state), c.count))
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <p class="muted" data-testid="national-connection">{connection}</p>
        <p class="muted" data-testid="national-counts">{counts}</p>
        {if list.items.is_empty() {
            view! { <p class="muted" data-testid="national-empty">"Chưa có gói tin nào."</p> }.into_any()
        } else {
            view! {
                <table class="data" data-testid="national-messages">
                    <thead><tr><th>"Người"</th><th>"Số hồ sơ"</th><th>"Nội dung"</th><th>"Thứ tự"</th><th>"Trạng thái"</th><th>"Mã định danh quốc gia"</th><th>"Lần gửi"</th><th>"Lý do"</th><th></th></tr></thead>
                    <tbody>
                        {list.items.into_iter().map(|m| {
                            let (retry_id, open_id) = (m.id.clone(), m.id.clone());
                            let dead = m.state == "dead";
                            let kind = match m.version_number {
                                Some(n) => format!("{} (phiên bản {n})", labels::national_kind(&m.kind)),
                                None => labels::national_kind(&m.kind).to_owned(),
                            };
                            view! {
                                <tr data-testid="national-message" data-state=m.state.clone()>
                                    <td>{m.person_name.clone()}</td>
                                    <td>{m.dossier_number.clone()}</td>
                                    <td>{kind}</td>
                                    <td>{m.sequence}</td>
                                    <td><span class="badge">{labels::national_state(&m.state)}</span></td>
                                    <td data-testid="national-identifier">{m.national_identifier.clone().unwrap_or_default()}</td>
                                    <td>{m.attempts}</td>
                                    <td data-testid="national-error">{m.last_error.clone().unwrap_or_default()}</td>
                                    <td>
                                        <button type="button" on:click=move |_| open(open_id.clone())>"Xem trao đổi"</button>
                                        {dead.then(|| view! { <button type="button" data-testid="national-retry" on:click=move |_| retry(retry_id.clone())>"Gửi lại"</button> })}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}

#[component]
fn MessageDetail(detail: NationalMessageDetail) -> impl IntoView {
    view! {
        <section data-testid="national-detail">
            <h2>{format!("Trao đổi của gói tin số {} — {}", detail.message.sequence, detail.message.person_name)}</h2>
            <p><A href=format!("/ho-so/{}", detail.message.dossier_id)>"Xem hồ sơ và toàn bộ nhật ký trao đổi của người này"</A></p>
            <LogEntries entries=detail.log />
        </section>
    }
}

/// Entries of the message log, in its order.
#[component]
pub fn LogEntries(entries: Vec<NationalLogEntryView>) -> impl IntoView {
    view! {
        <table class="data">
            <thead><tr><th>"#"</th><th>"Lúc"</th><th>"Chiều"</th><th>"Địa chỉ"</th><th>"Mã trả lời"</th><th>"Nội dung"</th></tr></thead>
            <tbody>
                {entries.into_iter().map(|entry| view! {
                    <tr data-testid="national-log-entry">
                        <td>{entry.seq}</td>
                        <td>{labels::datetime(&entry.at)}</td>
                        <td>{if entry.direction == "out" { "Gửi đi" } else { "Nhận về" }}</td>
                        <td>{format!("{} {}", entry.method, entry.path)}</td>
                        <td>{entry.status.map(|s| s.to_string()).unwrap_or_else(|| "—".into())}</td>
                        <td><code>{entry.body}</code></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
