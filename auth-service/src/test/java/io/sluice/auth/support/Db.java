package io.sluice.auth.support;

import io.sluice.stack.StackEndpoints;
import io.sluice.testkit.TestStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC on the service's test database, to look at what is really stored. */
public final class Db {

    private Db() {
    }

    public static List<Map<String, Object>> query(String sql, Object... parameters) {
        StackEndpoints.Database db = TestStack.get().endpoints().database("auth");
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs one statement outside the service.
     *
     * @return the rows it changed
     * @throws IllegalStateException with the driver's {@link SQLException} (and its SQLState) as the cause
     */
    public static int execute(String sql, Object... parameters) {
        StackEndpoints.Database db = TestStack.get().endpoints().database("auth");
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> streamRow(String id) {
        List<Map<String, Object>> rows = query("select * from live_stream where id = ?", id);
        return rows.isEmpty() ? null : rows.getFirst();
    }
}
