"""docs/github-actions.yml: actions pinned to full commit SHAs, factlint installed from git or
the checkout (it is not on a package index), only changed lines reported on pull requests, and
the factlint commands it runs accepted by the CLI."""

import re
import shlex

import yaml
from conftest import ROOT

WORKFLOW = ROOT / "docs" / "github-actions.yml"


def steps():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    (job,) = flow["jobs"].values()
    return flow, job, job["steps"]


def test_actions_pinned_to_commits_with_their_release():
    _flow, _job, all_steps = steps()
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = [s["uses"] for s in all_steps if "uses" in s]
    assert len(uses) == 3
    for ref in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), ref
        assert re.search(rf"{re.escape(ref)} # v\d+\.\d+\.\d+\n", text), ref


def test_installs_factlint_from_git_or_the_checkout():
    _flow, _job, all_steps = steps()
    (install,) = [s["run"] for s in all_steps if s.get("name") == "Install factlint"]
    assert "pip install ." in install
    assert 'pip install "factlint @ git+${FACTLINT_REPO}@${FACTLINT_REF}"' in install
    assert not re.search(r"pip install factlint\b", install)


def test_pull_requests_report_changed_lines_only(cli, tmp_path):
    _flow, job, all_steps = steps()
    listing = next(s for s in all_steps if s.get("id") == "changed")
    assert listing["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert 'echo "scope=--changed-since=origin/$BASE_REF"' in listing["run"]
    runs = [s for s in all_steps if "factlint check" in s.get("run", "")]
    assert len(runs) == 2 and all(s["env"]["SCOPE"] == "${{ steps.changed.outputs.scope }}" for s in runs)
    # The commands as the runner would expand them, with a changed-since scope, parse in the CLI.
    (tmp_path / "a.md").write_text("The council met on Tuesday.\n", encoding="utf-8")
    for step in runs:
        line = next(ln for ln in step["run"].splitlines() if ln.strip().startswith("factlint check"))
        line = line.split("||")[0].replace("$SCOPE", "--changed-since=HEAD").replace('"${files[@]}"', "a.md")
        args = shlex.split(line)[1:]
        args = [a if a != "factlint.sarif" else str(tmp_path / "out.sarif") for a in args]
        code, _out, err = cli(*args, cwd=tmp_path)
        assert code in (0, 1, 2) and "No such option" not in err and "Usage:" not in err, err
    assert job["permissions"]["security-events"] == "write"
