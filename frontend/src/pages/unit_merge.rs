//! The merge wizard (ORG-4): choose the units, the receiving unit (existing or new), the date
//! and decision; preview who moves where; confirm.

use hoso_api_types::units::{MergePlan, MergeRequest, NewUnit, UnitView};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FieldMessage, FormFailure};
use crate::components::guard::SignedIn;
use crate::pages::unit::{ChangeFields, ChangeInputs};
use crate::session::Auth;

#[component]
pub fn UnitMergePage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <UnitMerge /> } /> }
}

#[component]
fn UnitMerge() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let units = LocalResource::new(move || api::get::<Vec<UnitView>>(auth, "/units"));
    let sources = RwSignal::new(Vec::<String>::new());
    let into_new = RwSignal::new(true);
    let target = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let parent = RwSignal::new(String::new());
    let fields = ChangeFields::new();
    let failure = RwSignal::new(None::<ApiFailure>);
    let plan = RwSignal::new(None::<MergePlan>);
    let done = RwSignal::new(None::<MergePlan>);
    let request = move || MergeRequest {
        source_ids: sources.get_untracked(),
        target_id: (!into_new.get_untracked()).then(|| target.get_untracked()),
        new_target: into_new.get_untracked().then(|| NewUnit {
            code: code.get_untracked(),
            name: name.get_untracked(),
            kind: "department".into(),
            parent_id: parent.get_untracked(),
        }),
        change: fields.change(),
    };
    let preview = move |_| {
        let body = request();
        spawn_local(async move {
            match api::post::<_, MergePlan>(auth, "/unit-merges/preview", &body).await {
                Ok(result) => {
                    plan.set(Some(result));
                    failure.set(None);
                }
                Err(error) => {
                    plan.set(None);
                    failure.set(Some(error));
                }
            }
        });
    };
    let confirm = move |_| {
        let body = request();
        spawn_local(async move {
            match api::post::<_, MergePlan>(auth, "/unit-merges", &body).await {
                Ok(result) => {
                    done.set(Some(result));
                    plan.set(None);
                    failure.set(None);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let options = move || {
        units
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|u| {
                view! {
                    <option value=u.id.clone()>{crate::labels::indented(&u.name, u.depth)}</option>
                }
            })
            .collect_view()
    };
    view! {
        <section>
            <h1>"Sáp nhập đơn vị"</h1>
            <div class="form">
                <fieldset data-testid="merge-sources">
                    <legend>"Các đơn vị sáp nhập"</legend>
                    {move || units.get().and_then(Result::ok).unwrap_or_default().into_iter().filter(|u| u.depth > 0).map(|u| {
                        let id = u.id.clone();
                        let checked_id = u.id.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=move || sources.get().contains(&checked_id)
                                    on:change=move |_| sources.update(|list| {
                                        if let Some(i) = list.iter().position(|s| *s == id) { list.remove(i); } else { list.push(id.clone()); }
                                    }) />
                                {crate::labels::indented(&u.name, u.depth - 1)}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <FieldMessage failure field="source_ids" />
                <fieldset>
                    <legend>"Đơn vị nhận"</legend>
                    <label class="check"><input type="radio" name="target_kind" prop:checked=move || into_new.get() on:change=move |_| into_new.set(true) />"Thành lập đơn vị mới"</label>
                    <label class="check"><input type="radio" name="target_kind" prop:checked=move || !into_new.get() on:change=move |_| into_new.set(false) />"Sáp nhập vào đơn vị có sẵn"</label>
                    <Show when=move || into_new.get()
                        fallback=move || view! {
                            <label>"Đơn vị nhận" <select name="target_id" bind:value=target><option value="">"— Chọn —"</option>{options}</select></label>
                        }>
                        <label>"Mã đơn vị mới" <input name="new_code" bind:value=code /></label>
                        <label>"Tên đơn vị mới" <input name="new_name" bind:value=name /></label>
                        <label>"Đơn vị cấp trên" <select name="new_parent" bind:value=parent><option value="">"— Chọn —"</option>{options}</select></label>
                    </Show>
                </fieldset>
                <ChangeInputs fields failure />
                <FormFailure failure />
                <button type="button" class="primary" on:click=preview>"Xem trước"</button>
            </div>
            {move || plan.get().map(|plan| view! {
                <h2>"Xem trước: " {plan.target.name.clone()}</h2>
                <p>{format!("{} người chuyển sang đơn vị nhận; {} đơn vị trực thuộc chuyển theo; {} đơn vị chấm dứt hoạt động.",
                    plan.moves.len(), plan.moved_sub_units.len(), plan.ended_units.len())}</p>
                <table class="data" data-testid="merge-preview">
                    <thead><tr><th>"Họ tên"</th><th>"Từ đơn vị"</th><th>"Tài khoản cá nhân"</th></tr></thead>
                    <tbody>
                        {plan.moves.iter().map(|m| view! {
                            <tr><td>{m.full_name.clone()}</td><td>{m.from_unit.name.clone()}</td><td>{if m.has_account { "Chuyển theo" } else { "—" }}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <button type="button" class="primary" data-testid="confirm-merge" on:click=confirm>"Xác nhận sáp nhập"</button>
            })}
            {move || done.get().map(|done| view! {
                <p class="notice notice-info" data-testid="merge-done">
                    "Đã sáp nhập vào "<A href=format!("/to-chuc/{}", done.target.id)>{done.target.name.clone()}</A>
                    {format!(": {} người đã được chuyển.", done.moves.len())}
                </p>
            })}
        </section>
    }
}
