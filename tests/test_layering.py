"""The layering of the code, read from its import statements.

Engine: each stage's sub-package imports only the shared `nlp` tools and its own modules.
Apps: an area app imports only the areas before it in a candidate's preparation; the
dashboard (`overview`), coach sharing, export (`portability`) and the model's rewrites
(`rewriting`) come after them all.
No private name (`_x`) is imported from another module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "secondround"
ENGINE = ROOT / "engine"
ENGINE_STAGES = ("nlp", "reading", "questions", "stories", "practice", "drafting", "overview")
# Earlier first. An app may import the apps before it, never one after it.
APP_ORDER = (
    "accounts",
    "assistant",
    "opportunities",
    "debrief",
    "research",
    "questions",
    "stories",
    "practice",
    "brief",
    "followup",
    "overview",
    "sharing",
    "portability",
    "rewriting",
)


def _imports(path: Path, root: Path = ROOT) -> list[tuple[int, str, tuple[str, ...]]]:
    """(line, absolute module, imported names) for every import in the file."""
    package = ".".join(path.relative_to(root.parent).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            found.append((node.lineno, module, tuple(alias.name for alias in node.names)))
    return found


def _engine_files() -> list[Path]:
    return sorted(p for p in ENGINE.rglob("*.py") if "__pycache__" not in p.parts)


def _app_files() -> list[Path]:
    return sorted(
        p
        for app in APP_ORDER
        for p in (ROOT / app).rglob("*.py")
        if "migrations" not in p.parts and "__pycache__" not in p.parts
    )


def test_the_engine_has_exactly_its_stages() -> None:
    packages = sorted(p.name for p in ENGINE.iterdir() if (p / "__init__.py").exists())
    assert packages == sorted(ENGINE_STAGES)
    loose = sorted(p.name for p in ENGINE.glob("*.py") if p.name != "__init__.py")
    assert loose == [], "every engine module belongs to a stage"


@pytest.mark.parametrize("path", _engine_files(), ids=lambda p: str(p.relative_to(ENGINE)))
def test_an_engine_stage_imports_only_nlp_and_itself(path: Path) -> None:
    parts = path.relative_to(ENGINE).parts
    stage = parts[0] if len(parts) > 1 else None
    for line, module, _ in _imports(path):
        if not module.startswith("secondround"):
            continue
        assert module.startswith("secondround.engine"), f"{path}:{line} imports {module}"
        other = module.split(".")[2] if module.count(".") >= 2 else None
        allowed = {"nlp", stage} if stage != "nlp" else {"nlp"}
        assert other in allowed, f"{path}:{line}: {stage or 'engine'} imports {module}"


@pytest.mark.parametrize("path", _app_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_an_app_imports_no_later_area(path: Path) -> None:
    app = path.relative_to(ROOT).parts[0]
    for line, module, _ in _imports(path):
        parts = module.split(".")
        if parts[0] != "secondround" or len(parts) < 2 or parts[1] not in APP_ORDER:
            continue
        assert APP_ORDER.index(parts[1]) <= APP_ORDER.index(app), (
            f"{path.relative_to(ROOT)}:{line}: {app} imports the later area {parts[1]}"
        )


@pytest.mark.parametrize(
    "path", [*_engine_files(), *_app_files()], ids=lambda p: str(p.relative_to(ROOT))
)
def test_no_private_name_is_imported_from_another_module(path: Path) -> None:
    for line, module, names in _imports(path):
        if not module.startswith("secondround"):
            continue
        private = [n for n in names if n.startswith("_") and not n.startswith("__")]
        assert not private, f"{path.relative_to(ROOT)}:{line} imports {private} from {module}"


def test_the_layering_test_can_fail(tmp_path: Path) -> None:
    """The readers above see a relative import of a later stage as what it is."""
    stage = tmp_path / "secondround" / "engine" / "reading"
    stage.mkdir(parents=True)
    module = stage / "x.py"
    module.write_text("from ..stories import matching\nfrom .posting import _private\n")
    found = {m: names for _, m, names in _imports(module, tmp_path / "secondround")}
    assert found["secondround.engine.stories"] == ("matching",)
    assert found["secondround.engine.reading.posting"] == ("_private",)


@pytest.mark.parametrize("path", _app_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_owner_scoped_lookups_go_through_one_place(path: Path) -> None:
    """A lookup by owner is `accounts.access.get_owned`, which reads each model's OWNER_PATH."""
    if path == ROOT / "accounts" / "access.py":
        return
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "get_object_or_404":
            owners = [k.arg for k in node.keywords if k.arg and k.arg.endswith("owner")]
            assert not owners, f"{path.relative_to(ROOT)}:{node.lineno} filters by {owners}"
