# The Mini App's date fields (js/datefield.js): the event form's dates, a repetition's last
# day, a day off; and the month a day is picked from.

# A date field holding something that is not a date. $field: its name ("Start date");
# $example: a date as the field writes it ("Nov 24, 2026").
date-field-invalid = { $field }: write a date, such as { $example }.
date-field-open = Choose a date
date-field-previous-month = Previous month
date-field-next-month = Next month
