package io.tickwatch.store;

/** Orders of the messages table; each is a fixed SQL expression, never user text. Arrival order breaks ties. */
public enum MessageSort {
    ARRIVAL("m.seq"),
    ID("m.id"),
    PHONE("m.phone"),
    STATUS("m.status_rank"),
    SENT("m.sent_at"),
    DELIVERED("m.delivered_at"),
    READ("m.read_at"),
    LAST_UPDATE("m.last_received");

    final String column;

    MessageSort(String column) {
        this.column = column;
    }
}
