"""Errors as JSON: {"detail": "…"} and, for invalid parameters, {"errors": {name: [messages]}}."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.views import exception_handler as rest_exception_handler


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What is wrong, in the language of Accept-Language.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For each query parameter that is not valid, why.",
    )


class Conditional(Exception):
    """The request's conditions answer it: `response` is the 304 (the client has this response
    already) or the 412 to send instead."""

    def __init__(self, response):
        super().__init__("not modified")
        self.response = response


def exception_handler(exc, context):
    """Django REST framework's handler, its answers written as `ErrorSerializer` describes."""
    response = rest_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(data, dict) and set(data) == {"detail"}:
        response.data = {"detail": str(data["detail"])}
    else:
        errors = data if isinstance(data, dict) else {"request": data}
        response.data = {
            "detail": str(_("Some query parameters are not valid.")),
            "errors": {
                name: [str(message) for message in _as_list(messages)] for name, messages in errors.items()
            },
        }
    return response


def _as_list(messages):
    return messages if isinstance(messages, list) else [messages]
