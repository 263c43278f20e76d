"""Exhibit markup as XLIFF 1.2 inline content, and back.

A markup text becomes XLIFF text with inline elements standing for its structure, so that a
translator sees only words and placeholders a CAT tool protects:

- `<g ctype="italic">` and `<g ctype="bold">` wrap *emphasis* and **strong** words;
- `<x ctype="lb"/>` is a line break inside a paragraph;
- `<x ctype="x-paragraph"/>`, `<x ctype="x-bullet"/>` and `<x ctype="x-numbered"/>` start a new
  paragraph, bullet list item or numbered list item.

On the way back the markup is rebuilt from the placeholders, and refused (`BrokenPlaceholders`)
unless every placeholder of the source is there exactly once and the rebuilt text has the same
structure as the source. Both directions start from `markup.parse()`.
"""

import re
from collections import Counter
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from exhibits.content import markup

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"

PARAGRAPH, BULLET, NUMBERED = "x-paragraph", "x-bullet", "x-numbered"
LINE_BREAK = "lb"
EMPHASIS = {"em": "italic", "strong": "bold"}
DELIMITERS = {"italic": "*", "bold": "**"}

_LIST_MARKER_AT_LINE_START = re.compile(r"^([-+])(?=\s|$)|^(\d+)(\))(?=\s|$)", re.MULTILINE)


class BrokenPlaceholders(ValueError):
    """The translation lost, added or changed the placeholders of its source."""


def blocks(text):
    """Yield (kind, inline tokens) for each paragraph and list item of markup `text`."""
    lists = []
    for token in markup.parse(text):
        if token.type in {"bullet_list_open", "ordered_list_open"}:
            lists.append(BULLET if token.type == "bullet_list_open" else NUMBERED)
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            lists.pop()
        elif token.type == "inline":
            yield (lists[-1] if lists else PARAGRAPH), token.children


def to_xliff(text, *, is_markup=True):
    """Return `text` as XLIFF inline content (a string of escaped XML)."""
    if not is_markup:
        return escape(text)
    ids = _ids()
    out = []
    for index, (kind, children) in enumerate(blocks(text)):
        if kind != PARAGRAPH or index:
            out.append(f'<x id="{next(ids)}" ctype="{kind}"/>')
        for child in children:
            if child.type in {"text", "text_special"}:
                for number, line in enumerate(child.content.split("\n")):
                    if number:
                        out.append(f'<x id="{next(ids)}" ctype="{LINE_BREAK}"/>')
                    out.append(escape(line))
            elif child.type in {"softbreak", "hardbreak"}:
                out.append(f'<x id="{next(ids)}" ctype="{LINE_BREAK}"/>')
            elif child.type.endswith("_open") and child.type[: -len("_open")] in EMPHASIS:
                out.append(f'<g id="{next(ids)}" ctype="{EMPHASIS[child.type[: -len("_open")]]}">')
            elif child.type.endswith("_close") and child.type[: -len("_close")] in EMPHASIS:
                out.append("</g>")
    return "".join(out)


def _ids():
    number = 0
    while True:
        number += 1
        yield str(number)


def _placeholders(element):
    """The (tag, id, ctype) of every inline element under `element`, in document order."""
    found = []
    for sub in element.iter():
        if sub is element:
            continue
        tag = sub.tag.removeprefix(f"{{{XLIFF_NS}}}")
        found.append((tag, sub.get("id"), sub.get("ctype")))
    return found


def _placeholders_of(text):
    from xml.etree.ElementTree import fromstring  # our own output: trusted

    return _placeholders(fromstring(f'<t xmlns="{XLIFF_NS}">{to_xliff(text)}</t>'))


