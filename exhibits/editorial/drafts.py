"""Edits to published content are kept as a pending draft until a publisher publishes them.

The database row stays the live version, which visitors see. An edit saved over a published
object goes into its `Draft` instead (exhibits.editorial.actions.save decides): every drafted
field's value, and many-to-many links as lists of primary keys, with the author and time.

A draft is applied to values, never to a loaded object's caches: `with_draft()` builds a new,
unsaved object from the live values and the draft's, and keeps the draft's links beside it in
`draft_links`, which `linked_pks()` and exhibits.content.reading read. Publishing writes the
draft onto the live row (`apply_draft()`).
"""

import difflib
import json
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe

from exhibits.content.fields import NormalizedText, normalize_text
from exhibits.content.models import Publishable
from exhibits.editorial.models import Draft

# The workflow moves these, never an edit.
NOT_DRAFTED = {"status"}


def has_drafts(model):
    """Whether edits to published `model` objects are kept as drafts."""
    return issubclass(model, Publishable)


def drafted_fields(model):
    """The fields an edit changes: editable columns, each language's column of a translated text
    (not the untranslated name, which django-modeltranslation serves in the active language)."""
    untranslated = set(getattr(model, "translated_fields", ()))
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable
        and not field.primary_key
        and field.name not in NOT_DRAFTED
        and field.name not in untranslated
    ]


def link_fields(model):
    return list(model._meta.many_to_many)


def _plain(field, value):
    if isinstance(value, FieldFile):
        return value.name
    if isinstance(field, NormalizedText):
        return normalize_text(value) or ""  # an empty text is one value, whether "" or NULL
    return value


def _json(values):
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def field_values(obj):
    """The JSON-ready values of `obj`'s drafted fields, as it is in memory."""
    return _json(
        {field.attname: _plain(field, field.value_from_object(obj)) for field in drafted_fields(type(obj))}
    )


def _pks(items):
    return sorted(item if isinstance(item, int) else item.pk for item in items)


def snapshot(obj, links=None):
    """The values of `obj` with its links: `links` maps a field name to objects or primary keys;
    a link field not in it is read from the database (or from `obj`'s draft, if it carries one)."""
    values = field_values(obj)
    links = links or {}
    for field in link_fields(type(obj)):
        if field.name in links:
            values[field.name] = _pks(links[field.name])
        elif obj.pk is not None:
            values[field.name] = linked_pks(obj, field.name)
        else:
            values[field.name] = []
    return values


def linked_pks(obj, name):
    """The primary keys `obj` links to through many-to-many field `name`, its draft's if it has one."""
    links = getattr(obj, "draft_links", {})
    if name in links:
        return list(links[name])
    return sorted(getattr(obj, name).values_list("pk", flat=True))


def _lookup(obj):
    return {"content_type": ContentType.objects.get_for_model(type(obj)), "object_id": str(obj.pk)}


def pending_draft(obj):
    """Return `obj`'s pending `Draft`, or None."""
    if obj is None or obj.pk is None or not has_drafts(type(obj)):
        return None
    draft = getattr(obj, "pending_draft", False)
    if draft is not False:
        return draft
    return Draft.objects.filter(**_lookup(obj)).select_related("author").first()


def pending_drafts(objects):
    """Map (model, primary key as text) of each of `objects` with a pending draft to it: one query."""
    keys = defaultdict(set)
    for obj in objects:
        if obj.pk is not None and has_drafts(type(obj)):
            keys[type(obj)].add(str(obj.pk))
    if not keys:
        return {}
    content_types = ContentType.objects.get_for_models(*keys)
    models = {content_type.pk: model for model, content_type in content_types.items()}
    condition = Q()
    for model, pks in keys.items():
        condition |= Q(content_type=content_types[model], object_id__in=pks)
    return {
        (models[draft.content_type_id], draft.object_id): draft
        for draft in Draft.objects.filter(condition).select_related("author")
    }


