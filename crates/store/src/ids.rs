/// A new random identifier for a record (UUID v4, text): portable across backends and
/// impossible to guess or enumerate.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
