package io.tickwatch.alerts;

/**
 * A rule started or stopped firing: one line of the alert history and one desktop notification.
 *
 * @param at        when the evaluation that saw the change ran (epoch milliseconds)
 * @param figure    the rule's figure at that evaluation, null when there was none
 * @param threshold the threshold in force at that evaluation
 * @param summary   the figure against the threshold in words, e.g. "85.7 % (under 90 %)"
 */
public record AlertEvent(long at, AlertRule rule, Change change, Double figure, double threshold, String summary) {

    public enum Change {
        FIRED("fired"), CLEARED("cleared");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static AlertEvent of(long at, RuleReading r) {
        return new AlertEvent(at, r.rule(), r.firing() ? Change.FIRED : Change.CLEARED, r.figure(), r.threshold(),
                r.summary());
    }

    public boolean fired() {
        return change == Change.FIRED;
    }

    /** The figure in the rule's unit, "–" when there was none. */
    public String figureText() {
        return rule.format(figure);
    }

    /** The threshold in the rule's unit. */
    public String thresholdText() {
        return rule.format(threshold);
    }

    /** One line for a notification, e.g. "Delivery rate fired: 85.7 % (under 90 %)". */
    public String headline() {
        return rule.title() + " " + change.label() + ": " + summary;
    }
}
