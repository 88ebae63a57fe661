package fr.sesame.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Brings the database schema up to date before anything uses it. The migrations are SQL files in
 * the persistence module's {@code db/migration}; the empty {@code flyway.location} files beside them
 * let Flyway find them through Liberty's class loader. On a farm every server runs it
 * at start; Flyway's lock on its history table lets one migrate while the others wait.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/sesame")
    DataSource dataSource;

    /**
     * Extra places to read migrations from, such as the embedded run's demo data; comma separated.
     * Production sets it empty, which MicroProfile Config reads as no value.
     */
    @Inject
    @ConfigProperty(name = "sesame.db.extra-migration-locations")
    Optional<String> extraLocations;

    @PostConstruct
    void migrate() {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        Arrays.stream(extraLocations.orElse("").split(","))
                .map(String::strip)
                .filter(location -> !location.isEmpty())
                .forEach(locations::add);
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .placeholders(Map.of("binary_type", binaryType()))
                .locations(locations.toArray(String[]::new))
                // Liberty's persistent timers may have created their tables first.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(false)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** The few column types that differ between H2 and PostgreSQL. */
    private String binaryType() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                    ? "bytea" : "blob";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it", e);
        }
    }
}
