package io.tickwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the users' reference: every setting must stand in it, with its variable. */
class ReadmeListsEverySettingTest {

    @Test
    void everySettingHasARowWithItsKeyAndEnvironmentVariable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting s : Setting.values()) {
            assertThat(readme).as(s.key()).contains("| `" + s.key() + "` | `" + s.environmentVariable() + "` |");
        }
    }
}
