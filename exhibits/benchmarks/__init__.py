"""Benchmarks that print figures; the `benchmark` command runs them all."""
