"""The fuzz tests build constructs through jsii; keep its Node end-of-life banner out of the output."""

from __future__ import annotations

import os

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
