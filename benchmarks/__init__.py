"""Benchmarks that print figures: `pages` (the visitor pages served by gunicorn, against a minimal
Django view) and `exports` (each export of a large exhibit); `settings` and `urls` are the page
benchmark's own server. Run them with `manage.py benchmark` (both) or `manage.py benchmark_exports`.
"""
