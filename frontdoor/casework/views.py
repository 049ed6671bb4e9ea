"""Casework pages: assessments with the Signs of Safety map, plans, conferences, caseloads."""
