"""Vale rule kinds factlint does not run yet (`metric`, `sequence`, `spelling`, `readability`,
`script`). Loading such a rule prints one line naming its file (factlint.vale.styles); the rule
then finds nothing, so a run never stops on it."""

from factlint.kinds.vale.base import ValeKind


class Unsupported(ValeKind):
    name = "vale.unsupported"
    unsupported = True

    def check_block(self, block, state):
        return ()


class Metric(Unsupported):
    name = "vale.metric"


class Sequence(Unsupported):
    name = "vale.sequence"


class Spelling(Unsupported):
    name = "vale.spelling"


class Readability(Unsupported):
    name = "vale.readability"


class Script(Unsupported):
    name = "vale.script"


# Module-level classes (not made on the fly): compiled rules are pickled into the rules cache.
KINDS = (Metric, Sequence, Spelling, Readability, Script)
