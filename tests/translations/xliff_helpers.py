"""Export to XLIFF and translate it as a translator's tool would: with translate-toolkit."""

import io

from translate.storage import xliff

from exhibits.exports import export_exhibit


def export_xliff(exhibit):
    stream = io.BytesIO()
    export_exhibit(exhibit=exhibit, format="xliff", stream=stream)
    return stream.getvalue()


def units(data):
    """translate-toolkit's units of XLIFF `data`, by our unit id."""
    return {unit.getid().split("\x04")[-1]: unit for unit in xliff.xlifffile(data).units}


def translate(data, targets):
    """Set the target of each unit id in `targets` (text, or rich placeables) and save the file."""
    store = xliff.xlifffile(data)
    for unit in store.units:
        unit_id = unit.getid().split("\x04")[-1]
        if unit_id in targets:
            target = targets.pop(unit_id)
            if isinstance(target, str):
                unit.target = target
            else:
                unit.rich_target = target
    assert not targets, f"no such units: {targets}"
    return bytes(store)
