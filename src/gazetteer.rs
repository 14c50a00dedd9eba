//! China's administrative divisions and named regions, embedded.
