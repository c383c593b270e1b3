#!/usr/bin/env python3
"""A stand-in for GitHub's and GitLab's runners, enough to run a staffing
repository's pipelines (examples/staffing-repo/) as they would: the
job's steps in order, each under the conditions its `if:` states, with
the environment each CI sets, the checkout each does (how deep, which
branches), the caches (restored by key and prefix, saved when the job
passes), the outputs, the job summary, the annotations that workflow
commands make, and the artifacts and reports uploaded.  What it writes:
the job's log on stdout, and a json of what happened (--result FILE):
status, annotations, artifacts, reports, summary, outputs.

  runner.py github WORKFLOW --remote GIT --sha SHA --event push|pull_request
            --ref BRANCH [--base BRANCH] [--before SHA] --action DIR
            --work DIR --cache DIR --result FILE [--run-id N]
  runner.py gitlab CI-YML --remote GIT --sha SHA --event push|merge_request_event
            --ref BRANCH [--base BRANCH] [--before SHA] --job NAME
            --work DIR --cache DIR --result FILE [--var NAME=VALUE]...

Only what those pipelines use is known; anything else is refused, so a
pipeline cannot pass here by doing what no runner does."""

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import yaml


def clean_env():
    """The environment a runner starts a job with: a machine's own (the
    path, the home, the locale, the temporary folder, git's identity),
    nothing a CI or an enclosing make would have added (its BUILD or
    MAKEFLAGS would hand a make inside the job that make's settings)."""
    keep = ("PATH", "HOME", "USER", "LOGNAME", "SHELL", "TMPDIR", "LANG", "LC_ALL", "TERM")
    return {k: v for k, v in os.environ.items() if k in keep or k.startswith("GIT_")}


def sh(cmd, cwd=None, check=True):
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check and r.returncode:
        raise SystemExit("runner: %s failed: %s" % (" ".join(cmd), r.stdout))
    return r.stdout


# ---------------------------------------------------------------- GitHub

TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>\d+(?:\.\d+)?)|(?P<op>==|!=|&&|\|\||[!(),<>])|"
                   r"(?P<id>[A-Za-z_][A-Za-z0-9_.\-]*))")


