"""What a browser would post back from an admin change page it was given, untouched."""

import datetime


def _value(bound):
    value = bound.value()
    if value is None or value is False:
        return None
    if value is True:
        return "on"
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _form(form):
    data = {}
    for bound in form:
        value = _value(bound)
        if value is not None:
            data[bound.html_name] = value
    return data


def posted(response):
    """The change form of `response` as posted back without a change: fields, inlines and all."""
    data = _form(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data |= _form(formset.management_form)
        for form in formset.forms:
            data |= _form(form)
    return data
