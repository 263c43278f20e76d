"""Bringing translations back from XLIFF 1.2, without losing anyone's text.

A unit is written only when its source text is still the one exported (else the Hungarian
has changed since and the translation may no longer fit), and the text it replaces is still
the one exported (else someone else has edited it since). The import is all-or-nothing: if
any unit is refused, nothing is written and every refusal is reported.

An import changes nothing visitors see without a publisher: the English for published content
goes into its pending draft, created or updated with the draft's other edits kept: it is saved
through the same action as an edit in the admin (exhibits.editorial.actions.save). Both checks therefore compare with the text the
translation is written into: the pending draft's text when there is one, which is also what
the export wrote (exhibits.exports.records), else the object's own text.
"""

from collections import defaultdict
from dataclasses import dataclass, field

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import localize
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from exhibits.content.fields import is_markup
from exhibits.editorial import drafts, locking
from exhibits.editorial.actions import save_edit
from exhibits.editorial.actions.save import last_change
from exhibits.exports.files import FileTooLarge, read_limited
from exhibits.exports.records import text_hash, translated_models
from exhibits.translations.inline import XLIFF_NS, BrokenPlaceholders, from_xliff
from exhibits.translations.state import (
    source_language,
    source_text,
    target_languages,
    target_text,
    translated_fields,
)
from exhibits.translations.xliff import TARLO_NS

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class TranslationImportError(ValueError):
    """The file as a whole cannot be read as an XLIFF 1.2 file of ours; nothing was changed."""


class TranslationsRefused(Exception):
    """Some units were refused; nothing was changed. `problems` is a list of (unit id, reason)."""

    def __init__(self, problems, result):
        self.problems = problems
        self.result = result
        super().__init__(_("Nothing was imported: %(count)s unit(s) refused.") % {"count": len(problems)})


@dataclass
class TranslationImport:
    """What an import did (or, when refused, would have done)."""

    written: list = field(default_factory=list)
    drafted: list = field(default_factory=list)  # the written units that await publication
    unchanged: int = 0
    untranslated: int = 0

    def summary(self):
        summary = _(
            "%(written)s translation(s) written, %(unchanged)s unchanged, %(untranslated)s without a translation."
        ) % {"written": len(self.written), "unchanged": self.unchanged, "untranslated": self.untranslated}
        if self.drafted:
            summary += " " + _(
                "%(count)s of them went into pending drafts of published content: visitors see them once "
                "a publisher publishes those drafts."
            ) % {"count": len(self.drafted)}
        return summary


@dataclass
class Unit:
    id: str
    language: str
    target: object  # the <target> element, or None
    source_hash: str | None
    target_hash: str | None
    problem: str = ""


def parse_xliff(data):
    """Return the root of XLIFF 1.2 `data`, refusing DTDs, entities and foreign documents."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise TranslationImportError(
            _("The file declares a DTD or entities, which an XLIFF file does not need; it was not read.")
        ) from None
    except SafeET.ParseError as error:
        raise TranslationImportError(
            _("The file is not well-formed XML: %(error)s.") % {"error": error}
        ) from None
    if root.tag != f"{{{XLIFF_NS}}}xliff":
        raise TranslationImportError(
            _(
                "This is not an XLIFF 1.2 file: the root element is %(tag)s, not xliff in the %(ns)s namespace."
            )
            % {"tag": root.tag, "ns": XLIFF_NS}
        )
    if root.get("version") != "1.2":
        raise TranslationImportError(
            _("Only XLIFF version 1.2 is read; this file says %(version)s.")
            % {"version": root.get("version")}
        )
    return root


def read_units(root):
    """Yield every trans-unit of `root` with the languages its <file> declares."""
    for file_element in root.iter(f"{{{XLIFF_NS}}}file"):
        file_source = file_element.get("source-language")
        file_target = file_element.get("target-language")
        for element in file_element.iter(f"{{{XLIFF_NS}}}trans-unit"):
            target = element.find(f"{{{XLIFF_NS}}}target")
            source = element.find(f"{{{XLIFF_NS}}}source")
            unit = Unit(
                id=element.get("id", ""),
                language=file_target,
                target=target,
                source_hash=element.get(f"{{{TARLO_NS}}}source-hash"),
                target_hash=element.get(f"{{{TARLO_NS}}}target-hash"),
            )
            source_lang = (source.get(XML_LANG) if source is not None else None) or file_source
            target_lang = (target.get(XML_LANG) if target is not None else None) or file_target
            unit.problem = _language_problem(
                file_source=file_source, file_target=file_target, source=source_lang, target=target_lang
            )
            yield unit


def _language_problem(*, file_source, file_target, source, target):
    """What is wrong with a unit's languages, as declared by its <file> and its own elements; or ""."""
    expected_source, expected_targets = source_language(), target_languages()
    if file_source != expected_source:
        return _("The file's source language is %(found)s; this site translates from %(expected)s.") % {
            "found": file_source or "—",
            "expected": expected_source,
        }
    if source != file_source:
        return _("The source text is marked %(found)s, but the file's source language is %(declared)s.") % {
            "found": source,
            "declared": file_source,
        }
    if file_target not in expected_targets:
        return _("The file's target language is %(found)s; this site translates into %(expected)s.") % {
            "found": file_target or "—",
            "expected": ", ".join(expected_targets),
        }
    if target != file_target:
        return _("The translation is marked %(found)s, but the file's target language is %(declared)s.") % {
            "found": target,
            "declared": file_target,
        }
    return ""


