"""Every refusal of a team file: one sentence, nothing merged."""

from __future__ import annotations

import io
import zipfile

import pyrage
import pytest

from citesdesk.core import schema
from citesdesk.core.db import open_database
from citesdesk.services import records, team
from citesdesk.services.bundle.minisign import SecretKey
from citesdesk.services.team import fileformat, keys
from tests.services.team.helpers import canonical, make_site, make_team, new_file


@pytest.fixture
def pair(tmp_path):
    a, b = make_team(tmp_path, 2)
    p = records.find(a, "participant")[0]
    records.update(a, "participant", p["uuid"], {"commune": "Bron"})
    yield a, b
    a.close()
    b.close()


def _refused(db, path, code, **kw):
    before = canonical(db)
    with pytest.raises(team.TeamRefused) as exc:
        team.merge(db, path, **kw)
    assert exc.value.code == code
    assert canonical(db) == before  # nothing merged
    assert exc.value.message_fr.count(".") >= 1 and "\n" not in exc.value.message_fr
    return exc.value


def _repack(db_from, path, out, *, manifest=None, changes=None, sign_with=None):
    """The file at ``path`` rebuilt with other contents, encrypted to the team again."""
    opened = fileformat.open_file(path, keys.age_identity(db_from))
    m = dict(opened.manifest if manifest is None else manifest)
    body = opened.changes if changes is None else changes
    m.pop("changes_sha256", None)
    key = sign_with or keys.signing_key(db_from)
    fileformat.write(out, m, body, key, keys.team_recipients(db_from))
    return out


def test_other_site_is_refused(tmp_path, pair):
    a, _b = pair
    other = make_site(tmp_path / "autre.sqlite", code="CE-013-02")
    path, _ = keys.write_public_key(other, tmp_path / "autre.citesequipe-cle")
    with pytest.raises(Exception) as exc:
        keys.add_member(a, keys.read_public_key(path))
    assert "site CE-013-02" in str(exc.value.message_fr)
    # even when its key was accepted, its files are refused
    a.execute("INSERT INTO team_member(key_id, name, node, age_recipient, minisign_key, "
              "fingerprint, added_at) VALUES (?, 'Marseille', NULL, ?, ?, '', '')",
              [keys.signing_key(other).public.key_id_hex,
               str(keys.age_identity(other).to_public()),
               keys.signing_key(other).public.to_text()])
    other.execute("INSERT INTO team_member(key_id, name, age_recipient, minisign_key, "
                  "fingerprint, added_at) VALUES (?, 'Vaulx', ?, ?, '', '')",
                  [keys.signing_key(a).public.key_id_hex, str(keys.age_identity(a).to_public()),
                   keys.signing_key(a).public.to_text()])
    f = team.export(other, new_file(tmp_path)).path
    err = _refused(a, f, "other_site")
    assert "vient du site CE-013-02, pas de ce site-ci (CE-069-01)" in err.message_fr
    other.close()


def test_unknown_signing_key_is_refused(tmp_path, pair):
    a, b = pair
    f = team.export(a, new_file(tmp_path)).path
    b.execute("DELETE FROM team_member")
    err = _refused(b, f, "unknown_key")
    assert "signé par un poste inconnu" in err.message_fr


def test_changed_signing_key_is_refused(tmp_path, pair):
    a, b = pair
    team.merge(b, team.export(a, new_file(tmp_path)).path)  # b learns a's node
    f = _repack(a, team.export(a, new_file(tmp_path)).path, new_file(tmp_path),
                sign_with=SecretKey.generate())
    err = _refused(b, f, "changed_key")
    assert "signe désormais avec une autre clé" in err.message_fr


def test_altered_changes_are_refused(tmp_path, pair):
    a, b = pair
    f = team.export(a, new_file(tmp_path)).path
    opened = fileformat.open_file(f, keys.age_identity(a))
    tampered = opened.changes.replace(b"Bron", b"Lyon")
    assert tampered != opened.changes
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(fileformat.MANIFEST, opened.manifest_raw)
        zf.writestr(fileformat.CHANGES, tampered)
        zf.writestr(fileformat.SIGNATURE, opened.signature)
    out = new_file(tmp_path)
    out.write_bytes(pyrage.encrypt(buffer.getvalue(), [pyrage.x25519.Recipient.from_str(r)
                                                        for r in keys.team_recipients(a)]))
    err = _refused(b, out, "altered")
    assert "modifié depuis sa signature" in err.message_fr
    # a flipped byte of the encrypted file: refused too (age's authentication)
    data = bytearray(f.read_bytes())
    data[-20] ^= 1
    flipped = new_file(tmp_path)
    flipped.write_bytes(bytes(data))
    _refused(b, flipped, "not_for_me")


