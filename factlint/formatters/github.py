"""GitHub Actions workflow commands (`::error file=…,line=…::message`), which GitHub shows as
annotations on the changed lines of a pull request.

GitHub shows only the first 10 errors and 10 warnings of a step, so the full text report follows
the commands: the log always has every finding.
"""

from factlint.formatters import text

COMMAND = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(value):
    return str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value):
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(f, report):
    props = {}
    if f.path != "<stdin>":
        props["file"] = report.repo_path(f.path) or f.path
    message = f.message
    if f.record is not None:  # positions are inside the record, not the JSONL file
        message = f"[record {f.record}, line {f.line}, column {f.column}] {message}"
    elif f.line == f.end_line:
        props.update(line=f.line, col=f.column, endLine=f.end_line, endColumn=f.end_column)
    else:  # GitHub accepts columns only for a range on one line
        props.update(line=f.line, endLine=f.end_line)
    props["title"] = f.rule
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    return f"::{COMMAND.get(f.severity, 'warning')} {joined}::{escape_data(message)}"


def format(report, stream):
    # Deferred for start-up: only this format needs a token.
    import secrets

    for f in report.findings:
        stream.write(command(f, report) + "\n")
    # The text report is data, not commands: GitHub ignores workflow commands between
    # ::stop-commands::TOKEN and ::TOKEN:: (a file named "::error ...::x.md" forges nothing).
    token = secrets.token_hex(16)
    stream.write(f"::stop-commands::{token}\n")
    text.format(report, stream)
    stream.write(f"::{token}::\n")
