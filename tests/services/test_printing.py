"""Printed documents: what the PDF files contain, read back with pypdf and pdftotext."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from citesdesk.core.errors import NotFound
from citesdesk.services import Cancelled, printing, records
from citesdesk.services.printing import data
from citesdesk.services.printing.fonts import NNBSP, french, number
from tests.print_sample import make_participant, make_sample, make_site

BASE14 = {"Helvetica", "Times-Roman", "Courier", "Symbol", "ZapfDingbats"}


def pdf_bytes(fn, *args, **kw) -> bytes:
    buf = io.BytesIO()
    fn(*args, buf, **kw) if fn is not printing.consent_form_pdf else fn(args[0], buf, **kw)
    return buf.getvalue()


def pages_text(raw: bytes) -> list[str]:
    """The text of each page, lines joined by one space (wrapped cells read as one)."""
    return [re.sub(r"[ \n]+", " ", page.extract_text())
            for page in PdfReader(io.BytesIO(raw)).pages]


def assert_fonts_embedded(raw: bytes) -> None:
    """Every font of every page is a TrueType font with its file embedded; no base-14."""
    reader = PdfReader(io.BytesIO(raw))
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            base = str(font["/BaseFont"])
            assert not any(b in base for b in BASE14), base
            assert "DejaVuSans" in base
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), base
            seen += 1
    assert seen
    assert b"Helvetica" not in raw


def pdftotext(path) -> str:
    if not shutil.which("pdftotext"):
        if os.environ.get("CI"):
            raise AssertionError("pdftotext (poppler-utils) is required in CI")
        pytest.skip("poppler-utils not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture
def person(db):
    return make_sample(db, events=60)


def test_participant_file_holds_fields_with_french_typography(db, person):
    raw = pdf_bytes(printing.participant_pdf, db, person["uuid"])
    text = "\n".join(pages_text(raw))
    for expected in ["Fiche participant", "Françoise BŒUF-MÉNARD", "Bœuf-Ménard",
                     "12/04/1990", "06 12 34 56 78", "Saint-Étienne-du-Rouvray",
                     "Demandeur d'emploi inscrit à France Travail", "CAP, BEP",
                     "24 mois et plus", "Mobilité, Garde d'enfant", "Cohorte été 2025",
                     "15/01/2025", "31/03/2026", "CDD de 6 mois et plus",
                     "Œuvre de formation Côte d'Albâtre", "Acceptée",
                     "Entrée prévue en avril", "Zoé Lefèvre", "Écrit",
                     "Oui, depuis le 01/02/2025", "Document confidentiel — données personnelles"]:
        assert expected in text, expected
    # narrow no-break spaces: before « : » and « ! », inside « », in numbers
    assert f"Site{NNBSP}: Cité de l'emploi" in text
    assert f"permis{NNBSP}!" in text
    assert f"«{NNBSP}métier{NNBSP}»" in text
    assert f"1{NNBSP}200{NNBSP}€" in text or f"1 200{NNBSP}€" in text or "200 €" in text
    assert "€" in text and "œ" in text
    # RQTH (health data) does not print on the participant file
    assert "RQTH" not in text
    assert_fonts_embedded(raw)


def test_private_notes_never_print_on_the_participant_file(db, person):
    text = "\n".join(pages_text(pdf_bytes(printing.participant_pdf, db, person["uuid"])))
    assert "cœur de métier logistique" in text
    assert "SECRET-PRIVÉ" not in text


def test_a_note_longer_than_a_page_runs_onto_the_next_pages(db, person):
    words = [f"mot{i:04d}" for i in range(1500)]
    records.create(db, "note", {"participant_id": person["id"], "date": "2026-02-02",
                                "text": " ".join(words)})
    texts = pages_text(pdf_bytes(printing.participant_pdf, db, person["uuid"]))
    printed = [w for t in texts for w in re.findall(r"mot\d{4}", t)]
    assert printed == words  # every word once, in order, none lost at a page's end
    note_pages = [t for t in texts if "mot0" in t or "mot1" in t]
    assert len(note_pages) >= 2
    for page in note_pages:  # the table's header on every page it runs onto
        assert "Auteur" in page and "Détail" in page


def test_sixty_events_break_across_pages_with_header_and_page_numbers(db, person, tmp_path):
    raw = pdf_bytes(printing.participant_pdf, db, person["uuid"])
    texts = pages_text(raw)
    n = len(texts)
    assert n >= 2
    for i, page in enumerate(texts, start=1):
        assert f"page {i} / {n}" in page
        assert "Document confidentiel — données personnelles" in page
    journey_pages = [t for t in texts if re.search(r"Étape n° \d+\u202f:", t)]
    assert len(journey_pages) >= 2
    for page in journey_pages:  # the table header is repeated on every page it runs onto
        assert "Date" in page and "Étape" in page and "Partenaire" in page and "Détail" in page
    steps = [int(s) for t in texts for s in re.findall(r"Étape n° (\d+)\u202f:", t)]
    assert steps == list(range(1, 61))  # every event once, in date order, none lost
    # the title counts what the table lists: 60 steps, the cohort entry and exit, a referral
    assert "Parcours (60 étapes, 2 entrées et sorties de cohorte, 1 orientation)" in \
        "\n".join(texts)
    everything = "\n".join(texts)  # the journey as the window shows it, in date order
    entry = everything.index(f"Entrée dans la cohorte «{NNBSP}Cohorte été 2025{NNBSP}»")
    referral = everything.index("Orientation vers Œuvre de formation Côte d'Albâtre")
    exit_ = everything.index(f"Sortie de la cohorte «{NNBSP}Cohorte été 2025{NNBSP}»")
    assert entry < referral < exit_
    path = tmp_path / "fiche.pdf"
    path.write_bytes(raw)
    layout = pdftotext(path)
    assert layout.count("Document confidentiel — données personnelles") == n
    assert "15/01/2025" in layout and "04/03/2026" in layout  # first and 60th dates


def test_access_export_has_everything_including_private_notes_and_purge_date(db, person):
    db.set_setting("retention_months", 24)
    raw = pdf_bytes(printing.access_export_pdf, db, person["uuid"])
    text = "\n".join(pages_text(raw))
    assert "SECRET-PRIVÉ" in text and "(privée)" in text
    assert "cœur de métier logistique" in text
    assert "RQTH" in text  # the person sees their own health datum
    assert "Partenaires à qui vos données ont été transmises" in text
    assert "France Travail Rouen Sud" in text and "Œuvre de formation Côte d'Albâtre" in text
    # last contact = the exit from the cohort, 31/03/2026 (after the 60th event); + 24 months
    assert f"Dernier contact{NNBSP}: 31/03/2026" in text
    assert "supprimées le 31/03/2028" in text
    assert "Journal des modifications de vos données" in text
    assert "création" in text
    assert_fonts_embedded(raw)


def test_access_export_includes_records_in_the_bin(db, person):
    note = records.find(db, "note", "private = 1")[0]
    records.delete(db, "note", note["uuid"])
    text = "\n".join(pages_text(pdf_bytes(printing.access_export_pdf, db, person["uuid"])))
    assert "SECRET-PRIVÉ" in text and "à la corbeille" in text
    assert "mise à la corbeille" in text  # the audit entry of the deletion


def test_purge_date_follows_the_retention_setting(db, person):
    db.set_setting("retention_months", 6)
    d = data.dossier(db, person["uuid"], full=True)
    assert d["last_contact"] == "2026-03-31"
    assert d["purge_date"] == "2026-09-30"  # 31 September does not exist


def test_consent_form_blank_and_filled(db, person):
    blank = "\n".join(pages_text(pdf_bytes(printing.consent_form_pdf, db)))
    assert "Notice d'information et recueil du consentement" in blank
    assert "Base légale" in blank and "24 mois après votre dernier contact" in blank
    assert "Vos droits" in blank and "CNIL" in blank and "Contact" in blank
    assert "Signature du ou de la participant·e" in blank
    assert "Signature du ou de la référent·e" in blank
    assert "Bœuf" not in blank and "☐" in blank
    filled_raw = pdf_bytes(printing.consent_form_pdf, db, uuid=person["uuid"])
    filled = "\n".join(pages_text(filled_raw))
    assert "Bœuf-Ménard" in filled and "Françoise" in filled and "12/04/1990" in filled
    assert "☒" in filled  # notice given, objection recorded
    assert_fonts_embedded(filled_raw)


def test_consent_form_uses_the_site_notice_text(db, person):
    db.set_setting("notice_text", "Notice du site : données conservées {retention} mois.")
    db.set_setting("retention_months", 18)
    text = "\n".join(pages_text(pdf_bytes(printing.consent_form_pdf, db)))
    assert f"Notice du site{NNBSP}: données conservées 18 mois." in text


def test_english_documents(db, person):
    text = "\n".join(pages_text(pdf_bytes(printing.participant_pdf, db, person["uuid"],
                                          lang="en")))
    assert "Participant file" in text and "Confidential document — personal data" in text
    assert "Jobseeker registered with France Travail" in text or "France Travail" in text
    assert "Shared notes" in text and "page 1 / " in text
    # dates as the English window writes them, never dd/mm/yyyy
    assert re.search(r"\b\d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b", text)
    assert not re.search(r"\b\d\d/\d\d/\d{4}\b", text), text[:400]
    assert "Site: " in text and "Site :" not in text  # an English colon
    consent = "\n".join(pages_text(pdf_bytes(printing.consent_form_pdf, db, lang="en")))
    assert "Legal basis" in consent and "Your rights" in consent


def test_unknown_reference_is_refused(db, person):
    with pytest.raises(NotFound) as err:
        printing.resolve(db, "FT-INCONNU")
    assert "FT-INCONNU" in err.value.message_fr
    assert printing.resolve(db, "FT1234567")["uuid"] == person["uuid"]
    assert printing.resolve(db, person["uuid"])["uuid"] == person["uuid"]


def test_typography_helpers():
    assert number(1234567) == f"1{NNBSP}234{NNBSP}567"
    assert number(3.5, decimals=1) == "3,5"
    assert number(1234, "en") == "1,234"
    assert french("Note : RDV à 10:30 !") == f"Note{NNBSP}: RDV à 10:30{NNBSP}!"
    assert french("« oui »") == f"«{NNBSP}oui{NNBSP}»"
    assert french("https://example.fr") == "https://example.fr"


def _many(db, n):
    make_site(db)
    cohort = records.create(db, "cohort", {"name": "Printemps 2026"})
    partners = [records.create(db, "partner", {"type": "PLIE", "name": "PLIE Élan"})]
    with db.atomic():
        return [make_participant(db, events=8, last_name=f"Dupré{i:02d}", ft_id=f"FT{i}",
                                 cohort=cohort, partners=partners * 2)["uuid"]
                for i in range(n)]


def test_batch_to_one_file_numbers_pages_per_person(db, tmp_path):
    uuids = _many(db, 5)
    seen = []
    result = printing.print_batch(db, uuids, tmp_path / "lot.pdf",
                                  progress=lambda d, t, x="": seen.append((d, t)))
    assert result.count == 5 and result.files == [tmp_path / "lot.pdf"]
    raw = (tmp_path / "lot.pdf").read_bytes()
    texts = pages_text(raw)
    firsts = [t for t in texts if "page 1 / " in t]
    assert len(firsts) == 5
    assert [re.search(r"Dupré\d\d", t).group(0) for t in firsts] == \
        [f"Dupré{i:02d}" for i in range(5)]
    assert seen[-1] == (5, 5)
    assert_fonts_embedded(raw)


def test_batch_with_processes_to_one_file_and_split(db, tmp_path):
    uuids = _many(db, 26)  # above the threshold: worker processes open the file read-only
    _, members = printing.cohort_members(db, "printemps 2026")
    assert sorted(members) == sorted(uuids)
    one = printing.print_batch(db, members, tmp_path / "cohorte.pdf", workers=2)
    texts = pages_text((tmp_path / "cohorte.pdf").read_bytes())
    assert one.count == 26 and sum("page 1 / " in t for t in texts) == 26
    split = printing.print_batch(db, members, tmp_path / "fiches", split=True, workers=2)
    names = sorted(p.name for p in (tmp_path / "fiches").iterdir())
    assert len(names) == 26 == len(split.files)
    # named by the participant's reference, never by their name
    third = f"participant-{uuids[3].replace('-', '')[:12]}.pdf"
    assert third in names and not any("dupre" in n.lower() for n in names)
    text = "\n".join(pages_text((tmp_path / "fiches" / third).read_bytes()))
    assert "DUPRÉ03" in text and "page 1 / 2" in text and "page 2 / 2" in text
    assert "DUPRÉ04" not in text


def test_batch_cancel_leaves_nothing(db, tmp_path):
    uuids = _many(db, 45)

    def cancel_after_first(done, total, text=""):
        if done >= 20:
            raise Cancelled()

    with pytest.raises(Cancelled):
        printing.print_batch(db, uuids, tmp_path / "lot.pdf", progress=cancel_after_first,
                             workers=1)
    assert list(tmp_path.glob("*.pdf*")) == [] and not list(tmp_path.glob(".lot*"))
    with pytest.raises(Cancelled):
        printing.print_batch(db, uuids, tmp_path / "split", split=True,
                             progress=cancel_after_first, workers=2)
    assert list((tmp_path / "split").iterdir()) == []


def test_pdffonts_lists_only_embedded_dejavu(db, person, tmp_path):
    if not shutil.which("pdffonts"):
        if os.environ.get("CI"):
            raise AssertionError("pdffonts (poppler-utils) is required in CI")
        pytest.skip("poppler-utils not installed")
    files = {
        "fiche.pdf": lambda p: printing.participant_pdf(db, person["uuid"], p),
        "acces.pdf": lambda p: printing.access_export_pdf(db, person["uuid"], p),
        "vierge.pdf": lambda p: printing.consent_form_pdf(db, p),
        "fiche-en.pdf": lambda p: printing.participant_pdf(db, person["uuid"], p, lang="en"),
    }
    for name, write in files.items():
        path = tmp_path / name
        write(path)
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
        assert len(out) == 2, out  # regular and bold, nothing else
        for line in out:
            font, emb = line.split()[0], line.split()[-5]
            assert font.split("+")[-1] in ("DejaVuSans", "DejaVuSans-Bold"), line
            assert emb == "yes", line


def test_file_counts_what_it_lists_and_names_empty_sections_on_the_first_page(db):
    """« Parcours (1 étapes) » above three rows, and a page 2 holding only « Notes
    partagées : Aucune. », are gone."""
    make_site(db)
    p = records.create(db, "participant", {"last_name": "Seul", "first_name": "Noé"})
    records.create(db, "event", {"participant_id": p["id"], "type": "ENTRETIEN",
                                 "date": "2026-02-02"})
    partner = records.create(db, "partner", {"type": "FRANCE_TRAVAIL", "name": "France Travail"})
    records.create(db, "referral", {"participant_id": p["id"], "partner_id": partner["id"],
                                    "date": "2026-02-03", "status": "PROPOSEE",
                                    "status_date": "2026-02-03"})
    texts = pages_text(pdf_bytes(printing.participant_pdf, db, p["uuid"]))
    assert len(texts) == 1
    text = texts[0]
    assert "Parcours (1 étape, 1 orientation)" in text
    assert f"Rien d'enregistré pour{NNBSP}: Cohortes, Notes partagées." in text
    assert "Cohortes Aucune." not in text and "Notes partagées Aucune." not in text

    english = pages_text(pdf_bytes(printing.participant_pdf, db, p["uuid"], lang="en"))[0]
    assert "Journey (1 step, 1 referral)" in english
    assert "Nothing recorded for: Cohorts, Shared notes." in english


def test_a_long_file_never_ends_on_a_page_of_empty_sections(db):
    make_site(db)
    p = make_participant(db, events=58)
    db.execute("UPDATE note SET deleted_at = '2026-01-01T00:00:00.000Z'")
    texts = pages_text(pdf_bytes(printing.participant_pdf, db, p["uuid"]))
    assert len(texts) >= 2
    assert f"Rien d'enregistré pour{NNBSP}: Notes partagées." in texts[0]
    assert "Étape n° 58" in texts[-1]  # the last page holds the end of a real section


def test_batch_with_processes_on_an_encrypted_database(tmp_path):
    """Worker processes (spawned: nothing inherited) get the passphrase with the work."""
    from citesdesk.core import cipher
    from citesdesk.core.db import open_database

    db = open_database(tmp_path / "chiffree.sqlite", create=True, key="phrase des fiches 2026")
    try:
        uuids = _many(db, 26)
        one = printing.print_batch(db, uuids, tmp_path / "lot.pdf", workers=2)
        texts = pages_text((tmp_path / "lot.pdf").read_bytes())
        assert one.count == 26 and sum("page 1 / " in t for t in texts) == 26
    finally:
        db.close()
        cipher._keys.clear()
