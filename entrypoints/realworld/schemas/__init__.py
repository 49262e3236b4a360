"""RealWorld's JSON envelopes: requests in, responses out."""
