"""A report of findings: counts them, formats them, owns the exit code."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

from doclocale.model import Finding, Severity


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)

    def extend(self, findings) -> None:
        self.findings.extend(findings)

    @property
    def active(self) -> list[Finding]:
        return [f for f in self.findings if not f.suppressed]

    def count(self) -> Counter:
        counts = Counter(str(f.severity) for f in self.active)
        counts["suppressed"] = sum(1 for f in self.findings if f.suppressed)
        return counts

    @property
    def exit_code(self) -> int:
        return 1 if any(f.severity is Severity.ERROR for f in self.active) else 0

    def summary(self) -> str:
        c = self.count()
        counted = [(c["error"], "error"), (c["warning"], "warning"), (c["info"], "note")]
        said = [f"{n} {word}{'' if n == 1 else 's'}" for n, word in counted]
        return ", ".join(said) + f", {c['suppressed']} silenced with qa-ignore"

    def format_text(self) -> str:
        lines = []
        ordered = sorted(self.active, key=lambda f: (f.location.path, f.location.line, f.code))
        for path, group in groupby(ordered, key=lambda f: f.location.path):
            lines.append(f"== {path}")
            lines.extend(finding.format() for finding in group)
        lines.append(self.summary())
        return "\n".join(lines)

    def format_json(self) -> str:
        return json.dumps(
            {
                "summary": dict(self.count()),
                "findings": [
                    {
                        "path": f.location.path,
                        "line": f.location.line,
                        "code": f.code,
                        "severity": str(f.severity),
                        "message": f.message,
                        "msgid": f.excerpt,
                        "hint": f.hint,
                        "suppressed": f.suppressed,
                    }
                    for f in sorted(self.findings)
                ],
            },
            ensure_ascii=False,
            indent=2,
        )
