//! The regulation profile in force (deadlines, approval windows); administrators choose it.

use hoso_api_types::settings::RegulationProfileChange;
use hoso_domain::access::AccountKind;
use hoso_domain::regulation::{
    Enforcement, ProfileName, RegulationProfile, SeparationOfDuties, Signer, WindowRule,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
use crate::session::{Auth, Session};

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <Settings session /> } /> }
}

fn profile_label(name: ProfileName) -> &'static str {
    match name {
        ProfileName::HungYen => "Quy chế tỉnh Hưng Yên",
        ProfileName::TienGiang => "Quyết định 03/2025/QĐ-UBND tỉnh Tiền Giang",
        ProfileName::Custom => "Tùy chỉnh",
    }
}

fn signer_label(signer: Signer) -> &'static str {
    match signer {
        Signer::SubordinateUnitHead => "Thủ trưởng đơn vị trực thuộc",
        Signer::DepartmentHead => "Thủ trưởng sở, ngành, UBND cấp xã",
        Signer::AgencyHead => "Thủ trưởng cơ quan, đơn vị",
        Signer::HomeAffairs => "Giám đốc Sở Nội vụ",
    }
}

fn rule_label(rule: WindowRule) -> String {
    match rule {
        WindowRule::DaysOfMonth { from, to } => format!("Từ ngày {from} đến ngày {to} hằng tháng"),
        WindowRule::LastWorkingDays { count } => format!("{count} ngày làm việc cuối tháng"),
        WindowRule::LastDaysShifted { count } => {
            format!("{count} ngày cuối tháng (trùng ngày nghỉ thì lùi sang ngày làm việc kế tiếp)")
        }
    }
}

#[component]
fn Settings(session: Session) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let reload = RwSignal::new(0u32);
    let profile = LocalResource::new(move || {
        reload.track();
        api::get::<RegulationProfile>(auth, "/settings/regulation-profile")
    });
    let admin = session.kind() == AccountKind::Admin;
    view! {
        <section>
            <h1>"Quy chế áp dụng"</h1>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match profile.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(p) => {
                            let d = p.deadlines.clone();
                            let rows = [
                                ("Tạo tài khoản cá nhân sau quyết định tuyển dụng", d.account_creation),
                                ("Cán bộ nhập hồ sơ sau khi nhận tài khoản", d.employee_entry),
                                ("Đầu mối kiểm tra, khóa hồ sơ", d.focal_check),
                                ("Thủ trưởng phê duyệt, ký số", d.head_approval),
                                ("Cập nhật thay đổi sau sự kiện", d.change_record),
                                ("Cơ quan duyệt thay đổi", d.change_approval),
                                ("Điều động trong cơ quan", d.transfer_within_agency),
                                ("Bàn giao hồ sơ giữa các cơ quan", d.transfer_between_agencies),
                                ("Đề nghị khai thác dữ liệu khi tiếp nhận", d.arrival_pull_request),
                                ("Cập nhật trạng thái khi thôi việc, nghỉ hưu", d.end_of_service_status),
                            ];
                            view! {
                                <p data-testid="profile-name"><strong>{profile_label(p.name)}</strong>
                                    {match p.enforcement { Enforcement::Refuse => " — ký ngoài thời gian quy định bị từ chối.", Enforcement::Warn => " — ký ngoài thời gian quy định chỉ được cảnh báo." }}</p>
                                <p data-testid="separation-of-duties">{match &p.separation_of_duties {
                                    SeparationOfDuties::Enforced => "Tách biệt nhiệm vụ: người nhập hồ sơ thay không tự kiểm tra; người kiểm tra, khóa không tự ký duyệt.".to_owned(),
                                    SeparationOfDuties::Relaxed { reason } => format!("Cho phép một tài khoản làm hai bước của cùng một hồ sơ. Lý do: {reason}"),
                                }}</p>
                                <h2>"Thời hạn (ngày làm việc)"</h2>
                                <table class="data" data-testid="deadlines">
                                    <tbody>{rows.into_iter().map(|(label, days)| view! { <tr><td>{label}</td><td>{days}</td></tr> }).collect_view()}</tbody>
                                </table>
                                <h2>"Thời gian phê duyệt hằng tháng"</h2>
                                <table class="data">
                                    <tbody>{p.windows.iter().map(|w| view! { <tr><td>{signer_label(w.signer)}</td><td>{rule_label(w.rule)}</td></tr> }).collect_view()}</tbody>
                                </table>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
            {admin.then(|| view! { <ChooseProfile on_saved=Callback::new(move |()| reload.update(|n| *n += 1)) /> })}
        </section>
    }
}

#[component]
fn ChooseProfile(on_saved: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let name = RwSignal::new("hung-yen".to_owned());
    let warn_only = RwSignal::new(false);
    let relax_duties = RwSignal::new(false);
    let relax_reason = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let save = move |_| {
        let name = match name.get_untracked().as_str() {
            "tien-giang" => ProfileName::TienGiang,
            _ => ProfileName::HungYen,
        };
        let change = RegulationProfileChange {
            name,
            custom: None,
            enforcement: if warn_only.get_untracked() {
                Enforcement::Warn
            } else {
                Enforcement::Refuse
            },
            separation_of_duties: if relax_duties.get_untracked() {
                SeparationOfDuties::Relaxed {
                    reason: relax_reason.get_untracked(),
                }
            } else {
                SeparationOfDuties::Enforced
            },
            reason: reason.get_untracked(),
        };
        spawn_local(async move {
            match api::put::<_, RegulationProfile>(auth, "/settings/regulation-profile", &change).await {
                Ok(_) => {
                    failure.set(None);
                    on_saved.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <h2>"Chọn quy chế"</h2>
        <div class="form">
            <label>"Quy chế"
                <select name="profile" bind:value=name>
                    <option value="hung-yen">{profile_label(ProfileName::HungYen)}</option>
                    <option value="tien-giang">{profile_label(ProfileName::TienGiang)}</option>
                </select>
            </label>
            <label class="check"><input type="checkbox" bind:checked=warn_only />"Chỉ cảnh báo khi ký ngoài thời gian quy định"</label>
            <label class="check"><input type="checkbox" name="relax-duties" bind:checked=relax_duties />"Cho phép một tài khoản vừa nhập thay, kiểm tra và ký duyệt cùng một hồ sơ"</label>
            <Show when=move || relax_duties.get()>
                <label>"Lý do cho phép (ví dụ: đơn vị chỉ có một cán bộ tổ chức)" <input name="relax-reason" bind:value=relax_reason /></label>
            </Show>
            <label>"Lý do thay đổi" <input name="reason" bind:value=reason /></label>
            <p class="muted">"Thời hạn và thời gian ký riêng của tỉnh (quy chế tùy chỉnh) do quản trị viên hệ thống thiết lập theo quyết định của UBND tỉnh."</p>
            <FormFailure failure />
            <button type="button" class="primary" on:click=save>"Áp dụng"</button>
        </div>
    }
}
