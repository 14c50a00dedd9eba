//! Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 and Big5, detected.
