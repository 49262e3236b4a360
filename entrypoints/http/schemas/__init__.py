"""Pydantic request and response schemas. Limits come from the domain's ClassVars."""
