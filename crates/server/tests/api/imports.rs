//! Imports from Excel (issue #15; ORG-1, DOS-1, DOS-5, USE-1): a generated workbook of a few
//! hundred people imported on each database, then again unchanged (nothing changes) and
//! corrected (only the corrected people change, as drafts); bad files refused or marked cell by
//! cell with nothing stored; rights.

use std::io::{Cursor, Read, Write};

use actix_web::body::MessageBody;
use actix_web::dev::ServiceResponse;
use actix_web::test as actix_test;
use calamine::{Data, Reader, Xlsx};
use hoso_domain::import::{CellInput, ImportKind, Sheet};
use hoso_store::testing::backends;
use serde_json::{json, Value};

use crate::support::{assert_error_body, call, post_bytes, token_of, TestContext};

type Rows = Vec<(Sheet, Vec<CellInput>)>;

fn workbook(rows: &Rows) -> Vec<u8> {
    let catalogs =
        hoso_domain::dossier::validation::CatalogIndex::from_files(hoso_domain::catalog::shipped());
    hoso_app::imports::sheets::filled(ImportKind::Staff, &catalogs, rows).unwrap()
}

/// Uploads a workbook for a dry run; the answer's status and body.
pub async fn post_import<S, B>(app: &S, token: &str, file_name: &str, bytes: Vec<u8>) -> (u16, Value)
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let uri = format!("/api/v1/imports?kind=staff&file_name={file_name}");
    post_bytes(app, token, &uri, hoso_app::imports::sheets::XLSX, bytes).await
}

async fn download<S, B>(app: &S, token: &str, uri: &str) -> Vec<u8>
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let (status, _, bytes) = crate::support::get_file(app, token, uri).await;
    assert_eq!(status, 200, "GET {uri}");
    bytes
}

/// Commits and waits for the commit to end; the import as it ended.
async fn commit<S, B>(app: &S, token: &str, id: &str, body: Value) -> Value
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let (status, started) = call(
        app,
        "POST",
        &format!("/api/v1/imports/{id}/commit"),
        Some(token),
        Some(body),
    )
    .await;
    assert_eq!(status, 202, "{started}");
    assert_eq!(started["status"], "committing");
    let (status, ended) = call(
        app,
        "GET",
        &format!("/api/v1/imports/{id}?wait=true"),
        Some(token),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(ended["status"], "committed", "{ended}");
    ended
}

fn count(ctx: &TestContext, table: &str) -> i64 {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
        .get_result::<Count>(&mut ctx.db.connect())
        .unwrap()
        .n
}

fn citizen_of(rows: &Rows, person: usize) -> String {
    let people: Vec<&Vec<CellInput>> = rows
        .iter()
        .filter(|(s, _)| *s == Sheet::People)
        .map(|(_, c)| c)
        .collect();
    match &people[person][0] {
        CellInput::Text(t) => t.clone(),
        other => panic!("citizen ID cell {other:?}"),
    }
}

/// The people-sheet cell of `person` under the column `key`.
fn people_cell<'a>(rows: &'a mut Rows, person: usize, key: &str) -> &'a mut CellInput {
    let column = ImportKind::Staff.sheets()[0].column(key).unwrap();
    let (_, cells) = rows
        .iter_mut()
        .filter(|(s, _)| *s == Sheet::People)
        .nth(person)
        .unwrap();
    &mut cells[column]
}

fn dossier_of(ctx: &TestContext, citizen_id: &str) -> String {
    let keys = hoso_app::sealing::DataKeys::parse(crate::support::TEST_DATA_KEYS).unwrap();
    hoso_store::dossiers::find_by_citizen_hash(&mut ctx.db.connect(), &keys.lookup_hash(citizen_id))
        .unwrap()
        .expect("imported")
}