def import_translations(*, file, user=None, reason=""):
    """Write the translations in the XLIFF 1.2 `file` (binary) and return a TranslationImport.

    The history records `user` and `reason` (by default "translations imported").

    Raises TranslationImportError for a file that cannot be read, and TranslationsRefused
    when any unit is refused; in both cases nothing is written. For published content the
    translations go into its pending draft, for a publisher to publish.
    """
    try:
        data = read_limited(file)
    except FileTooLarge as error:
        raise TranslationImportError(str(error)) from None
    root = parse_xliff(data)
    result = TranslationImport()
    problems = []
    by_object = defaultdict(list)
    seen = set()
    for unit in read_units(root):
        if (unit.id, unit.language) in seen:
            problems.append((unit.id, _("The unit appears twice in the file.")))
            continue
        seen.add((unit.id, unit.language))
        if unit.problem:
            problems.append((unit.id, unit.problem))
            continue
        key = _object_key(unit.id)
        if key is None:
            problems.append((unit.id, _("Unknown unit id: no translatable text has this id.")))
            continue
        by_object[key[:2]].append((key[2], unit))
    with transaction.atomic():
        for (model, pk), units in by_object.items():
            locking.hold(model(pk=pk))  # a form saving meanwhile waits, then is refused
            obj = model._base_manager.select_for_update().filter(pk=pk).first()
            if obj is None:
                problems += [
                    (unit.id, _("Unknown unit id: the object no longer exists.")) for _f, unit in units
                ]
                continue
            # What the translation is written into, and checked against: the text that will be
            # published, the pending draft's where there is one (as the export wrote it).
            working = drafts.with_pending_draft(obj)
            written = []
            for field_name, unit in units:
                outcome = _apply(working, field_name, unit)
                if outcome is None:
                    result.untranslated += 1
                elif outcome is False:
                    result.unchanged += 1
                elif isinstance(outcome, str):
                    problems.append((unit.id, outcome))
                else:
                    written.append(unit.id)
            if not written:
                continue
            try:
                saved = save_edit(obj=working, user=user, reason=reason or _("translations imported"))
            except ValidationError as error:
                problems += [(unit_id, "; ".join(error.messages)) for unit_id in written]
                continue
            if saved.is_draft:
                result.drafted += written
            result.written += written
        if problems:
            raise TranslationsRefused(problems, result)
    return result


def _object_key(unit_id):
    try:
        model_name, pk, field_name = unit_id.split("/")
        model = translated_models()[model_name]
        pk = int(pk)
    except (ValueError, KeyError):
        return None
    if field_name not in translated_fields(model):
        return None
    return model, pk, field_name


def _apply(obj, field_name, unit):
    """Set one translation on `obj`; return True, False (unchanged), None (no translation) or a problem."""
    if unit.target is None or not "".join(unit.target.itertext()).strip():
        return None
    if not unit.source_hash or not unit.target_hash:
        return _("The unit does not say which text it was exported from; export the file again from Tárló.")
    source = source_text(obj, field_name)
    if text_hash(source) != unit.source_hash:
        return _(
            "The Hungarian text has changed since the export, so this translation was not written; "
            "export again and translate the new text."
        )
    try:
        translation = from_xliff(unit.target, source=source, is_markup=is_markup(type(obj), field_name))
    except BrokenPlaceholders as error:
        return str(error)
    current = target_text(obj, field_name, unit.language)
    if translation == current:
        return False
    if text_hash(current) != unit.target_hash:
        user, when, _fields = last_change(obj)
        return _(
            "%(user)s changed this translation of “%(object)s” at %(when)s, after the export; it was kept. "
            "Export again to translate from their version."
        ) % {
            "user": user or _("Someone"),
            "object": obj,
            "when": localize(localtime(when)) if when else _("a moment ago"),
        }
    setattr(obj, build_localized_fieldname(field_name, unit.language), translation)
    return True
