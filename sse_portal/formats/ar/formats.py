# Number formats as written in Moroccan administrative Arabic: 1 250 000,50 (Django's "ar" has no grouping).
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\u00a0"
NUMBER_GROUPING = 3
