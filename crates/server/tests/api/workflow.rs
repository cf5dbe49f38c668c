//! The update and approval workflow end to end on every backend (WF-1…8, CTX-4, CTX-5): a new
//! employee's dossier through entry, return, check and lock, the head's signature made by a
//! standard tool (openssl) and Sở Nội vụ's built-in signature, around Tết 2031; then a change
//! request with its evidence, batch-signed. Each actor uses their own account; the refusals
//! (another unit's officer, a locked draft, outside the window, a certificate not the signer's,
//! a changed byte) are checked on the way, and so is the audit trail.

use hoso_store::testing::backends;
use serde_json::{json, Value};

use crate::dossiers::{full_content, person_id, photo};
use crate::support::{call, pdf, set_day, token_of, upload, OpensslPki, TestContext, DEMO_PASSWORD};

pub(crate) fn an_content(photo: &str) -> Value {
    let mut content = full_content();
    content["photo_document_id"] = json!(photo);
    content["identity"]["full_name"] = json!("Nguyễn Văn An");
    content["identity"]["gender"] = json!("1");
    content["identity"]["citizen_id"] = json!("033090012345");
    content["family"][1]["relation"] = json!("VO");
    content["family"][1]["full_name"] = json!("Trần Thị Nam");
    content
}

/// Nguyễn Văn An's dossier opened by `token` with the whole form filled (revision 2), ready to
/// submit; its id and the photo's document id.
pub(crate) async fn an_dossier<S, B>(ctx: &TestContext, app: &S, token: &str) -> (String, String)
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    an_dossier_by(ctx, app, token, token).await
}

/// [`an_dossier`] opened by `opener` (the agency) and filled by `writer` (the employee).
pub(crate) async fn an_dossier_by<S, B>(
    ctx: &TestContext,
    app: &S,
    opener: &str,
    writer: &str,
) -> (String, String)
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    let an = person_id(ctx, "Nguyễn Văn An");
    let (status, opened) = call(
        app,
        "POST",
        "/api/v1/dossiers",
        Some(opener),
        Some(json!({"person_id": an})),
    )
    .await;
    assert_eq!(status, 201, "{opened}");
    let id = opened["id"].as_str().unwrap().to_owned();
    let picture = photo(app, writer).await;
    let content = json!({"revision": 1, "content": an_content(&picture)});
    let (status, saved) = call(
        app,
        "PUT",
        &format!("/api/v1/dossiers/{id}/draft"),
        Some(writer),
        Some(content),
    )
    .await;
    assert_eq!(status, 200, "{saved}");
    (id, picture)
}

/// Runs `hoso verify` on `bytes` saved as `name` in `dir` (beside `roots.pem`): it passes, or
/// fails naming the changed content.
fn hoso_verify(dir: &std::path::Path, name: &str, bytes: &[u8], valid: bool) {
    std::fs::write(dir.join(name), bytes).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(["verify", name, "--trust", "roots.pem"])
        .current_dir(dir)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.success(), valid, "{name}: {text}");
    assert!(valid || text.contains("[content_changed]"), "{text}");
}

