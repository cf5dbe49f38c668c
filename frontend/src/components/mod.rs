pub mod catalog;
pub mod failure;
pub mod guard;
pub mod json_form;
pub mod rights;
pub mod shell;
pub mod unit_select;
pub mod upload;
