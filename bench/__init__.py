"""Benchmarks of Folio's read paths against a flat FastAPI + SQLAlchemy baseline.

Run with ``make bench`` or ``python -m bench --help``; see docs/benchmarks.md."""