fn field_codes(body: &Value) -> Vec<(String, String)> {
    body["details"]["fields"]
        .as_array()
        .map(|fields| {
            fields
                .iter()
                .map(|f| {
                    (
                        f["field"].as_str().unwrap().to_owned(),
                        f["code"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[actix_web::test]
async fn a_new_employee_and_a_change_go_through_every_step_with_each_actors_account() {
    for backend in backends() {
        let pki = OpensslPki::new();
        let head_cert = pki.issue("giamdoc");
        pki.issue("nguoikhac");
        let mut ctx = TestContext::new(backend).with_demo();
        ctx.trusted_roots = pki.roots();
        let app = ctx.app().await;
        let employee = token_of(&app, "nguyenvanan").await;
        let focal = token_of(&app, "chuyenvien.sogddt").await;
        let head = token_of(&app, "sogddt").await;
        let home_affairs = token_of(&app, "quantri").await;
        let other_agency = token_of(&app, "syte").await;

        // The year's plan: Saturday 1/2/2031 is worked in exchange for a bridging day.
        let (status, body) = call(
            &app,
            "PUT",
            "/api/v1/calendar/2031",
            Some(&home_affairs),
            Some(json!({"days": [{"day": "2031-02-01", "kind": "working", "note": "Làm bù"}], "reason": "Thông báo lịch nghỉ Tết 2031"})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {body}");

        // The agency opens the dossier on Monday 20/1/2031; the employee fills it in.
        set_day(&ctx, "2031-01-20");
        let an = person_id(&ctx, "Nguyễn Văn An");
        let (id, picture) = an_dossier_by(&ctx, &app, &head, &employee).await;
        let (status, review) = call(
            &app,
            "POST",
            &format!("/api/v1/dossiers/{id}/submit"),
            Some(&employee),
            Some(json!({"revision": 2})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {review}");
        assert_eq!(review["state"], "submitted");
        assert_eq!(review["on_behalf"], false);
        // Five working days across Tết (22–28/1 off) and the swapped Saturday: 21/1, 29/1, 30/1,
        // 31/1, 1/2.
        assert_eq!(review["due_on"], "2031-02-01", "{backend}");
        let first = review["id"].as_str().unwrap().to_owned();

        // While submitted the employee cannot edit; another department's officer cannot act.
        let (status, body) = call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&employee),
            Some(json!({"revision": 2, "content": an_content(&picture)})),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("dossier_locked")),
            "{backend}"
        );
        let checklist = json!({"checklist": [{"item": "Sơ yếu lý lịch", "checked": true}, {"item": "Văn bằng", "checked": true}]});
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{first}/lock"),
            Some(&other_agency),
            Some(checklist.clone()),
        )
        .await;
        assert_eq!(status, 404, "{backend}: another unit's officer does not see it");
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{first}/lock"),
            Some(&employee),
            Some(checklist.clone()),
        )
        .await;
        assert_eq!(status, 404, "{backend}: the employee does not lock their own");

        // The deadline dashboard names the focal officer.
        let (status, dashboard) = call(&app, "GET", "/api/v1/deadlines", Some(&head), None).await;
        assert_eq!(status, 200, "{backend}: {dashboard}");
        let item = dashboard["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["dossier_id"] == id.as_str())
            .unwrap()
            .clone();
        assert_eq!(item["task"], "focal_check");
        assert_eq!(item["due_on"], "2031-02-01");
        assert!(
            item["officers"]
                .as_array()
                .unwrap()
                .contains(&json!("Trần Thị Bình — chuyên viên tổ chức cán bộ")),
            "{item}"
        );

        // The focal officer's queue; a finding against the originals sends it back (WF-5).
        let (_, queue) = call(&app, "GET", "/api/v1/approvals?step=check", Some(&focal), None).await;
        assert!(
            queue["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["id"] == first.as_str()),
            "{backend}: {queue}"
        );
        set_day(&ctx, "2031-01-21");
        let (status, returned) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{first}/return"),
            Some(&focal),
            Some(json!({"reason": "Số điện thoại không khớp với bản khai gốc."})),
        )
        .await;
        assert_eq!(
            (status, returned["state"].as_str()),
            (200, Some("returned")),
            "{backend}: {returned}"
        );
        let (_, mine) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/reviews"),
            Some(&employee),
            None,
        )
        .await;
        assert_eq!(
            mine[0]["return_reason"], "Số điện thoại không khớp với bản khai gốc.",
            "{backend}: the employee reads why"
        );
        let mut fixed = an_content(&picture);
        fixed["identity"]["phone"] = json!("0912 345 679");
        let (status, _) = call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&employee),
            Some(json!({"revision": 2, "content": fixed})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: editable again once returned");
        let (status, again) = call(
            &app,
            "POST",
            &format!("/api/v1/dossiers/{id}/submit"),
            Some(&employee),
            Some(json!({"revision": 3})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {again}");
        let second = again["id"].as_str().unwrap().to_owned();
        // #19 (15): the returned review's "resubmission" task ended with the resubmission; the
        // dashboard holds the new check only.
        let (_, dashboard) = call(&app, "GET", "/api/v1/deadlines", Some(&head), None).await;
        let tasks: Vec<&str> = dashboard["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["dossier_id"] == id.as_str())
            .map(|i| i["task"].as_str().unwrap())
            .collect();
        assert_eq!(tasks, vec!["focal_check"], "{backend}: {dashboard}");

        // Locked on 29/1, the first working day after Tết.
        set_day(&ctx, "2031-01-29");
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{second}/lock"),
            Some(&focal),
            Some(json!({"checklist": [{"item": "Văn bằng", "checked": false}]})),
        )
        .await;
        assert_eq!(status, 422, "{backend}: every line must be checked");
        assert_eq!(
            field_codes(&body),
            [("checklist[0]".to_owned(), "unchecked".to_owned())]
        );
        let (status, locked) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{second}/lock"),
            Some(&focal),
            Some(checklist.clone()),
        )
        .await;
        assert_eq!(
            (status, locked["state"].as_str()),
            (200, Some("locked")),
            "{backend}: {locked}"
        );
        // Locked on 29/1: 30/1, 31/1, 1/2 (worked), 3/2, 4/2.
        assert_eq!(locked["due_on"], "2031-02-04");
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{second}/sign"),
            Some(&focal),
            Some(json!({"password": DEMO_PASSWORD})),
        )
        .await;
        assert_eq!(status, 403, "{backend}: the focal officer does not sign");

        // The head registers the token's certificate and signs with openssl — in the window only.
        let (status, registered) = call(
            &app,
            "POST",
            "/api/v1/me/certificates",
            Some(&head),
            Some(json!({"password": DEMO_PASSWORD, "certificate": head_cert})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {registered}");
        assert_eq!(registered["source"], "external");
        let (_, payload) = call(
            &app,
            "GET",
            &format!("/api/v1/approvals/{second}/signing-payload"),
            Some(&head),
            None,
        )
        .await;
        let statement = payload["statement"].as_str().unwrap().to_owned();
        assert_eq!(payload["version"], 1);
        assert_eq!(payload["window"]["open"], false);
        let good = pki.sign("giamdoc", statement.as_bytes());
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{second}/sign"),
            Some(&head),
            Some(json!({"cms": good})),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("window_closed")),
            "{backend}: {body}"
        );
        assert!(body["message"].as_str().unwrap().contains("23/02/2031"), "{body}");
        set_day(&ctx, "2031-02-24");
        let not_his = pki.sign("nguoikhac", statement.as_bytes());
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{second}/sign"),
            Some(&head),
            Some(json!({"cms": not_his})),
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert_eq!(
            field_codes(&body),
            [("cms".to_owned(), "certificate_not_registered".to_owned())]
        );
        let changed = pki.sign(
            "giamdoc",
            statement.replace("\"version\":1", "\"version\":2").as_bytes(),
        );
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{second}/sign"),
            Some(&head),
            Some(json!({"cms": changed})),
        )
        .await;
        assert_eq!(
            field_codes(&body),
            [("cms".to_owned(), "content_changed".to_owned())],
            "{backend}: {status}"
        );
        let (status, signature) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{second}/sign"),
            Some(&head),
            Some(json!({"cms": good})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {signature}");
        assert_eq!(
            (signature["step"].as_str(), signature["version"].as_i64()),
            (Some("head"), Some(1))
        );
        let (_, dossier) = call(&app, "GET", &format!("/api/v1/dossiers/{id}"), Some(&head), None).await;
        assert_eq!(
            (dossier["status"].as_str(), dossier["current_version"].as_i64()),
            (Some("signed"), Some(1)),
            "{backend}: {dossier}"
        );

        // Sở Nội vụ approves with the built-in signer in the last five working days of February.
        let (_, national) = call(
            &app,
            "GET",
            "/api/v1/approvals?step=national",
            Some(&home_affairs),
            None,
        )
        .await;
        assert_eq!(
            national["items"][0]["due_on"], "2031-02-28",
            "{backend}: {national}"
        );
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{second}/sign"),
            Some(&home_affairs),
            Some(json!({"password": DEMO_PASSWORD})),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("no_signing_certificate")),
            "{backend}"
        );
        let (status, _) = call(
            &app,
            "POST",
            "/api/v1/me/certificates",
            Some(&home_affairs),
            Some(json!({"password": "sai mật khẩu"})),
        )
        .await;
        assert_eq!(status, 422);
        let (status, _) = call(
            &app,
            "POST",
            "/api/v1/me/certificates",
            Some(&home_affairs),
            Some(json!({"password": DEMO_PASSWORD})),
        )
        .await;
        assert_eq!(status, 201);
        set_day(&ctx, "2031-02-26");
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{second}/sign"),
            Some(&home_affairs),
            Some(json!({"password": DEMO_PASSWORD})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {body}");
        let (_, dossier) = call(&app, "GET", &format!("/api/v1/dossiers/{id}"), Some(&head), None).await;
        assert_eq!(dossier["status"], "approved");

        // The signed export verifies; any change to a signed field does not.
        let (status, export) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/versions/1/signed"),
            Some(&employee),
            None,
        )
        .await;
        assert_eq!(status, 200, "{backend}: {export}");
        assert_eq!(export["signatures"].as_array().unwrap().len(), 2);
        let (_, report) = call(
            &app,
            "POST",
            "/api/v1/signatures/verify",
            Some(&focal),
            Some(json!({"export": export})),
        )
        .await;
        assert_eq!(report["valid"], true, "{backend}: {report}");
        let mut tampered = export.clone();
        tampered["content"]["salary"]["step"] = json!(3);
        let (_, report) = call(
            &app,
            "POST",
            "/api/v1/signatures/verify",
            Some(&focal),
            Some(json!({"export": tampered})),
        )
        .await;
        assert_eq!(
            (report["valid"].as_bool(), report["content"]["code"].as_str()),
            (Some(false), Some("content_changed")),
            "{backend}"
        );

        // Offline, as a recipient would: `hoso verify` with the roots the server publishes.
        let request = actix_web::test::TestRequest::get()
            .uri("/api/v1/signatures/roots")
            .insert_header(("Authorization", format!("Bearer {focal}")))
            .to_request();
        let roots = crate::support::text_body(actix_web::test::call_service(&app, request).await).await;
        assert_eq!(
            roots.matches("BEGIN CERTIFICATE").count(),
            2,
            "{backend}: the openssl root and the built-in CA"
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("roots.pem"), &roots).unwrap();
        let json = |v: &Value| serde_json::to_vec(v).unwrap();
        hoso_verify(dir.path(), "export.json", &json(&export), true);
        hoso_verify(dir.path(), "tampered.json", &json(&tampered), false);

        // The signed PDF: the form, a page of signatures, the export embedded; verifiable alone.
        let (status, signed_pdf) = crate::dossiers::print(
            &app,
            &employee,
            &format!("/api/v1/dossiers/{id}/versions/1/signed.pdf"),
        )
        .await;
        assert_eq!(status, 200, "{backend}");
        assert!(
            crate::dossiers::pdf_shows(&signed_pdf, "Chữ ký số"),
            "{backend}: the signatures page"
        );
        assert!(
            crate::dossiers::pdf_shows(&signed_pdf, "Sở Nội vụ phê duyệt"),
            "{backend}"
        );
        let mut forged = signed_pdf.clone();
        let needle = b"\"step\": 2";
        let at = forged
            .windows(needle.len())
            .position(|w| w == needle)
            .expect("the embedded export")
            + needle.len()
            - 1;
        forged[at] = b'3';
        hoso_verify(dir.path(), "signed.pdf", &signed_pdf, true);
        hoso_verify(dir.path(), "forged.pdf", &forged, false);
        let (status, _) = crate::dossiers::print(
            &app,
            &head,
            &format!("/api/v1/dossiers/{id}/versions/1/signed.pdf"),
        )
        .await;
        assert_eq!(
            status, 403,
            "{backend}: the head may not see every field, so not the signed copy"
        );

        // A change with its evidence (WF-4), entered by the employee, batch-signed by the head.
        set_day(&ctx, "2031-03-10");
        let mut changed = fixed.clone();
        changed["rewards"].as_array_mut().unwrap().push(
            json!({"decided_on": "2025-12-05", "form": "BK_BO", "level": "Tỉnh", "decision": "77/QĐ-UBND"}),
        );
        let (status, _) = call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&employee),
            Some(json!({"revision": 4, "content": changed})),
        )
        .await;
        assert_eq!(status, 200, "{backend}");
        let request = |evidence: Value| json!({"dossier_id": id, "revision": 5, "reason": "Bằng khen của Bộ trưởng năm 2031", "event_date": "2031-03-05", "evidence": evidence});
        let (status, body) = call(
            &app,
            "POST",
            "/api/v1/change-requests",
            Some(&employee),
            Some(request(json!([]))),
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(
            field_codes(&body),
            [("evidence".to_owned(), "required".to_owned())]
        );
        let (_, scan) = upload(
            &app,
            &employee,
            "bang-khen.pdf",
            "application/pdf",
            pdf("Bằng khen"),
        )
        .await;
        let (status, change) = call(
            &app,
            "POST",
            "/api/v1/change-requests",
            Some(&employee),
            Some(request(
                json!([{"document_id": scan["id"], "kind": "KHEN_THUONG"}]),
            )),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {change}");
        assert_eq!(
            (change["kind"].as_str(), change["due_on"].as_str()),
            (Some("change"), Some("2031-03-24")),
            "{backend}: 10 working days"
        );
        // WF-4: the reward of 5/3 was to be recorded within 5 working days (by 12/3); filed on 10/3.
        assert_eq!(
            (
                change["record_due_on"].as_str(),
                change["recorded_late"].as_bool()
            ),
            (Some("2031-03-12"), Some(false)),
            "{backend}: {change}"
        );
        assert_eq!(change["evidence"][0]["kind"], "KHEN_THUONG");
        let change_id = change["id"].as_str().unwrap().to_owned();
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{change_id}/lock"),
            Some(&focal),
            Some(checklist.clone()),
        )
        .await;
        assert_eq!(status, 200);
        let (status, _) = call(
            &app,
            "POST",
            "/api/v1/me/certificates",
            Some(&head),
            Some(json!({"password": DEMO_PASSWORD})),
        )
        .await;
        assert_eq!(
            status, 201,
            "{backend}: the head also takes a built-in certificate"
        );
        set_day(&ctx, "2031-03-24");
        let (status, batch) = call(
            &app,
            "POST",
            "/api/v1/approvals/batch-sign",
            Some(&head),
            Some(json!({"review_ids": [change_id, first], "password": DEMO_PASSWORD})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {batch}");
        assert_eq!(batch["signed"], 1);
        assert_eq!(
            (
                batch["items"][1]["ok"].as_bool(),
                batch["items"][1]["code"].as_str()
            ),
            (Some(false), Some("invalid_state")),
            "{batch}"
        );
        let (_, versions) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/versions"),
            Some(&head),
            None,
        )
        .await;
        assert_eq!(versions.as_array().unwrap().len(), 2, "{backend}");

        // The audit trail holds every step, with who did it.
        let (_, trail) = call(
            &app,
            "GET",
            &format!("/api/v1/audit?person_id={an}&limit=200"),
            Some(&home_affairs),
            None,
        )
        .await;
        let actions: Vec<&str> = trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        for wanted in [
            "dossier.submitted",
            "dossier.returned",
            "dossier.locked",
            "dossier.signed",
            "dossier.change_requested",
        ] {
            assert!(actions.contains(&wanted), "{backend}: {wanted} in {actions:?}");
        }
    }
}

#[actix_web::test]
async fn an_update_campaign_notifies_its_people_and_confines_their_changes() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let employee = token_of(&app, "nguyenvanan").await;
        let agency = token_of(&app, "sogddt").await;
        let focal = token_of(&app, "chuyenvien.sogddt").await;
        let (id, picture) = an_dossier(&ctx, &app, &admin).await;
        crate::support::approve_through_workflow(&app, &ctx, &admin, &id, 2).await;

        // The department's HR opens a campaign for rewards; another department cannot.
        set_day(&ctx, "2031-05-05");
        let department = hoso_store::units::find_by_code(&mut ctx.db.connect(), "HY.SGDDT")
            .unwrap()
            .unwrap()
            .id;
        let campaign = json!({"unit_id": department, "title": "Cập nhật khen thưởng năm 2030", "sections": ["rewards"], "closes_on": "2031-05-20"});
        let (status, _) = call(
            &app,
            "POST",
            "/api/v1/campaigns",
            Some(&token_of(&app, "syte").await),
            Some(campaign.clone()),
        )
        .await;
        assert_eq!(status, 404, "{backend}: outside its scope");
        let (status, body) = call(&app, "POST", "/api/v1/campaigns", Some(&agency), Some(json!({"unit_id": department, "title": "Sai", "sections": ["salaries"], "closes_on": "2031-05-01"}))).await;
        assert_eq!(status, 422);
        assert_eq!(
            field_codes(&body),
            [
                ("sections[0]".to_owned(), "unknown_section".to_owned()),
                ("closes_on".to_owned(), "in_past".to_owned())
            ]
        );
        let (status, opened) = call(&app, "POST", "/api/v1/campaigns", Some(&agency), Some(campaign)).await;
        assert_eq!(status, 201, "{backend}: {opened}");
        let campaign_id = opened["id"].as_str().unwrap().to_owned();

        // The employee is told in the app and sees the open campaign; the dashboard waits for them.
        let (_, notes) = call(&app, "GET", "/api/v1/me/notifications", Some(&employee), None).await;
        assert_eq!(
            notes[0]["title"], "Cập nhật khen thưởng năm 2030",
            "{backend}: {notes}"
        );
        let (_, mine) = call(&app, "GET", "/api/v1/me/campaigns", Some(&employee), None).await;
        assert_eq!(mine[0]["id"], campaign_id.as_str());
        let (_, dashboard) = call(&app, "GET", "/api/v1/deadlines", Some(&agency), None).await;
        let waiting = dashboard["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["task"] == "campaign_update" && i["dossier_id"] == id.as_str())
            .cloned();
        assert_eq!(
            waiting.map(|w| w["due_on"].clone()),
            Some(json!("2031-05-20")),
            "{backend}"
        );

        // A change under the campaign needs no scan but must stay within its sections.
        let mut changed = an_content(&picture);
        changed["rewards"].as_array_mut().unwrap().push(
            json!({"decided_on": "2025-12-05", "form": "BK_BO", "level": "Tỉnh", "decision": "77/QĐ-UBND"}),
        );
        changed["identity"]["phone"] = json!("0988 000 111");
        let (_, draft) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&employee),
            None,
        )
        .await;
        let revision = draft["revision"].as_i64().unwrap();
        call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&employee),
            Some(json!({"revision": revision, "content": changed})),
        )
        .await;
        let request = |revision: i64| json!({"dossier_id": id, "revision": revision, "reason": "Bằng khen năm 2030", "event_date": "2031-05-01", "campaign_id": campaign_id});
        let (status, body) = call(
            &app,
            "POST",
            "/api/v1/change-requests",
            Some(&employee),
            Some(request(revision + 1)),
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert_eq!(
            field_codes(&body),
            [("identity.phone".to_owned(), "outside_campaign".to_owned())]
        );
        changed["identity"]["phone"] = an_content(&picture)["identity"]["phone"].clone();
        call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&employee),
            Some(json!({"revision": revision + 1, "content": changed})),
        )
        .await;
        let (status, filed) = call(
            &app,
            "POST",
            "/api/v1/change-requests",
            Some(&employee),
            Some(request(revision + 2)),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {filed}");
        assert_eq!(filed["campaign_id"], campaign_id.as_str());
        let (_, dashboard) = call(&app, "GET", "/api/v1/deadlines", Some(&agency), None).await;
        assert!(
            !dashboard["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["task"] == "campaign_update" && i["dossier_id"] == id.as_str()),
            "{backend}: answered"
        );

        // Returned: the employee is notified with the reason.
        set_day(&ctx, "2031-05-06");
        let review = filed["id"].as_str().unwrap();
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{review}/return"),
            Some(&focal),
            Some(json!({"reason": "Thiếu số quyết định khen thưởng"})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {body}");
        let (_, notes) = call(&app, "GET", "/api/v1/me/notifications", Some(&employee), None).await;
        assert_eq!(
            (notes[0]["kind"].as_str(), notes[0]["body"].as_str()),
            (Some("dossier_returned"), Some("Thiếu số quyết định khen thưởng")),
            "{backend}"
        );
        let note = notes[0]["id"].as_str().unwrap();
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/me/notifications/{note}/read"),
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(status, 404, "{backend}: not theirs");
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/me/notifications/{note}/read"),
            Some(&employee),
            None,
        )
        .await;
        assert_eq!(status, 204);
    }
}

