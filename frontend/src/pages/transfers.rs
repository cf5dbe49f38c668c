//! Transfers, arrivals, departures, the end of service and the archive (TRF-1…5): filing a
//! move from the dossier, the receiving agency's inbox and Sở Nội vụ's queue, the archive.

use hoso_api_types::accounts::DecisionRef;
use hoso_api_types::documents::DocumentView;
use hoso_api_types::dossiers::DossierSummary;
use hoso_api_types::national::{NationalRecordRequest, NationalRecordView};
use hoso_api_types::transfers::{CompleteTransfer, NewTransfer, TransferView};
use hoso_domain::access::{AccountKind, Right};
use hoso_domain::transfer::TransferKind;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{self, ApiFailure};
use crate::components::date_input::DateInput;
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
use crate::components::unit_select::UnitSelect;
use crate::components::upload::DocumentPicker;
use crate::session::Auth;

fn describe(t: &TransferView) -> String {
    let to = t
        .to_unit
        .as_ref()
        .map(|u| u.name.clone())
        .or_else(|| t.outside_body.clone())
        .unwrap_or_default();
    format!(
        "{} — {} — QĐ {} ngày {} — hiệu lực {}{}",
        t.kind_label,
        if to.is_empty() {
            t.person_name.clone()
        } else {
            format!("{} → {to}", t.person_name)
        },
        t.decision_number,
        t.decision_date.format("%d/%m/%Y"),
        t.effective_on.format("%d/%m/%Y"),
        t.until_on
            .map(|d| format!(", đến {}", d.format("%d/%m/%Y")))
            .unwrap_or_default()
    )
}

