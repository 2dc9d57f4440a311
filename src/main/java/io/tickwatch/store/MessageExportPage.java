package io.tickwatch.store;

import io.tickwatch.model.MessageState;
import java.util.List;

/**
 * One page of a read through every matching message (an export), and where the next page starts;
 * {@code next} is null after the last page.
 */
public record MessageExportPage(List<MessageState> rows, MessageCursor next) {

    public MessageExportPage {
        rows = List.copyOf(rows);
    }
}
