//! The content of a dossier: every item of the personal-history form of Circular 06/2023 (items
//! 1–38; see `dossier-form.md`) and the labour contract of contract workers (Circular 05/2023,
//! Annex II). Catalogue items hold codes. Every field is optional so a draft can be saved as it
//! is filled in; what a complete dossier needs is `completeness::missing`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A whole dossier version or draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierContent {
    /// Header: the 4×6 photo (a stored document id).
    pub photo_document_id: Option<String>,
    pub identity: Identity,
    pub career: Career,
    pub salary: Salary,
    /// Item 31 (sensitive).
    pub health: Health,
    /// Items 32.1–32.6.
    pub training: Vec<TrainingRow>,
    /// Item 33.
    pub work_history: Vec<WorkRow>,
    /// Item 34.
    pub personal_history: PersonalHistory,
    /// Item 35: yearly ratings, rewards, discipline.
    pub ratings: Vec<RatingRow>,
    pub rewards: Vec<RewardRow>,
    pub discipline: Vec<DisciplineRow>,
    /// Item 36: own side and spouse's side.
    pub family: Vec<FamilyRow>,
    /// Item 37.1.
    pub salary_history: Vec<SalaryRow>,
    /// Item 37.2.
    pub allowance_history: Vec<AllowanceRow>,
    /// Item 37.3 (sensitive).
    pub income_assets: IncomeAssets,
    /// Item 38: the employing agency's assessment.
    pub assessment: Option<String>,
    /// Contract workers only (Circular 05/2023, Annex II).
    pub contract: Option<Contract>,
}

/// A place as the form records it (CTX-1, CTX-2): the province code (`provinces`, or
/// `former_provinces` for a place named before 1 July 2025), the commune as written at the
/// time, and the commune's code (`communes`): the commune itself under a current province, or
/// for a former place the commune it is now part of (the form's "nay là …").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Place {
    pub commune: Option<String>,
    pub province: Option<String>,
    /// `communes`: 5 digits, of `province` (or of the province a former one became).
    pub commune_code: Option<String>,
}

impl Place {
    pub fn is_empty(&self) -> bool {
        self.commune.is_none() && self.province.is_none() && self.commune_code.is_none()
    }
}

/// Items 1–12.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Identity {
    /// 1. Full birth name (printed in upper case).
    pub full_name: Option<String>,
    /// 1. `genders`.
    pub gender: Option<String>,
    /// 2.
    pub other_names: Option<String>,
    /// 3.
    pub birth_date: Option<NaiveDate>,
    /// 4.
    pub birth_place: Place,
    /// 5.
    pub hometown: Place,
    /// 6. `ethnicities`.
    pub ethnicity: Option<String>,
    /// 7. `religions`.
    pub religion: Option<String>,
    /// 8. Citizen ID, 12 digits (sensitive).
    pub citizen_id: Option<String>,
    /// 8. (sensitive)
    pub citizen_id_issued_on: Option<NaiveDate>,
    /// 8. (sensitive)
    pub phone: Option<String>,
    /// 9. (sensitive)
    pub social_insurance_number: Option<String>,
    /// 9. (sensitive)
    pub health_insurance_number: Option<String>,
    /// 10. House number and street (sensitive).
    pub residence: Option<String>,
    /// Item 10: the commune and province of the residence (sensitive; absent until entered,
    /// so versions approved before it existed read back unchanged).
    #[serde(skip_serializing_if = "Place::is_empty")]
    pub residence_place: Place,
    /// 11.
    pub family_background: Option<String>,
    /// 12.
    pub occupation_before_recruitment: Option<String>,
}

/// Items 13–29.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Career {
    /// 13.
    pub recruited_on: Option<NaiveDate>,
    pub recruiting_body: Option<String>,
    /// 14.
    pub joined_agency_on: Option<NaiveDate>,
    /// 15.
    pub party_joined_on: Option<NaiveDate>,
    pub party_official_on: Option<NaiveDate>,
    /// 16.
    pub socio_political_org_joined_on: Option<NaiveDate>,
    /// 17.
    pub military_enlisted_on: Option<NaiveDate>,
    pub military_discharged_on: Option<NaiveDate>,
    /// 17. `military_ranks`.
    pub military_rank: Option<String>,
    /// 18. `policy_beneficiaries`.
    pub policy_beneficiary: Option<String>,
    /// 19. `general_education`.
    pub general_education: Option<String>,
    /// 20. `qualifications`, and the field.
    pub qualification: Option<String>,
    pub qualification_field: Option<String>,
    /// 21. `academic_titles`.
    pub academic_title: Option<String>,
    pub academic_title_year: Option<i32>,
    /// 22. `state_honours`.
    pub state_honour: Option<String>,
    /// 23. `leadership_positions`.
    pub position: Option<String>,
    pub position_appointed_on: Option<NaiveDate>,
    pub position_reappointed_on: Option<NaiveDate>,
    /// 24.
    pub planned_position: Option<String>,
    /// 25.
    pub concurrent_positions: Option<String>,
    /// 26. `party_positions`.
    pub party_position: Option<String>,
    /// 27.
    pub concurrent_party_position: Option<String>,
    /// 28.
    pub main_duties: Option<String>,
    /// 29.
    pub strengths: Option<String>,
    pub longest_job: Option<String>,
}

