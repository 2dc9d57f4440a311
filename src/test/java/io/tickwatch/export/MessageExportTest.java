package io.tickwatch.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.model.FunnelStatus;
import io.tickwatch.model.StatusEvent;
import io.tickwatch.store.DashboardQueries;
import io.tickwatch.store.JdbcDashboardQueries;
import io.tickwatch.store.JdbcStatusStore;
import io.tickwatch.store.MessageFilter;
import io.tickwatch.store.MessageSort;
import io.tickwatch.store.MessageTablePage;
import io.tickwatch.store.PhoneColumn;
import io.tickwatch.store.PhoneRow;
import io.tickwatch.store.StoreFactory;
import io.tickwatch.testing.Backend;
import io.tickwatch.testing.Csv;
import io.tickwatch.testing.TestBatches;
import io.tickwatch.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exports over a real store (H2 and PostgreSQL): the file holds exactly the messages the filter
 * matches — thousands, several pages of the export's reads — in the table's order, with ISO-8601 UTC
 * times, and the phones table whole.
 */
class MessageExportTest {

    private static final long T0 = 1_702_207_800_000L; // 2023-12-10T11:30:00Z
    private static final int MESSAGES = 4_000;
    private static final String ODD_ID = "wamid.\"é,中\"\r\nnext";
    private static final String FORMULA_ID = "=HYPERLINK(\"http://evil\")";

