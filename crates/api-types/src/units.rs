//! Organisation units as the other resources refer to them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::accounts::DecisionRef;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitView {
    pub id: String,
    pub code: String,
    pub name: String,
    /// e.g. `province`, `department`, `commune`, `public_service_unit`, `division`.
    pub kind: String,
    pub parent_id: Option<String>,
    /// Depth in the tree, 0 for the province.
    pub depth: u32,
    /// First day of the name and place shown.
    pub valid_from: NaiveDate,
    /// First day they no longer held; absent while they do.
    pub valid_to: Option<NaiveDate>,
}

/// A unit named in another resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitRef {
    pub id: String,
    pub name: String,
}

/// A person as lists show them (the dossier capability adds the dossier itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonSummary {
    pub id: String,
    pub full_name: String,
    pub unit: UnitRef,
    /// Whether the person already has their personal account (ACC-2).
    pub has_account: bool,
}

/// One period of a unit's name and place in the tree, and the event that began it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitVersionView {
    pub name: String,
    pub parent_id: Option<String>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    /// `create`, `rename`, `move`, `merge`, `split` or `dissolve`; absent for units loaded
    /// without an event (initial data).
    pub event: Option<String>,
    pub decision_number: Option<String>,
    pub reason: Option<String>,
}

/// A unit with its whole history (ORG-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitDetail {
    pub id: String,
    pub code: String,
    pub kind: String,
    /// Current (or last) name.
    pub name: String,
    pub parent_id: Option<String>,
    /// First day it no longer exists (dissolved or merged away).
    pub ended_on: Option<NaiveDate>,
    pub versions: Vec<UnitVersionView>,
    /// Units it was merged into.
    pub became: Vec<UnitRef>,
    /// Units merged into it.
    pub came_from: Vec<UnitRef>,
    /// People it manages now.
    pub staff: i64,
}

/// serde cannot refuse unknown fields beside a flattened struct (`deny_unknown_fields` does not
/// work with `flatten`), so a request carrying a [`TreeChange`] is read through a wire type that
/// also collects what is left over, and refused naming the first unknown field — as
/// `deny_unknown_fields` would, so the API answers it the same way (422 `unknown_field`).
macro_rules! with_tree_change {
    ($name:ident via $wire:ident { $($(#[$attr:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        #[derive(Deserialize)]
        struct $wire {
            $($(#[$attr])* $field: $ty,)*
            #[serde(flatten)]
            change: TreeChange,
            #[serde(flatten)]
            unknown: std::collections::BTreeMap<String, serde::de::IgnoredAny>,
        }

        impl TryFrom<$wire> for $name {
            type Error = String;

            fn try_from(wire: $wire) -> Result<Self, String> {
                if let Some(field) = wire.unknown.keys().next() {
                    return Err(format!("unknown field `{field}`"));
                }
                Ok($name {
                    $($field: wire.$field,)*
                    change: wire.change,
                })
            }
        }
    };
}

with_tree_change!(CreateUnitRequest via CreateUnitWire {
    code: String,
    name: String,
    kind: String,
    parent_id: String,
});
with_tree_change!(RenameUnitRequest via RenameUnitWire { name: String });
with_tree_change!(DissolveUnitRequest via DissolveUnitWire {});
with_tree_change!(MoveUnitRequest via MoveUnitWire { parent_id: String });
with_tree_change!(MergeRequest via MergeWire {
    source_ids: Vec<String>,
    target_id: Option<String>,
    new_target: Option<NewUnit>,
});
with_tree_change!(SplitRequest via SplitWire {
    source_id: String,
    targets: Vec<NewUnit>,
    #[serde(default)]
    person_assignments: Vec<Assignment>,
    #[serde(default)]
    others_to: Option<usize>,
    #[serde(default)]
    sub_unit_assignments: Vec<Assignment>,
});

/// The written basis of a change to the tree.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TreeChange {
    /// The day the change takes effect; not in the future, and after the unit's last change.
    #[serde(deserialize_with = "hoso_domain::dates::strict")]
    pub effective_date: NaiveDate,
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
    #[validate(nested)]
    pub decision: Option<DecisionRef>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "CreateUnitWire")]
pub struct CreateUnitRequest {
    #[validate(length(min = 1, max = 64, message = "Nhập mã đơn vị."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub code: String,
    #[validate(length(min = 1, max = 300, message = "Nhập tên đơn vị."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 300))]
    pub name: String,
    /// e.g. `department`, `commune`, `public_service_unit`, `division`, `fund`, `association`.
    #[validate(length(min = 1, max = 64, message = "Chọn loại đơn vị."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub kind: String,
    pub parent_id: String,
    #[serde(flatten)]
    #[validate(nested)]
    pub change: TreeChange,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "RenameUnitWire")]
pub struct RenameUnitRequest {
    #[validate(length(min = 1, max = 300, message = "Nhập tên mới."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 300))]
    pub name: String,
    #[serde(flatten)]
    #[validate(nested)]
    pub change: TreeChange,
}

/// Dissolve an empty unit: the change's date, reason and decision only.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "DissolveUnitWire")]
pub struct DissolveUnitRequest {
    #[serde(flatten)]
    #[validate(nested)]
    pub change: TreeChange,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "MoveUnitWire")]
pub struct MoveUnitRequest {
    pub parent_id: String,
    #[serde(flatten)]
    #[validate(nested)]
    pub change: TreeChange,
}

/// A new unit that receives a merge.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewUnit {
    #[validate(length(min = 1, max = 64, message = "Nhập mã đơn vị."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub code: String,
    #[validate(length(min = 1, max = 300, message = "Nhập tên đơn vị."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 300))]
    pub name: String,
    #[validate(length(min = 1, max = 64, message = "Chọn loại đơn vị."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub kind: String,
    pub parent_id: String,
}

