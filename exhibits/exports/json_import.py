"""Loading an exhibit exported as JSON (exhibits.exports.json) into a site that lacks it."""

import functools
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from exhibits.exports.files import FileTooLarge, read_limited
from exhibits.exports.json import FIELDS, FORMAT_NAME, VERSION
from exhibits.models import Event, Exhibit, Figure, Image, Panel, Place, Source
from exhibits.translations.state import translated_fields


class ExhibitImportError(ValueError):
    """The file cannot be loaded; nothing was changed."""


def import_exhibit(*, file, user=None, reason=""):
    """Create the exhibit in the JSON `file` (binary) with everything it links to; return it.

    The history records each object as created by `user`, for `reason` (by default "exhibit imported").

    Refuses, changing nothing, a file that is not a Tárló exhibit export and one whose exhibit,
    events, figures, places or sources already exist here.
    """
    try:
        document = json.loads(read_limited(file))
    except FileTooLarge as error:
        raise ExhibitImportError(str(error)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExhibitImportError(_("The file is not valid JSON: %(error)s.") % {"error": error}) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ExhibitImportError(_("This is not a Tárló exhibit export."))
    if document.get("version") != VERSION:
        raise ExhibitImportError(
            _("This export is version %(found)s; this site reads version %(expected)s.")
            % {"found": document.get("version"), "expected": VERSION}
        )
    try:
        with transaction.atomic():
            return _load(document, history=(user, reason or _("exhibit imported")))
    except ValidationError as error:
        raise ExhibitImportError("; ".join(error.messages)) from None
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise ExhibitImportError(
            _("The export is incomplete or malformed: %(error)r.") % {"error": error}
        ) from None


def _load(document, history):
    _refuse_existing(document)
    create = functools.partial(_create, history=history)
    images = {item["id"]: create(Image, item, file=item["file"]) for item in document["images"]}
    sources = {item["slug"]: create(Source, item) for item in document["sources"]}
    places = {item["slug"]: create(Place, item) for item in document["places"]}
    figures = {
        item["slug"]: create(Figure, item, portrait=images.get(item["portrait"]))
        for item in document["figures"]
    }
    events = {}
    for item in document["events"]:
        event = create(Event, item, place=places[item["place"]] if item["place"] else None)
        event.figures.set([figures[slug] for slug in item["figures"]])
        event.sources.set([sources[slug] for slug in item["sources"]])
        events[item["slug"]] = event
    exhibit = create(Exhibit, document["exhibit"], image=images.get(document["exhibit"]["image"]))
    for item in document["panels"]:
        panel = create(Panel, item, exhibit=exhibit, image=images.get(item["image"]))
        panel.events.set([events[slug] for slug in item["events"]])
        panel.figures.set([figures[slug] for slug in item["figures"]])
        panel.places.set([places[slug] for slug in item["places"]])
        panel.sources.set([sources[slug] for slug in item["sources"]])
    return exhibit


def _refuse_existing(document):
    existing = []
    for model, key in [
        (Exhibit, "exhibit"),
        (Event, "events"),
        (Figure, "figures"),
        (Place, "places"),
        (Source, "sources"),
    ]:
        items = [document[key]] if key == "exhibit" else document[key]
        slugs = [item["slug"] for item in items]
        existing += [
            f"{model._meta.verbose_name} “{slug}”"
            for slug in model.objects.filter(slug__in=slugs).values_list("slug", flat=True)
        ]
    if existing:
        raise ExhibitImportError(
            _("This site already has %(objects)s; an exhibit is imported only where none of it exists yet.")
            % {"objects": ", ".join(existing)}
        )


def _create(model, item, *, history, **related):
    """Create one object from its exported fields, exactly as exported (translation records included).

    `history` is (user, reason) for the object's first historical record.
    """
    values = {field: item[field] for field in FIELDS[model] if field in item}
    if model is not Source:
        for field in translated_fields(model):
            for language, text in item[field].items():
                values[f"{field}_{language}"] = text
    obj = model(**values, **related)
    obj.full_clean(validate_unique=False, validate_constraints=False)
    obj._history_user, obj._change_reason = history
    obj.save()
    if model is not Source:
        # Keep each translation's record as exported, so a stale translation stays stale.
        obj.translated_from = item.get("translated_from") or {}
        model._base_manager.filter(pk=obj.pk).update(translated_from=obj.translated_from)
    return obj
