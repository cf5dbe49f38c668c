//! The organisation tree as of any day (ORG-1, CTX-2): search by name or code, expand and
//! collapse, open a unit for its history.

use std::collections::BTreeSet;

use hoso_api_types::units::UnitView;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::date_input::DateInput;
use crate::components::failure::FailureNotice;
use crate::components::guard::SignedIn;
use crate::session::{Auth, Session};

#[component]
pub fn UnitsPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <UnitsTree session /> } /> }
}

/// Units shown for a search: those matching, with their ancestors so the tree still reads.
fn visible(units: &[UnitView], search: &str, collapsed: &BTreeSet<String>) -> Vec<UnitView> {
    // Without tone marks on both sides: "giao duc" finds "Sở Giáo dục và Đào tạo".
    let fold = hoso_domain::text::fold;
    let needle = fold(search.trim());
    let matching: BTreeSet<&str> = units
        .iter()
        .filter(|u| needle.is_empty() || fold(&u.name).contains(&needle) || fold(&u.code).contains(&needle))
        .map(|u| u.id.as_str())
        .collect();
    let mut keep: BTreeSet<&str> = BTreeSet::new();
    for id in &matching {
        let mut current = units.iter().find(|u| u.id == *id);
        while let Some(unit) = current {
            keep.insert(unit.id.as_str());
            current = unit
                .parent_id
                .as_deref()
                .and_then(|p| units.iter().find(|u| u.id == p));
        }
    }
    // Hide the descendants of collapsed units (the list is in tree order, parents first).
    let mut hidden: BTreeSet<&str> = BTreeSet::new();
    let mut shown = Vec::new();
    for unit in units {
        let parent_hidden = unit
            .parent_id
            .as_deref()
            .is_some_and(|p| hidden.contains(p) || collapsed.contains(p));
        if parent_hidden {
            hidden.insert(unit.id.as_str());
            continue;
        }
        if keep.contains(unit.id.as_str()) {
            shown.push(unit.clone());
        }
    }
    shown
}

#[component]
fn UnitsTree(session: Session) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let today = crate::format::today_vn().to_string();
    let as_of = RwSignal::new(today);
    let search = RwSignal::new(String::new());
    let collapsed = RwSignal::new(BTreeSet::<String>::new());
    let units = LocalResource::new(move || {
        let date = as_of.get();
        async move { api::get::<Vec<UnitView>>(auth, &format!("/units?as_of={date}")).await }
    });
    let admin = session.has(hoso_domain::access::Right::ManageUnits);
    let agency = session.kind() == hoso_domain::access::AccountKind::Agency;
    view! {
        <section>
            <h1>"Cơ cấu tổ chức"</h1>
            <div class="filters">
                <label class="inline">"Tại ngày " <DateInput name="as_of" value=as_of /></label>
                <input placeholder="Tìm theo tên hoặc mã đơn vị" name="search" bind:value=search />
                {admin.then(|| view! { <A href="/to-chuc/them">"Thành lập đơn vị"</A> " " <A href="/to-chuc/sap-nhap">"Sáp nhập đơn vị"</A> " " <A href="/to-chuc/chia-tach">"Chia tách đơn vị"</A> })}
                {(agency && !admin).then(|| view! { <A href="/to-chuc/them">"Đề nghị thành lập đơn vị"</A> })}
            </div>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match units.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) => {
                            let parents: BTreeSet<String> = list.iter().filter_map(|u| u.parent_id.clone()).collect();
                            view! {
                                <ul class="tree" data-testid="unit-tree">
                                    {let all = list.clone(); move || {
                                        let shown = visible(&all, &search.get(), &collapsed.get());
                                        (shown.is_empty() && !search.get().trim().is_empty()).then(|| view! {
                                            <li class="muted" data-testid="tree-empty">"Không tìm thấy đơn vị nào."</li>
                                        })
                                    }}
                                    {move || visible(&list, &search.get(), &collapsed.get()).into_iter().map(|unit| {
                                        let has_children = parents.contains(&unit.id);
                                        let id = unit.id.clone();
                                        let toggle_id = unit.id.clone();
                                        let is_collapsed = move || collapsed.get().contains(&toggle_id);
                                        view! {
                                            <li style=format!("padding-left: {}rem", unit.depth as f32 * 1.4)>
                                                {has_children.then(|| {
                                                    let id = id.clone();
                                                    view! {
                                                        <button type="button" class="toggle" aria-label="Mở rộng hoặc thu gọn"
                                                            on:click=move |_| collapsed.update(|set| { if !set.remove(&id) { set.insert(id.clone()); } })>
                                                            {move || if is_collapsed() { "▸" } else { "▾" }}
                                                        </button>
                                                    }
                                                })}
                                                <A href=format!("/to-chuc/{}", unit.id)>{unit.name.clone()}</A>
                                                <span class="muted code">{unit.code.clone()}</span>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, name: &str, parent: Option<&str>) -> UnitView {
        UnitView {
            id: id.into(),
            code: id.to_uppercase(),
            name: name.into(),
            kind: "department".into(),
            parent_id: parent.map(Into::into),
            depth: u32::from(parent.is_some()),
            valid_from: chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(),
            valid_to: None,
        }
    }

    #[test]
    fn the_tree_is_searched_without_tone_marks_and_keeps_ancestors() {
        let units = [
            unit("hy", "UBND tỉnh Hưng Yên", None),
            unit("gd", "Sở Giáo dục và Đào tạo", Some("hy")),
            unit("yt", "Sở Y tế", Some("hy")),
        ];
        let names = |search: &str| -> Vec<String> {
            visible(&units, search, &BTreeSet::new())
                .into_iter()
                .map(|u| u.id)
                .collect()
        };
        assert_eq!(names("giao duc"), vec!["hy", "gd"]);
        assert_eq!(names("GIÁO DỤC"), vec!["hy", "gd"]);
        assert_eq!(names("so y te"), vec!["hy", "yt"]);
        assert!(names("không có").is_empty());
    }
}