def from_xliff(element, *, source, is_markup=True):
    """Return the markup that XLIFF inline `element` (a target) stands for.

    `source` is the source-language markup the element translates; its placeholders are the
    ones the element must carry, each once, matched by element and id. What a placeholder
    stands for is taken from the source, since CAT tools do not always keep `ctype`.
    """
    found = [(tag, id_) for tag, id_, _ctype in _placeholders(element)]
    if not is_markup:
        if found:
            raise BrokenPlaceholders(_("This text has no placeholders, but the translation adds some."))
        return "".join(element.itertext()).strip()
    expected = _placeholders_of(source)
    wanted = Counter((tag, id_) for tag, id_, _ctype in expected)
    if Counter(found) != wanted:
        raise BrokenPlaceholders(
            _("The placeholders do not match the source: %(problems)s.")
            % {"problems": "; ".join(_placeholder_problems(wanted, Counter(found)))}
        )
    built = _rebuild(element, ctypes={id_: ctype for _tag, id_, ctype in expected})
    rebuilt = Counter(ctype for _tag, _id, ctype in _placeholders_of(built))
    if rebuilt != Counter(ctype for _tag, _id, ctype in expected):
        raise BrokenPlaceholders(
            _("The emphasis or lists of the translation cannot be rebuilt as marked up.")
        )
    return built


def _placeholder_problems(wanted, found):
    """Each placeholder the translation has a different number of than the source, said plainly."""
    problems = []
    for tag, id_ in sorted(set(wanted) | set(found)):
        name = f'<{tag} id="{id_}">'
        source_count, target_count = wanted[(tag, id_)], found[(tag, id_)]
        if not target_count:
            problems.append(_("%(placeholder)s is missing") % {"placeholder": name})
        elif not source_count:
            problems.append(_("%(placeholder)s is not in the source") % {"placeholder": name})
        else:
            problems.append(
                _(
                    "%(placeholder)s occurs %(found)s time(s) in the translation but %(expected)s in the source"
                )
                % {"placeholder": name, "found": target_count, "expected": source_count}
            )
    return problems


def _rebuild(element, *, ctypes):
    blocks_ = [[PARAGRAPH, []]]

    def text(value):
        if value:
            blocks_[-1][1].append(_escape_markup(" ".join(value.split("\n"))))

    def walk(node):
        text(node.text)
        for sub in node:
            tag = sub.tag.removeprefix(f"{{{XLIFF_NS}}}")
            ctype = ctypes.get(sub.get("id"))
            if tag == "x" and ctype == LINE_BREAK:
                blocks_[-1][1].append("\n")
            elif tag == "x":
                blocks_.append([ctype, []])
            elif tag == "g":
                parts = blocks_[-1][1]
                start = len(parts)
                walk(sub)
                inner = "".join(parts[start:])
                del parts[start:]
                stripped = inner.strip()
                lead = inner[: len(inner) - len(inner.lstrip())]
                trail = inner[len(inner.rstrip()) :]
                delimiter = DELIMITERS.get(ctype, "")
                parts.append(f"{lead}{delimiter}{stripped}{delimiter}{trail}")
            else:
                raise BrokenPlaceholders(_("Unknown inline element <%(tag)s>.") % {"tag": tag})
            text(sub.tail)

    walk(element)
    if len(blocks_) > 1 and not "".join(blocks_[0][1]).strip():
        blocks_.pop(0)
    return _join(blocks_)


def _join(blocks_):
    out = []
    previous = None
    number = 0
    for kind, parts in blocks_:
        content = "\n".join(line.strip() for line in "".join(parts).split("\n"))
        content = _LIST_MARKER_AT_LINE_START.sub(_escape_list_marker, content)
        number = number + 1 if kind == NUMBERED and previous == NUMBERED else 1
        prefix = {BULLET: "- ", NUMBERED: f"{number}) "}.get(kind, "")
        if previous is not None:
            out.append("\n" if kind == previous and kind != PARAGRAPH else "\n\n")
        out.append(prefix + content)
        previous = kind
    return "".join(out)


def _escape_markup(value):
    return re.sub(r"([\\*_])", r"\\\1", value)


def _escape_list_marker(match):
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"