class Expr:
    """GitHub's expressions: literals, contexts, ! == != && || (), and
    the functions the pipelines call."""

    def __init__(self, text, ctx, status):
        self.toks, pos = [], 0
        text = text.strip()
        while pos < len(text):
            m = TOKEN.match(text, pos)
            if not m or m.end() == pos:
                raise SystemExit("runner: cannot read the expression %r at %d" % (text, pos))
            kind = m.lastgroup
            self.toks.append((kind, m.group(kind)))
            pos = m.end()
            while pos < len(text) and text[pos] == " ":
                pos += 1
        self.i, self.ctx, self.status = 0, ctx, status
        self.uses_status = any(k == "id" and v in ("success", "failure", "always", "cancelled")
                               for k, v in self.toks)

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self, want=None):
        t = self.peek()
        if want and t[1] != want:
            raise SystemExit("runner: expected %r in an expression, got %r" % (want, t[1]))
        self.i += 1
        return t

    def value(self):
        v = self.or_()
        if self.i != len(self.toks):
            raise SystemExit("runner: left over in an expression: %r" % (self.toks[self.i:],))
        return v

    def or_(self):
        v = self.and_()
        while self.peek()[1] == "||":
            self.take()
            w = self.and_()
            v = v if truthy(v) else w
        return v

    def and_(self):
        v = self.cmp()
        while self.peek()[1] == "&&":
            self.take()
            w = self.cmp()
            v = w if truthy(v) else v
        return v

    def cmp(self):
        v = self.unary()
        while self.peek()[1] in ("==", "!="):
            op = self.take()[1]
            w = self.unary()
            same = (str(v).lower() == str(w).lower()) if isinstance(v, str) and isinstance(w, str) else v == w
            v = same if op == "==" else not same
        return v

    def unary(self):
        if self.peek()[1] == "!":
            self.take()
            return not truthy(self.unary())
        return self.atom()

    def atom(self):
        kind, tok = self.take()
        if kind == "str":
            return tok[1:-1].replace("''", "'")
        if kind == "num":
            return float(tok)
        if tok == "(":
            v = self.or_()
            self.take(")")
            return v
        if kind != "id":
            raise SystemExit("runner: unexpected %r in an expression" % tok)
        if tok in ("true", "false"):
            return tok == "true"
        if tok == "null":
            return None
        if self.peek()[1] == "(":
            self.take()
            args = []
            while self.peek()[1] != ")":
                args.append(self.or_())
                if self.peek()[1] == ",":
                    self.take()
            self.take(")")
            return self.call(tok, args)
        v = self.ctx
        for part in tok.split("."):
            v = v.get(part, None) if isinstance(v, dict) else None
        return v

    def call(self, name, args):
        if name == "success":
            return not self.status["failed"]
        if name == "failure":
            return self.status["failed"]
        if name == "always":
            return True
        if name == "cancelled":
            return False
        if name == "format":
            return re.sub(r"\{(\d+)\}", lambda m: text_of(args[1 + int(m.group(1))]), args[0])
        if name == "hashFiles":
            ws = self.ctx["github"]["workspace"]
            files = sorted(f for a in args for f in glob.glob(os.path.join(ws, a), recursive=True)
                           if os.path.isfile(f))
            return "" if not files else "hash-of-%d-files" % len(files)
        if name == "contains":
            return str(args[1]).lower() in str(args[0]).lower()
        raise SystemExit("runner: the function %s() is not known here" % name)


def truthy(v):
    return v not in (None, "", False, 0, 0.0)


def text_of(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def expand(s, ctx, status):
    """${{ ... }} in a string, each replaced by its value."""
    if not isinstance(s, str):
        return s
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: text_of(Expr(m.group(1), ctx, status).value()), s)


def condition(text, ctx, status):
    """Whether a step's `if:` holds: success() && it, unless it names a
    status function."""
    if text is None:
        return not status["failed"]
    if isinstance(text, bool):
        return text and not status["failed"]
    t = str(text).strip()
    if t.startswith("${{") and t.endswith("}}"):
        t = t[3:-2]
    e = Expr(t, ctx, status)
    v = truthy(e.value())
    return v if e.uses_status else v and not status["failed"]


COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def unescape(s, prop):
    s = s.replace("%0D", "\r").replace("%0A", "\n")
    if prop:
        s = s.replace("%3A", ":").replace("%2C", ",")
    return s.replace("%25", "%")


def read_kv(path):
    """name=value lines, and name<<DELIM ... DELIM, of GITHUB_OUTPUT and
    GITHUB_ENV."""
    out = {}
    if not os.path.exists(path):
        return out
    lines = open(path).read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delim = line.split("<<", 1)
            j = lines.index(delim, i + 1)
            out[name] = "\n".join(lines[i + 1:j])
            i = j + 1
            continue
        if "=" in line:
            name, val = line.split("=", 1)
            out[name] = val
        i += 1
    return out


