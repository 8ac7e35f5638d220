"""Helpers for testing your own stacks: synth them to plain dicts for snapshot and property assertions."""

from constructs_xtap.testing.synth_snapshot import partner_bodies, synth_snapshot

__all__ = ["partner_bodies", "synth_snapshot"]
