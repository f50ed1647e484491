"""Translating a page: English page + catalog → the translated Markdown the site publishes, judged first.

``substitute`` writes translations back at their offsets (Markdown → Markdown, pure); ``renderer`` renders Markdown
to HTML as MkDocs does; ``html_rule`` compares two renderings (only text may differ); ``definitions`` and
``text_rules`` (one level up) judge what the HTML cannot show; ``gate`` refuses what breaks the rule, in a pool
(``gate_pool``); ``generation`` plans and writes ``docs/<language>/``; ``pseudo`` makes pseudo-catalogs."""
