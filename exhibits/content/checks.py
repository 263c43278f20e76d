"""What to fix before publishing: one list of findings, for the command, the admin and publishing.

Each check looks at one object as visitors would read it (pass a copy from
exhibits.editorial.drafts.with_pending_draft to check a pending draft), and at what it links to
through `links(obj, name)`: for a whole exhibit, its contents as exhibits.content.reading reads
them; for one object, `object_links`. Errors block publishing unless a publisher overrides them
with a reason; warnings are for the curator to judge.
"""

import dataclasses

from django.db import models
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered
from modeltranslation.utils import build_localized_fieldname

from exhibits.content import markup
from exhibits.content.fields import word_limits
from exhibits.content.reading import read_exhibit
from exhibits.models import Event, Image, Panel, Publishable
from exhibits.translations.state import (
    TranslationState,
    source_language,
    state,
    target_languages,
    translated_fields,
)


class Severity(models.TextChoices):
    ERROR = "error", "error"
    WARNING = "warning", "warning"


@dataclasses.dataclass(frozen=True)
class Finding:
    severity: str
    obj: models.Model
    field: str
    language: str
    message: str
    code: str

    @property
    def is_error(self):
        return self.severity == Severity.ERROR

    def as_dict(self):
        """A JSON-ready form, kept with a publication that overrode it."""
        return {
            "severity": str(self.severity),
            "object": f"{self.obj._meta.label_lower}:{self.obj.pk} {self.obj}",
            "field": self.field,
            "language": self.language,
            "message": str(self.message),
            "code": self.code,
        }


# Quotation marks as each language prints them, and those that are wrong there. (English
# single quotes are left alone: ’ is also the apostrophe.)
QUOTES = {
    "hu": {"pairs": [("„", "”"), ("»", "«")], "wrong": ["“", '"']},
    "en": {"pairs": [("“", "”")], "wrong": ["„", '"', "»", "«"]},
}
BRACKETS = [("(", ")"), ("[", "]")]


def languages():
    return [source_language(), *target_languages()]


def text_of(obj, field, language):
    return getattr(obj, build_localized_fieldname(field, language)) or ""


def finding(severity, obj, field, language, message, code):
    return Finding(severity, obj, field, language, message, code)


def translated(model):
    try:
        return translated_fields(model)
    except NotRegistered:
        return []


def check_translations(obj, links):
    for field in translated(type(obj)):
        for language in target_languages():
            current = state(obj, field, language)
            if current == TranslationState.MISSING:
                yield finding(
                    Severity.ERROR, obj, field, language, _("The translation is missing."), "missing"
                )
            elif current == TranslationState.STALE:
                yield finding(
                    Severity.WARNING,
                    obj,
                    field,
                    language,
                    _("The source text changed since this was translated."),
                    "stale",
                )


def check_word_limits(obj, links):
    for field in translated(type(obj)):
        limits = word_limits(type(obj), field)
        if limits is None:
            continue
        low, high = limits
        for language in languages():
            text = text_of(obj, field, language)
            if not text:
                continue
            count = markup.word_count(text)
            if count > high:
                message = _("%(count)d words; at most %(limit)d.") % {"count": count, "limit": high}
                yield finding(Severity.ERROR, obj, field, language, message, "too_long")
            elif count < low:
                message = _("%(count)d words; at least %(limit)d.") % {"count": count, "limit": low}
                yield finding(Severity.WARNING, obj, field, language, message, "too_short")


def check_punctuation(obj, links):
    for field in translated(type(obj)):
        for language in languages():
            text = text_of(obj, field, language)
            if text:
                yield from punctuation_findings(obj, field, language, text)


def punctuation_findings(obj, field, language, text):
    rules = QUOTES.get(language, {"pairs": [], "wrong": []})
    wrong = sorted({mark for mark in rules["wrong"] if mark in text})
    if wrong:
        expected = "".join(f"{opening}…{closing}" for opening, closing in rules["pairs"][:1])
        message = _("Wrong quotation marks %(wrong)s: %(language)s text uses %(expected)s.") % {
            "wrong": " ".join(wrong),
            "language": language,
            "expected": expected,
        }
        yield finding(Severity.ERROR, obj, field, language, message, "wrong_quotes")
    for opening, closing in [*rules["pairs"], *BRACKETS]:
        if opening == closing:
            continue
        if not balanced(text, opening, closing):
            message = _("Unbalanced %(opening)s…%(closing)s.") % {"opening": opening, "closing": closing}
            yield finding(Severity.ERROR, obj, field, language, message, "unbalanced")


