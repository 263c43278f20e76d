"""The kiosk page's exhibit data as kiosk.js reads it."""


def put_together(data):
    """`data` with each language's entries holding what every language shares (`data["shared"]`),
    as kiosk.js puts them together at startup."""
    for code in data["languages"]:
        for kind, entries in data["shared"].items():
            own = data["text"][code][kind]
            data["text"][code][kind] = [
                {**shared, **entry} for shared, entry in zip(entries, own, strict=True)
            ]
    return data
