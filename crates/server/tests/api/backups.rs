//! Backups that prove themselves (SEC-5, issue #18): made through the API, restored into either
//! database, compared table by table and byte by byte; damaged archives, wrong keys and newer
//! schemas refused with nothing restored; failures alert; retention; rights.

use hoso_app::backups::{self, RestoreOptions};
use hoso_app::jobs::QueuedBy;
use hoso_domain::backup::BackupKind;
use hoso_store::backup as dump;
use hoso_store::testing::{backends, TestDatabase};
use serde_json::{json, Value};

use crate::support::{assert_error_body, call, pdf, set_day, token_of, upload, TestContext};

/// Tables a backup or a restore itself writes to after the archive was taken.
const CHANGED_BY_BACKUP_AND_RESTORE: &[&str] = &["audit_events", "backups", "jobs", "restores"];

/// An approved dossier (with its photo and signature) and an uploaded PDF: what a backup must
/// carry besides the demo's rows. Returns the dossier id.
async fn approved_dossier<S, B>(app: &S, ctx: &TestContext, admin: &str) -> String
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    let (id, _) = crate::workflow::an_dossier(ctx, app, admin).await;
    crate::support::approve_through_workflow(app, ctx, admin, &id, 2).await;
    let (status, body) = upload(
        app,
        admin,
        "quyet-dinh.pdf",
        "application/pdf",
        pdf("QUYETDINH-BIMAT-4711"),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    id
}

fn sums_without_backup_bookkeeping(conn: &mut hoso_store::DbConnection) -> Vec<backups::archive::TableSum> {
    let tables = dump::tables(conn).unwrap();
    backups::archive::table_sums(conn, &tables)
        .unwrap()
        .into_iter()
        .filter(|t| !CHANGED_BY_BACKUP_AND_RESTORE.contains(&t.name.as_str()))
        .collect()
}

fn archive_of(ctx: &TestContext, list: &Value) -> std::path::PathBuf {
    backup_dir(ctx).join(list["items"][0]["file_name"].as_str().unwrap())
}

fn backup_dir(ctx: &TestContext) -> std::path::PathBuf {
    ctx.backups.target.directory().unwrap().to_path_buf()
}

fn restore(
    into: &TestContext,
    archive: &std::path::Path,
    identities: hoso_app::backups::keys::Identities,
    replace: bool,
) -> Result<backups::RestoreReport, hoso_app::AppError> {
    backups::restore_backup(
        &into.state().app,
        RestoreOptions {
            archive: archive.to_path_buf(),
            identities,
            into: into.db.url().clone(),
            dry_run: false,
            replace,
            restored_by: "test".into(),
        },
    )
}

/// An archive of what `conn` holds, as a backup made by a hoso of `schema_version` would write it.
fn write_archive_of(
    conn: &mut hoso_store::DbConnection,
    settings: &hoso_app::backups::BackupSettings,
    schema_version: &str,
    out: &std::path::Path,
) {
    let tables = dump::tables(conn).unwrap();
    let header = backups::archive::Header {
        format: backups::archive::FORMAT.into(),
        backup_id: "made-by-the-test".into(),
        kind: BackupKind::OnDemand,
        hoso_version: "0.1.0".into(),
        schema_version: schema_version.into(),
        backend: conn.backend().as_str().into(),
        province: "Tỉnh Thử Nghiệm".into(),
        made_at: chrono::Utc::now().naive_utc(),
        made_by: "test".into(),
        data_key_ids: vec!["k1".into()],
        tables: tables.iter().map(backups::archive::TableHeader::of).collect(),
    };
    let blobs = hoso_store::documents::FileBlobs::new(std::env::temp_dir().join("hoso-no-documents"));
    backups::archive::write(
        conn,
        &blobs,
        &header,
        &tables,
        &settings.all_recipients(),
        out,
        &mut |_, _| Ok(()),
    )
    .unwrap();
}

fn code(error: hoso_app::AppError) -> &'static str {
    match error {
        hoso_app::AppError::Conflict { code, .. } => code,
        other => panic!("not a refusal: {other}"),
    }
}

