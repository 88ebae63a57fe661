package fr.sesame.it;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second run is the production shape: the server it tests keeps its data in PostgreSQL, which
 * its own start migrated, and nowhere else.
 */
class OpenLdapPostgresqlIT {

    @Test
    void theServerMigratedThePostgresqlDatabaseTheTestsRead() {
        assertThat(ItDatabase.productName()).isEqualTo("PostgreSQL");
        List<String> versions = ItDatabase.texts(
                "select version from flyway_schema_history where success and version is not null order by installed_rank");
        assertThat(versions).contains("1", "12");
        assertThat(ItDatabase.texts("select count(*) from school where uai = ?", "0801234A")).containsExactly("1");
    }
}
