package io.tickwatch.receiver.formats;

import io.tickwatch.ingest.RawStatus;
import io.tickwatch.ingest.Rejection;
import java.util.List;

/**
 * The status items a format found, and the parts of the body it had to refuse before reaching an item
 * (e.g. an {@code entry} that is not an object); both share one index sequence.
 */
public record ParsedWebhook(String format, List<RawStatus> items, List<Rejection> structural) {
}
