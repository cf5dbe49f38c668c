//! The update and approval workflow (WF-1…8): the states a dossier's pending changes pass
//! through, who may move them, and when each step is due.
//!
//! A *review* is one pass of the draft through the path: the employee (or the HR unit on their
//! behalf) submits; the agency's focal officer checks against the paper originals and locks
//! (WF-2); the head approves by digital signature, which makes the immutable version (WF-3);
//! Sở Nội vụ approves that version for the national database with its own signature (WF-6/7).
//! At every review step it can be returned with a reason (WF-5). The first pass is the initial
//! entry; later passes are change requests carrying scanned evidence (WF-4).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::access::{
    check_approve_dossier, check_edit_dossier, Actor, Decision, Denial, Right, Scope, UnitPath,
};
use crate::approval::Step;
use crate::calendar::Calendar;
use crate::regulation::{RegulationProfile, SeparationOfDuties, Signer};

/// Where a review stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// Waiting for the focal officer's check.
    Submitted,
    /// Checked against the originals and locked; waiting for the head's signature.
    Locked,
    /// Signed by the head (a version exists); waiting for Sở Nội vụ.
    Signed,
    /// Approved by Sở Nội vụ for the national database.
    Approved,
    /// Sent back to the employee with the reason.
    Returned,
}

impl ReviewState {
    pub const ALL: [ReviewState; 5] = [
        ReviewState::Submitted,
        ReviewState::Locked,
        ReviewState::Signed,
        ReviewState::Approved,
        ReviewState::Returned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::Submitted => "submitted",
            ReviewState::Locked => "locked",
            ReviewState::Signed => "signed",
            ReviewState::Approved => "approved",
            ReviewState::Returned => "returned",
        }
    }

    pub fn parse(text: &str) -> Option<ReviewState> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Still waiting for someone at the agency or at Sở Nội vụ.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ReviewState::Submitted | ReviewState::Locked | ReviewState::Signed
        )
    }

    /// The draft cannot change while it is being checked or waits for the head (WF-2).
    pub fn freezes_draft(self) -> bool {
        matches!(self, ReviewState::Submitted | ReviewState::Locked)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// The first entry of a new employee's data (WF-1…3).
    Initial,
    /// A later change with its evidence (WF-4).
    Change,
}

impl ReviewKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewKind::Initial => "initial",
            ReviewKind::Change => "change",
        }
    }

    pub fn parse(text: &str) -> Option<ReviewKind> {
        [ReviewKind::Initial, ReviewKind::Change]
            .into_iter()
            .find(|k| k.as_str() == text)
    }
}

/// What an actor does to a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Lock,
    Return,
    Sign(Step),
}

/// The state an action leads to, or `None` when the action does not apply in `state`.
pub fn transition(state: ReviewState, action: Action) -> Option<ReviewState> {
    use ReviewState::*;
    match (state, action) {
        (Submitted, Action::Lock) => Some(Locked),
        (Submitted | Locked | Signed, Action::Return) => Some(Returned),
        (Locked, Action::Sign(Step::Head)) => Some(Signed),
        (Signed, Action::Sign(Step::HomeAffairs)) => Some(Approved),
        _ => None,
    }
}

/// The signing step a review waits for, if it waits for one.
pub fn step_awaited(state: ReviewState) -> Option<Step> {
    match state {
        ReviewState::Locked => Some(Step::Head),
        ReviewState::Signed => Some(Step::HomeAffairs),
        _ => None,
    }
}

fn within_scope(actor: &Actor, unit: &UnitPath) -> Decision {
    if !actor.scope.covers(unit) || actor.kind == crate::access::AccountKind::Personal {
        return Err(Denial::Hidden("the person is outside the actor's scope".into()));
    }
    Ok(())
}

fn not_own(actor: &Actor, person_id: &str) -> Decision {
    if actor.person_id.as_deref() == Some(person_id) {
        return Err(Denial::Forbidden("nobody reviews their own dossier".into()));
    }
    Ok(())
}

