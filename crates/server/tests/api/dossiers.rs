//! The electronic dossier on every backend (DOS-1…5, SEC-2): every item round-trips, restricted
//! fields never leave the server for readers below their level and are never stored in clear,
//! concurrent edits never overwrite each other, bad input is refused naming its field.

use hoso_store::testing::backends;
use hoso_store::{people, units};
use serde_json::{json, Value};

use crate::support::{
    approve_through_workflow, assert_error_body, call, edit_draft, pdf, token_of, upload, TestContext,
};

/// Every item of the form filled in, consistent with itself and the catalogues.
pub fn full_content() -> Value {
    json!({
        "photo_document_id": null,
        "identity": {
            "full_name": "Lê Thị Cúc", "gender": "2", "other_names": "Cúc Lê",
            "birth_date": "1990-03-15",
            "birth_place": {"commune": "Xã Phụng Công", "province": "33"},
            "hometown": {"commune": "Xã Vũ Phúc", "province": "34"},
            "ethnicity": "01", "religion": "00",
            "citizen_id": "033190012345", "citizen_id_issued_on": "2021-05-10",
            "phone": "0912 345 678", "social_insurance_number": "3312345678",
            "health_insurance_number": "GD4333312345678", "residence": "Số 5 phố Bãi Sậy, phường Phố Hiến",
            "family_background": "Nông dân", "occupation_before_recruitment": "Sinh viên"
        },
        "career": {
            "recruited_on": "2013-09-01", "recruiting_body": "Sở Giáo dục và Đào tạo",
            "joined_agency_on": "2015-08-15", "party_joined_on": "2016-05-19", "party_official_on": "2017-05-19",
            "socio_political_org_joined_on": "2005-03-26",
            "military_enlisted_on": null, "military_discharged_on": null, "military_rank": null,
            "policy_beneficiary": "CLS", "general_education": "12/12",
            "qualification": "ThS", "qualification_field": "Toán học",
            "academic_title": null, "academic_title_year": null, "state_honour": null,
            "position": "TT", "position_appointed_on": "2020-09-01", "position_reappointed_on": null,
            "planned_position": "Phó Hiệu trưởng", "concurrent_positions": "Bí thư chi đoàn",
            "party_position": "CUV", "concurrent_party_position": null,
            "main_duties": "Giảng dạy Toán lớp 10, 11", "strengths": "Bồi dưỡng học sinh giỏi",
            "longest_job": "Giáo viên Toán"
        },
        "salary": {
            "grade": "V.07.05.14", "grade_appointed_on": "2019-01-01", "step": 2, "coefficient": 434,
            "effective_on": "2023-01-01", "percent_received": 100,
            "beyond_frame_percent": null, "beyond_frame_on": null,
            "allowances": [{"kind": "UDN", "coefficient": null, "percent": 30, "since": "2013-09-01"}],
            "job_position": "GV-THPT-II", "job_position_pay": null, "job_position_on": "2023-01-01"
        },
        "health": {"status": "Tốt", "height_cm": 158, "weight_kg": 50, "blood_group": "O"},
        "training": [
            {"kind": "professional", "from": "2008-09-01", "to": "2012-06-30", "institution": "Đại học Sư phạm Hà Nội", "field": "Sư phạm Toán", "mode": "CQ", "level": "DH", "language": null, "score": null},
            {"kind": "political_theory", "from": "2018-03-01", "to": "2018-09-30", "institution": "Trường Chính trị tỉnh", "field": null, "mode": "VLVH", "level": "TC", "language": null, "score": null},
            {"kind": "language", "from": null, "to": "2014-05-01", "institution": "Đại học Ngoại ngữ", "field": null, "mode": null, "level": "B3_6", "language": "en", "score": "B1"}
        ],
        "work_history": [
            {"from": "2013-09-01", "to": "2015-08-14", "unit": "Trường THPT Thái Bình", "title": "Giáo viên"},
            {"from": "2015-08-15", "to": null, "unit": "Trường THPT chuyên Hưng Yên", "title": "Giáo viên, tổ trưởng"}
        ],
        "personal_history": {"arrests": "Không", "former_regime_service": "Không", "foreign_organisations": "Không"},
        "ratings": [{"year": 2024, "rating": "HTXS", "emulation_title": "CSTDCS"}, {"year": 2025, "rating": "HTT", "emulation_title": "LDTT"}],
        "rewards": [{"decided_on": "2024-06-01", "form": "BK_BO", "level": "Tỉnh", "decision": "1234/QĐ-UBND"}],
        "discipline": [],
        "family": [
            {"side": "own", "relation": "BO", "full_name": "Lê Văn Sơn", "birth_year": 1960, "hometown": "Hưng Yên", "occupation": "Nông dân", "workplace": null, "residence": "Hưng Yên"},
            {"side": "spouse", "relation": "CHONG", "full_name": "Trần Văn Nam", "birth_year": 1988, "hometown": "Thái Bình", "occupation": "Kỹ sư", "workplace": "Công ty Điện lực", "residence": "Hưng Yên"}
        ],
        "salary_history": [
            {"from": "2013-09-01", "to": "2018-12-31", "grade": "V.07.05.15", "step": 1, "coefficient": 234, "job_position_pay": null},
            {"from": "2019-01-01", "to": null, "grade": "V.07.05.14", "step": 2, "coefficient": 434, "job_position_pay": null}
        ],
        "allowance_history": [{"from": "2013-09-01", "to": null, "kind": "UDN", "coefficient": null, "percent": 30}],
        "income_assets": {"salary_income": "180 triệu đồng/năm", "other_income": "Không", "housing": "Nhà riêng 80 m²", "land": "Không"},
        "assessment": "Hoàn thành tốt nhiệm vụ.",
        "contract": null
    })
}

