"""The ``citesdesk`` parser, in the user's language, built from the command modules.

Every ``citesdesk/cli/cmd_*.py`` module that defines ``register(cli)`` is found and asked
to add its commands (``cli.command(...)``, ``cli.group(...)``), in ``ORDER``. Every help
text is a pair ``(French, English)``: :meth:`CliParser.add_argument` refuses an option
without one, so that no option goes undocumented. ``--db`` and ``--lang`` are accepted
before or after the sub-command. A usage error prints the command's usage and one
sentence (exit 2). See « Écrire une commande » in ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

from citesdesk.cli.argparse_fr import NBSP

DB_HELP = ("base de données du site (fichier .sqlite)", "site database (.sqlite file)")
LANG_HELP = ("langue des messages : fr (par défaut) ou en",
             "language of messages: fr (default) or en")


def _or(items, lang: str) -> str:
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + (" or " if lang == "en" else " ou ") + items[-1]


class Formatter(argparse.HelpFormatter):
    lang = "fr"

    def start_section(self, heading):
        super().start_section(heading + NBSP if self.lang != "en" and heading else heading)


class CliParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that speaks ``lang`` and takes ``(fr, en)`` help texts."""

    def __init__(self, *args, lang: str = "fr", **kwargs) -> None:
        self.lang = lang
        self._commands = None
        kwargs.setdefault("allow_abbrev", False)  # refuse rather than guess
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def text(self, pair) -> str:
        if isinstance(pair, tuple):
            return pair[1] if self.lang == "en" else pair[0]
        return pair

    # --- building -----------------------------------------------------------------------
    def add_argument(self, *names, **kwargs):
        help_ = kwargs.get("help")
        own = names[:1] == ("-h",)  # argparse's own --help, already in the user's language
        if not own and not isinstance(help_, tuple) and help_ != argparse.SUPPRESS:
            raise ValueError(f"{names[0]}: every argument needs a (French, English) help text")
        if help_ is not None:
            kwargs["help"] = self.text(help_)
        return super().add_argument(*names, **kwargs)

    def _subcommands(self, required: bool):
        if self._commands is None:
            title = ("actions", "actions") if required else ("commandes", "commands")
            self._commands = self.add_subparsers(
                title=self.text(title), metavar="ACTION" if required else
                self.text(("COMMANDE", "COMMAND")), parser_class=CliParser)
            self._commands.required = required
        return self._commands

    def command(self, name: str, module: str | None, help: tuple[str, str], *,
                db: bool = False, group: bool = False) -> CliParser:
        """Add the sub-command ``name``, run by ``module.run(args)``. With ``db=True`` it
        takes ``--db`` (required: before or after the command name)."""
        text = self.text(help)
        p = self._subcommands(required=self._module_is_group()).add_parser(
            name, help=text, description=text, lang=self.lang)
        p.set_defaults(_module=module, _command=name, _parser=p, _needs_db=db,
                       _group=group)
        if db:
            p.add_argument("--db", metavar=self.text(("BASE", "DATABASE")),
                           default=argparse.SUPPRESS, help=DB_HELP)
        p.add_argument("--lang", choices=("fr", "en"), default=argparse.SUPPRESS,
                       help=LANG_HELP)
        return p

    def group(self, name: str, help: tuple[str, str]) -> CliParser:
        """A command with its own actions (``citesdesk bundle create``)."""
        p = self.command(name, None, help, group=True)
        p._is_group = True
        return p

    def integer(self, minimum: int | None = None):
        """An argparse ``type`` for a whole number (at least ``minimum``), refused in the
        user's language."""
        def parse(text: str) -> int:
            try:
                value = int(text)
            except ValueError:
                raise argparse.ArgumentTypeError(self.text((
                    f"« {text} » n'est pas un nombre entier", f"'{text}' is not a whole number"
                ))) from None
            if minimum is not None and value < minimum:
                raise argparse.ArgumentTypeError(self.text((
                    f"donnez un nombre au moins égal à {minimum} (et non {text})",
                    f"give a number of at least {minimum} (not {text})")))
            return value
        return parse

    def _module_is_group(self) -> bool:
        return getattr(self, "_is_group", False)

    def _get_formatter(self):
        f = super()._get_formatter()
        f.lang = self.lang
        return f

    # --- checking -----------------------------------------------------------------------
    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = _or(action.choices, self.lang)
            raise argparse.ArgumentError(action, self.text((
                f"« {value} » n'est pas un choix possible : choisissez {choices}",
                f"'{value}' is not a valid choice: choose {choices}")))

    def error(self, message: str):
        """The usage of this (sub-)command, then one sentence; exit 2."""
        if self._commands is not None and message == argparse._(
                "the following arguments are required: %s") % self._commands.metavar:
            actions = _or(self._commands.choices, self.lang)
            message = self.text((f"indiquez une action : {actions}",
                                 f"give an action: {actions}"))
        self.print_usage(sys.stderr)
        self.say_error(message)
        self.exit(2)

    def say_error(self, message: str) -> None:
        message = message.rstrip(". ")
        hint = self.text((f"aide{NBSP}: {self.prog} --help", f"help: {self.prog} --help"))
        print(f"{message[:1].upper()}{message[1:]} — {hint}.", file=sys.stderr)

    def usage_failure(self, fr: str, en: str) -> int:
        """A usage error found by the command itself (exit status to return)."""
        from citesdesk.cli.argparse_fr import speaking

        with speaking(self.lang):
            self.print_usage(sys.stderr)
        self.say_error(self.text((fr, en)))
        return 2

    def parse_known_args(self, args=None, namespace=None):
        ns, extras = super().parse_known_args(args, namespace)
        # ``print participant --out x.pdf REF1 REF2``: references after the options belong
        # to the list of references, as they would before them.
        if extras and not any(e.startswith("-") for e in extras):
            for action in self._actions:
                value = getattr(ns, action.dest, None)
                if not action.option_strings and action.nargs in ("*", "+") \
                        and isinstance(value, list):
                    value.extend(extras)
                    return ns, []
        return ns, extras

    def parse_args(self, args=None, namespace=None):
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            target = getattr(ns, "_parser", None) or self
            target.error(argparse._("unrecognized arguments: %s") % " ".join(extras))
        return ns