class GitHub:
    def __init__(self, a):
        self.a = a
        self.ws = os.path.abspath(a.work)
        self.temp = self.ws + ".temp"
        for d in (self.ws, self.temp):
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
        self.summary = os.path.join(self.temp, "step_summary.md")
        open(self.summary, "w").close()
        self.path = []          # GITHUB_PATH, newest first
        self.env = {}           # GITHUB_ENV
        self.annotations, self.artifacts, self.sarif, self.posts = [], [], [], []
        self.log = []
        event = {"before": a.before or "0" * 40}
        if a.event == "pull_request":
            event = {"pull_request": {"number": 1, "head": {"sha": a.sha}, "base": {"ref": a.base}}}
        self.github = {
            "event_name": a.event, "ref_name": a.ref if a.event == "push" else "1/merge",
            "ref": "refs/heads/" + a.ref if a.event == "push" else "refs/pull/1/merge",
            "base_ref": a.base or "", "head_ref": a.ref if a.event == "pull_request" else "",
            "sha": a.sha, "run_id": str(a.run_id), "workspace": self.ws, "event": event,
            "repository": "team/staffing", "token": "***",
        }
        self.runner = {"os": "Linux", "arch": "X64", "temp": self.temp}

    def say(self, s):
        self.log.append(s)
        print(s)

    def base_env(self):
        env = clean_env()
        env.update({
            "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": self.ws,
            "GITHUB_EVENT_NAME": self.a.event, "GITHUB_SHA": self.a.sha,
            "GITHUB_REF": self.github["ref"], "GITHUB_REF_NAME": self.github["ref_name"],
            "GITHUB_BASE_REF": self.github["base_ref"], "GITHUB_HEAD_REF": self.github["head_ref"],
            "GITHUB_RUN_ID": self.github["run_id"], "GITHUB_REPOSITORY": "team/staffing",
            "GITHUB_STEP_SUMMARY": self.summary, "RUNNER_TEMP": self.temp, "RUNNER_OS": "Linux",
            "RUNNER_ARCH": "X64",
        })
        env.update(self.env)
        env["PATH"] = os.pathsep.join(self.path + [env.get("PATH", "")])
        return env

    # -- the actions these pipelines use
    def checkout(self, w):
        depth = int(w.get("fetch-depth", 1))
        remote = os.path.abspath(self.a.remote)
        shutil.rmtree(self.ws)
        if depth == 0:
            sh(["git", "clone", "-q", "--no-local", remote, self.ws])
        else:
            sh(["git", "clone", "-q", "--depth", str(depth), "--no-local", "--branch", self.a.ref,
                "file://" + remote, self.ws])
        sh(["git", "checkout", "-q", "--detach", self.a.sha], cwd=self.ws)
        return 0, {}

    def cache_paths(self, w, ctx):
        return [p.strip() for p in str(w["path"]).split("\n") if p.strip()]

    def cache_restore(self, w, step_id, post):
        paths = self.cache_paths(w, None)
        key = w["key"]
        prefixes = [k.strip() for k in str(w.get("restore-keys", "")).split("\n") if k.strip()]
        store = os.path.abspath(self.a.cache)
        entries = []
        for name in os.listdir(store) if os.path.isdir(store) else []:
            meta = json.load(open(os.path.join(store, name, "meta.json")))
            if meta["paths"] == paths:  # a cache's version is its paths
                entries.append(meta)
        hit = [e for e in entries if e["key"] == key]
        if not hit:
            for p in prefixes:
                hit = sorted((e for e in entries if e["key"].startswith(p)), key=lambda e: -e["time"])
                if hit:
                    break
        exact = bool(hit) and hit[0]["key"] == key
        if hit:
            src = os.path.join(store, hit[0]["dir"])
            for i, p in enumerate(paths):
                dst = p if os.path.isabs(p) else os.path.join(self.ws, p)
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                shutil.copy2(os.path.join(src, str(i)), dst)
            self.say("Cache restored from key: %s" % hit[0]["key"])
        else:
            self.say("Cache not found for input keys: %s" % ", ".join([key] + prefixes))
        if post and not exact:
            self.posts.append((w, paths))
        return 0, {"cache-hit": "true" if exact else "false", "cache-matched-key": hit[0]["key"] if hit else ""}

    def cache_save(self, w, paths=None):
        paths = paths or self.cache_paths(w, None)
        store = os.path.abspath(self.a.cache)
        os.makedirs(store, exist_ok=True)
        for name in os.listdir(store):
            if json.load(open(os.path.join(store, name, "meta.json")))["key"] == w["key"]:
                self.say("Cache with key %s exists: not saved" % w["key"])
                return 0, {}
        srcs = [p if os.path.isabs(p) else os.path.join(self.ws, p) for p in paths]
        if not all(os.path.isfile(s) for s in srcs):
            self.say("Warning: path validation: no file at %s, cache not saved" % " ".join(paths))
            return 0, {}
        d = "%d" % len(os.listdir(store))
        os.makedirs(os.path.join(store, d))
        for i, s in enumerate(srcs):
            shutil.copy2(s, os.path.join(store, d, str(i)))
        n = len(os.listdir(store))
        json.dump({"key": w["key"], "paths": paths, "dir": d, "time": n},
                  open(os.path.join(store, d, "meta.json"), "w"))
        self.say("Cache saved with key: %s" % w["key"])
        return 0, {}

    def upload_artifact(self, w):
        name, path = w.get("name", "artifact"), w["path"]
        files = glob.glob(os.path.join(self.ws, path))
        if not files:
            how = w.get("if-no-files-found", "warn")
            self.say("%s: no files found at %s" % ("Error" if how == "error" else "Warning", path))
            return (1 if how == "error" else 0), {}
        dst = os.path.join(os.path.abspath(self.a.result) + ".artifacts", name)
        os.makedirs(dst, exist_ok=True)
        for f in files:
            shutil.copy2(f, dst)
        self.artifacts.append({"name": name, "files": sorted(os.path.basename(f) for f in files)})
        self.say("Artifact %s uploaded: %s" % (name, ", ".join(os.path.basename(f) for f in files)))
        return 0, {}

    def upload_sarif(self, w):
        path = os.path.join(self.ws, w["sarif_file"])
        try:
            doc = json.load(open(path))
        except (OSError, ValueError) as e:
            self.say("Error: %s is not SARIF: %s" % (w["sarif_file"], e))
            return 1, {}
        if doc.get("version") != "2.1.0" or not isinstance(doc.get("runs"), list):
            self.say("Error: %s is not SARIF 2.1.0" % w["sarif_file"])
            return 1, {}
        results = [r for run in doc["runs"] for r in run.get("results", [])]
        self.sarif.append({"file": w["sarif_file"], "category": w.get("category", ""), "results": len(results),
                           "states": sorted({r.get("baselineState", "") for r in results})})
        self.say("Uploaded %s: %d results" % (w["sarif_file"], len(results)))
        return 0, {}

    # -- steps
    def run_script(self, script, env, shell):
        if shell not in (None, "bash"):
            raise SystemExit("runner: shell %s is not known here" % shell)
        out_file = os.path.join(self.temp, "output")
        env_file = os.path.join(self.temp, "env")
        path_file = os.path.join(self.temp, "path")
        for f in (out_file, env_file, path_file):
            open(f, "w").close()
        env = dict(env, GITHUB_OUTPUT=out_file, GITHUB_ENV=env_file, GITHUB_PATH=path_file)
        sf = os.path.join(self.temp, "step.sh")
        open(sf, "w").write(script)
        r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", sf], cwd=self.ws, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in r.stdout.splitlines():
            m = COMMAND.match(line)
            if m:
                props = dict(kv.split("=", 1) for kv in (m.group(2) or "").split(",") if "=" in kv)
                props = {k: unescape(v, True) for k, v in props.items()}
                self.annotations.append({"level": m.group(1), "file": props.get("file", ""),
                                         "line": int(props.get("line", 0) or 0), "title": props.get("title", ""),
                                         "message": unescape(m.group(3), False)})
                self.say("%s: %s%s" % (m.group(1).capitalize(), props.get("file", ""),
                                       ":%s: " % props["line"] if "line" in props else ": ") +
                         unescape(m.group(3), False).split("\n")[0])
            else:
                self.say(line)
        self.env.update(read_kv(env_file))
        for p in reversed([p for p in open(path_file).read().split("\n") if p]):
            self.path.insert(0, p)
        return r.returncode, read_kv(out_file)

    def steps(self, steps, ctx, env, action_path=None):
        """Runs steps in ctx; the status of the whole: failed or not."""
        status = {"failed": False}
        ctx["steps"] = {}
        for n, step in enumerate(steps):
            name = step.get("name") or step.get("uses") or step.get("run", "").split("\n")[0]
            sid = step.get("id", "__%d" % n)
            if not condition(step.get("if"), ctx, status):
                self.say("== %s: skipped" % name)
                ctx["steps"][sid] = {"outputs": {}, "outcome": "skipped", "conclusion": "skipped"}
                continue
            self.say("== %s" % name)
            step_env = dict(env)
            for k, v in (step.get("env") or {}).items():
                step_env[k] = expand(text_of(v), ctx, status)
            w = {k: expand(text_of(v), ctx, status) for k, v in (step.get("with") or {}).items()}
            if "run" in step:
                rc, outputs = self.run_script(expand(step["run"], ctx, status), dict(self.base_env(), **step_env),
                                              step.get("shell"))
            else:
                rc, outputs = self.uses(step["uses"], w, step_env)
            if rc:
                self.say("Error: Process completed with exit code %d." % rc)
                if not step.get("continue-on-error"):
                    status["failed"] = True
            ctx["steps"][sid] = {"outputs": outputs, "outcome": "failure" if rc else "success",
                                 "conclusion": "failure" if rc and not step.get("continue-on-error") else "success"}
        return status["failed"], ctx

    def uses(self, what, w, env):
        name, _, ver = what.partition("@")
        if name == "actions/checkout":
            return self.checkout(w)
        if name == "actions/cache":
            return self.cache_restore(w, None, post=True)
        if name == "actions/cache/restore":
            return self.cache_restore(w, None, post=False)
        if name == "actions/cache/save":
            return self.cache_save(w)
        if name == "actions/upload-artifact":
            return self.upload_artifact(w)
        if name == "github/codeql-action/upload-sarif":
            return self.upload_sarif(w)
        if name.endswith("/coplan") or name == "./":
            self.action_versions.append(ver)
            return self.composite(os.path.abspath(self.a.action), w, env)
        raise SystemExit("runner: the action %s is not known here" % what)

    def composite(self, path, w, env):
        action = yaml.safe_load(open(os.path.join(path, "action.yml")))
        if action["runs"]["using"] != "composite":
            raise SystemExit("runner: %s is not a composite action" % path)
        inputs = {}
        for k, spec in (action.get("inputs") or {}).items():
            inputs[k] = w.get(k, text_of(spec.get("default", "")))
        unknown = set(w) - set(inputs)
        if unknown:
            raise SystemExit("runner: the action has no input %s" % ", ".join(sorted(unknown)))
        ctx = {"github": dict(self.github, action_path=path), "runner": self.runner, "inputs": inputs,
               "env": env}
        steps = action["runs"]["steps"]
        for s in steps:
            if "run" in s and "shell" not in s:
                raise SystemExit("runner: a composite action's run step needs a shell: %s" % s.get("name"))
        failed, ctx = self.steps(steps, ctx, dict(env, GITHUB_ACTION_PATH=path))
        outputs = {k: expand(text_of(spec["value"]), ctx, {"failed": failed})
                   for k, spec in (action.get("outputs") or {}).items()}
        return (1 if failed else 0), outputs

    def run(self, workflow):
        wf = yaml.safe_load(open(workflow))
        jobs = wf["jobs"]
        if len(jobs) != 1:
            raise SystemExit("runner: one job a workflow here")
        job = next(iter(jobs.values()))
        self.action_versions = []
        ctx = {"github": self.github, "runner": self.runner, "env": {}}
        env = {k: text_of(v) for k, v in (wf.get("env") or {}).items()}
        failed, ctx = self.steps(job["steps"], ctx, env)
        for w, paths in self.posts:  # actions/cache saves after the job, when it passed
            if not failed:
                self.say("== Post: cache")
                self.cache_save(w, paths)
        self.say("Job %s" % ("failed" if failed else "succeeded"))
        return {"status": "failed" if failed else "passed", "annotations": self.annotations,
                "artifacts": self.artifacts, "sarif": self.sarif, "summary": open(self.summary).read(),
                "steps": {k: v for k, v in ctx["steps"].items()}, "action_versions": self.action_versions}