fn require(actor: &Actor, right: Right) -> Decision {
    if actor.rights.contains(right) {
        Ok(())
    } else {
        Err(Denial::Forbidden(format!(
            "{} lacks the right {right}",
            actor.kind
        )))
    }
}

/// Submitting the draft: whoever may edit it — the person, or the HR unit on their behalf.
pub fn check_submit(actor: &Actor, person_id: &str, unit: &UnitPath) -> Decision {
    check_edit_dossier(actor, person_id, unit)
}

/// Acting on a review: the focal officer checks and locks or returns (`review_dossiers` over
/// the unit); the head signs, or returns what is locked (`approve_dossiers` over the unit);
/// Sở Nội vụ signs or returns what the head signed (`approve_dossiers` province-wide).
/// Nobody acts on their own dossier.
pub fn check_act(
    actor: &Actor,
    person_id: &str,
    unit: &UnitPath,
    state: ReviewState,
    action: Action,
) -> Decision {
    within_scope(actor, unit)?;
    not_own(actor, person_id)?;
    match (action, state) {
        (Action::Lock, _) | (Action::Return, ReviewState::Submitted) => require(actor, Right::ReviewDossiers),
        (Action::Return, ReviewState::Locked) => {
            require(actor, Right::ReviewDossiers).or_else(|_| require(actor, Right::ApproveDossiers))
        }
        (Action::Sign(Step::Head), _) => check_approve_dossier(actor, person_id, unit),
        (Action::Sign(Step::HomeAffairs), _) | (Action::Return, _) => {
            if actor.scope != Scope::Province {
                return Err(Denial::Forbidden(
                    "only Sở Nội vụ approves for the national database".into(),
                ));
            }
            require(actor, Right::ApproveDossiers)
        }
    }
}

/// Who already acted on a review, for the separation of duties.
#[derive(Debug, Clone, Copy)]
pub struct Duties<'a> {
    /// The account that submitted, when it submitted on the person's behalf.
    pub entered_on_behalf_by: Option<&'a str>,
    /// The account that checked against the originals and locked.
    pub checked_by: Option<&'a str>,
}

/// Two steps of one review the same account may not both take (WF-2, WF-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DutyConflict {
    /// It entered the dossier on the person's behalf and now checks it.
    ChecksWhatItEntered,
    /// It checked the dossier against the originals and now signs it.
    SignsWhatItChecked,
}

impl DutyConflict {
    pub fn message(self) -> &'static str {
        match self {
            DutyConflict::ChecksWhatItEntered => {
                "Tài khoản đã nhập hồ sơ thay người lao động không tự kiểm tra, khóa hồ sơ đó; cần một cán bộ khác kiểm tra."
            }
            DutyConflict::SignsWhatItChecked => {
                "Tài khoản đã kiểm tra, khóa hồ sơ không tự ký duyệt hồ sơ đó; cần thủ trưởng hoặc người khác ký."
            }
        }
    }
}

/// Whether `actor` taking `action` on a review would do two of its steps, under the profile's
/// rule. Returning is never refused: anyone who may act may send the data back.
pub fn check_separation(
    actor: &Actor,
    duties: Duties<'_>,
    action: Action,
    rule: &SeparationOfDuties,
) -> Result<(), DutyConflict> {
    if !rule.is_enforced() {
        return Ok(());
    }
    let is_actor = |account: Option<&str>| account == Some(actor.account_id.as_str());
    match action {
        Action::Lock if is_actor(duties.entered_on_behalf_by) => Err(DutyConflict::ChecksWhatItEntered),
        Action::Sign(_) if is_actor(duties.checked_by) => Err(DutyConflict::SignsWhatItChecked),
        _ => Ok(()),
    }
}

/// Which monthly window a signature falls under (WF-6/7): Sở Nội vụ's for the second step;
/// for the head, a department or commune committee (a unit directly under the province) or a
/// unit below one.
pub fn signer_for(step: Step, scope: &Scope) -> Signer {
    match (step, scope) {
        (Step::HomeAffairs, _) => Signer::HomeAffairs,
        (Step::Head, Scope::Province) => Signer::DepartmentHead,
        (Step::Head, Scope::Subtree(path)) => {
            let depth = path.as_str().trim_matches('/').split('/').count();
            if depth <= 2 {
                Signer::DepartmentHead
            } else {
                Signer::SubordinateUnitHead
            }
        }
    }
}