def balanced(text, opening, closing):
    depth = 0
    for character in text:
        if character == opening:
            depth += 1
        elif character == closing:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def images_of(obj, links):
    if isinstance(obj, Image):
        return [obj]
    names = [
        field.name
        for field in obj._meta.concrete_fields
        if field.many_to_one and field.related_model is Image
    ]
    return [image for image in (links(obj, name) for name in names) if image is not None]


def check_alt_text(obj, links):
    for image in images_of(obj, links):
        for language in languages():
            if not text_of(image, "alt_text", language).strip():
                message = _("Image “%(image)s” has no alt text.") % {"image": image.file.name}
                yield finding(Severity.ERROR, image, "alt_text", language, message, "no_alt_text")


def check_image(obj, links):
    if isinstance(obj, Panel) and links(obj, "image") is None:
        message = _(
            "The panel has no image: the site shows its day and hour instead, the kiosk its text alone."
        )
        yield finding(Severity.WARNING, obj, "image", "", message, "no_image")


LINKS = {
    Event: ["place", "figures"],
    Panel: ["events", "figures", "places"],
}


def check_links(obj, links):
    for name in LINKS.get(type(obj), []):
        targets = links(obj, name)
        for target in targets if isinstance(targets, list) else [targets]:
            if isinstance(target, Publishable) and not target.is_published:
                message = _("Links to “%(target)s”, which is not published: visitors will not see it.") % {
                    "target": target
                }
                yield finding(Severity.WARNING, obj, name, "", message, "unpublished_link")


def check_period(obj, links):
    if not isinstance(obj, Panel):
        return
    exhibit = links(obj, "exhibit")
    for event in links(obj, "events"):
        if not exhibit.period_start <= event.start_date <= exhibit.period_end:
            message = _("“%(event)s” is dated outside the exhibit's period (%(start)s – %(end)s).") % {
                "event": event,
                "start": exhibit.period_start,
                "end": exhibit.period_end,
            }
            yield finding(Severity.ERROR, obj, "events", "", message, "outside_period")


CHECKS = [
    check_translations,
    check_word_limits,
    check_punctuation,
    check_alt_text,
    check_image,
    check_links,
    check_period,
]


def object_links(obj, name):
    """What `obj` links to through field `name`, its pending draft's links if it carries one:
    a list for a many-to-many field, an object or None for a foreign key."""
    from exhibits.editorial.drafts import linked_pks  # editorial builds on content

    field = obj._meta.get_field(name)
    if field.many_to_many:
        return list(field.related_model._base_manager.filter(pk__in=linked_pks(obj, name)))
    return getattr(obj, name)


def check_object(obj, links=object_links):
    """Return the findings for one object."""
    return [item for check in CHECKS for item in check(obj, links)]


def contents_links(contents):
    """`links(obj, name)` over an exhibit's contents: what visitors will see linked."""

    def links(obj, name):
        field = obj._meta.get_field(name)
        if field.many_to_many:
            return contents.linked(obj, name)
        if field.related_model is Image:
            return contents.image_of(obj, name)
        if name == "exhibit":
            return contents.exhibit
        if name == "place":
            return contents.place_of(obj) or getattr(obj, name)
        return getattr(obj, name)

    return links


def check_exhibit(exhibit, *, drafts=True):
    """Return the findings for an exhibit and everything that belongs to it (exhibits.content.reading),
    with pending drafts applied unless `drafts` is False (what visitors see now)."""
    contents = read_exhibit(exhibit, drafts=drafts, unpublished=True)
    links = contents_links(contents)
    return unique([item for obj in contents.objects() for item in check_object(obj, links)])


def unique(findings):
    seen, result = set(), []
    for item in findings:
        key = (type(item.obj), item.obj.pk, item.field, item.language, item.code, str(item.message))
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result


def errors(findings):
    return [item for item in findings if item.is_error]
