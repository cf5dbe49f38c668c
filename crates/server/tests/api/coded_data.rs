//! Data the national database can accept (issue #24; CTX-1, ORG-3, USE-3, DOS-1), on every
//! backend: item 30.3 is one of the unit's posts, retired codes are refused on new writes
//! naming their replacement (but explain old rows), a title's coefficient is its own scale's;
//! a transfer frees the post; the list flags holders who fall short of their post; the annual
//! report adds up per unit, subtotal and total in JSON, Excel and PDF.

use std::collections::BTreeMap;

use hoso_store::testing::backends;
use hoso_store::units;
use serde_json::{json, Value};

use crate::dossiers::{full_content, person_id};
use crate::support::{call, edit_draft, get_file, pdf, set_day, token_of, upload, TestContext};
use crate::transfers::unit;

/// A change made to a dossier's content before saving it.
type Edit = Box<dyn Fn(&mut Value)>;

fn first_error(body: &Value) -> (String, String, String) {
    let field = &body["details"]["fields"][0];
    (
        field["field"].as_str().unwrap_or_default().to_owned(),
        field["code"].as_str().unwrap_or_default().to_owned(),
        field["message"].as_str().unwrap_or_default().to_owned(),
    )
}

#[actix_web::test]
async fn coded_items_must_be_the_units_posts_and_codes_in_force() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let education = token_of(&app, "sogddt").await;
        let cuc = person_id(&ctx, "Lê Thị Cúc");
        let (status, opened) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&education),
            Some(json!({"person_id": cuc, "content": full_content()})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: the full content is valid: {opened}");
        let dossier = opened["id"].as_str().unwrap().to_owned();

        let refusals: Vec<(&str, Edit, &str, &str, &str)> = vec![
            (
                "a job position typed by hand, not one of the school's posts",
                Box::new(|c| c["salary"]["job_position"] = json!("GV-TOAN")),
                "salary.job_position",
                "unknown_position",
                "GV-TOAN",
            ),
            (
                "the grade held now is a code re-coded in 2021",
                Box::new(|c| {
                    c["salary"]["grade"] = json!("V.07.04.11");
                    c["salary"]["step"] = json!(1);
                    c["salary"]["coefficient"] = json!(234);
                }),
                "salary.grade",
                "retired_code",
                "V.07.04.31",
            ),
            (
                "a doctor's title with the teacher's coefficient (A2.2, not A1)",
                Box::new(|c| c["salary"]["grade"] = json!("V.08.01.03")),
                "salary.coefficient",
                "not_on_scale",
                "2,67",
            ),
            (
                "a district post, gone since 1 July 2025",
                Box::new(|c| c["career"]["position"] = json!("TP_UBH")),
                "career.position",
                "retired_code",
                "«TP»",
            ),
            (
                "a course begun in 2018 in a form abolished in 2012",
                Box::new(|c| c["training"][1]["mode"] = json!("TAI_CHUC")),
                "training[1].mode",
                "retired_code",
                "VLVH",
            ),
        ];
        for (case, edit, field, code, named) in refusals {
            let (status, refused) = edit_draft(&app, &education, &dossier, |c| edit(c)).await;
            assert_eq!(status, 422, "{backend}: {case}: {refused}");
            let (f, c, message) = first_error(&refused);
            assert_eq!(
                (f.as_str(), c.as_str()),
                (field, code),
                "{backend}: {case}: {refused}"
            );
            assert!(
                message.contains(named),
                "{backend}: {case}: «{message}» names {named}"
            );
        }

        // A retired code still explains an old row: the history of a teacher coded in 2015.
        let (status, saved) = edit_draft(&app, &education, &dossier, |c| {
            c["training"][0]["mode"] = json!("TAI_CHUC");
            c["salary"]["job_position"] = json!("KT");
        })
        .await;
        assert_eq!(
            status, 200,
            "{backend}: a course of 2008 in the old form: {saved}"
        );
        let (status, kept) = edit_draft(&app, &education, &dossier, |c| {
            c["salary_history"].as_array_mut().unwrap().insert(
                0,
                json!({"from": "2010-09-01", "to": "2013-08-31", "grade": "V.07.04.12", "step": 1, "coefficient": 210, "job_position_pay": null}),
            );
        })
        .await;
        assert_eq!(
            status, 200,
            "{backend}: an old code in the salary history: {kept}"
        );
    }
}

