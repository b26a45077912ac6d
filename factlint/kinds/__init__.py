"""Rule kinds: the handlers behind a rule's `extends:`. One module per kind; each is registered
through the `factlint_rule_kinds` hook (see factlint.builtin), as a third-party kind would be."""
