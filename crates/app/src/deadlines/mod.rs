//! The deadline dashboard (WF-8): what is due and overdue, by unit and by officer.

pub mod list_deadlines;
pub use list_deadlines::list_deadlines;
