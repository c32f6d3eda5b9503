package io.sluice.loadgen.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of a server process and its descendants (nginx's workers are children of
 * its master), read from Linux's {@code /proc}. The CPU of a process that exits between two samples is
 * lost, which is why a benchmark measures servers whose processes live through the run.
 */
public final class ProcessUsage {

    private final Path proc;
    private final long pid;
    private final double nanosPerTick;

    /** @param ticksPerSecond the kernel's {@code USER_HZ} ({@code getconf CLK_TCK}), 100 on Linux */
    public ProcessUsage(Path proc, long pid, long ticksPerSecond) {
        this.proc = proc;
        this.pid = pid;
        this.nanosPerTick = 1e9 / ticksPerSecond;
    }

    /** For a process of this machine. */
    public static ProcessUsage of(long pid) {
        if (!Files.isRegularFile(Path.of("/proc", Long.toString(pid), "stat"))) {
            throw new IllegalArgumentException("no process " + pid + " on this machine (is /proc mounted?)");
        }
        return new ProcessUsage(Path.of("/proc"), pid, 100);
    }

    public long pid() {
        return pid;
    }

    /** User plus system CPU time of the process and every descendant now alive, in nanoseconds. */
    public long cpuNanos() {
        long ticks = 0;
        for (Stat stat : family()) {
            ticks += stat.userTicks() + stat.systemTicks();
        }
        return Math.round(ticks * nanosPerTick);
    }

    /** Resident memory of the process and every descendant now alive, in bytes. */
    public long residentBytes() {
        long kilobytes = 0;
        for (Stat stat : family()) {
            kilobytes += residentKilobytes(stat.pid());
        }
        return kilobytes * 1024;
    }

    private List<Stat> family() {
        Map<Long, List<Stat>> byParent = new HashMap<>();
        Stat root = null;
        for (Stat stat : allProcesses()) {
            byParent.computeIfAbsent(stat.parentPid(), p -> new ArrayList<>()).add(stat);
            if (stat.pid() == pid) {
                root = stat;
            }
        }
        if (root == null) {
            throw new IllegalStateException("process " + pid + " has exited");
        }
        List<Stat> family = new ArrayList<>();
        family.add(root);
        for (int i = 0; i < family.size(); i++) {
            family.addAll(byParent.getOrDefault(family.get(i).pid(), List.of()));
        }
        return family;
    }

    private List<Stat> allProcesses() {
        List<Stat> stats = new ArrayList<>();
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    stats.add(Stat.parse(Files.readString(entry.resolve("stat"))));
                } catch (NoSuchFileException exited) {
                    // The process ended between the listing and the read.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stats;
    }

    private long residentKilobytes(long processId) {
        try {
            for (String line : Files.readAllLines(proc.resolve(Long.toString(processId)).resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
            return 0;
        } catch (NoSuchFileException exited) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of {@code /proc/<pid>/stat} this class reads (proc(5)). */
    record Stat(long pid, long parentPid, long userTicks, long systemTicks) {

        /** The command name may hold spaces and parentheses, so fields are counted from its last ')'. */
        static Stat parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open) {
                throw new IllegalArgumentException("not a /proc stat line: " + line);
            }
            String[] fields = line.substring(close + 2).trim().split(" ");
            // After the name: state(3) ppid(4) pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime(14) stime(15)
            return new Stat(Long.parseLong(line.substring(0, open).trim()), Long.parseLong(fields[1]),
                    Long.parseLong(fields[11]), Long.parseLong(fields[12]));
        }
    }
}