# ---------------------------------------------------------------- GitLab

RESERVED = {"variables", "workflow", "stages", "default", "include", "image", "services", "cache",
            "before_script", "after_script"}


def merge(base, over):
    out = dict(base)
    for k, v in over.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def gl_expand(s, var):
    return re.sub(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", lambda m: var.get(m.group(1), ""), str(s))


class GitLab:
    def __init__(self, a):
        self.a = a
        self.dir = os.path.abspath(a.work)
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)

    def clone(self):
        remote = "file://" + os.path.abspath(self.a.remote)
        depth = self.var.get("GIT_DEPTH", "20")
        ref = ("refs/merge-requests/1/head" if self.a.event == "merge_request_event"
               else "refs/remotes/origin/" + self.a.ref)
        sh(["git", "init", "-q", self.dir])
        sh(["git", "remote", "add", "origin", remote], cwd=self.dir)
        fetch = ["git", "fetch", "-q"] + (["--depth", depth] if depth != "0" else [])
        sh(fetch + ["origin", "+refs/heads/%s:%s" % (self.a.ref, ref)], cwd=self.dir)
        sh(["git", "checkout", "-q", "--detach", self.a.sha], cwd=self.dir)

    def caches(self, job):
        c = job.get("cache") or []
        return [c] if isinstance(c, dict) else c

    def cache_dir(self, key):
        return os.path.join(os.path.abspath(self.a.cache), re.sub(r"[^A-Za-z0-9._-]", "_", key))

    def run(self, ci):
        doc = yaml.safe_load(open(ci))
        job = doc[self.a.job]
        seen = set()
        while "extends" in job:
            parent = job.pop("extends")
            if parent in seen:
                raise SystemExit("runner: extends loops at %s" % parent)
            seen.add(parent)
            job = merge(doc[parent], job)
        var = {
            "CI": "true", "GITLAB_CI": "true", "CI_PROJECT_DIR": self.dir, "CI_COMMIT_SHA": self.a.sha,
            "CI_PIPELINE_SOURCE": self.a.event, "CI_DEFAULT_BRANCH": "main",
            "CI_COMMIT_BEFORE_SHA": self.a.before or "0" * 40,
            "CI_COMMIT_REF_NAME": self.a.ref, "CI_COMMIT_REF_SLUG": re.sub(r"[^a-z0-9]", "-", self.a.ref.lower()),
        }
        if self.a.event == "merge_request_event":
            var.update({"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": self.a.base, "CI_MERGE_REQUEST_IID": "1",
                        "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": self.a.ref, "CI_COMMIT_BEFORE_SHA": "0" * 40})
        else:
            var["CI_COMMIT_BRANCH"] = self.a.ref
        for k, v in list((doc.get("variables") or {}).items()) + list((job.get("variables") or {}).items()):
            var[k] = gl_expand(v, var)
        for kv in self.a.var or []:
            k, v = kv.split("=", 1)
            var[k] = v
        self.var = var
        self.clone()
        for c in self.caches(job):
            src = self.cache_dir(gl_expand(c["key"], var))
            if os.path.isdir(src):
                for p in c["paths"]:
                    if os.path.exists(os.path.join(src, p)):
                        shutil.copytree(os.path.join(src, p), os.path.join(self.dir, p), dirs_exist_ok=True)
                print("Successfully extracted cache %s" % gl_expand(c["key"], var))
            else:
                print("No cache for %s" % gl_expand(c["key"], var))
        lines = []
        for cmd in (job.get("before_script") or []) + (job.get("script") or []):
            lines.append("printf '%%s\\n' %s" % shquote("$ " + cmd.split("\n")[0]))
            lines.append(cmd)
        sf = os.path.join(self.dir + ".script")
        open(sf, "w").write("set -eo pipefail\n" + "\n".join(lines) + "\n")
        env = clean_env()
        env.update(var)
        r = subprocess.run(["bash", "--noprofile", "--norc", sf], cwd=self.dir, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        print(r.stdout, end="")
        ok = r.returncode == 0
        print("Job %s" % ("succeeded" if ok else "failed: exit code %d" % r.returncode))
        for c in self.caches(job):
            when = c.get("when", "on_success")
            if when == "always" or (when == "on_success") == ok:
                dst = self.cache_dir(gl_expand(c["key"], var))
                for p in c["paths"]:
                    if os.path.isdir(os.path.join(self.dir, p)):
                        shutil.copytree(os.path.join(self.dir, p), os.path.join(dst, p), dirs_exist_ok=True)
                print("Saving cache %s" % gl_expand(c["key"], var))
        art = job.get("artifacts") or {}
        when = art.get("when", "on_success")
        reports, paths = {}, []
        if when == "always" or (when == "on_success") == ok:
            for p in art.get("paths") or []:
                if glob.glob(os.path.join(self.dir, p)):
                    paths.append(p)
                else:
                    print("WARNING: %s: no matching files" % p)
            for kind, files in (art.get("reports") or {}).items():
                files = [files] if isinstance(files, str) else files
                for f in files:
                    reports.setdefault(kind, []).append(report(kind, os.path.join(self.dir, f)))
        return {"status": "passed" if ok else "failed", "artifacts": paths, "reports": reports}


def shquote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def report(kind, path):
    """What GitLab reads of a report: for junit, the tests and failures."""
    if not os.path.exists(path):
        return {"file": os.path.basename(path), "missing": True}
    if kind == "junit":
        root = ET.parse(path).getroot()
        cases = root.iter("testcase")
        tests = failures = 0
        failed = []
        for c in cases:
            tests += 1
            if c.find("failure") is not None or c.find("error") is not None:
                failures += 1
                failed.append(c.get("name"))
        return {"file": os.path.basename(path), "tests": tests, "failures": failures, "failed": failed}
    if kind == "codequality":
        issues = json.load(open(path))
        need = ("description", "check_name", "fingerprint", "severity", "location")
        if not isinstance(issues, list) or not all(all(k in i for k in need) and "path" in i["location"]
                                                   and "begin" in i["location"].get("lines", {}) for i in issues):
            raise SystemExit("runner: %s is not a Code Quality report" % path)
        return {"file": os.path.basename(path), "issues": sorted("%s:%d %s" % (i["location"]["path"],
                i["location"]["lines"]["begin"], i["severity"]) for i in issues)}
    raise SystemExit("runner: the report kind %s is not known here" % kind)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("ci", choices=["github", "gitlab"])
    p.add_argument("file")
    for o in ("remote", "sha", "event", "ref", "work", "cache", "result"):
        p.add_argument("--" + o, required=True)
    p.add_argument("--base")
    p.add_argument("--before")
    p.add_argument("--action")
    p.add_argument("--job")
    p.add_argument("--run-id", default="1")
    p.add_argument("--var", action="append")
    a = p.parse_args()
    res = GitHub(a).run(a.file) if a.ci == "github" else GitLab(a).run(a.file)
    json.dump(res, open(a.result, "w"), indent=1, sort_keys=True)
    return 0 if res["status"] == "passed" else 1


if __name__ == "__main__":
    sys.exit(main())
