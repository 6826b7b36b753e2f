"""Translated content: Wagtail's per-language page trees, and translated text for snippets."""