/// Content as the server gives it back (nulls dropped) to compare with what was sent.
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// A real 1×1 PNG, uploaded; its document id.
pub async fn photo<S, B>(app: &S, token: &str) -> String
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    let png = crate::support::TINY_PNG.to_vec();
    let (status, body) = upload(app, token, "anh-the.png", "image/png", png).await;
    assert_eq!(status, 201, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

pub fn person_id(ctx: &TestContext, name: &str) -> String {
    let school = units::find_by_code(&mut ctx.db.connect(), "HY.SGDDT.THPTHY")
        .unwrap()
        .unwrap()
        .id;
    people::in_units(&mut ctx.db.connect(), &[school])
        .unwrap()
        .into_iter()
        .find(|p| p.full_name == name)
        .unwrap()
        .id
}

#[actix_web::test]
async fn every_item_round_trips_through_draft_version_and_export() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let cuc = person_id(&ctx, "Lê Thị Cúc");
        let (status, opened) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&admin),
            Some(json!({"person_id": cuc})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {opened}");
        let id = opened["id"].as_str().unwrap().to_owned();
        assert_eq!(opened["dossier_number"], "HS000001");
        let (status, again) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&admin),
            Some(json!({"person_id": cuc})),
        )
        .await;
        assert_eq!(status, 409, "one dossier per person");
        assert_error_body(&again, "dossier_exists");

        let (_, draft) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(draft["revision"], 1);
        assert_eq!(
            draft["content"]["identity"]["full_name"], "Lê Thị Cúc",
            "name from the person"
        );
        let content = full_content();
        let (status, saved) = call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&admin),
            Some(json!({"revision": 1, "content": content})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {saved}");
        assert_eq!(saved["revision"], 2);
        let missing: Vec<&str> = saved["missing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["field"].as_str().unwrap())
            .collect();
        assert_eq!(missing, ["photo_document_id"], "only the photo is missing");
        assert_eq!(
            without_nulls(&saved["content"]),
            without_nulls(&content),
            "{backend}"
        );

        // Incomplete: refused naming the item; then complete and approved.
        let (status, refused) = call(
            &app,
            "POST",
            &format!("/api/v1/dossiers/{id}/submit"),
            Some(&admin),
            Some(json!({"revision": 2})),
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(refused["details"]["fields"][0]["field"], "photo_document_id");
        let mut complete = content.clone();
        let (_, scan) = upload(&app, &admin, "quyet-dinh.pdf", "application/pdf", pdf("QĐ")).await;
        complete["photo_document_id"] = scan["id"].clone();
        let (status, refused) = call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&admin),
            Some(json!({"revision": 2, "content": complete})),
        )
        .await;
        assert_eq!(status, 422, "{backend}: a PDF is no photo");
        assert_eq!(refused["details"]["fields"][0]["code"], "not_an_image");
        complete["photo_document_id"] = json!(photo(&app, &admin).await);
        call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&admin),
            Some(json!({"revision": 2, "content": complete})),
        )
        .await;
        approve_through_workflow(&app, &ctx, &admin, &id, 3).await;
        let (_, versions) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/versions"),
            Some(&admin),
            None,
        )
        .await;
        let version = &versions[0];
        assert_eq!(version["number"], 1);
        assert_eq!(version["content_hash"].as_str().unwrap().len(), 64);

        let (_, export) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/versions/1"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(export["level"], "sensitive");
        assert_eq!(
            without_nulls(&export["content"]),
            without_nulls(&complete),
            "{backend}: export"
        );
        let (_, dossier) = call(&app, "GET", &format!("/api/v1/dossiers/{id}"), Some(&admin), None).await;
        assert_eq!(dossier["status"], "signed", "head-signed, waiting for Sở Nội vụ");
        assert_eq!(without_nulls(&dossier["content"]), without_nulls(&complete));

        // A later edit goes to the draft; version 1 is unchanged and the diff names the field.
        let mut changed = complete.clone();
        changed["career"]["main_duties"] = json!("Giảng dạy Toán lớp 12");
        call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&admin),
            Some(json!({"revision": 4, "content": changed})),
        )
        .await;
        let (_, diff) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/diff?from=1"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            diff["changes"],
            json!([{"path": "career.main_duties", "before": "Giảng dạy Toán lớp 10, 11", "after": "Giảng dạy Toán lớp 12"}])
        );
        let (_, still) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/versions/1"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(still["content_hash"], version["content_hash"]);
        assert_eq!(
            still["content"]["career"]["main_duties"],
            "Giảng dạy Toán lớp 10, 11"
        );

        // Accent-insensitive search.
        let (_, found) = call(
            &app,
            "GET",
            "/api/v1/dossiers?q=le%20thi%20cuc",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(found.as_array().unwrap().len(), 1, "{backend}");
        let (_, none) = call(
            &app,
            "GET",
            "/api/v1/dossiers?q=nguyen%20van%20an",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(none, json!([]));
    }
}

