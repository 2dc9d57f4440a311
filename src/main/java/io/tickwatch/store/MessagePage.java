package io.tickwatch.store;

import java.util.List;

/** One page of messages; {@code nextSeq} is the cursor of the next page, null on the last one. */
public record MessagePage(List<MessageView> items, Long nextSeq) {
}
