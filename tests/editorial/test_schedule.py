"""Scheduled publishing: a publisher sets the times on an object's schedule page, and
`manage.py publish_scheduled` publishes and unpublishes what is due, in the publisher's name."""

import datetime
import io
import os
import secrets
import sqlite3
import subprocess
import sys
import zoneinfo
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from exhibits.editorial import actions
from exhibits.models import Exhibit, Panel, PublicationRecord, Schedule, Status
from tests import factories
from tests.browser_seed import EDITOR_PASSWORD
from tests.chromium import needs_chromium
from tests.live_server import ROOT, Server

MUSEUM = zoneinfo.ZoneInfo("Europe/Budapest")


def museum_time(days, hour=10, minute=0):
    """A wall-clock time in Budapest `days` from today."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=MUSEUM)


def form(publish=None, unpublish=None):
    """The schedule form as a browser posts it: a date and a time field for each time."""
    data = {"_save": "Mentés"}
    for name, value in [("publish_at", publish), ("unpublish_at", unpublish)]:
        data[f"{name}_0"] = value.strftime("%Y-%m-%d") if value else ""
        data[f"{name}_1"] = value.strftime("%H:%M") if value else ""
    return data


@pytest.fixture
def opening(db):
    """An exhibit in draft with two draft panels, all translated: ready to open."""
    exhibit = factories.exhibit(slug="megnyitas", status=Status.DRAFT)
    for _number in range(2):
        factories.panel(exhibit, status=Status.DRAFT)
    return exhibit


def schedule_url(obj):
    return reverse(f"admin:exhibits_{obj._meta.model_name}_schedule", args=[obj.pk])


def run_command():
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("publish_scheduled", stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + str(error)
    return out.getvalue(), err.getvalue()


def past_due(schedule, **times):
    """Move a schedule's times to the past, as if they had come (the form refuses past times)."""
    Schedule.objects.filter(pk=schedule.pk).update(**times)


def test_the_museum_time_zone_is_budapest():
    assert settings.TIME_ZONE == "Europe/Budapest" and settings.USE_TZ


# The curator's path through the admin form


def test_a_publisher_schedules_an_exhibit_in_museum_time_and_it_is_kept_in_utc(publisher_client, opening):
    summer_morning = museum_time(200, 10, 30)

    response = publisher_client.post(schedule_url(opening), form(publish=summer_morning))

    assert response.status_code == 302
    schedule = Schedule.objects.get()
    assert schedule.content_object == opening
    assert schedule.publish_at == summer_morning
    assert schedule.publish_at.astimezone(datetime.UTC).hour == summer_morning.astimezone(datetime.UTC).hour
    assert schedule.publish_at.astimezone(datetime.UTC).hour != 10  # Budapest is never UTC
    assert schedule.unpublish_at is None


def test_the_change_page_shows_the_schedule_and_the_actions_menu_leads_to_it(
    publisher_client, publisher, opening
):
    actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(3, 18))

    page = publisher_client.get(reverse("admin:exhibits_exhibit_change", args=[opening.pk])).content.decode()

    assert schedule_url(opening) in page
    assert "schedule-note" in page and "18:00" in page


def test_the_schedule_page_lists_the_panels_that_go_live_with_the_exhibit(publisher_client, opening):
    page = publisher_client.get(schedule_url(opening)).content.decode()

    for panel in opening.panels.all():
        assert str(panel) in page


def test_clearing_the_schedule_removes_it(publisher_client, publisher, opening):
    actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(3))

    response = publisher_client.post(schedule_url(opening), {**form(), "_clear": "Törlés"})

    assert response.status_code == 302
    assert not Schedule.objects.exists()


