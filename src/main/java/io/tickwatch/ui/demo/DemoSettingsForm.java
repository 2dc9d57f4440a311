package io.tickwatch.ui.demo;

import io.tickwatch.demo.DemoConfig;
import java.util.Optional;

/**
 * The values of the demo settings popover, as a person sets them (percentages), turned into a
 * {@link DemoConfig} that keeps everything else of the base configuration. Pure; any thread.
 */
record DemoSettingsForm(double messagesPerSecond, int phones, int failedPercent, int deliveredPercent, int readPercent,
                        int duplicatesPercent, int outOfOrderPercent) {

    static DemoSettingsForm of(DemoConfig c) {
        return new DemoSettingsForm(c.messagesPerSecond(), c.phones(), percent(c.failedProbability()),
                percent(c.deliveredProbability()), percent(c.readProbability()), percent(c.duplicateProbability()),
                percent(c.outOfOrderProbability()));
    }

    private static int percent(double p) {
        return (int) Math.round(p * 100);
    }

    /** The configuration these values make; throws {@link IllegalArgumentException} naming a value out of range. */
    DemoConfig applyTo(DemoConfig base) {
        return base.toBuilder().messagesPerSecond(messagesPerSecond).phones(phones).failed(failedPercent / 100.0)
                .delivered(deliveredPercent / 100.0).read(readPercent / 100.0).duplicates(duplicatesPercent / 100.0)
                .outOfOrder(outOfOrderPercent / 100.0).build();
    }

    /** Why these values cannot be used, if they cannot. */
    Optional<String> problem(DemoConfig base) {
        try {
            applyTo(base);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
