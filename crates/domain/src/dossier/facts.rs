//! The facts of an approved dossier that searches and reports filter and count by (USE-1…4),
//! taken out of the content into columns so that a query over hundreds of thousands of
//! dossiers uses indexes instead of reading JSON. Only fields every reader may see: nothing of
//! `protection::SENSITIVE_FIELDS`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::content::{DossierContent, TrainingKind};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    pub gender: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub ethnicity: Option<String>,
    pub religion: Option<String>,
    /// Grade or professional title.
    pub grade: Option<String>,
    pub salary_step: Option<i32>,
    /// In hundredths (434 = 4.34).
    pub coefficient: Option<i32>,
    pub job_position: Option<String>,
    pub position: Option<String>,
    pub general_education: Option<String>,
    pub qualification: Option<String>,
    /// The level of the latest completed training of that kind.
    pub political_theory: Option<String>,
    pub state_management: Option<String>,
    /// Language codes, space-separated (`en fr`).
    pub languages: Option<String>,
    pub party_member: bool,
    pub latest_rating: Option<String>,
    pub latest_rating_year: Option<i32>,
    pub recruited_on: Option<NaiveDate>,
    pub position_appointed_on: Option<NaiveDate>,
    /// Whether any reward, and any discipline, is recorded.
    pub has_reward: bool,
    pub has_discipline: bool,
    /// Since when the current salary step is held (30.1), for the step-raise list.
    pub step_since: Option<NaiveDate>,
    /// Beyond-frame seniority held now (percent) and since when.
    pub beyond_frame_percent: Option<i32>,
    pub beyond_frame_since: Option<NaiveDate>,
    /// The end of the labour contract in force (the latest renewal's); none when indefinite
    /// or terminated.
    pub contract_ends_on: Option<NaiveDate>,
}

impl Facts {
    pub fn of(content: &DossierContent) -> Facts {
        let latest_level = |kind: TrainingKind| {
            content
                .training
                .iter()
                .filter(|t| t.kind == kind && t.level.is_some())
                .max_by_key(|t| t.to)
                .and_then(|t| t.level.clone())
        };
        let mut languages: Vec<String> = content
            .training
            .iter()
            .filter(|t| t.kind == TrainingKind::Language)
            .filter_map(|t| t.language.clone())
            .collect();
        languages.sort();
        languages.dedup();
        let latest_rating = content
            .ratings
            .iter()
            .filter(|r| r.rating.is_some())
            .max_by_key(|r| r.year);
        Facts {
            gender: content.identity.gender.clone(),
            birth_date: content.identity.birth_date,
            ethnicity: content.identity.ethnicity.clone(),
            religion: content.identity.religion.clone(),
            grade: content.salary.grade.clone(),
            salary_step: content.salary.step.map(|s| s as i32),
            coefficient: content.salary.coefficient.map(|c| c as i32),
            job_position: content.salary.job_position.clone(),
            position: content.career.position.clone(),
            general_education: content.career.general_education.clone(),
            qualification: content.career.qualification.clone(),
            political_theory: latest_level(TrainingKind::PoliticalTheory),
            state_management: latest_level(TrainingKind::StateManagement),
            languages: (!languages.is_empty()).then(|| languages.join(" ")),
            party_member: content.career.party_joined_on.is_some(),
            latest_rating: latest_rating.and_then(|r| r.rating.clone()),
            latest_rating_year: latest_rating.and_then(|r| r.year),
            recruited_on: content.career.recruited_on,
            position_appointed_on: content.career.position_appointed_on,
            has_reward: !content.rewards.is_empty(),
            has_discipline: !content.discipline.is_empty(),
            step_since: content.salary.effective_on,
            beyond_frame_percent: content.salary.beyond_frame_percent.map(|p| p as i32),
            beyond_frame_since: content.salary.beyond_frame_on,
            contract_ends_on: content.contract.as_ref().and_then(|c| {
                if c.termination.as_ref().is_some_and(|t| t.on.is_some()) {
                    return None;
                }
                c.renewals.iter().filter_map(|r| r.ends_on).chain(c.ends_on).max()
            }),
        }
    }
}
