"""Ship the plan format inside the package.

The schema stays at schema/ in the repository (the format's home, which editors
and the site link to); every build copies it to generator/_schema/ so an
installed wheel (a pre-commit hook in another repository, say) finds it.
Everything else about the package is in pyproject.toml."""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SCHEMA = Path(__file__).resolve().parent / "schema"


class BuildWithSchema(build_py):
    """The usual build, plus schema/ as package data of `generator`."""

    def run(self) -> None:
        super().run()
        self.copy_tree(str(SCHEMA), str(Path(self.build_lib) / "generator" / "_schema"))


setup(cmdclass={"build_py": BuildWithSchema})
