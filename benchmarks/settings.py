"""Production settings for the benchmark's own server: a throwaway SQLite database, no DEBUG."""

from museum.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
