"""The CDK frameworks the constructs run on and the export writes for: module names, the default first.

CDK for Terraform (``cdktf`` 0.21, sunset) and its maintained continuation CDK Terrain (``cdktn`` 0.24) write
the same Terraform JSON for the same constructs, so this is all the rest of the project needs to know of them.
"""

from __future__ import annotations

#: The Python modules of the frameworks; the first is the default.
CDK_FRAMEWORKS = ("cdktf", "cdktn")
