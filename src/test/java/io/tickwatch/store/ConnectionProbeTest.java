package io.tickwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.PostgresServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Test connection": real H2 files, the real PostgreSQL, and the ways a connection fails, said plainly. */
class ConnectionProbeTest {

    @TempDir
    Path dir;
    private final ConnectionProbe probe = new ConnectionProbe(2);

    @Test
    void anExistingH2FileAnswersWithItsVersion() throws Exception {
        Path store = dir.resolve("store");
        DriverManager.getConnection("jdbc:h2:file:" + store).close();
        ConnectionProbe.Result r = probe.probe("jdbc:h2:file:" + store, null, null);
        assertThat(r.connected()).isTrue();
        assertThat(r.message()).startsWith("Connected: H2 2.");
    }

    @Test
    void aMissingH2FileIsReportedAndNotCreated() {
        Path store = dir.resolve("sub/none");
        ConnectionProbe.Result r = probe.probe("jdbc:h2:file:" + store, null, null);
        assertThat(r.connected()).isTrue();
        assertThat(r.message()).isEqualTo("No H2 store at " + store + " yet: Tickwatch will create one there at the next start.");
        assertThat(Files.exists(dir.resolve("sub"))).isFalse();
    }

    @Test
    void anH2FileWithTheWrongPasswordSaysSo() throws Exception {
        Path store = dir.resolve("locked");
        DriverManager.getConnection("jdbc:h2:file:" + store, "owner", "right").close();
        ConnectionProbe.Result r = probe.probe("jdbc:h2:file:" + store, "owner", "wrong");
        assertThat(r.connected()).isFalse();
        assertThat(r.message()).startsWith("H2 refused the user or password for this file.\n(driver: Wrong user name or password");
    }

    @Test
    void aPortWithNothingListeningIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ConnectionProbe.Result r = probe.probe("jdbc:postgresql://127.0.0.1:" + port + "/tickwatch", "postgres", "pw-never-shown");
        assertThat(r.connected()).isFalse();
        assertThat(r.message()).startsWith("Nothing is listening at 127.0.0.1:" + port
                + " (connection refused): is PostgreSQL running there, and is the port right?").doesNotContain("pw-never-shown");
    }

    @Test
    void aServerThatSaysNothingTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException over) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ConnectionProbe.Result r = probe.probe("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/x", null, null);
            assertThat(r.connected()).isFalse();
            assertThat(r.message()).startsWith("127.0.0.1:" + silent.getLocalPort() + " did not answer within 2 s");
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void anUnknownHostIsNamedAsSuch() {
        ConnectionProbe.Result r = probe.probe("jdbc:postgresql://no-such-host.invalid:5432/x", null, null);
        assertThat(r.connected()).isFalse();
        assertThat(r.message()).startsWith("The host in no-such-host.invalid:5432 is unknown");
    }

    @Test
    void aUrlThatIsNoStoreUrlIsRefusedPlainly() {
        assertThat(probe.probe("jdbc:mysql://h/db", null, null).message())
                .isEqualTo("Not a store URL Tickwatch knows: use jdbc:h2:file:… or jdbc:postgresql://host:5432/database.");
        assertThat(probe.probe("jdbc:postgresql:/oops", null, null).message())
                .startsWith("The URL is not one the PostgreSQL driver understands");
    }

    @Test
    void theRealPostgresqlAnswersWithItsVersionAndAMissingDatabaseIsNamed() {
        PostgresServer.assumeAvailable();
        ConnectionProbe.Result ok = probe.probe("jdbc:postgresql://" + PostgresServer.hostPart() + "/postgres", "postgres", null);
        assertThat(ok.connected()).isTrue();
        assertThat(ok.message()).matches("Connected: PostgreSQL \\d+.*");

        ConnectionProbe.Result missing = probe.probe("jdbc:postgresql://" + PostgresServer.hostPart() + "/no_such_db_here",
                "postgres", null);
        assertThat(missing.connected()).isFalse();
        assertThat(missing.message()).startsWith("That database does not exist on " + PostgresServer.hostPart());

        ConnectionProbe.Result role = probe.probe("jdbc:postgresql://" + PostgresServer.hostPart() + "/postgres",
                "no_such_role_here", "pw");
        assertThat(role.connected()).isFalse();
        assertThat(role.message()).startsWith("PostgreSQL refused the login");
    }
}
