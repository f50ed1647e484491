"""Catalogs: PO files read as msgfmt reads them, merged with the English text, written as msgcat writes them.

``locale_files`` (locale/ read as data) → ``po_grammar`` + ``po_reader`` (read) → ``merge`` (templates, merge,
counts) → ``po_writer`` (write); ``update`` runs ``make update`` and reads the site strings, with ``memory``
(translation memory), ``update_stamp``, ``theme_strings``; ``status`` and ``languages`` (``init``) sit on top."""
