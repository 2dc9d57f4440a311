package io.tickwatch.store;

import io.tickwatch.model.MessageState;
import java.util.List;

/** Rows of one page of the messages table and how many messages match the filter in all. */
public record MessageTablePage(List<MessageState> rows, long total, int offset) {

    public MessageTablePage {
        rows = List.copyOf(rows);
    }
}
