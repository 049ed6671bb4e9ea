from frontdoor.quality.agreement import agreement

OUT, G, R, INAD = "outstanding", "good", "requires_improvement", "inadequate"


def test_cohens_kappa_on_a_hand_worked_example():
    # 10 pairs. Auditor A: good 6, requires improvement 4. Moderator B: good 5, RI 5.
    # Agreed: 4 good + 3 RI = 7, so p_o = 0.7.
    # Chance: good 0.6 x 0.5 = 0.30, RI 0.4 x 0.5 = 0.20, so p_e = 0.5.
    # kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    pairs = [(G, G)] * 4 + [(G, R)] * 2 + [(R, R)] * 3 + [(R, G)]
    result = agreement(pairs)
    assert (result.pairs, result.agreed, result.rate, result.kappa) == (10, 7, 70.0, 0.4)


def test_kappa_is_none_without_pairs_and_one_when_everyone_gives_one_grade():
    assert agreement([]).kappa is None and agreement([]).rate is None
    assert agreement([(G, G), (G, G)]).kappa == 1.0


def test_kappa_below_zero_when_auditors_agree_less_than_chance():
    assert agreement([(OUT, INAD), (INAD, OUT)]).kappa == -1.0
