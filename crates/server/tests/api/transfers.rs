//! Transfers and the archive on every backend (TRF-1…5): a person handed over between two
//! agencies is visible and editable by the new one and no longer by the old one the moment the
//! hand-over completes, history intact; a move within the agency; an arrival fulfilled by Sở
//! Nội vụ; a seconded person returns; an archived dossier rejects every write and cannot be
//! deleted; deadlines follow the profile.

use diesel::RunQueryDsl;
use hoso_store::testing::backends;
use serde_json::{json, Value};

use crate::dossiers::person_id;
use crate::support::{call, pdf, set_day, token_of, upload, TestContext};

pub(crate) fn unit(ctx: &TestContext, code: &str) -> String {
    hoso_store::units::find_by_code(&mut ctx.db.connect(), code)
        .unwrap()
        .unwrap()
        .id
}

fn decision(number: &str, document: &Value) -> Value {
    json!({"number": number, "date": "2031-03-03", "signer": "Giám đốc Sở", "document_id": document["id"]})
}

#[actix_web::test]
async fn a_hand_over_between_agencies_moves_the_dossier_and_the_rights_at_acceptance() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let education = token_of(&app, "sogddt").await;
        let health = token_of(&app, "syte").await;
        let admin = token_of(&app, "quantri").await;
        let employee = token_of(&app, "nguyenvanan").await;
        set_day(&ctx, "2031-03-03");
        let an = person_id(&ctx, "Nguyễn Văn An");
        let (_, opened) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&education),
            Some(json!({"person_id": an})),
        )
        .await;
        let dossier = opened["id"].as_str().unwrap().to_owned();
        let (_, scan) = upload(
            &app,
            &education,
            "qd-dieu-dong.pdf",
            "application/pdf",
            pdf("QĐ điều động"),
        )
        .await;

        // The sender files; the receiver sees the request but not yet the dossier. The
        // destination is picked from the whole province's tree (names are public).
        let hospital = unit(&ctx, "HY.SYT.BVDK");
        let ids = |list: &Value| {
            list.as_array()
                .unwrap()
                .iter()
                .map(|u| u["id"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        };
        let (_, own) = call(&app, "GET", "/api/v1/units", Some(&education), None).await;
        let (_, whole) = call(
            &app,
            "GET",
            "/api/v1/units?whole_province=true",
            Some(&education),
            None,
        )
        .await;
        assert!(
            !ids(&own).contains(&hospital) && ids(&whole).contains(&hospital),
            "{backend}"
        );
        let (_, mine) = call(
            &app,
            "GET",
            "/api/v1/units?whole_province=true",
            Some(&employee),
            None,
        )
        .await;
        assert!(
            !ids(&mine).contains(&hospital),
            "{backend}: not for personal accounts"
        );
        let request = json!({"kind": "between_agencies", "person_id": an, "to_unit_id": hospital, "decision": decision("12/QĐ-UBND", &scan), "effective_on": "2031-03-03"});
        let (status, filed) = call(
            &app,
            "POST",
            "/api/v1/transfers",
            Some(&health),
            Some(request.clone()),
        )
        .await;
        assert_eq!(
            status, 404,
            "{backend}: the receiver cannot file for someone not theirs"
        );
        let (status, filed) = if status == 404 {
            call(&app, "POST", "/api/v1/transfers", Some(&education), Some(request)).await
        } else {
            (status, filed)
        };
        assert_eq!(status, 201, "{backend}: {filed}");
        assert_eq!(filed["state"], "pending");
        assert_eq!(
            filed["due_on"], "2031-03-17",
            "{backend}: 10 working days in Hưng Yên"
        );
        let transfer = filed["id"].as_str().unwrap().to_owned();
        let (_, inbox) = call(&app, "GET", "/api/v1/transfers?box=incoming", Some(&health), None).await;
        assert_eq!(inbox[0]["id"], transfer.as_str(), "{backend}: {inbox}");
        let (_, outbox) = call(
            &app,
            "GET",
            "/api/v1/transfers?box=outgoing",
            Some(&education),
            None,
        )
        .await;
        assert_eq!(outbox[0]["id"], transfer.as_str());
        let (status, _) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{dossier}"),
            Some(&health),
            None,
        )
        .await;
        assert_eq!(status, 404, "{backend}: not yet the receiver's");
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/transfers/{transfer}/accept"),
            Some(&education),
            Some(json!({})),
        )
        .await;
        assert_eq!(
            status, 404,
            "{backend}: the sender does not accept for the receiver"
        );

        // Accepted: the receiver reads and edits; the sender no longer sees it; the employee's
        // account answers to the hospital; the history is intact.
        let (status, accepted) = call(
            &app,
            "POST",
            &format!("/api/v1/transfers/{transfer}/accept"),
            Some(&health),
            Some(json!({"note": "Đã nhận hồ sơ giấy"})),
        )
        .await;
        assert_eq!(
            (status, accepted["state"].as_str()),
            (200, Some("completed")),
            "{backend}: {accepted}"
        );
        let (status, read) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{dossier}/draft"),
            Some(&health),
            None,
        )
        .await;
        assert_eq!(status, 200, "{backend}: {read}");
        let revision = read["revision"].as_i64().unwrap();
        let (status, _) = call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{dossier}/draft"),
            Some(&health),
            Some(json!({"revision": revision, "content": {"identity": {"full_name": "Nguyễn Văn An"}}})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: the new agency edits");
        let (status, _) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{dossier}"),
            Some(&education),
            None,
        )
        .await;
        assert_eq!(status, 404, "{backend}: the old agency no longer sees it");
        let (_, me) = call(&app, "GET", "/api/v1/me", Some(&employee), None).await;
        assert_eq!(me["account"]["unit"]["id"], hospital.as_str(), "{backend}: {me}");
        let (_, history) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{dossier}/transfers"),
            Some(&health),
            None,
        )
        .await;
        assert_eq!(history[0]["kind"], "between_agencies");
        assert_eq!(history[0]["decision_number"], "12/QĐ-UBND");
        let (_, trail) = call(
            &app,
            "GET",
            &format!("/api/v1/audit?person_id={an}&limit=200"),
            Some(&admin),
            None,
        )
        .await;
        let actions: Vec<&str> = trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert!(
            actions.contains(&"transfer.filed") && actions.contains(&"transfer.completed"),
            "{backend}: {actions:?}"
        );
    }
}