def test_the_schedule_list_and_the_dashboard_show_what_is_scheduled(
    publisher_client, publisher, opening, django_assert_max_num_queries
):
    panel = opening.panels.first()
    actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(3, 9))
    actions.set_schedule(obj=panel, user=publisher, publish_at=museum_time(4, 9), unpublish_at=museum_time(9))

    with django_assert_max_num_queries(20):
        listing = publisher_client.get(reverse("admin:exhibits_schedule_changelist")).content.decode()
    dashboard = publisher_client.get(reverse("admin:index")).content.decode()

    for page in [listing, dashboard]:
        assert schedule_url(opening) in page and schedule_url(panel) in page


def test_a_curator_sees_what_is_scheduled_linked_to_the_pages_they_can_open(
    curator_client, publisher, opening
):
    actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(3, 9))
    change_url = reverse("admin:exhibits_exhibit_change", args=[opening.pk])

    listing = curator_client.get(reverse("admin:exhibits_schedule_changelist")).content.decode()
    dashboard = curator_client.get(reverse("admin:index")).content.decode()

    for page in [listing, dashboard]:
        assert change_url in page and schedule_url(opening) not in page


def test_the_schedule_list_costs_the_same_queries_however_many_are_scheduled(
    publisher_client, publisher, opening
):
    url = reverse("admin:exhibits_schedule_changelist")
    first, second = opening.panels.all()
    actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(3))
    actions.set_schedule(obj=first, user=publisher, publish_at=museum_time(4))
    publisher_client.get(url)
    with CaptureQueriesContext(connection) as two:
        publisher_client.get(url)
    actions.set_schedule(obj=second, user=publisher, publish_at=museum_time(4))

    with CaptureQueriesContext(connection) as three:
        publisher_client.get(url)

    assert len(three) == len(two)


# Bad input: clear errors in both languages, nothing saved


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "is in the past: choose a later time"), ("hu", "a múltban van: válasszon későbbi időpontot")],
)
def test_a_time_in_the_past_is_refused(publisher_client, opening, language, expected):
    response = publisher_client.post(
        schedule_url(opening), form(publish=museum_time(-1)), HTTP_ACCEPT_LANGUAGE=language
    )

    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not Schedule.objects.exists()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "It would come off before it goes live"), ("hu", "Előbb kerülne le, mint ahogy megjelenik")],
)
def test_an_unpublish_before_the_publish_is_refused(publisher_client, opening, language, expected):
    response = publisher_client.post(
        schedule_url(opening),
        form(publish=museum_time(5), unpublish=museum_time(4)),
        HTTP_ACCEPT_LANGUAGE=language,
    )

    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not Schedule.objects.exists()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Not scheduled: the content check found"), ("hu", "Nincs ütemezve: a tartalomellenőrzés")],
)
def test_content_that_fails_the_check_is_not_scheduled(publisher_client, opening, language, expected):
    untranslated = opening.panels.first()
    Panel.objects.filter(pk=untranslated.pk).update(title_en="")

    response = publisher_client.post(
        schedule_url(opening), form(publish=museum_time(2)), HTTP_ACCEPT_LANGUAGE=language
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert expected in page and untranslated.code in page
    assert not Schedule.objects.exists()


def test_a_date_that_does_not_exist_is_a_form_error(publisher_client, opening):
    data = {**form(), "publish_at_0": "2030-02-31", "publish_at_1": "10:00"}

    response = publisher_client.post(schedule_url(opening), data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode()
    assert not Schedule.objects.exists()


def test_a_time_the_clocks_skip_is_a_form_error(publisher_client, opening):
    # In Budapest the clocks go from 02:00 to 03:00 on the last Sunday of March.
    year = timezone.localdate().year + 1
    last_sunday = max(
        datetime.date(year, 3, day) for day in range(25, 32) if datetime.date(year, 3, day).weekday() == 6
    )
    data = {**form(), "publish_at_0": last_sunday.isoformat(), "publish_at_1": "02:30"}

    response = publisher_client.post(schedule_url(opening), data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "may be ambiguous or it may not exist" in response.content.decode()
    assert not Schedule.objects.exists()


def test_a_curator_cannot_schedule(curator_client, opening):
    response = curator_client.post(schedule_url(opening), form(publish=museum_time(2)))

    assert response.status_code == 403
    assert not Schedule.objects.exists()


def test_the_action_refuses_someone_without_the_publish_permission(curator, opening):
    with pytest.raises(actions.Refused):
        actions.set_schedule(obj=opening, user=curator, publish_at=museum_time(2))

    assert not Schedule.objects.exists()


def test_a_curator_sees_no_schedule_link_in_the_actions_menu(curator_client, opening):
    page = curator_client.get(reverse("admin:exhibits_exhibit_change", args=[opening.pk])).content.decode()

    assert schedule_url(opening) not in page


# The command


def test_the_command_publishes_an_exhibit_with_its_panels_when_due_in_the_publishers_name(publisher, opening):
    schedule = actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(1))
    past_due(schedule, publish_at=timezone.now() - datetime.timedelta(minutes=1))

    out, _err = run_command()

    assert Exhibit.objects.published().filter(pk=opening.pk).exists()
    assert Panel.objects.filter(exhibit=opening).not_published().count() == 0
    assert opening.history.latest().history_user == publisher
    records = PublicationRecord.objects.filter(action=PublicationRecord.Action.PUBLISH)
    assert records.count() == 3 and {record.user for record in records} == {publisher}
    assert not Schedule.objects.exists()
    assert str(opening) in out


def test_the_command_leaves_what_is_not_due_yet(publisher, opening):
    actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(1))

    run_command()

    assert not Exhibit.objects.published().exists()
    assert Schedule.objects.get().publish_at == museum_time(1)


def test_running_the_command_again_does_nothing_twice(publisher, opening):
    schedule = actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(1))
    past_due(schedule, publish_at=timezone.now() - datetime.timedelta(minutes=1))
    run_command()

    out, err = run_command()

    assert PublicationRecord.objects.count() == 3
    assert out == "" and err == ""


