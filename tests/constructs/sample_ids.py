"""Ids shared by the construct tests: the documented example's tenant and group, and Microsoft's My Apps."""

SEED_TENANT = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"
GROUP_ID = "6f546279-4da5-4b53-a095-09ea0cef9971"
APP_ID = "2793995e-0a7d-40d7-bd35-6968ba142197"
