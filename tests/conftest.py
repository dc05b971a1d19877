"""Shared fixtures: one CPU thread everywhere, and a tiny random checkpoint made once per session."""

import os

# subprocesses started by the tests (the CLI) inherit these
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def one_thread():
    """Tests run beside other work on a 2-core machine: torch gets one thread."""
    import torch

    torch.set_num_threads(1)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> str:
    """Path of a tiny randomly initialised checkpoint (model, tokenizer, selector): seconds to make."""
    from summarizer.lab.tiny import make_tiny_checkpoint

    return str(make_tiny_checkpoint(tmp_path_factory.mktemp("tiny") / "tiny-model"))


def _article(topic: str, n: int = 7) -> str:
    """An original news-style article of n sentences (one per line) about `topic`."""
    facts = [
        f"Officials in Northvale announced on Monday that the {topic} project would start in the spring.",
        f"The plan for the {topic} was approved by the regional council after a vote of nine to four.",
        f"Engineers estimate that the {topic} will cost about 14 million dollars over three years.",
        f"Residents who attended the meeting raised concerns about noise and traffic near the school.",
        f"The mayor, Helen Carter, said the {topic} would bring jobs to the northern districts.",
        f"Opposition members argued that the money should have been spent on hospitals instead.",
        f"A public consultation on the final design of the {topic} will open in June.",
        f"Local businesses expect more visitors once the work is finished.",
        f"The council will publish a detailed timetable before the end of the month.",
        f"Previous attempts to fund a similar scheme collapsed in 2019 after a budget dispute.",
    ]
    return "\n".join(facts[:n])


@pytest.fixture(scope="session")
def make_article():
    """make_article(topic, n=7) -> an original n-sentence news article."""
    return _article
