"""Partner recruitment: an ideal partner profile learned from the current partners' results, and the
candidates of partner_candidates.csv ranked against it and against our coverage gaps (CLI.md `recruit`)."""