def test_the_command_unpublishes_when_due_and_keeps_nothing_more(publisher):
    live = factories.exhibit(slug="zarul")
    schedule = actions.set_schedule(obj=live, user=publisher, unpublish_at=museum_time(1))
    past_due(schedule, unpublish_at=timezone.now() - datetime.timedelta(seconds=1))

    run_command()

    live.refresh_from_db()
    assert live.status == Status.DRAFT
    assert PublicationRecord.objects.get().action == PublicationRecord.Action.UNPUBLISH
    assert PublicationRecord.objects.get().user == publisher
    assert not Schedule.objects.exists()


def test_after_publishing_the_unpublish_time_stays_scheduled(publisher, opening):
    schedule = actions.set_schedule(
        obj=opening, user=publisher, publish_at=museum_time(1), unpublish_at=museum_time(30)
    )
    past_due(schedule, publish_at=timezone.now() - datetime.timedelta(minutes=1))

    run_command()

    kept = Schedule.objects.get()
    assert kept.publish_at is None and kept.unpublish_at == museum_time(30)


def test_content_that_fails_the_check_at_the_set_time_stays_unpublished_and_the_admin_says_why(
    publisher, publisher_client, opening
):
    schedule = actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(1))
    past_due(schedule, publish_at=timezone.now() - datetime.timedelta(minutes=1))
    broken = opening.panels.last()
    Panel.objects.filter(pk=broken.pk).update(title_en="")

    _out, err = run_command()

    assert not Exhibit.objects.published().exists()
    assert not Panel.objects.published().exists()  # all or none: the exhibit's panels go together
    assert not PublicationRecord.objects.exists()
    problem = Schedule.objects.get().problem
    assert broken.code in problem and broken.code in err
    page = publisher_client.get(reverse("admin:exhibits_exhibit_change", args=[opening.pk])).content.decode()
    assert "schedule-problem" in page and broken.code in page


