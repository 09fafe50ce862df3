"""Our search worker wrapper has Material build its index for the first query, not when a page opens.

The wrapper (hooks/bulletin/search_worker.js) runs here in Node (the one Playwright ships) around
a stand-in for Material's worker that counts its index builds, takes a turn of the event loop to
make one (as Material's does, loading lunr's languages), and answers a query with one page named
after it. Messages are Material's: 0 setup, 1 ready, 2 query, 3 result.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from helpers import REPO

NODE = Path(__import__("playwright").__file__).parent / "driver" / "node"
WRAPPER = REPO / "hooks" / "bulletin" / "search_worker.js"

HARNESS = r"""
const source = require("fs").readFileSync(process.argv[1], "utf8");
const steps = JSON.parse(process.argv[2]);
const listeners = [], sent = [];
let builds = 0;
globalThis.self = {
  location: { href: "http://127.0.0.1/assets/javascripts/workers/search-phrases.js" },
  addEventListener(type, listener) { listeners.push(listener); },
  postMessage(message) { sent.push(message); },
};
globalThis.importScripts = () => {  // Material's worker
  let built = false;
  self.addEventListener("message", async (event) => {
    const message = event.data;
    if (message.type === 0) {
      builds += 1;
      await new Promise((done) => setTimeout(done, 20));
      built = true;
      self.postMessage({ type: 1 });
    } else if (message.type === 2) {
      const items = built ? [[{ location: "page-" + message.data + "/", title: "t", text: "x", score: 1 }]] : [];
      self.postMessage({ type: 3, data: { items } });
    }
  });
};
new Function(source)();
(async () => {
  const seen = [];
  for (const step of steps) {
    if (step === "wait") await new Promise((done) => setTimeout(done, 60));
    else listeners[0]({ data: step });
    seen.push({ builds, sent: sent.map((m) => m.type === 3 ? m.data.items.map((g) => g[0].location) : m.type) });
  }
  console.log(JSON.stringify(seen));
})();
"""

SETUP = {"type": 0, "data": {"config": {"bulletin_folding": {}}, "docs": [{"location": "p/", "title": "其他", "text": "別的"}]}}


def query(text: str) -> dict:
    return {"type": 2, "data": text}


def run(*steps) -> list[dict]:
    """After each step (a message to the worker, or "wait" for the build): builds made, messages sent."""
    if not NODE.exists():
        pytest.fail(f"Playwright's Node is missing at {NODE}: run scripts/bootstrap (scripts/test does)")
    result = subprocess.run([str(NODE), "-e", HARNESS, str(WRAPPER), json.dumps(steps)],
                            capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def test_the_page_is_told_search_is_ready_at_once_and_no_index_is_built():
    after = run(SETUP, "wait")
    assert after[-1] == {"builds": 0, "sent": [1]}


def test_an_empty_query_is_answered_with_nothing_and_builds_no_index():
    after = run(SETUP, query(""), "wait")
    assert after[-1] == {"builds": 0, "sent": [1, []]}


def test_a_space_typed_is_a_query_not_an_empty_box():
    """Answered at once with nothing, the page would say "none found" through the build that the
    reader's next key starts (search-waiting.js says the index is being built only over its own
    "type to start" line)."""
    after = run(SETUP, query(" "), "wait")
    assert after[1] == {"builds": 1, "sent": [1]}
    assert after[2] == {"builds": 1, "sent": [1, ["page- /"]]}


def test_the_first_query_builds_the_index_and_is_answered_once_it_is_built():
    after = run(SETUP, query("工會"), "wait")
    assert after[1] == {"builds": 1, "sent": [1]}  # building: not answered yet, and no second ready
    assert after[2] == {"builds": 1, "sent": [1, ["page-工會/"]]}


def test_queries_typed_while_the_index_is_built_are_answered_with_the_last_one_only():
    after = run(SETUP, query("工"), query("工會"), "wait", query("慰問"))
    assert after[3] == {"builds": 1, "sent": [1, ["page-工會/"]]}
    assert after[4] == {"builds": 1, "sent": [1, ["page-工會/"], ["page-慰問/"]]}  # then straight through


def test_a_box_emptied_while_the_index_is_built_gets_no_late_answer():
    after = run(SETUP, query("工會"), query(""), "wait")
    assert after[-1] == {"builds": 1, "sent": [1, []]}
