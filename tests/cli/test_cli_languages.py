"""Every command, its ``--help`` and a typical usage error, in French and in English:
no English word in the French output, no French word in the English one."""

import argparse
import re

import pytest

from citesdesk.cli import build_parser, main

#: Words that give English away in French output, and French in English output. Words
#: the two languages share (options, participants, site, code, date, import…) are absent.
ENGLISH = {"the", "this", "and", "show", "help", "message", "exit", "of", "to", "for",
           "with", "file", "folder", "database", "required", "following", "positional",
           "invalid", "choice", "choose", "from", "unrecognized", "usage",
           "error", "write", "give", "number", "name", "only", "data", "or", "is", "not",
           "by", "default", "language", "expected", "one", "commands", "command",
           "all", "into", "what", "quarter", "key", "bundle", "spreadsheet", "sheet"}
FRENCH = {"le", "la", "les", "des", "du", "une", "un", "et", "ou", "pour", "avec", "sans",
          "dans", "fichier", "dossier", "aide", "afficher", "quitter", "obligatoire",
          "obligatoirement", "choisissez", "indiquez", "écrire", "donnez", "par", "défaut",
          "langue", "utilisation", "commande", "commandes", "est", "pas", "au", "aux", "sur",
          "cette", "qui", "base", "clé", "lot", "feuille", "trimestre", "tableur", "inconnue"}


def _commands(parser=None, path=()):
    """Every command as the words typed to reach it: ("init",), ("bundle", "create")…"""
    parser = parser or build_parser("fr")
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((*path, name))
                found += _commands(sub, (*path, name))
    return found


COMMANDS = _commands()
IDENTIFIERS = {"citesdesk", "citésdesk", "fr", "en"}
for _path in COMMANDS:
    IDENTIFIERS.update(_path)


def _choices(parser):
    out = set()
    for action in parser._actions:
        if action.choices and not isinstance(action, argparse._SubParsersAction):
            out.update(str(c) for c in action.choices)
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                out |= _choices(sub)
    return out


for _choice in _choices(build_parser("fr")):
    IDENTIFIERS.update(re.split(r"[-_]", _choice))
    IDENTIFIERS.add(_choice)


def words(text: str) -> set[str]:
    """The words of ``text`` that are prose: options, metavariables, choice lists, file
    names and command names taken out."""
    text = re.sub(r"--?[\w-]+", " ", text)          # options
    text = re.sub(r"\{[^}]*\}", " ", text)          # {choice,list}
    text = re.sub(r"\S+\.\w+", " ", text)           # file names, (.xlsx)
    text = re.sub(r"\b[A-Z][A-Z_.]+\b", " ", text)  # METAVARS
    found = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
    return found - IDENTIFIERS


def _run(capsys, monkeypatch, argv, lang):
    monkeypatch.delenv("CITESDESK_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    code = main([*argv, "--lang", lang])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", [(), *COMMANDS], ids=lambda p: " ".join(p) or "citesdesk")
def test_help_speaks_one_language(path, lang, capsys, monkeypatch):
    code, out, err = _run(capsys, monkeypatch, [*path, "--help"], lang)
    assert code == 0 and err == ""
    foreign = words(out) & (ENGLISH if lang == "fr" else FRENCH)
    assert not foreign, f"{' '.join(path)} --help --lang {lang}: {sorted(foreign)}\n{out}"
    heading = "options\u00a0:" if lang == "fr" else "options:"
    assert heading in out
    assert out.startswith("utilisation\u00a0: citesdesk" if lang == "fr" else "usage: citesdesk")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("mistake", [["--nimporte-quoi"], []], ids=["unknown", "missing"])
def test_usage_error_is_usage_and_one_sentence(path, lang, mistake, capsys, monkeypatch):
    code, out, err = _run(capsys, monkeypatch, [*path, *mistake], lang)
    if code == 0:  # nothing is missing for this command (none is, at present)
        pytest.fail(f"{' '.join(path)} with nothing refused nothing")
    assert code == 2 and out == ""
    lines = err.rstrip("\n").split("\n")
    prefix = "utilisation\u00a0: citesdesk " if lang == "fr" else "usage: citesdesk "
    assert lines[0].startswith(prefix + " ".join(path)), err
    sentence = lines[-1]
    hint = "aide\u00a0:" if lang == "fr" else "help:"
    assert sentence.endswith("--help.") and hint in sentence, err
    assert sentence[0].isupper() and sentence.count(". ") == 0, err
    assert all(line.startswith(" ") for line in lines[1:-1]), err  # the rest is usage
    if mistake:  # argparse names what is missing first, then what is unknown
        missing = ("obligatoirement", "Indiquez une action") if lang == "fr" else (
            "required", "Give an action")
        assert "--nimporte-quoi" in sentence or any(m in sentence for m in missing), err
    foreign = words(err) & (ENGLISH if lang == "fr" else FRENCH)
    assert not foreign, f"{' '.join(path)} --lang {lang}: {sorted(foreign)}\n{err}"


def test_lang_from_the_environment(capsys, monkeypatch):
    monkeypatch.delenv("CITESDESK_LANG", raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(["init"]) == 2
    assert capsys.readouterr().err.startswith("usage: citesdesk init")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert main(["init", "--help"]) == 0
    assert "afficher cette aide et quitter" in capsys.readouterr().out
    assert main(["--lang", "en", "init", "--help"]) == 0  # --lang before the command
    assert "show this help message and exit" in capsys.readouterr().out


def test_invalid_choice_names_the_value_and_the_choices(capsys):
    assert main(["import", "bogus", "x.csv", "--db", "s.sqlite"]) == 2
    err = capsys.readouterr().err
    assert ("« bogus » n'est pas un choix possible : choisissez participants, partners, "
            "events ou qpv") in err
    assert main(["bogus"]) == 2
    assert "« bogus » n'est pas un choix possible : choisissez init, demo" in \
        capsys.readouterr().err
    assert main(["demo", "--db", "d.sqlite", "--participants", "beaucoup"]) == 2
    err = capsys.readouterr().err
    assert "--participants\u00a0: « beaucoup » n'est pas un nombre entier" in err


def test_every_option_has_help_in_both_languages():
    for lang in ("fr", "en"):
        parsers = [build_parser(lang)]
        while parsers:
            p = parsers.pop()
            for action in p._actions:
                if isinstance(action, argparse._SubParsersAction):
                    parsers += action.choices.values()
                else:
                    assert action.help, f"{p.prog} {action.dest} has no help ({lang})"


def test_a_new_option_without_a_french_and_english_help_is_refused():
    parser = build_parser("fr")
    with pytest.raises(ValueError, match="help"):
        parser.add_argument("--sans-aide")
    with pytest.raises(ValueError, match="help"):
        parser.add_argument("--en-francais-seulement", help="une aide en français seulement")
    with pytest.raises(ValueError, match="help"):
        parser.add_argument("fichier")


def test_a_group_without_its_action_names_the_actions(capsys):
    assert main(["national"]) == 2
    assert "Indiquez une action : keygen ou consolidate — aide" in capsys.readouterr().err
    assert main(["bundle", "--lang", "en"]) == 2
    assert "Give an action: create or inspect — help" in capsys.readouterr().err
