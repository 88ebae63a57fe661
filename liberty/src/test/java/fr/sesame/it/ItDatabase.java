package fr.sesame.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The test server's database, opened beside it (H2 AUTO_SERVER, or the PostgreSQL server of the
 * second run): the only way a test moves time forward, for example to make an invitation old.
 */
public final class ItDatabase {

    private ItDatabase() {
    }

    /** The first column of the rows a query returns, as text. */
    public static java.util.List<String> texts(String sql, Object... parameters) {
        String url = System.getProperty("sesame.it.db-url");
        try (Connection connection = DriverManager.getConnection(url, "sesame", "sesame-embedded-only");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            java.util.List<String> texts = new java.util.ArrayList<>();
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
            return texts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test server's database at " + url, e);
        }
    }

    /** What the database is ("H2", "PostgreSQL"). */
    public static String productName() {
        String url = System.getProperty("sesame.it.db-url");
        try (Connection connection = DriverManager.getConnection(url, "sesame", "sesame-embedded-only")) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test server's database at " + url, e);
        }
    }

    public static int update(String sql, Object... parameters) {
        String url = System.getProperty("sesame.it.db-url");
        try (Connection connection = DriverManager.getConnection(url, "sesame", "sesame-embedded-only");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test server's database at " + url, e);
        }
    }
}
