package fr.sesame.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The verification of the audit trail's chain for ops, without Sésame running:
 * {@code java -cp sesame-persistence.jar:postgresql.jar fr.sesame.security.AuditChainCheck JDBC_URL [USER]},
 * the password in the environment variable {@code SESAME_DB_PASSWORD}. It only reads. Exit status 0 when
 * the chain is intact, 1 when it is broken (the first broken link is named), 2 when the database
 * cannot be read.
 */
public final class AuditChainCheck {

    private AuditChainCheck() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: AuditChainCheck JDBC_URL [USER]   (password in SESAME_DB_PASSWORD)");
            System.exit(2);
        }
        String user = args.length == 2 ? args[1] : null;
        String password = System.getenv("SESAME_DB_PASSWORD");
        try (Connection connection = DriverManager.getConnection(args[0], user, password)) {
            connection.setReadOnly(true);
            AuditChain.Verification verification = AuditChain.verify(connection);
            System.out.println(verification.describe());
            System.exit(verification.intact() ? 0 : 1);
        } catch (SQLException e) {
            // The driver's message, never the URL's password (it comes from the environment).
            System.err.println("cannot read the audit trail: " + e.getMessage());
            System.exit(2);
        }
    }
}
