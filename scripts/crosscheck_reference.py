"""Reference side of scripts/crosscheck-reference.mjs.

Reads {"cases": [...]} as JSON on stdin and prints {"results": [...]}:
sacreBLEU's BLEU, chrF and TER for each case, rapidfuzz's Levenshtein
opcodes for integer sequences, and jiwer 4.0's process_words /
process_characters with its default transforms. jiwer itself is not
needed: its scoring is rapidfuzz's opcodes over word ids, and its default
transforms are three string operations, written out below.

Run with the interpreter of a venv holding sacrebleu and rapidfuzz.
"""

import json
import re
import sys

import rapidfuzz
import sacrebleu
from rapidfuzz.distance import Levenshtein
from sacrebleu.metrics import BLEU, CHRF, TER


def bleu_metric(o, sentence):
    return BLEU(
        tokenize=o.get("tokenize"),
        lowercase=o.get("lowercase", False),
        smooth_method=o.get("smoothMethod", "exp"),
        smooth_value=o.get("smoothValue"),
        effective_order=o.get("effectiveOrder", sentence),
        max_ngram_order=o.get("maxNgramOrder", 4),
    )


def chrf_metric(o, _sentence):
    return CHRF(
        char_order=o.get("charOrder", 6),
        word_order=o.get("wordOrder", 0),
        beta=o.get("beta", 2),
        lowercase=o.get("lowercase", False),
        whitespace=o.get("whitespace", False),
        eps_smoothing=o.get("epsSmoothing", False),
    )


def ter_metric(o, _sentence):
    return TER(
        normalized=o.get("normalized", False),
        no_punct=o.get("noPunct", False),
        asian_support=o.get("asianSupport", False),
        case_sensitive=o.get("caseSensitive", False),
    )


METRICS = {"bleu": bleu_metric, "chrf": chrf_metric, "ter": ter_metric}


def describe(metric, score):
    signature = metric.get_signature()
    out = {
        "score": score.score,
        "signature": signature.format(),
        "shortSignature": signature.format(short=True),
        "text": str(score),
    }
    if isinstance(metric, BLEU):
        out.update(counts=score.counts, totals=score.totals,
                   precisions=score.precisions, bp=score.bp,
                   sysLen=score.sys_len, refLen=score.ref_len)
    if isinstance(metric, TER):
        out.update(numEdits=score.num_edits, refLength=score.ref_length)
    return out


def score_case(case):
    level = case["level"]
    metric = METRICS[case["metric"]](case.get("options", {}),
                                     level != "corpus")
    if level == "sentence":
        score = metric.sentence_score(case["hyp"], case["refs"])
        return describe(metric, score)
    if level == "sentences":
        return [
            describe(metric, metric.sentence_score(
                hyp, [s[i] for s in case["refs"] if s[i] is not None]))
            for i, hyp in enumerate(case["hyps"])
        ]
    score = metric.corpus_score(case["hyps"], case["refs"])
    return describe(metric, score)


# jiwer 4.0 wer_default: RemoveMultipleSpaces, Strip, ReduceToListOfListOfWords;
# cer_default: Strip, ReduceToListOfListOfChars.
MULTI_SPACE = re.compile(r"\s\s+")


def jiwer_tokens(sentences, chars):
    if chars:
        return [list(s.strip()) for s in sentences] or [[]]
    words = []
    for s in sentences:
        s = MULTI_SPACE.sub(" ", s).strip()
        words.append([w for w in s.split(" ") if len(w) >= 1])
    return words or [[]]


def word_ids(refs, hyps):
    ids = {}
    def encode(tokens):
        return [ids.setdefault(t, len(ids)) for t in tokens]
    return [encode(r) for r in refs], [encode(h) for h in hyps]


def jiwer_process(case):
    ref, hyp = case["ref"], case["hyp"]
    refs = jiwer_tokens([ref] if isinstance(ref, str) else ref, case["chars"])
    hyps = jiwer_tokens([hyp] if isinstance(hyp, str) else hyp, case["chars"])
    ref_ids, hyp_ids = word_ids(refs, hyps)
    counts = {"equal": 0, "replace": 0, "delete": 0, "insert": 0}
    alignments = []
    for r, h in zip(ref_ids, hyp_ids):
        chunks = [list(op) for op in Levenshtein.opcodes(r, h)]
        for tag, i1, i2, j1, j2 in chunks:
            counts[tag] += (j2 - j1) if tag == "insert" else (i2 - i1)
        alignments.append(chunks)
    return {
        "hits": counts["equal"], "substitutions": counts["replace"],
        "deletions": counts["delete"], "insertions": counts["insert"],
        "refTokens": sum(map(len, refs)), "hypTokens": sum(map(len, hyps)),
        "references": refs, "hypotheses": hyps, "alignments": alignments,
    }


def run(case):
    kind = case["metric"]
    if kind == "opcodes":
        return [list(op) for op in Levenshtein.opcodes(case["a"], case["b"])]
    if kind == "jiwer":
        return jiwer_process(case)
    return score_case(case)


def main():
    cases = json.load(sys.stdin)["cases"]
    results = []
    for case in cases:
        try:
            results.append(run(case))
        except Exception as error:  # reported, compared as an error
            results.append({"error": f"{type(error).__name__}: {error}"})
    versions = {"sacrebleu": sacrebleu.__version__,
                "rapidfuzz": rapidfuzz.__version__,
                "python": sys.version.split()[0]}
    json.dump({"versions": versions, "results": results},
              sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
