package io.tickwatch.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.tickwatch.model.PhoneMask;

/** Stack traces with phone numbers masked: exception messages may quote a request. */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PhoneMask.maskAll(super.convert(event));
    }
}
