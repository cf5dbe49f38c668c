//! The national catalogues (CTX-2) on every backend: shipped with their sources, extended by
//! administrators, codes never reused, and checked on every write that stores one.

use hoso_store::testing::backends;
use hoso_store::{positions, units};
use serde_json::{json, Value};

use crate::support::{assert_error_body, call, token_of, TestContext};

fn first_field(body: &Value) -> (String, String) {
    let field = &body["details"]["fields"][0];
    (
        field["field"].as_str().unwrap_or_default().to_owned(),
        field["code"].as_str().unwrap_or_default().to_owned(),
    )
}

#[actix_web::test]
async fn everyone_reads_the_shipped_catalogues_with_their_sources() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let (status, _) = call(&app, "GET", "/api/v1/catalogs", None, None).await;
        assert_eq!(status, 401);

        let employee = token_of(&app, "nguyenvanan").await;
        let (status, list) = call(&app, "GET", "/api/v1/catalogs", Some(&employee), None).await;
        assert_eq!(status, 200);
        let list = list.as_array().unwrap();
        assert_eq!(list.len(), hoso_domain::catalog::shipped().len(), "{backend}");
        assert_eq!(list[0]["kind"], "genders", "in the order of the form");
        let ethnicities = list.iter().find(|c| c["kind"] == "ethnicities").unwrap();
        assert_eq!(ethnicities["entries"], 54);
        assert!(ethnicities["source"].as_str().unwrap().contains("121-TCTK"));

        // Accent-insensitive search; former provinces are retired but still listed by default.
        let (_, found) = call(
            &app,
            "GET",
            "/api/v1/catalogs/provinces?q=hung%20yen",
            Some(&employee),
            None,
        )
        .await;
        assert_eq!(found["entries"][0]["code"], "33");
        assert_eq!(found["entries"][0]["data"]["replaces"], json!(["33", "34"]));
        let (_, former) = call(
            &app,
            "GET",
            "/api/v1/catalogs/former_provinces?q=thai%20binh",
            Some(&employee),
            None,
        )
        .await;
        assert_eq!(former["entries"][0]["replaced_by"], "33");
        let (_, in_force) = call(
            &app,
            "GET",
            "/api/v1/catalogs/former_provinces?include_retired=false",
            Some(&employee),
            None,
        )
        .await;
        assert_eq!(in_force["entries"], json!([]), "merged on 1 July 2025");
        assert_eq!(in_force["catalog"]["entries"], 63);

        let (_, scale) = call(
            &app,
            "GET",
            "/api/v1/catalogs/salary_scales?q=A1",
            Some(&employee),
            None,
        )
        .await;
        assert_eq!(scale["entries"][0]["data"]["coefficients"][0], 234);

        let (status, body) = call(&app, "GET", "/api/v1/catalogs/nope", Some(&employee), None).await;
        assert_eq!(status, 404);
        assert_error_body(&body, "not_found");
    }
}