#[actix_web::test]
async fn restricted_fields_never_leave_the_server_nor_sit_in_clear() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let cuc = person_id(&ctx, "Lê Thị Cúc");
        let (_, opened) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&admin),
            Some(json!({"person_id": cuc, "content": full_content()})),
        )
        .await;
        let id = opened["id"].as_str().unwrap().to_owned();
        let mut complete = full_content();
        complete["photo_document_id"] = json!(photo(&app, &admin).await);
        call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&admin),
            Some(json!({"revision": 1, "content": complete})),
        )
        .await;
        approve_through_workflow(&app, &ctx, &admin, &id, 2).await;

        // A specialist with read_dossiers but not read_sensitive_fields, through every endpoint.
        let specialist = token_of(&app, "chuyenvien.sogddt").await;
        for path in [
            "",
            "/draft",
            "/versions",
            "/versions/1",
            "/diff?from=0&to=1",
            "/diff",
        ] {
            let (status, body) = call(
                &app,
                "GET",
                &format!("/api/v1/dossiers/{id}{path}"),
                Some(&specialist),
                None,
            )
            .await;
            assert_eq!(status, 200, "{backend}: {path}");
            let text = body.to_string();
            for secret in [
                "033190012345",
                "0912 345 678",
                "3312345678",
                "Bãi Sậy",
                "citizen_id",
                "health",
                "income_assets",
                "180 triệu",
            ] {
                assert!(!text.contains(secret), "{backend}: {path} leaks {secret}");
            }
            if ["", "/draft", "/versions/1"].contains(&path) {
                assert!(
                    text.contains("Bồi dưỡng học sinh giỏi"),
                    "{backend}: {path} shows the rest"
                );
            }
        }

        // Saving without the sensitive fields in view keeps them as stored.
        let (status, saved) = edit_draft(&app, &specialist, &id, |content| {
            content["career"]["strengths"] = json!("Bồi dưỡng học sinh giỏi quốc gia");
        })
        .await;
        assert_eq!(status, 200, "{backend}: {saved}");
        let (_, seen_by_admin) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(seen_by_admin["content"]["identity"]["citizen_id"], "033190012345");
        assert_eq!(
            seen_by_admin["content"]["career"]["strengths"],
            "Bồi dưỡng học sinh giỏi quốc gia"
        );

        // The raw tables hold no sensitive value in clear.
        let raw = raw_dossier_text(&ctx);
        for secret in [
            "033190012345",
            "0912 345 678",
            "3312345678",
            "Bãi Sậy",
            "180 triệu",
            "GD4333312345678",
        ] {
            assert!(!raw.contains(secret), "{backend}: {secret} stored in clear");
        }
        assert!(
            raw.contains("Bồi dưỡng học sinh giỏi"),
            "{backend}: the clear part is there"
        );
    }
}

