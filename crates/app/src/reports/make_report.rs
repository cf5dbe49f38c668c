use chrono::NaiveDate;
use hoso_api_types::reports::ReportView;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::export::FileFormat;
use crate::files::PageOrFile;
use crate::session::Session;
use crate::App;

#[derive(Debug, Deserialize, IntoParams)]
pub struct ReportQuery {
    /// The unit whose subtree is counted; the whole province when absent.
    pub unit_id: Option<String>,
    /// The day the figures stand on (default today): the tree, the placements and the dossier
    /// versions of that day. Not for `quota` and `update_status`.
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub as_of: Option<NaiveDate>,
    /// `json` (default), `csv`, `xlsx` or `pdf`.
    pub format: Option<String>,
}

/// One report, for a unit's subtree or the province, today or as of a past date (anyone but a
/// personal account), as JSON or as the file asked for.
pub async fn make_report(
    app: &App,
    session: Session,
    kind: String,
    query: ReportQuery,
) -> Result<PageOrFile<ReportView>, AppError> {
    super::require_report_reader(&session)?;
    let kind = super::kind(&kind)?;
    let format = FileFormat::parse(query.format.as_deref())?;
    if format.is_some() {
        crate::reports::require_exporter(&session)?;
    }
    let today = app.clock.today();
    let actor = session.actor.clone();
    let report = app
        .db(move |conn| {
            let request =
                super::ReportRequest::new(conn, kind, query.unit_id.as_deref(), query.as_of, today)?;
            let mut report = super::make(conn, &request, &mut |_, _| {})?;
            super::protect(
                &mut report,
                &actor,
                request.unit.as_ref().map(|u| u.path.as_str()),
            );
            Ok(report)
        })
        .await?;
    report_answer(report, format, &app.province_name)
}

/// The report as JSON, or as the file asked for.
pub fn report_answer(
    report: ReportView,
    format: Option<FileFormat>,
    province: &str,
) -> Result<PageOrFile<ReportView>, AppError> {
    Ok(match format {
        Some(format) => PageOrFile::File(report_file(&report, format, province)?),
        None => PageOrFile::Page(report),
    })
}

/// The report as a CSV, Excel or PDF file.
pub fn report_file(
    report: &ReportView,
    format: FileFormat,
    province: &str,
) -> Result<crate::files::File, AppError> {
    crate::files::table(
        &super::table(report, province),
        format,
        // Reports made before files were named by their title have no name of their own.
        &if report.file_name.is_empty() {
            format!("bao-cao-{}-{}", report.kind, report.as_of)
        } else {
            report.file_name.clone()
        },
    )
}