/// When the step a review waits in is due (WF-1…4, WF-8), counted in working days from the
/// day it entered that state; a change is checked and approved within one period from its
/// submission (WF-4). Sở Nội vụ's step is due at the end of its monthly window.
pub fn due_date(
    profile: &RegulationProfile,
    calendar: &Calendar,
    kind: ReviewKind,
    state: ReviewState,
    entered: NaiveDate,
    submitted: NaiveDate,
) -> Option<NaiveDate> {
    let d = &profile.deadlines;
    match (state, kind) {
        (ReviewState::Submitted, ReviewKind::Initial) => {
            Some(calendar.add_working_days(entered, d.focal_check))
        }
        (ReviewState::Locked, ReviewKind::Initial) => {
            Some(calendar.add_working_days(entered, d.head_approval))
        }
        (ReviewState::Submitted | ReviewState::Locked, ReviewKind::Change) => {
            Some(calendar.add_working_days(submitted, d.change_approval))
        }
        (ReviewState::Signed, _) => {
            let window = profile.window_for(Signer::HomeAffairs)?.rule;
            let this = window.dates(entered.year(), entered.month(), calendar);
            if entered <= this.to {
                Some(this.to)
            } else {
                let next = this.to + chrono::Duration::days(31);
                Some(window.dates(next.year(), next.month(), calendar).to)
            }
        }
        (ReviewState::Returned, _) => Some(calendar.add_working_days(entered, d.change_record)),
        (ReviewState::Approved, _) => None,
    }
}

/// When a new employee's first entry is due (WF-1): working days after the dossier opened.
pub fn entry_due(profile: &RegulationProfile, calendar: &Calendar, opened: NaiveDate) -> NaiveDate {
    calendar.add_working_days(opened, profile.deadlines.employee_entry)
}

/// When a change must be recorded (WF-4): working days after the event it records.
pub fn change_record_due(profile: &RegulationProfile, calendar: &Calendar, event: NaiveDate) -> NaiveDate {
    calendar.add_working_days(event, profile.deadlines.change_record)
}

/// The sections of the dossier an update campaign may open, as the content's top-level keys,
/// with their names on the form.
pub const SECTIONS: &[(&str, &str)] = &[
    ("identity", "Thông tin cá nhân"),
    ("career", "Tuyển dụng, chức vụ, trình độ"),
    ("salary", "Ngạch, bậc lương, phụ cấp hiện hưởng"),
    ("health", "Sức khỏe"),
    ("training", "Đào tạo, bồi dưỡng"),
    ("work_history", "Quá trình công tác"),
    ("personal_history", "Lịch sử bản thân"),
    ("ratings", "Đánh giá, xếp loại"),
    ("rewards", "Khen thưởng"),
    ("discipline", "Kỷ luật"),
    ("family", "Quan hệ gia đình"),
    ("salary_history", "Quá trình lương"),
    ("allowance_history", "Quá trình phụ cấp"),
    ("income_assets", "Thu nhập, tài sản"),
    ("assessment", "Nhận xét, đánh giá"),
    ("contract", "Hợp đồng lao động"),
    ("photo_document_id", "Ảnh 4×6"),
];

/// The changed paths (`identity.phone`, `rewards[2].form`) outside the campaign's sections.
pub fn outside_sections<'a>(changed: impl IntoIterator<Item = &'a str>, sections: &[String]) -> Vec<String> {
    changed
        .into_iter()
        .filter(|path| {
            let top = path.split(['.', '[']).next().unwrap_or_default();
            !sections.iter().any(|s| s == top)
        })
        .map(str::to_owned)
        .collect()
}

/// Opening an update campaign: `update_dossiers` over the unit (the HR unit of the agency).
pub fn check_open_campaign(actor: &Actor, unit: &UnitPath) -> Decision {
    within_scope(actor, unit)?;
    require(actor, Right::UpdateDossiers)
}

#[cfg(test)]
mod tests;
