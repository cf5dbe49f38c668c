//! Email (issue #23 point 10), against a real SMTP server (aiosmtpd, which `cargo xtask test`
//! installs and names in `HOSO_TEST_SMTP_SERVER`): an account issued, a dossier returned with
//! its reason, a signature waiting and deadlines two working days away reach the person's
//! address through the durable jobs; each kind is switched off by its person; an SMTP server
//! away leaves the message queued for a retry; the settings refuse bad input.

use hoso_store::testing::backends;
use serde_json::{json, Value};

use crate::support::{
    assert_error_body, call, free_port, set_day, test_server_program, token_of, wait_until_listening,
    TestContext,
};
use crate::workflow::{an_content, an_dossier_by};

const PUBLIC_URL: &str = "https://hoso.tinh.example.gov.vn";

/// aiosmtpd on a free port, keeping what it receives in a maildir; stopped when dropped.
struct SmtpServer {
    child: std::process::Child,
    port: u16,
    maildir: tempfile::TempDir,
}

impl SmtpServer {
    fn start() -> Option<Self> {
        let program = test_server_program("HOSO_TEST_SMTP_SERVER", "email")?;
        let port = free_port();
        let maildir = tempfile::tempdir().unwrap();
        let child = std::process::Command::new(program)
            .args([
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            // A directory that does not exist yet: aiosmtpd makes the maildir's parts only then.
            .arg(maildir.path().join("box"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        wait_until_listening(port, "the SMTP server");
        Some(SmtpServer { child, port, maildir })
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received so far, as raw text (headers and body, quoted-printable decoded
    /// enough to read Vietnamese).
    fn messages(&self) -> Vec<String> {
        let new = self.maildir.path().join("box/new");
        let mut messages: Vec<String> = std::fs::read_dir(&new)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| decode(&std::fs::read_to_string(e.path()).unwrap()))
                    .collect()
            })
            .unwrap_or_default();
        messages.sort();
        messages
    }

    fn to(&self, address: &str) -> Vec<String> {
        self.messages()
            .into_iter()
            .filter(|m| m.lines().any(|l| l.starts_with("To:") && l.contains(address)))
            .collect()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The message with its quoted-printable or base64 body decoded, by Python's own email parser
/// (the same reading a mail client does).
fn decode(raw: &str) -> String {
    let script = "import sys,email,email.policy\n\
        m=email.message_from_string(sys.stdin.read(),policy=email.policy.default)\n\
        print('To:',m['To']);print('Subject:',m['Subject']);print(m.get_content())";
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(raw.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

async fn run_jobs(
    worker: &hoso_app::jobs::Worker,
) -> Vec<(hoso_store::jobs::JobRow, hoso_app::jobs::Outcome)> {
    let mut ran = Vec::new();
    while let Some(done) = worker.run_once().await.unwrap() {
        ran.push(done);
    }
    ran
}

fn all_kinds() -> Value {
    json!([
        "account_issued",
        "dossier_returned",
        "deadline_soon",
        "signature_waiting"
    ])
}

#[actix_web::test]
async fn each_kind_of_message_reaches_its_person_once_and_only_while_switched_on() {
    for backend in backends() {
        let Some(smtp) = SmtpServer::start() else { return };
        let mut ctx = TestContext::new(backend).with_demo();
        ctx.mail = hoso_app::mail::MailSettings::new(
            &smtp.url(),
            "Hồ sơ điện tử <hoso@tinh.example.gov.vn>",
            PUBLIC_URL,
        )
        .unwrap();
        let app = ctx.app_without_jobs().await;
        let worker = ctx.worker();
        let agency = token_of(&app, "sogddt").await;
        let focal = token_of(&app, "chuyenvien.sogddt").await;
        let employee = token_of(&app, "nguyenvanan").await;
        set_day(&ctx, "2031-03-03");

        // Account issued: the user name and the sign-in address, never the password.
        let unit = hoso_store::units::find_by_code(&mut ctx.db.connect(), "HY.SGDDT.THPTTB")
            .unwrap()
            .unwrap()
            .id;
        let teacher = hoso_store::people::insert(&mut ctx.db.connect(), "Đỗ Thị Giang", &unit)
            .unwrap()
            .id;
        let (status, issued) = call(
            &app,
            "POST",
            "/api/v1/accounts",
            Some(&agency),
            Some(json!({"username": "dothigiang", "display_name": "Đỗ Thị Giang", "kind": "personal",
                "person_id": teacher, "email": "giang@thpttb.example.gov.vn", "reason": "Tuyển dụng mới (ACC-6)"})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {issued}");
        let ran = run_jobs(&worker).await;
        assert_eq!(ran.len(), 1, "{backend}: one message queued with the account");
        let job = hoso_store::jobs::find(&mut ctx.db.connect(), &ran[0].0.id)
            .unwrap()
            .unwrap();
        assert_eq!(
            ran[0].1,
            hoso_app::jobs::Outcome::Succeeded,
            "{backend}: {:?}",
            job.last_error
        );
        let letters = smtp.to("giang@thpttb.example.gov.vn");
        assert_eq!(letters.len(), 1, "{backend}");
        assert!(letters[0].contains("Tên đăng nhập: dothigiang"), "{}", letters[0]);
        assert!(
            letters[0].contains(&format!("{PUBLIC_URL}/dang-nhap")),
            "{}",
            letters[0]
        );
        let password = issued["temporary_password"].as_str().unwrap();
        assert!(!letters[0].contains(password), "{backend}: never the password");

        // The settings: every kind on until switched off; bad input refused with its field.
        let (status, mine) = call(&app, "GET", "/api/v1/me/mail-settings", Some(&employee), None).await;
        assert_eq!(status, 200);
        assert_eq!(mine["email"], Value::Null);
        assert_eq!(mine["delivery_configured"], true);
        assert!(mine["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .all(|k| k["enabled"] == true));
        let (status, body) = call(
            &app,
            "PUT",
            "/api/v1/me/mail-settings",
            Some(&employee),
            Some(json!({"email": "khong-phai-email", "enabled": ["dossier_returned", "tin_nhan"]})),
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert_error_body(&body, "validation_failed");
        let fields: Vec<(&str, &str)> = body["details"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["field"].as_str().unwrap(), f["code"].as_str().unwrap()))
            .collect();
        assert_eq!(fields, [("email", "email")], "{backend}: {body}");
        let (status, body) = call(
            &app,
            "PUT",
            "/api/v1/me/mail-settings",
            Some(&employee),
            Some(json!({"email": "an@sogddt.example.gov.vn", "enabled": ["dossier_returned", "tin_nhan"]})),
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert_eq!(body["details"]["fields"][0]["field"], "enabled[1]");
        assert_eq!(body["details"]["fields"][0]["code"], "unknown_kind");
        let (status, _) = call(
            &app,
            "PUT",
            "/api/v1/me/mail-settings",
            None,
            Some(json!({"enabled": []})),
        )
        .await;
        assert_eq!(status, 401);
        for (token, address, kinds) in [
            (&employee, "an@sogddt.example.gov.vn", all_kinds()),
            (
                &agency,
                "giamdoc@sogddt.example.gov.vn",
                json!(["signature_waiting", "deadline_soon"]),
            ),
        ] {
            let (status, saved) = call(
                &app,
                "PUT",
                "/api/v1/me/mail-settings",
                Some(token),
                Some(json!({"email": address, "enabled": kinds})),
            )
            .await;
            assert_eq!(status, 200, "{backend}: {saved}");
            assert_eq!(saved["email"], address);
        }

        // Returned with its reason: the employee reads it, with the link to their dossier.
        let (id, picture) = an_dossier_by(&ctx, &app, &agency, &employee).await;
        let submit = |revision: i64| {
            let path = format!("/api/v1/dossiers/{id}/submit");
            let employee = employee.clone();
            let app = &app;
            async move {
                let (status, review) = call(
                    app,
                    "POST",
                    &path,
                    Some(&employee),
                    Some(json!({"revision": revision})),
                )
                .await;
                assert_eq!(status, 201, "{review}");
                review["id"].as_str().unwrap().to_owned()
            }
        };
        let first = submit(2).await;
        let reason = "Số điện thoại không khớp với bản khai gốc.";
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{first}/return"),
            Some(&focal),
            Some(json!({"reason": reason})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {body}");
        run_jobs(&worker).await;
        let letters = smtp.to("an@sogddt.example.gov.vn");
        assert_eq!(letters.len(), 1, "{backend}: {letters:?}");
        assert!(letters[0].contains(&format!("Lý do: {reason}")), "{}", letters[0]);
        assert!(
            letters[0].contains(&format!("{PUBLIC_URL}/ho-so-cua-toi")),
            "{}",
            letters[0]
        );

        // Switched off: the next return is told in the app only.
        let (status, _) = call(
            &app,
            "PUT",
            "/api/v1/me/mail-settings",
            Some(&employee),
            Some(json!({"email": "an@sogddt.example.gov.vn", "enabled": ["account_issued", "deadline_soon", "signature_waiting"]})),
        )
        .await;
        assert_eq!(status, 200);
        let edit = |revision: i64, phone: &'static str| {
            let mut content = an_content(&picture);
            content["identity"]["phone"] = json!(phone);
            let path = format!("/api/v1/dossiers/{id}/draft");
            let employee = employee.clone();
            let app = &app;
            async move {
                let (status, body) = call(
                    app,
                    "PUT",
                    &path,
                    Some(&employee),
                    Some(json!({"revision": revision, "content": content})),
                )
                .await;
                assert_eq!(status, 200, "{body}");
            }
        };
        edit(2, "0912 345 679").await;
        let second = submit(3).await;
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{second}/return"),
            Some(&focal),
            Some(json!({"reason": "Thiếu bản sao văn bằng."})),
        )
        .await;
        assert_eq!(status, 200);
        assert!(
            run_jobs(&worker).await.is_empty(),
            "{backend}: nothing queued for a kind switched off"
        );
        assert_eq!(smtp.to("an@sogddt.example.gov.vn").len(), 1, "{backend}");
        let (_, notices) = call(&app, "GET", "/api/v1/me/notifications", Some(&employee), None).await;
        assert_eq!(
            notices
                .as_array()
                .unwrap()
                .iter()
                .filter(|n| n["kind"] == "dossier_returned")
                .count(),
            2,
            "{backend}: both returns are in the app"
        );

        // Locked: the head is told a signature waits; the focal officer, without an address, is not.
        edit(3, "0912 345 680").await;
        let third = submit(4).await;
        let (status, locked) = call(
            &app,
            "POST",
            &format!("/api/v1/approvals/{third}/lock"),
            Some(&focal),
            Some(json!({"checklist": [{"item": "Sơ yếu lý lịch", "checked": true}]})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {locked}");
        run_jobs(&worker).await;
        let letters = smtp.to("giamdoc@sogddt.example.gov.vn");
        assert_eq!(letters.len(), 1, "{backend}: {letters:?}");
        assert!(
            letters[0].contains("Subject: Có hồ sơ chờ bạn ký"),
            "{}",
            letters[0]
        );
        assert!(letters[0].contains("Nguyễn Văn An"), "{}", letters[0]);
        assert!(
            letters[0].contains(&format!("{PUBLIC_URL}/phe-duyet")),
            "{}",
            letters[0]
        );
        assert_eq!(smtp.messages().len(), 3, "{backend}: no other message");

        // Two working days before the head's signature is due, the morning digest lists it.
        let due: chrono::NaiveDate = locked["due_on"].as_str().unwrap().parse().unwrap();
        let calendar = hoso_store::calendar::load(&mut ctx.db.connect()).unwrap();
        let morning = (1..15)
            .map(|back| due - chrono::Duration::days(back))
            .find(|day| calendar.is_working_day(*day) && calendar.add_working_days(*day, 2) == due)
            .unwrap();
        let at = hoso_app::clock::vietnam_day_start(morning) + chrono::Duration::hours(7);
        hoso_app::jobs::enqueue(
            &mut ctx.db.connect(),
            hoso_app::jobs::JobRequest::new(
                hoso_app::mail::deadline_digest::DIGEST_JOB.name,
                json!({"occurrence": at}),
            ),
            &hoso_app::jobs::QueuedBy::system(),
            ctx.clock.now_naive(),
        )
        .unwrap();
        run_jobs(&worker).await;
        let letters = smtp.to("giamdoc@sogddt.example.gov.vn");
        assert_eq!(letters.len(), 2, "{backend}: {letters:?}");
        let digest = letters.iter().find(|l| l.contains("việc đến hạn")).unwrap();
        assert!(digest.contains("Thủ trưởng ký duyệt: Nguyễn Văn An"), "{digest}");
        assert!(digest.contains(&due.format("%d/%m/%Y").to_string()), "{digest}");

        // The SMTP server away: the message stays queued for a retry, with the reason.
        drop(smtp);
        let other = hoso_store::people::insert(&mut ctx.db.connect(), "Lê Văn Khoa", &unit)
            .unwrap()
            .id;
        let (status, _) = call(
            &app,
            "POST",
            "/api/v1/accounts",
            Some(&agency),
            Some(json!({"username": "levankhoa", "display_name": "Lê Văn Khoa", "kind": "personal",
                "person_id": other, "email": "khoa@thpttb.example.gov.vn", "reason": "Tuyển dụng mới (ACC-6)"})),
        )
        .await;
        assert_eq!(status, 201);
        let (job, outcome) = worker.run_once().await.unwrap().unwrap();
        assert_eq!(outcome, hoso_app::jobs::Outcome::Retrying, "{backend}");
        let job = hoso_store::jobs::find(&mut ctx.db.connect(), &job.id)
            .unwrap()
            .unwrap();
        assert_eq!(job.state, "queued");
        assert!(
            job.last_error.as_deref().unwrap_or_default().contains("SMTP"),
            "{job:?}"
        );
    }
}
