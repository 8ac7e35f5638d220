"""render_json_document: the picture as stable JSON for scripts."""

from __future__ import annotations

import json

from constructs_xtap.picture.access_picture import AccessPicture


def render_json_document(picture: AccessPicture) -> str:
    """:meth:`AccessPicture.to_json`, indented, keys sorted, ending in a newline."""
    return json.dumps(picture.to_json(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