#[actix_web::test]
async fn moves_within_the_agency_arrivals_secondments_and_the_permanent_archive() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let education = token_of(&app, "sogddt").await;
        let admin = token_of(&app, "quantri").await;
        set_day(&ctx, "2031-03-03");
        let (_, scan) = upload(&app, &education, "qd.pdf", "application/pdf", pdf("QĐ")).await;
        let an = person_id(&ctx, "Nguyễn Văn An");

        // Within the agency: done at once.
        let office = unit(&ctx, "HY.SGDDT.P01");
        let (status, moved) = call(&app, "POST", "/api/v1/transfers", Some(&education), Some(json!({"kind": "within_agency", "person_id": an, "to_unit_id": office, "decision": decision("5/QĐ-SGDĐT", &scan), "effective_on": "2031-03-03"}))).await;
        assert_eq!(
            (status, moved["state"].as_str()),
            (201, Some("completed")),
            "{backend}: {moved}"
        );
        assert_eq!(moved["due_on"], "2031-03-10", "{backend}: 5 working days");
        let hospital = unit(&ctx, "HY.SYT.BVDK");
        let (status, _) = call(&app, "POST", "/api/v1/transfers", Some(&education), Some(json!({"kind": "within_agency", "person_id": an, "to_unit_id": hospital, "decision": decision("6/QĐ", &scan), "effective_on": "2031-03-03"}))).await;
        assert_eq!(
            status, 404,
            "{backend}: not within the agency (the hospital is outside its scope)"
        );

        // An arrival from outside the province, fulfilled by Sở Nội vụ with the national export.
        let school = unit(&ctx, "HY.SGDDT.THPTHY");
        let (status, arrival) = call(&app, "POST", "/api/v1/transfers", Some(&education), Some(json!({"kind": "arrival", "person_name": "Đỗ Thị Hoa", "to_unit_id": school, "outside_body": "Sở GD&ĐT tỉnh Ninh Bình", "decision": decision("9/QĐ-UBND", &scan), "effective_on": "2031-03-03"}))).await;
        assert_eq!(status, 201, "{backend}: {arrival}");
        let arrival_id = arrival["id"].as_str().unwrap();
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/transfers/{arrival_id}/accept"),
            Some(&education),
            Some(json!({})),
        )
        .await;
        assert_eq!(
            status, 403,
            "{backend}: only Sở Nội vụ pulls from the national database"
        );
        let (_, queue) = call(&app, "GET", "/api/v1/transfers?box=incoming", Some(&admin), None).await;
        assert!(
            queue.as_array().unwrap().iter().any(|t| t["id"] == arrival_id),
            "{backend}: {queue}"
        );
        let (_, export) = upload(
            &app,
            &admin,
            "csdlqg.pdf",
            "application/pdf",
            pdf("CSDL quốc gia"),
        )
        .await;
        let (status, done) = call(
            &app,
            "POST",
            &format!("/api/v1/transfers/{arrival_id}/accept"),
            Some(&admin),
            Some(json!({"document_id": export["id"]})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {done}");
        let newcomer = done["person_id"].as_str().unwrap();
        let (status, _) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&education),
            Some(json!({"person_id": newcomer})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: the agency opens the newcomer's dossier");

        // A secondment until a date, then the return (due in the dashboard until then).
        let (status, seconded) = call(&app, "POST", "/api/v1/transfers", Some(&education), Some(json!({"kind": "secondment", "person_id": newcomer, "outside_body": "Ban Tuyên giáo", "decision": decision("11/QĐ", &scan), "effective_on": "2031-03-03", "until_on": "2031-09-03"}))).await;
        assert_eq!(status, 201, "{backend}: {seconded}");
        let (_, dashboard) = call(&app, "GET", "/api/v1/deadlines", Some(&education), None).await;
        assert!(
            dashboard["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["task"] == "secondment_return" && i["due_on"] == "2031-09-03"),
            "{backend}: {dashboard}"
        );
        // WF-4 (#19 (15)): the arrival took effect on 3/3 and is not yet recorded in the
        // newcomer's dossier: a change is due within 5 working days, by the person.
        let recording = dashboard["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["task"] == "change_record" && i["full_name"] == "Đỗ Thị Hoa")
            .unwrap_or_else(|| panic!("{backend}: {dashboard}"));
        assert_eq!(
            (recording["since"].as_str(), recording["due_on"].as_str()),
            (Some("2031-03-03"), Some("2031-03-10")),
            "{backend}"
        );
        assert_eq!(recording["officers"], json!(["Đỗ Thị Hoa"]), "{backend}");
        let secondment = seconded["id"].as_str().unwrap();
        let (status, back) = call(
            &app,
            "POST",
            &format!("/api/v1/transfers/{secondment}/return"),
            Some(&education),
            None,
        )
        .await;
        assert_eq!(status, 200, "{backend}: {back}");
        assert!(back["returned_at"].is_string());
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/transfers/{secondment}/return"),
            Some(&education),
            None,
        )
        .await;
        assert_eq!(status, 409, "{backend}: already back");

        // Retirement: the account closes, the dossier goes to the archive and takes no writes.
        let (_, opened) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&education),
            Some(json!({"person_id": an})),
        )
        .await;
        let dossier = opened["id"].as_str().unwrap().to_owned();
        let (status, retired) = call(&app, "POST", "/api/v1/transfers", Some(&education), Some(json!({"kind": "retirement", "person_id": an, "decision": decision("20/QĐ", &scan), "effective_on": "2031-03-03"}))).await;
        assert_eq!(
            (status, retired["state"].as_str()),
            (201, Some("completed")),
            "{backend}: {retired}"
        );
        // SEC-3 "always" (#19, defect 14): the retiree keeps reading their own dossier and who
        // handled it, and changes nothing.
        let (status, signed_in) = call(
            &app,
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({"username": "nguyenvanan", "password": crate::support::DEMO_PASSWORD})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: a retiree still signs in: {signed_in}");
        assert!(signed_in["account"]["read_only_since"].is_string(), "{signed_in}");
        let retiree = signed_in["access_token"].as_str().unwrap().to_owned();
        let (status, own) = call(&app, "GET", "/api/v1/me/dossier", Some(&retiree), None).await;
        assert_eq!(
            (status, own["id"].as_str()),
            (200, Some(dossier.as_str())),
            "{backend}: {own}"
        );
        let (status, log) = call(&app, "GET", "/api/v1/me/audit", Some(&retiree), None).await;
        assert_eq!(status, 200, "{backend}: {log}");
        let (status, refused) = crate::support::edit_draft(&app, &retiree, &dossier, |content| {
            content["identity"]["phone"] = json!("0900000000");
        })
        .await;
        assert_eq!(status, 403, "{backend}: read only: {refused}");
        let (status, _) = crate::support::upload(
            &app,
            &retiree,
            "giay.pdf",
            "application/pdf",
            crate::support::pdf("x"),
        )
        .await;
        assert_eq!(status, 403, "{backend}: no uploads either");
        // #19 (15): no task outlives the service it was for.
        let (_, board) = call(&app, "GET", "/api/v1/deadlines", Some(&education), None).await;
        assert!(
            board["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|i| i["dossier_id"] != dossier.as_str()),
            "{backend}: {board}"
        );
        let (_, archive) = call(
            &app,
            "GET",
            "/api/v1/archive?q=nguyen%20van%20an",
            Some(&education),
            None,
        )
        .await;
        assert_eq!(archive[0]["id"], dossier.as_str(), "{backend}: {archive}");
        assert_eq!(archive[0]["service_status"], "retired");
        let (_, listed) = call(
            &app,
            "GET",
            "/api/v1/dossiers?q=nguyen%20van%20an",
            Some(&education),
            None,
        )
        .await;
        assert!(
            !listed
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["id"] == dossier.as_str()),
            "{backend}: counted apart"
        );
        let (status, _) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{dossier}"),
            Some(&education),
            None,
        )
        .await;
        assert_eq!(status, 200, "{backend}: still readable");
        let writes = [
            (
                "PUT",
                format!("/api/v1/dossiers/{dossier}/draft"),
                json!({"revision": 1, "content": {}}),
            ),
            (
                "POST",
                format!("/api/v1/dossiers/{dossier}/submit"),
                json!({"revision": 1}),
            ),
            (
                "POST",
                format!("/api/v1/dossiers/{dossier}/attachments"),
                json!({"document_id": scan["id"], "kind": "SYLL"}),
            ),
            (
                "POST",
                "/api/v1/transfers".to_owned(),
                json!({"kind": "death", "person_id": an, "decision": decision("21/QĐ", &scan), "effective_on": "2031-03-04"}),
            ),
        ];
        for (method, path, body) in writes {
            let (status, refused) = call(&app, method, &path, Some(&education), Some(body)).await;
            assert_eq!(
                (status, refused["code"].as_str()),
                (409, Some("dossier_archived")),
                "{backend}: {method} {path}"
            );
        }
        // No API deletes a dossier, and the database itself refuses.
        let (status, _) = call(
            &app,
            "DELETE",
            &format!("/api/v1/dossiers/{dossier}"),
            Some(&admin),
            None,
        )
        .await;
        assert!(
            matches!(status, 404 | 405),
            "{backend}: no delete route ({status})"
        );
        let mut conn = ctx.db.connect();
        let deleted =
            diesel::sql_query(format!("DELETE FROM dossiers WHERE id = '{dossier}'")).execute(&mut conn);
        assert!(deleted.is_err(), "{backend}: the trigger keeps it");
    }
}