    @TempDir
    Path dir;
    private TestDatabase db;
    private JdbcStatusStore store;
    private DashboardQueries queries;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /**
     * 4,000 messages: every 4th only sent, then sent+delivered, sent+delivered+read, failed; 9 phones, and
     * no phone for every 13th. 1,000 are read (plus the two odd ids, read too); READ sorts have ties on time.
     */
    private void fill(Backend backend) {
        db = backend.create(dir);
        store = StoreFactory.open(db.jdbcUrl(), 4);
        queries = JdbcDashboardQueries.over(store);
        List<StatusEvent> events = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String id = String.format("m-%05d", i);
            String phone = i % 13 == 0 ? null : "+91980000000" + (i % 9);
            long at = T0 + i * 1_000L;
            switch (i % 4) {
                case 0 -> events.add(new StatusEvent(id, "sent", at, phone, null, null, at));
                case 1 -> {
                    events.add(new StatusEvent(id, "sent", at, phone, null, null, at));
                    events.add(new StatusEvent(id, "delivered", at + 5_000, phone, null, null, at));
                }
                case 2 -> {
                    events.add(new StatusEvent(id, "sent", at, phone, null, null, at));
                    events.add(new StatusEvent(id, "delivered", at + 5_000, phone, null, null, at));
                    events.add(new StatusEvent(id, "read", T0 + (i % 50) * 60_000L, phone, null, null, at)); // ties
                }
                default -> events.add(new StatusEvent(id, "failed", at, phone, 131026, "Message undeliverable", at));
            }
            if (events.size() >= 900) {
                store.write(TestBatches.of(events));
                events.clear();
            }
        }
        events.add(new StatusEvent(ODD_ID, "read", T0, "+919800000001", null, null, T0));
        events.add(new StatusEvent(FORMULA_ID, "read", T0, null, null, null, T0));
        store.write(TestBatches.of(events));
    }

    private List<List<String>> export(MessageFilter filter, MessageSort sort, boolean desc, boolean mask) throws IOException {
        Path file = dir.resolve("messages.csv");
        List<Long> progress = new ArrayList<>();
        long n = new MessageExport(queries).write(file, filter, sort, desc, mask, progress::add);
        List<List<String>> records = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(records.get(0)).isEqualTo(MessageExport.HEADER);
        assertThat(records).hasSize((int) n + 1);
        assertThat(progress).isSorted().last().isEqualTo(n);
        return records.subList(1, records.size());
    }

    /** The same filter and order read through the table's own OFFSET pages: an independent path through SQL. */
    private List<String> tableOrder(MessageFilter filter, MessageSort sort, boolean desc) {
        List<String> ids = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            MessageTablePage page = queries.messages(filter, sort, desc, offset, 1000);
            page.rows().forEach(r -> ids.add(r.id()));
            if (offset + 1000 >= page.total()) {
                return ids;
            }
        }
    }

    private static List<String> ids(List<List<String>> records) {
        return records.stream().map(r -> r.get(0).startsWith("'=") ? r.get(0).substring(1) : r.get(0)).toList();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void exportsExactlyTheFilteredMessagesAcrossPagesInTheTablesOrder(Backend backend) throws IOException {
        fill(backend);
        MessageFilter read = new MessageFilter(null, null, FunnelStatus.READ, null, null);
        List<List<String>> records = export(read, MessageSort.ARRIVAL, true, false);
        assertThat(records).hasSize(1_002); // more than one page of 1,000
        assertThat(ids(records)).isEqualTo(tableOrder(read, MessageSort.ARRIVAL, true));
        assertThat(ids(records)).containsOnlyOnce(ODD_ID, FORMULA_ID)
                .allMatch(id -> id.equals(ODD_ID) || id.equals(FORMULA_ID) || Integer.parseInt(id.substring(2)) % 4 == 2);

        // a message as a row: times ISO-8601 UTC, inferred flag, empty fields for what never happened
        List<String> m2 = records.stream().filter(r -> r.get(0).equals("m-00002")).findFirst().orElseThrow();
        assertThat(m2).containsExactly("m-00002", "+919800000002", "read", "2023-12-10T11:30:02Z",
                "2023-12-10T11:30:07Z", "false", "2023-12-10T11:32:00Z", "", "", "", "2023-12-10T11:30:02Z",
                "2023-12-10T11:30:02Z", "2023-12-10T11:30:02Z");
        assertThat(records).anySatisfy(r -> assertThat(r.get(0)).isEqualTo("'" + FORMULA_ID)); // defused

        // a text filter with a status, sorted by a column with many ties and missing values, both ways
        MessageFilter phone1Failed = new MessageFilter("800000001", null, FunnelStatus.FAILED, null, null);
        for (MessageSort sort : List.of(MessageSort.PHONE, MessageSort.READ, MessageSort.DELIVERED, MessageSort.ID)) {
            for (boolean desc : new boolean[] {true, false}) {
                MessageFilter f = sort == MessageSort.ID ? phone1Failed : MessageFilter.ALL;
                assertThat(ids(export(f, sort, desc, false))).as(sort + (desc ? " desc" : " asc"))
                        .isEqualTo(tableOrder(f, sort, desc));
            }
        }
        assertThat(export(MessageFilter.ALL, MessageSort.READ, false, false)).hasSize(MESSAGES + 2);
        assertThat(ids(export(phone1Failed, MessageSort.ARRIVAL, true, false)))
                .isNotEmpty().allMatch(id -> Integer.parseInt(id.substring(2)) % 36 == 19); // i%4==3 and i%9==1
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void privacyModeMasksEveryPhoneOfTheExport(Backend backend) throws IOException {
        fill(backend);
        Path file = dir.resolve("masked.csv");
        new MessageExport(queries).write(file, MessageFilter.ALL, MessageSort.ARRIVAL, true, true, ExportProgress.NONE);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("+91980000000").contains("+91 98••• ••001");
        Path phones = dir.resolve("phones-masked.csv");
        new PhoneExport(queries).write(phones, null, null, PhoneColumn.PHONE, false, true, ExportProgress.NONE);
        assertThat(Files.readString(phones, StandardCharsets.UTF_8)).doesNotContain("+91980000000")
                .contains("+91 98••• ••000");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void exportsEveryPhoneOfTheRangeInTheTablesOrder(Backend backend) throws IOException {
        fill(backend);
        Path file = dir.resolve("phones.csv");
        long n = new PhoneExport(queries).write(file, null, null, PhoneColumn.READ_RATE, true, false, ExportProgress.NONE);
        List<List<String>> records = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(records.get(0)).isEqualTo(PhoneExport.HEADER);
        List<PhoneRow> table = queries.phones(null, null, PhoneColumn.READ_RATE, true, 1000);
        assertThat(n).isEqualTo(9).isEqualTo(table.size());
        assertThat(records.subList(1, records.size()).stream().map(r -> r.get(0)).toList())
                .isEqualTo(table.stream().map(PhoneRow::phone).toList());
        // the phone of the odd id: counted independently from what was written
        Map<String, int[]> expected = new TreeMap<>();
        for (int i = 0; i < MESSAGES; i++) {
            if (i % 13 != 0) {
                int[] c = expected.computeIfAbsent("+91980000000" + (i % 9), k -> new int[3]);
                c[0]++;
                c[1] += i % 4 == 1 || i % 4 == 2 ? 1 : 0;
                c[2] += i % 4 == 2 ? 1 : 0;
            }
        }
        expected.get("+919800000001")[0]++;
        expected.get("+919800000001")[1]++;
        expected.get("+919800000001")[2]++;
        for (List<String> r : records.subList(1, records.size())) {
            int[] c = expected.get(r.get(0));
            assertThat(r.subList(1, 4)).as(r.get(0)).containsExactly(Integer.toString(c[0]), Integer.toString(c[1]),
                    Integer.toString(c[2]));
            assertThat(r.get(4)).matches("[01]\\.[0-9]{4}");
            assertThat(r.get(6)).matches("2023-12-1[0-9]T[0-9:]{8}Z");
        }
        // a range that holds nothing gives a file with the header only
        long none = new PhoneExport(queries).write(file, T0 + 365L * 86_400_000, null, PhoneColumn.PHONE, false, false,
                ExportProgress.NONE);
        assertThat(none).isZero();
        assertThat(Files.readString(file)).isEqualTo(String.join(",", PhoneExport.HEADER) + "\r\n");
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = "H2")
    void aCancelledExportLeavesNoFile(Backend backend) throws IOException {
        fill(backend);
        Path file = dir.resolve("cancelled.csv");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MessageExport(queries).write(file, MessageFilter.ALL,
                        MessageSort.ARRIVAL, true, false, rows -> {
                            throw new java.io.InterruptedIOException("the export was cancelled");
                        }))
                .isInstanceOf(IOException.class).hasMessageContaining("cancelled");
        assertThat(file).doesNotExist();
        assertThat(dir.toFile().list()).noneMatch(name -> name.contains("cancelled"));
    }

}
