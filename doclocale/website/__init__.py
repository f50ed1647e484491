"""The MkDocs side: the plugin and everything only a site build uses.

``plugin`` (a few handlers) hands off to ``presentation`` (notices, language switch), ``navigation``, ``isolation``
(Latin words in right-to-left text), ``search``, ``sitemaps``, ``content_marks`` (the whole page checked in place)
and ``live`` (``make serve``); ``build`` runs MkDocs, ``shards``/``preview`` run it for a share or one page,
``browser`` drives Chromium for screenshots. The packages below never import MkDocs' build."""
