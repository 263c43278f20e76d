"""Edits to published content are kept as a pending draft until a publisher publishes them.

The database row stays the live version, which visitors see through `.published()`. An edit
saved over a published object goes into its `Draft` instead: every editable field's value,
many-to-many links as lists of primary keys, with the author and time. The admin shows the
draft in place of the live values; `exhibits.services.publish` applies it in one transaction.

For staff preview, `with_pending_draft(obj)` returns an unsaved copy of `obj` with the draft
applied, many-to-many links included (`preview.figures.all()` are the draft's figures);
`with_pending_drafts(objects)` does the same for a whole page's objects in a fixed number of
queries.
"""

import copy
import difflib
import json
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe

from exhibits.models import Draft, Publishable

# The workflow moves these, never an edit.
NOT_DRAFTED = {"status"}


def has_drafts(model):
    """Whether edits to published `model` objects are kept as drafts."""
    return issubclass(model, Publishable)


def drafted_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in NOT_DRAFTED
    ]


def drafted_m2m_fields(model):
    return list(model._meta.many_to_many)


def snapshot(obj, m2m=None):
    """Return the JSON-ready values of `obj`; `m2m` maps a field name to primary keys."""
    values = {field.attname: _plain(field.value_from_object(obj)) for field in drafted_fields(type(obj))}
    for field in drafted_m2m_fields(type(obj)):
        if m2m is not None and field.name in m2m:
            values[field.name] = sorted(
                item if isinstance(item, int) else item.pk for item in m2m[field.name]
            )
        else:
            values[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def _plain(value):
    return value.name if isinstance(value, FieldFile) else value


def _lookup(obj):
    return {"content_type": ContentType.objects.get_for_model(type(obj)), "object_id": str(obj.pk)}


def pending_draft(obj):
    """Return `obj`'s pending `Draft`, or None."""
    if obj.pk is None or not has_drafts(type(obj)):
        return None
    draft = getattr(obj, "pending_draft", False)
    if draft is not False:
        return draft
    return Draft.objects.filter(**_lookup(obj)).select_related("author").first()


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


def with_pending_draft(obj):
    """Return an unsaved copy of `obj` with its pending draft applied, or `obj` if it has none.

    This is what staff preview: the copy reads like the object would once published, its
    many-to-many managers included. Never save it; publish with exhibits.services.publish.
    The copy has `pending_draft` set (the Draft) so callers can tell it apart.
    """
    draft = pending_draft(obj)
    if draft is None:
        return obj
    return _draft_copy(obj, draft)


def _draft_copy(obj, draft):
    preview = copy.copy(obj)
    preview._state = copy.copy(obj._state)
    preview._state.fields_cache = dict(obj._state.fields_cache)
    preview._prefetched_objects_cache = dict(getattr(obj, "_prefetched_objects_cache", {}))
    _set_fields(preview, draft.data)
    for field in drafted_fields(type(obj)):
        if field.many_to_one and getattr(preview, field.attname) != getattr(obj, field.attname):
            preview._state.fields_cache.pop(field.name, None)  # read the draft's one when used
    for field in drafted_m2m_fields(type(obj)):
        if field.name in draft.data:
            related = field.related_model._default_manager.filter(pk__in=draft.data[field.name])
            preview._prefetched_objects_cache[field.name] = related
    preview.pending_draft = draft
    return preview


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


def with_pending_drafts(objects, *, links=None):
    """Return `objects` as a list, each with its pending draft applied as by with_pending_draft().

    Costs a fixed number of queries however many objects: one for the drafts, one for each
    foreign key that drafts change (when the object had it loaded), and one for each
    many-to-many field named in `links`, which maps the field's name to the queryset its
    objects are read from (for the order and filters a page uses). Other links are read when
    used. Objects without a draft are returned as they are.
    """
    objects = list(objects)
    found = pending_drafts(objects)
    pairs = []
    previews = []
    for obj in objects:
        draft = found.get((type(obj), str(obj.pk)))
        previews.append(obj if draft is None else _draft_copy(obj, draft))
        if draft is not None:
            pairs.append((obj, previews[-1]))
    _load_changed_foreign_keys(pairs)
    _load_links([preview for _obj, preview in pairs], links or {})
    return previews


def _load_changed_foreign_keys(pairs):
    wanted = defaultdict(list)
    for obj, preview in pairs:
        for field in drafted_fields(type(obj)):
            if (
                field.many_to_one
                and field.is_cached(obj)
                and not field.is_cached(preview)
                and getattr(preview, field.attname) is not None
            ):
                wanted[field].append(preview)
    for field, previews in wanted.items():
        related = field.related_model._base_manager.in_bulk({getattr(p, field.attname) for p in previews})
        for preview in previews:
            field.set_cached_value(preview, related.get(getattr(preview, field.attname)))


def _load_links(previews, links):
    for name, queryset in links.items():
        drafted = [
            preview
            for preview in previews
            if name in preview.pending_draft.data and name in _m2m_names(type(preview))
        ]
        if not drafted:
            continue
        every = set().union(*(preview.pending_draft.data[name] for preview in drafted))
        rows = list(queryset.filter(pk__in=every))
        for preview in drafted:
            chosen = set(preview.pending_draft.data[name])
            preview._prefetched_objects_cache[name] = _loaded(
                queryset.filter(pk__in=chosen), [row for row in rows if row.pk in chosen]
            )


def _m2m_names(model):
    return {field.name for field in drafted_m2m_fields(model)}


def _loaded(queryset, rows):
    """`queryset` holding `rows` already, as Django's prefetch_related leaves it."""
    queryset._result_cache = rows
    queryset._prefetch_done = True
    return queryset


def with_pending_drafts_of_related(objects, names):
    """Apply pending drafts to what `objects` have loaded through the relations `names`.

    A foreign key must be loaded (select_related) and a many-to-many field prefetched; others
    are left alone. One query for the drafts however many objects.
    """
    related = {}
    for obj in objects:
        for name in names:
            related.update({(type(item), item.pk): item for item in _loaded_related(obj, name)})
    previews = {(type(item), item.pk): item for item in with_pending_drafts(related.values())}
    for obj in objects:
        for name in names:
            field = obj._meta.get_field(name)
            if field.many_to_many:
                cached = obj._prefetched_objects_cache.get(name)
                if cached is not None and cached._result_cache is not None:
                    _loaded(cached, [previews[(type(item), item.pk)] for item in cached._result_cache])
            elif field.is_cached(obj) and field.get_cached_value(obj) is not None:
                item = field.get_cached_value(obj)
                field.set_cached_value(obj, previews[(type(item), item.pk)])
    return objects


def _loaded_related(obj, name):
    field = obj._meta.get_field(name)
    if field.many_to_many:
        cached = getattr(obj, "_prefetched_objects_cache", {}).get(name)
        return list(cached._result_cache or []) if cached is not None else []
    if field.is_cached(obj) and field.get_cached_value(obj) is not None:
        return [field.get_cached_value(obj)]
    return []


def apply_draft(obj, draft):
    """Write `draft` onto the live `obj` and delete it; the caller holds the transaction."""
    apply_draft_values(obj, draft.data)
    draft.delete()


def apply_draft_values(obj, data):
    """Write `data` (from `snapshot()`) onto `obj`, validated, links included."""
    _set_fields(obj, data)
    obj.full_clean(exclude=[field.name for field in drafted_m2m_fields(type(obj))], validate_unique=True)
    obj.save()
    for field in drafted_m2m_fields(type(obj)):
        if field.name in data:
            getattr(obj, field.name).set(data[field.name])


def draft_changes(obj):
    """List what the pending draft changes: dicts of field, label, live and draft values, and a diff."""
    draft = pending_draft(obj)
    if draft is None:
        return []
    live = snapshot(obj)
    changes = []
    for field in [*drafted_fields(type(obj)), *drafted_m2m_fields(type(obj))]:
        key = field.name if field.many_to_many else field.attname
        if key not in draft.data or draft.data[key] == live.get(key):
            continue
        before, after = _display(field, live.get(key)), _display(field, draft.data[key])
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
    """Mark removed words <del> and added words <ins>, escaping everything else."""
    old, new = before.split(" "), after.split(" ")
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(format_html_join("", "<del>{}</del>", [(" ".join(old[i1:i2]),)]))
        if j2 > j1:
            parts.append(format_html_join("", "<ins>{}</ins>", [(" ".join(new[j1:j2]),)]))
    return mark_safe(" ".join(parts))
