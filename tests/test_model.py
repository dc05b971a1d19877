import os

import torch

from summarizer.model import SharedBert2Bert, build_random, load_seq2seq, save_checkpoint


def test_shared_weights_are_one_tensor_and_survive_save_load(tmp_path):
    model, tok = build_random()
    enc_q = model.encoder.encoder.layer[0].attention.self.query.weight
    assert enc_q is model.decoder.bert.encoder.layer[0].attention.self.query.weight
    assert model.decoder.cls.predictions.decoder.weight is model.encoder.embeddings.word_embeddings.weight
    save_checkpoint(model, tok, tmp_path, fp16=False)
    loaded, _ = load_seq2seq(tmp_path)
    assert isinstance(loaded, SharedBert2Bert)
    q = loaded.encoder.encoder.layer[0].attention.self.query.weight
    assert q is loaded.decoder.bert.encoder.layer[0].attention.self.query.weight
    assert torch.equal(q, enc_q)
    cross = "decoder.bert.encoder.layer.0.crossattention.self.query.weight"
    assert torch.equal(loaded.state_dict()[cross], model.state_dict()[cross])


def test_sharing_halves_the_file(tmp_path):
    model, tok = build_random(hidden=64, layers=2)
    save_checkpoint(model, tok, tmp_path / "shared", fp16=False)
    shared = os.path.getsize(tmp_path / "shared" / "model.safetensors")
    n_unique = sum(p.numel() for p in model.parameters())
    assert shared < 4 * n_unique * 1.05  # each shared tensor stored once (fp32)
    save_checkpoint(model, tok, tmp_path / "half", fp16=True)
    assert os.path.getsize(tmp_path / "half" / "model.safetensors") < 0.55 * shared


def test_build_from_bert_starts_cross_attention_as_self_attention():
    from summarizer.model import base_model_path, build_from_bert

    model, _ = build_from_bert(base_model_path(), cross_from_self=True)
    for layer in model.decoder.bert.encoder.layer:
        assert torch.equal(layer.crossattention.self.key.weight, layer.attention.self.key.weight)
        assert torch.equal(layer.crossattention.output.dense.weight, layer.attention.output.dense.weight)
    fresh, _ = build_from_bert(base_model_path(), cross_from_self=False)
    layer = fresh.decoder.bert.encoder.layer[0]
    assert not torch.equal(layer.crossattention.self.key.weight, layer.attention.self.key.weight)


def test_generate_ends_and_is_deterministic():
    model, tok = build_random()
    model.eval()  # dropout off
    enc = tok(["takeaway: the cat sat on the mat."], return_tensors="pt")
    a = model.generate(**enc, num_beams=2, max_new_tokens=8)
    b = model.generate(**enc, num_beams=2, max_new_tokens=8)
    assert torch.equal(a, b)
    assert a[0, 0].item() == tok.cls_token_id


def test_plain_transformers_refuses_the_shared_checkpoint_instead_of_loading_a_random_decoder(tmp_path):
    import json

    import pytest
    from transformers import AutoModelForSeq2SeqLM

    model, tok = build_random()
    save_checkpoint(model, tok, tmp_path, fp16=False)
    assert json.loads((tmp_path / "config.json").read_text())["model_type"] == "summarizer-shared-bert2bert"
    with pytest.raises(ValueError, match="summarizer-shared-bert2bert"):
        AutoModelForSeq2SeqLM.from_pretrained(tmp_path)
    loaded, _ = load_seq2seq(tmp_path)  # the project's loader: every weight from the file
    assert all(torch.equal(a, b) for a, b in zip(loaded.state_dict().values(), model.state_dict().values()))
