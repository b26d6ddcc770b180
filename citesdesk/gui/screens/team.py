"""« Équipe »: my key and its fingerprint, the colleagues' laptops, preparing the file for
the team, merging a colleague's file (button, File menu, dropping a ``.citesequipe``),
the merge summary, the conflict list with « Garder cette valeur », a copy of the site
for a new colleague, and the optional shared folder (``docs/team.md``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from citesdesk.core.errors import CitesDeskError
from citesdesk.gui import team_tasks as tasks
from citesdesk.gui.dialogs import Dialog
from citesdesk.gui.forms import datetime_text, number_text
from citesdesk.gui.screens.base import ListScreen, screen_title

SUFFIX = ".citesequipe"


def _table(columns: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(columns))
    t.setHorizontalHeaderLabels(columns)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return t


#: Tables whose change the screen shows: members, what was received and sent, conflicts,
#: and the people a merge brings.
TEAM_TABLES = frozenset({"team_member", "version_vector", "sync_conflict", "purge_mark",
                         "setting", "participant", "*"})



def _cell(text: str) -> QTableWidgetItem:
    """A cell of the stretched tables: whole in its tooltip when the column cuts it."""
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


class TeamScreen(ListScreen):
    key = "team"
    icon_name = "list"
    watched = TEAM_TABLES

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: dict | None = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.addWidget(screen_title(self))  # every screen has its title
        mine = QGroupBox(self.tr("Ce poste"))
        form = QFormLayout(mine)
        self.my_name, self.my_fingerprint = QLabel("…"), QLabel("…")
        self.my_fingerprint.setObjectName("my_fingerprint")
        form.addRow(self.tr("Nom"), self.my_name)
        form.addRow(self.tr("Empreinte de ma clé"), self.my_fingerprint)
        self.key_button = QPushButton(self.tr("Enregistrer ma clé publique…"))
        self.key_button.clicked.connect(self.save_key)
        form.addRow(self.key_button)
        layout.addWidget(mine)

        box = QGroupBox(self.tr("Collègues"))
        blayout = QVBoxLayout(box)
        self.members = _table([self.tr("Nom"), self.tr("Empreinte"),
                               self.tr("Dernier fichier reçu"), self.tr("Dernier fichier envoyé")])
        blayout.addWidget(self.members)
        # The colleagues' list stays short so that the conflicts keep their room at 1024×700.
        self.members.setMaximumHeight(self.members.horizontalHeader().sizeHint().height()
                                      + self.fontMetrics().height() * 9)
        self.set_empty_hint(self.tr(
            "Aucun·e collègue pour l'instant. Sur le poste de chaque collègue, «\u00a0Enregistrer "
            "ma clé publique…\u00a0», puis ici «\u00a0Ajouter un collègue…\u00a0» avec ce fichier\u00a0; "
            "ou préparez son poste avec «\u00a0Copie du site pour un nouveau poste…\u00a0»."))
        # (no button of its own: « Ajouter un collègue… » and the copy are right below)
        blayout.addWidget(self.empty_hint)
        self.no_members = self.empty_hint
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Ajouter un collègue…"))
        self.add_button.clicked.connect(self.add_colleague)
        self.copy_name = QLineEdit()
        self.copy_name.setPlaceholderText(self.tr("Nom du ou de la collègue"))
        self.copy_button = QPushButton(self.tr("Copie du site pour un nouveau poste…"))
        self.copy_button.clicked.connect(self.make_copy)
        for w in (self.add_button, self.copy_name, self.copy_button):
            row.addWidget(w)
        blayout.addLayout(row)
        layout.addWidget(box)

        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Préparer le fichier pour l'équipe…"))
        self.export_button.clicked.connect(self.prepare_file)
        self.merge_button = QPushButton(self.tr("Intégrer un fichier…"))
        self.merge_button.clicked.connect(self.choose_and_merge)
        row.addWidget(self.export_button)
        row.addWidget(self.merge_button)
        layout.addLayout(row)
        self.summary = QLabel("")
        self.summary.setObjectName("merge_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        cbox = QGroupBox(self.tr("Conflits"))
        clayout = QVBoxLayout(cbox)
        self.conflicts = _table([self.tr("Personne ou fiche"), self.tr("Champ"),
                                 self.tr("Une valeur"), self.tr("L'autre (appliquée)"),
                                 self.tr("État")])
        self.conflicts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        clayout.addWidget(self.conflicts)
        self.no_conflicts = QLabel(self.tr(
            "Aucun conflit. Quand deux postes ont changé le même champ d'une même fiche, il "
            "s'affiche ici : cliquez sur la valeur à garder, puis « Garder cette valeur »."))
        self.no_conflicts.setWordWrap(True)
        self.no_conflicts.setObjectName("caption")
        clayout.addWidget(self.no_conflicts)
        self.keep_button = QPushButton(self.tr("Garder cette valeur"))
        self.keep_button.setToolTip(self.tr(
            "Choisissez dans la liste la valeur à garder (colonne « Une valeur » ou « L'autre »)."))
        self.keep_button.clicked.connect(self.keep_selected)
        self.keep_button.setEnabled(False)  # until a value of a conflict is chosen
        clayout.addWidget(self.keep_button)
        layout.addWidget(cbox, 1)
        # The conflicts are the list acted on: Enter keeps the chosen value, as the button.
        self.set_list(self.conflicts, (self.keep_button,))

        sbox = QGroupBox(self.tr("Dossier partagé (facultatif)"))
        srow = QHBoxLayout(sbox)
        self.shared = QLineEdit()
        self.shared.setPlaceholderText(self.tr("Dossier commun à l'équipe (réseau, cloud…)"))
        self.minutes = QSpinBox()
        self.minutes.setRange(5, 240)
        self.minutes.setSuffix(self.tr(" min"))
        self.shared_button = QPushButton(self.tr("Choisir…"))
        self.shared_button.clicked.connect(self.choose_shared)
        srow.addWidget(self.shared, 1)
        every = QLabel(self.tr("Échange toutes les"))
        every.setBuddy(self.minutes)
        srow.addWidget(every)
        srow.addWidget(self.minutes)
        srow.addWidget(self.shared_button)
        layout.addWidget(sbox)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_shared)
        self._synced_once = False

    def title(self) -> str:
        return self.tr("Équipe")

    # -- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.runner.submit(tasks.load, on_done=self._show, on_error=self._failed,
                               atomic=False)

    def _show(self, data: dict) -> None:
        self.data = data
        me = data["me"]
        self.my_name.setText(me.name)
        self.my_fingerprint.setText(me.fingerprint)
        self.members.setRowCount(len(data["members"]))
        for r, m in enumerate(data["members"]):
            for c, text in enumerate((m["name"], m["fingerprint"],
                                      self._when(m["last_received_at"], m["last_received_file"]),
                                      self._when(m["last_sent_at"], m["last_sent_file"]))):
                self.members.setItem(r, c, _cell(text))
        self.conflicts.setRowCount(len(data["conflicts"]))
        for r, c in enumerate(data["conflicts"]):
            state = (self.tr("réglé : {value}").format(value=self._value(c["kept"]))
                     if c["resolved"] else self.tr("à examiner"))
            cells = (c["record"], c["field_label"], self._side(c["a"]), self._side(c["b"]), state)
            for col, text in enumerate(cells):
                self.conflicts.setItem(r, col, _cell(text))
        self.empty_hint.show_for(not data["members"], self.members)
        self.no_conflicts.setVisible(not data["conflicts"])
        self.update_buttons()
        if data["moved"] and not self.summary.text():
            self.summary.setText(self.tr(
                "Cette base a été ouverte sur un autre ordinateur ou par un autre utilisateur "
                "que celui qui l'écrivait : elle a pris une identité propre avant toute "
                "saisie, pour que ses échanges avec l'équipe restent justes. Si c'est le poste "
                "d'un·e nouveau·elle collègue, ajoutez sa clé sur les autres postes."))
        self.shared.setText(data["shared"])
        self.minutes.setValue(data["minutes"])
        if data["shared"] and not self._synced_once:
            self._synced_once = True
            self.timer.start(data["minutes"] * 60_000)
            QTimer.singleShot(0, self, self.sync_shared)

    def _when(self, at: str | None, name: str | None) -> str:
        if not at:
            return self.tr("jamais")
        return f"{datetime_text(at, self.ctx.lang)} — {name or ''}"

    def _value(self, value) -> str:
        return self.tr("(vide)") if value in (None, "") else str(value)

    def _side(self, side: dict) -> str:
        return self.tr("{value} — {who}, le {when}").format(
            value=self._value(side["value"]), who=side["by"], when=side["at"])

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, CitesDeskError):
            Dialog.error(self, exc.message(self.ctx.lang))

    # -- keys and colleagues --------------------------------------------------------
    def save_key(self) -> None:
        name = (self.data["me"].name if self.data else "poste") + ".citesequipe-cle"
        path = Dialog.save_file(self, self.tr("Enregistrer ma clé publique"),
                                self.tr("Clé d'équipe (*.citesequipe-cle)"),
                                str(Path.home() / name))
        if path:
            self.ctx.runner.submit(tasks.save_key, path, on_error=self._failed, atomic=False,
                                   on_done=lambda r: Dialog.info(self, self.tr(
                                       "Clé enregistrée dans {path}.\nEmpreinte : {fp}").format(
                                           path=str(r[0]), fp=r[1])))

    def add_colleague(self) -> None:
        path = Dialog.open_file(self, self.tr("Clé d'un·e collègue"),
                                self.tr("Clé d'équipe (*.citesequipe-cle)"))
        if path:
            self.ctx.runner.submit(tasks.read_key, path, on_error=self._failed, atomic=False,
                                   on_done=lambda key: self._confirm_key(path, key))

    def _confirm_key(self, path: str, key) -> None:
        answer = Dialog.ask(self, self.tr("Ajouter un collègue"), self.tr(
            "Empreinte de la clé de {name} : {fp}\n\nComparez-la avec celle que votre "
            "collègue lit sur son écran Équipe (à voix haute ou au téléphone). Sont-elles "
            "identiques ?").format(name=key.name, fp=key.fingerprint))
        if answer == "yes":
            self.ctx.runner.submit(tasks.add_key, path, None, on_error=self._failed,
                                   on_done=lambda _r: self.reload())

    def make_copy(self) -> None:
        name = self.copy_name.text().strip()
        if not name:
            Dialog.error(self, self.tr("Indiquez d'abord le nom du ou de la collègue."))
            return
        path = Dialog.save_file(self, self.tr("Copie du site pour {name}").format(name=name),
                                self.tr("Base CitésDesk (*.sqlite)"),
                                str(Path.home() / f"citesdesk-{name}.sqlite"))
        if path:
            self.ctx.runner.submit(tasks.copy, path, name, on_error=self._failed, atomic=False, on_done=self._copied)

    def _copied(self, info: dict) -> None:
        self.copy_name.clear()
        self.reload()
        Dialog.info(self, self.tr(
            "Copie pour {name} écrite dans {path}. Son poste a sa propre identité ; "
            "empreinte de sa clé : {fp}.").format(name=info["name"], path=info["path"],
                                                   fp=info["fingerprint"]))

    # -- files ------------------------------------------------------------------------
    def prepare_file(self) -> None:
        folder = Dialog.choose_folder(self, self.tr("Dossier ou clé USB où écrire le fichier"))
        if folder:
            self.ctx.runner.submit(tasks.export, folder, on_error=self._failed, atomic=False, on_done=self._exported,
                                   progress_title=self.tr("Préparation du fichier…"))

    def _exported(self, r) -> None:
        self.reload()
        self.summary.setText(self.tr(
            "Fichier pour l'équipe écrit : {path} ({n} enregistrement(s), chiffré pour "
            "{k} poste(s)).").format(path=str(r.path), n=number_text(r.records, self.ctx.lang),
                                k=number_text(r.recipients, self.ctx.lang)))

    def choose_and_merge(self) -> None:
        path = Dialog.open_file(self, self.tr("Intégrer un fichier de l'équipe"),
                                self.tr("Fichier d'équipe (*.citesequipe)"))
        if path:
            self.merge_file(path)

    def merge_file(self, path: str, confirm: bool = False) -> None:
        self.ctx.runner.submit(tasks.merge, path, confirm, atomic=False,
                               on_done=self._merged,
                               on_error=lambda exc: self._merge_failed(path, exc),
                               progress_title=self.tr("Intégration du fichier…"))

    def _merge_failed(self, path: str, exc: BaseException) -> None:
        from citesdesk.services.team import NeedsConfirmation

        if isinstance(exc, NeedsConfirmation):
            if Dialog.ask(self, self.tr("Premier échange"), exc.message(self.ctx.lang)) == "yes":
                self.merge_file(path, confirm=True)
            return
        self._failed(exc)

    def _merged(self, r) -> None:
        self.reload()
        text = self.tr("{file} (de {who}) : {c} créé(s), {u} modifié(s), {p} effacé(s), "
                       "{k} conflit(s) nouveau(x).").format(
            file=r.path.name, who=r.sender_name, c=number_text(r.created, self.ctx.lang),
            u=number_text(r.updated, self.ctx.lang), p=number_text(r.purged, self.ctx.lang),
            k=number_text(r.conflicts, self.ctx.lang))
        if r.journal:
            text += " " + self.tr("{n} entrée(s) du journal des collègues ajoutée(s) au "
                                  "Journal.").format(n=number_text(r.journal, self.ctx.lang))
        if r.texts_kept:
            text += " " + self.tr("{n} texte(s) modifié(s) des deux côtés : les deux versions "
                                  "sont gardées.").format(n=number_text(r.texts_kept, self.ctx.lang))
        for d in r.duplicates[:20]:
            text += "\n" + self.tr("Doublon possible : {a} reçu·e, {b} déjà ici.").format(
                a=f"{d['received']['last_name']} {d['received']['first_name']}",
                b=f"{d['existing']['last_name']} {d['existing']['first_name']}")
        self.summary.setText(text)

    def update_buttons(self) -> None:
        item = self.conflicts.currentItem()
        self.keep_button.setEnabled(self.has_selection() and item is not None
                                    and item.column() in (2, 3))

    def open_row(self, row: int) -> None:
        if self.keep_button.isEnabled():  # a value is chosen (not the person or the field)
            self.keep_selected()

    def keep_selected(self) -> None:
        item = self.conflicts.currentItem()
        if item is None or self.data is None or item.column() not in (2, 3):
            Dialog.error(self, self.tr("Choisissez d'abord la valeur à garder dans la liste."))
            return
        c = self.data["conflicts"][item.row()]
        side = "a" if item.column() == 2 else "b"
        self.ctx.runner.submit(tasks.keep, c["key"], side, on_error=self._failed, on_done=lambda _r: self.reload())

    # -- shared folder ------------------------------------------------------------------
    def choose_shared(self) -> None:
        folder = Dialog.choose_folder(self, self.tr("Dossier partagé de l'équipe"))
        if folder:
            self.ctx.runner.submit(tasks.set_shared, folder, self.minutes.value(), on_error=self._failed,
                                   on_done=lambda _r: self._shared_set())

    def _shared_set(self) -> None:
        self._synced_once = False
        self.reload()

    def sync_shared(self) -> None:
        self.ctx.runner.submit(tasks.sync_shared, atomic=False,
                               on_error=self._failed, on_done=self._synced)

    def _synced(self, result: dict) -> None:
        if result["written"] is None:
            return
        lines = [self.tr("Dossier partagé : mon fichier écrit, {n} fichier(s) intégré(s).")
                 .format(n=number_text(len(result["merged"]), self.ctx.lang))]
        lines += [f"{name} : {exc.message(self.ctx.lang)}" for name, exc in result["refused"]]
        self.summary.setText("\n".join(lines))
        self.reload()

    # -- drop ---------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(u.toLocalFile().lower().endswith(SUFFIX) for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        for url in event.mimeData().urls():
            if url.toLocalFile().lower().endswith(SUFFIX):
                self.merge_file(url.toLocalFile())