#[actix_web::test]
async fn a_backup_restores_into_either_database_equal_table_by_table_and_byte_by_byte() {
    for source in backends() {
        let ctx = TestContext::new(source).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let dossier = approved_dossier(&app, &ctx, &admin).await;

        let (status, job) = call(&app, "POST", "/api/v1/backups", Some(&admin), None).await;
        assert_eq!(status, 202, "{source}: {job}");
        let path = format!("/api/v1/jobs/{}?wait=true", job["id"].as_str().unwrap());
        let (_, job) = call(&app, "GET", &path, Some(&admin), None).await;
        assert_eq!(job["state"], "succeeded", "{source}: {job}");
        let (status, list) = call(&app, "GET", "/api/v1/backups", Some(&admin), None).await;
        assert_eq!(status, 200);
        let backup = &list["items"][0];
        assert_eq!(
            (backup["state"].as_str(), backup["kind"].as_str()),
            (Some("verified"), Some("on_demand")),
            "{source}: {backup}"
        );
        let verification = &backup["verification"];
        assert_eq!(verification["ok"], true, "{verification}");
        assert!(
            verification["signatures_checked"].as_i64().unwrap() >= 1,
            "{verification}"
        );
        assert!(verification["documents"].as_i64().unwrap() >= 2, "{verification}");
        assert_eq!(backup["data_key_ids"], json!(["k1"]));
        assert!(list["alert"].is_null());
        assert!(list["next_run"].is_string());

        // Encrypted: no dossier text, no document byte in the file; nothing left half written.
        let archive = archive_of(&ctx, &list);
        let bytes = std::fs::read(&archive).unwrap();
        assert_eq!(backup["size_bytes"].as_u64(), Some(bytes.len() as u64));
        for secret in [
            "Nguyễn Văn An".as_bytes(),
            b"033090012345",
            b"QUYETDINH-BIMAT-4711",
            b"\x89PNG",
            b"quantri",
        ] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret),
                "{source}: readable in the archive"
            );
        }
        let names: Vec<String> = std::fs::read_dir(backup_dir(&ctx))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");

        let expected = sums_without_backup_bookkeeping(&mut ctx.db.connect());
        let digests = hoso_store::documents::all_digests(&mut ctx.db.connect()).unwrap();
        for target in backends() {
            let mut into = TestContext::over(TestDatabase::empty(target));
            into.backups = ctx.backups.clone();
            let report = restore(&into, &archive, hoso_app::backups::keys::own(&ctx.backups), false)
                .unwrap_or_else(|e| panic!("{source} → {target}: {e}"));
            assert!(report.restored);
            // Compared with the source itself, not with the manifest.
            let found = sums_without_backup_bookkeeping(&mut into.db.connect());
            assert_eq!(found, expected, "{source} → {target}");
            let state = into.state();
            for digest in &digests {
                assert_eq!(
                    state.app.blobs.get(digest).unwrap(),
                    ctx.state().app.blobs.get(digest).unwrap()
                );
            }
            // The restored server signs people in and every signature still verifies.
            let restored =
                actix_web::test::init_service(hoso_api::app::build(state, crate::support::MAX_JSON_BYTES))
                    .await;
            let admin = token_of(&restored, "quantri").await;
            let (status, export) = call(
                &restored,
                "GET",
                &format!("/api/v1/dossiers/{dossier}/versions/1/signed"),
                Some(&admin),
                None,
            )
            .await;
            assert_eq!(status, 200, "{source} → {target}: {export}");
            let (status, report) = call(
                &restored,
                "POST",
                "/api/v1/signatures/verify",
                Some(&admin),
                Some(json!({"export": export})),
            )
            .await;
            assert_eq!(
                (status, report["valid"].as_bool()),
                (200, Some(true)),
                "{source} → {target}: {report}"
            );
            let (_, list) = call(&restored, "GET", "/api/v1/backups", Some(&admin), None).await;
            assert_eq!(list["restores"][0]["source_backend"], source.as_str(), "{list}");
            assert_eq!(
                list["items"][0]["state"], "verified",
                "the archive's own record, as restored"
            );
        }
    }
}

