"""Partners: one row per contact; the rows of one organisation (same name or SIRET) are
grouped into one partner. An organisation already in the directory (same SIRET or name)
is a duplicate: skip, update it (changes listed), or create another."""

from __future__ import annotations

from citesdesk.core.text import fold_key
from citesdesk.services.importer.plan import Duplicate, ImportPlan, RowResult
from citesdesk.services.importer.writer import differs

_PARTNER = ("type", "name", "siret", "address", "postcode", "commune", "website", "phone",
            "email", "notes")


def _split(values: dict) -> tuple[dict, dict]:
    partner = {k: values[k] for k in _PARTNER if k in values}
    contact = {k[len("contact_"):]: v for k, v in values.items()
               if k.startswith("contact_") and v not in (None, "")}
    return partner, contact


class Checker:
    def __init__(self, db, plan: ImportPlan, ctx) -> None:
        self.db, self.plan, self.ctx = db, plan, ctx
        self.by_name, self.by_siret, self.names = {}, {}, {}
        for uuid, name, siret in db.execute(
                "SELECT uuid, name, siret FROM partner WHERE deleted_at IS NULL"):
            self.by_name.setdefault(fold_key(name), uuid)
            self.names[uuid] = name
            if siret:
                self.by_siret.setdefault(siret, uuid)
        self.contacts: dict[str, dict[str, str]] = {}
        for uuid, puuid, last, first in db.execute(
                "SELECT c.uuid, p.uuid, c.last_name, c.first_name FROM partner_contact c "
                "JOIN partner p ON p.id = c.partner_id WHERE c.deleted_at IS NULL"):
            self.contacts.setdefault(puuid, {})[fold_key(f"{last}{first or ''}")] = uuid
        self.groups: dict[str, int] = {}  # organisation key -> first row
        self.group_values: dict[int, dict] = {}
        self.row_contacts: dict[tuple[int, str], int] = {}

    def check(self, result: RowResult, values: dict) -> None:
        partner, contact = _split(values)
        ctx = self.ctx
        if contact and not contact.get("last_name"):
            ctx.row_error(result, "contact_last_name", "required",
                          "Un contact est donné sans nom : indiquez le nom du contact.",
                          "A contact is given without a name: give the contact's name.")
        key = partner.get("siret") or fold_key(partner.get("name"))
        result.values = {"partner": partner, "contact": contact, "group": key}
        if not key:
            return
        first = self.groups.get(key)
        if first is None and partner.get("name"):
            first = self.groups.get(fold_key(partner["name"]))
        if first is not None:
            result.values["group_row"] = first
            base = self.group_values[first]
            for k, v in partner.items():
                if v not in (None, "") and base.get(k) not in (None, "") and base[k] != v:
                    ctx.row_error(result, k, "group_conflict",
                                  f"Valeur différente de la ligne {first} pour la même structure "
                                  f"(« {base[k]} ») : celle de la ligne {first} est gardée.",
                                  f"Differs from row {first} for the same organisation "
                                  f"('{base[k]}'): row {first}'s value is kept.", "warning")
            result.notes.append((f"contact ajouté à la structure de la ligne {first}",
                                 f"contact added to the organisation of row {first}"))
            lead = next((r for r in self.plan.rows if r.row == first), None)
            if lead is not None and lead.duplicate is not None and lead.action == "skip":
                result.action = "skip"
        if result.errors:
            return
        if first is None:
            self.groups[key] = result.row
            if partner.get("name"):
                self.groups.setdefault(fold_key(partner["name"]), result.row)
            self.group_values[result.row] = partner
            uuid = self.by_siret.get(partner.get("siret")) or self.by_name.get(
                fold_key(partner.get("name")))
            if uuid:
                reason = ("même SIRET", "same SIRET") if partner.get("siret") and \
                    self.by_siret.get(partner["siret"]) == uuid else ("même nom", "same name")
                result.duplicate = Duplicate(*reason, uuid=uuid, label=self.names[uuid])
                result.action = self.plan.on_duplicate
                result.changes = self._changes(uuid, partner, contact)
            result.values["group_row"] = result.row
            result.values["db_partner"] = uuid
        else:
            result.values["db_partner"] = self._row_partner(first)
            ckey = fold_key(f"{contact.get('last_name') or ''}{contact.get('first_name') or ''}")
            if contact and (first, ckey) in self.row_contacts:
                result.duplicate = Duplicate("même contact", "same contact",
                                             row=self.row_contacts[(first, ckey)])
                result.action = "skip" if self.plan.on_duplicate != "create" else "create"
        if contact:
            ckey = fold_key(f"{contact.get('last_name') or ''}{contact.get('first_name') or ''}")
            self.row_contacts.setdefault((result.values["group_row"], ckey), result.row)

    def _row_partner(self, first: int) -> str | None:
        for r in self.plan.rows:
            if r.row == first:
                return r.values.get("db_partner")
        return None

    def _changes(self, uuid: str, partner: dict, contact: dict) -> dict:
        old = next(self.db.query("SELECT * FROM partner WHERE uuid = ?", [uuid]))
        out = {k: [old.get(k), v] for k, v in partner.items()
               if differs(k, old.get(k), v)}
        if contact.get("last_name"):
            ckey = fold_key(f"{contact['last_name']}{contact.get('first_name') or ''}")
            if ckey not in self.contacts.get(uuid, {}):
                out["contact"] = [None, f"{contact['last_name']} {contact.get('first_name') or ''}"
                                  .strip()]
        return out

    def finish(self) -> None:
        pass


def apply(db, plan: ImportPlan, rows: list[RowResult], w, tick) -> None:
    contacts_of: dict[str, dict[str, str]] = {}
    for uuid, puuid, last, first in db.execute(
            "SELECT c.uuid, p.uuid, c.last_name, c.first_name FROM partner_contact c "
            "JOIN partner p ON p.id = c.partner_id WHERE c.deleted_at IS NULL"):
        contacts_of.setdefault(puuid, {})[fold_key(f"{last}{first or ''}")] = uuid
    targets: dict[int, tuple[str, object] | None] = {}
    partners, contacts = [], []
    for n, r in enumerate(rows, 1):
        tick(n)
        v = r.values
        partner, contact, first = v["partner"], v["contact"], v.get("group_row")
        if first == r.row:
            if r.action == "skip":
                targets[r.row] = None
                continue
            if r.action == "update" and v.get("db_partner"):
                w.update("partner", v["db_partner"], partner)
                targets[r.row] = ("db", v["db_partner"])
            else:
                row = w.new_row("partner", partner)
                partners.append(row)
                targets[r.row] = ("new", row)
        else:
            if r.action == "skip":
                continue
            target = targets.get(first)
            if target is None:
                continue
            if target[0] == "new":
                base = target[1]
                for k, val in partner.items():
                    if val not in (None, "") and base.get(k) in (None, ""):
                        base[k] = val
        target = targets.get(first)
        if not contact or target is None:
            continue
        if target[0] == "new":
            contacts.append(w.new_row("partner_contact",
                                      {**contact, "partner_id": target[1]["id"]}))
            continue
        ckey = fold_key(f"{contact['last_name']}{contact.get('first_name') or ''}")
        existing = contacts_of.get(target[1], {}).get(ckey)
        if existing:
            w.update("partner_contact", existing, contact)
        else:
            row = w.new_row("partner_contact",
                            {**contact, "partner_id": w.id_of("partner", target[1])})
            contacts.append(row)
            contacts_of.setdefault(target[1], {})[ckey] = row["uuid"]
    w.insert_many("partner", partners)
    w.insert_many("partner_contact", contacts)
