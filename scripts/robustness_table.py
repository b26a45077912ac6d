"""Run every hostile case of issue 12 through the CLI and print the table of docs/robustness.md.

    python scripts/robustness_table.py [CASE-PREFIX ...] > table.md

Each case runs in a fresh temporary folder (bash, with the venv's `factlint` on PATH and a cache
folder of its own): its setup, then its command; the row shows the command, factlint's exit
code, the first line on stderr (or, with nothing on stderr, the last line on stdout), what the
case's check printed, and the wall time. Some cases need root (a tmpfs for the full disk, setpriv
to drop the capabilities that let root read any folder).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_07ded2b3cf7a995f.txt"
BIN = Path(sys.executable).parent
T = "tests/test_hard_inputs.py::"
FIX = "Both Armenians and Asherites have suffered."
PY = "python3 -c"
LAUGHS = (
    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\\n"
    + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\\n" for p, c in zip("abcdefgh", "bcdefghi"))
).replace("'", "")
PLUGIN = (ROOT / "tests" / "test_hostile_plugins.py").read_text(encoding="utf-8").split("'''")[1]
DEEP = r"""import json
lines = [json.dumps({"id": "good1", "text": "%s"}), "[" * 100_000]
lines += ['{"id": "odd\\ud800", "text": "a\\ud800 Asherites b"}', json.dumps({"id": "good2", "text": "%s"})]
open("deep.jsonl", "w").write("\n".join(lines) + "\n")""".replace("%s", FIX)
NODROP = "setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-dac_override,-dac_read_search"


def plugin_setup(source_var: str = "FRAGILE") -> str:
    return (
        "mkdir -p site/Fragile site/p-1.0.dist-info && cat > site/p.py <<'EOF'\n"
        + PLUGIN
        + "\nEOF\n"
        + "printf 'extends: fragile\\nmessage: x\\nlevel: warning\\n' > site/Fragile/Rule.yml\n"
        + "printf 'Metadata-Version: 2.1\\nName: p\\nVersion: 1.0\\n' > site/p-1.0.dist-info/METADATA\n"
        + "printf '[factlint]\\np = p\\n' > site/p-1.0.dist-info/entry_points.txt\n"
        + 'mkdir docs && for i in $(seq -w 0 59); do echo "Text. '
        + FIX
        + '" > docs/$i.txt; done\n'
    )


# (id, case, setup, command, check (its stdout goes in the row), bound, test)
# fmt: off
CASES = [
    # -- the numbered failures of the issue --------------------------------------------------------
    ("1a", "1,200 / 2,000 backticks in a line", f"{PY} \"print('\\`'*2000+' x')\" > ticks.md",
     "factlint check ticks.md", "", "linear (32 MB max)", T + "test_pathological_documents_finish_in_bounded_time[backticks]"),
    ("1b", "50,000 spaces before a word", f"{PY} \"print(' '*50000+'word')\" > spaces.md",
     "factlint check spaces.md", "", "linear", T + "test_pathological_documents_finish_in_bounded_time[spaces]"),
    ("1c", "3,000-level indented list", f"{PY} \"print(''.join('  '*i+'- x\\n' for i in range(3000)), end='')\" > list.md",
     "factlint check list.md", "", "linear", T + "test_pathological_documents_finish_in_bounded_time[nested list]"),
    ("1d", "20,000-cell table row", f"{PY} \"print('|a|\\n|-|\\n'+'|x'*20000+'|')\" > table.md",
     "factlint check table.md", "", "linear", T + "test_pathological_documents_finish_in_bounded_time[table row]"),
    ("1e", "20,000 unclosed `<!--`", f"{PY} \"print('<!--'*20000)\" > comments.md",
     "factlint check comments.md", "", "linear", T + "test_pathological_documents_finish_in_bounded_time[unclosed comments]"),
    ("1f", "40,000 letters then \" b\" (.txt)", f"{PY} \"print('a'*40000+' b', end='')\" > letters.txt",
     "factlint check letters.txt", "", "linear", T + "test_pathological_documents_finish_in_bounded_time[long word]"),
    ("1g", "the seed repeated 4,000 times (10.7 MB)", f"{PY} \"import sys; sys.stdout.write(open('seed.txt').read()*4000)\" > seed4000.txt",
     "factlint check seed4000.txt > out.txt", "tail -1 out.txt", "linear", T + "test_pathological_documents_finish_in_bounded_time[seed x 400]"),
    ("1h", "user rule `(a+)+$`, a line of 100,000 `a` (or 28)",
     "mkdir User && printf \"extends: existence\\nmessage: x\\nlevel: warning\\ntokens: ['(a+)+\\$']\\n\" > User/Redos.yml && printf 'packs: [User]\\n' > .factlint.yaml && "
     f"{PY} \"print('a'*100000)\" > as.txt", "factlint check as.txt", "", "refused at load", T + "test_exponential_user_regex_is_refused_at_load"),
    ("1i", "user rule of another exponential shape, 60 `a`",
     "mkdir User && printf \"extends: existence\\nmessage: x\\nlevel: warning\\ntokens: ['(?:(?P<x>a+)(?P=x))+b']\\n\" > User/Slow.yml && printf 'packs: [User]\\n' > .factlint.yaml && "
     f"{PY} \"print('a'*60)\" > as.txt", "factlint check as.txt > out.txt", "head -1 out.txt", "2 s + 1 s/MB per pattern and document", T + "test_backtracking_user_regex_runs_out_of_time_as_a_finding"),
    ("2a", "alias bomb in `.factlint.yaml` `select:`", f"printf '{LAUGHS}select: *i\\n' > .factlint.yaml",
     "factlint check seed.txt", "", "1,000,000 values, 64 MB", T + "test_billion_laughs_refused_quickly[config]"),
    ("2b", "alias bomb in a rule's `exceptions:`",
     f"mkdir Bomb && printf 'extends: existence\\nmessage: x\\nlevel: warning\\ntokens: [x]\\n{LAUGHS}exceptions: *i\\n' > Bomb/Laughs.yml && printf 'packs: [Bomb]\\n' > .factlint.yaml",
     "factlint check seed.txt", "ls cache | grep -c pickle || true", "1,000,000 values, 64 MB", T + "test_billion_laughs_refused_quickly[rule]"),
    ("2c", "alias bomb in an article's front matter", f"printf -- '---\\n{LAUGHS}---\\nThe council met.\\n' > a.md",
     "factlint check a.md", "", "front matter skipped", T + "test_billion_laughs_refused_quickly[front matter]"),
    ("3", "`-o` equal to an input", f"echo '{FIX}' > a.txt", "factlint check a.txt -o a.txt", "cat a.txt", "refused before reading",
     T + "test_output_file_equal_to_an_input_is_refused"),
    ("4a", "a FIFO in a linted folder", "mkdir dir && mkfifo dir/fifo.md && cp seed.txt dir/", "factlint check dir", "",
     "never opened", T + "test_fifo_and_device_are_skipped_with_a_line"),
    ("4b", "a `.txt` symlink to /dev/zero", "mkdir dir && ln -s /dev/zero dir/zero.txt && cp seed.txt dir/", "factlint check dir", "",
     "never opened", T + "test_fifo_and_device_are_skipped_with_a_line"),
    ("5", "GitHub command injection by a file name",
     f"{PY} \"open(b'a\\n::error file=README.md,line=1::INJECTED\\n.txt','w').write('{FIX}')\"",
     "factlint check --format github a*INJECTED* > out.txt", "grep -c '^::error file=README' out.txt || true", "escaped, wrapped in stop-commands",
     T + "test_names_with_newlines_and_non_utf8_bytes"),
    ("6a", "a planted pickle in the compiled-rules cache",
     "factlint check seed.txt > /dev/null; " + PY + " \"import glob,os,pickle\nclass B:\n    def __reduce__(self): return (os.system, ('touch pwned',))\n"
     "for f in glob.glob('cache/rules-*.pickle'): open(f,'wb').write(pickle.dumps(B()))\"",
     "factlint check seed.txt", "ls pwned 2>&1 | cut -c1-40", "HMAC-sealed; rebuilt", T + "test_planted_pickle_is_never_loaded"),
    ("6b", "a valid pickle of an empty rule set",
     "factlint check seed.txt > /dev/null; " + PY + " \"import glob,pickle\nfrom factlint.ruleset import RuleSet\n"
     "for f in glob.glob('cache/rules-*.pickle'): open(f,'wb').write(pickle.dumps(RuleSet([], None)))\"",
     "factlint check seed.txt", "", "HMAC-sealed; rebuilt", T + "test_planted_pickle_is_never_loaded"),
    ("7", "a record 100,000 `[` deep; a lone surrogate in an id and text",
     "cat > mk.py <<'EOF'\n" + DEEP + "\nEOF\npython3 mk.py",
     "factlint check --format sarif deep.jsonl > out.sarif", "python3 -m json.tool out.sarif > /dev/null && echo valid SARIF",
     "one record skipped", T + "test_bad_records_do_not_kill_the_corpus"),
    ("8", "a corrupt plugin-list cache; `factlint rules`",
     "factlint rules > /dev/null; for f in cache/plugins-*.txt; do printf 'junk\\n\\xff' > $f; done", "factlint rules > out.txt",
     "grep -c Names.Transcriptions out.txt", "rescanned", T + "test_corrupt_plugin_list_is_rescanned"),
    ("9a", "a non-UTF-8 file name with `-o`, 7 formats", PY + " \"open(b'caf\\xe9.txt','w').write('" + FIX + "')\"",
     "for f in text json sarif junit github json-lines html; do factlint check --format $f caf?.txt -o r.$f; echo -n \"$? \"; done",
     "python3 -m json.tool r.sarif > /dev/null && grep -o 'caf%E9.txt' r.sarif | head -1", "escaped", T + "test_names_with_newlines_and_non_utf8_bytes"),
    ("9b", "newlines and colons in a name, text output",
     PY + " \"open('x:1:1: error Fake.Rule y\\nz.txt','w').write('" + FIX + "')\"", "factlint check x* > out.txt", "head -1 out.txt",
     "escaped", T + "test_names_with_newlines_and_non_utf8_bytes"),
    ("10a", "a rule kind raising, unknown level, non-Finding, `--jobs 2`",
     plugin_setup() + "echo BOOM >> docs/10.txt; echo LEVEL >> docs/20.txt; echo WRONG >> docs/30.txt",
     "PYTHONPATH=site factlint check --jobs 2 docs > out.txt", "grep -c RuleFailed out.txt; tail -1 out.txt",
     "one finding per failure", "tests/test_hostile_plugins.py::test_a_failing_rule_under_jobs_2_is_named_and_the_rest_printed"),
    ("10b", "a `--jobs` worker that dies (os._exit in a rule)", plugin_setup() + "echo EXIT >> docs/40.txt",
     "PYTHONPATH=site factlint check --jobs 2 docs", "", "stopped at once", "tests/test_hostile_plugins.py::test_a_worker_that_dies_stops_the_run_with_one_line"),
    ("10c", "a plugin hook returning the wrong type",
     "mkdir -p site/w-1.0.dist-info && printf 'import pluggy\\n@pluggy.HookimplMarker(\"factlint\")\\ndef factlint_rule_kinds():\\n    return [1]\\n' > site/w.py && "
     "printf '[factlint]\\nw = w\\n' > site/w-1.0.dist-info/entry_points.txt && printf 'Metadata-Version: 2.1\\nName: w\\nVersion: 1\\n' > site/w-1.0.dist-info/METADATA",
     "PYTHONPATH=site factlint check seed.txt", "", "named", "tests/test_hostile_plugins.py::test_a_hook_returning_the_wrong_type_is_named"),
    ("10d", "a plugin hook raising; `factlint plugins`",
     "mkdir -p site/w-1.0.dist-info && printf 'import pluggy\\n@pluggy.HookimplMarker(\"factlint\")\\ndef factlint_formatters():\\n    raise ValueError(\"oops\")\\n' > site/w.py && "
     "printf '[factlint]\\nw = w\\n' > site/w-1.0.dist-info/entry_points.txt && printf 'Metadata-Version: 2.1\\nName: w\\nVersion: 1\\n' > site/w-1.0.dist-info/METADATA",
     "PYTHONPATH=site factlint check seed.txt", "PYTHONPATH=site factlint plugins > /dev/null; echo plugins: $?", "named",
     T + "test_a_plugin_hook_that_raises_is_named"),
    ("11a", "an unreadable folder on the command line (non-root)", "mkdir locked && cp seed.txt locked/ && chmod 0 locked",
     f"{NODROP} factlint check locked seed.txt > out.txt", "tail -1 out.txt", "named, the rest linted", T + "test_unreadable_folder_is_named_and_the_rest_linted"),
    ("11b", "an unreadable folder, walked (non-root)", "mkdir -p top/locked && cp seed.txt top/ && cp seed.txt top/locked/ && chmod 0 top/locked",
     f"{NODROP} factlint check top > out.txt", "tail -1 out.txt", "named, the rest linted", T + "test_unreadable_folder_is_named_and_the_rest_linted"),
] + [
    (f"12{k}", f"`{line}`", f"printf '# settings\\n{line}\\n' > .factlint.yaml", "factlint check seed.txt", "", "checked before linting",
     T + f"test_wrong_configuration_types[{line}-{msg}]")
    for k, line, msg in [
        ("a", "select: 5", "select must be a list of rule ids"),
        ("b", "levels: [a]", "levels must be a mapping of rule id to level"),
        ("c", "per-file-ignores: [a]", "per-file-ignores must be a mapping"),
        ("d", "exclude: 5", "exclude must be a list of file or folder patterns"),
        ("e", "extensions: 5", "extensions must be a list of file name extensions"),
        ("f", "packs: 5", "packs must be a list of folders"),
        ("g", 'builtin-packs: "no"', "builtin-packs must be true or false"),
        ("h", "levels: {No.SuchRule: error}", "levels: 'No.SuchRule' names no rule"),
    ]
] + [
    ("12i", "`extensions: md`", "printf 'extensions: md\\n' > .factlint.yaml && cp seed.txt a.md && cp seed.txt b.m", "factlint check . > out.txt",
     "tail -1 out.txt", "", T + "test_extensions_as_one_string"),
    ("13a", "`| head -1`", "", "factlint check seed.txt | head -1 > /dev/null; exit ${PIPESTATUS[0]}", "", "quiet",
     T + "test_broken_pipe_is_quiet"),
    ("13b", "`| head -1` with more output than the pipe holds", "mkdir many && for i in $(seq 60); do cp seed.txt many/$i.txt; done",
     "factlint check many | head -1 > /dev/null; exit ${PIPESTATUS[0]}", "", "quiet, 141", T + "test_broken_pipe_is_quiet"),
    ("13c", "`-o missing/dir/x`", "", "factlint check seed.txt -o missing/dir/x", "", "before linting", T + "test_output_folder_missing_fails_before_linting"),
    ("13d", "`> /dev/full`", "", "factlint check seed.txt > /dev/full", "", "", T + "test_full_disk_for_the_report"),
    ("13e", "stdout closed", "", "factlint check seed.txt >&-", "", "", T + "test_closed_stdout_and_stderr"),
    ("13f", "stdin closed", "", "factlint check - <&-", "", "", T + "test_closed_stdout_and_stderr"),
    ("13g", "stderr closed, JSON on stdout", "touch empty.txt", "factlint check --format json seed.txt empty.txt 2>&- > out.json",
     "python3 -m json.tool out.json > /dev/null && echo valid JSON", "", T + "test_closed_stdout_and_stderr"),
    ("14", "Ctrl-C, `--jobs 2`", PY + " \"import json; t=open('seed.txt').read(); print(''.join(json.dumps({'id': i, 'text': t})+'\\n' for i in range(3000)), end='')\" > c.jsonl",
     "set -m; factlint check --jobs 2 c.jsonl > /dev/null & sleep 6; kill -INT -$!; wait $!", "", "", T + "test_ctrl_c_exits_130_without_tracebacks[2]"),
    ("15a", "lone CR line ends", "printf 'Line one.\\rLine two has Asherites.\\r' > cr.txt", "factlint check cr.txt", "", "",
     T + "test_line_endings_and_utf16"),
    ("15b", "UTF-16 with BOM", PY + " \"open('u16.txt','wb').write(b'\\xff\\xfe'+'" + FIX + "\\n'.encode('utf-16-le'))\"", "factlint check u16.txt",
     "", "", T + "test_line_endings_and_utf16"),
    ("15c", "a NUL after 8 KiB", PY + " \"open('nul.txt','wb').write(b'Text. '*2000+b'\\0')\"", "factlint check nul.txt", "", "",
     T + "test_nul_after_8_kib_is_binary"),
    ("15d", "`--jobs 200` on 2 CPUs", "mkdir many && for i in $(seq 300); do cp seed.txt many/$i.txt; done",
     "factlint check --no-cache --jobs 200 many > /dev/null & for i in $(seq 16); do sleep 0.5; pgrep -c -P $!; done "
     "| sort -n | tail -1 | sed 's/^/most workers at once: /'; wait $!", "", "min(jobs, CPUs)",
     T + "test_jobs_200_starts_no_more_workers_than_cpus"),
    ("15e", "`link: javascript:` in SARIF `helpUri`",
     "mkdir Js && printf \"extends: existence\\nmessage: x\\nlevel: warning\\nlink: 'javascript:alert(1)'\\ntokens: [Asherites]\\n\" > Js/Js.yml && printf 'packs: [Js]\\n' > .factlint.yaml",
     "factlint check --format sarif seed.txt > out.sarif", "grep -c helpUri.*javascript out.sarif || true", "http(s) only", T + "test_every_format_escapes_hostile_text"),
    ("15f", "`- -`", "", "echo hi | factlint check - -", "", "", T + "test_stdin_named_twice"),
    ("15g", "`--fix` on a file with two hard links", f"echo '{FIX}' > a.txt && ln a.txt b.txt", "factlint check --fix a.txt",
     "cat b.txt", "refused", T + "test_fix_keeps_owner_and_symlink_and_refuses_hard_links"),
    ("15h", "`--fix` as root on a user's file", f"echo '{FIX}' > a.txt && chown 65534:65534 a.txt", "factlint check --fix a.txt",
     "stat -c %u:%g a.txt", "owner kept", T + "test_fix_keeps_owner_and_symlink_and_refuses_hard_links"),
    # -- "What to build" 3: hostile inputs --------------------------------------------------------------
    ("B3a", "a missing path", "", "factlint check nowhere.txt seed.txt > out.txt", "tail -1 out.txt", "", "tests/test_bad_input.py::test_missing_path"),
    ("B3b", "an unreadable file (non-root)", "cp seed.txt locked.txt && chmod 0 locked.txt", f"{NODROP} factlint check locked.txt seed.txt > out.txt",
     "tail -1 out.txt", "", T + "test_unreadable_folder_is_named_and_the_rest_linted"),
    ("B3c", "a device named", "", "factlint check /dev/zero", "", "never opened", T + "test_fifo_and_device_are_skipped_with_a_line"),
    ("B3d", "a symlink loop (file, folder)", "mkdir d && ln -s loop.txt d/loop.txt && ln -s .. d/up && cp seed.txt d/", "factlint check d > out.txt",
     "tail -1 out.txt", "", T + "test_symlink_loops_are_one_line_and_not_followed"),
    ("B3e", "invalid UTF-8 (a lone surrogate encoded)", PY + " \"open('s.txt','wb').write(b'a\\xed\\xa0\\x80 b')\"", "factlint check s.txt", "", "",
     "tests/test_bad_input.py::test_invalid_utf8"),
    ("B3f", "mixed line endings", "printf 'One.\\r\\nTwo.\\rThree has Asherites.\\n' > mixed.txt", "factlint check mixed.txt", "", "",
     T + "test_mixed_line_endings"),
    ("B3g", "10,000 nested block quotes", PY + " \"print('>'*10000+' x')\" > q.md", "factlint check q.md", "", "linear",
     T + "test_pathological_documents_finish_in_bounded_time[nested quotes]"),
    ("B3h", "an unclosed fence, 10,000 lines", PY + " \"print('\\`\\`\\`\\n'+'code\\n'*10000, end='')\" > f.md", "factlint check f.md", "", "linear",
     T + "test_pathological_documents_finish_in_bounded_time[unclosed fence]"),
    ("B3i", "a 50 MB single line", PY + " \"open('big.txt','w').write('a'*50_000_000)\"", "factlint check big.txt", "", "32 MB",
     T + "test_documents_over_32_mb_are_refused_with_one_line"),
    ("B3j", "a million short lines (.txt)", PY + " \"open('lines.txt','w').write('a.\\n'*1_000_000)\"", "factlint check lines.txt", "", "60 s CPU",
     T + "test_a_million_short_lines_in_linear_time_and_memory[a.txt]"),
    ("B3k", "a million short lines (.md)", PY + " \"open('lines.md','w').write('a.\\n'*1_000_000)\"", "factlint check lines.md", "", "60 s CPU",
     T + "test_a_million_short_lines_in_linear_time_and_memory[a.md]"),
    ("B3l", "truncated / fake `.jsonl.gz`", PY + " \"import gzip; d=gzip.compress(''.join('{\\\"id\\\": %d, \\\"text\\\": \\\"Text.\\\"}\\n' % i for i in range(9000)).encode()); "
     "open('cut.jsonl.gz','wb').write(d[:len(d)//2]); open('fake.jsonl.gz','wb').write(b'\\x1f\\x8bnot gzip')\"",
     "factlint check cut.jsonl.gz fake.jsonl.gz", "", "", T + "test_truncated_and_fake_gzip"),
    ("B3m", "a 100 MB record", PY + " \"import json; print(json.dumps({'id': 1, 'text': 'a '*50_000_000}))\" > big.jsonl",
     "factlint check big.jsonl", "", "32 MB",
     T + "test_documents_over_32_mb_are_refused_with_one_line"),
    # -- "What to build" 4: process faults ------------------------------------------------------------
    ("B4a", "SIGKILL during `--fix`", f"mkdir d && for i in $(seq -w 300); do {PY} \"print('{FIX}\\n'*200, end='')\" > d/$i.txt; done",
     "factlint check --no-cache --fix d > /dev/null 2>&1 & sleep 2; kill -9 $!; wait $!",
     "echo $(md5sum d/*.txt | cut -c1-32 | sort | uniq -c | tr -s ' ' | cut -d' ' -f2) files each; ls -a d | grep -c tmp || true",
     "old or new file",
     T + "test_sigkill_during_fix_leaves_old_or_new"),
    ("B4b", "`--fix` on a symlink", f"echo '{FIX}' > real.txt && ln -s real.txt link.txt", "factlint check --fix link.txt",
     "test -L link.txt && grep -c Azeris real.txt", "link kept", T + "test_fix_keeps_owner_and_symlink_and_refuses_hard_links"),
    ("B4c", "a full disk during `--fix` (a 64 KiB tmpfs)",
     "mkdir disk && mount -t tmpfs -o size=64k tmpfs disk && " + PY + " \"open('disk/a.txt','w').write('" + FIX + "\\n'*600)\" && "
     "md5sum disk/a.txt > sum && (dd if=/dev/zero of=disk/fill bs=1k count=64 2>/dev/null; true)",
     "factlint check --fix disk/a.txt > /dev/null", "md5sum -c --quiet sum && echo intact; ls -a disk | grep -c tmp; umount disk",
     "one line, original intact", "tests/test_full_disk.py::test_full_disk_during_fix"),
    ("B4d", "a full disk for the caches (a 64 KiB tmpfs)",
     "mkdir disk && mount -t tmpfs -o size=64k tmpfs disk && (dd if=/dev/zero of=disk/fill bs=1k count=64 2>/dev/null; true)",
     "FACTLINT_CACHE_DIR=$PWD/disk/cache factlint check seed.txt", "ls disk/cache | tr '\\n' ' '; umount disk", "no cache",
     "tests/test_full_disk.py::test_full_disk_during_cache_writes"),
    ("B4e", "two runs at once, same files and caches", "mkdir d && for i in $(seq 40); do cp seed.txt d/$i.txt; done",
     "export FACTLINT_CACHE_DIR=$PWD/cache; factlint check --format json d > a.json & factlint check -j 2 --format json d > b.json; wait $!",
     "cmp a.json b.json && echo same",
     "serial output", "tests/test_concurrency.py::test_two_runs_at_once_on_the_same_files_and_caches"),
    ("B4f", "a read-only cache folder", "", "FACTLINT_CACHE_DIR=/proc/no-such-cache factlint check seed.txt", "", "no cache",
     T + "test_read_only_cache_folder_degrades_to_no_cache"),
    ("B4g", "a missing home folder", "", "env -u FACTLINT_CACHE_DIR HOME=/nonexistent factlint check seed.txt", "", "no cache",
     T + "test_read_only_cache_folder_degrades_to_no_cache"),
]
# fmt: on


def run(case):
    cid, what, setup, command, check, bound, test = case
    work = Path(tempfile.mkdtemp(prefix=f"fl-case-{cid}-"))
    shutil.copy(SEED, work / "seed.txt")
    # A warm cache shared by the cases, but a fresh one for those that work on the cache itself.
    own = "cache" in setup + command + check
    env = dict(os.environ, PATH=f"{BIN}:{os.environ['PATH']}", FACTLINT_CACHE_DIR=str(work / "cache") if own else WARM)
    env.pop("FACTLINT_NO_CACHE", None)
    sh = ["bash", "-c"]
    if setup:
        subprocess.run([*sh, setup], cwd=work, env=env, capture_output=True, timeout=600)
    started = time.monotonic()
    proc = subprocess.run([*sh, command], cwd=work, env=env, capture_output=True, timeout=900)
    seconds = time.monotonic() - started
    err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    out = proc.stdout.decode("utf-8", "replace").strip().splitlines()
    message = err[0] if err else (f"(stdout) {out[-1]}" if out else "")
    note = ""
    if check:
        res = subprocess.run([*sh, check], cwd=work, env=env, capture_output=True, timeout=600)
        note = " / ".join(res.stdout.decode("utf-8", "replace").strip().splitlines())
    tracebacks = "Traceback" in proc.stderr.decode("utf-8", "replace")
    subprocess.run(
        ["bash", "-c", "chmod -R u+rwx . 2>/dev/null; umount disk 2>/dev/null"], cwd=work, capture_output=True
    )
    shutil.rmtree(work, ignore_errors=True)
    code = " ".join(out) if command.startswith("for ") else str(proc.returncode)
    return cid, what, command, code, message + (" TRACEBACK" if tracebacks else ""), note, f"{seconds:.1f}", bound, test


def cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


WARM = tempfile.mkdtemp(prefix="fl-table-cache-")


def main(prefixes):
    env = dict(os.environ, PATH=f"{BIN}:{os.environ['PATH']}", FACTLINT_CACHE_DIR=WARM)
    subprocess.run(["factlint", "check", str(SEED)], env=env, capture_output=True)  # compile the rules once
    print("| # | case | command | exit | message (first line on stderr) | check | s | bound | test |")
    print("|---|---|---|---|---|---|---|---|---|")
    for case in CASES:
        if prefixes and not case[0].startswith(tuple(prefixes)):
            continue
        row = run(case)
        cid, what, command, code, message, note, seconds, bound, test = row
        command = command if len(command) < 90 else command[:87] + "..."
        print(
            f"| {cid} | {cell(what)} | `{cell(command)}` | {code} | {cell(message[:160])} | {cell(note[:80])} | {seconds} "
            f"| {cell(bound)} | `{test}` |",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