fn raw_dossier_text(ctx: &TestContext) -> String {
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        text: String,
    }
    let mut conn = ctx.db.connect();
    let mut all = String::new();
    for query in [
        "SELECT content || coalesce(sealed, '') AS text FROM dossier_drafts",
        "SELECT content || coalesce(sealed, '') AS text FROM dossier_versions",
        "SELECT search_name || coalesce(citizen_id_hash, '') AS text FROM dossiers",
    ] {
        for row in diesel::sql_query(query).load::<Row>(&mut conn).unwrap() {
            all.push_str(&row.text);
        }
    }
    all
}

#[actix_web::test]
async fn two_concurrent_edits_one_wins_the_other_gets_409() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let agency = token_of(&app, "sogddt").await;
        let cuc = person_id(&ctx, "Lê Thị Cúc");
        let (_, opened) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&agency),
            Some(json!({"person_id": cuc})),
        )
        .await;
        let id = opened["id"].as_str().unwrap().to_owned();
        let mut first = json!({"identity": {"full_name": "Lê Thị Cúc", "other_names": "Một"}});
        let second = json!({"identity": {"full_name": "Lê Thị Cúc", "other_names": "Hai"}});
        let (a, _) = call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&agency),
            Some(json!({"revision": 1, "content": first.clone()})),
        )
        .await;
        let (b, refused) = call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&agency),
            Some(json!({"revision": 1, "content": second})),
        )
        .await;
        assert_eq!((a, b), (200, 409), "{backend}");
        assert_error_body(&refused, "stale_version");
        let (_, draft) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&agency),
            None,
        )
        .await;
        first["identity"]["other_names"] = json!("Một");
        assert_eq!(
            draft["content"]["identity"]["other_names"], "Một",
            "{backend}: the first edit kept"
        );
        assert_eq!(draft["revision"], 2);
    }
}

