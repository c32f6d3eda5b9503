package io.sluice.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where a running stack answers: what the services are configured with, and what a test run hands to
 * {@code @QuarkusTest} through its test resources.
 *
 * @param databases by service name ({@code auth}, {@code recording}, {@code simulcast})
 */
public record StackEndpoints(String kafkaBootstrapServers, String keycloakUrl, Map<String, Database> databases) {

    public record Database(String jdbcUrl, String user, String password) {
    }

    public StackEndpoints {
        databases = Map.copyOf(databases);
    }

    public String oidcServerUrl() {
        return keycloakUrl + "/realms/sluice";
    }

    public Database database(String service) {
        Database db = databases.get(service);
        if (db == null) {
            throw new IllegalArgumentException("no database for service " + service);
        }
        return db;
    }

    public void save(Path file) {
        Properties props = new Properties();
        props.setProperty("kafka.bootstrap-servers", kafkaBootstrapServers);
        props.setProperty("keycloak.url", keycloakUrl);
        databases.forEach((service, db) -> {
            props.setProperty("db." + service + ".url", db.jdbcUrl());
            props.setProperty("db." + service + ".user", db.user());
            props.setProperty("db." + service + ".password", db.password());
        });
        try (Writer writer = Files.newBufferedWriter(file)) {
            props.store(writer, "Endpoints of a running Sluice stack");
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage());
        }
    }

    public static StackEndpoints load(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new StackException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, Database> databases = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("db.") && key.endsWith(".url")) {
                String service = key.substring(3, key.length() - 4);
                databases.put(service, new Database(props.getProperty(key), props.getProperty("db." + service + ".user"),
                        props.getProperty("db." + service + ".password")));
            }
        }
        return new StackEndpoints(props.getProperty("kafka.bootstrap-servers"), props.getProperty("keycloak.url"), databases);
    }
}
