package io.tickwatch.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.tickwatch.model.PhoneMask;

/** Logback's {@code %msg} with phone numbers masked: logs always mask them (issue: privacy). */
public final class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PhoneMask.maskAll(super.convert(event));
    }
}
