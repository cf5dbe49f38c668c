//! People: who is managed where (account management, recruitment), and each person's
//! employment category through time (ORG-2).

pub mod create_person_category;
pub mod list_people;
pub mod list_person_categories;
pub use create_person_category::create_person_category;
pub use list_people::list_people;
pub use list_person_categories::list_person_categories;

use hoso_api_types::golive::CategoryPeriodView;

pub fn periods(
    conn: &mut hoso_store::DbConnection,
    person_id: &str,
) -> Result<Vec<CategoryPeriodView>, hoso_store::StoreError> {
    Ok(hoso_store::people::categories_of(conn, person_id)?
        .into_iter()
        .map(|p| CategoryPeriodView {
            category: p.category,
            contract_type: p.contract_type,
            contract_ends_on: p.contract_ends_on,
            valid_from: p.valid_from,
            valid_to: p.valid_to,
            decision_number: p.decision_number,
            decision_date: p.decision_date,
            decision_signer: p.decision_signer,
            decision_document_id: p.decision_document_id,
        })
        .collect())
}

/// A category period that begins on a decision (a recruitment or a change of category).
pub fn period_on_decision(
    category: hoso_domain::recruitment::Category,
    contract_type: Option<String>,
    contract_ends_on: Option<chrono::NaiveDate>,
    starts_on: chrono::NaiveDate,
    decision: &hoso_api_types::accounts::DecisionRef,
    document_id: &str,
    recorded_by: &str,
) -> hoso_store::people::CategoryPeriod {
    hoso_store::people::CategoryPeriod {
        category: category.as_str().into(),
        contract_type,
        contract_ends_on,
        valid_from: starts_on,
        valid_to: None,
        decision_number: Some(decision.number.clone()),
        decision_date: Some(decision.date),
        decision_signer: Some(decision.signer.clone()),
        decision_document_id: Some(document_id.to_owned()),
        recorded_by: Some(recorded_by.to_owned()),
    }
}
