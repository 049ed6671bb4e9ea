"""Default MASH configuration (domain.md §5; editable by an administrator afterwards).

Clocks follow the published Oxfordshire/Surrey MASH examples: red 4 working hours,
amber 1 working day, green 3 working days.
"""

# (rag, mode, amount)
DEFAULT_CLOCK_RULES: list[tuple[str, str, int]] = [
    ("red", "working_hours", 4),
    ("amber", "working_days", 1),
    ("green", "working_days", 3),
]

# (code, label)
DEFAULT_RISK_INDICATORS: list[tuple[str, str]] = [
    ("domestic-abuse", "Domestic abuse"),
    ("substance-misuse", "Substance misuse"),
    ("mental-health", "Mental health"),
    ("criminal-history", "Criminal history"),
    ("previous-concerns", "Previous concerns"),
    ("other", "Other"),
]