async fn draft_of<S, B>(app: &S, token: &str, citizen_id: &str, ctx: &TestContext) -> Value
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let id = dossier_of(ctx, citizen_id);
    let (status, draft) = call(
        app,
        "GET",
        &format!("/api/v1/dossiers/{id}/draft"),
        Some(token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{draft}");
    draft
}

#[actix_web::test]
async fn a_workbook_is_imported_once_reimported_unchanged_and_corrected_as_drafts() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let agency = token_of(&app, "sogddt").await;
        // The template: the sheets of the form in order, the hidden lists, the instructions.
        let template = download(&app, &agency, "/api/v1/imports/templates/staff").await;
        let book: Xlsx<_> = Xlsx::new(Cursor::new(template)).unwrap();
        let names = book.sheet_names();
        assert_eq!(names[0], "Nhân sự");
        assert!(names.contains(&"Đào tạo, bồi dưỡng".to_owned()) && names.contains(&"Danh mục".to_owned()));

        let mut rows = hoso_app::seed::staff_rows(&hoso_app::seed::demo_schools(), 240, 15);
        let dossiers_before = count(&ctx, "dossiers");
        let (status, checked) = post_import(&app, &agency, "nhan-su.xlsx", workbook(&rows)).await;
        assert_eq!(status, 201, "{backend}: {checked}");
        assert_eq!(checked["issue_count"], 0, "{backend}: {}", checked["issues"]);
        assert_eq!(
            checked["dry_run"],
            json!({"new": 240, "updated": 0, "unchanged": 0, "refused": 0})
        );
        assert_eq!(
            count(&ctx, "dossiers"),
            dossiers_before,
            "{backend}: a dry run writes nothing"
        );

        let id = checked["id"].as_str().unwrap();
        let ended = commit(&app, &agency, id, json!({})).await;
        assert_eq!(
            ended["committed"],
            json!({"new": 240, "updated": 0, "unchanged": 0, "refused": 0})
        );
        assert_eq!(
            (ended["progress_done"].as_i64(), ended["progress_total"].as_i64()),
            (Some(240), Some(240))
        );
        assert_eq!(count(&ctx, "dossiers"), dossiers_before + 240);
        // A second commit of the same import is refused.
        let (status, again) = call(
            &app,
            "POST",
            &format!("/api/v1/imports/{id}/commit"),
            Some(&agency),
            Some(json!({})),
        )
        .await;
        assert_eq!(status, 409);
        assert_error_body(&again, "import_not_checked");

        // What was imported is in the drafts: identity, placement, sections.
        let first = citizen_of(&rows, 0);
        let admin = token_of(&app, "quantri").await;
        let draft = draft_of(&app, &admin, &first, &ctx).await;
        assert_eq!(draft["content"]["identity"]["citizen_id"], first.as_str());
        assert!(
            !draft["content"]["training"].as_array().unwrap().is_empty(),
            "{draft}"
        );
        let revision = draft["revision"].clone();

        // The same file again: nothing changes.
        let (_, same) = post_import(&app, &agency, "nhan-su.xlsx", workbook(&rows)).await;
        assert_eq!(
            same["dry_run"],
            json!({"new": 0, "updated": 0, "unchanged": 240, "refused": 0}),
            "{same}"
        );
        let ended = commit(&app, &agency, same["id"].as_str().unwrap(), json!({})).await;
        assert_eq!(ended["committed"]["unchanged"], 240);
        assert_eq!(
            count(&ctx, "dossiers"),
            dossiers_before + 240,
            "{backend}: no second dossier"
        );
        assert_eq!(draft_of(&app, &admin, &first, &ctx).await["revision"], revision);

        // Corrected: two people's field of study, one name typed with combining marks (the same
        // name), so two people change; their drafts are updated, nobody else's. A phone number
        // is a restricted field this agency may not see: changing it is refused, on its cell.
        *people_cell(&mut rows, 0, "career.qualification_field") = CellInput::Text("Sư phạm Toán".into());
        *people_cell(&mut rows, 5, "career.qualification_field") = CellInput::Text("Sư phạm Ngữ văn".into());
        *people_cell(&mut rows, 9, "identity.phone") = CellInput::Text("0912000999".into());
        if let CellInput::Text(name) = people_cell(&mut rows, 7, "identity.full_name") {
            use unicode_normalization::UnicodeNormalization;
            let decomposed: String = name.nfd().collect();
            assert_ne!(&decomposed, name, "the generated name has marks");
            *name = decomposed;
        }
        let (_, corrected) = post_import(&app, &agency, "nhan-su-sua.xlsx", workbook(&rows)).await;
        assert_eq!(
            corrected["dry_run"],
            json!({"new": 0, "updated": 2, "unchanged": 237, "refused": 1}),
            "{corrected}"
        );
        let restricted = &corrected["issues"][0];
        assert_eq!(
            (
                restricted["code"].as_str(),
                restricted["column"].as_str(),
                restricted["row"].as_u64()
            ),
            (Some("restricted_field"), Some("M"), Some(11))
        );
        let ended = commit(
            &app,
            &agency,
            corrected["id"].as_str().unwrap(),
            json!({"valid_only": true}),
        )
        .await;
        assert_eq!(ended["committed"]["updated"], 2);
        let draft = draft_of(&app, &admin, &first, &ctx).await;
        assert_eq!(draft["content"]["career"]["qualification_field"], "Sư phạm Toán");
        assert_eq!(draft["revision"].as_i64(), revision.as_i64().map(|r| r + 1));
        assert_eq!(draft["status"].as_str().unwrap_or("draft"), "draft");
        let untouched = draft_of(&app, &admin, &citizen_of(&rows, 9), &ctx).await;
        assert_ne!(untouched["content"]["identity"]["phone"], "0912000999");

        // Round trip: Sở Nội vụ exports the schools' people into the template; imported again,
        // nothing changes.
        let exported = download(&app, &admin, "/api/v1/search/workbook?drafts=true").await;
        let (status, again) = post_import(&app, &admin, "xuat-ra.xlsx", exported).await;
        assert_eq!(status, 201, "{again}");
        assert_eq!(again["dry_run"]["new"], 0, "{backend}: {again}");
        assert_eq!(again["dry_run"]["updated"], 0, "{backend}: {}", again["issues"]);
        assert!(again["dry_run"]["unchanged"].as_i64().unwrap() >= 240, "{again}");
        // The agency may not export restricted fields.
        let (status, _) = call(
            &app,
            "GET",
            "/api/v1/search/workbook?drafts=true",
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(status, 403);
        // The provenance of each write is in the trail: 240 new, then 2 updated.
        assert_eq!(
            count(&ctx, "audit_events WHERE action = 'dossier.imported'"),
            242,
            "{backend}"
        );
        assert_eq!(
            count(
                &ctx,
                "audit_events WHERE action = 'dossier.imported' AND details LIKE '%nhan-su-sua.xlsx%'"
            ),
            2
        );
    }
}