#[actix_web::test]
async fn a_damaged_archive_a_wrong_key_a_newer_schema_and_a_full_target_are_refused_restoring_nothing() {
    let ctx = TestContext::new(hoso_store::Backend::Sqlite).with_demo();
    let state = ctx.state();
    let row = backups::make_backup(
        &state.app,
        &mut ctx.db.connect(),
        BackupKind::OnDemand,
        &QueuedBy::system(),
        None,
    )
    .unwrap();
    let archive = backup_dir(&ctx).join(&row.file_name);
    let own = || hoso_app::backups::keys::own(&ctx.backups);
    for target in backends() {
        let mut into = TestContext::over(TestDatabase::empty(target));
        into.backups = ctx.backups.clone();
        let untouched = |into: &TestContext| dump::tables(&mut into.db.connect()).unwrap().is_empty();

        let damaged = backup_dir(&ctx).join("damaged.tar.gz.age");
        let mut bytes = std::fs::read(&archive).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x01;
        std::fs::write(&damaged, &bytes).unwrap();
        assert_eq!(
            code(restore(&into, &damaged, own(), false).err().unwrap()),
            "backup_corrupt",
            "{target}"
        );
        assert!(untouched(&into), "{target}");

        let stranger: hoso_app::backups::keys::Identities = vec![Box::new(age::x25519::Identity::generate())];
        assert_eq!(
            code(restore(&into, &archive, stranger, false).err().unwrap()),
            "backup_wrong_identity"
        );
        assert!(untouched(&into));

        // An archive of a schema this build does not know.
        let newer = backup_dir(&ctx).join("newer.tar.gz.age");
        let mut conn = ctx.db.connect();
        write_archive_of(&mut conn, &ctx.backups, "99991231000000", &newer);
        assert_eq!(
            code(restore(&into, &newer, own(), false).err().unwrap()),
            "backup_newer_schema"
        );
        assert!(untouched(&into));

        // A good archive restores; a second restore over it is refused unless told to replace.
        restore(&into, &archive, own(), false).unwrap();
        assert_eq!(
            code(restore(&into, &archive, own(), false).err().unwrap()),
            "restore_target_not_empty"
        );
        assert!(
            restore(&into, &archive, own(), true).unwrap().restored,
            "{target}"
        );
    }
}

#[actix_web::test]
async fn a_backup_that_cannot_be_made_whole_fails_loudly_and_keeps_no_archive() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let (status, scan) = upload(&app, &admin, "scan.pdf", "application/pdf", pdf("bản quét")).await;
        assert_eq!(status, 201);
        // The scan rots on disk: its bytes no longer match their digest.
        let digest = hoso_store::documents::all_digests(&mut ctx.db.connect()).unwrap();
        assert_eq!(digest.len(), 1, "{scan}");
        let file = ctx
            .static_dir
            .join("../documents")
            .join(&digest[0][..2])
            .join(&digest[0][2..]);
        std::fs::write(&file, b"%PDF-1.4 rotten").unwrap();

        let (_, job) = call(&app, "POST", "/api/v1/backups", Some(&admin), None).await;
        let path = format!("/api/v1/jobs/{}?wait=true", job["id"].as_str().unwrap());
        let (_, job) = call(&app, "GET", &path, Some(&admin), None).await;
        assert_eq!(job["state"], "dead", "{backend}: {job}");
        let (_, list) = call(&app, "GET", "/api/v1/backups", Some(&admin), None).await;
        assert_eq!(list["items"][0]["state"], "failed");
        let alert = list["alert"].as_str().expect("an alert for administrators");
        assert!(
            alert.contains("không thành công") && alert.contains(&digest[0]),
            "{alert}"
        );
        assert_eq!(
            std::fs::read_dir(backup_dir(&ctx)).unwrap().count(),
            0,
            "no archive, no partial file"
        );
        let (_, audit) = call(
            &app,
            "GET",
            "/api/v1/audit?action=backup.failed",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(audit["items"].as_array().map(Vec::len), Some(1), "{audit}");
    }
}

