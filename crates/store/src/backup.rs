//! Every table as rows of plain values, the same on both backends: what a backup writes and a
//! restore loads (SEC-5), so that an archive of SQLite restores into PostgreSQL and back.
//!
//! Tables and columns are read off the database's own catalogue, not a list kept by hand, so a
//! table added by a migration is backed up without a change here. A row is a JSON array of its
//! values in the order of the column names (sorted, so that the physical order of columns on
//! either backend does not matter), in primary-key order (text keys compared byte by byte on
//! both): the same database gives the same lines, and so the same hash, on SQLite and PostgreSQL.

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use diesel::connection::{DefaultLoadingMode, SimpleConnection};
use diesel::pg::PgRowByRowLoadingMode;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Integer, Nullable, Text, Timestamp};
use diesel::{PgConnection, SqliteConnection};
use serde_json::Value as Json;

use crate::connection::DbConnection;
use crate::error::{StoreError, StoreResult};

/// Tables a migrated database fills by itself (the shipped catalogues, the schema's own facts):
/// a database holding rows only there is still empty for a restore.
pub const FILLED_BY_MIGRATION: &[&str] = &["catalogs", "system_meta"];

/// The kinds of value the portable schema uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    Integer,
    BigInt,
    Bool,
    Text,
    Timestamp,
    Date,
}

impl ColumnKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnKind::Integer => "integer",
            ColumnKind::BigInt => "bigint",
            ColumnKind::Bool => "boolean",
            ColumnKind::Text => "text",
            ColumnKind::Timestamp => "timestamp",
            ColumnKind::Date => "date",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Some(match name.to_ascii_lowercase().as_str() {
            "integer" | "int" | "int4" => ColumnKind::Integer,
            "bigint" | "int8" => ColumnKind::BigInt,
            "boolean" | "bool" => ColumnKind::Bool,
            "text" | "character varying" | "varchar" => ColumnKind::Text,
            "timestamp" | "timestamp without time zone" => ColumnKind::Timestamp,
            "date" => ColumnKind::Date,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub kind: ColumnKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    /// Sorted by name: the order of the values of a row.
    pub columns: Vec<Column>,
    /// In the key's own order.
    pub primary_key: Vec<String>,
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Bool(bool),
    Text(String),
    Timestamp(NaiveDateTime),
    Date(NaiveDate),
}

const TIMESTAMP_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.6f";

impl Value {
    /// The value as written in an archive: timestamps to the microsecond (PostgreSQL's
    /// precision; SQLite may hold nanoseconds), ISO dates.
    pub fn to_json(&self) -> Json {
        match self {
            Value::Null => Json::Null,
            Value::Int(i) => Json::from(*i),
            Value::Bool(b) => Json::Bool(*b),
            Value::Text(t) => Json::String(t.clone()),
            Value::Timestamp(t) => Json::String(t.format(TIMESTAMP_FORMAT).to_string()),
            Value::Date(d) => Json::String(d.format("%Y-%m-%d").to_string()),
        }
    }

    /// Reads a value of `kind` from the JSON either backend produced or an archive holds.
    pub fn from_json(kind: ColumnKind, json: &Json) -> Result<Value, String> {
        if json.is_null() {
            return Ok(Value::Null);
        }
        let wrong = || format!("{json} is not a {}", kind.as_str());
        Ok(match kind {
            ColumnKind::Integer | ColumnKind::BigInt => Value::Int(json.as_i64().ok_or_else(wrong)?),
            ColumnKind::Bool => match json {
                Json::Bool(b) => Value::Bool(*b),
                Json::Number(n) => Value::Bool(n.as_i64().ok_or_else(wrong)? != 0),
                _ => return Err(wrong()),
            },
            ColumnKind::Text => match json {
                Json::String(s) => Value::Text(s.clone()),
                // SQLite keeps what it was given; a number in a text column is still text.
                Json::Number(n) => Value::Text(n.to_string()),
                _ => return Err(wrong()),
            },
            ColumnKind::Timestamp => {
                let text = json.as_str().ok_or_else(wrong)?;
                let parsed = ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"]
                    .iter()
                    .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
                    .ok_or_else(wrong)?;
                let micros = parsed.nanosecond() / 1_000 * 1_000;
                Value::Timestamp(
                    parsed
                        .with_nanosecond(micros)
                        .expect("fewer nanoseconds are valid"),
                )
            }
            ColumnKind::Date => {
                let text = json.as_str().ok_or_else(wrong)?;
                Value::Date(NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| wrong())?)
            }
        })
    }
}

