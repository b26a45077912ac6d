"""The optional native core (rust/, PyO3): built when cargo is on PATH, skipped otherwise, so
`pip install .` still works without a Rust toolchain and factlint runs on its Python core (same
findings, slower). Everything else about the package is in pyproject.toml."""

from setuptools import setup

try:
    from setuptools_rust import Binding, RustExtension
except ImportError:  # a build without isolation in an environment without setuptools-rust
    RustExtension = None

native = {}
if RustExtension is not None:
    native["rust_extensions"] = [
        RustExtension(
            "factlint._native",
            path="rust/Cargo.toml",
            binding=Binding.PyO3,
            debug=False,  # editable installs too: the debug build is several times slower
            optional=True,  # no cargo, or a failed build: a warning, and the Python core
            py_limited_api="auto",  # pyo3's abi3-py311 feature: one build for every CPython >= 3.11
        )
    ]

setup(**native)
