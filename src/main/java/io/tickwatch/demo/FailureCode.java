package io.tickwatch.demo;

import java.util.Random;

/**
 * Failure codes Meta's WhatsApp Business Platform reports in {@code statuses[].errors[]}, with their
 * titles and a weight: roughly how often each shows up in a marketing campaign.
 */
public enum FailureCode {
    MESSAGE_UNDELIVERABLE(131026, "Message undeliverable",
            "Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone "
                    + "number, or the recipient has not accepted the new Terms of Service.", 30),
    HEALTHY_ECOSYSTEM(131049, "This message was not delivered to maintain healthy ecosystem engagement.",
            "In order to maintain a healthy ecosystem engagement, the message failed to be delivered.", 25),
    REENGAGEMENT(131047, "Re-engagement message",
            "More than 24 hours have passed since the recipient last replied to the sender number.", 15),
    STOPPED_MARKETING(131050, "Unable to deliver the message. This recipient has chosen to stop receiving "
            + "marketing messages on WhatsApp from your business.",
            "The recipient has stopped marketing messages from this business.", 10),
    EXPERIMENT(130472, "User's number is part of an experiment",
            "Failed to send message because this user's phone number is part of an experiment.", 10),
    GENERIC(131000, "Something went wrong",
            "Message failed to send due to an unknown error.", 10);

    private static final int TOTAL_WEIGHT = java.util.Arrays.stream(values()).mapToInt(f -> f.weight).sum();

    private final int code;
    private final String title;
    private final String details;
    private final int weight;

    FailureCode(int code, String title, String details, int weight) {
        this.code = code;
        this.title = title;
        this.details = details;
        this.weight = weight;
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String details() {
        return details;
    }

    /** Share of failures with this code, between 0 and 1. */
    public double share() {
        return (double) weight / TOTAL_WEIGHT;
    }

    static FailureCode draw(Random random) {
        int x = random.nextInt(TOTAL_WEIGHT);
        for (FailureCode f : values()) {
            x -= f.weight;
            if (x < 0) {
                return f;
            }
        }
        throw new AssertionError("weights add up to " + TOTAL_WEIGHT);
    }

    public static FailureCode ofCode(int code) {
        for (FailureCode f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("not a simulated failure code: " + code);
    }
}
