"""Raised when a resource needs Graph but the provider has no usable configuration."""

from __future__ import annotations


class ProviderNotConfigured(Exception):
    """A resource needed Graph before the provider had a usable configuration."""
