"""Shared code of the women's-rights knowledge base.

``kb.hooks`` holds the MkDocs hooks listed in ``mkdocs.yml``; the other modules
are the library those hooks and the command-line tools in ``scripts/`` share,
so that the build and the checks agree on one definition of every convention.
"""
