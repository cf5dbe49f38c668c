//! The scans attached to a dossier (DOS-3): upload, type by document kind, link to the item it
//! proves, open. Downloads go through the dossier, so the server checks and records each one.

use hoso_api_types::documents::DocumentView;
use hoso_api_types::dossiers::{AttachRequest, AttachmentView};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::catalog::{CatalogSelect, Catalogs};
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure};
use crate::components::upload::DocumentPicker;
use crate::session::Auth;

#[component]
pub fn Attachments(dossier_id: String, editable: bool) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let catalogs = Catalogs::get();
    let reload = RwSignal::new(0u32);
    let list_id = dossier_id.clone();
    let list = LocalResource::new(move || {
        reload.track();
        let id = list_id.clone();
        async move { api::get::<Vec<AttachmentView>>(auth, &format!("/dossiers/{id}/attachments")).await }
    });
    let document = RwSignal::new(None::<DocumentView>);
    let kind = RwSignal::new(String::new());
    let item = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let attach_id = dossier_id.clone();
    let attach = move |_| {
        let Some(stored) = document.get_untracked() else {
            failure.set(None);
            return;
        };
        let body = AttachRequest {
            document_id: stored.id,
            kind: kind.get_untracked(),
            item: Some(item.get_untracked()),
            note: Some(note.get_untracked()),
        };
        let id = attach_id.clone();
        spawn_local(async move {
            match api::post::<_, AttachmentView>(auth, &format!("/dossiers/{id}/attachments"), &body).await {
                Ok(_) => {
                    failure.set(None);
                    document.set(None);
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let open = move |path: String| {
        spawn_local(async move {
            if let Err(error) = api::open_file(auth, &path).await {
                failure.set(Some(error));
            }
        });
    };
    view! {
        <h3>"Tài liệu đính kèm"</h3>
        <Transition fallback=|| ()>
            {move || {
                let dossier_id = dossier_id.clone();
                Suspend::new(async move {
                    match list.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="muted">"Chưa có tài liệu đính kèm."</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="data" data-testid="attachments">
                                <thead><tr><th>"Loại tài liệu"</th><th>"Chứng minh cho mục"</th><th>"Tệp"</th><th>"Ghi chú"</th></tr></thead>
                                <tbody>{list.into_iter().map(|a| {
                                    let path = format!("/dossiers/{dossier_id}/attachments/{}/content", a.id);
                                    let kind_code = a.kind.clone();
                                    view! {
                                        <tr>
                                            <td>{move || catalogs.describe(&["document_kinds"], &kind_code)}</td>
                                            <td>{a.item.clone().unwrap_or_default()}</td>
                                            <td><button type="button" class="link" on:click=move |_| open(path.clone())>{format!("{} ({} KB)", a.document.file_name, (a.document.size_bytes + 1023) / 1024)}</button></td>
                                            <td>{a.note.clone().unwrap_or_default()}</td>
                                        </tr>
                                    }
                                }).collect_view()}</tbody>
                            </table>
                        }.into_any(),
                    }
                })
            }}
        </Transition>
        {editable.then(|| view! {
            <fieldset>
                <legend>"Đính kèm bản scan"</legend>
                <DocumentPicker document failure label="Tệp scan (PDF, JPEG, PNG)" name="attachment_file" />
                <label>"Loại tài liệu" <CatalogSelect kinds=&["document_kinds"] value=kind name="attachment_kind" /></label>
                <FieldMessage failure field="kind" />
                <label>"Chứng minh cho mục (ví dụ: career.position, work_history[0])" <input name="attachment_item" bind:value=item /></label>
                <label>"Ghi chú" <input name="attachment_note" bind:value=note /></label>
                <FormFailure failure />
                <button type="button" on:click=attach>"Đính kèm"</button>
            </fieldset>
        })}
    }
}