/// The sheet «Lỗi» of a marked workbook: (sheet, row, column, code) of each issue.
fn listed_issues(marked: &[u8]) -> Vec<(String, u32, String, String)> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(marked.to_vec())).unwrap();
    let range = book.worksheet_range("Lỗi").unwrap();
    range
        .rows()
        .skip(1)
        .map(|r| {
            let text = |i: usize| r[i].to_string();
            let row = match &r[1] {
                Data::Float(f) => *f as u32,
                Data::Int(n) => *n as u32,
                other => panic!("row {other:?}"),
            };
            (text(0), row, text(2), text(4))
        })
        .collect()
}

/// The notes the marked workbook puts on cells: (cell reference, text) from its comments parts.
fn notes(marked: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(marked.to_vec())).unwrap();
    let mut all = String::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        if entry.name().contains("comments") {
            entry.read_to_string(&mut all).unwrap();
        }
    }
    all
}

#[actix_web::test]
async fn bad_cells_are_marked_where_they_are_and_nothing_is_written() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let agency = token_of(&app, "sogddt").await;
        let mut rows = hoso_app::seed::staff_rows(&hoso_app::seed::demo_schools(), 12, 7);
        *people_cell(&mut rows, 1, "identity.birth_date") = CellInput::Text("30/02/1990".into());
        *people_cell(&mut rows, 2, "salary.grade") = CellInput::Text("V.99.99.99".into());
        *people_cell(&mut rows, 3, "citizen_id") = CellInput::Text("03419000123".into());
        let twice = citizen_of(&rows, 4);
        *people_cell(&mut rows, 5, "citizen_id") = CellInput::Text(twice.clone());
        // A unit of another agency (Sở Y tế's), and one that does not exist.
        *people_cell(&mut rows, 6, "placement.unit") = CellInput::Text("HY.SYT".into());
        *people_cell(&mut rows, 7, "placement.unit") = CellInput::Text("HY.KHONGCO".into());
        let dossiers_before = count(&ctx, "dossiers");
        let (status, checked) = post_import(&app, &agency, "co-loi.xlsx", workbook(&rows)).await;
        assert_eq!(status, 201, "{checked}");
        assert_eq!(
            checked["dry_run"]["refused"], 7,
            "{backend}: {}",
            checked["issues"]
        );
        assert_eq!(checked["dry_run"]["new"], 5);
        let issues: Vec<(u32, String, String)> = checked["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["row"].as_u64().unwrap() as u32,
                    i["column"].as_str().unwrap().to_owned(),
                    i["code"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        // Row numbers are Excel's: the header is row 1, person 1 is row 3.
        for expected in [
            (3, "E", "invalid_date"),
            (4, "AD", "unknown_code"),
            (5, "A", "invalid_citizen_id"),
            (6, "A", "duplicate_in_file"),
            (7, "A", "duplicate_in_file"),
            (8, "P", "unit_out_of_scope"),
            (9, "P", "unknown_unit"),
        ] {
            assert!(
                issues.contains(&(expected.0, expected.1.to_owned(), expected.2.to_owned())),
                "{backend}: {expected:?} not in {issues:?}"
            );
        }
        // Without "valid only" it cannot be committed; nothing was written.
        let id = checked["id"].as_str().unwrap();
        let (status, refused) = call(
            &app,
            "POST",
            &format!("/api/v1/imports/{id}/commit"),
            Some(&agency),
            Some(json!({})),
        )
        .await;
        assert_eq!(status, 409);
        assert_error_body(&refused, "import_has_errors");
        assert_eq!(count(&ctx, "dossiers"), dossiers_before);

        // The workbook handed back: the marks on the right cells, the list of issues.
        let marked = download(&app, &agency, &format!("/api/v1/imports/{id}/marked")).await;
        let listed = listed_issues(&marked);
        assert!(
            listed.contains(&("Nhân sự".into(), 3, "E".into(), "invalid_date".into())),
            "{listed:?}"
        );
        assert_eq!(listed.len(), issues.len());
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(marked.clone())).unwrap();
        let people = book.worksheet_range("Nhân sự").unwrap();
        assert_eq!(
            people.get_value((2, 4)).map(|v| v.to_string()),
            Some("30/02/1990".into()),
            "the cell as the user wrote it"
        );
        let notes = notes(&marked);
        assert!(
            notes.contains("ref=\"E3\"") && notes.contains("không có thật"),
            "{notes}"
        );

        // "Valid only": the five good people are written, the others not at all.
        let ended = commit(&app, &agency, id, json!({"valid_only": true})).await;
        assert_eq!(ended["committed"]["new"], 5, "{ended}");
        assert_eq!(count(&ctx, "dossiers"), dossiers_before + 5);
    }
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[actix_web::test]
async fn files_that_are_no_import_are_refused_and_nothing_is_stored() {
    use rust_xlsxwriter::{Formula, Workbook};
    let ctx = TestContext::new(hoso_store::Backend::Sqlite).with_demo();
    let app = ctx.app().await;
    let agency = token_of(&app, "sogddt").await;
    let headers = ImportKind::Staff.sheets()[0].columns;
    let sheet_with = |edit: &dyn Fn(&mut rust_xlsxwriter::Worksheet)| {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("Nhân sự").unwrap();
        for (c, column) in headers.iter().enumerate() {
            sheet.write_string(0, c as u16, column.header).unwrap();
        }
        edit(sheet);
        book.save_to_buffer().unwrap()
    };
    let zeros = vec![0u8; 8 * 1024 * 1024];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "empty_file"),
        ("a PDF renamed", crate::support::pdf("QĐ"), "not_a_workbook"),
        (
            "a zip that is no workbook",
            zip_of(&[("a.txt", b"hello")]),
            "not_a_workbook",
        ),
        (
            "a zip bomb",
            zip_of(&[("xl/worksheets/sheet1.xml", &zeros)]),
            "workbook_too_large",
        ),
        (
            "a million columns",
            sheet_with(&|s| {
                s.write_string(1, 16_000, "x").unwrap();
            }),
            "too_many_columns",
        ),
        (
            "merged header cells",
            sheet_with(&|s| {
                s.merge_range(0, 0, 0, 1, "Thông tin", &rust_xlsxwriter::Format::new())
                    .unwrap();
            }),
            "merged_header",
        ),
        (
            "a required column missing",
            {
                let mut book = Workbook::new();
                book.add_worksheet()
                    .set_name("Nhân sự")
                    .unwrap()
                    .write_string(0, 0, "Họ và tên")
                    .unwrap();
                book.save_to_buffer().unwrap()
            },
            "missing_column",
        ),
    ];
    let imports_before = count(&ctx, "imports");
    let documents_before = count(&ctx, "documents");
    for (what, bytes, code) in cases {
        let (status, body) = post_import(&app, &agency, "tep.xlsx", bytes).await;
        assert_eq!(status, 422, "{what}: {body}");
        assert_eq!(body["details"]["fields"][0]["field"], "file", "{what}: {body}");
        assert_eq!(body["details"]["fields"][0]["code"], code, "{what}: {body}");
    }
    assert_eq!(count(&ctx, "imports"), imports_before, "nothing stored");
    assert_eq!(count(&ctx, "documents"), documents_before);

    // A formula is marked on its cell.
    let with_formula = sheet_with(&|s| {
        s.write_string(1, 0, "034190001234").unwrap();
        s.write_formula(1, 4, Formula::new("=DATE(1990,1,1)")).unwrap();
    });
    let (status, checked) = post_import(&app, &agency, "cong-thuc.xlsx", with_formula).await;
    assert_eq!(status, 201, "{checked}");
    let issues = checked["issues"].as_array().unwrap();
    assert!(
        issues
            .iter()
            .any(|i| i["code"] == "formula_cell" && i["row"] == 2 && i["column"] == "E"),
        "{issues:?}"
    );
}

