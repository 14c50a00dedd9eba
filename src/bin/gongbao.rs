//! The batch binary.
fn main() {}
