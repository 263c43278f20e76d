import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args, env):
    clean = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}
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
