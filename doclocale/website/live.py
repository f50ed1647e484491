"""`make serve` (``mkdocs serve --dirty``): after the first build, a save rebuilds only the pages
whose files changed.

MkDocs keeps a plugin that has ``on_startup`` across the rebuilds of ``mkdocs serve``, so this
state lives as long as the server. The folders the build generates are not watched. A rebuild
writes only the changed pages: the search index, the handouts, the sitemap and the 404 pages
stay those of the first build (a full build remakes them), templates are compiled once, and
the time from the start of the rebuild to the page on disk is printed.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from watchdog import events
from watchdog.observers import Observer

DIRTY_NOTICE = "A 'dirty' build is being performed"
#: Lines a live preview prints on every save that say nothing to its user: the second language is
#: built into a folder of the first (MkDocs calls the first one's files stale), and static-i18n's
#: progress names a temporary folder. The preview's own lines say what was rebuilt.
PROGRESS = ("The directory contains stale files", "Building '", "Overriding '")
I18N_MODULES = ("plugin", "reconfigure", "folder", "suffix")  # static-i18n logs from each module's logger


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation stale: in strict mode that warning
    alone would stop every rebuild, so the live preview drops that one warning."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_NOTICE)


class _Progress(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (record.levelno <= logging.INFO and any(part in message for part in PROGRESS))


class _KeptTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory between rebuilds (MkDocs makes a new Jinja environment
    for each); an edited template has another checksum and is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


#: What a save does to a file. Opening and reading one is not a change: the rebuild reads the
#: files it watches, and hearing those reads would rebuild for ever.
CHANGES: list[type[events.FileSystemEvent]] = [
    events.FileCreatedEvent,
    events.FileModifiedEvent,
    events.FileClosedEvent,
    events.FileMovedEvent,
    events.FileDeletedEvent,
    events.FileAttribEvent,
]


SAVE_SETTLES = 0.05  # seconds without an event before the rebuild starts (MkDocs waits 0.1 s)


class _ChangeObserver(Observer):  # type: ignore[misc,valid-type]
    """The system's own file events (inotify on Linux), changes only; MkDocs schedules its
    watches here as it does on its polling observer."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(
            event_handler,
            path,
            recursive=recursive,
            event_filter=event_filter or CHANGES,
            follow_symlink=follow_symlink,
        )


def _keep_i18n_files() -> None:
    """static-i18n makes every file of the site again in each language's pass of each rebuild,
    working out its language, path and address with pathlib: a third of a live rebuild at 1,000
    guides. The server keeps what it worked out for each file, keyed by all it reads, and gives
    a new file each time (MkDocs attaches each build's page to it)."""
    from mkdocs.structure.files import File
    from mkdocs_static_i18n import folder

    make = folder.create_i18n_file
    made: dict[tuple, dict] = {}

    def create_i18n_file(file, current_language, default_language, all_languages, config):
        key = (
            file.src_uri,
            file.dest_uri,
            file.inclusion,
            current_language,
            default_language,
            tuple(all_languages),
            config.docs_dir,
            config.site_dir,
            config.use_directory_urls,
        )
        state = made.get(key)
        if state is None:
            fresh = make(file, current_language, default_language, all_languages, config)
            made[key] = {name: value for name, value in vars(fresh).items() if name != "alternates"}
            return fresh
        fresh = File.__new__(File)
        vars(fresh).update(state)
        # the other languages are added to it afterwards
        fresh.alternates = {current_language: fresh}  # type: ignore[attr-defined]
        return fresh

    folder.create_i18n_file = create_i18n_file


#: What a rebuild leaves as the first build wrote it: the sitemap, and the 404 page, which
#: lists the guides.
NOT_REBUILT = ("404.html", "sitemap.xml")


@dataclass
class LiveServe:
    active: bool = False  # serving with --dirty
    builds: int = 0
    pages: int = 0  # pages rendered by the current build, every language
    started: float = 0.0
    templates: _KeptTemplates = field(default_factory=_KeptTemplates)
    template_names: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # page file -> title, from the first build

    def remember_title(self, page) -> None:
        if self.active and self.builds <= 1:
            self.titles[page.file.src_uri] = page.title

    def restore_titles(self, files) -> None:
        """A rebuild reads only the changed pages; the others keep the titles the first build
        read, so the navigation around a rebuilt page names them as before. Called once the
        navigation is made: static-i18n orders it by title, and in the first build it ordered
        pages that had no title yet."""
        if not self.rebuilding:
            return
        for file in files.documentation_pages():
            page = file.page
            if page is not None and page.markdown is None and file.src_uri in self.titles:
                page.markdown, page.meta = "", {"title": self.titles[file.src_uri]}

    def configure(self, config) -> None:
        """Each pass: the theme's environments keep what a rebuild can reuse; a rebuild leaves
        out what it does not remake."""
        if not self.active:
            return
        if self.builds:
            config.theme.static_templates.difference_update(NOT_REBUILT)
        theme = config.theme
        if not getattr(theme.get_env, "doclocale_live", False):
            make = theme.get_env

            def get_env() -> jinja2.Environment:
                env = make()
                self.environment(env)
                return env

            get_env.doclocale_live = True  # type: ignore[attr-defined]
            theme.get_env = get_env

    def environment(self, env: jinja2.Environment) -> None:
        """Templates compiled once; the theme's list of files (thousands of icons) read once."""
        env.bytecode_cache = self.templates
        loader = env.loader
        assert loader is not None
        listing = loader.list_templates

        def list_templates() -> list[str]:
            if not self.template_names:
                self.template_names = listing()
            return self.template_names

        loader.list_templates = list_templates  # type: ignore[method-assign]

    def start(self, command: str, dirty: bool) -> None:
        self.active = command == "serve" and dirty
        if self.active:
            _keep_i18n_files()
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())
            for name in ("mkdocs.commands.build", *(f"mkdocs.plugins.mkdocs_static_i18n.{m}" for m in I18N_MODULES)):
                logging.getLogger(name).addFilter(_Progress())

    def watch_sources(self, server, docs_dir: Path, generated: tuple[str, ...]) -> None:
        """Watch what people edit, not what the build writes: the generated language folders
        (docs/fa/) are rewritten by the rebuild a save starts, and watching them made every save
        rebuild twice, the second time with nothing changed. A folder added to docs/ while the
        server runs is watched from its next start.

        The system tells the server of a save at once: MkDocs' own watcher looks every 0.5 s,
        a quarter to half of the time from a save to the page served. The events of one save
        (write, close, rename) come within milliseconds, so the wait for them to stop is
        halved too."""
        watched = [path for path, count in server._watched_paths.items() for _ in range(count)]
        for path in watched:
            server.unwatch(path)
        server.observer = _ChangeObserver()
        server.build_delay = SAVE_SETTLES
        for path in watched:
            if Path(path) != docs_dir:
                server.watch(path)
        for child in sorted(docs_dir.iterdir()):
            if child.name not in generated:
                server.watch(str(child))

    def begin(self) -> None:
        self.builds += 1
        self.pages = 0
        self.started = time.perf_counter()

    @property
    def rebuilding(self) -> bool:
        """A rebuild of the live preview, not its first build."""
        return self.active and self.builds > 1

    def report(self) -> str:
        return (
            f"live preview: {self.pages} changed pages rebuilt in {time.perf_counter() - self.started:.2f} s "
            "(search index, handouts and 404 pages as of the first build)"
        )
