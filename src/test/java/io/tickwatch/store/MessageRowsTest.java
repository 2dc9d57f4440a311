package io.tickwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.model.MessageMerge;
import io.tickwatch.model.MessageState;
import io.tickwatch.model.StatusEvent;
import io.tickwatch.testing.Backend;
import io.tickwatch.testing.TestBatches;
import io.tickwatch.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reading stored states by id: the IN lists are cut into chunks, which must not show. */
class MessageRowsTest {

    private static final long T0 = 1_702_207_800_000L;

    @TempDir
    Path dir;
    private TestDatabase db;
    private JdbcStatusStore store;

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyStoredIdComesBackOnceWhateverTheChunks(Backend backend) {
        db = backend.create(dir);
        store = StoreFactory.open(db.jdbcUrl(), 2);
        List<StatusEvent> events = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            events.add(new StatusEvent("m" + i, "sent", T0 + i, "+1", null, null, T0 + 1_000));
        }
        store.write(TestBatches.of(events));
        Map<String, MessageState> expected = MessageMerge.fold(events);
        for (int n : List.of(1, 3, 700)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add("m" + i);
                ids.add("missing" + i); // ids without a row are left out
            }
            assertThat(store.states(ids)).hasSize(n)
                    .containsExactlyInAnyOrderElementsOf(expected.values().stream().limit(n).toList());
        }
    }
}
