"""The `summarizer` command end to end."""

import dataclasses
import json
import subprocess
import sys
import types

import pytest

from summarizer import SummarizeOptions, summarize
from summarizer.cli import build_parser, main, summarize_options


def test_summarize_file_markdown_and_json(tiny_model, make_article, tmp_path, capsys):
    text = make_article("bridge")
    (tmp_path / "a.txt").write_text(text)
    expected = summarize(text, model=tiny_model, device="cpu", num_beams=2)
    args = ["summarize", str(tmp_path / "a.txt"), "--model", tiny_model, "--device", "cpu", "--num-beams", "2"]
    assert main(args) == 0
    assert capsys.readouterr().out == expected.to_markdown()
    assert main(args + ["--json"]) == 0
    assert json.loads(capsys.readouterr().out) == expected.to_dict()


def test_stdin_through_python_m(tiny_model, make_article):
    text = make_article("harbour", 6)
    proc = subprocess.run([sys.executable, "-m", "summarizer", "summarize", "-", "--json", "--model", tiny_model,
                           "--device", "cpu"], input=text, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == summarize(text, model=tiny_model, device="cpu").to_dict()


def test_batch_exit_code(tiny_model, make_article, tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(make_article("tram"))
    base = ["batch", str(d), "--model", tiny_model, "--device", "cpu", "--no-progress"]
    assert main(base + ["--out", str(tmp_path / "out1")]) == 0
    (d / "bad.txt").write_bytes(b"\x00\x01")
    assert main(base + ["--out", str(tmp_path / "out2"), "--markdown"]) == 1
    assert "1 ok, 1 failed" in capsys.readouterr().err
    assert (tmp_path / "out2" / "good.txt.md").exists()


@pytest.mark.parametrize("args, message", [
    (["summarize", "{missing}"], "No such file"),
    (["summarize", "{empty}"], "empty input"),
    (["summarize", "{article}", "--model", "{nowhere}"], "summarizer train"),
    (["summarize", "{article}", "--device", "tpu"], "device must be"),
    (["batch", "{missing}", "--out", "{out}"], "is not a folder"),
])
def test_errors_exit_2_with_one_message(tmp_path, capsys, args, message):
    paths = {"missing": tmp_path / "missing.txt", "empty": tmp_path / "empty.txt", "nowhere": tmp_path / "nowhere",
             "article": tmp_path / "article.txt", "out": tmp_path / "out"}
    paths["empty"].write_text(" \n")
    paths["article"].write_text("The council met on Monday. It approved the budget.")
    assert main([a.format(**paths) for a in args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("summarizer: error:") and message in err and err.count("\n") == 1


def test_options_mirror_python_keywords():
    parser = build_parser()
    for command in (["summarize", "f.txt"], ["batch", "in", "--out", "out"]):
        args = parser.parse_args(command)
        assert summarize_options(args) == dataclasses.asdict(SummarizeOptions())
    args = parser.parse_args(["summarize", "f.txt", "--num-beams", "2", "--no-clean", "--max-sentences", "9"])
    assert summarize_options(args) == dataclasses.asdict(SummarizeOptions(num_beams=2, clean=False, max_sentences=9))


@pytest.mark.parametrize("command", ["train", "evaluate", "bench"])
def test_dispatch_to_module_main(monkeypatch, command):
    seen = []
    fake = types.ModuleType(f"summarizer.lab.{command}")
    fake.main = lambda argv: seen.append(argv) or 7
    monkeypatch.setitem(sys.modules, f"summarizer.lab.{command}", fake)
    assert main([command, "--config", "x.yaml", "--help"]) == 7
    assert seen == [["--config", "x.yaml", "--help"]]


def test_lab_commands_say_which_extra_is_missing(monkeypatch, capsys):
    import summarizer.cli as cli

    def missing(name):
        raise ModuleNotFoundError("No module named 'datasets'", name="datasets")

    monkeypatch.setattr(cli, "import_module", missing)
    assert main(["evaluate", "--help"]) == 2
    assert 'pip install -e ".[train]"' in capsys.readouterr().err
