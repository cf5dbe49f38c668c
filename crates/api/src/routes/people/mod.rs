//! People: who is managed where (account management, recruitment), and each person's
//! employment category through time (ORG-2).

use hoso_api_types::golive::CategoryPeriodView;
use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_people;
pub mod get_person_categories;
pub mod post_person_category;

pub const TAG: &str = "people";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_people::get_people)
        .service(get_person_categories::get_person_categories)
        .service(post_person_category::post_person_category);
}

pub(crate) fn periods(
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
