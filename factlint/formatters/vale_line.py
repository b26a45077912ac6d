"""`vale --output=line --sort --normalize --relative`: `path:line:col:Style.Rule:message`, one
alert per line, files in path order, alerts by line then column; nothing else (no summary)."""


def format(report, stream):
    for f in report.findings:
        path = f.path.replace("\\", "/")
        stream.write(f"{path}:{f.line}:{f.column}:{f.rule}:{f.message}\n")