#[actix_web::test]
async fn administrators_add_and_retire_entries_and_codes_are_never_reused() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let grade = json!({"code": "09.901", "label": "Ngạch thử nghiệm", "parent": "A1", "reason": "Thông tư 99/2026/TT-BNV"});

        for username in ["sogddt", "chuyenvien.sogddt", "nguyenvanan"] {
            let token = token_of(&app, username).await;
            let (status, body) = call(
                &app,
                "POST",
                "/api/v1/catalogs/grades/entries",
                Some(&token),
                Some(grade.clone()),
            )
            .await;
            assert_eq!(status, 403, "{backend}: {username}");
            assert_error_body(&body, "forbidden");
        }
        let (_, trail) = call(
            &app,
            "GET",
            "/api/v1/audit?action=catalog.entry_added",
            Some(&admin),
            None,
        )
        .await;
        let outcomes: Vec<&Value> = trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| &e["outcome"])
            .collect();
        assert_eq!(
            outcomes,
            vec!["denied"; 3],
            "{backend}: refusals are in the trail"
        );

        let (status, added) = call(
            &app,
            "POST",
            "/api/v1/catalogs/grades/entries",
            Some(&admin),
            Some(grade.clone()),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {added}");
        assert_eq!(added["origin"], "local");

        for (change, field, code) in [
            (json!({}), "code", "code_taken"),
            (json!({"code": "01.003"}), "code", "code_taken"),
            (json!({"code": "9.1"}), "code", "invalid_format"),
            (
                json!({"code": "09.902", "parent": "Z9"}),
                "parent",
                "unknown_code",
            ),
            (json!({"code": "09.902", "parent": null}), "parent", "required"),
        ] {
            let mut body = grade.clone();
            for (k, v) in change.as_object().unwrap() {
                body[k] = v.clone();
            }
            let (status, refused) = call(
                &app,
                "POST",
                "/api/v1/catalogs/grades/entries",
                Some(&admin),
                Some(body),
            )
            .await;
            assert_eq!(status, 422, "{backend}: {change}");
            assert_eq!(
                first_field(&refused),
                (field.to_owned(), code.to_owned()),
                "{change}"
            );
        }

        // Retired, it stays (older records keep their label) but the code cannot come back.
        let retire = json!({"valid_to": "2026-01-31", "replaced_by": "01.003", "reason": "Bãi bỏ"});
        let (status, retired) = call(
            &app,
            "POST",
            "/api/v1/catalogs/grades/entries/09.901/retire",
            Some(&admin),
            Some(retire),
        )
        .await;
        assert_eq!(status, 200, "{retired}");
        assert_eq!(retired["valid_to"], "2026-01-31");
        let (status, refused) = call(
            &app,
            "POST",
            "/api/v1/catalogs/grades/entries",
            Some(&admin),
            Some(grade.clone()),
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(first_field(&refused).1, "code_taken");
    }
}

/// "Catalogue codes are checked on every write that uses them": a job position's required grade.
#[actix_web::test]
async fn a_job_position_requires_a_grade_code_in_force() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let school = units::find_by_code(&mut ctx.db.connect(), "HY.SGDDT.THPTHY")
            .unwrap()
            .unwrap()
            .id;
        let before = positions::of_unit(&mut ctx.db.connect(), &school).unwrap().len();
        let grade = json!({"code": "09.903", "label": "Ngạch đã bãi bỏ", "parent": "A1", "reason": "Thử"});
        call(
            &app,
            "POST",
            "/api/v1/catalogs/grades/entries",
            Some(&admin),
            Some(grade),
        )
        .await;
        let retire = json!({"valid_to": "2025-12-31", "reason": "Bãi bỏ"});
        call(
            &app,
            "POST",
            "/api/v1/catalogs/grades/entries/09.903/retire",
            Some(&admin),
            Some(retire),
        )
        .await;

        for (required, code) in [
            ("99.999", "unknown_code"),
            ("09.903", "retired_code"),
            ("HTXS", "unknown_code"),
        ] {
            let position = json!({"code": "VT-X", "name": "Vị trí thử", "group": "professional", "required_grade": required, "posts": 1, "reason": "Thử"});
            let (status, refused) = call(
                &app,
                "POST",
                &format!("/api/v1/units/{school}/positions"),
                Some(&admin),
                Some(position),
            )
            .await;
            assert_eq!(status, 422, "{backend}: {required}");
            assert_eq!(
                first_field(&refused),
                ("required_grade".to_owned(), code.to_owned())
            );
        }
        assert_eq!(
            positions::of_unit(&mut ctx.db.connect(), &school).unwrap().len(),
            before,
            "{backend}: nothing stored"
        );
        // A professional title (not only a civil-service grade) is accepted.
        let position = json!({"code": "VT-Y", "name": "Giáo viên THPT hạng I", "group": "professional", "required_grade": "V.07.05.13", "posts": 2, "reason": "Đề án"});
        let (status, created) = call(
            &app,
            "POST",
            &format!("/api/v1/units/{school}/positions"),
            Some(&admin),
            Some(position),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {created}");
    }
}
