package io.tickwatch.durability;

import io.tickwatch.testing.ChildTickwatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rounds of kill -9 during load on one store (DESIGN.md §4, crash safety): each round starts Tickwatch as its
 * own process, loads it over HTTP from 8 connections until 400 requests are acknowledged, kills it with SIGKILL,
 * and checks every status answered 200 so far, in every round, against the reopened store. Used by
 * {@link KillDashNineIT} (which asserts) and the ingest benchmark (which reports).
 */
public final class CrashRounds {

    /** One round: statuses acknowledged in it, acknowledged in all rounds so far, and those of them not in the store. */
    public record Round(int acknowledged, int acknowledgedSoFar, List<String> missing) {

        public int lost() {
            return missing.size();
        }
    }

    /** Every round, in order. The check after the last one covers the statuses of all of them. */
    public record Result(List<Round> rounds) {

        public long acknowledged() {
            return rounds.stream().mapToLong(Round::acknowledged).sum();
        }

        public long lost() {
            return rounds.isEmpty() ? 0 : rounds.get(rounds.size() - 1).lost();
        }
    }

    /** What is told after each round, e.g. a line on the console. */
    public interface Progress {
        void round(int number, int of, Round round);
    }

    private CrashRounds() {
    }

    public static Result run(Path workDir, String jdbcUrl, int rounds, Progress progress) throws Exception {
        Set<StatusLoad.Acked> acked = new HashSet<>();
        List<Round> done = new ArrayList<>();
        for (int number = 1; number <= rounds; number++) {
            Set<StatusLoad.Acked> thisRound;
            try (ChildTickwatch child = ChildTickwatch.start(workDir, "--db", jdbcUrl)) {
                StatusLoad load = new StatusLoad(child.port(), "wamid.r" + number, 8).start();
                load.awaitAckedRequests(400);
                child.killHard();
                thisRound = load.stop();
            }
            acked.addAll(thisRound);
            List<String> missing = StoredStatuses.missing(jdbcUrl, acked).stream().map(String::valueOf).toList();
            Round round = new Round(thisRound.size(), acked.size(), missing);
            done.add(round);
            progress.round(number, rounds, round);
        }
        return new Result(List.copyOf(done));
    }
}