def test_a_failed_schedule_is_not_tried_again_until_the_publisher_sets_a_new_time(publisher, opening):
    schedule = actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(1))
    past_due(schedule, publish_at=timezone.now() - datetime.timedelta(minutes=1))
    broken = opening.panels.last()
    Panel.objects.filter(pk=broken.pk).update(title_en="")
    run_command()
    Panel.objects.filter(pk=broken.pk).update(title_en="Fixed")

    run_command()
    assert not Exhibit.objects.published().exists()

    actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(1))
    assert Schedule.objects.get().problem == ""


def test_a_publisher_who_lost_the_permission_publishes_nothing(publisher, opening):
    schedule = actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(1))
    past_due(schedule, publish_at=timezone.now() - datetime.timedelta(minutes=1))
    publisher.groups.clear()

    run_command()

    assert not Exhibit.objects.published().exists()
    assert Schedule.objects.get().problem


def test_the_command_exits_with_an_error_status_when_something_failed(publisher, opening):
    schedule = actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(1))
    past_due(schedule, publish_at=timezone.now() - datetime.timedelta(minutes=1))
    Panel.objects.filter(exhibit=opening).update(title_en="")

    with pytest.raises(CommandError) as failure:
        call_command("publish_scheduled", stdout=io.StringIO(), stderr=io.StringIO())

    assert failure.value.returncode == 1


# In a real browser, then the command as a technician runs it


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("schedule"))
    server.seed("editorial")
    server.run_python(
        "from exhibits.models import Status\n"
        "from tests import factories\n"
        "exhibit = factories.exhibit(slug='megnyitas', title_hu='Megnyitó kiállítás', "
        "title_en='Opening exhibit', status=Status.DRAFT)\n"
        "factories.panel(exhibit, title_hu='Első tabló', title_en='First panel', status=Status.DRAFT)\n"
        "factories.panel(exhibit, title_hu='Második tabló', title_en='Second panel', status=Status.DRAFT)\n"
    )
    server.start()
    yield server
    server.stop()


@pytest.mark.browser
@needs_chromium
def test_a_publisher_schedules_the_opening_in_the_browser_and_the_command_opens_it(browser, server):
    context = browser.new_context(
        locale="hu-HU", timezone_id="Europe/Budapest", viewport={"width": 1366, "height": 900}
    )
    petra = context.new_page()
    petra.goto(f"{server.url}/admin/login/")
    petra.fill("#id_username", "petra")
    petra.fill("#id_password", EDITOR_PASSWORD)
    petra.click("[type=submit]")
    petra.wait_for_url(f"{server.url}/admin/")
    petra.goto(f"{server.url}/admin/exhibits/exhibit/")
    petra.get_by_role("link", name="Megnyitó kiállítás", exact=True).click()
    petra.locator("[data-object-menu] summary").click()
    petra.get_by_role("link", name="Ütemezés…").click()
    opening = museum_time(2, 18, 0)
    petra.fill("#id_publish_at_0", opening.strftime("%Y.%m.%d."))
    petra.fill("#id_publish_at_1", "18:00")
    petra.click("[name=_save]")
    petra.wait_for_selector(".schedule-note")
    assert "18:00" in petra.locator(".schedule-note").inner_text()
    context.close()

    stored = server.rows("SELECT publish_at FROM exhibits_schedule")
    assert datetime.datetime.fromisoformat(stored[0][0]).replace(tzinfo=datetime.UTC) == opening
    visitor = browser.new_page(locale="en-GB")
    assert visitor.goto(f"{server.url}/en/exhibits/megnyitas/").status == 404

    # The time comes (moved, not waited for); then the technician's timer runs the command.
    with sqlite3.connect(server.database) as database:
        database.execute("UPDATE exhibits_schedule SET publish_at = ?", [_utc_text(timezone.now())])
    run = subprocess.run(
        [sys.executable, "manage.py", "publish_scheduled"],
        env=server.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )

    assert run.returncode == 0, run.stderr
    assert "Megnyitó kiállítás" in run.stdout
    assert visitor.goto(f"{server.url}/en/exhibits/megnyitas/").status == 200
    assert visitor.get_by_role("heading", name="Opening exhibit").is_visible()
    text = visitor.locator("main").inner_text()
    assert "First panel" in text and "Second panel" in text
    history = server.rows(
        "SELECT u.username FROM exhibits_historicalexhibit h JOIN auth_user u ON u.id = h.history_user_id "
        "WHERE h.slug = 'megnyitas' ORDER BY h.history_id DESC LIMIT 1"
    )
    assert history == [("petra",)]
    visitor.close()


