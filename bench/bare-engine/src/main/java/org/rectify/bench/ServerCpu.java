package org.rectify.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time of a server under load, from /proc: the server's JVM, and its embedded PostgreSQL (the postmaster and its
 * backends; pg_ctl starts the postmaster detached, so it is named by its pid, not found among the JVM's children). A
 * backend that has ended is counted through the postmaster, which reaps it and so carries its time in its children's
 * fields; a live one is counted itself.
 */
final class ServerCpu {

    /** Linux reports CPU in clock ticks of 1/100 s (USER_HZ) on every kernel we run. */
    static final double MS_PER_TICK = 10.0;

    private ServerCpu() {
    }

    /** [ticks of the JVM, ticks of the postmaster and its backends]. */
    static long[] of(long jvm, long postmaster) {
        return new long[] {ticks(jvm, false), subtree(postmaster)};
    }

    private static long subtree(long pid) {
        long sum = ticks(pid, true);
        for (long child : children(pid)) {
            sum += subtree(child);
        }
        return sum;
    }

    /** utime + stime, and with {@code reaped} also cutime + cstime (the children it has waited for). */
    private static long ticks(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return reaped ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try (var tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                for (String child : Files.readString(task.resolve("children")).trim().split("\\s+")) {
                    if (!child.isEmpty()) {
                        children.add(Long.parseLong(child));
                    }
                }
            }
        } catch (IOException | RuntimeException gone) {
            // ended meanwhile
        }
        return children;
    }
}
