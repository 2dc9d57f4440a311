package io.tickwatch.store;

import io.tickwatch.model.MessageState;
import java.util.List;

/** A stored message with its timeline, oldest observation first. */
public record MessageView(MessageState state, List<EventView> events) {
}