/// Issue #19 (10), WF-2: the evidence is checked with the data. While the dossier waits for the
/// check or for signatures, no document can be attached (409 `dossier_locked`); after a return,
/// it can again.
#[actix_web::test]
async fn no_evidence_is_attached_while_the_dossier_is_being_checked() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let employee = token_of(&app, "nguyenvanan").await;
        let head = token_of(&app, "sogddt").await;
        let focal = token_of(&app, "chuyenvien.sogddt").await;
        let an = person_id(&ctx, "Nguyễn Văn An");
        let (_, opened) = call(
            &app,
            "POST",
            "/api/v1/dossiers",
            Some(&head),
            Some(json!({"person_id": an})),
        )
        .await;
        let id = opened["id"].as_str().unwrap().to_owned();
        let picture = photo(&app, &employee).await;
        let draft = json!({"revision": 1, "content": an_content(&picture)});
        let (status, _) = call(
            &app,
            "PUT",
            &format!("/api/v1/dossiers/{id}/draft"),
            Some(&employee),
            Some(draft),
        )
        .await;
        assert_eq!(status, 200);
        let (status, review) = call(
            &app,
            "POST",
            &format!("/api/v1/dossiers/{id}/submit"),
            Some(&employee),
            Some(json!({"revision": 2})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {review}");
        let (_, scan) = upload(
            &app,
            &employee,
            "bang.pdf",
            "application/pdf",
            pdf("Bằng tốt nghiệp"),
        )
        .await;
        let attach = json!({"document_id": scan["id"], "kind": "BO_NHIEM", "item": "career.position", "note": "Bản sao"});
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/dossiers/{id}/attachments"),
            Some(&employee),
            Some(attach.clone()),
        )
        .await;
        assert_eq!(status, 409, "{backend}: {body}");
        assert_eq!(body["code"], "dossier_locked");
        let (_, listed) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/attachments"),
            Some(&head),
            None,
        )
        .await;
        assert_eq!(
            listed.as_array().map(Vec::len),
            Some(0),
            "{backend}: nothing was attached"
        );
        let review_id = review["id"].as_str().unwrap();
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{review_id}/return"),
            Some(&focal),
            Some(json!({"reason": "Thiếu bằng tốt nghiệp"})),
        )
        .await;
        assert_eq!(status, 200, "{backend}");
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/dossiers/{id}/attachments"),
            Some(&employee),
            Some(attach),
        )
        .await;
        assert_eq!(status, 201, "{backend}: after the return: {body}");
    }
}