#[actix_web::test]
async fn monthly_backups_expire_after_three_months_quarterly_ones_stay_and_deleting_needs_a_reason() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let state = ctx.state();
        let make = |kind| {
            backups::make_backup(&state.app, &mut ctx.db.connect(), kind, &QueuedBy::system(), None).unwrap()
        };
        set_day(&ctx, "2030-12-31");
        let quarterly = make(BackupKind::Quarterly);
        set_day(&ctx, "2031-01-31");
        let monthly = make(BackupKind::Monthly);
        assert_eq!(monthly.keep_until, chrono::NaiveDate::from_ymd_opt(2031, 4, 30));
        set_day(&ctx, "2031-04-30");
        let later = make(BackupKind::Monthly);
        let (_, list) = call(&app, "GET", "/api/v1/backups", Some(&admin), None).await;
        let state_of = |id: &str| {
            list["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|b| b["id"] == id)
                .unwrap()["state"]
                .clone()
        };
        assert_eq!(
            state_of(&monthly.id),
            "deleted",
            "{backend}: three months are over"
        );
        assert_eq!(state_of(&quarterly.id), "verified");
        assert_eq!(state_of(&later.id), "verified");
        assert!(!backup_dir(&ctx).join(&monthly.file_name).exists());

        let delete = format!("/api/v1/backups/{}/delete", quarterly.id);
        let (status, body) = call(&app, "POST", &delete, Some(&admin), Some(json!({"reason": "x"}))).await;
        assert_eq!(status, 422, "{body}");
        let (status, body) = call(
            &app,
            "POST",
            &delete,
            Some(&admin),
            Some(json!({"reason": "Bản thử nghiệm"})),
        )
        .await;
        assert_eq!((status, body["state"].as_str()), (200, Some("deleted")), "{body}");
        assert_eq!(body["delete_reason"], "Bản thử nghiệm");
        assert!(!backup_dir(&ctx).join(&quarterly.file_name).exists());
        let (status, body) = call(
            &app,
            "POST",
            &delete,
            Some(&admin),
            Some(json!({"reason": "Bản thử nghiệm"})),
        )
        .await;
        assert_eq!(status, 409);
        assert_error_body(&body, "invalid_state");
    }
}

#[actix_web::test]
async fn only_administrators_holding_manage_backups_see_make_or_delete_backups() {
    let ctx = TestContext::new(hoso_store::Backend::Sqlite).with_demo();
    let app = ctx.app().await;
    for username in ["sogddt", "nguyenvanan", "chuyenvien.sogddt"] {
        let token = token_of(&app, username).await;
        for (method, path, body) in [
            ("GET", "/api/v1/backups", None),
            ("POST", "/api/v1/backups", None),
            (
                "POST",
                "/api/v1/backups/any/delete",
                Some(json!({"reason": "Không được phép"})),
            ),
        ] {
            let (status, answer) = call(&app, method, path, Some(&token), body).await;
            assert_eq!(status, 403, "{username} {method} {path}: {answer}");
            assert_error_body(&answer, "forbidden");
        }
    }
    let (status, _) = call(&app, "GET", "/api/v1/backups", None, None).await;
    assert_eq!(status, 401);
}

/// A real S3-compatible server (moto's, which `cargo xtask test` installs and names in
/// `HOSO_TEST_S3_SERVER`) on a free port, stopped when dropped.
struct S3Server {
    child: std::process::Child,
    endpoint: String,
}

