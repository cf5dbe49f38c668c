//! The store against real databases: SQLite always, PostgreSQL when configured (see
//! `hoso_store::testing`).

use std::collections::BTreeSet;
use std::path::Path;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Text;
use hoso_store::testing::{backends, TestDatabase};
use hoso_store::{meta, migrations, Backend, DbConnection};

#[derive(QueryableByName, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct SchemaLine {
    #[diesel(sql_type = Text)]
    line: String,
}

/// Every user table and column with its type, sorted: what the migrations built.
fn schema_of(conn: &mut DbConnection) -> Vec<String> {
    let query = match conn.backend() {
        Backend::Sqlite => {
            "SELECT m.name || '.' || p.name || ' ' || p.type || CASE WHEN p.\"notnull\" = 1 THEN ' not null' ELSE '' END AS line
             FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__diesel_schema_migrations'"
        }
        Backend::Postgres => {
            "SELECT table_name || '.' || column_name || ' ' || data_type || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END AS line
             FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'"
        }
    };
    let mut lines: Vec<String> = diesel::sql_query(query)
        .load::<SchemaLine>(conn)
        .expect("read the schema")
        .into_iter()
        .map(|l| l.line)
        .collect();
    lines.sort();
    lines
}

#[test]
fn migration_directories_are_named_alike_on_both_backends() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations");
    let names = |backend: &str| -> BTreeSet<String> {
        std::fs::read_dir(root.join(backend))
            .expect("migrations directory")
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names("sqlite"), names("postgres"));
    for backend in ["sqlite", "postgres"] {
        for name in names(backend) {
            for file in ["up.sql", "down.sql"] {
                assert!(
                    root.join(backend).join(&name).join(file).is_file(),
                    "{backend}/{name}/{file} is missing"
                );
            }
        }
    }
    assert_eq!(
        migrations::names(Backend::Sqlite).unwrap(),
        migrations::names(Backend::Postgres).unwrap()
    );
}

#[test]
fn every_migration_runs_up_down_and_up_again() {
    for backend in backends() {
        let db = TestDatabase::empty(backend);
        let mut conn = db.connect();
        let total = migrations::names(backend).unwrap().len();

        let applied = migrations::run_pending(&mut conn).unwrap();
        assert_eq!(applied.len(), total, "{backend}");
        assert_eq!(
            migrations::status(&mut conn).unwrap(),
            migrations::MigrationStatus {
                applied: total,
                pending: 0
            }
        );
        let schema = schema_of(&mut conn);
        assert!(
            schema.iter().any(|l| l.starts_with("system_meta.key")),
            "{backend}: {schema:?}"
        );

        let reverted = migrations::revert_all(&mut conn).unwrap();
        assert_eq!(reverted.len(), total, "{backend}");
        assert_eq!(
            schema_of(&mut conn),
            Vec::<String>::new(),
            "{backend}: down left tables behind"
        );
        assert_eq!(migrations::status(&mut conn).unwrap().pending, total);

        migrations::run_pending(&mut conn).unwrap();
        assert_eq!(
            schema_of(&mut conn),
            schema,
            "{backend}: up after down built another schema"
        );
    }
}

#[test]
fn preparing_twice_applies_and_loads_nothing_the_second_time() {
    for backend in backends() {
        let db = TestDatabase::migrated(backend);
        let mut conn = db.connect();
        let again = migrations::prepare(&mut conn).unwrap();
        assert_eq!(again.migrations, Vec::<String>::new(), "{backend}");
        assert_eq!(again.catalogs, Vec::<String>::new(), "{backend}");
    }
}

