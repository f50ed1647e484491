"""One error hierarchy; every error names a place and how to fix the problem."""

from __future__ import annotations

from doclocale.model import Location


class PipelineError(Exception):
    """Input the pipeline cannot use. Carries ``path:line``, the problem and a hint."""

    exit_code = 2

    def __init__(self, location: Location, message: str, hint: str = "") -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message
        self.hint = hint

    def format(self) -> str:
        text = f"{self.location}: error: {self.message}"
        return text + (f"\n    hint: {self.hint}" if self.hint else "")

    def __reduce__(self):
        """Sent whole from a worker process (the page it could not read) to the command."""
        return _restored, (type(self), self.args, self.__dict__)


def _restored(kind: type[PipelineError], args: tuple, state: dict) -> PipelineError:
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(state)
    return error


class SourceError(PipelineError):
    """An English page that cannot be read or parsed."""


class CatalogError(PipelineError):
    """A PO or POT file that is malformed or unsafe to rewrite."""


class SettingsError(PipelineError):
    """mkdocs.yml does not describe the languages the pipeline needs."""


class BuildFailed(PipelineError):
    """MkDocs, or a step after it (search index, handouts, a shard's merge), could not finish:
    the previous output is kept. The message lists what stopped it, as MkDocs and the checks say it."""

    exit_code = 1

    def __init__(self, output: str, reasons: str, step: str = "build") -> None:
        super().__init__(Location(output), reasons)
        self.output, self.step = output, step

    def format(self) -> str:
        return f"{self.step} failed, previous {self.output} kept:\n{self.message}"


class SiteError(PipelineError):
    """A site file that cannot be read or written as the build needs it (a shard, its sitemap,
    the search index, a handout that cannot be made on this machine)."""

    exit_code = 1


class RefusedTranslations(PipelineError):
    """Release mode: translations the publishing gate refused (each a finding with ``path:line``)."""

    exit_code = 1

    def __init__(self, findings: list) -> None:
        super().__init__(findings[0].location, f"{len(findings)} translation(s) refused because they change the page")
        self.findings = findings

    def format(self) -> str:
        return "release mode: translations refused because they change the page:\n" + "\n".join(
            f.format() for f in self.findings
        )
