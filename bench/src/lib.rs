//! Shared input generators for the benchmarks live in benches/check.rs.
