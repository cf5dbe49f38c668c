//! The national catalogues (CTX-2): what each lists, its legal source and effective date;
//! administrators add and retire entries (codes are never reused).

use hoso_api_types::catalogs::{
    CatalogEntryView, CatalogSummary, CatalogView, NewCatalogEntryRequest, RetireCatalogEntryRequest,
};
use hoso_domain::access::{AccountKind, Right};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure};
use crate::components::guard::SignedIn;
use crate::session::{Auth, Session};

#[component]
pub fn CatalogsPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <CatalogList session /> } /> }
}

#[component]
fn CatalogList(session: Session) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let admin = session.kind() == AccountKind::Admin && session.has(Right::AdministerCatalogs);
    let list = LocalResource::new(move || api::get::<Vec<CatalogSummary>>(auth, "/catalogs"));
    view! {
        <section>
            <h1>"Danh mục dùng chung"</h1>
            <p class="muted">"Các trường có mã trong hồ sơ lấy giá trị từ các danh mục này, theo văn bản quy định của từng danh mục."</p>
            {admin.then(|| view! { <p><A href="/cap-nhat-danh-muc">"Cập nhật danh mục từ CSDL quốc gia"</A></p> })}
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) => view! {
                            <table class="data" data-testid="catalogs">
                                <thead><tr><th>"Danh mục"</th><th>"Số mục"</th><th>"Căn cứ"</th><th>"Hiệu lực từ"</th><th>"Phiên bản quốc gia"</th></tr></thead>
                                <tbody>{list.into_iter().map(|c| view! {
                                    <tr>
                                        <td><A href=format!("/danh-muc/{}", c.kind)>{c.name.clone()}</A></td>
                                        <td>{c.entries}</td>
                                        <td>{c.source.clone()}</td>
                                        <td>{c.effective_date.format("%d/%m/%Y").to_string()}</td>
                                        <td>{c.national_version.map(|v| v.to_string()).unwrap_or_else(|| "—".into())}</td>
                                    </tr>
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
pub fn CatalogPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <Catalog session /> } /> }
}

#[component]
fn Catalog(session: Session) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let params = use_params_map();
    let kind = move || params.with(|p| p.get("kind").unwrap_or_default());
    let search = RwSignal::new(String::new());
    let reload = RwSignal::new(0u32);
    let catalog = LocalResource::new(move || {
        reload.track();
        let path = format!(
            "/catalogs/{}?q={}",
            kind(),
            String::from(js_sys::encode_uri_component(&search.get()))
        );
        async move { api::get::<CatalogView>(auth, &path).await }
    });
    let admin = session.kind() == AccountKind::Admin && session.has(Right::AdministerCatalogs);
    let failure = RwSignal::new(None::<ApiFailure>);
    let retire = move |code: String| {
        let body = RetireCatalogEntryRequest {
            valid_to: crate::format::today_vn(),
            replaced_by: None,
            reason: "Hết hiệu lực theo văn bản mới".into(),
        };
        let path = format!("/catalogs/{}/entries/{code}/retire", kind());
        spawn_local(async move {
            match api::post::<_, CatalogEntryView>(auth, &path, &body).await {
                Ok(_) => {
                    failure.set(None);
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <section>
            <p><A href="/danh-muc">"← Danh mục dùng chung"</A></p>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match catalog.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(view) => {
                            let c = view.catalog.clone();
                            view! {
                                <h1>{c.name.clone()}</h1>
                                <p>"Căn cứ: "{c.source.clone()}" — hiệu lực từ "{c.effective_date.format("%d/%m/%Y").to_string()}
                                    {format!(" — phiên bản {}, {} mục.", c.version, c.entries)}</p>
                                {c.note.clone().map(|n| view! { <p class="muted">{n}</p> })}
                                <table class="data" data-testid="catalog-entries">
                                    <thead><tr><th>"Mã"</th><th>"Tên"</th><th>"Thuộc"</th><th>"Hiệu lực"</th><th>"Văn bản quy định"</th><th>"Nguồn"</th><th></th></tr></thead>
                                    <tbody>{view.entries.into_iter().map(|e| {
                                        let code = e.code.clone();
                                        let active = crate::components::catalog::in_force(&e);
                                        view! {
                                            <tr class=if active { "" } else { "retired" }>
                                                <td><code>{e.code.clone()}</code></td>
                                                <td>{e.label.clone()}</td>
                                                <td>{e.parent.clone().unwrap_or_default()}</td>
                                                <td>{validity(&e)}</td>
                                                <td>{e.source.clone().unwrap_or_default()}</td>
                                                <td>{match e.origin.as_str() {
                                                    "local" => "Bổ sung tại tỉnh",
                                                    "national" => "Theo CSDL quốc gia",
                                                    _ => "Theo văn bản",
                                                }}
                                                {e.local_code.then(|| view! { <span class="badge" title="Chưa có mã quốc gia: mã do hệ thống hoặc tỉnh đặt, đồng bộ qua bảng ánh xạ">"Mã nội bộ"</span> })}</td>
                                                <td>{(admin && active).then(|| view! {
                                                    <button type="button" on:click=move |_| retire(code.clone())>"Ngừng áp dụng"</button>
                                                })}</td>
                                            </tr>
                                        }
                                    }).collect_view()}</tbody>
                                </table>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
            <label>"Tìm theo mã hoặc tên" <input type="search" name="catalog_search" bind:value=search /></label>
            <FormFailure failure />
            {admin.then(|| view! { <AddEntry kind=Signal::derive(kind) on_added=Callback::new(move |()| reload.update(|n| *n += 1)) /> })}
        </section>
    }
}

fn validity(entry: &CatalogEntryView) -> String {
    let day = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    match (entry.valid_from, entry.valid_to) {
        (None, None) => "Đang áp dụng".into(),
        (Some(from), None) => format!("Từ {}", day(from)),
        (from, Some(to)) => {
            let successor = entry
                .replaced_by
                .as_deref()
                .map(|r| format!(", thay bằng {r}"))
                .unwrap_or_default();
            format!(
                "{}đến {}{successor}",
                from.map(|f| format!("Từ {} ", day(f))).unwrap_or_default(),
                day(to)
            )
        }
    }
}

#[component]
fn AddEntry(kind: Signal<String>, on_added: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let (code, label, parent, reason) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let failure = RwSignal::new(None::<ApiFailure>);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let body = NewCatalogEntryRequest {
            code: code.get_untracked(),
            label: label.get_untracked(),
            parent: Some(parent.get_untracked()).filter(|p| !p.trim().is_empty()),
            valid_from: None,
            data: None,
            reason: reason.get_untracked(),
        };
        let path = format!("/catalogs/{}/entries", kind.get_untracked());
        spawn_local(async move {
            match api::post::<_, CatalogEntryView>(auth, &path, &body).await {
                Ok(_) => {
                    failure.set(None);
                    code.set(String::new());
                    label.set(String::new());
                    on_added.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <h2>"Bổ sung mục"</h2>
        <form class="form" on:submit=submit>
            <label>"Mã" <input name="entry_code" required bind:value=code /></label>
            <FieldMessage failure field="code" />
            <label>"Tên" <input name="entry_label" required bind:value=label /></label>
            <FieldMessage failure field="label" />
            <label>"Mã mục cha (nếu danh mục có)" <input name="entry_parent" bind:value=parent /></label>
            <FieldMessage failure field="parent" />
            <label>"Căn cứ (văn bản quy định)" <input name="entry_reason" required bind:value=reason /></label>
            <FieldMessage failure field="reason" />
            <FormFailure failure />
            <button type="submit" class="primary">"Bổ sung"</button>
        </form>
    }
}
