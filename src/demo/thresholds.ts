/**
 * The demo's threshold rules, in the product documents' format. The same
 * text ships as examples/demo-thresholds.yaml (a test keeps them equal);
 * it is embedded here so `npx speechmetry demo` needs no extra files.
 */
export const DEMO_THRESHOLDS_YAML = `# Threshold rules of the speechmetry demo, in the format of the
# product's performance documents. Short windows, so a 30-second run
# shows a rule going pending -> firing -> resolved.
evaluation_interval: 1s
defaults:
  window: 4s
  for: 1s
  min_samples: 8

translation_performance_config:
  latency_metrics:
    target_p95_latency: "< 800ms"
  quality_metrics:
    target_bleu_score: "> 0.4"
    target_chrf_score: "> 0.55"

asr_performance_config:
  quality_metrics:
    target_word_error_rate: "< 0.25"

tts_performance_config:
  latency_metrics:
    target_time_to_first_audio: "< 500ms"
`;
