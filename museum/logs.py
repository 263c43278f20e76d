"""One line per event on stderr, as key=value pairs that grep and log collectors read.

    time=2026-05-12T10:31:02+0200 level=ERROR logger=django.request status=503 method=GET
    path=/hu/ ip=203.0.113.7 message="Service Unavailable: /hu/"

A traceback, when there is one, follows on the lines after it, each indented by two spaces.
"""

import logging


class KeyValueFormatter(logging.Formatter):
    default_time_format = "%Y-%m-%dT%H:%M:%S%z"
    default_msec_format = None

    def format(self, record):
        fields = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            fields["status"] = status
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "META"):
            fields["method"] = request.method
            fields["path"] = request.path
            fields["ip"] = _client_ip(request)
        fields["message"] = record.getMessage()
        line = " ".join(f"{key}={_value(value)}" for key, value in fields.items())
        if record.exc_info:
            line += "\n" + _indented(self.formatException(record.exc_info))
        if record.stack_info:
            line += "\n" + _indented(self.formatStack(record.stack_info))
        return line


def _value(value):
    text = str(value)
    if text and not any(character in text for character in ' "=\n\t'):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _indented(text):
    return "\n".join(f"  {line}" for line in text.splitlines())


def _client_ip(request):
    from museum.proxy import client_ip  # settings are ready by the time anything is logged

    try:
        return client_ip(request)
    except Exception:  # a log line must never fail for want of an address
        return request.META.get("REMOTE_ADDR", "")
