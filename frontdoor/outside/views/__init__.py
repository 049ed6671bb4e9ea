"""The ROTH team's pages, one module per concept."""
