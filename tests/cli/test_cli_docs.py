"""docs/cli.md against the parser: every option of every command is in its syntax line,
every documented option exists, and every ``console`` example prints what is written."""

import argparse
import re
import shlex
from pathlib import Path

import pytest

from citesdesk.cli import build_parser, main

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
TEXT = DOC.read_text(encoding="utf-8")
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def _blocks(kind: str) -> list[str]:
    """The code blocks fenced with ```kind (plain ``` for kind "")."""
    blocks, current, info = [], None, ""
    for line in TEXT.splitlines():
        if line.startswith("```"):
            if current is None:
                current, info = [], line[3:].strip()
            else:
                if info == kind:
                    blocks.append("\n".join(current))
                current = None
        elif current is not None:
            current.append(line)
    return blocks


def _synopses() -> list[str]:
    """The syntax lines (plain code blocks), continuation lines joined."""
    lines: list[str] = []
    for block in _blocks(""):
        for line in block.splitlines():
            if line.startswith("citesdesk"):
                lines.append(line)
            elif line.startswith(" ") and lines and line.strip().startswith("["):
                lines[-1] += " " + line.strip()
    return lines


def _leaves(parser, path=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if any(isinstance(a, argparse._SubParsersAction) for a in sub._actions):
                    yield from _leaves(sub, (*path, name))
                else:
                    yield (*path, name), sub


LEAVES = list(_leaves(build_parser("fr")))
SKIP = {"-h", "--help", "--lang"}  # on every command, described once in the rules


@pytest.mark.parametrize("path, parser", LEAVES, ids=[" ".join(p) for p, _ in LEAVES])
def test_every_option_is_documented(path, parser):
    head = "citesdesk " + " ".join(path)
    lines = [s for s in _synopses() if s == head or s.startswith(head + " ")]
    assert lines, f"docs/cli.md has no syntax line for « {head} »"
    documented = set(re.findall(r"--[a-z][\w-]*", " ".join(lines)))
    options = {o for a in parser._actions for o in a.option_strings} - SKIP
    assert options - documented == set(), f"{head}: undocumented {options - documented}"
    assert documented - options == set(), f"{head}: documented, unknown {documented - options}"
    for action in parser._actions:  # every choice of a positional argument
        if not action.option_strings and action.choices:
            for choice in action.choices:
                assert re.search(rf"(?<![\w-]){re.escape(choice)}(?![\w-])", " ".join(lines)), \
                    f"{head}: « {choice} » undocumented"


def _match(expected: list[str], actual: list[str]) -> bool:
    """``…`` alone on a line stands for any lines; inside a line, for any text."""
    if not expected:
        return not actual
    first, rest = expected[0], expected[1:]
    if first == "…":
        return any(_match(rest, actual[i:]) for i in range(len(actual) + 1))
    if not actual:
        return False
    pattern = ".*".join(re.escape(part) for part in first.split("…"))
    return re.fullmatch(pattern, actual[0]) is not None and _match(rest, actual[1:])


EXAMPLES = _blocks("console")


def test_there_are_examples():
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("block", EXAMPLES, ids=[f"example{i}" for i in range(len(EXAMPLES))])
def test_documented_examples_print_what_is_written(block, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CITESDESK_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "80")
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line.translate(SPACES))
    for command, expected in steps:
        argv = shlex.split(command)
        assert argv[0] == "citesdesk"
        main(argv[1:])
        out = capsys.readouterr()
        actual = (out.out + out.err).translate(SPACES).splitlines()
        assert _match(expected, actual), (
            f"$ {command}\n--- docs/cli.md:\n" + "\n".join(expected) + "\n--- real:\n"
            + "\n".join(actual))
