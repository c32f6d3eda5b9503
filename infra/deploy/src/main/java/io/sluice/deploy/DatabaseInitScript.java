package io.sluice.deploy;

import io.sluice.stack.provision.ServiceDatabase;
import java.util.List;

/**
 * The SQL that gives a fresh PostgreSQL the databases and roles of the local stack (one per service with a
 * database), for the PostgreSQL of the compose file and of the dev overlay: their entrypoint runs it once,
 * on an empty data folder.
 */
final class DatabaseInitScript {

    private DatabaseInitScript() {
    }

    static String render(List<ServiceDatabase> databases) {
        StringBuilder sql = new StringBuilder("""
                -- Generated from the local stack's databases (infra/stack ServiceCatalog) by infra/deploy (DeployManifests).
                -- Local passwords only: production uses a PostgreSQL of its own.
                """);
        for (ServiceDatabase db : databases) {
            sql.append("CREATE ROLE \"").append(db.user()).append("\" LOGIN PASSWORD '")
                    .append(db.password().replace("'", "''")).append("';\n")
                    .append("CREATE DATABASE \"").append(db.name()).append("\" OWNER \"").append(db.user()).append("\";\n");
        }
        return sql.toString();
    }
}
