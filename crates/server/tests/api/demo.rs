//! The demo's stories (issue #23, point 1): after `hoso seed-demo`, every demo account that acts
//! in the workflow finds work waiting, made by the workflow's own operations.

use hoso_store::testing::backends;

use crate::support::{call, set_day, token_of, TestContext};

fn names(items: &serde_json::Value) -> Vec<String> {
    let mut names: Vec<String> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            item["dossier"]["full_name"]
                .as_str()
                .or(item["person_name"].as_str())
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    names.sort();
    names
}

#[actix_web::test]
async fn every_demo_actor_finds_work_waiting() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        set_day(&ctx, "2026-11-17");
        let state = ctx.state();
        let told = hoso_app::seed::stories::load(&state.app).await.unwrap();
        assert_eq!(told, 9, "{backend}");
        assert_eq!(
            state.app.clock.today().to_string(),
            "2026-11-17",
            "{backend}: the clock is given back"
        );
        let app = ctx.app().await;
        let queue = |step: &'static str, username: &'static str| {
            let app = &app;
            async move {
                let token = token_of(app, username).await;
                let (status, body) = call(
                    app,
                    "GET",
                    &format!("/api/v1/approvals?step={step}"),
                    Some(&token),
                    None,
                )
                .await;
                assert_eq!(status, 200, "{body}");
                names(&body["items"])
            }
        };
        assert_eq!(
            queue("check", "chuyenvien.sogddt").await,
            ["Lê Thị Cúc", "Đỗ Thị Lan"],
            "{backend}: the focal officer checks a first entry and a change"
        );
        assert_eq!(
            queue("sign", "sogddt").await,
            ["Phạm Văn Dũng"],
            "{backend}: the head signs"
        );
        assert_eq!(
            queue("national", "quantri").await,
            ["Vũ Thị Giang"],
            "{backend}: Sở Nội vụ approves"
        );

        let health = token_of(&app, "syte").await;
        let (_, inbox) = call(&app, "GET", "/api/v1/transfers?box=incoming", Some(&health), None).await;
        assert_eq!(
            names(&inbox),
            ["Bùi Quang Minh"],
            "{backend}: the hospital's agency accepts a transfer"
        );

        // The employee's dossier came back with the focal officer's reason.
        let employee = token_of(&app, "nguyenvanan").await;
        let (status, mine) = call(&app, "GET", "/api/v1/me/dossier", Some(&employee), None).await;
        assert_eq!(
            (status, mine["status"].as_str()),
            (200, Some("returned")),
            "{backend}: {mine}"
        );
        let (_, reviews) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{}/reviews", mine["id"].as_str().unwrap()),
            Some(&employee),
            None,
        )
        .await;
        assert!(
            reviews
                .to_string()
                .contains(hoso_app::seed::stories::RETURN_REASON),
            "{backend}: {reviews}"
        );

        // An approved dossier carries both real signatures; the retiree is in the archive.
        let admin = token_of(&app, "quantri").await;
        let (_, found) = call(
            &app,
            "GET",
            "/api/v1/search?q=trinh%20thu%20ha",
            Some(&admin),
            None,
        )
        .await;
        let id = found["items"][0]["dossier"]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{found}"))
            .to_owned();
        let (_, reviews) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{id}/reviews"),
            Some(&admin),
            None,
        )
        .await;
        let signers: Vec<&str> = reviews[0]["signatures"]
            .as_array()
            .unwrap_or_else(|| panic!("{reviews}"))
            .iter()
            .map(|s| s["signer_username"].as_str().unwrap())
            .collect();
        assert_eq!(
            signers,
            ["sogddt", "quantri"],
            "{backend}: the head, then Sở Nội vụ"
        );
        let (_, archive) = call(&app, "GET", "/api/v1/archive", Some(&admin), None).await;
        assert!(
            archive.to_string().contains("Ngô Thị Hạnh"),
            "{backend}: {archive}"
        );
    }
}