/// Merge units into one (ORG-4): into an existing unit (`target_id`) or a new one
/// (`new_target`).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "MergeWire")]
pub struct MergeRequest {
    pub source_ids: Vec<String>,
    pub target_id: Option<String>,
    #[validate(nested)]
    pub new_target: Option<NewUnit>,
    #[serde(flatten)]
    #[validate(nested)]
    pub change: TreeChange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlannedMove {
    pub person_id: String,
    pub full_name: String,
    pub from_unit: UnitRef,
    /// Where they go (a new unit has no id until the change is confirmed).
    pub to_unit: UnitRef,
    /// The person's personal account follows them.
    pub has_account: bool,
}

/// Who and what a merge moves, before it is confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MergePlan {
    /// The receiving unit (for a new one, its name and no id yet).
    pub target: UnitRef,
    pub moves: Vec<PlannedMove>,
    /// Sub-units of the merged units that move, whole, under the target.
    pub moved_sub_units: Vec<UnitRef>,
    /// Units that end on the effective date.
    pub ended_units: Vec<UnitRef>,
}

/// One person or sub-unit given to a new unit of a split, by the new unit's index in `targets`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    pub id: String,
    pub target: usize,
}

/// Split a unit into new ones (ORG-4): every person and current sub-unit of it is assigned to
/// one of `targets`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "SplitWire")]
pub struct SplitRequest {
    pub source_id: String,
    #[validate(nested)]
    pub targets: Vec<NewUnit>,
    #[serde(default)]
    pub person_assignments: Vec<Assignment>,
    /// The new unit (index in `targets`) of everyone `person_assignments` does not name: a
    /// unit of hundreds is split by naming those who go elsewhere.
    #[serde(default)]
    pub others_to: Option<usize>,
    #[serde(default)]
    pub sub_unit_assignments: Vec<Assignment>,
    #[serde(flatten)]
    #[validate(nested)]
    pub change: TreeChange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlannedUnitMove {
    pub unit: UnitRef,
    pub to_unit: UnitRef,
}

/// Who and what a split moves, before it is confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SplitPlan {
    /// The unit that ends.
    pub source: UnitRef,
    /// The new units, in the order given.
    pub targets: Vec<UnitRef>,
    pub moves: Vec<PlannedMove>,
    pub sub_unit_moves: Vec<PlannedUnitMove>,
}

/// Numbers by employment category (ORG-2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCounts {
    /// Công chức.
    pub civil_servants: i64,
    /// Viên chức.
    pub public_employees: i64,
    /// Người lao động hợp đồng.
    pub contract_workers: i64,
}

/// Quota against headcount; `vacancies` is quota minus headcount (negative: over quota).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuotaComparison {
    pub quota: StaffCounts,
    pub headcount: StaffCounts,
    pub vacancies: StaffCounts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitQuotas {
    pub year: i32,
    /// The unit's own quota and the people it manages directly.
    pub unit: QuotaComparison,
    /// Summed over the unit and everything below it.
    pub subtree: QuotaComparison,
    /// Decision the unit's quota rests on.
    pub decision_number: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetQuotaRequest {
    #[validate(range(min = 0, max = 100000, message = "Số lượng không hợp lệ."))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000))]
    pub civil_servants: i64,
    #[validate(range(min = 0, max = 100000, message = "Số lượng không hợp lệ."))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000))]
    pub public_employees: i64,
    #[validate(range(min = 0, max = 100000, message = "Số lượng không hợp lệ."))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000))]
    pub contract_workers: i64,
    pub decision_number: Option<String>,
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
}

/// Group of a job position (Decree 62/2020, 106/2020).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PositionGroup {
    /// Lãnh đạo, quản lý.
    Leadership,
    /// Chuyên môn, nghiệp vụ.
    Professional,
    /// Chuyên môn dùng chung.
    SharedProfessional,
    /// Hỗ trợ, phục vụ.
    Support,
}

impl PositionGroup {
    pub fn as_str(self) -> &'static str {
        match self {
            PositionGroup::Leadership => "leadership",
            PositionGroup::Professional => "professional",
            PositionGroup::SharedProfessional => "shared_professional",
            PositionGroup::Support => "support",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonRef {
    pub id: String,
    pub full_name: String,
}

/// A job position of a unit (ORG-3) with who holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PositionView {
    pub id: String,
    pub unit_id: String,
    pub code: String,
    pub name: String,
    pub group: PositionGroup,
    /// Code of the grade or professional title it requires.
    pub required_grade: Option<String>,
    pub posts: i64,
    pub holders: Vec<PersonRef>,
    /// Posts minus holders (negative: more holders than posts).
    pub vacancies: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreatePositionRequest {
    #[validate(length(min = 1, max = 64, message = "Nhập mã vị trí việc làm."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub code: String,
    #[validate(length(min = 1, max = 300, message = "Nhập tên vị trí việc làm."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 300))]
    pub name: String,
    pub group: PositionGroup,
    pub required_grade: Option<String>,
    #[validate(range(min = 0, max = 10000, message = "Số lượng không hợp lệ."))]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10000))]
    pub posts: i64,
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AssignHolderRequest {
    pub person_id: String,
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
}