/// #19 (11), WF-2/WF-3: the account that entered a dossier on the person's behalf does not
/// check it, and the account that checked it does not sign it; each refusal is audited. Sở Nội
/// vụ may relax the rule only with a reason of its own, and then one account may do both.
#[actix_web::test]
async fn one_account_neither_checks_what_it_entered_nor_signs_what_it_checked() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let agency = token_of(&app, "sogddt").await;
        let (id, _) = an_dossier(&ctx, &app, &admin).await;
        set_day(&ctx, "2031-04-21");
        let (status, review) = call(
            &app,
            "POST",
            &format!("/api/v1/dossiers/{id}/submit"),
            Some(&admin),
            Some(json!({"revision": 2})),
        )
        .await;
        assert_eq!(
            (status, review["on_behalf"].as_bool()),
            (201, Some(true)),
            "{backend}"
        );
        let review_id = review["id"].as_str().unwrap().to_owned();
        let locking = format!("/api/v1/approvals/{review_id}/lock");
        let checklist = json!({"checklist": [{"item": "Sơ yếu lý lịch", "checked": true}]});
        let (status, refused) = call(&app, "POST", &locking, Some(&admin), Some(checklist.clone())).await;
        assert_eq!(
            (status, refused["code"].as_str()),
            (409, Some("separation_of_duties")),
            "{backend}: it entered the dossier: {refused}"
        );

        // Relaxed without a reason: refused naming the field; with one: the same account checks.
        let profile = |separation: Value| json!({"name": "hung-yen", "enforcement": "refuse", "separation_of_duties": separation, "reason": "Đơn vị nhỏ"});
        let save = |separation: Value| {
            let (app, admin, body) = (&app, admin.clone(), profile(separation));
            async move {
                call(
                    app,
                    "PUT",
                    "/api/v1/settings/regulation-profile",
                    Some(&admin),
                    Some(body),
                )
                .await
            }
        };
        let (status, body) = save(json!({"mode": "relaxed", "reason": " "})).await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert_eq!(
            body["details"]["fields"][0]["field"],
            "separation_of_duties.reason"
        );
        let (status, saved) =
            save(json!({"mode": "relaxed", "reason": "Trường chỉ có một cán bộ tổ chức"})).await;
        assert_eq!(status, 200, "{backend}: {saved}");
        assert_eq!(saved["separation_of_duties"]["mode"], "relaxed");
        let (status, locked) = call(&app, "POST", &locking, Some(&admin), Some(checklist.clone())).await;
        assert_eq!(
            (status, locked["state"].as_str()),
            (200, Some("locked")),
            "{backend}: {locked}"
        );

        // Enforced again: the account that checked does not sign; the department's head does.
        let (status, _) = save(json!({"mode": "enforced"})).await;
        assert_eq!(status, 200, "{backend}");
        set_day(&ctx, "2031-04-23");
        let signing = format!("/api/v1/approvals/{review_id}/sign");
        for token in [&admin, &agency] {
            let (status, body) = call(
                &app,
                "POST",
                "/api/v1/me/certificates",
                Some(token),
                Some(json!({"password": DEMO_PASSWORD})),
            )
            .await;
            assert_eq!(status, 201, "{backend}: {body}");
        }
        let password = json!({"password": DEMO_PASSWORD});
        let (status, refused) = call(&app, "POST", &signing, Some(&admin), Some(password.clone())).await;
        assert_eq!(
            (status, refused["code"].as_str()),
            (409, Some("separation_of_duties")),
            "{backend}: it checked the dossier: {refused}"
        );
        let (status, signed) = call(&app, "POST", &signing, Some(&agency), Some(password)).await;
        assert_eq!(
            (status, signed["step"].as_str()),
            (201, Some("head")),
            "{backend}: {signed}"
        );
        assert_eq!(
            count_denials(&ctx, "separation_of_duties"),
            2,
            "{backend}: both refusals are in the audit trail"
        );
    }
}

fn count_denials(ctx: &TestContext, reason: &str) -> i64 {
    use diesel::prelude::*;
    use hoso_store::schema::audit_events;
    audit_events::table
        .filter(audit_events::outcome.eq("denied"))
        .filter(audit_events::details.like(format!("%{reason}%")))
        .count()
        .get_result(&mut ctx.db.connect())
        .unwrap()
}
