package io.tickwatch.demo;

import java.util.Random;

/**
 * A log-normal delay: most waits near the median, a long tail of slow ones — how delivery and read
 * times of real messages are spread (a phone that is off delivers hours later; most read within minutes).
 *
 * @param medianSeconds half of all delays are shorter than this
 * @param sigma         spread of the logarithm; 0 gives the median every time, 1 makes p90 ≈ 3.6× the median
 */
public record Delay(double medianSeconds, double sigma) {

    /** Longest delay ever drawn, in multiples of the median: bounds how long the simulator keeps a message pending. */
    static final double MAX_TIMES_MEDIAN = 50;

    public Delay {
        if (!(medianSeconds > 0) || medianSeconds > 86_400) {
            throw new IllegalArgumentException("a delay's median must be between 0 and 86400 seconds, got " + medianSeconds);
        }
        if (!(sigma >= 0) || sigma > 3) {
            throw new IllegalArgumentException("a delay's sigma must be between 0 and 3, got " + sigma);
        }
    }

    /** One delay in milliseconds, divided by {@code compression}. */
    long sampleMillis(Random random, double compression) {
        double seconds = medianSeconds * Math.exp(sigma * random.nextGaussian());
        seconds = Math.min(seconds, medianSeconds * MAX_TIMES_MEDIAN);
        return Math.round(seconds * 1000 / compression);
    }

    /** The delay (seconds, uncompressed) at standard-normal score {@code zScore}: 0 gives the median, 1.2816 the p90. */
    public double quantileSeconds(double zScore) {
        return medianSeconds * Math.exp(sigma * zScore);
    }
}