#[actix_web::test]
async fn a_transfer_frees_the_post_and_an_approval_holds_the_one_the_dossier_names() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let education = token_of(&app, "sogddt").await;
        let admin = token_of(&app, "quantri").await;
        let school = unit(&ctx, "HY.SGDDT.THPTHY");
        let post = |list: &Value, code: &str| -> Value {
            list.as_array()
                .unwrap()
                .iter()
                .find(|p| p["code"] == code)
                .unwrap_or_else(|| panic!("{code} in {list}"))
                .clone()
        };
        let positions = format!("/api/v1/units/{school}/positions");
        let (_, before) = call(&app, "GET", &positions, Some(&education), None).await;
        let teachers = post(&before, "GV-THPT-II");
        let held_by = |p: &Value| -> Vec<String> {
            p["holders"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["full_name"].as_str().unwrap().to_owned())
                .collect()
        };
        assert!(
            held_by(&teachers).contains(&"Nguyễn Văn An".to_owned()),
            "{teachers}"
        );

        set_day(&ctx, "2031-03-03");
        let (_, scan) = upload(&app, &education, "qd.pdf", "application/pdf", pdf("QĐ")).await;
        let an = person_id(&ctx, "Nguyễn Văn An");
        let office = unit(&ctx, "HY.SGDDT.P01");
        let decision = json!({"number": "5/QĐ-SGDĐT", "date": "2031-03-03", "signer": "Giám đốc Sở", "document_id": scan["id"]});
        let (status, moved) = call(&app, "POST", "/api/v1/transfers", Some(&education), Some(json!({"kind": "within_agency", "person_id": an, "to_unit_id": office, "decision": decision, "effective_on": "2031-03-03"}))).await;
        assert_eq!(status, 201, "{backend}: {moved}");
        let (_, after) = call(&app, "GET", &positions, Some(&education), None).await;
        let teachers_after = post(&after, "GV-THPT-II");
        assert!(
            !held_by(&teachers_after).contains(&"Nguyễn Văn An".to_owned()),
            "{teachers_after}"
        );
        assert_eq!(
            teachers_after["vacancies"].as_i64().unwrap(),
            teachers["vacancies"].as_i64().unwrap() + 1,
            "{backend}: the post he left is free"
        );

        // The job-position report counts the school's real posts by name.
        let (_, report) = call(
            &app,
            "GET",
            &format!("/api/v1/reports/job_position?unit_id={school}"),
            Some(&education),
            None,
        )
        .await;
        assert_eq!(
            report["columns"],
            json!(["Số vị trí", "Đang có người giữ", "Còn trống"]),
            "{report}"
        );
        let row = report["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == "GV-THPT-II")
            .unwrap()
            .clone();
        assert_eq!(row["label"], "Giáo viên trung học phổ thông hạng II");
        assert_eq!(row["values"][0], 60);
        assert_eq!(
            row["values"][2].as_i64(),
            teachers_after["vacancies"].as_i64(),
            "{row}"
        );

        // Approving a version that names a post makes its person the holder.
        let cuc = person_id(&ctx, "Lê Thị Cúc");
        let mut content = full_content();
        content["salary"]["job_position"] = json!("KT");
        content["photo_document_id"] = json!(crate::dossiers::photo(&app, &admin).await);
        let (status, opened) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&admin),
            Some(json!({"person_id": cuc, "content": content})),
        )
        .await;
        assert_eq!(status, 201, "{opened}");
        let dossier = opened["id"].as_str().unwrap();
        crate::support::approve_through_workflow(&app, &ctx, &admin, dossier, 1).await;
        let (_, approved) = call(&app, "GET", &positions, Some(&education), None).await;
        assert_eq!(
            held_by(&post(&approved, "KT")),
            vec!["Lê Thị Cúc".to_owned()],
            "{backend}"
        );
        assert!(!held_by(&post(&approved, "GV-THPT-II")).contains(&"Lê Thị Cúc".to_owned()));

        // An employee sees the posts of their unit to choose from, not who holds them.
        let employee = token_of(&app, "nguyenvanan").await;
        let (status, seen) = call(
            &app,
            "GET",
            &format!("/api/v1/units/{office}/positions"),
            Some(&employee),
            None,
        )
        .await;
        assert_eq!(status, 200, "{seen}");
        assert!(
            seen.as_array().unwrap().iter().all(|p| p["holders"] == json!([])),
            "{seen}"
        );
    }
}

