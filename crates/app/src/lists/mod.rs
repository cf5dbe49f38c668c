//! The lists HR officers need (USE-3, WF-8): people due a regular salary-step raise or
//! beyond-frame seniority, reaching retirement age, whose labour contract ends, in a period; and
//! the dossiers not yet submitted, checked or approved. Individual rows: within the caller's

pub mod make_list;
pub use make_list::make_list;
