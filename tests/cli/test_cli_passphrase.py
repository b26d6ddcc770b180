"""The passphrase on the command line: from the environment or a terminal, never argv."""

import os
import subprocess
import sys

import pytest

from citesdesk.cli import main
from citesdesk.core import cipher

KEY = "la mer est calme ce matin"


@pytest.fixture(autouse=True)
def _forget():
    yield
    cipher._keys.clear()


def run(capsys, *argv):
    cipher._keys.clear()  # each command is a new process
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_encrypted_then_every_command_needs_the_passphrase(tmp_path, capsys, monkeypatch):
    db = tmp_path / "site.sqlite"
    monkeypatch.setenv("CITESDESK_PASSPHRASE", KEY)
    code, out, err = run(capsys, "init", "--db", str(db), "--site-code", "C93001",
                         "--site-name", "Cité Quintessence", "--coordinator", "Zoé Bérard",
                         "--encrypt")
    assert code == 0, err
    assert b"Quintessence" not in db.read_bytes() and b"SQLite format 3" not in db.read_bytes()
    code, out, err = run(capsys, "info", "--db", str(db))
    assert code == 0 and "Cité Quintessence" in out
    monkeypatch.delenv("CITESDESK_PASSPHRASE")
    code, out, err = run(capsys, "info", "--db", str(db))  # no terminal under pytest
    assert code == 1 and "CITESDESK_PASSPHRASE" in err and "est chiffrée" in err
    monkeypatch.setenv("CITESDESK_PASSPHRASE", "une phrase qui est fausse")
    code, out, err = run(capsys, "info", "--db", str(db))
    assert code == 1 and "ne permet pas d'ouvrir" in err and "Traceback" not in err


def test_init_refuses_a_short_passphrase_and_creates_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CITESDESK_PASSPHRASE", "court")
    code, _, err = run(capsys, "init", "--db", str(tmp_path / "s.sqlite"), "--site-code",
                       "C93001", "--site-name", "Cité", "--encrypt")
    assert code == 1 and "12 caractères" in err
    assert list(tmp_path.iterdir()) == []


def test_passphrase_command_encrypts_changes_and_removes(tmp_path, capsys, monkeypatch):
    db = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(db), "--participants", "20"]) == 0
    monkeypatch.setenv("CITESDESK_NEW_PASSPHRASE", KEY)
    code, out, err = run(capsys, "passphrase", "--db", str(db))
    assert code == 0 and "maintenant chiffrée" in out, err
    assert b"CREATE TABLE" not in db.read_bytes()
    monkeypatch.setenv("CITESDESK_PASSPHRASE", KEY)
    monkeypatch.setenv("CITESDESK_NEW_PASSPHRASE", "une autre phrase longue")
    code, out, err = run(capsys, "passphrase", "--db", str(db))
    assert code == 0 and "changée" in out
    code, _, err = run(capsys, "info", "--db", str(db))
    assert code == 1 and "ne permet pas d'ouvrir" in err  # the old one no longer opens it
    monkeypatch.setenv("CITESDESK_PASSPHRASE", "une autre phrase longue")
    code, out, err = run(capsys, "passphrase", "--db", str(db), "--remove")
    assert code == 0 and "n'est plus chiffrée" in out
    assert db.read_bytes()[:16] == b"SQLite format 3\x00"
    monkeypatch.delenv("CITESDESK_PASSPHRASE")
    code, out, _ = run(capsys, "info", "--db", str(db))
    assert code == 0 and "Participants : 20" in out


def test_backup_and_restore_of_an_encrypted_database(tmp_path, capsys, monkeypatch):
    db, copy = tmp_path / "site.sqlite", tmp_path / "copie.sqlite"
    monkeypatch.setenv("CITESDESK_PASSPHRASE", KEY)
    assert run(capsys, "init", "--db", str(db), "--site-code", "C93001",
               "--site-name", "Cité Quintessence", "--encrypt")[0] == 0
    code, out, err = run(capsys, "backup", "--db", str(db), "--out", str(copy))
    assert code == 0, err
    assert b"Quintessence" not in copy.read_bytes()
    assert copy.stat().st_mode & 0o077 == 0
    code, out, err = run(capsys, "restore", str(copy), "--db", str(tmp_path / "neuve.sqlite"))
    assert code == 0, err
    code, out, err = run(capsys, "info", "--db", str(tmp_path / "neuve.sqlite"))
    assert code == 0 and "Cité Quintessence" in out


def test_the_prompt_on_a_terminal(tmp_path):
    """A real terminal (pty): the passphrase is typed, not echoed, not in argv."""
    import pty

    db = tmp_path / "site.sqlite"
    env = {**os.environ, "CITESDESK_PASSPHRASE": KEY, "PYTHONPATH": os.getcwd()}
    subprocess.run([sys.executable, "-m", "citesdesk", "init", "--db", str(db), "--site-code",
                    "C93001", "--site-name", "Cité Pty", "--encrypt"], env=env, check=True)
    del env["CITESDESK_PASSPHRASE"]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command on a terminal
        os.execve(sys.executable, [sys.executable, "-m", "citesdesk", "info", "--db", str(db)],
                  env)
    seen = b""
    while b"Phrase secr" not in seen:
        seen += os.read(fd, 1024)
    os.write(fd, KEY.encode() + b"\n")
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert "Cité Pty".encode() in out and KEY.encode() not in out


def test_restore_a_backup_made_under_the_previous_passphrase(tmp_path, capsys, monkeypatch):
    db, copy = tmp_path / "site.sqlite", tmp_path / "avant.sqlite"
    monkeypatch.setenv("CITESDESK_PASSPHRASE", KEY)
    assert run(capsys, "init", "--db", str(db), "--site-code", "C93001",
               "--site-name", "Cité Ancienne", "--encrypt")[0] == 0
    assert run(capsys, "backup", "--db", str(db), "--out", str(copy))[0] == 0
    monkeypatch.setenv("CITESDESK_NEW_PASSPHRASE", "la nouvelle phrase du site")
    assert run(capsys, "passphrase", "--db", str(db))[0] == 0
    monkeypatch.setenv("CITESDESK_PASSPHRASE", "la nouvelle phrase du site")
    code, _, err = run(capsys, "restore", str(copy), "--db", str(db))
    assert code == 1 and "ne permet pas d'ouvrir « avant.sqlite »" in err
    monkeypatch.setenv("CITESDESK_BACKUP_PASSPHRASE", KEY)
    code, out, err = run(capsys, "restore", str(copy), "--db", str(db))
    assert code == 0 and "L'ancienne base est gardée" in out, err
    # the restored database is the backup, under the passphrase it was made with
    monkeypatch.setenv("CITESDESK_PASSPHRASE", KEY)
    code, out, _ = run(capsys, "info", "--db", str(db))
    assert code == 0 and "Cité Ancienne" in out
