package dlcs.imaging.control;

/**
 * The taps of a {@link Resampler} pass along one axis: for each output position, the three
 * source positions it covers (as offsets: index times {@code step}) and their weights as
 * fractions of {@code one}, summing to it exactly; unused taps repeat the last position with
 * weight 0 (the across pass reads the ones after the first instead, past the row's end if need
 * be, with the same weight 0). An output pixel covers {@code scale} source pixels from wherever
 * it starts, so it touches at most three of them while the scale is 2 or less; larger factors
 * need more taps: they are reduced in steps.
 */
final class Taps {

    final int[] first;
    final int[] second;
    final int[] third;
    final int[] firstWeight;
    final int[] secondWeight;
    final int[] thirdWeight;
    /**
     * For each output position its first offset and its three weights, side by side: the across
     * pass reads them from one array, where four arrays cost it a fifth more time.
     */
    final int[] packed;

    Taps(int sourceLength, int targetLength, int step, int one) {
        if (sourceLength > 2L * targetLength) {
            throw new IllegalArgumentException("Reduce by half at most at a time, not " + sourceLength + " to "
                    + targetLength);
        }
        first = new int[targetLength];
        second = new int[targetLength];
        third = new int[targetLength];
        firstWeight = new int[targetLength];
        secondWeight = new int[targetLength];
        thirdWeight = new int[targetLength];
        packed = new int[4 * targetLength];
        // exact, in units of 1/targetLength of a source pixel: output i covers [i * sourceLength,
        // (i + 1) * sourceLength), source pixel k [k * targetLength, (k + 1) * targetLength)
        long span = sourceLength;
        int last = sourceLength - 1;
        for (int i = 0; i < targetLength; i++) {
            long start = i * span;
            int s = (int) (start / targetLength);
            secondWeight[i] = weight(start, span, s + 1, targetLength, one);
            thirdWeight[i] = weight(start, span, s + 2, targetLength, one);
            // the rounding leftovers go to the first, so that the weights sum to one exactly
            firstWeight[i] = one - secondWeight[i] - thirdWeight[i];
            first[i] = Math.min(s, last) * step;
            second[i] = Math.min(s + 1, last) * step;
            third[i] = Math.min(s + 2, last) * step;
            packed[4 * i] = first[i];
            packed[4 * i + 1] = firstWeight[i];
            packed[4 * i + 2] = secondWeight[i];
            packed[4 * i + 3] = thirdWeight[i];
        }
    }

    /**
     * How much of the {@code span} from {@code start} source pixel {@code k} covers, in
     * {@code one}ths rounded half up (positions in 1/{@code length}ths of a pixel).
     */
    private static int weight(long start, long span, int k, int length, int one) {
        long covered = Math.min(start + span, (k + 1L) * length) - Math.max(start, (long) k * length);
        return covered <= 0 ? 0 : (int) ((2 * covered * one + span) / (2 * span));
    }
}
