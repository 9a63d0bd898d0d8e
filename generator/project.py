"""Where a briefing project keeps its inputs and outputs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path  # the folder holding mkdocs.yml
    seeds_dir: Path
    templates_dir: Path  # the project's templates (templates/)
    override_templates: Path | None = None  # a user's templates, searched first
    docs_dir: Path | None = None
    site_dir: Path | None = None
    dist_dir: Path | None = None
    use_curation: bool = True

    @classmethod
    def at(
        cls,
        root: Path | str = ".",
        *,
        seeds: Path | str | None = None,
        templates: Path | str | None = None,
        use_curation: bool = True,
    ) -> Project:
        root = Path(root).resolve()
        return cls(
            root=root,
            seeds_dir=Path(seeds).resolve() if seeds else root / "seeds",
            templates_dir=root / "templates",
            override_templates=Path(templates).resolve() if templates else None,
            docs_dir=root / "docs",
            site_dir=root / "site",
            dist_dir=root / "dist",
            use_curation=use_curation,
        )

    def relative(self, path: Path) -> str:
        """A path as shown to users and stored in the model: relative to the project, POSIX."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.resolve().as_posix()

    @property
    def curation_dir(self) -> Path:
        return self.seeds_dir / "curation"