def test_newer_schema_is_refused(tmp_path, pair):
    a, b = pair
    f = team.export(a, new_file(tmp_path)).path
    manifest = {**fileformat.open_file(f, keys.age_identity(a)).manifest,
                "schema_version": schema.SCHEMA_VERSION + 1}
    err = _refused(b, _repack(a, f, new_file(tmp_path), manifest=manifest), "newer_schema")
    assert f"schéma {schema.SCHEMA_VERSION + 1}" in err.message_fr
    assert "installez la dernière version" in err.message_fr


def test_not_a_team_file_is_refused(tmp_path, pair):
    _a, b = pair
    text = tmp_path / "notes.citesequipe"
    text.write_text("bonjour", "utf-8")
    err = _refused(b, text, "not_team_file")
    assert err.message_fr == ("« notes.citesequipe » : Ce n'est pas un fichier d'équipe "
                              "CitésDesk (.citesequipe).")
    # an age file holding something else than the three members
    other = tmp_path / "autre.citesequipe"
    other.write_bytes(pyrage.encrypt(b"PK not a zip", [keys.age_identity(b).to_public()]))
    _refused(b, other, "not_team_file")


def test_file_for_another_team_is_refused(tmp_path, pair):
    a, b = pair
    f = team.export(a, new_file(tmp_path)).path
    stranger = make_site(tmp_path / "x.sqlite")
    _refused(stranger, f, "not_for_me")
    stranger.close()


def test_own_file_is_refused(tmp_path, pair):
    a, _b = pair
    _refused(a, team.export(a, new_file(tmp_path)).path, "own_file")


def test_refused_file_among_others_leaves_the_others_merged(tmp_path, pair, capsys):
    from citesdesk.cli import main

    a, b = pair
    good = team.export(a, new_file(tmp_path)).path
    bad = tmp_path / "x.citesequipe"
    bad.write_text("?", "utf-8")
    path = str(b.path)
    b.close()
    code = main(["team", "merge", "--db", path, str(bad), str(good)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "« x.citesequipe » : Ce n'est pas un fichier d'équipe" in err
    assert "1 modifié(s)" in out
    again = open_database(path)
    assert [p["commune"] for p in records.find(again, "participant")].count("Bron") == 1
    again.close()


def test_cli_lists_conflicts_and_keeps_a_value(tmp_path, pair, capsys):
    from citesdesk.cli import main

    a, b = pair  # a changed the commune to « Bron »
    p = records.find(a, "participant")[0]
    records.update(b, "participant", p["uuid"], {"commune": "Vénissieux"})
    team.merge(b, team.export(a, new_file(tmp_path)).path)
    path = str(b.path)
    b.close()
    assert main(["team", "conflicts", "--db", path]) == 0
    out = capsys.readouterr().out
    assert "Martin Léa — Commune (en attente)" in out
    assert "a : 'Bron' par Nadia Ferhat le " in out
    assert "b : 'Vénissieux' par Collègue 1 le " in out and "(appliquée)" in out
    key = out.split("]")[0].lstrip("[")
    assert main(["team", "conflicts", "--db", path, "--keep", f"{key}:a"]) == 0
    assert "Valeur gardée pour « Commune » : Bron" in capsys.readouterr().out
    assert main(["team", "conflicts", "--db", path]) == 0
    assert "Aucun conflit en attente." in capsys.readouterr().out
    assert main(["team", "conflicts", "--db", path, "--all"]) == 0
    assert "Martin Léa — Commune (réglé : 'Bron' gardée)" in capsys.readouterr().out
    again = open_database(path)
    assert records.get(again, "participant", p["uuid"])["commune"] == "Bron"
    again.close()
