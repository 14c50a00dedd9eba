//! HTML → text.
