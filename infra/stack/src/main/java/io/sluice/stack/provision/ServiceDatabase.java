package io.sluice.stack.provision;

import java.util.regex.Pattern;

/** A service's own database and the role that owns it. */
public record ServiceDatabase(String service, String name, String user, String password) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public ServiceDatabase {
        // Names go into DDL, which cannot take bind parameters: accept plain identifiers only.
        if (!IDENTIFIER.matcher(name).matches() || !IDENTIFIER.matcher(user).matches()) {
            throw new IllegalArgumentException("database and user names must be lower-case identifiers: " + name + ", " + user);
        }
    }

    public String jdbcUrl(String host, int port) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }
}
