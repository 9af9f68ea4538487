"""Customer service plans: load, check, model, render and write them as a static site."""

from __future__ import annotations

__version__ = "0.1.0"
