import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "PLAIN_HTTP", "TWO_FACTOR_REQUIRED"}
    }
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120
    )


def test_a_production_server_without_a_secret_key_refuses_to_start():
    result = run("-c", "import museum.wsgi", env={"DJANGO_SETTINGS_MODULE": "museum.settings"})

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_commands_that_need_no_key_run_without_one():
    result = run("manage.py", "makemigrations", "--check", "--dry-run", env={})

    assert result.returncode == 0, result.stderr


def test_rundemo_sets_up_an_empty_database_and_prints_a_password_only_once(tmp_path):
    env = {"DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}"}

    first = run("manage.py", "rundemo", "--no-serve", env=env)
    second = run("manage.py", "rundemo", "--no-serve", env=env)

    assert first.returncode == 0, first.stderr
    assert "password:" in first.stdout
    assert second.returncode == 0, second.stderr
    assert "password:" not in second.stdout


def test_the_cache_is_redis_when_redis_url_is_set():
    script = (
        "import django; django.setup(); from django.core.cache import cache; import redis; "
        "cache.set('tarlo-check', 'ő', 30); "
        "print(redis.Redis(host='127.0.0.1').exists(cache.make_and_validate_key('tarlo-check')), cache.get('tarlo-check'))"
    )
    result = run(
        "-c",
        script,
        env={
            "DEBUG": "1",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "DJANGO_SETTINGS_MODULE": "museum.settings",
        },
    )

    assert result.stdout.strip() == "1 ő", result.stderr


# Production is secure by default (issue 11).


def production(monkeypatch, **env):
    """The settings museum/settings.py builds from `env` alone (DEBUG off unless given)."""
    import runpy

    for name in [
        "DEBUG",
        "PLAIN_HTTP",
        "TRUSTED_PROXIES",
        "TWO_FACTOR_REQUIRED",
        "HSTS_SECONDS",
        "REDIS_URL",
    ]:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "museum" / "settings.py"))


def test_check_deploy_passes_with_only_a_secret_key_and_allowed_hosts():
    result = run(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "SECRET_KEY": "k3y-" + "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN",
            "ALLOWED_HOSTS": "museum.example",
            "DJANGO_SETTINGS_MODULE": "museum.settings",
        },
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_without_debug_https_hsts_and_secure_cookies_are_on(monkeypatch):
    settings = production(monkeypatch)

    assert settings["SECURE_SSL_REDIRECT"] and settings["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert settings["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and settings["SECURE_HSTS_PRELOAD"]
    assert settings["SESSION_COOKIE_SECURE"] and settings["CSRF_COOKIE_SECURE"]
    assert settings["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert settings["TARLO_TWO_FACTOR_REQUIRED"]


def test_plain_http_is_an_explicit_opt_out(monkeypatch):
    settings = production(monkeypatch, PLAIN_HTTP="1")

    assert not settings.get("SECURE_SSL_REDIRECT") and not settings.get("SECURE_HSTS_SECONDS")
    assert not settings.get("SESSION_COOKIE_SECURE")


def test_a_staff_session_lasts_a_working_day_at_most(monkeypatch):
    settings = production(monkeypatch)

    assert settings["SESSION_COOKIE_AGE"] == 10 * 3600 and settings["SESSION_EXPIRE_AT_BROWSER_CLOSE"]


def test_sqlite_is_set_up_for_several_writers(monkeypatch):
    options = production(monkeypatch, DATABASE_URL="sqlite:////tmp/x.sqlite3")["DATABASES"]["default"][
        "OPTIONS"
    ]

    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


def test_production_logs_to_stderr(monkeypatch):
    logging = production(monkeypatch)["LOGGING"]

    assert logging["handlers"]["stderr"]["class"] == "logging.StreamHandler"
    assert logging["root"]["handlers"] == ["stderr"]


def test_a_server_process_leaves_what_it_loaded_at_start_out_of_garbage_collection(tmp_path):
    # The views are loaded by the URLconf; a frozen object is in no generation the collector walks.
    code = (
        "import gc, museum.wsgi, exhibits.site.views as views; "
        "print(gc.get_freeze_count(), any(o is views.__dict__ for o in gc.get_objects()))"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "museum.settings",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": f"sqlite:///{tmp_path}/db",
    }

    result = run("-c", code, env=env)

    frozen, views_walked = result.stdout.split()
    assert int(frozen) > 10_000
    assert views_walked == "False"
