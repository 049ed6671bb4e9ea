"""Default partner agencies (editable by an administrator)."""

DEFAULT_AGENCIES = [
    ("police", "Police"),
    ("health", "Health"),
    ("education", "Education"),
    ("domestic-abuse", "Domestic abuse service"),
    ("probation", "Probation"),
    ("housing", "Housing"),
    ("youth-justice", "Youth justice"),
    ("camhs", "CAMHS"),
    ("adult-services", "Adult services"),
]
