"""The one toolkit of the window's forms (``from citesdesk.gui.forms import …``).

- :mod:`.formats`: numbers, percentages, months and quarters as the language writes
  them, and date fields in the same form as :func:`citesdesk.core.text.date_text` (dates
  and moments, re-exported here);
- :mod:`.messages`: the messages under fields (one red, room kept) and the « * » of a
  required field;
- :mod:`.widgets`: combos, sizes, and :class:`SeamDialog`.
"""

from citesdesk.core.text import date_text, datetime_text  # the rule's one home
from citesdesk.gui.forms.formats import (
    DATE_EDIT_FORMAT,
    count_text,
    date_edit,
    iso,
    lang_of,
    month_year_text,
    number_text,
    numbers,
    percent_text,
    quarter_text,
    set_date,
    singular,
    size_text,
)
from citesdesk.gui.forms.messages import (
    ErrorForm,
    FieldErrors,
    MessageSlot,
    keep_room,
    message_label,
    required,
    set_severity,
    show_error,
)
from citesdesk.gui.forms.widgets import (
    SeamDialog,
    SearchCombo,
    code_combo,
    fit_popup,
    name_the_record,
    resize_within_screen,
    set_combo_data,
)

__all__ = [
    "DATE_EDIT_FORMAT", "ErrorForm", "FieldErrors", "MessageSlot", "SeamDialog",
    "SearchCombo", "code_combo", "date_edit", "date_text", "datetime_text", "fit_popup",
    "iso", "keep_room", "lang_of", "message_label", "month_year_text", "name_the_record",
    "number_text", "numbers", "percent_text", "quarter_text", "required", "resize_within_screen",
    "set_severity",
    "set_combo_data", "set_date", "show_error", "count_text", "singular", "size_text",
]
