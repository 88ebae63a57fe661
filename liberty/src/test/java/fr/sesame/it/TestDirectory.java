package fr.sesame.it;

/**
 * The directory the test server talks to, as the tests drive it: the embedded one or OpenLDAP
 * ({@code -Dsesame.it.directory=openldap}), on the same port and with the same demo académie.
 */
public interface TestDirectory extends AutoCloseable {

    /** The directory goes away as a crash takes it: clients see their connections drop. Its data stays. */
    void stopListening();

    /** The directory answers again, with the data it had. */
    void startListening() throws Exception;

    @Override
    void close();

    /** Which directory this run uses: "embedded" (the default) or "openldap". */
    static String flavour() {
        return System.getProperty("sesame.it.directory", "embedded");
    }

    static boolean isOpenLdap() {
        return "openldap".equals(flavour());
    }
}
