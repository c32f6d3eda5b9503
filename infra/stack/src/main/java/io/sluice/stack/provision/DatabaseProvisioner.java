package io.sluice.stack.provision;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/** Creates each service's role and database on a PostgreSQL server, through its administrative user. */
public final class DatabaseProvisioner {

    private final String adminUrl;
    private final String adminUser;
    private final String adminPassword;

    public DatabaseProvisioner(String host, int port, String adminUser, String adminPassword) {
        this.adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres?connectTimeout=5&socketTimeout=30";
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** Opens and closes an administrative connection; throws with the server's reason when it cannot. */
    public void checkLogin() throws SQLException {
        try (Connection ignored = connect()) {
            // Reaching here is the check.
        }
    }

    /**
     * Creates what is missing. With {@code fresh}, drops each database first, so a test run starts from an
     * empty schema and the migrations run from scratch.
     */
    public void apply(Collection<ServiceDatabase> databases, boolean fresh) throws SQLException {
        try (Connection admin = connect(); Statement ddl = admin.createStatement()) {
            for (ServiceDatabase db : databases) {
                if (fresh) {
                    ddl.execute("DROP DATABASE IF EXISTS \"" + db.name() + "\" WITH (FORCE)");
                }
                if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", db.user())) {
                    ddl.execute("CREATE ROLE \"" + db.user() + "\" LOGIN PASSWORD '" + db.password().replace("'", "''") + "'");
                }
                if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", db.name())) {
                    ddl.execute("CREATE DATABASE \"" + db.name() + "\" OWNER \"" + db.user() + "\"");
                }
            }
        }
    }

    /** Drops the databases of a test run that is over. */
    public void drop(Collection<ServiceDatabase> databases) throws SQLException {
        try (Connection admin = connect(); Statement ddl = admin.createStatement()) {
            for (ServiceDatabase db : databases) {
                ddl.execute("DROP DATABASE IF EXISTS \"" + db.name() + "\" WITH (FORCE)");
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(adminUrl, adminUser, adminPassword);
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
