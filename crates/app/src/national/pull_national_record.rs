use hoso_api_types::national::{NationalRecordRequest, NationalRecordView};
use hoso_domain::access::UnitPath;
use hoso_domain::transfer::{check_complete, TransferKind};
use hoso_store::national::{self as store, RecordRow};
use serde_json::Value;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Where the national database answers for one person.
fn person_path(citizen_id: &str) -> String {
    format!("/cbccvc/v1/people/{citizen_id}")
}

/// Reads an arriving person's record from the national database by citizen ID (TRF-3, DOS-5:
/// data the national database holds is not asked of the person again). Sở Nội vụ, who fulfils
/// the arrival, asks; the record is kept with the transfer, and fulfilling the arrival opens
/// the dossier with it as the first draft. The exchange goes to the message log; audited.
pub async fn pull_national_record(
    app: &std::sync::Arc<App>,
    session: Session,
    transfer_id: String,
    body: NationalRecordRequest,
) -> Result<NationalRecordView, AppError> {
    body.validate()?;
    let citizen_id = body.citizen_id.trim().to_owned();
    if citizen_id.len() != 12 || !citizen_id.chars().all(|c| c.is_ascii_digit()) {
        return Err(hoso_domain::FieldError::new(
            "citizen_id",
            "invalid_format",
            "Số căn cước công dân gồm đúng 12 chữ số.",
        )
        .into());
    }
    let connection = super::connection(app)?;
    let shared = app.clone();
    app.db(move |conn| {
        let app = &shared;
        let row = hoso_store::transfers::find(conn, &transfer_id)?.ok_or(AppError::NotFound)?;
        let kind = crate::transfers::kind_of(&row)?;
        let to_path = match &row.to_unit_id {
            Some(unit) => hoso_store::units::find(conn, unit)?
                .map(|u| UnitPath::parse(&u.path).map_err(AppError::Internal))
                .transpose()?,
            None => None,
        };
        let mut event = crate::transfers::event(&session, "national.record_pulled", &row);
        if let Err(denial) = check_complete(&session.actor, kind, to_path.as_ref()) {
            return Err(crate::audit::refuse(conn, event, denial));
        }
        if kind != TransferKind::Arrival || row.state != "pending" {
            return Err(AppError::Conflict {
                code: "invalid_state",
                message: "Chỉ tra cứu cơ sở dữ liệu quốc gia cho việc tiếp nhận từ ngoài tỉnh đang chờ hoàn tất."
                    .into(),
            });
        }
        super::consent::required(conn)?;
        let id = hoso_store::ids::new_id();
        let answer = super::read(conn, app, &connection, &person_path(&citizen_id), &id)?;
        match answer.status {
            200 => {}
            404 => {
                return Err(hoso_domain::FieldError::new(
                    "citizen_id",
                    "not_in_national_database",
                    "Cơ sở dữ liệu quốc gia không có người mang số căn cước này; hãy kiểm tra lại số hoặc nhập hồ sơ từ bản giấy.",
                )
                .into())
            }
            _ => return Err(super::refused_read(&answer)),
        }
        let text = |key: &str| answer.body.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
        let groups = answer.body.get("groups").cloned().unwrap_or(Value::Null);
        let (mut content, items) = hoso_domain::national::content_of_groups(&app.national.mapping, &groups);
        content["identity"]["citizen_id"] = Value::String(citizen_id.clone());
        let typed: hoso_domain::dossier::DossierContent = serde_json::from_value(content).map_err(|e| {
            AppError::Conflict {
                code: "national_record_unreadable",
                message: format!("Bản ghi của cơ sở dữ liệu quốc gia không khớp với mẫu hồ sơ: {e}"),
            }
        })?;
        let sealed = crate::dossiers::seal(&app.data_keys, &typed, &row.person_name);
        let record = RecordRow {
            id,
            transfer_id: row.id.clone(),
            dossier_id: None,
            citizen_id_hash: app.data_keys.lookup_hash(&citizen_id),
            national_identifier: text("national_identifier"),
            national_dossier_code: text("national_dossier_code"),
            province: text("province"),
            content: sealed.clear.clone(),
            sealed: sealed.sealed.clone(),
            items: serde_json::to_string(&items).expect("names serialise"),
            pulled_by: session.actor.account_id.clone(),
            pulled_at: app.clock.now_naive(),
        };
        if record.national_identifier.is_empty() {
            return Err(AppError::Conflict {
                code: "national_record_unreadable",
                message: "Bản ghi của cơ sở dữ liệu quốc gia không có mã định danh.".into(),
            });
        }
        conn.write_transaction(|conn| -> Result<(), AppError> {
            store::insert_record(conn, &record)?;
            event.details = Some(
                serde_json::json!({
                    "record_id": record.id, "national_identifier": record.national_identifier,
                    "province": record.province, "items": items.len(),
                })
                .to_string(),
            );
            crate::audit::record(conn, event)
        })?;
        let level = hoso_domain::dossier::protection::level_for(&session.actor, false);
        record_view(app, record, level)
    })
    .await
}

