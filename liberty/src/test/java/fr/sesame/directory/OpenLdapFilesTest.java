package fr.sesame.directory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files ops add to a slapd.conf directory load in OpenLDAP as they are: {@code slaptest} reads a
 * configuration with Sésame's schema, the ppolicy overlay and Sésame's access rules. (The cn=config
 * LDIFs are loaded by the OpenLDAP test run itself.)
 */
class OpenLdapFilesTest {

    private static final Path SHIPPED = Path.of("src/main/resources/directory/openldap");

    @Test
    void slaptestAcceptsTheSchemaAndTheAccessRulesForSlapdConf(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("data"));
        Path conf = folder.resolve("slapd.conf");
        Files.writeString(conf, String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "include " + SHIPPED.resolve("sesame.schema").toAbsolutePath(),
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "moduleload ppolicy",
                "database mdb",
                "suffix \"dc=ac-amiens,dc=fr\"",
                "directory " + folder.resolve("data"),
                "overlay ppolicy",
                "include " + SHIPPED.resolve("sesame-acl.conf").toAbsolutePath(),
                ""), StandardCharsets.UTF_8);
        Process slaptest = new ProcessBuilder(List.of("/usr/sbin/slaptest", "-u", "-f", conf.toString()))
                .redirectErrorStream(true).start();
        String output = new String(slaptest.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(slaptest.waitFor()).as(output).isZero();
        assertThat(output).contains("config file testing succeeded");
    }

    @Test
    void theSchemaForCnConfigDoesNotRedefineWhatPpolicyProvides() throws Exception {
        for (String file : List.of("sesame.schema", "sesame-schema.ldif")) {
            String text = Files.readString(SHIPPED.resolve(file));
            assertThat(text.lines().filter(line -> !line.startsWith("#")))
                    .as(file).noneMatch(line -> line.contains("'pwdChangedTime'") || line.contains("'pwdAccountLockedTime'"));
        }
    }
}
