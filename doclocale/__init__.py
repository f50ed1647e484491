"""Bilingual patient-guide pipeline: English Markdown -> Babel catalogs -> translated pages -> MkDocs site."""
