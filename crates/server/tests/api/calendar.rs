//! The working-day calendar (CTX-4) on every backend: statutory holidays computed from the lunar
//! calendar, a year's plan set by administrators, deadlines counted in working days.

use hoso_store::testing::backends;
use serde_json::json;

use crate::support::{assert_error_body, call, token_of, TestContext};

#[actix_web::test]
async fn deadlines_skip_tet_and_follow_the_years_plan() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let employee = token_of(&app, "nguyenvanan").await;
        let (status, year) = call(&app, "GET", "/api/v1/calendar/2026", Some(&employee), None).await;
        assert_eq!(status, 200, "{backend}");
        let days = year["days"].as_array().unwrap();
        let has = |day: &str, note: &str| days.iter().any(|d| d["day"] == day && d["note"] == note);
        assert!(has("2026-02-17", "Tết Âm lịch"), "{year}");
        assert!(has("2026-04-26", "Giỗ Tổ Hùng Vương"));
        assert!(has("2026-04-27", "Nghỉ bù"), "Giỗ Tổ falls on a Sunday in 2026");

        let deadline = |from: &str, n: u32| format!("/api/v1/calendar/deadline?from={from}&working_days={n}");
        let (_, due) = call(&app, "GET", &deadline("2025-01-24", 1), Some(&employee), None).await;
        assert_eq!(due["due"], "2025-01-27", "{backend}: by the law alone");

        let plan = json!({"reason": "Thông báo lịch nghỉ Tết Ất Tỵ 2025", "days": [
            {"day": "2025-01-27", "kind": "off", "note": "Nghỉ Tết"},
            {"day": "2025-02-03", "kind": "working", "note": "Nghỉ bù đã gộp vào kỳ nghỉ Tết"},
            {"day": "2025-02-08", "kind": "working", "note": "Làm bù cho ngày 27/1"}
        ]});
        let agency = token_of(&app, "sogddt").await;
        let (status, refused) = call(
            &app,
            "PUT",
            "/api/v1/calendar/2025",
            Some(&agency),
            Some(plan.clone()),
        )
        .await;
        assert_eq!(status, 403, "{backend}");
        assert_error_body(&refused, "forbidden");
        let admin = token_of(&app, "quantri").await;
        let (status, set) = call(&app, "PUT", "/api/v1/calendar/2025", Some(&admin), Some(plan)).await;
        assert_eq!(status, 200, "{backend}: {set}");
        let (_, due) = call(&app, "GET", &deadline("2025-01-24", 5), Some(&employee), None).await;
        assert_eq!(due["due"], "2025-02-07", "{backend}: Tết skipped");
        let (_, due) = call(&app, "GET", &deadline("2025-01-24", 6), Some(&employee), None).await;
        assert_eq!(due["due"], "2025-02-08", "{backend}: the swapped Saturday counts");

        let wrong = json!({"reason": "x", "days": [{"day": "2024-12-31", "kind": "off", "note": "x"}]});
        let (status, refused) = call(&app, "PUT", "/api/v1/calendar/2025", Some(&admin), Some(wrong)).await;
        assert_eq!(status, 422);
        assert_eq!(refused["details"]["fields"][0]["field"], "days[0].day");
    }
}
