package io.sluice.auth.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.sluice.auth.support.Db;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schema is Flyway's: the test database starts empty with each test stack, so the migrations ran from
 * nothing, and Hibernate neither created nor changed a table.
 */
@QuarkusTest
class MigrationTest {

    @Test
    void everyMigrationRanFromEmptyAndSucceeded() {
        List<Map<String, Object>> history = Db.query(
                "select version, success from flyway_schema_history where version is not null order by installed_rank");
        assertThat(history).isNotEmpty();
        assertThat(history.getFirst()).containsEntry("version", "1");
        assertThat(history).allSatisfy(row -> assertThat(row).containsEntry("success", true));
    }

    @Test
    void theTablesAreTheMigrationsAndNothingElse() {
        List<Object> tables = Db.query("select table_name from information_schema.tables where table_schema = current_schema()"
                + " order by table_name").stream().map(row -> row.get("table_name")).toList();
        assertThat(tables).containsExactly("flyway_schema_history", "live_stream", "registry_outbox", "stream_session");
    }

    @Test
    void theKeyColumnHoldsAHashAndIsUnique() {
        List<Map<String, Object>> columns = Db.query("select column_name from information_schema.columns"
                + " where table_name = 'live_stream' and column_name like '%key%'");
        assertThat(columns).extracting(row -> row.get("column_name")).containsExactly("key_hash");
        assertThat(Db.query("select 1 from pg_constraint where conname = 'live_stream_key_hash_unique'")).hasSize(1);
    }
}