def _utc_text(moment):
    return moment.astimezone(datetime.UTC).replace(tzinfo=None).isoformat(sep=" ")


# Two runs at once, on PostgreSQL: the second skips what the first holds


@pytest.fixture
def scratch_postgres(tmp_path):
    """A server's own PostgreSQL database, committed to like a real one, dropped afterwards."""
    import psycopg2

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("rows are locked and skipped on PostgreSQL; SQLite lets one writer in at a time")
    name = f"tarlo_schedule_{secrets.token_hex(4)}"
    maintenance = psycopg2.connect(urlsplit(url)._replace(path="/postgres").geturl())
    maintenance.autocommit = True
    with maintenance.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {name}")
    scratch = urlsplit(url)._replace(path=f"/{name}").geturl()
    server = Server(tmp_path, env={"DATABASE_URL": scratch})
    server.seed("editorial")
    server.run_python(
        "import datetime\n"
        "from django.contrib.auth.models import User\n"
        "from django.utils import timezone\n"
        "from exhibits.editorial import actions\n"
        "from exhibits.models import Schedule, Status\n"
        "from tests import factories\n"
        "exhibit = factories.exhibit(slug='megnyitas', title_hu='Megnyitó kiállítás', status=Status.DRAFT)\n"
        "factories.panel(exhibit, status=Status.DRAFT)\n"
        "soon = timezone.now() + datetime.timedelta(days=1)\n"
        "actions.set_schedule(obj=exhibit, user=User.objects.get(username='petra'), publish_at=soon)\n"
        "Schedule.objects.update(publish_at=timezone.now() - datetime.timedelta(minutes=1))\n"
    )
    yield server, psycopg2.connect(scratch)
    with maintenance.cursor() as cursor:
        cursor.execute(f"DROP DATABASE {name} WITH (FORCE)")
    maintenance.close()


def technician_runs(server):
    return subprocess.run(
        [sys.executable, "manage.py", "publish_scheduled"],
        env=server.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,  # a run that waited for the other's lock instead of skipping it fails here
    )


def test_a_second_run_while_the_first_is_busy_leaves_the_schedule_to_it(scratch_postgres):
    server, first_run = scratch_postgres
    with first_run.cursor() as cursor:
        cursor.execute("SELECT id FROM exhibits_schedule FOR UPDATE")  # the first run holds it

        second = technician_runs(server)

        cursor.execute("SELECT status FROM exhibits_exhibit WHERE slug = 'megnyitas'")
        assert cursor.fetchone() == ("draft",)
    first_run.rollback()
    first_run.close()
    assert second.returncode == 0 and second.stdout == ""

    third = technician_runs(server)

    assert third.returncode == 0 and "Megnyitó kiállítás" in third.stdout


def test_setting_and_clearing_a_schedule_is_kept_in_its_history_with_the_publisher(publisher, opening):
    schedule = actions.set_schedule(obj=opening, user=publisher, publish_at=museum_time(3))
    actions.clear_schedule(obj=opening, user=publisher)

    kept = Schedule.history.filter(id=schedule.pk).order_by("history_id")
    assert [(row.history_type, row.history_user) for row in kept] == [("+", publisher), ("-", publisher)]
    assert kept.first().publish_at == museum_time(3)