/// CTX-2: a newer shipped file updates its own entries and adds new codes, but never touches an
/// administrator's entry nor deletes a code a dossier may use.
#[test]
fn a_newer_shipped_catalogue_updates_its_entries_and_keeps_local_ones() {
    use hoso_domain::catalog::{shipped, CatalogEntry};
    use hoso_store::catalogs;
    for backend in backends() {
        let db = TestDatabase::migrated(backend);
        let mut conn = db.connect();
        let mut file = shipped()
            .iter()
            .find(|f| f.meta.kind == "ratings")
            .unwrap()
            .clone();
        let local = CatalogEntry {
            code: "LOCAL".into(),
            label: "Của tỉnh".into(),
            parent: None,
            valid_from: None,
            valid_to: None,
            replaced_by: None,
            data: None,
            source: None,
            local_code: true,
        };
        catalogs::insert_entry(&mut conn, "ratings", &local, "local", None).unwrap();

        file.meta.version += 1;
        file.entries[0].label = "Nhãn mới".into();
        let dropped = file.entries.pop().unwrap();
        file.entries.push(CatalogEntry {
            label: "Đè lên".into(),
            ..local.clone()
        });
        file.entries.push(CatalogEntry {
            code: "NEW".into(),
            label: "Mới".into(),
            ..local.clone()
        });
        assert_eq!(
            catalogs::sync_shipped(&mut conn, &[file.clone()]).unwrap(),
            vec!["ratings"]
        );

        let label = |conn: &mut DbConnection, code: &str| {
            catalogs::find_entry(conn, "ratings", code)
                .unwrap()
                .map(|e| e.label)
        };
        assert_eq!(
            label(&mut conn, &file.entries[0].code).as_deref(),
            Some("Nhãn mới"),
            "{backend}"
        );
        assert_eq!(
            label(&mut conn, "LOCAL").as_deref(),
            Some("Của tỉnh"),
            "{backend}"
        );
        assert_eq!(label(&mut conn, "NEW").as_deref(), Some("Mới"), "{backend}");
        assert!(
            label(&mut conn, &dropped.code).is_some(),
            "{backend}: a code was deleted"
        );
        assert_eq!(
            catalogs::find(&mut conn, "ratings").unwrap().unwrap().version,
            file.meta.version
        );
        // The same version again changes nothing.
        assert!(catalogs::sync_shipped(&mut conn, &[file]).unwrap().is_empty());
    }
}

#[test]
fn meta_values_are_inserted_then_replaced() {
    for backend in backends() {
        let db = TestDatabase::migrated(backend);
        let pool = db.pool();
        let mut conn = pool.get().unwrap();
        assert_eq!(meta::get(&mut conn, "k").unwrap(), None);
        meta::set(&mut conn, "k", "một").unwrap();
        meta::set(&mut conn, "k", "hai").unwrap();
        assert_eq!(
            meta::get(&mut conn, "k").unwrap().as_deref(),
            Some("hai"),
            "{backend}"
        );
    }
}

/// Two writers making one value at the same moment (two job workers making the national
/// signing key): the second's insert waits for the first's commit, finds the key taken, and its
/// transaction goes on (PostgreSQL would otherwise abort it on the unique violation).
#[test]
fn a_value_made_twice_at_once_is_kept_once_and_the_second_writer_goes_on() {
    for backend in backends() {
        let db = TestDatabase::migrated(backend);
        let pool = db.pool();
        let (mut first, mut second) = (pool.get().unwrap(), pool.get().unwrap());
        let (started, finish) = (std::sync::mpsc::channel::<()>(), std::sync::mpsc::channel::<()>());
        let holder = std::thread::spawn(move || {
            first
                .write_transaction(|conn| -> Result<(), hoso_store::StoreError> {
                    assert!(meta::insert_if_absent(conn, "k", "một")?);
                    started.0.send(()).unwrap();
                    finish.1.recv().unwrap();
                    Ok(())
                })
                .unwrap();
        });
        started.1.recv().unwrap();
        // Not a synchronisation (the outcome is the same whenever the first commits): it lets
        // the second be waiting on the first's row, the case that aborted the transaction.
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(200));
            finish.0.send(()).unwrap();
        });
        let outcome = second
            .write_transaction(|conn| -> Result<(bool, Option<String>), hoso_store::StoreError> {
                let inserted = meta::insert_if_absent(conn, "k", "hai")?;
                meta::set(conn, "other", "vẫn ghi được")?;
                Ok((inserted, meta::get(conn, "k")?))
            })
            .unwrap();
        holder.join().unwrap();
        releaser.join().unwrap();
        assert_eq!(
            outcome,
            (false, Some("một".into())),
            "{backend}: the first value stays"
        );
        assert_eq!(
            meta::get(&mut second, "other").unwrap().as_deref(),
            Some("vẫn ghi được"),
            "{backend}"
        );
    }
}

