//! The split wizard (ORG-4): choose the unit, name the new units, assign each of its people and
//! sub-units to one of them, date and decision; preview who moves where; confirm.

use hoso_api_types::units::{Assignment, NewUnit, PersonSummary, SplitPlan, SplitRequest, UnitView};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FieldMessage, FormFailure};
use crate::components::guard::SignedIn;
use crate::pages::unit::{ChangeFields, ChangeInputs};
use crate::session::Auth;

#[component]
pub fn UnitSplitPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <UnitSplit /> } /> }
}

/// One new unit being formed, as typed.
#[derive(Clone, Copy)]
struct Part {
    code: RwSignal<String>,
    name: RwSignal<String>,
}

impl Part {
    fn new() -> Self {
        Part {
            code: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
        }
    }
}

#[component]
fn UnitSplit() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let units = LocalResource::new(move || api::get::<Vec<UnitView>>(auth, "/units"));
    let source = RwSignal::new(String::new());
    let parts = RwSignal::new(vec![Part::new(), Part::new()]);
    // Person or sub-unit id → index of the part it goes to (as typed in the select).
    let person_targets = RwSignal::new(Vec::<(String, RwSignal<String>)>::new());
    let unit_targets = RwSignal::new(Vec::<(String, RwSignal<String>)>::new());
    let people = LocalResource::new(move || {
        let id = source.get();
        async move {
            if id.is_empty() {
                Ok(Vec::new())
            } else {
                api::get::<Vec<PersonSummary>>(auth, &format!("/people?unit_id={id}&limit=200")).await
            }
        }
    });
    let all_units = move || units.get().and_then(Result::ok).unwrap_or_default();
    let source_unit = move || all_units().into_iter().find(|u| u.id == source.get());
    let sub_units = move || {
        let id = source.get();
        all_units()
            .into_iter()
            .filter(|u| u.parent_id.as_deref() == Some(id.as_str()))
            .collect::<Vec<_>>()
    };
    let fields = ChangeFields::new();
    let failure = RwSignal::new(None::<ApiFailure>);
    let plan = RwSignal::new(None::<SplitPlan>);
    let done = RwSignal::new(None::<SplitPlan>);
    let assignments = |list: Vec<(String, RwSignal<String>)>| -> Vec<Assignment> {
        list.into_iter()
            .filter_map(|(id, target)| {
                target
                    .get_untracked()
                    .parse()
                    .ok()
                    .map(|target| Assignment { id, target })
            })
            .collect()
    };
    let request = move || {
        let from = source_unit();
        SplitRequest {
            source_id: source.get_untracked(),
            targets: parts
                .get_untracked()
                .iter()
                .map(|p| NewUnit {
                    code: p.code.get_untracked(),
                    name: p.name.get_untracked(),
                    kind: from.as_ref().map(|u| u.kind.clone()).unwrap_or_default(),
                    parent_id: from
                        .as_ref()
                        .and_then(|u| u.parent_id.clone())
                        .unwrap_or_default(),
                })
                .collect(),
            person_assignments: assignments(person_targets.get_untracked()),
            sub_unit_assignments: assignments(unit_targets.get_untracked()),
            change: fields.change(),
        }
    };
    let send = move |confirm: bool| {
        let body = request();
        spawn_local(async move {
            let path = if confirm {
                "/unit-splits"
            } else {
                "/unit-splits/preview"
            };
            match api::post::<_, SplitPlan>(auth, path, &body).await {
                Ok(result) if confirm => {
                    done.set(Some(result));
                    plan.set(None);
                    failure.set(None);
                }
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
    // A select of the parts, for one person or sub-unit.
    let target_select = move |label: String, target: RwSignal<String>| {
        view! {
            <select aria-label=label bind:value=target>
                <option value="">"— Chuyển về đơn vị —"</option>
                {move || parts.get().iter().enumerate().map(|(i, p)| {
                    let name = p.name.get();
                    view! { <option value=i.to_string()>{if name.is_empty() { format!("Đơn vị mới {}", i + 1) } else { name }}</option> }
                }).collect_view()}
            </select>
        }
    };
    view! {
        <section>
            <h1>"Chia tách đơn vị"</h1>
            <div class="form">
                <label>"Đơn vị chia tách"
                    <select name="split_source" bind:value=source>
                        <option value="">"— Chọn —"</option>
                        {move || all_units().into_iter().filter(|u| u.depth > 0).map(|u| view! {
                            <option value=u.id.clone()>{crate::labels::indented(&u.name, u.depth - 1)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <FieldMessage failure field="source_id" />
                <fieldset data-testid="split-parts">
                    <legend>"Các đơn vị mới (cùng cấp trên với đơn vị chia tách)"</legend>
                    {move || parts.get().into_iter().enumerate().map(|(i, p)| view! {
                        <div class="row">
                            <label>{format!("Mã đơn vị mới {}", i + 1)} <input name=format!("part_code_{i}") bind:value=p.code /></label>
                            <label>{format!("Tên đơn vị mới {}", i + 1)} <input name=format!("part_name_{i}") bind:value=p.name /></label>
                        </div>
                    }).collect_view()}
                    <button type="button" on:click=move |_| parts.update(|list| list.push(Part::new()))>"Thêm đơn vị mới"</button>
                </fieldset>
                <FieldMessage failure field="targets" />
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let list = people.await.unwrap_or_default();
                        let rows: Vec<(String, RwSignal<String>)> =
                            list.iter().map(|p| (p.id.clone(), RwSignal::new(String::new()))).collect();
                        person_targets.set(rows.clone());
                        let subs = sub_units();
                        let sub_rows: Vec<(String, RwSignal<String>)> =
                            subs.iter().map(|u| (u.id.clone(), RwSignal::new(String::new()))).collect();
                        unit_targets.set(sub_rows.clone());
                        view! {
                            <fieldset data-testid="split-people">
                                <legend>{format!("Cán bộ, công chức, viên chức ({} người)", list.len())}</legend>
                                {list.into_iter().zip(rows).map(|(p, (_, target))| view! {
                                    <div class="row"><span>{p.full_name.clone()}</span>{target_select(format!("Nơi chuyển đến của {}", p.full_name), target)}</div>
                                }).collect_view()}
                            </fieldset>
                            {(!subs.is_empty()).then(|| view! {
                                <fieldset data-testid="split-sub-units">
                                    <legend>"Đơn vị trực thuộc"</legend>
                                    {subs.into_iter().zip(sub_rows).map(|(u, (_, target))| view! {
                                        <div class="row"><span>{u.name.clone()}</span>{target_select(format!("Nơi chuyển đến của {}", u.name), target)}</div>
                                    }).collect_view()}
                                </fieldset>
                            })}
                        }
                    })}
                </Transition>
                <FieldMessage failure field="person_assignments" />
                <ChangeInputs fields failure />
                <FormFailure failure />
                <button type="button" class="primary" on:click=move |_| send(false)>"Xem trước"</button>
            </div>
            {move || plan.get().map(|plan| view! {
                <h2>"Xem trước: chia tách " {plan.source.name.clone()}</h2>
                <p>{format!("{} đơn vị mới; {} người và {} đơn vị trực thuộc được chuyển.",
                    plan.targets.len(), plan.moves.len(), plan.sub_unit_moves.len())}</p>
                <table class="data" data-testid="split-preview">
                    <thead><tr><th>"Họ tên"</th><th>"Chuyển đến"</th><th>"Tài khoản cá nhân"</th></tr></thead>
                    <tbody>
                        {plan.moves.iter().map(|m| view! {
                            <tr><td>{m.full_name.clone()}</td><td>{m.to_unit.name.clone()}</td><td>{if m.has_account { "Chuyển theo" } else { "—" }}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <button type="button" class="primary" data-testid="confirm-split" on:click=move |_| send(true)>"Xác nhận chia tách"</button>
            })}
            {move || done.get().map(|done| view! {
                <div class="notice notice-info" data-testid="split-done">
                    <p>{format!("Đã chia tách {}; {} người đã được chuyển sang:", done.source.name, done.moves.len())}</p>
                    <ul>{done.targets.into_iter().map(|t| view! { <li><A href=format!("/to-chuc/{}", t.id)>{t.name.clone()}</A></li> }).collect_view()}</ul>
                </div>
            })}
        </section>
    }
}
