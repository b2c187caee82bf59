"""Retrieval-augmented answers."""
