"""The settings show the QPV list in force; the site's QPVs may be given by name."""

from __future__ import annotations

from citesdesk.services import site
from tests.gui.waiting import tasks_finished


def test_settings_show_the_list_in_force_and_take_names(app_ctx, qtbot, db):
    from citesdesk.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(app_ctx)
    qtbot.addWidget(dialog)
    assert dialog.qpv_list.text() == ("Liste officielle des QPV 2024 (ANCT), du 01/01/2025 : "
                                      "1\u202f584 quartiers")
    dialog.site_name.setText("Cité de l'emploi de Saint-Denis")
    dialog.site_code.setText("CDE-93-066")
    dialog.departement.setText("93")
    dialog.qpvs.setPlainText("Franc Moisin - Cosmonautes - Cristino Garcia - Landy\nqn09337m")
    with tasks_finished(qtbot, app_ctx.runner):
        dialog.save()
    assert site.get_site(db)["qpv_codes"] == "QN09328M|QN09337M"