/// Item 30.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Salary {
    /// 30.1 `grades` or `professional_titles`.
    pub grade: Option<String>,
    pub grade_appointed_on: Option<NaiveDate>,
    /// 30.1 step (bậc), from 1.
    pub step: Option<u32>,
    /// 30.1 coefficient in hundredths (234 = 2,34); must be the grade's scale at that step.
    pub coefficient: Option<u32>,
    pub effective_on: Option<NaiveDate>,
    /// 30.1 percentage of the step's pay received (85 during probation), default 100.
    pub percent_received: Option<u32>,
    /// 30.1 beyond-frame seniority (vượt khung), percent, and since when.
    pub beyond_frame_percent: Option<u32>,
    pub beyond_frame_on: Option<NaiveDate>,
    /// 30.2 current allowances.
    pub allowances: Vec<CurrentAllowance>,
    /// 30.3 job position code and its pay by amount.
    pub job_position: Option<String>,
    pub job_position_pay: Option<i64>,
    pub job_position_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CurrentAllowance {
    /// `allowances`.
    pub kind: Option<String>,
    /// Coefficient in hundredths, or a percentage, as the allowance is expressed.
    pub coefficient: Option<u32>,
    pub percent: Option<u32>,
    pub since: Option<NaiveDate>,
}

/// Item 31 (sensitive). Named `DossierHealth` in the OpenAPI document, apart from the `Health`
/// of `GET /health`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = DossierHealth))]
pub struct Health {
    pub status: Option<String>,
    pub height_cm: Option<u32>,
    pub weight_kg: Option<u32>,
    /// `blood_groups`.
    pub blood_group: Option<String>,
}

/// The six kinds of training of item 32.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum TrainingKind {
    /// 32.1 (intermediate and above); level from `qualifications`.
    #[default]
    Professional,
    /// 32.2; level from `political_theory`.
    PoliticalTheory,
    /// 32.3; level from `state_management`.
    StateManagement,
    /// 32.4; level from `defence_security`.
    DefenceSecurity,
    /// 32.5; level from `it_levels`.
    InformationTechnology,
    /// 32.6; `language` from `languages`, level from `language_levels`.
    Language,
}

impl TrainingKind {
    /// The catalogue the row's `level` comes from.
    pub fn level_catalog(self) -> &'static str {
        match self {
            TrainingKind::Professional => "qualifications",
            TrainingKind::PoliticalTheory => "political_theory",
            TrainingKind::StateManagement => "state_management",
            TrainingKind::DefenceSecurity => "defence_security",
            TrainingKind::InformationTechnology => "it_levels",
            TrainingKind::Language => "language_levels",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrainingRow {
    pub kind: TrainingKind,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub institution: Option<String>,
    pub field: Option<String>,
    /// `training_modes`.
    pub mode: Option<String>,
    /// Degree or level, from the catalogue of the kind.
    pub level: Option<String>,
    /// Languages only: `languages`.
    pub language: Option<String>,
    /// Score or certificate, as written.
    pub score: Option<String>,
}

/// Item 33.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkRow {
    pub from: Option<NaiveDate>,
    /// Absent for the current job.
    pub to: Option<NaiveDate>,
    pub unit: Option<String>,
    pub title: Option<String>,
}

/// Item 34.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonalHistory {
    pub arrests: Option<String>,
    pub former_regime_service: Option<String>,
    pub foreign_organisations: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingRow {
    pub year: Option<i32>,
    /// `ratings`.
    pub rating: Option<String>,
    /// `emulation_titles`.
    pub emulation_title: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RewardRow {
    pub decided_on: Option<NaiveDate>,
    /// `reward_forms`.
    pub form: Option<String>,
    pub level: Option<String>,
    pub decision: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DisciplineRow {
    pub decided_on: Option<NaiveDate>,
    /// `discipline_forms`.
    pub form: Option<String>,
    pub violation: Option<String>,
    pub deciding_body: Option<String>,
    pub decision: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FamilySide {
    #[default]
    Own,
    Spouse,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyRow {
    pub side: FamilySide,
    /// `family_relations`.
    pub relation: Option<String>,
    pub full_name: Option<String>,
    pub birth_year: Option<i32>,
    pub hometown: Option<String>,
    pub occupation: Option<String>,
    pub workplace: Option<String>,
    pub residence: Option<String>,
}

/// Item 37.1.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SalaryRow {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// `grades` or `professional_titles`.
    pub grade: Option<String>,
    pub step: Option<u32>,
    /// Hundredths.
    pub coefficient: Option<u32>,
    pub job_position_pay: Option<i64>,
}

/// Item 37.2.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AllowanceRow {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// `allowances`.
    pub kind: Option<String>,
    pub coefficient: Option<u32>,
    pub percent: Option<u32>,
}

/// Item 37.3 (sensitive).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IncomeAssets {
    pub salary_income: Option<String>,
    pub other_income: Option<String>,
    pub housing: Option<String>,
    pub land: Option<String>,
}

/// A contract worker's labour contract (Circular 05/2023, Annex II).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contract {
    pub number: Option<String>,
    /// `contract_types`.
    pub kind: Option<String>,
    pub term_months: Option<u32>,
    pub signed_on: Option<NaiveDate>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub job: Option<String>,
    pub workplace: Option<String>,
    pub working_hours: Option<String>,
    pub pay: Option<String>,
    pub allowances: Option<String>,
    pub insurance: Option<String>,
    pub employer_signatory: Option<String>,
    pub renewals: Vec<ContractRenewal>,
    pub termination: Option<ContractTermination>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContractRenewal {
    pub number: Option<String>,
    pub signed_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContractTermination {
    pub on: Option<NaiveDate>,
    pub reason: Option<String>,
    pub decision: Option<String>,
}
