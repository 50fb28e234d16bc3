"""Revisions, one file each; run by store.ensure_schema()."""
