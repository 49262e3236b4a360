"""HTTP routes: a request schema in, a use case called, a response schema out."""
