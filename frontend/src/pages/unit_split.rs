//! The split wizard (ORG-4): choose the unit, name the new units, say where its people go — all
//! to one new unit but those picked by name (found by a server search, so a unit of any size
//! splits) — and its sub-units, date and decision; preview who moves where; confirm.

use hoso_api_types::units::{Assignment, NewUnit, PersonSummary, SplitPlan, SplitRequest, UnitView};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FieldMessage, FormFailure};
use crate::components::guard::SignedIn;
use crate::components::person_picker::PersonPicker;
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
    // The people picked to go elsewhere than the rest: (id, name, index of their part).
    let person_targets = RwSignal::new(Vec::<(String, String, RwSignal<String>)>::new());
    let others_to = RwSignal::new(String::new());
    // Sub-unit id → index of the part it goes to (as typed in the select).
    let unit_targets = RwSignal::new(Vec::<(String, RwSignal<String>)>::new());
    Effect::new(move |_| {
        source.track();
        person_targets.set(Vec::new());
    });
    // A picked person's target is made in the picker's click handler, whose reactive owner is
    // gone once the matches close: it belongs to the wizard instead.
    let owner = Owner::current().expect("the wizard renders under an owner");
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
            person_assignments: assignments(
                person_targets
                    .get_untracked()
                    .into_iter()
                    .map(|(id, _, target)| (id, target))
                    .collect(),
            ),
            others_to: others_to.get_untracked().parse().ok(),
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
                {move || {
                    let id = source.get();
                    (!id.is_empty()).then(|| {
                        let picked = RwSignal::new(String::new());
                        let owner = owner.clone();
                        let add = Callback::new(move |person: PersonSummary| {
                            picked.set(String::new());
                            person_targets.update(|list| {
                                if !list.iter().any(|(id, ..)| *id == person.id) {
                                    let target = owner.with(|| RwSignal::new(String::new()));
                                    list.push((person.id, person.full_name, target));
                                }
                            });
                        });
                        let exclude = Signal::derive(move || {
                            person_targets.get().into_iter().map(|(id, ..)| id).collect::<Vec<_>>()
                        });
                        view! {
                            <fieldset data-testid="split-people">
                                <legend>"Cán bộ, công chức, viên chức của đơn vị"</legend>
                                {target_select("Những người còn lại chuyển về".to_owned(), others_to)}
                                <FieldMessage failure field="others_to" />
                                <p class="muted">"Người chuyển về đơn vị khác: tìm theo tên rồi chọn nơi chuyển đến."</p>
                                <PersonPicker chosen=picked label="Tìm người chuyển riêng".to_owned() unit_id=id exclude on_pick=add />
                                <table class="data" data-testid="split-exceptions">
                                    <tbody>
                                        {move || person_targets.get().into_iter().map(|(person_id, name, target)| view! {
                                            <tr>
                                                <td>{name.clone()}</td>
                                                <td>{target_select(format!("Nơi chuyển đến của {name}"), target)}</td>
                                                <td><button type="button" on:click=move |_| person_targets.update(|list| list.retain(|(id, ..)| *id != person_id))>"Bỏ"</button></td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </fieldset>
                        }
                    })
                }}
                {move || {
                    let subs = sub_units();
                    let sub_rows: Vec<(String, RwSignal<String>)> =
                        subs.iter().map(|u| (u.id.clone(), RwSignal::new(String::new()))).collect();
                    unit_targets.set(sub_rows.clone());
                    (!subs.is_empty()).then(|| view! {
                        <fieldset data-testid="split-sub-units">
                            <legend>"Đơn vị trực thuộc"</legend>
                            {subs.into_iter().zip(sub_rows).map(|(u, (_, target))| view! {
                                <div class="row"><span>{u.name.clone()}</span>{target_select(format!("Nơi chuyển đến của {}", u.name), target)}</div>
                            }).collect_view()}
                        </fieldset>
                    })
                }}
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
