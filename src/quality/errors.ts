/**
 * Thrown by the scorers for input they cannot score: reference streams
 * whose length differs from the hypotheses, a segment without any
 * non-empty reference, an unknown option value. The message names the
 * problem and the segment index, never the text.
 * @public
 */
export class QualityInputError extends Error {
  /** Always `QualityInputError`, for checks across realms. */
  override readonly name = 'QualityInputError';
}
