"""The same fields as the text report, as JSON for programs."""

from __future__ import annotations

import json

from generator.diagnostics import Report


def render_json(report: Report, *, strict: bool = False) -> str:
    document = {
        "files": [str(f) for f in report.files],
        "diagnostics": [d.as_dict() for d in report.sorted()],
        "summary": {
            "files": len(report.files),
            "errors": len(report.errors),
            "warnings": len(report.warnings),
            "valid": not report.failed(strict=strict),
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
