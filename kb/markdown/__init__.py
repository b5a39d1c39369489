"""Python-Markdown extensions of the project, enabled in mkdocs.yml."""
