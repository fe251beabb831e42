"""Descriptive fields (subject, baseline, benchmark, metric) on sentences written for each rule of
``claimset.extract.fields``, and the sentence splitter those rules read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimset.extract import RuleExtractor
from claimset.extract.sentences import split_sentences
from claimset.ids import paper_id_for_title
from claimset.models import Paper

CASES = [json.loads(line) for line in (Path(__file__).parent / "golden" / "subjects.jsonl").open(encoding="utf-8")]
EXTRACTOR = RuleExtractor()


@pytest.mark.parametrize("case", CASES, ids=[c["rule"][:50] for c in CASES])
def test_fields_follow_rule(case):
    paper = Paper(paper_id=paper_id_for_title(case["title"] + case["text"]), title=case["title"], abstract=case["text"])
    got = {(c.claim_type, c.number): c for c in EXTRACTOR.extract(paper)}
    for want in case["claims"]:
        key = (want["type"], want["number"])
        assert key in got, f"{key} not extracted; got {sorted(got)}"
        for field, value in want.items():
            if field not in ("type", "number"):
                assert getattr(got[key], field) == value, field


@pytest.mark.parametrize(
    ("title", "abstract", "method"),
    [
        ("Florin: Fast Sparse Decoding", "We study decoding.", "Florin"),
        ("2.5-Quarts Technical Report: Small Models", "We train a small model.", "2.5-Quarts"),
        ("Untitled study", "We introduce Quillwork, a recipe. Quillwork is cheap.", "Quillwork"),
        ("Untitled study", "We introduce Quillwork, a recipe.", None),  # a plain word said once is not enough
        ("Untitled study", "We propose a novel method called KV Folding. It is fast.", "KV Folding"),
        ("Beyond Recall: What Retrievers Miss", "We measure retrievers.", None),
        ("Beyond Forgetting: Privacy in LLMs", "We look beyond forgetting in large models.", None),
        ("Introducing Kestrel2.5", "With Kestrel2.5, we release base and chat models.", "Kestrel2.5"),
        ("Sparse Lattices: Faster Decoding", "We show that sparse lattices decode fast.", "Sparse Lattices"),
        ("Garnet 8x7B", "We release a sparse model.", "Garnet 8x7B"),  # a title that is only a name
        ("Kestrel-2", "We release a model.", "Kestrel-2"),
        ("La Plateforme", "We release a model.", None),  # two plain words are not a name
        ("Controls for Music Models", "To this end, we contribute Wren-Mix, a control method for music models. "
         "It tunes few weights.", "Wren-Mix"),  # "we contribute X" introduces it
        # the capitalised words that open an abstract name its field; a task introduced with its acronym
        # ("the Foo Sign Translation (FST) problem") is not the method, however often it is named
        ("Better Foo Sign Reading with Kestrel-Former", "Foo Sign Reading (FSR) first extracts glosses from "
         "videos. FSR is hard because FSR needs many annotations. Our Kestrel-Former improves it.", None),
        ("Neural Foo Reading", "Foo Sign Reading (FSR) has been studied for years. We introduce the Foo Sign "
         "Translation (FST) problem. FST is new. FST needs a model, and FST needs data.", None),
        # a name in apposition to "our proposed end-to-end FOO model," is introduced (not the task's acronym)
        ("Tracking as Lookup", "We present a deliberately plain and therefore quick multi-object tracking (MOT) model. "
         "Our proposed end-to-end MOT model, KestrelTrack, needs no matching step. It keeps the MOT pipeline simple.",
         "KestrelTrack"),
        # a version after a name is part of it; a long name introduced with its short form gives the short form;
        # an acronym of "the problem of ..." names a task, not the method
        ("KestrelNeXt V2: Scaling Foo Nets", "We call the new model family KestrelNeXt V2, which improves on KestrelNeXt. "
         "KestrelNeXt was strong; KestrelNeXt V2 is stronger.", "KestrelNeXt V2"),
        ("Foo Detectors Beat Bar Detectors", "We propose a Real-Time FOo DEtector (RT-FD). It removes non-maximum "
         "suppression (NMS). Without NMS, NMS costs vanish.", "RT-FD"),
        ("Text-Foo Prompting for Efficient Foo Grounding", "We study the problem of temporal foo grounding (TFG). The TFG "
         "techniques are slow. Towards efficient TFG, we propose a novel text-foo prompting (TFP) framework for a TFG model. "
         "TFP trains a 2D TFG model. We propose a loss for TFG. The proposed TFP boosts 2D TFG over TFG with 3D features.",
         "TFP"),
        # "we devise X" introduces it
        ("Twin Foo Selectors for Slot Tracking", "To address this, we devise the two-stage KFS-ST which consists of "
         "a selector and a generator.", "KFS-ST"),
        # the acronym of one lower-case word is a term of the field ("electrocardiogram (ECG)"), however often it
        # is said; a name after "on the" is where the method was tried
        ("Foo arrhythmia classification using a 2-D CNN", "We propose an effective electrocardiogram (ECG) classifier. "
         "Every ECG beat becomes an image. ECG recordings come from FooDB, and ECG data stay raw.", None),
        ("Untitled study", "We evaluated the proposed method on the FooBIH database. It is accurate.", None),
        # a field's acronym with a compound qualifier before it ("Document-level foo extraction (FE)") is a field
        ("Document-Level Foo Extraction with Pooling", "Document-level foo extraction (FE) poses new challenges. FE "
         "needs pairs. We propose two techniques for FE. FE is hard, and FE is slow.", None),
        # capitalised words with a function word among them that open the abstract name its field
        ("An ensemble model for foo recognition", "Foo Recognition in Conversation (FRC) has become a major area. "
         "FRC needs context. We propose an ensemble for FRC. FRC is hard, and FRC is slow.", None),
        # a name said before it is "introduced" exists already: the new thing is the one in brackets
        ("Trainable Foo Normalization", "Adaptive F-norm (AF-norm) calibrates scores. However, AF-norm does not learn. "
         "We propose a trainable AF-norm (TAF-norm) that learns. The TAF-norm is fast, and TAF-norm is robust.", "TAF-norm"),
        # "we propose ..., namely X (ACR)" introduces it; a "namely" that lists what is explored does not
        ("Single foo dehazing using a back projected pyramid network", "We propose a novel generative network architecture, namely "
         "back projected wren network (BPWNet), that performs well. Our network trains on 20 pairs.", "BPWNet"),
        ("Untitled study", "We explore multiple approaches, namely MSE regression and FooGen, and FooGen is good.", None),
        # capitalised hyphenated words that open the abstract name its field ("Foo-Target Interaction (FTI)"),
        # and so does the acronym of one hyphenated lower-case word ("foo-target (FT)")
        ("A hybrid framework", "Foo-Target Interaction (FTI) prediction is a vital task. FTI is hard. We study FTI. "
         "Our FTI model helps FTI.", None),
        ("KestrelFTA: Deep Foo-Target Affinity Prediction", "Novel foo-target (FT) interactions matter. FT pairs, FT "
         "data, FT binding and FT affinities are studied.", "KestrelFTA"),
    ],
)
def test_method_name(title, abstract, method):
    assert EXTRACTOR.fields.method_name(title, abstract) == method


def test_period_without_space_ends_a_sentence_but_not_inside_names():
    text = "We train on Wikipedia.This yields 2x. Node.js and e.g.Foo stay whole."
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == ["We train on Wikipedia.", "This yields 2x.", "Node.js and e.g.Foo stay whole."]