#[actix_web::test]
async fn holders_whose_grade_falls_short_of_their_post_are_listed() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        ctx.load_people(3);
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let hospital = unit(&ctx, "HY.SYT.TTKSBT");
        // Two approved people of the disease-control centre and their grades.
        let (_, found) = call(
            &app,
            "GET",
            &format!("/api/v1/search?unit_id={hospital}"),
            Some(&admin),
            None,
        )
        .await;
        let people: Vec<(String, String, String)> = found["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|h| {
                Some((
                    h["dossier"]["person_id"].as_str()?.to_owned(),
                    h["dossier"]["full_name"].as_str()?.to_owned(),
                    h["grade"].as_str()?.to_owned(),
                ))
            })
            .take(2)
            .collect();
        assert_eq!(people.len(), 2, "{backend}: {found}");
        let mut flagged = Vec::new();
        for (i, (person, name, grade)) in people.iter().enumerate() {
            // The first holds a post requiring their own grade; the second one requiring a
            // grade of another series.
            let required = if i == 0 { grade.as_str() } else { "06.031" };
            let body = json!({"code": format!("VT-{i}"), "name": format!("Vị trí {i}"), "group": "professional", "required_grade": required, "posts": 1, "reason": "Thử"});
            let (status, position) = call(
                &app,
                "POST",
                &format!("/api/v1/units/{hospital}/positions"),
                Some(&admin),
                Some(body),
            )
            .await;
            assert_eq!(status, 201, "{position}");
            let (status, held) = call(
                &app,
                "POST",
                &format!("/api/v1/positions/{}/holders", position["id"].as_str().unwrap()),
                Some(&admin),
                Some(json!({"person_id": person, "reason": "Phân công"})),
            )
            .await;
            assert_eq!(status, 200, "{held}");
            if i == 1 {
                flagged.push(name.clone());
            }
        }
        let (status, list) = call(
            &app,
            "GET",
            &format!("/api/v1/lists/position_requirement?unit_id={hospital}"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 200, "{backend}: {list}");
        let names: Vec<&str> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["dossier"]["full_name"].as_str().unwrap())
            .collect();
        assert_eq!(names, flagged, "{backend}: {list}");
        let item = &list["items"][0];
        assert_eq!(item["next"], "Yêu cầu Kế toán viên (06.031)", "{item}");
        assert_eq!(item["note"], "Vị trí VT-1 — Vị trí 1");
    }
}

/// The people in service with an approved version, by managing unit and grade: counted here
/// from the stored versions, apart from the report's queries.
fn approved_by_unit(ctx: &TestContext) -> BTreeMap<(String, String), i64> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        unit_id: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        content: String,
    }
    use diesel::RunQueryDsl;
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT p.unit_id, v.content FROM dossiers d \
         JOIN dossier_versions v ON v.dossier_id = d.id AND v.number = d.current_version \
         JOIN people p ON p.id = d.person_id WHERE p.service_status IN ('active', 'seconded')",
    )
    .load(&mut ctx.db.connect())
    .unwrap();
    let mut counts = BTreeMap::new();
    for row in rows {
        let content: Value = serde_json::from_str(&row.content).unwrap();
        if let Some(grade) = content["salary"]["grade"].as_str() {
            *counts.entry((row.unit_id, grade.to_owned())).or_insert(0) += 1;
        }
    }
    counts
}

