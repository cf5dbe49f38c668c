//! The one portable schema: types that mean the same on SQLite and PostgreSQL (text ids,
//! integers, UTC timestamps without zone). Kept by hand in step with `migrations/`; the
//! migration test checks both backends produce the tables named here.

diesel::table! {
    system_meta (key) {
        key -> Text,
        value -> Text,
        updated_at -> Timestamp,
    }
}
