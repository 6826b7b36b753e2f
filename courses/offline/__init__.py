"""Offline learning: the installable app, saved courses and completions queued offline.

Read ``selectors.py`` for what a saved course holds, ``services.py`` for how queued completions
are accepted (exactly once, re-scored, with the time bounded) and ``static/js/sw.js`` for the
service worker's rules.
"""