def store_draft(*, obj, data, user):
    """Keep `data` (from `snapshot()`) as `obj`'s pending draft, replacing any earlier one."""
    draft, _created = Draft.objects.update_or_create(
        **_lookup(obj), defaults={"data": data, "author": user, "is_submitted": False}
    )
    return draft


def discard_draft(obj):
    Draft.objects.filter(**_lookup(obj)).delete()


def _set_fields(obj, data):
    for field in drafted_fields(type(obj)):
        if field.attname in data:
            setattr(obj, field.attname, field.to_python(data[field.attname]))


def with_draft(obj, draft):
    """A new, unsaved `obj` with `draft` applied: its field values, `draft_links` (field name →
    primary keys) and `pending_draft`. `obj` itself is not changed. Never save the copy; publish
    with exhibits.editorial.actions.publish."""
    model = type(obj)
    values = {field.attname: field.value_from_object(obj) for field in model._meta.concrete_fields}
    untranslated = set(getattr(model, "translated_fields", ()))
    copy = model(**{name: value for name, value in values.items() if name not in untranslated})
    copy._state.adding = False
    copy._state.db = obj._state.db
    _set_fields(copy, draft.data)
    copy.draft_links = {
        field.name: list(draft.data[field.name]) for field in link_fields(model) if field.name in draft.data
    }
    copy.pending_draft = draft
    return copy


def with_pending_draft(obj):
    """`obj` with its pending draft applied (see `with_draft`), or `obj` itself if it has none."""
    draft = pending_draft(obj)
    return obj if draft is None else with_draft(obj, draft)


def with_pending_drafts(objects):
    """`objects` as a list, each with its pending draft applied: one query however many."""
    objects = list(objects)
    found = pending_drafts(objects)
    return [
        obj if (draft := found.get((type(obj), str(obj.pk)))) is None else with_draft(obj, draft)
        for obj in objects
    ]


def apply_draft(obj, draft):
    """Write `draft` onto the live `obj` and delete it; the caller holds the transaction."""
    apply_values(obj, draft.data)
    draft.delete()


def apply_values(obj, data):
    """Write `data` (from `snapshot()`) onto `obj` and save it, validated, links included."""
    _set_fields(obj, data)
    obj.full_clean(exclude=[field.name for field in link_fields(type(obj))], validate_unique=True)
    obj.save()
    for field in link_fields(type(obj)):
        if field.name in data:
            getattr(obj, field.name).set(data[field.name])


def draft_changes(obj):
    """List what the pending draft changes: dicts of field, label, live and draft values, and a diff."""
    draft = pending_draft(obj)
    if draft is None:
        return []
    live = type(obj)._base_manager.get(pk=obj.pk)
    before_values = snapshot(live)
    changes = []
    for field in [*drafted_fields(type(obj)), *link_fields(type(obj))]:
        key = field.name if field.many_to_many else field.attname
        if key not in draft.data or draft.data[key] == before_values.get(key):
            continue
        before, after = _display(field, before_values.get(key)), _display(field, draft.data[key])
        changes.append(
            {
                "field": field.name,
                "label": field.verbose_name,
                "live": before,
                "draft": after,
                "diff": word_diff(before, after),
            }
        )
    return changes


def _display(field, value):
    if value in (None, "", []):
        return ""
    if field.many_to_many or field.many_to_one:
        pks = value if isinstance(value, list) else [value]
        return ", ".join(str(item) for item in field.related_model._default_manager.filter(pk__in=pks))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def word_diff(before, after):
    """Mark removed words <del> and added words <ins>, escaping everything else; line breaks kept."""
    old, new = before.replace("\n", " \n ").split(" "), after.replace("\n", " \n ").split(" ")
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(format_html_join("", "<del>{}</del>", [(" ".join(old[i1:i2]),)]))
        if j2 > j1:
            parts.append(format_html_join("", "<ins>{}</ins>", [(" ".join(new[j1:j2]),)]))
    return mark_safe(" ".join(parts).replace(" \n ", "\n"))
