"""Onboarding plans: a new partner's steps to a first win, from the programme's rules, and where they stand."""
