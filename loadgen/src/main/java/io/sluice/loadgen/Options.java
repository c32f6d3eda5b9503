package io.sluice.loadgen;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line options of the form {@code --name value} or {@code --flag}. Every option a command reads is
 * declared with its default and a line of help, so an unknown or misspelt option is an error instead of a
 * silently ignored setting that would make a benchmark measure something else than it says.
 */
public final class Options {

    private final Map<String, String> given;
    private final Map<String, String[]> declared = new LinkedHashMap<>();

    private Options(Map<String, String> given) {
        this.given = given;
    }

    /** Parses {@code args}; a value that starts with {@code --} is taken as the next option, not a value. */
    public static Options parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || args[i].length() == 2) {
                throw new UsageException("unexpected argument '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            given.put(name, flag ? "true" : args[++i]);
        }
        return new Options(given);
    }

    /** Declares an option; {@code fallback} {@code null} means none (the option is then optional). */
    public Options declare(String name, String fallback, String help) {
        declared.put(name, new String[] {fallback, help});
        return this;
    }

    /** Whether {@code --help} was given. */
    public boolean helpWanted() {
        return given.containsKey("help");
    }

    /** Fails on an option that no declaration names. */
    public void rejectUnknown() {
        for (String name : given.keySet()) {
            if (!declared.containsKey(name) && !name.equals("help")) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }

    /** One line per declared option, for {@code --help}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        declared.forEach((name, spec) -> text.append(String.format("  --%-22s %s%s%n", name, spec[1],
                spec[0] == null ? "" : " (default " + spec[0] + ")")));
        return text.toString();
    }

    public boolean has(String name) {
        return value(name) != null;
    }

    public String string(String name) {
        String value = value(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    public int integer(String name, int min, int max) {
        String value = string(name);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new UsageException("--" + name + " must be within [" + min + ", " + max + "]: " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " is not a whole number: " + value);
        }
    }

    /** Whether a two-way option is {@code yes} rather than {@code no}; any other value is a usage error. */
    public boolean either(String name, String yes, String no) {
        String value = string(name);
        if (value.equals(yes) || value.equals(no)) {
            return value.equals(yes);
        }
        throw new UsageException("--" + name + " is " + yes + " or " + no + ", not " + value);
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(string(name));
    }

    /** A duration written as {@code 90s}, {@code 2m}, {@code 500ms} or a number of seconds. */
    public Duration duration(String name) {
        String value = string(name).trim();
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " is not a duration (90s, 2m, 500ms): " + value);
        }
    }

    private String value(String name) {
        if (!declared.containsKey(name)) {
            throw new IllegalStateException("option --" + name + " is read but not declared");
        }
        String value = given.get(name);
        return value != null ? value : declared.get(name)[0];
    }

    /** A mistake on the command line, reported as one line and the usage. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
