package io.tickwatch.alerts;

/**
 * One rule's verdict at one evaluation.
 *
 * @param figure    what the rule measured, in the rule's unit (percent, messages, seconds, requests); null when
 *                  there was nothing to measure (no message in the window)
 * @param threshold the threshold it was compared with, in the same unit
 * @param sample    how many messages (or requests) the figure rests on
 */
public record RuleReading(AlertRule rule, Verdict verdict, Double figure, double threshold, long sample) {

    /** Whether the rule's condition holds. */
    public enum Verdict {
        FIRING, CLEAR,
        /** Fewer messages in the window than {@link AlertRule#MIN_SAMPLE}: a rate of so few says nothing; not firing. */
        TOO_LITTLE_DATA
    }

    public boolean firing() {
        return verdict == Verdict.FIRING;
    }

    /** The figure as people read it, e.g. "85.7 %", "11 messages", "–" when there is none. */
    public String figureText() {
        return rule.format(figure);
    }

    /** What a person sees: "85.7 % (under 90 %)", "5 messages: too few to judge (20 needed)". */
    public String summary() {
        return switch (verdict) {
            case FIRING -> rule.format(figure) + " (" + rule.comparison() + " " + rule.format(threshold) + ")";
            case CLEAR -> rule.format(figure) + " (limit " + rule.format(threshold) + ")";
            case TOO_LITTLE_DATA -> sample + " " + rule.sampleUnit() + ": too few to judge (" + AlertRule.MIN_SAMPLE
                    + " needed)";
        };
    }
}
