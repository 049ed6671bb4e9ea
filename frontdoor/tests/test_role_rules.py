"""Meta-test: who may do what is decided in one place (accounts/access.py, ADR 0005).

Every other module asks a named predicate (`can_authorise_decisions(user)`, …) or a route
policy; none compares a user's role itself. A role compared elsewhere is a rule copied, and
copies drift (issue "Reshape before growing": who may authorise was decided in four places).
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
THE_ONE_PLACE = PACKAGE / "accounts" / "access.py"


def _is_role(node: ast.AST) -> bool:
    """`x.role`, or `getattr(x, "role", …)`."""
    if isinstance(node, ast.Attribute):
        return node.attr == "role"
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "getattr"
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
        and node.args[1].value == "role"
    )


def _is_another_models_role(node: ast.AST) -> bool:
    """A member of a model's own nested `Role` choices (`ContactSubject.Role.CHILD`,
    `self.Role.CHILD`): the role a subject plays in a contact, not a user's role."""
    chain = []
    while isinstance(node, ast.Attribute):
        chain.append(node.attr)
        node = node.value
    chain.reverse()
    return len(chain) >= 2 and chain[-2] == "Role" and isinstance(node, ast.Name)


def _is_query(call: ast.Call) -> bool:
    """`….filter(…)`, `….exclude(…)`, `….get(…)` or `Q(…)`: a lookup, not a constructor."""
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr in ("filter", "exclude", "get")
    return isinstance(func, ast.Name) and func.id == "Q"


def role_comparisons(source: str) -> list[int]:
    """Line numbers of every comparison of a user's role, or filter on it, in `source`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_is_role(side) for side in sides) and not any(
                _is_another_models_role(side) for side in sides
            ):
                found.append(node.lineno)
        elif isinstance(node, ast.Call) and _is_query(node):
            for keyword in node.keywords:
                if keyword.arg in ("role", "role__in") and not _is_another_models_role(
                    keyword.value
                ):
                    found.append(node.lineno)
    return found


def _product_modules() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if "tests" not in path.parts and "migrations" not in path.parts and path != THE_ONE_PLACE
    ]


def test_no_module_but_accounts_access_compares_a_users_role():
    offences = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in _product_modules()
        for line in role_comparisons(path.read_text())
    ]
    assert offences == []


def test_the_check_finds_each_way_of_comparing_a_role():
    snippets = [
        'if user.role == "team_manager": pass',
        "if request.user.role in DECIDERS: pass",
        "ok = worker.role not in CASE_HOLDERS",
        'ok = getattr(user, "role", None) != "team_manager"',
        "User.objects.filter(role__in=MANAGERS)",
        "User.objects.filter(team=t, role=Role.TEAM_MANAGER)",
        'hidden = Q(role="mash_partner")',
        "ok = Role.ANALYST == user.role",
    ]
    assert [bool(role_comparisons(snippet)) for snippet in snippets] == [True] * len(snippets)


def test_a_subjects_role_in_a_contact_is_not_a_users_role():
    snippets = [
        "ok = subject.role == ContactSubject.Role.CHILD",
        "ok = self.role == self.Role.CHILD",
        "rows = ContactSubject.objects.filter(role=ContactSubject.Role.CHILD)",
        'subject = SubjectInput(role="child", given_name="Amelia")',
    ]
    assert [role_comparisons(snippet) for snippet in snippets] == [[], [], [], []]