#[derive(QueryableByName)]
struct Named {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct CatalogColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Integer)]
    key_position: i32,
}

#[derive(QueryableByName)]
struct RowText {
    #[diesel(sql_type = Text)]
    row: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Every table of hoso in the database, by name (diesel's own bookkeeping excluded).
pub fn tables(conn: &mut DbConnection) -> StoreResult<Vec<Table>> {
    let columns: Vec<CatalogColumn> = match conn {
        DbConnection::Postgres(c) => diesel::sql_query(
            "SELECT c.table_name::text AS table_name, c.column_name::text AS column_name, \
                    c.data_type::text AS data_type, COALESCE(k.ordinal_position, 0)::int4 AS key_position \
             FROM information_schema.columns c \
             JOIN information_schema.tables t \
               ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' \
             LEFT JOIN information_schema.table_constraints p \
               ON p.table_schema = c.table_schema AND p.table_name = c.table_name AND p.constraint_type = 'PRIMARY KEY' \
             LEFT JOIN information_schema.key_column_usage k \
               ON k.constraint_schema = p.constraint_schema AND k.constraint_name = p.constraint_name \
              AND k.column_name = c.column_name \
             WHERE c.table_schema = current_schema() AND c.table_name <> '__diesel_schema_migrations'",
        )
        .load(c)?,
        DbConnection::Sqlite(c) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type, p.pk AS key_position \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__diesel_schema_migrations'",
        )
        .load(c)?,
    };
    let mut tables: Vec<Table> = Vec::new();
    let mut keys: Vec<(String, i32, String)> = Vec::new();
    for column in columns {
        let kind = ColumnKind::parse(&column.data_type).ok_or_else(|| {
            StoreError::Connection(format!(
                "column {}.{} has type {}, which backups do not know",
                column.table_name, column.column_name, column.data_type
            ))
        })?;
        if column.key_position > 0 {
            keys.push((
                column.table_name.clone(),
                column.key_position,
                column.column_name.clone(),
            ));
        }
        let entry = match tables.iter_mut().find(|t| t.name == column.table_name) {
            Some(table) => table,
            None => {
                tables.push(Table {
                    name: column.table_name.clone(),
                    columns: Vec::new(),
                    primary_key: Vec::new(),
                });
                tables.last_mut().expect("just pushed")
            }
        };
        entry.columns.push(Column {
            name: column.column_name,
            kind,
        });
    }
    keys.sort();
    for (table, _, column) in keys {
        if let Some(t) = tables.iter_mut().find(|t| t.name == table) {
            t.primary_key.push(column);
        }
    }
    for table in &mut tables {
        table.columns.sort_by(|a, b| a.name.cmp(&b.name));
        if table.primary_key.is_empty() {
            // Without a key, every column orders the rows.
            table.primary_key = table.columns.iter().map(|c| c.name.clone()).collect();
        }
    }
    tables.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(tables)
}

/// The versions of the applied migrations, oldest first.
pub fn schema_versions(conn: &mut DbConnection) -> StoreResult<Vec<String>> {
    let query = "SELECT version AS name FROM __diesel_schema_migrations ORDER BY version";
    let rows: Vec<Named> = match conn {
        DbConnection::Postgres(c) => diesel::sql_query(query).load(c)?,
        DbConnection::Sqlite(c) => diesel::sql_query(query).load(c)?,
    };
    Ok(rows.into_iter().map(|r| r.name).collect())
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn order_by(table: &Table, postgres: bool) -> String {
    table
        .primary_key
        .iter()
        .map(|key| {
            let text = table
                .columns
                .iter()
                .any(|c| &c.name == key && c.kind == ColumnKind::Text);
            // Byte order on both backends (SQLite's BINARY is PostgreSQL's "C").
            if text && postgres {
                format!("{} COLLATE \"C\"", quoted(key))
            } else {
                quoted(key)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Calls `each` with every row of `table` in key order, streamed (never the whole table in
/// memory). Returns how many rows there were.
pub fn for_each_row<F>(conn: &mut DbConnection, table: &Table, mut each: F) -> StoreResult<u64>
where
    F: FnMut(Vec<Value>) -> StoreResult<()>,
{
    let mut count = 0u64;
    let mut take = |text: String| -> StoreResult<()> {
        let json: Vec<Json> = serde_json::from_str(&text)
            .map_err(|e| StoreError::Connection(format!("row of {} unreadable: {e}", table.name)))?;
        let values = table
            .columns
            .iter()
            .zip(&json)
            .map(|(column, json)| {
                Value::from_json(column.kind, json)
                    .map_err(|e| StoreError::Connection(format!("{}.{}: {e}", table.name, column.name)))
            })
            .collect::<StoreResult<Vec<_>>>()?;
        count += 1;
        each(values)
    };
    match conn {
        DbConnection::Postgres(c) => {
            let values = table
                .columns
                .iter()
                .map(|column| match column.kind {
                    ColumnKind::Timestamp => {
                        format!(
                            "to_char({}, 'YYYY-MM-DD\"T\"HH24:MI:SS.US')",
                            quoted(&column.name)
                        )
                    }
                    ColumnKind::Date => format!("to_char({}, 'YYYY-MM-DD')", quoted(&column.name)),
                    _ => quoted(&column.name),
                })
                .collect::<Vec<_>>();
            let sql = format!(
                "SELECT json_build_array({})::text AS row FROM {} ORDER BY {}",
                values.join(", "),
                quoted(&table.name),
                order_by(table, true)
            );
            for row in diesel::sql_query(sql).load_iter::<RowText, PgRowByRowLoadingMode>(c)? {
                take(row?.row)?;
            }
        }
        DbConnection::Sqlite(c) => {
            let values = table.columns.iter().map(|c| quoted(&c.name)).collect::<Vec<_>>();
            let sql = format!(
                "SELECT json_array({}) AS row FROM {} ORDER BY {}",
                values.join(", "),
                quoted(&table.name),
                order_by(table, false)
            );
            for row in diesel::sql_query(sql).load_iter::<RowText, DefaultLoadingMode>(c)? {
                take(row?.row)?;
            }
        }
    }
    Ok(count)
}

/// Whether `table` holds any row (without counting them all).
fn has_rows(conn: &mut DbConnection, table: &str) -> StoreResult<bool> {
    let sql = format!(
        "SELECT COUNT(*) AS n FROM (SELECT 1 FROM {} LIMIT 1) AS one",
        quoted(table)
    );
    let row: Count = match conn {
        DbConnection::Postgres(c) => diesel::sql_query(sql).get_result(c)?,
        DbConnection::Sqlite(c) => diesel::sql_query(sql).get_result(c)?,
    };
    Ok(row.n > 0)
}

/// The first table holding rows other than those a migration writes by itself: a database a
/// restore would overwrite.
pub fn first_table_with_data(conn: &mut DbConnection) -> StoreResult<Option<String>> {
    for table in tables(conn)? {
        if FILLED_BY_MIGRATION.contains(&table.name.as_str()) {
            continue;
        }
        if has_rows(conn, &table.name)? {
            return Ok(Some(table.name));
        }
    }
    Ok(None)
}

/// Within a transaction: foreign keys checked at its commit, not per row, so tables load in any
/// order (and rows of a table that refers to itself in any order).
pub fn defer_foreign_keys(conn: &mut DbConnection) -> StoreResult<()> {
    match conn {
        DbConnection::Postgres(c) => {
            // PostgreSQL defers only deferrable keys: those of the current schema are (migration
            // 2026-12-04-000100), and a target brought only to an older archive's schema is made
            // so here by the same migration's SQL.
            c.batch_execute(MAKE_FOREIGN_KEYS_DEFERRABLE)?;
            c.batch_execute("SET CONSTRAINTS ALL DEFERRED")?
        }
        DbConnection::Sqlite(c) => c.batch_execute("PRAGMA defer_foreign_keys = ON")?,
    }
    Ok(())
}

/// The migration that made every foreign key deferrable, run again on a target of an older schema.
const MAKE_FOREIGN_KEYS_DEFERRABLE: &str =
    include_str!("../../../migrations/postgres/2026-12-04-000100_deferrable_foreign_keys/up.sql");

/// Deletes the rows a migrated database wrote by itself, before a restore loads the archive's.
pub fn clear_filled_by_migration(conn: &mut DbConnection) -> StoreResult<()> {
    for table in FILLED_BY_MIGRATION {
        conn.batch_execute(&format!("DELETE FROM {}", quoted(table)))?;
    }
    Ok(())
}

/// Rows in one statement: few enough binds for SQLite's limit (32,766) and PostgreSQL's (65,535).
const MAX_BINDS: usize = 30_000;
const MAX_ROWS_PER_INSERT: usize = 500;

/// How many rows of `table` one [`insert_rows`] call takes at most.
pub fn rows_per_insert(table: &Table) -> usize {
    (MAX_BINDS / table.columns.len().max(1)).clamp(1, MAX_ROWS_PER_INSERT)
}

macro_rules! bind_values {
    ($query:expr, $rows:expr, $table:expr) => {{
        let mut query = $query;
        for row in $rows {
            for (value, column) in row.iter().zip(&$table.columns) {
                query = match (value, column.kind) {
                    (Value::Null, ColumnKind::Integer) => query.bind::<Nullable<Integer>, _>(None::<i32>),
                    (Value::Null, ColumnKind::BigInt) => query.bind::<Nullable<BigInt>, _>(None::<i64>),
                    (Value::Null, ColumnKind::Bool) => query.bind::<Nullable<Bool>, _>(None::<bool>),
                    (Value::Null, ColumnKind::Text) => query.bind::<Nullable<Text>, _>(None::<String>),
                    (Value::Null, ColumnKind::Timestamp) => {
                        query.bind::<Nullable<Timestamp>, _>(None::<NaiveDateTime>)
                    }
                    (Value::Null, ColumnKind::Date) => query.bind::<Nullable<Date>, _>(None::<NaiveDate>),
                    (Value::Int(i), ColumnKind::Integer) => {
                        let narrow = i32::try_from(*i).map_err(|_| {
                            StoreError::Connection(format!(
                                "{}.{}: {i} is too large",
                                $table.name, column.name
                            ))
                        })?;
                        query.bind::<Integer, _>(narrow)
                    }
                    (Value::Int(i), _) => query.bind::<BigInt, _>(*i),
                    (Value::Bool(b), _) => query.bind::<Bool, _>(*b),
                    (Value::Text(t), _) => query.bind::<Text, _>(t.clone()),
                    (Value::Timestamp(t), _) => query.bind::<Timestamp, _>(*t),
                    (Value::Date(d), _) => query.bind::<Date, _>(*d),
                };
            }
        }
        query
    }};
}

/// Inserts `rows` (values in the table's column order) in one statement; at most
/// [`rows_per_insert`] of them.
pub fn insert_rows(conn: &mut DbConnection, table: &Table, rows: &[Vec<Value>]) -> StoreResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let columns = table
        .columns
        .iter()
        .map(|c| quoted(&c.name))
        .collect::<Vec<_>>()
        .join(", ");
    let width = table.columns.len();
    let postgres = matches!(conn, DbConnection::Postgres(_));
    let mut next = 0;
    let tuples = (0..rows.len())
        .map(|_| {
            let marks = (0..width)
                .map(|_| {
                    next += 1;
                    if postgres {
                        format!("${next}")
                    } else {
                        "?".to_owned()
                    }
                })
                .collect::<Vec<_>>();
            format!("({})", marks.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!("INSERT INTO {} ({columns}) VALUES {tuples}", quoted(&table.name));
    match conn {
        DbConnection::Postgres(c) => {
            insert_postgres(c, sql, table, rows)?;
        }
        DbConnection::Sqlite(c) => {
            insert_sqlite(c, sql, table, rows)?;
        }
    }
    Ok(())
}

fn insert_postgres(c: &mut PgConnection, sql: String, table: &Table, rows: &[Vec<Value>]) -> StoreResult<()> {
    let query = bind_values!(diesel::sql_query(sql).into_boxed::<diesel::pg::Pg>(), rows, table);
    query.execute(c)?;
    Ok(())
}

fn insert_sqlite(
    c: &mut SqliteConnection,
    sql: String,
    table: &Table,
    rows: &[Vec<Value>],
) -> StoreResult<()> {
    let query = bind_values!(
        diesel::sql_query(sql).into_boxed::<diesel::sqlite::Sqlite>(),
        rows,
        table
    );
    query.execute(c)?;
    Ok(())
}

/// After rows were loaded with their own ids: PostgreSQL's sequences continue after the largest
/// id (SQLite's AUTOINCREMENT follows inserted ids by itself).
pub fn continue_sequences(conn: &mut DbConnection) -> StoreResult<()> {
    if let DbConnection::Postgres(c) = conn {
        #[derive(QueryableByName)]
        struct Serial {
            #[diesel(sql_type = Text)]
            table_name: String,
            #[diesel(sql_type = Text)]
            column_name: String,
        }
        let serials: Vec<Serial> = diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name \
             FROM information_schema.columns \
             WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'",
        )
        .load(c)?;
        for serial in serials {
            let table = quoted(&serial.table_name);
            let column = quoted(&serial.column_name);
            c.batch_execute(&format!(
                "SELECT setval(pg_get_serial_sequence('{t}', '{col}'), COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)",
                t = serial.table_name.replace('\'', "''"),
                col = serial.column_name.replace('\'', "''"),
            ))?;
        }
    }
    Ok(())
}

/// The database's own consistency checks; each problem found, as text (none: sound). SQLite:
/// `integrity_check` and `foreign_key_check`. PostgreSQL checks keys as it commits; its pages
/// are checked by reading every row (done by the caller's dump).
pub fn integrity_problems(conn: &mut DbConnection) -> StoreResult<Vec<String>> {
    match conn {
        DbConnection::Sqlite(c) => {
            #[derive(QueryableByName)]
            struct Integrity {
                #[diesel(sql_type = Text)]
                integrity_check: String,
            }
            #[derive(QueryableByName)]
            struct ForeignKey {
                #[diesel(sql_type = Text)]
                table: String,
                #[diesel(sql_type = Nullable<BigInt>)]
                rowid: Option<i64>,
                #[diesel(sql_type = Text)]
                parent: String,
            }
            let mut problems: Vec<String> = diesel::sql_query("PRAGMA integrity_check")
                .load::<Integrity>(c)?
                .into_iter()
                .map(|r| r.integrity_check)
                .filter(|r| r != "ok")
                .collect();
            problems.extend(
                diesel::sql_query("PRAGMA foreign_key_check")
                    .load::<ForeignKey>(c)?
                    .into_iter()
                    .map(|f| {
                        format!(
                            "{} row {} refers to a missing {}",
                            f.table,
                            f.rowid.unwrap_or(-1),
                            f.parent
                        )
                    }),
            );
            Ok(problems)
        }
        DbConnection::Postgres(_) => Ok(Vec::new()),
    }
}

/// Drops every table and function of the current schema (and so every row): what a restore
/// that was told to replace a database does before migrating it afresh. SQLite files are
/// replaced by the caller instead.
pub fn drop_everything(conn: &mut DbConnection) -> StoreResult<()> {
    let DbConnection::Postgres(c) = conn else {
        return Err(StoreError::Connection(
            "a SQLite database is replaced as a file".into(),
        ));
    };
    let tables: Vec<Named> = diesel::sql_query(
        "SELECT quote_ident(table_name::text) AS name FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    )
    .load(c)?;
    let functions: Vec<Named> = diesel::sql_query(
        "SELECT p.oid::regprocedure::text AS name FROM pg_proc p \
         JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()",
    )
    .load(c)?;
    c.transaction(|c| {
        for table in &tables {
            c.batch_execute(&format!("DROP TABLE IF EXISTS {} CASCADE", table.name))?;
        }
        for function in &functions {
            c.batch_execute(&format!("DROP FUNCTION IF EXISTS {} CASCADE", function.name))?;
        }
        Ok::<_, diesel::result::Error>(())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{backends, TestDatabase};

    /// A restore defers foreign keys to its commit; PostgreSQL defers only deferrable ones, so
    /// a migration adding a foreign key must declare it DEFERRABLE.
    #[test]
    fn every_foreign_key_can_be_deferred_and_both_backends_have_the_same_tables() {
        let mut seen = Vec::new();
        for backend in backends() {
            let db = TestDatabase::migrated(backend);
            let mut conn = db.connect();
            if let DbConnection::Postgres(c) = &mut conn {
                let stiff: Vec<Named> = diesel::sql_query(
                    "SELECT conname::text AS name FROM pg_constraint WHERE contype = 'f' AND NOT condeferrable",
                )
                .load(c)
                .unwrap();
                let names: Vec<String> = stiff.into_iter().map(|n| n.name).collect();
                assert!(names.is_empty(), "not deferrable: {names:?}");
            }
            let tables: Vec<(String, Vec<String>)> = tables(&mut conn)
                .unwrap()
                .into_iter()
                .map(|t| (t.name, t.columns.into_iter().map(|c| c.name).collect()))
                .collect();
            assert!(tables.iter().any(|(name, _)| name == "dossier_versions"));
            assert!(!tables.iter().any(|(name, _)| name.starts_with("__diesel")));
            seen.push(tables);
        }
        if let [sqlite, postgres] = seen.as_slice() {
            assert_eq!(sqlite, postgres);
        }
    }

    #[test]
    fn values_read_alike_from_either_backend() {
        let sqlite = Value::from_json(
            ColumnKind::Timestamp,
            &Json::from("2026-12-01 17:14:59.123456789"),
        )
        .unwrap();
        let postgres =
            Value::from_json(ColumnKind::Timestamp, &Json::from("2026-12-01T17:14:59.123456")).unwrap();
        assert_eq!(sqlite, postgres);
        assert_eq!(sqlite.to_json(), Json::from("2026-12-01T17:14:59.123456"));
        assert_eq!(
            Value::from_json(ColumnKind::Bool, &Json::from(1)).unwrap(),
            Value::Bool(true)
        );
        assert_eq!(
            Value::from_json(ColumnKind::Bool, &Json::Bool(false)).unwrap(),
            Value::Bool(false)
        );
        assert_eq!(
            Value::from_json(ColumnKind::Text, &Json::from(12)).unwrap(),
            Value::Text("12".into())
        );
        assert_eq!(
            Value::from_json(ColumnKind::Integer, &Json::Null).unwrap(),
            Value::Null
        );
        assert!(Value::from_json(ColumnKind::Date, &Json::from("2026-13-01")).is_err());
    }
}