#[test]
fn sqlite_connections_enforce_foreign_keys_and_use_wal() {
    #[derive(QueryableByName)]
    struct Pragma {
        #[diesel(sql_type = Text)]
        value: String,
    }
    let db = TestDatabase::migrated(Backend::Sqlite);
    let pool = db.pool();
    let mut conn = pool.get().unwrap();
    let read = |conn: &mut DbConnection, sql: &str| -> String {
        diesel::sql_query(sql).get_result::<Pragma>(conn).unwrap().value
    };
    assert_eq!(
        read(
            &mut conn,
            "SELECT CAST(foreign_keys AS TEXT) AS value FROM pragma_foreign_keys"
        ),
        "1"
    );
    assert_eq!(
        read(&mut conn, "SELECT journal_mode AS value FROM pragma_journal_mode"),
        "wal"
    );
    assert_eq!(
        read(
            &mut conn,
            "SELECT CAST(timeout AS TEXT) AS value FROM pragma_busy_timeout"
        ),
        "5000"
    );
}

/// A transaction that reads, then writes after another connection has committed: SQLite's
/// deferred transaction fails at once ("database is locked", no busy wait can help), while
/// `write_transaction` takes the lock first and both writes land. This is how a job's batch
/// failed beside its own lease renewal.
#[test]
fn a_sqlite_write_transaction_is_not_overtaken_by_another_writer() {
    let db = TestDatabase::migrated(Backend::Sqlite);
    let pool = db.pool();
    let mut batch = pool.get().unwrap();
    let mut other = pool.get().unwrap();
    let read_then_write = |conn: &mut DbConnection, other: &mut DbConnection, key: &str| {
        meta::get(conn, "probe").unwrap();
        meta::set(other, "lease", key).unwrap();
        meta::set(conn, key, "written")
    };
    let deferred: Result<(), hoso_store::StoreError> =
        batch.transaction(|conn| read_then_write(conn, &mut other, "deferred"));
    assert!(deferred.unwrap_err().to_string().contains("locked"));
    // Under `write_transaction` the lock is held from the start: the other connection (told
    // not to wait) cannot slip a commit in between the read and the write.
    other.batch_execute("PRAGMA busy_timeout = 0").unwrap();
    batch
        .write_transaction(|conn| -> Result<(), hoso_store::StoreError> {
            meta::get(conn, "probe")?;
            let overtaking = meta::set(&mut other, "lease", "renewed");
            assert!(overtaking.unwrap_err().to_string().contains("locked"));
            meta::set(conn, "immediate", "written")
        })
        .unwrap();
    assert_eq!(
        meta::get(&mut batch, "immediate").unwrap().as_deref(),
        Some("written")
    );
}

/// Two servers starting together against one PostgreSQL database: the advisory lock makes one
/// wait while the other migrates, so each migration is applied exactly once and neither fails.
/// (SQLite is embedded: one server owns its file, so it has no such race.)
#[test]
fn two_instances_migrating_postgres_at_once_apply_each_migration_once() {
    let Some(backend) = backends().into_iter().find(|b| *b == Backend::Postgres) else {
        return; // SQLite-only run; under CI=true `backends()` guarantees PostgreSQL is here.
    };
    let db = TestDatabase::empty(backend);
    let start = std::sync::Arc::new(std::sync::Barrier::new(2));
    let instances: Vec<_> = (0..2)
        .map(|_| {
            let mut conn = db.connect();
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                migrations::run_pending(&mut conn)
            })
        })
        .collect();
    let applied: Vec<Vec<String>> = instances
        .into_iter()
        .map(|instance| instance.join().unwrap().expect("both instances start"))
        .collect();
    let total = migrations::names(backend).unwrap().len();
    assert_eq!(applied.iter().map(Vec::len).sum::<usize>(), total, "{applied:?}");
    assert_eq!(migrations::status(&mut db.connect()).unwrap().pending, 0);
}
