"""scripts/iis/web.config says to IIS what scripts/nginx/bulletin.conf says to nginx (no IIS here: read)."""

import re
import xml.etree.ElementTree as ElementTree

from helpers import REPO

WEB_CONFIG = REPO / "scripts" / "iis" / "web.config"
NGINX = (REPO / "scripts" / "nginx" / "bulletin.conf").read_text(encoding="utf-8")


def server() -> ElementTree.Element:
    return ElementTree.parse(WEB_CONFIG).getroot().find("system.webServer")


def mime_types() -> dict[str, str]:
    return {m.get("fileExtension"): m.get("mimeType") for m in server().iter("mimeMap")}


def test_text_files_are_declared_utf_8_and_workbooks_typed_as_nginx_types_them():
    types = mime_types()
    assert types[".csv"] == "text/csv; charset=utf-8"
    assert types[".json"] == "application/json; charset=utf-8"
    assert types[".html"] == "text/html; charset=utf-8"
    assert types[".xlsx"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_every_kind_of_file_a_built_site_holds_has_a_type_iis_will_serve():
    types = mime_types()
    assert {".html", ".css", ".js", ".json", ".csv", ".xlsx", ".svg", ".xml", ".gz", ".map"} <= set(types)
    removed = {r.get("fileExtension") for r in server().find("staticContent").iter("remove")}
    assert removed == set(types)  # IIS refuses a second mimeMap for an extension it already knows


def test_the_content_security_policy_is_the_nginx_snippets():
    nginx_policy = re.search(r'add_header Content-Security-Policy "([^"]+)" always;', NGINX)[1]
    headers = {h.get("name"): h.get("value") for h in server().find("httpProtocol/customHeaders").iter("add")}
    assert headers["Content-Security-Policy"] == nginx_policy


def test_hashed_assets_are_cached_for_a_year_and_everything_else_revalidated_as_nginx_does():
    rules = server().findall("rewrite/outboundRules/rule")
    hashed, rest = rules
    nginx_hashed = re.search(r'location ~\* "([^"]+)" \{\s*add_header Cache-Control "([^"]+)" always;', NGINX)
    assert hashed.find("conditions/add").get("pattern") == nginx_hashed[1]
    assert hashed.find("action").get("value") == nginx_hashed[2] and hashed.get("stopProcessing") == "true"
    assert rest.find("conditions") is None
    assert rest.find("action").get("value") == re.search(r'add_header Cache-Control "([^"]+)" always;', NGINX)[1]


def test_dot_files_such_as_a_releases_manifest_are_not_served():
    sequences = [a.get("sequence") for a in server().iter("denyUrlSequences") for a in a.iter("add")]
    assert sequences == ["/."]
    assert 'location ~ "/\\." {' in NGINX