/// The person's moves and, for the HR unit, filing a new one (on the dossier page).
#[component]
pub fn TransferPanel(dossier_id: String, person_id: String) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let may_file = auth
        .get()
        .is_some_and(|s| s.kind() != AccountKind::Personal && s.has(Right::UpdateDossiers));
    let reload = RwSignal::new(0u32);
    let moves = LocalResource::new(move || {
        reload.track();
        let id = dossier_id.clone();
        async move { api::get::<Vec<TransferView>>(auth, &format!("/dossiers/{id}/transfers")).await }
    });
    let failure = RwSignal::new(None::<ApiFailure>);
    let come_back = move |id: String| {
        spawn_local(async move {
            match api::post::<_, TransferView>(auth, &format!("/transfers/{id}/return"), &()).await {
                Ok(_) => reload.update(|n| *n += 1),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <section class="transfers" aria-label="Điều động, nghỉ việc" data-testid="transfer-panel">
            // A heading over nothing says nothing: shown with moves, or to whoever may file one.
            {move || {
                let any = moves.get().and_then(Result::ok).is_some_and(|l| !l.is_empty());
                (any || may_file).then(|| view! { <h3>"Quá trình điều động, nghỉ việc"</h3> })
            }}
            {move || moves.get().and_then(Result::ok).map(|list| view! {
                <ul>{list.into_iter().map(|t| {
                    let id = t.id.clone();
                    let seconded = t.kind == TransferKind::Secondment && t.returned_at.is_none();
                    view! {
                        <li>{describe(&t)} {if t.state == "pending" { " (chờ tiếp nhận)" } else { "" }}
                            {(seconded && may_file).then(|| view! { <button type="button" on:click=move |_| come_back(id.clone())>"Trở lại công tác"</button> })}
                        </li>
                    }
                }).collect_view()}</ul>
            })}
            <FormFailure failure />
            {may_file.then(|| view! { <FileTransfer person_id reload /> })}
        </section>
    }
}

#[component]
fn FileTransfer(person_id: String, reload: RwSignal<u32>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let kind = RwSignal::new(TransferKind::BetweenAgencies.as_str().to_owned());
    let to_unit = RwSignal::new(String::new());
    let outside = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let signer = RwSignal::new(String::new());
    let effective = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let scan = RwSignal::new(None::<DocumentView>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let done = RwSignal::new(None::<String>);
    let day = |text: String| chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok();
    let file = move |_| {
        let (Some(kind), Some(decided), Some(effective_on)) = (
            TransferKind::parse(&kind.get_untracked()),
            day(date.get_untracked()),
            day(effective.get_untracked()),
        ) else {
            done.set(Some("Nhập đủ ngày quyết định và ngày hiệu lực.".into()));
            return;
        };
        let text = |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.trim().is_empty());
        let body = NewTransfer {
            kind,
            person_id: Some(person_id.clone()),
            person_name: None,
            to_unit_id: text(to_unit),
            outside_body: text(outside),
            decision: DecisionRef {
                number: number.get_untracked(),
                date: decided,
                signer: signer.get_untracked(),
                document_id: scan.get_untracked().map(|d| d.id),
            },
            effective_on,
            until_on: day(until.get_untracked()),
            note: None,
        };
        spawn_local(async move {
            match api::post::<_, TransferView>(auth, "/transfers", &body).await {
                Ok(t) => {
                    failure.set(None);
                    done.set(Some(format!(
                        "Đã ghi nhận: {} (hạn {}).",
                        t.kind_label,
                        t.due_on.format("%d/%m/%Y")
                    )));
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <details>
            <summary>"Điều động, biệt phái, nghỉ việc…"</summary>
            <label>"Loại"
                <select name="transfer.kind" bind:value=kind>
                    {TransferKind::ALL.into_iter().filter(|k| *k != TransferKind::Arrival).map(|k| view! {
                        <option value=k.as_str()>{k.label_vi()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>"Đơn vị đến"
                <UnitSelect name="transfer.to_unit" value=to_unit empty="— Không —" whole_province=true />
            </label>
            <label>"Cơ quan ngoài tỉnh (nếu có)" <input name="transfer.outside_body" bind:value=outside /></label>
            <label>"Số quyết định" <input name="transfer.decision_number" bind:value=number /></label>
            <label>"Ngày quyết định" <DateInput name="transfer.decision_date" value=date /></label>
            <label>"Người ký" <input name="transfer.decision_signer" bind:value=signer /></label>
            <DocumentPicker document=scan failure label="Bản scan quyết định" name="transfer.scan" />
            <label>"Ngày hiệu lực" <DateInput name="transfer.effective_on" value=effective /></label>
            <label>"Biệt phái đến ngày" <DateInput name="transfer.until_on" value=until /></label>
            <button type="button" class="primary" on:click=file>"Ghi nhận"</button>
            {move || done.get().map(|m| view! { <p class="notice notice-info" role="status">{m}</p> })}
            <FormFailure failure />
        </details>
    }
}

#[component]
pub fn TransfersPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <Inbox /> } /> }
}

#[component]
fn Inbox() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let tab = RwSignal::new("incoming");
    let reload = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        reload.track();
        let tab = tab.get();
        async move { api::get::<Vec<TransferView>>(auth, &format!("/transfers?box={tab}")).await }
    });
    view! {
        <section>
            <h1>"Điều động, tiếp nhận"</h1>
            <div class="tabs" role="tablist">
                <button type="button" role="tab" aria-selected=move || (tab.get() == "incoming").to_string() on:click=move |_| tab.set("incoming")>"Chờ tiếp nhận"</button>
                <button type="button" role="tab" aria-selected=move || (tab.get() == "outgoing").to_string() on:click=move |_| tab.set("outgoing")>"Đã gửi đi"</button>
            </div>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(items) if items.is_empty() => view! { <p class="muted">"Không có việc nào đang chờ."</p> }.into_any(),
                        Ok(items) => view! {
                            <ul data-testid="transfers">{items.into_iter().map(|t| view! { <Pending transfer=t incoming=tab.get_untracked() == "incoming" reload /> }).collect_view()}</ul>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Pending(transfer: TransferView, incoming: bool, reload: RwSignal<u32>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let id = transfer.id.clone();
    let note = RwSignal::new(String::new());
    let document = RwSignal::new(None::<DocumentView>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let accept = move |_| {
        let id = id.clone();
        let body = CompleteTransfer {
            document_id: document.get_untracked().map(|d| d.id),
            note: Some(note.get_untracked()).filter(|n| !n.trim().is_empty()),
        };
        spawn_local(async move {
            match api::post::<_, TransferView>(auth, &format!("/transfers/{id}/accept"), &body).await {
                Ok(_) => reload.update(|n| *n += 1),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let national = matches!(transfer.kind, TransferKind::Arrival | TransferKind::Departure);
    let arrival = transfer.kind == TransferKind::Arrival;
    let transfer_id = transfer.id.clone();
    view! {
        <li class="review-item" data-testid="transfer-item">
            <p>{describe(&transfer)} {format!(" — hạn {}", transfer.due_on.format("%d/%m/%Y"))} {transfer.overdue.then_some(" (quá hạn)")}</p>
            {incoming.then(|| view! {
                {(incoming && arrival).then(|| view! { <NationalLookup transfer_id=transfer_id.clone() /> })}
                {national.then(|| view! { <DocumentPicker document failure label="Tệp dữ liệu từ CSDL quốc gia" name="transfer.national_export" /> })}
                <label>"Ghi chú" <input name="transfer.note" bind:value=note /></label>
                <button type="button" class="primary" on:click=accept.clone()>"Tiếp nhận"</button>
            })}
            <FormFailure failure />
        </li>
    }
}

/// Sở Nội vụ reads an arriving person's record from the national database by citizen ID
/// (TRF-3, DOS-5); fulfilling the arrival then opens the dossier pre-filled with it.
#[component]
fn NationalLookup(transfer_id: String) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let citizen_id = RwSignal::new(String::new());
    let found = RwSignal::new(None::<NationalRecordView>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let look_up = move |_| {
        let id = transfer_id.clone();
        let body = NationalRecordRequest {
            citizen_id: citizen_id.get_untracked().trim().to_owned(),
        };
        failure.set(None);
        spawn_local(async move {
            match api::post::<_, NationalRecordView>(auth, &format!("/transfers/{id}/national-record"), &body)
                .await
            {
                Ok(record) => found.set(Some(record)),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let summary = move || {
        found.get().map(|r| {
            let text = |pointer: &str| r.content.pointer(pointer).and_then(|v| v.as_str()).unwrap_or("").to_owned();
            view! {
                <p class="notice" data-testid="national-record">
                    {format!(
                        "Đã tìm thấy trong CSDL quốc gia: {}, sinh ngày {}, mã định danh {} (tỉnh gửi: {}). {} mục thông tin sẽ được điền sẵn vào hồ sơ khi tiếp nhận.",
                        text("/identity/full_name"),
                        crate::format::date_text(&text("/identity/birth_date")),
                        r.national_identifier,
                        r.province,
                        r.items.len()
                    )}
                </p>
            }
        })
    };
    view! {
        <fieldset class="national-lookup">
            <legend>"Dữ liệu từ CSDL quốc gia"</legend>
            <label>"Số căn cước công dân" <input name="transfer.citizen_id" inputmode="numeric" maxlength="12" bind:value=citizen_id /></label>
            <button type="button" on:click=look_up>"Tra cứu CSDL quốc gia"</button>
            {summary}
            <FormFailure failure />
        </fieldset>
    }
}

#[component]
pub fn ArchivePage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <Archive /> } /> }
}

#[component]
fn Archive() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let q = RwSignal::new(String::new());
    let list = LocalResource::new(move || {
        let q = q.get();
        async move {
            api::get::<Vec<DossierSummary>>(auth, &format!("/archive?q={}", js_sys::encode_uri_component(&q)))
                .await
        }
    });
    view! {
        <section>
            <h1>"Lưu trữ hồ sơ"</h1>
            <p class="muted">"Hồ sơ của người đã nghỉ hưu, thôi việc, chuyển ra ngoài tỉnh, từ trần: chỉ xem, lưu vĩnh viễn."</p>
            <label>"Tìm theo tên" <input name="archive.q" bind:value=q /></label>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(items) => view! {
                            <table class="data" data-testid="archive">
                                <thead><tr><th>"Số hiệu"</th><th>"Họ tên"</th><th>"Đơn vị cuối"</th><th>"Tình trạng"</th></tr></thead>
                                <tbody>{items.into_iter().map(|d| view! {
                                    <tr><td>{d.dossier_number.clone()}</td><td><A href=format!("/ho-so/{}", d.id)>{d.full_name.clone()}</A></td><td>{d.unit.name.clone()}</td><td>{service_label(&d.service_status)}</td></tr>
                                }).collect_view()}</tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

pub fn service_label(status: &str) -> &'static str {
    match status {
        "active" => "Đang công tác",
        "seconded" => "Đang biệt phái",
        "transferred_out" => "Chuyển ra ngoài tỉnh",
        "retired" => "Nghỉ hưu",
        "resigned" => "Thôi việc",
        "dismissed" => "Buộc thôi việc",
        "deceased" => "Từ trần",
        _ => "Khác",
    }
}
