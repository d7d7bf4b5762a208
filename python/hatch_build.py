"""Refuses to build a wheel without the generated front end and schema (they ship inside it)."""
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

GENERATED = ("widget.js", "schema.json")


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version, build_data):
        static = Path(self.root) / "src" / "gradscope" / "static"
        missing = [name for name in GENERATED if not (static / name).is_file()]
        if missing:
            raise RuntimeError(
                f"python/src/gradscope/static/ lacks {', '.join(missing)}: run `npm run build:python` "
                "(or `npm run build`) in the repository first"
            )
