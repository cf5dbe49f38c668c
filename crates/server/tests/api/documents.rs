//! Uploaded scans (issue #19, defects 8, 9, 13; SEC-2, SEC-7): read whole before they are kept,
//! sealed at rest, opened only at the level their kind needs, each download in the trail and
//! in the person's "Ai đã xem hồ sơ của tôi"; exports of searches recorded with their people.

use hoso_store::testing::backends;
use serde_json::json;

use crate::support::{call, get_file, pdf, pdf_with, token_of, upload, TestContext, TINY_JPEG, TINY_PNG};

/// Downloads a document as `token`: status, `Content-Disposition`, bytes.
async fn download<S, B>(app: &S, token: &str, id: &str) -> (u16, String, Vec<u8>)
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    get_file(app, token, &format!("/api/v1/documents/{id}")).await
}

#[actix_web::test]
async fn uploads_are_read_whole_and_a_fake_is_told_what_is_wrong() {
    let ctx = TestContext::new(hoso_store::Backend::Sqlite).with_demo();
    let app = ctx.app().await;
    let admin = token_of(&app, "quantri").await;
    for (name, kind, bytes) in [
        ("qd.pdf", "application/pdf", pdf("Quyết định 12/QĐ-UBND")),
        ("anh.png", "image/png", TINY_PNG.to_vec()),
        ("anh.jpg", "image/jpeg", TINY_JPEG.to_vec()),
    ] {
        let (status, body) = upload(&app, &admin, name, kind, bytes).await;
        assert_eq!(status, 201, "{name}: {body}");
    }
    let appended = |mut bytes: Vec<u8>, tail: &[u8]| {
        bytes.extend_from_slice(tail);
        bytes
    };
    let mut random = b"%PDF-1.4\n".to_vec();
    random.extend((0..2000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let script = appended(b"\x89PNG\r\n\x1a\n".to_vec(), b"<script>alert(1)</script>");
    let cases: Vec<(&str, &str, Vec<u8>, &str)> = vec![
        ("random.pdf", "application/pdf", random, "broken_file"),
        ("a.png", "image/png", script, "broken_file"),
        (
            "a.png",
            "image/png",
            appended(TINY_PNG.to_vec(), b"<script>alert(1)</script>"),
            "polyglot",
        ),
        (
            "a.jpg",
            "image/jpeg",
            appended(TINY_JPEG.to_vec(), b"<html><script>x</script>"),
            "polyglot",
        ),
        (
            "a.pdf",
            "application/pdf",
            appended(pdf("x"), b"<html><script>x</script></html>"),
            "polyglot",
        ),
        (
            "page.pdf",
            "application/pdf",
            b"<!doctype html><html><body>hi</body></html>".to_vec(),
            "not_a_document",
        ),
        ("anh.pdf", "application/pdf", TINY_PNG.to_vec(), "type_mismatch"),
        (
            "js.pdf",
            "application/pdf",
            pdf_with("x", "/OpenAction << /S /JavaScript /JS (app.alert(1)) >> "),
            "active_content",
        ),
    ];
    for (name, kind, bytes, code) in cases {
        let (status, body) = upload(&app, &admin, name, kind, bytes).await;
        assert_eq!(status, 422, "{name} ({code}): {body}");
        assert_eq!(body["details"]["fields"][0]["field"], "file", "{name}");
        assert_eq!(body["details"]["fields"][0]["code"], code, "{name}: {body}");
        let message = body["details"]["fields"][0]["message"].as_str().unwrap();
        assert!(
            !message.contains("JSON"),
            "{name}: the message is about the file: {message}"
        );
    }
    // A type hoso does not take is 415, and says which it takes.
    let (status, body) = upload(&app, &admin, "a.html", "text/html", b"<html></html>".to_vec()).await;
    assert_eq!(status, 415, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("PDF, JPEG hoặc PNG"),
        "{body}"
    );
}

#[actix_web::test]
async fn scans_are_sealed_at_rest_opened_at_their_level_and_every_download_is_seen_by_the_person() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let agency = token_of(&app, "sogddt").await;
        let specialist = token_of(&app, "chuyenvien.sogddt").await;
        let employee = token_of(&app, "nguyenvanan").await;
        // An's dossier, approved, so that a search finds him.
        let (dossier, _) = crate::workflow::an_dossier(&ctx, &app, &admin).await;
        crate::support::approve_through_workflow(&app, &ctx, &admin, &dossier, 2).await;
        let marker = "CCCD so 033090012345 cap ngay";
        let attach = |file: &'static str, kind: &'static str, bytes: Vec<u8>| {
            let (app, admin, dossier) = (&app, admin.clone(), dossier.clone());
            async move {
                let (status, document) = upload(app, &admin, file, "application/pdf", bytes).await;
                assert_eq!(status, 201, "{document}");
                let id = document["id"].as_str().unwrap().to_owned();
                let body = json!({"document_id": id, "kind": kind, "note": "Bản sao"});
                let (status, attached) = call(
                    app,
                    "POST",
                    &format!("/api/v1/dossiers/{dossier}/attachments"),
                    Some(&admin),
                    Some(body),
                )
                .await;
                assert_eq!(status, 201, "{attached}");
                (id, attached["id"].as_str().unwrap().to_owned())
            }
        };
        let (identity_card, identity_attachment) = attach("cccd.pdf", "GIAY_TO_TUY_THAN", pdf(marker)).await;
        let (decision, decision_attachment) =
            attach("bo-nhiem.pdf", "BO_NHIEM", pdf("Quyết định bổ nhiệm")).await;

        // Sealed at rest: no stored file holds the text or a PDF header.
        let documents = ctx.static_dir.join("../documents");
        let mut stored = 0;
        for entry in walk(&documents) {
            let bytes = std::fs::read(&entry).unwrap();
            stored += 1;
            assert!(
                !bytes.windows(marker.len()).any(|w| w == marker.as_bytes()),
                "{backend}: {entry:?} in clear"
            );
            assert!(!bytes.starts_with(b"%PDF"), "{backend}: {entry:?} in clear");
        }
        assert!(stored >= 2, "{backend}: both scans are on disk");

        // The identity card at the sensitive level only; the decision at the full form's.
        let (status, disposition, bytes) = download(&app, &admin, &identity_card).await;
        assert_eq!(status, 200, "{backend}");
        assert_eq!(bytes, pdf(marker), "{backend}: opened whole");
        assert!(
            disposition.starts_with("attachment"),
            "{backend}: a PDF is saved, not shown: {disposition}"
        );
        assert_eq!(
            download(&app, &specialist, &identity_card).await.0,
            404,
            "{backend}: no read_sensitive_fields"
        );
        assert_eq!(
            download(&app, &specialist, &decision).await.0,
            200,
            "{backend}: read_dossiers suffices"
        );
        assert_eq!(
            download(&app, &employee, &identity_card).await.0,
            200,
            "{backend}: the person's own"
        );
        // The same rule through the dossier's own attachment route.
        let content =
            |attachment: &str| format!("/api/v1/dossiers/{dossier}/attachments/{attachment}/content");
        let through = |token: String, path: String| {
            let app = &app;
            async move { get_file(app, &token, &path).await.0 }
        };
        assert_eq!(
            through(specialist.clone(), content(&identity_attachment)).await,
            404,
            "{backend}"
        );
        assert_eq!(
            through(specialist.clone(), content(&decision_attachment)).await,
            200,
            "{backend}"
        );
        let health = token_of(&app, "syte").await;
        assert_eq!(
            download(&app, &health, &decision).await.0,
            404,
            "{backend}: outside the scope"
        );

        // An export of a search holding An, by the agency.
        let (status, _) = call(&app, "GET", "/api/v1/search?format=csv", Some(&agency), None).await;
        assert_eq!(status, 200, "{backend}");

        // An reads who opened the scans and who exported them.
        let (_, mine) = call(&app, "GET", "/api/v1/me/audit?limit=200", Some(&employee), None).await;
        let seen: Vec<(String, String, String)> = mine["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let text = |k: &str| e[k].as_str().unwrap_or_default().to_owned();
                (text("action"), text("actor_name"), text("outcome"))
            })
            .collect();
        for wanted in [
            ("document.downloaded", "quantri", "success"),
            ("document.downloaded", "chuyenvien.sogddt", "success"),
            ("document.downloaded", "chuyenvien.sogddt", "denied"),
        ] {
            let wanted = (wanted.0.to_owned(), wanted.1.to_owned(), wanted.2.to_owned());
            assert!(seen.contains(&wanted), "{backend}: {wanted:?} in {seen:?}");
        }
        let exported = mine["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["action"] == "search.exported")
            .unwrap_or_else(|| panic!("{backend}: the export is in An's trail: {seen:?}"));
        assert_eq!(exported["actor_name"], "sogddt");
        assert_eq!(
            (exported["target_type"].as_str(), exported["right_used"].as_str()),
            (Some("export"), Some("export_data")),
            "{backend}"
        );
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
