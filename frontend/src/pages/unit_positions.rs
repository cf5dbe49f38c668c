//! A unit's job positions (ORG-3): posts, holders and vacancies; those who may add positions
//! (with the required grade or title picked from the catalogue) and give them to the unit's
//! people.

use hoso_api_types::units::{AssignHolderRequest, CreatePositionRequest, PositionGroup, PositionView};
use hoso_domain::catalog::GRADE_KINDS;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::catalog::{CatalogSelect, Catalogs};
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure};
use crate::components::person_picker::PersonPicker;
use crate::labels::position_group as group_label;
use crate::session::Auth;

#[component]
pub fn Positions(unit_id: String, can_manage: bool) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let catalogs = Catalogs::get();
    let reload = RwSignal::new(0u32);
    let id = unit_id.clone();
    let list = LocalResource::new(move || {
        reload.track();
        let id = id.clone();
        async move { api::get::<Vec<PositionView>>(auth, &format!("/units/{id}/positions")).await }
    });
    let add_unit_id = unit_id.clone();
    let failure = RwSignal::new(None::<ApiFailure>);
    let assign = move |position_id: String, person_id: String| {
        let body = AssignHolderRequest {
            person_id,
            reason: "Phân công vị trí việc làm".into(),
        };
        spawn_local(async move {
            match api::post::<_, PositionView>(auth, &format!("/positions/{position_id}/holders"), &body)
                .await
            {
                Ok(_) => {
                    failure.set(None);
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <h2>"Vị trí việc làm"</h2>
        <Transition fallback=|| ()>
            {move || {
            let unit_id = unit_id.clone();
            Suspend::new(async move {
                match list.await {
                    Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="muted">"Chưa có vị trí việc làm."</p> }.into_any(),
                    Ok(list) => view! {
                        <table class="data" data-testid="positions">
                            <thead><tr><th>"Mã"</th><th>"Vị trí"</th><th>"Nhóm"</th><th>"Ngạch/chức danh"</th><th>"Số lượng"</th><th>"Người đảm nhận"</th><th>"Còn thiếu"</th>{can_manage.then(|| view! { <th>"Giao vị trí"</th> })}</tr></thead>
                            <tbody>{list.into_iter().map(|p| {
                                let grade = p.required_grade.clone().map(|c| move || catalogs.describe(GRADE_KINDS, &c));
                                let chosen = RwSignal::new(String::new());
                                let position_id = p.id.clone();
                                let holders: Vec<String> = p.holders.iter().map(|h| h.id.clone()).collect();
                                let unit_id = unit_id.clone();
                                view! {
                                    <tr>
                                        <td>{p.code.clone()}</td>
                                        <td>{p.name.clone()}</td>
                                        <td>{group_label(p.group)}</td>
                                        <td>{grade}</td>
                                        <td>{p.posts}</td>
                                        <td>{p.holders.iter().map(|h| h.full_name.clone()).collect::<Vec<_>>().join(", ")}</td>
                                        <td class=if p.vacancies < 0 { "over" } else { "" }>{p.vacancies}</td>
                                        {can_manage.then(|| view! {
                                            <td>
                                                <PersonPicker chosen label=format!("Người đảm nhận {}", p.code) unit_id exclude=Signal::derive(move || holders.clone()) />
                                                <button type="button" on:click=move |_| {
                                                    let person = chosen.get_untracked();
                                                    if !person.is_empty() { assign(position_id.clone(), person); }
                                                }>"Giao"</button>
                                            </td>
                                        })}
                                    </tr>
                                }
                            }).collect_view()}</tbody>
                        </table>
                    }.into_any(),
                }
            })
            }}
        </Transition>
        <FormFailure failure />
        {can_manage.then(|| view! { <AddPosition unit_id=add_unit_id on_added=Callback::new(move |()| reload.update(|n| *n += 1)) /> })}
    }
}

#[component]
fn AddPosition(unit_id: String, on_added: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let (code, name, group, grade, posts, reason) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new("professional".to_owned()),
        RwSignal::new(String::new()),
        RwSignal::new("1".to_owned()),
        RwSignal::new(String::new()),
    );
    let failure = RwSignal::new(None::<ApiFailure>);
    let add = move |_| {
        let id = unit_id.clone();
        let group = match group.get_untracked().as_str() {
            "leadership" => PositionGroup::Leadership,
            "shared_professional" => PositionGroup::SharedProfessional,
            "support" => PositionGroup::Support,
            _ => PositionGroup::Professional,
        };
        let body = CreatePositionRequest {
            code: code.get_untracked(),
            name: name.get_untracked(),
            group,
            required_grade: Some(grade.get_untracked()).filter(|g| !g.is_empty()),
            posts: posts.get_untracked().trim().parse().unwrap_or(0),
            reason: reason.get_untracked(),
        };
        spawn_local(async move {
            match api::post::<_, PositionView>(auth, &format!("/units/{id}/positions"), &body).await {
                Ok(_) => {
                    failure.set(None);
                    on_added.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <div class="form">
            <fieldset>
                <legend>"Thêm vị trí việc làm"</legend>
                <label>"Mã" <input name="position_code" bind:value=code /></label>
                <FieldMessage failure field="code" />
                <label>"Tên vị trí" <input name="position_name" bind:value=name /></label>
                <FieldMessage failure field="name" />
                <label>"Nhóm"
                    <select name="position_group" bind:value=group>
                        <option value="leadership">"Lãnh đạo, quản lý"</option>
                        <option value="professional">"Chuyên môn, nghiệp vụ"</option>
                        <option value="shared_professional">"Chuyên môn dùng chung"</option>
                        <option value="support">"Hỗ trợ, phục vụ"</option>
                    </select>
                </label>
                <label>"Ngạch hoặc chức danh nghề nghiệp yêu cầu"
                    <CatalogSelect kinds=GRADE_KINDS value=grade name="position_grade" placeholder="— Không yêu cầu —" />
                </label>
                <FieldMessage failure field="required_grade" />
                <label>"Số lượng người làm việc" <input type="number" min="0" name="position_posts" bind:value=posts /></label>
                <label>"Lý do" <input name="position_reason" bind:value=reason /></label>
                <FormFailure failure />
                <button type="button" on:click=add>"Thêm vị trí"</button>
            </fieldset>
        </div>
    }
}
