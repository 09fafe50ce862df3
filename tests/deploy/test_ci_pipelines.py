"""The shipped CI pipelines (scripts/ci/): read as their servers read them, and their steps run here.

Each pipeline's check, build and publish steps run with bash in a checkout laid out in a temp
folder (the scripts copied, the project's .venv and hooks linked, a one-report archive), the
publish going to the loopback sshd of tests/sshd_server.py with the secrets the CI would hold.
Steps that only set up a runner (actions/checkout, upload-artifact, apt-get) are not run here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

import sshd_server
from helpers import REPO, write_project

GITLAB = REPO / "scripts" / "ci" / "gitlab-ci.yml"
FORGEJO = REPO / "scripts" / "ci" / "forgejo-actions.yml"
PUBLISH = 'scripts/deploy publish --to "$BULLETIN_DEPLOY_TO" --identity'


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    with sshd_server.serving(tmp_path_factory.mktemp("sshd")) as running:
        yield running


def checkout(folder: Path) -> Path:
    """What a runner has after cloning the project: its scripts, its hooks, an archive."""
    write_project(folder, {"2021/town": "visits:\n  - occasion: 春節慰問\n    people: 37\n"})
    shutil.copytree(REPO / "scripts", folder / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("requirements.txt", "requirements-dev.txt"):
        shutil.copy(REPO / name, folder / name)
    (folder / "hooks").symlink_to(REPO / "hooks")
    (folder / ".venv").symlink_to(REPO / ".venv")  # bootstrap finds it up to date with these pins
    return folder


def run_step(script: str, folder: Path, env: dict[str, str]) -> None:
    done = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=folder, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "CI": "true", **env})
    assert done.returncode == 0, f"{script}\n{done.stdout}\n{done.stderr}"


def test_the_gitlab_pipeline_checks_and_builds_every_push_and_publishes_main_only():
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert pipeline["stages"] == ["check", "build", "publish"]
    assert pipeline["check"]["script"] == ["scripts/check"]
    assert pipeline["build"]["script"] == ["scripts/mkdocs build --strict"]
    assert pipeline["build"]["artifacts"]["paths"] == ["site/"]
    assert "rules" not in pipeline["check"] and "rules" not in pipeline["build"]
    assert pipeline["publish"]["rules"] == [{"if": '$CI_COMMIT_BRANCH == "main"'}]
    assert pipeline["publish"]["script"][-1].startswith(PUBLISH)


def test_the_forgejo_workflow_checks_and_builds_every_push_and_publishes_main_only():
    workflow = yaml.safe_load(FORGEJO.read_text(encoding="utf-8"))
    assert workflow[True] == ["push"]  # `on:`, which YAML 1.1 reads as true
    steps = {step.get("name", step.get("uses")): step for step in workflow["jobs"]["site"]["steps"]}
    assert steps["Check"]["run"] == "scripts/check" and "if" not in steps["Check"]
    assert steps["Build"]["run"] == "scripts/mkdocs build --strict" and "if" not in steps["Build"]
    assert steps["Keep the built site"]["with"]["path"] == "site/"
    assert steps["Publish"]["if"] == "github.ref == 'refs/heads/main'"
    assert set(steps["Publish"]["env"].values()) == {f"${{{{ secrets.{name} }}}}" for name in steps["Publish"]["env"]}
    assert PUBLISH in steps["Publish"]["run"]


def test_the_gitlab_pipeline_steps_check_build_and_publish_to_the_host(host, tmp_path):
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    folder, root = checkout(tmp_path / "checkout"), tmp_path / "srv"
    key = tmp_path / "BULLETIN_DEPLOY_KEY"  # a GitLab File variable: the value is a file's path
    shutil.copy(host.key, key)
    secrets = {"BULLETIN_DEPLOY_TO": host.to(root), "BULLETIN_DEPLOY_KEY": str(key),
               "BULLETIN_KNOWN_HOSTS": str(host.known_hosts)}
    for job in ("check", "build", "publish"):
        for line in pipeline[job].get("before_script", []) + pipeline[job]["script"]:
            run_step(line, folder, secrets)
        if job == "build":
            assert (folder / "site" / "2021" / "town" / "index.html").is_file()
    assert (root / "current").is_symlink() and (root / "current" / "2021" / "town" / "index.html").is_file()


def test_the_forgejo_workflow_steps_check_build_and_publish_to_the_host(host, tmp_path):
    workflow = yaml.safe_load(FORGEJO.read_text(encoding="utf-8"))
    folder, root = checkout(tmp_path / "checkout"), tmp_path / "srv"
    secrets = {"BULLETIN_DEPLOY_TO": host.to(root), "BULLETIN_DEPLOY_KEY": host.key.read_text(encoding="utf-8"),
               "BULLETIN_KNOWN_HOSTS": host.known_hosts.read_text(encoding="utf-8")}
    steps = {step.get("name"): step for step in workflow["jobs"]["site"]["steps"]}
    for name in ("Check", "Build", "Publish"):
        env = {variable: re.sub(r"\$\{\{ secrets\.(\w+) \}\}", lambda found: secrets[found[1]], value)
               for variable, value in steps[name].get("env", {}).items()}
        run_step(steps[name]["run"], folder, env)
    assert (folder / "site" / "2021" / "town" / "index.html").is_file()
    assert (root / "current").is_symlink() and (root / "current" / "2021" / "town" / "index.html").is_file()


def without_opening_comments(text: str) -> str:
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() and not line.startswith("#"))
    return "".join(lines[start:])


@pytest.mark.parametrize("pipeline", [GITLAB, FORGEJO], ids=["gitlab", "forgejo"])
def test_the_readme_shows_each_pipeline_as_it_is(pipeline):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"```yaml\n{without_opening_comments(pipeline.read_text(encoding='utf-8'))}```" in readme
