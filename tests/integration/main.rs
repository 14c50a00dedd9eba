//! The integration tests, one module a subject, built as one test binary: each test binary links
//! the whole library and its dependencies, and a clean `cargo test` spent more time linking
//! fifteen of them than running them. A module's tests run alone with its name as the filter:
//! `cargo test --test integration fixtures::` (README, Development).

mod common;

/// The invariants the fuzz targets check, and the numbers they generate (`fuzz/src/`).
#[path = "../../fuzz/src/lib.rs"]
mod check;

mod cli;
mod fixtures;
mod gold;
mod gwr;
mod identifiers;
mod number_roundtrip;
mod opencc;
mod properties;
mod records;
mod regions;
mod report;
mod robustness;
mod sections;
mod table;
mod whole_numbers;
