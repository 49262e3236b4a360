"""RealWorld routes, one module per resource of the specification."""
