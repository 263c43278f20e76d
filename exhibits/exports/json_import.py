"""Loading an exhibit exported as JSON (exhibits.exports.json) into a site that lacks it."""

import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from exhibits.content.models import Exhibit, Image, Panel
from exhibits.editorial.actions import save_edit
from exhibits.exports.files import FileTooLarge, read_limited
from exhibits.exports.json import FORMAT_NAME, KINDS, READABLE_VERSIONS, VERSION, exported_fields, languages


class ExhibitImportError(ValueError):
    """The file cannot be loaded; nothing was changed."""


def import_exhibit(*, file, user=None, reason=""):
    """Create the exhibit in the JSON `file` (binary) with everything it links to; return it.

    Every object is created through the editorial save action, by `user`, with `reason` in the
    history. Refuses, changing nothing, a file that is not a Tárló exhibit export and one whose
    exhibit, events, figures, places, sources or glossary terms already exist here.
    """
    try:
        document = json.loads(read_limited(file))
    except FileTooLarge as error:
        raise ExhibitImportError(str(error)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExhibitImportError(_("The file is not valid JSON: %(error)s.") % {"error": error}) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ExhibitImportError(_("This is not a Tárló exhibit export."))
    if document.get("version") not in READABLE_VERSIONS:
        raise ExhibitImportError(
            _("This export is version %(found)s; this site reads version %(expected)s.")
            % {"found": document.get("version"), "expected": VERSION}
        )
    try:
        with transaction.atomic():
            return _Loader(user=user, reason=reason or _("exhibit imported")).load(document)
    except ValidationError as error:
        raise ExhibitImportError("; ".join(error.messages)) from None
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise ExhibitImportError(
            _("The export is incomplete or malformed: %(error)r.") % {"error": error}
        ) from None


class _Loader:
    def __init__(self, *, user, reason):
        self.user = user
        self.reason = reason
        self.created = {}  # (model, reference) → object

    def load(self, document):
        self.refuse_existing(document)
        exhibit = None
        for key, model in KINDS:
            items = [document[key]] if model is Exhibit else document.get(key, [])
            for item in items:
                obj = self.create(model, item, exhibit=exhibit)
                if model is Exhibit:
                    exhibit = obj
        return exhibit

    def refuse_existing(self, document):
        existing = []
        for key, model in KINDS:
            if model in {Image, Panel}:
                continue
            items = [document[key]] if model is Exhibit else document.get(key, [])
            slugs = [item["slug"] for item in items]
            existing += [
                f"{model._meta.verbose_name} “{slug}”"
                for slug in model.objects.filter(slug__in=slugs).values_list("slug", flat=True)
            ]
        if existing:
            raise ExhibitImportError(
                _(
                    "This site already has %(objects)s; an exhibit is imported only where none of it exists yet."
                )
                % {"objects": ", ".join(existing)}
            )

    def create(self, model, item, *, exhibit):
        """Create one object from its exported fields, exactly as exported (translation records included)."""
        translated = set(getattr(model, "translated_fields", ()))
        values, links = {}, {}
        for field in exported_fields(model):
            if field.name not in item:
                continue  # a field the exporting site did not have
            value = item[field.name]
            if field.name in translated:
                values.update(
                    {f"{field.name}_{code}": text for code, text in value.items() if code in languages()}
                )
            elif field.many_to_many:
                links[field.name] = [self.created[(field.related_model, ref)] for ref in value]
            elif field.many_to_one:
                values[field.name] = self.created[(field.related_model, value)] if value is not None else None
            else:
                values[field.attname] = value
        if model is Panel:
            values["exhibit"] = exhibit
        obj = model(**values)
        if translated:
            obj.translated_from = item.get("translated_from") or {}
        save_edit(obj=obj, user=self.user, links=links, reason=self.reason)
        self.created[(model, item["id"] if model is Image else item.get("slug", item.get("code")))] = obj
        return obj
