"""Demo content and demo accounts: everything ``manage.py seed_demo`` makes, and nothing else.

Product apps never import this package; it may import any of them.
"""
