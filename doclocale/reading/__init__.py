"""Reading English pages: Markdown parsed into the messages a translator sees (segments), with where each one sits.

Flow: ``sources`` finds and reads ``docs/en/`` (cached by ``page_cache``) → ``page_parser`` walks markdown-it's
tokens (``block_rules``, ``extension_blocks``, ``html_prose``, ``front_matter``, ``inline``, ``text_spans``) →
a ``model.SourcePage``. ``babel_extractor`` offers the same to ``pybabel extract``; ``review`` reads a guide's
review fields. Nothing here knows catalogs, MkDocs or HTML rendering."""