/// A kept national record as the reader may see it.
pub(crate) fn record_view(
    app: &App,
    record: RecordRow,
    level: hoso_domain::dossier::protection::RestrictionLevel,
) -> Result<NationalRecordView, AppError> {
    let whole = crate::dossiers::open_content(&app.data_keys, &record.content, record.sealed.as_deref())?;
    Ok(NationalRecordView {
        items: serde_json::from_str(&record.items).unwrap_or_default(),
        content: hoso_domain::dossier::protection::redact(&whole, level),
        id: record.id,
        transfer_id: record.transfer_id,
        dossier_id: record.dossier_id,
        national_identifier: record.national_identifier,
        national_dossier_code: record.national_dossier_code,
        province: record.province,
        pulled_at: crate::views::utc(record.pulled_at),
    })
}

/// Opens an arriving person's dossier with the national record as its first draft, keeping
/// the person's national identifier and dossier code (CTX-1): in the fulfilment's transaction.
pub(crate) fn open_dossier_from_record(
    conn: &mut hoso_store::DbConnection,
    session: &Session,
    person_id: &str,
    transfer: &hoso_store::transfers::TransferRow,
    record: &RecordRow,
) -> Result<String, AppError> {
    let clear: Value = serde_json::from_str(&record.content)
        .map_err(|e| AppError::Internal(format!("stored national record: {e}")))?;
    let name = clear
        .pointer("/identity/full_name")
        .and_then(Value::as_str)
        .unwrap_or(&transfer.person_name);
    let search_name = hoso_domain::dossier::search_name(name);
    let number = hoso_store::dossiers::next_number(conn)?;
    let dossier = hoso_store::dossiers::create(
        conn,
        person_id,
        &number,
        hoso_store::dossiers::StoredContent {
            content: &record.content,
            sealed: record.sealed.as_deref(),
            search_name: &search_name,
            sort_name: &hoso_domain::text::sort_key(name),
            citizen_id_hash: Some(&record.citizen_id_hash),
        },
        &session.actor.account_id,
    )?;
    hoso_store::dossiers::set_national_ids(
        conn,
        &dossier.id,
        Some(&record.national_identifier),
        Some(&record.national_dossier_code),
    )?;
    store::set_record_dossier(conn, &record.id, &dossier.id)?;
    let mut event = session.event("dossier.created");
    event.target_type = Some("dossier".into());
    event.target_id = Some(dossier.id.clone());
    event.subject_person_id = Some(person_id.to_owned());
    event.unit_id = transfer.to_unit_id.clone();
    event.details =
        Some(serde_json::json!({"dossier_number": number, "from_national_record": record.id}).to_string());
    crate::audit::record(conn, event)?;
    Ok(dossier.id)
}
