"""Checks: small functions that return findings. They never raise and never print."""