#: Only used where the command modules cannot be listed (see :func:`command_modules`).
FROZEN_FALLBACK = ("cmd_db", "cmd_import", "cmd_export", "cmd_print", "cmd_erase", "cmd_bundle",
                   "cmd_national", "cmd_team", "cmd_passphrase")


def command_modules():
    """The ``cmd_*`` modules of this package that register commands, in ``ORDER``."""
    mods = []
    for info in pkgutil.iter_modules([str(Path(__file__).resolve().parent)]):
        if info.name.startswith("cmd_"):
            mod = importlib.import_module(f"citesdesk.cli.{info.name}")
            if hasattr(mod, "register"):
                mods.append(mod)
    if not mods:  # a frozen program whose importer cannot list a package
        for name in FROZEN_FALLBACK:
            mods.append(importlib.import_module(f"citesdesk.cli.{name}"))
    return sorted(mods, key=lambda m: (getattr(m, "ORDER", 100), m.__name__))


def build(lang: str, version: str) -> CliParser:
    parser = CliParser(prog="citesdesk", lang=lang, description=(
        "CitésDesk — suivi des participants des Cités de l'emploi. Sans commande : ouvre "
        "l'application." if lang != "en" else
        "CitésDesk — following the participants of the Cités de l'emploi. With no command: "
        "opens the application."))
    parser.add_argument("--version", action="version", version=f"CitésDesk {version}",
                        help=("afficher la version et quitter",
                              "show the version number and exit"))
    parser.add_argument("--db", metavar=parser.text(("BASE", "DATABASE")), help=DB_HELP)
    parser.add_argument("--lang", choices=("fr", "en"), help=LANG_HELP)
    parser.set_defaults(_module="citesdesk.cli.cmd_gui", _command="gui", _parser=parser,
                        _needs_db=False, _group=False)
    for mod in command_modules():
        mod.register(parser)
    return parser
