"""The council's starting audit kinds and themes (003_…txt "Quality Assurance"; editable)."""

# The questions the issue and the Ofsted letter name: threshold, partners' views (the
# letter: "fail to seek out the views of those other than the children's parents"), the
# child's voice, history, timeliness and management oversight.
DECISION_QUESTIONS: list[str] = [
    "Was the threshold applied correctly?",
    "Were partners' views sought (not only the parents')?",
    "Was the child's voice recorded?",
    "Was the child's history considered?",
    "Was the decision timely?",
    "Was management oversight evident?",
]

# (slug, name, multi-agency, questions)
DEFAULT_KINDS: list[tuple[str, str, bool, list[str]]] = [
    ("front-door-decision", "Front-door decision audit", False, DECISION_QUESTIONS),
    (
        "mash-multi-agency",
        "Multi-agency MASH audit",
        True,
        [*DECISION_QUESTIONS, "Was information shared by every agency that held it?"],
    ),
    ("dip", "Dip audit on a theme", False, DECISION_QUESTIONS),
]

DEFAULT_THEMES: list[str] = [
    "Partners' views not sought",
    "Child's voice missing",
    "History not considered",
    "Threshold misapplied",
    "Management oversight not evident",
    "Delay in decision",
]
