"""Benchmarks that serve the site as in production and measure it (see docs/performance.md)."""