#[actix_web::test]
async fn bad_input_is_refused_naming_the_field_and_nothing_is_stored() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let agency = token_of(&app, "quantri").await;
        let cuc = person_id(&ctx, "Lê Thị Cúc");
        let (_, opened) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&agency),
            Some(json!({"person_id": cuc})),
        )
        .await;
        let id = opened["id"].as_str().unwrap().to_owned();
        let cases = [
            (
                json!({"identity": {"ethnicity": "99"}}),
                "identity.ethnicity",
                "unknown_code",
            ),
            // What does not fit the form's types is named by its whole path in the body (#19 (5)).
            (
                json!({"identity": {"birth_date": "1990-02-30"}}),
                "content.identity.birth_date",
                "invalid_value",
            ),
            (
                json!({"identity": {"birth_date": "1990-01-01", "gender": "1", "citizen_id": "033290012345"}}),
                "identity.citizen_id",
                "inconsistent_birth_year",
            ),
            (
                json!({"salary": {"grade": "01.003", "step": 2, "coefficient": 300}}),
                "salary.coefficient",
                "not_on_scale",
            ),
            (
                json!({"work_history": [{"from": "2020-01-01", "to": "2019-01-01"}]}),
                "work_history[0].to",
                "date_order",
            ),
            // A field the form does not have is named, not dropped (issue #19, defect 6).
            (
                json!({"identity": {"nick_name": "x"}}),
                "content.identity.nick_name",
                "unknown_field",
            ),
        ];
        for (content, field, code) in cases {
            let (status, body) = call(
                &app,
                "PUT",
                &format!("/api/v1/dossiers/{id}/draft"),
                Some(&agency),
                Some(json!({"revision": 1, "content": content})),
            )
            .await;
            if field.is_empty() {
                assert_eq!(status, 400, "{backend}: {content}");
                assert_error_body(&body, code);
            } else {
                assert_eq!(status, 422, "{backend}: {content}");
                assert_eq!(body["details"]["fields"][0]["field"], field, "{content}");
                assert_eq!(body["details"]["fields"][0]["code"], code, "{content}");
            }
        }
        // An agency without read_sensitive_fields may not write them blind.
        let blind = token_of(&app, "sogddt").await;
        let (status, body) = call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&blind),
            Some(json!({"revision": 1, "content": {"identity": {"citizen_id": "033190012345"}}})),
        )
        .await;
        assert_eq!(status, 422, "{backend}");
        assert_eq!(body["details"]["fields"][0]["code"], "restricted_field");
        assert_eq!(body["details"]["fields"][0]["field"], "identity.citizen_id");
        let (_, draft) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(draft["revision"], 1, "{backend}: nothing stored");
    }
}

#[actix_web::test]
async fn authority_is_checked_for_every_dossier_request() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let agency = token_of(&app, "sogddt").await;
        let an = person_id(&ctx, "Nguyễn Văn An");
        let (_, opened) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&agency),
            Some(json!({"person_id": an})),
        )
        .await;
        let id = opened["id"].as_str().unwrap().to_owned();

        // Another department's agency: as if it did not exist.
        let health = token_of(&app, "syte").await;
        for (method, path) in [
            ("GET", ""),
            ("GET", "/draft"),
            ("GET", "/versions"),
            ("PUT", "/draft"),
        ] {
            let body = (method == "PUT").then(|| json!({"revision": 1, "content": {}}));
            let (status, _) = call(
                &app,
                method,
                &format!("/api/v1/dossiers/{id}{path}"),
                Some(&health),
                body,
            )
            .await;
            assert_eq!(status, 404, "{backend}: {method} {path}");
        }
        let (_, list) = call(&app, "GET", "/api/v1/dossiers", Some(&health), None).await;
        assert_eq!(list, json!([]), "{backend}: outside its scope");

        // The employee edits their own draft and sees every field of it, but lists nothing and
        // approves nothing.
        let employee = token_of(&app, "nguyenvanan").await;
        let (_, mine) = call(&app, "GET", "/api/v1/me/dossier", Some(&employee), None).await;
        assert_eq!(
            mine["id"],
            id.as_str(),
            "{backend}: the employee finds their own dossier"
        );
        let (status, _) = call(&app, "GET", "/api/v1/me/dossier", Some(&agency), None).await;
        assert_eq!(status, 404, "an agency account is no person");
        let own = json!({"identity": {"full_name": "Nguyễn Văn An", "phone": "0987654321"}});
        let (status, saved) = call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&employee),
            Some(json!({"revision": 1, "content": own})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {saved}");
        assert_eq!(saved["content"]["identity"]["phone"], "0987654321");
        let (status, _) = call(&app, "GET", "/api/v1/dossiers", Some(&employee), None).await;
        assert_eq!(status, 403);

        // A specialist who may read but not open dossiers.
        let specialist = token_of(&app, "chuyenvien.sogddt").await;
        let cuc = person_id(&ctx, "Lê Thị Cúc");
        let (status, body) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&specialist),
            Some(json!({"person_id": cuc})),
        )
        .await;
        assert_eq!(status, 403, "{backend}");
        assert_error_body(&body, "forbidden");

        // Who looked is on the employee's own trail.
        let (_, trail) = call(&app, "GET", "/api/v1/me/audit", Some(&employee), None).await;
        assert!(trail.to_string().contains("dossier.viewed"), "{backend}: {trail}");
    }
}

