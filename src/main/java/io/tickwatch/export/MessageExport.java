package io.tickwatch.export;

import io.tickwatch.model.FunnelStatus;
import io.tickwatch.model.MessageState;
import io.tickwatch.model.PhoneMask;
import io.tickwatch.store.DashboardQueries;
import io.tickwatch.store.MessageCursor;
import io.tickwatch.store.MessageExportPage;
import io.tickwatch.store.MessageFilter;
import io.tickwatch.store.MessageSort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Exports every message matching the messages table's filter, in the table's order, to a CSV file: read
 * from the store a page at a time (keyset paging in SQL), so a million rows need no more memory than one
 * page. Times are ISO-8601 UTC (the {@code _utc} columns); phones are masked when asked (privacy mode).
 * Blocks: runs on a background thread; cancelled through its progress.
 */
public final class MessageExport {

    public static final List<String> HEADER = List.of("message_id", "phone", "status", "sent_utc", "delivered_utc",
            "delivered_inferred", "read_utc", "failed_utc", "error_code", "error_title", "first_event_utc",
            "first_received_utc", "last_received_utc");
    static final int PAGE_SIZE = 1000;

    private final DashboardQueries queries;
    private final int pageSize;

    public MessageExport(DashboardQueries queries) {
        this(queries, PAGE_SIZE);
    }

    MessageExport(DashboardQueries queries, int pageSize) {
        this.queries = queries;
        this.pageSize = pageSize;
    }

    /**
     * @param progress told the number of messages written so far, after each page; throws to cancel
     * @return the number of messages written
     */
    public long write(Path target, MessageFilter filter, MessageSort sort, boolean descending, boolean maskPhones,
                      ExportProgress progress) throws IOException {
        return CsvFile.write(target, HEADER, csv -> {
            long written = 0;
            MessageCursor after = null;
            do {
                MessageExportPage page = queries.messagesAfter(filter, sort, descending, after, pageSize);
                for (MessageState m : page.rows()) {
                    csv.record(record(m, maskPhones));
                }
                written += page.rows().size();
                progress.written(written);
                after = page.next();
            } while (after != null);
            return written;
        });
    }

    static List<String> record(MessageState m, boolean maskPhones) {
        return Arrays.asList(CsvWriter.text(m.id()), maskPhones ? PhoneMask.mask(m.phone()) : m.phone(),
                m.currentStatus().map(FunnelStatus::wireName).orElse(""), Times.utc(m.sent()), Times.utc(m.delivered()),
                m.delivered() == null ? "" : Boolean.toString(m.deliveredInferred()), Times.utc(m.read()),
                Times.utc(m.failed()), m.errorCode() == null ? "" : m.errorCode().toString(),
                CsvWriter.text(maskPhones ? PhoneMask.maskAll(m.errorTitle()) : m.errorTitle()), Times.utc(m.firstAt()),
                Times.utc(m.firstReceived()), Times.utc(m.lastReceived()));
    }
}