impl S3Server {
    fn start() -> Option<Self> {
        let program = crate::support::test_server_program("HOSO_TEST_S3_SERVER", "backups into S3")?;
        let port = crate::support::free_port();
        let child = std::process::Command::new(program)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        crate::support::wait_until_listening(port, "the S3 server");
        Some(S3Server {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
        })
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[actix_web::test]
async fn a_backup_kept_in_an_s3_object_store_is_uploaded_whole_read_back_and_restores() {
    let Some(s3) = S3Server::start() else { return };
    let http = reqwest::Client::new();
    let bucket = format!("{}/hoso-backups", s3.endpoint);
    assert!(http.put(&bucket).send().await.unwrap().status().is_success());
    let options = hoso_app::backups::target::S3Options {
        endpoint: Some(s3.endpoint.clone()),
        region: None,
        access_key_id: Some("hoso".into()),
        secret_access_key: Some("bi-mat".into()),
    };
    let mut ctx = TestContext::new(hoso_store::Backend::Sqlite).with_demo();
    ctx.backups.target =
        hoso_app::backups::target::BackupTarget::parse("s3://hoso-backups/tinh", &options).unwrap();
    ctx.backups.s3 = options.clone();
    let app = ctx.app().await;
    let admin = token_of(&app, "quantri").await;
    let (_, job) = call(&app, "POST", "/api/v1/backups", Some(&admin), None).await;
    let path = format!("/api/v1/jobs/{}?wait=true", job["id"].as_str().unwrap());
    let (_, job) = call(&app, "GET", &path, Some(&admin), None).await;
    assert_eq!(job["state"], "succeeded", "{job}");
    let (_, list) = call(&app, "GET", "/api/v1/backups", Some(&admin), None).await;
    assert_eq!(list["location"], "s3://hoso-backups/tinh");
    let backup = &list["items"][0];
    assert_eq!(backup["state"], "verified", "{backup}");
    let file_name = backup["file_name"].as_str().unwrap();

    // Stored whole under the prefix; nothing left on local disk.
    let object = http
        .get(format!("{bucket}/tinh/{file_name}"))
        .send()
        .await
        .unwrap();
    assert_eq!(object.status(), 200);
    let bytes = object.bytes().await.unwrap();
    use sha2::Digest;
    assert_eq!(
        backup["sha256"].as_str().unwrap(),
        sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    let leftovers: Vec<_> = std::fs::read_dir(&ctx.backups.scratch)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
                .collect()
        })
        .unwrap_or_default();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // `hoso restore s3://…` fetches it and restores.
    let (_held, local) = hoso_app::backups::target::fetch_url(
        &format!("s3://hoso-backups/tinh/{file_name}"),
        &options,
        &ctx.backups.scratch,
    )
    .unwrap();
    let mut into = TestContext::over(TestDatabase::empty(hoso_store::Backend::Sqlite));
    into.backups = ctx.backups.clone();
    assert!(
        restore(&into, &local, hoso_app::backups::keys::own(&ctx.backups), false)
            .unwrap()
            .restored
    );

    // Deleting it deletes the object.
    let (status, _) = call(
        &app,
        "POST",
        &format!("/api/v1/backups/{}/delete", backup["id"].as_str().unwrap()),
        Some(&admin),
        Some(json!({"reason": "Thử xóa trên kho đối tượng"})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        http.get(format!("{bucket}/tinh/{file_name}"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

/// An archive made before a migration restores into the schema it was made with, and the newer
/// migrations then run over its rows (here: the backups migration, which gives administrators
/// holding manage_settings the new manage_backups right).
#[actix_web::test]
async fn an_archive_of_an_older_schema_is_loaded_into_that_schema_then_migrated() {
    const BEFORE_BACKUPS: &str = "20261203000000";
    for target in backends() {
        // The demo province, then the schema taken back to before backups (as a database of
        // that time would be: this build's code cannot write the older schema itself).
        let old = TestDatabase::migrated(hoso_store::Backend::Sqlite);
        let mut conn = old.connect();
        let hash = hoso_app::passwords::hash(crate::support::DEMO_PASSWORD);
        hoso_app::seed::load(&mut conn, &hash).unwrap();
        hoso_store::migrations::revert_after(&mut conn, BEFORE_BACKUPS).unwrap();
        // Read by hand: this build's queries know only the newest schema.
        let admin_rights = |conn: &mut hoso_store::DbConnection| {
            #[derive(diesel::QueryableByName)]
            struct Rights {
                #[diesel(sql_type = diesel::sql_types::Text)]
                rights: String,
            }
            use diesel::RunQueryDsl;
            diesel::sql_query("SELECT rights FROM accounts WHERE username = 'quantri'")
                .get_result::<Rights>(conn)
                .unwrap()
                .rights
        };
        assert!(!admin_rights(&mut conn).contains("manage_backups"));
        let tables = dump::tables(&mut conn).unwrap();
        assert!(!tables.iter().any(|t| t.name == "backups"));

        let mut ctx = TestContext::over(TestDatabase::empty(target));
        let holder = tempfile::tempdir().unwrap();
        ctx.backups = hoso_app::backups::BackupSettings::in_directory(holder.path());
        let archive = holder.path().join("old.tar.gz.age");
        write_archive_of(&mut conn, &ctx.backups, BEFORE_BACKUPS, &archive);
        let report = restore(&ctx, &archive, hoso_app::backups::keys::own(&ctx.backups), false).unwrap();
        assert!(
            report.verification.ok,
            "{target}: {:?}",
            report.verification.problems
        );
        let mut restored = ctx.db.connect();
        assert_eq!(
            dump::schema_versions(&mut restored).unwrap().last(),
            hoso_store::migrations::known_versions().unwrap().last(),
            "{target}: migrated to this build's schema"
        );
        assert!(
            admin_rights(&mut restored).contains("manage_backups"),
            "{target}: the newer migration ran over the rows"
        );
        assert_eq!(
            hoso_store::backups::restores(&mut restored).unwrap()[0].source_schema_version,
            BEFORE_BACKUPS
        );
    }
}