#[actix_web::test]
async fn the_annual_report_adds_up_per_unit_subtotal_and_total_in_every_format() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        ctx.load_people(7);
        let app = ctx.app().await;
        let education = token_of(&app, "sogddt").await;
        let department = unit(&ctx, "HY.SGDDT");
        let year = chrono::Datelike::year(&hoso_app::clock::today());
        let path = format!("/api/v1/annual-reports/{year}?unit_id={department}&signer=Nguy%E1%BB%85n%20V%C4%83n%20H%E1%BA%A3i");
        let (status, report) = call(&app, "GET", &path, Some(&education), None).await;
        assert_eq!(status, 200, "{backend}: {report}");
        assert_eq!(report["signer"], "Nguyễn Văn Hải");
        assert_eq!(report["recipient"], "Bộ Nội vụ");

        let counts = approved_by_unit(&ctx);
        let children: Vec<String> = units::current_children(&mut ctx.db.connect(), &department)
            .unwrap()
            .into_iter()
            .map(|u| u.id)
            .collect();
        assert!(children.len() >= 3, "a department with subordinate units");
        let own = |unit: &str, code: &str| {
            counts
                .get(&(unit.to_owned(), code.to_owned()))
                .copied()
                .unwrap_or(0)
        };
        let mut grand_total = 0;
        for section in report["sections"].as_array().unwrap() {
            let codes: Vec<&str> = section["columns"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["code"].as_str().unwrap())
                .collect();
            let rows = section["rows"].as_array().unwrap();
            // Each unit's own row against the independent count, code by code.
            for row in rows.iter().filter(|r| r["kind"] == "unit") {
                let unit_id = row["unit_id"].as_str().unwrap();
                for (i, code) in codes.iter().enumerate() {
                    assert_eq!(
                        row["values"][i].as_i64().unwrap(),
                        own(unit_id, code),
                        "{backend}: {row} {code}"
                    );
                }
                assert_eq!(
                    row["total"].as_i64().unwrap(),
                    row["values"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_i64().unwrap())
                        .sum::<i64>()
                );
            }
            // The department's subtotal is its own people and every school's.
            let subtotal = rows
                .iter()
                .find(|r| r["kind"] == "subtotal" && r["unit_id"] == department.as_str())
                .unwrap();
            let total = rows.last().unwrap();
            assert_eq!(total["kind"], "total");
            for (i, code) in codes.iter().enumerate() {
                let independent: i64 = std::iter::once(department.as_str())
                    .chain(children.iter().map(String::as_str))
                    .map(|u| own(u, code))
                    .sum();
                assert_eq!(
                    subtotal["values"][i].as_i64().unwrap(),
                    independent,
                    "{backend}: {code}"
                );
                assert_eq!(total["values"][i], subtotal["values"][i]);
            }
            assert_eq!(section["total"], total["total"]);
            assert!(codes
                .iter()
                .all(|c| section["totals"][codes.iter().position(|x| x == c).unwrap()]
                    .as_i64()
                    .unwrap()
                    > 0));
            grand_total += section["total"].as_i64().unwrap();
        }
        let (grades, titles) = (&report["sections"][0], &report["sections"][1]);
        assert_eq!(
            (grades["key"].as_str(), titles["key"].as_str()),
            (Some("grade"), Some("professional_title"))
        );
        assert!(
            titles["total"].as_i64().unwrap() > 0,
            "{backend}: the schools' teachers"
        );
        assert!(grand_total > 0);
        // The same figures as the subtree report by grade.
        let (_, by_grade) = call(
            &app,
            "GET",
            &format!("/api/v1/reports/grade?unit_id={department}"),
            Some(&education),
            None,
        )
        .await;
        let coded: i64 = by_grade["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["key"] != "")
            .map(|r| r["count"].as_i64().unwrap())
            .sum();
        assert_eq!(
            grades["total"].as_i64().unwrap() + titles["total"].as_i64().unwrap(),
            coded,
            "{backend}: {by_grade}"
        );

        // The Excel file: a sheet per breakdown, the letterhead, the same rows and totals.
        let (status, disposition, bytes) = get_file(&app, &education, &format!("{path}&format=xlsx")).await;
        assert_eq!(status, 200);
        assert!(
            disposition.contains(&format!(
                "bao-cao-so-luong-nam-{year}-so-giao-duc-va-dao-tao.xlsx"
            )),
            "a Vietnamese name without diacritics: {disposition}"
        );
        use calamine::Reader;
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(
            book.sheet_names(),
            vec!["Theo ngach", "Theo chuc danh", "Theo vi tri viec lam"]
        );
        let sheet = book.worksheet_range("Theo chuc danh").unwrap();
        let cells: Vec<Vec<String>> = sheet
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert!(cells
            .iter()
            .any(|r| r.iter().any(|c| c == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")));
        assert!(cells
            .iter()
            .any(|r| r.iter().any(|c| c.contains("Kính gửi: Bộ Nội vụ"))));
        assert!(
            cells.iter().any(|r| r.iter().any(|c| c == "Nguyễn Văn Hải")),
            "the signer"
        );
        let total_row = cells
            .iter()
            .find(|r| r.first().is_some_and(|c| c == "Tổng cộng"))
            .expect("a total row");
        assert_eq!(
            total_row.last().unwrap(),
            &titles["total"].to_string(),
            "{total_row:?}"
        );
        let unit_rows = cells
            .iter()
            .filter(|r| r.first().is_some_and(|c| c.trim_start().starts_with("Cộng ")))
            .count();
        assert_eq!(unit_rows, 1, "the department's subtotal");

        // The PDF: the letterhead, the total and the signer.
        let (status, _, bytes) = get_file(&app, &education, &format!("{path}&format=pdf")).await;
        assert_eq!(status, 200);
        assert!(bytes.starts_with(b"%PDF-"));
        for shown in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Tổng cộng",
            "Nguyễn Văn Hải",
            "Kính gửi: Bộ Nội vụ",
        ] {
            assert!(
                crate::dossiers::pdf_shows(&bytes, shown),
                "{backend}: the PDF lacks «{shown}»"
            );
        }

        // A year not begun is refused; a past year stands on its 31 December.
        let (status, refused) = call(
            &app,
            "GET",
            &format!("/api/v1/annual-reports/{}", year + 1),
            Some(&education),
            None,
        )
        .await;
        assert_eq!(
            (status, first_error(&refused).1.as_str()),
            (422, "out_of_range"),
            "{refused}"
        );
        let (status, past) = call(
            &app,
            "GET",
            &format!("/api/v1/annual-reports/{}", year - 1),
            Some(&education),
            None,
        )
        .await;
        assert_eq!(status, 200, "{past}");
        assert_eq!(past["as_of"], format!("{}-12-31", year - 1));
        let (status, _) = call(
            &app,
            "GET",
            &format!("/api/v1/annual-reports/{year}"),
            Some(&token_of(&app, "nguyenvanan").await),
            None,
        )
        .await;
        assert_eq!(status, 403, "{backend}: a personal account reads no reports");
    }
}
