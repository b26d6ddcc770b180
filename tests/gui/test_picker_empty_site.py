"""The participant picker on a site with nobody yet: no « Aucun participant ne correspond
à «  » » under an empty search field (the form above already says what to do first); a
search that finds nobody still says so."""

from __future__ import annotations


def test_no_match_message_for_an_empty_search(app_ctx, qtbot):
    from citesdesk.gui.referral_dialogs import NewReferralDialog

    new = NewReferralDialog(app_ctx)
    qtbot.addWidget(new)
    new.show()
    picker = new.participant
    with qtbot.waitSignal(picker.ready, timeout=30000):
        picker.search_now()
    assert picker.texts() == [] and picker.hint.isHidden()
    with qtbot.waitSignal(picker.ready, timeout=30000):
        picker.edit.setText("zzz")
    assert not picker.hint.isHidden()
    assert picker.hint.text() == "Aucun participant ne correspond à « zzz »."