#[actix_web::test]
async fn only_accounts_that_may_open_dossiers_import_and_each_sees_their_own() {
    let ctx = TestContext::new(hoso_store::Backend::Sqlite).with_demo();
    let app = ctx.app().await;
    let agency = token_of(&app, "sogddt").await;
    let other = token_of(&app, "syte").await;
    let admin = token_of(&app, "quantri").await;
    let personal = token_of(&app, "nguyenvanan").await;
    let rows = hoso_app::seed::staff_rows(&hoso_app::seed::demo_schools(), 3, 3);
    for token in [&personal] {
        let (status, _) = call(&app, "GET", "/api/v1/imports/templates/staff", Some(token), None).await;
        assert_eq!(status, 403);
        let (status, _) = post_import(&app, token, "x.xlsx", workbook(&rows)).await;
        assert_eq!(status, 403);
    }
    let (status, _) = call(&app, "GET", "/api/v1/imports/templates/staff", None, None).await;
    assert_eq!(status, 401);
    let (status, body) = call(
        &app,
        "GET",
        "/api/v1/imports/templates/units-and-more",
        Some(&agency),
        None,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["details"]["fields"][0]["code"], "invalid_choice", "{body}");
    let (_, checked) = post_import(&app, &agency, "x.xlsx", workbook(&rows)).await;
    let id = checked["id"].as_str().unwrap();
    // Another agency does not see it; Sở Nội vụ does.
    let (status, _) = call(&app, "GET", &format!("/api/v1/imports/{id}"), Some(&other), None).await;
    assert_eq!(status, 404);
    let (status, _) = call(
        &app,
        "POST",
        &format!("/api/v1/imports/{id}/commit"),
        Some(&other),
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = call(&app, "GET", &format!("/api/v1/imports/{id}"), Some(&admin), None).await;
    assert_eq!(status, 200);
    let (_, listed) = call(&app, "GET", "/api/v1/imports", Some(&other), None).await;
    assert!(listed.as_array().unwrap().is_empty());
    // Only Sở Nội vụ marks dossiers as migrated.
    let (status, body) = call(
        &app,
        "POST",
        &format!("/api/v1/imports/{id}/commit"),
        Some(&agency),
        Some(json!({"migrated": true})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["details"]["fields"][0]["field"], "migrated");
    // The import is in the trail with its counts.
    assert_eq!(
        count(
            &ctx,
            "audit_events WHERE action = 'import.checked' AND details LIKE '%\"new\":3%'"
        ),
        1
    );
}

fn units_workbook(rows: &[[&str; 5]]) -> Vec<u8> {
    use rust_xlsxwriter::Workbook;
    let spec = &ImportKind::Units.sheets()[0];
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(spec.name).unwrap();
    for (c, column) in spec.columns.iter().enumerate() {
        sheet.write_string(0, c as u16, column.header).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, *value).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

/// The organisation tree from a sheet (ORG-1): Sở Nội vụ imports units under existing ones and
/// under units created on earlier rows; an existing code is unchanged when it says the same and
/// refused when it does not; an agency may not create units; a second import changes nothing.
#[actix_web::test]
async fn the_organisation_tree_is_imported_by_home_affairs_once() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let agency = token_of(&app, "sogddt").await;
        let template = download(&app, &admin, "/api/v1/imports/templates/units").await;
        let book: Xlsx<_> = Xlsx::new(Cursor::new(template)).unwrap();
        assert_eq!(book.sheet_names()[0], "Đơn vị");
        let rows = [
            [
                "HY.SGDDT.THPTVL",
                "Trường THPT Văn Lâm",
                "Đơn vị sự nghiệp công lập",
                "HY.SGDDT",
                "01/08/2025",
            ],
            [
                "HY.SGDDT.THPTVL.TCM",
                "Tổ chuyên môn Toán",
                "Phòng, ban thuộc đơn vị",
                "HY.SGDDT.THPTVL",
                "01/09/2025",
            ],
            [
                "HY.SGDDT",
                "Sở Giáo dục và Đào tạo",
                "Sở, ban, ngành",
                "HY",
                "01/07/2025",
            ],
            [
                "HY.SGDDT.P01",
                "Văn phòng Sở (tên mới)",
                "Phòng, ban thuộc đơn vị",
                "HY.SGDDT",
                "01/07/2025",
            ],
            ["HY.X.Y", "Đơn vị mồ côi", "Hội", "HY.KHONGCO", "01/07/2025"],
        ];
        let (status, checked) = post_units(&app, &admin, units_workbook(&rows)).await;
        assert_eq!(status, 201, "{backend}: {checked}");
        assert_eq!(
            checked["dry_run"],
            json!({"new": 2, "updated": 0, "unchanged": 1, "refused": 2}),
            "{checked}"
        );
        let codes: Vec<(u64, String, String)> = checked["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["row"].as_u64().unwrap(),
                    i["column"].as_str().unwrap().into(),
                    i["code"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert_eq!(
            codes,
            vec![
                (5, "B".to_owned(), "unit_differs".to_owned()),
                (6, "D".to_owned(), "unknown_parent".to_owned())
            ]
        );
        let units_before = count(&ctx, "units");
        let ended = commit(
            &app,
            &admin,
            checked["id"].as_str().unwrap(),
            json!({"valid_only": true}),
        )
        .await;
        assert_eq!(ended["committed"]["new"], 2, "{ended}");
        assert_eq!(count(&ctx, "units"), units_before + 2);
        assert_eq!(
            count(&ctx, "units c JOIN units p ON p.id = c.parent_id WHERE c.code = 'HY.SGDDT.THPTVL.TCM' AND p.code = 'HY.SGDDT.THPTVL'"),
            1
        );
        // Again: nothing new.
        let (_, again) = post_units(&app, &admin, units_workbook(&rows[..3])).await;
        assert_eq!(
            again["dry_run"],
            json!({"new": 0, "updated": 0, "unchanged": 3, "refused": 0}),
            "{again}"
        );
        // An agency may not create units.
        let (_, refused) = post_units(
            &app,
            &agency,
            units_workbook(&[[
                "HY.SGDDT.THPTMH",
                "Trường THPT Mỹ Hào",
                "Đơn vị sự nghiệp công lập",
                "HY.SGDDT",
                "01/08/2025",
            ]]),
        )
        .await;
        assert_eq!(refused["dry_run"]["refused"], 1, "{refused}");
        assert_eq!(refused["issues"][0]["code"], "forbidden");
    }
}

async fn post_units<S, B>(app: &S, token: &str, bytes: Vec<u8>) -> (u16, Value)
where
    S: actix_web::dev::Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let uri = "/api/v1/imports?kind=units&file_name=don-vi.xlsx";
    post_bytes(app, token, uri, hoso_app::imports::sheets::XLSX, bytes).await
}

/// A commit whose job an administrator cancels before it runs ends `failed`, writing nothing.
#[actix_web::test]
async fn a_cancelled_commit_is_shown_failed_and_writes_nothing() {
    let ctx = TestContext::new(hoso_store::Backend::Sqlite).with_demo();
    // No background workers here: the job waits in the queue.
    let app =
        actix_test::init_service(hoso_api::app::build(ctx.state(), crate::support::MAX_JSON_BYTES)).await;
    let agency = token_of(&app, "sogddt").await;
    let admin = token_of(&app, "quantri").await;
    let rows = hoso_app::seed::staff_rows(&hoso_app::seed::demo_schools(), 5, 9);
    let (_, checked) = post_import(&app, &agency, "huy.xlsx", workbook(&rows)).await;
    let id = checked["id"].as_str().unwrap();
    let (status, started) = call(
        &app,
        "POST",
        &format!("/api/v1/imports/{id}/commit"),
        Some(&agency),
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 202, "{started}");
    let job = started["job_id"].as_str().unwrap();
    let (status, _) = call(
        &app,
        "POST",
        &format!("/api/v1/jobs/{job}/cancel"),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let (_, ended) = call(
        &app,
        "GET",
        &format!("/api/v1/imports/{id}?wait=true"),
        Some(&agency),
        None,
    )
    .await;
    assert_eq!(ended["status"], "failed", "{ended}");
    assert!(ended["error"].as_str().unwrap().contains("hủy"));
    assert_eq!(
        ended["committed"],
        json!({"new": 0, "updated": 0, "unchanged": 0, "refused": 0})
    );
}

/// Sở Nội vụ marks an import as migrated from the previous system: the dossier's first approved
/// version records that source.
#[actix_web::test]
async fn the_first_approval_of_a_migrated_dossier_records_its_source() {
    let ctx = TestContext::new(hoso_store::Backend::Sqlite).with_demo();
    let app = ctx.app().await;
    let admin = token_of(&app, "quantri").await;
    let rows = hoso_app::seed::staff_rows(&hoso_app::seed::demo_schools(), 1, 11);
    let (_, checked) = post_import(&app, &admin, "pmis-2025.xlsx", workbook(&rows)).await;
    let ended = commit(
        &app,
        &admin,
        checked["id"].as_str().unwrap(),
        json!({"migrated": true}),
    )
    .await;
    assert_eq!(
        (ended["migrated"].as_bool(), ended["committed"]["new"].as_i64()),
        (Some(true), Some(1))
    );
    let id = dossier_of(&ctx, &citizen_of(&rows, 0));
    // The photo is attached in hoso, not imported.
    let (status, photo) = crate::support::upload(
        &app,
        &admin,
        "anh.png",
        "image/png",
        crate::support::TINY_PNG.to_vec(),
    )
    .await;
    assert_eq!(status, 201, "{photo}");
    let (status, saved) = crate::support::edit_draft(&app, &admin, &id, |content| {
        content["photo_document_id"] = photo["id"].clone();
    })
    .await;
    assert_eq!(status, 200, "{saved}");
    let revision = saved["revision"].as_i64().unwrap();
    crate::support::approve_through_workflow(&app, &ctx, &admin, &id, revision).await;
    let (status, versions) = call(
        &app,
        "GET",
        &format!("/api/v1/dossiers/{id}/versions"),
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(status, 200, "{versions}");
    let note = versions[0]["note"].as_str().unwrap_or_default().to_owned();
    assert!(
        note.contains("Chuyển từ hệ thống cũ: tệp «pmis-2025.xlsx»"),
        "{versions}"
    );
}
