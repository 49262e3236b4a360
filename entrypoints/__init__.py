"""Driving adapters: the HTTP API and the CLI, and the composition root that wires them."""
