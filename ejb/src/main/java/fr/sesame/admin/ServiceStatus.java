package fr.sesame.admin;

import fr.sesame.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.directory.LdapDirectory;
import fr.sesame.mail.MailServer;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * Checks the three parts Sésame cannot work without: the directory, the database and the mail
 * server. Used by the readiness probe and by the administrators' status page.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServiceStatus {

    private static final int DATABASE_TIMEOUT_SECONDS = 3;

    @Inject
    LdapDirectory directory;

    @Inject
    MailServer mailServer;

    @Resource(lookup = "jdbc/sesame")
    DataSource dataSource;

    @RolesAllowed(Roles.ADMIN)
    public List<ComponentStatus> all() {
        return List.of(directory(), database(), mail());
    }

    public ComponentStatus directory() {
        String endpoint = directory.settings().endpoint();
        try {
            directory.ping();
            return new ComponentStatus("directory", true, endpoint, "");
        } catch (DirectoryUnavailableException e) {
            return new ComponentStatus("directory", false, endpoint, e.getMessage());
        }
    }

    public ComponentStatus database() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String endpoint = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            boolean valid = connection.isValid(DATABASE_TIMEOUT_SECONDS);
            return new ComponentStatus("database", valid, endpoint, valid ? "" : "connection not valid");
        } catch (SQLException e) {
            return new ComponentStatus("database", false, "jdbc/sesame", e.getClass().getSimpleName());
        }
    }

    public ComponentStatus mail() {
        String endpoint = mailServer.endpoint();
        try {
            mailServer.ping();
            return new ComponentStatus("mail", true, endpoint, "");
        } catch (MessagingException | RuntimeException e) {
            return new ComponentStatus("mail", false, endpoint, e.getClass().getSimpleName());
        }
    }
}
