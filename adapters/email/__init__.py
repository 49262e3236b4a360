"""Adapters of the EmailSender and EmailTemplates ports."""