#[actix_web::test]
async fn scans_are_attached_typed_and_downloaded_by_readers_only() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let agency = token_of(&app, "sogddt").await;
        let cuc = person_id(&ctx, "Lê Thị Cúc");
        let (_, opened) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&agency),
            Some(json!({"person_id": cuc})),
        )
        .await;
        let id = opened["id"].as_str().unwrap().to_owned();
        let (_, scan) = upload(
            &app,
            &agency,
            "bo-nhiem.pdf",
            "application/pdf",
            pdf("Quyết định bổ nhiệm"),
        )
        .await;
        let scan = scan["id"].as_str().unwrap().to_owned();

        let attach = |kind: &str, document: &str| json!({"document_id": document, "kind": kind, "item": "career.position", "note": "Bản sao y"});
        let (status, refused) = call(
            &app,
            "POST",
            &format!("/api/v1/dossiers/{id}/attachments"),
            Some(&agency),
            Some(attach("QUYET_DINH_X", &scan)),
        )
        .await;
        assert_eq!(status, 422, "{backend}");
        assert_eq!(refused["details"]["fields"][0]["field"], "kind");
        let health = token_of(&app, "syte").await;
        let (_, foreign) = upload(&app, &health, "khac.pdf", "application/pdf", pdf("khác")).await;
        let (status, refused) = call(
            &app,
            "POST",
            &format!("/api/v1/dossiers/{id}/attachments"),
            Some(&agency),
            Some(attach("BO_NHIEM", foreign["id"].as_str().unwrap())),
        )
        .await;
        assert_eq!(status, 422, "{backend}: another agency's upload");
        assert_eq!(refused["details"]["fields"][0]["code"], "unknown_document");

        let (status, attached) = call(
            &app,
            "POST",
            &format!("/api/v1/dossiers/{id}/attachments"),
            Some(&agency),
            Some(attach("BO_NHIEM", &scan)),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {attached}");
        assert_eq!(attached["document"]["sha256"].as_str().unwrap().len(), 64);
        let attachment = attached["id"].as_str().unwrap().to_owned();
        let evidence = |draft: &Value| -> Vec<String> {
            draft["missing_evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["field"].as_str().unwrap().to_owned())
                .collect()
        };
        let (_, draft) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(
            evidence(&draft),
            ["attachments.SYLL", "attachments.TUYEN_DUNG"],
            "{backend}"
        );
        call(
            &app,
            "POST",
            &format!("/api/v1/dossiers/{id}/attachments"),
            Some(&agency),
            Some(attach("TUYEN_DUNG", &scan)),
        )
        .await;
        let (_, draft) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(
            evidence(&draft),
            ["attachments.SYLL"],
            "{backend}: the recruitment decision is there"
        );

        let specialist = token_of(&app, "chuyenvien.sogddt").await;
        let (_, list) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/attachments"),
            Some(&specialist),
            None,
        )
        .await;
        assert_eq!(list[0]["kind"], "BO_NHIEM", "{backend}");
        assert_eq!(list[0]["item"], "career.position");
        let content = format!("/api/v1/dossiers/{id}/attachments/{attachment}/content");
        let response = actix_web::test::call_service(
            &app,
            actix_web::test::TestRequest::get()
                .uri(&content)
                .insert_header(("Authorization", format!("Bearer {specialist}")))
                .to_request(),
        )
        .await;
        assert_eq!(response.status(), 200);
        assert_eq!(
            actix_web::test::read_body(response).await.to_vec(),
            pdf("Quyết định bổ nhiệm")
        );
        let (status, _) = call(&app, "GET", &content, Some(&health), None).await;
        assert_eq!(status, 404, "{backend}: not a reader of this dossier");
        let admin = token_of(&app, "quantri").await;
        let (_, trail) = call(
            &app,
            "GET",
            "/api/v1/audit?action=dossier.attachment_downloaded",
            Some(&admin),
            None,
        )
        .await;
        let outcomes: Vec<&str> = trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["outcome"].as_str().unwrap())
            .collect();
        assert!(
            outcomes.contains(&"success") && outcomes.contains(&"denied"),
            "{backend}: {outcomes:?}"
        );
    }
}

