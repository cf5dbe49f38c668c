//! Recruitments (ACC-6, DOS-1): an agency records a new recruit — person, dossier draft and
//! placement in one transaction — and follows the personal account due within working days.

pub mod create_recruitment;
pub mod list_recruitments;
pub use create_recruitment::create_recruitment;
pub use list_recruitments::list_recruitments;

use chrono::NaiveDate;
use hoso_api_types::golive::RecruitmentView;
use hoso_api_types::units::UnitRef;
use hoso_store::recruitments::RecruitmentListed;

pub fn view(row: RecruitmentListed, today: NaiveDate) -> RecruitmentView {
    let r = row.recruitment;
    let has_account = row.account_id.is_some();
    RecruitmentView {
        id: r.id,
        person_id: r.person_id,
        full_name: row.full_name,
        dossier_id: row.dossier_id,
        dossier_number: row.dossier_number,
        unit: UnitRef {
            id: row.unit_id,
            name: row.unit_name,
        },
        category: r.category,
        basis: r.basis,
        decision_number: r.decision_number,
        decision_date: r.decision_date,
        account_due_on: r.account_due_on,
        has_account,
        overdue: !has_account && r.account_due_on < today,
        recruited_at: crate::views::utc(r.recruited_at),
    }
}
