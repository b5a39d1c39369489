"""Content checks for volunteers (scripts/check.py).

``rules`` is the catalogue of rule IDs and messages, ``workspace`` reads each
page once, ``checkers/`` holds one module per concern, ``runner`` runs them
and ``report`` prints the results as text, GitHub annotations or JSON.
"""
