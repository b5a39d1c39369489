"""MkDocs hooks. Each file is listed under ``hooks:`` in mkdocs.yml and has one job."""