/// Whether the PDF shows `text`. Our writer shows text as UTF-16BE code units (CID = code
/// point), which pdf-writer puts in hex strings when they are not plain ASCII bytes; decoding
/// every hex string gives back the text of the page.
pub fn pdf_shows(pdf: &[u8], text: &str) -> bool {
    let mut shown = String::new();
    let mut i = 0;
    while i < pdf.len() {
        if pdf[i] == b'<' && pdf.get(i + 1) != Some(&b'<') {
            let end = pdf[i + 1..].iter().position(|b| *b == b'>').map(|p| i + 1 + p);
            if let Some(end) = end {
                let hex = &pdf[i + 1..end];
                if !hex.is_empty() && hex.len().is_multiple_of(4) && hex.iter().all(u8::is_ascii_hexdigit) {
                    let units: Vec<u16> = hex
                        .chunks(4)
                        .map(|c| u16::from_str_radix(std::str::from_utf8(c).unwrap(), 16).unwrap())
                        .collect();
                    shown.push_str(&String::from_utf16_lossy(&units));
                    shown.push('\n');
                }
                i = end;
            }
        }
        i += 1;
    }
    shown.contains(text)
}

pub async fn print<S, B>(app: &S, token: &str, path: &str) -> (u16, Vec<u8>)
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    let response = actix_web::test::call_service(
        app,
        actix_web::test::TestRequest::get()
            .uri(path)
            .insert_header(("Authorization", format!("Bearer {token}")))
            .to_request(),
    )
    .await;
    let status = response.status().as_u16();
    (status, actix_web::test::read_body(response).await.to_vec())
}

/// The printed form holds every item written (with catalogue labels), and only what the reader
/// may see.
#[actix_web::test]
async fn the_printed_form_shows_the_items_and_hides_what_the_reader_may_not_see() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let cuc = person_id(&ctx, "Lê Thị Cúc");
        let (_, opened) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&admin),
            Some(json!({"person_id": cuc, "content": full_content()})),
        )
        .await;
        let id = opened["id"].as_str().unwrap().to_owned();
        let (status, pdf) = print(&app, &admin, &format!("/api/v1/dossiers/{id}/print")).await;
        assert_eq!(status, 200, "{backend}");
        assert!(pdf.starts_with(b"%PDF-"), "{backend}: a PDF");
        for shown in [
            "LÊ THỊ CÚC",
            "SƠ YẾU LÝ LỊCH",
            "Kinh",
            "Giáo viên trung học phổ thông hạng II",
            "4,34",
            "Trường THPT Thái Bình",
            "Trần Văn Nam",
            "Hoàn thành xuất sắc nhiệm vụ",
            "Đại học Sư phạm Hà Nội",
            "Bằng khen cấp bộ, ban, ngành, tỉnh",
            "033190012345",
            "Bãi Sậy",
            "Sở Giáo dục và Đào tạo",
            "Bản khai chưa phê duyệt",
        ] {
            assert!(pdf_shows(&pdf, shown), "{backend}: the print lacks «{shown}»");
        }
        let specialist = token_of(&app, "chuyenvien.sogddt").await;
        let (status, pdf) = print(&app, &specialist, &format!("/api/v1/dossiers/{id}/print")).await;
        assert_eq!(status, 200);
        assert!(pdf_shows(&pdf, "LÊ THỊ CÚC"));
        for hidden in [
            "033190012345",
            "0912 345 678",
            "Bãi Sậy",
            "180 triệu",
            "3312345678",
        ] {
            assert!(
                !pdf_shows(&pdf, hidden),
                "{backend}: the print shows «{hidden}» to a reader below its level"
            );
        }
        let health = token_of(&app, "syte").await;
        let (status, _) = print(&app, &health, &format!("/api/v1/dossiers/{id}/print")).await;
        assert_eq!(status, 404);
    }
}
