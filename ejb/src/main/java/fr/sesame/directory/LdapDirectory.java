package fr.sesame.directory;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.StaticUtils;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import fr.sesame.school.Uai;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The directory over LDAP, with a small pool of connections bound as Sésame's service account.
 * The pool is opened on first use, so that Sésame starts even while the directory is away, and it
 * reopens by itself when the directory comes back.
 */
@ApplicationScoped
public class LdapDirectory implements Directory {

    private static final Logger LOG = Logger.getLogger(LdapDirectory.class.getName());

    /** Longer than any identifiant or address: a longer login cannot match and is not sent. */
    private static final int MAX_LOGIN_LENGTH = 254;

    @Inject
    Config config;

    private DirectorySettings settings;
    private volatile LDAPConnectionPool pool;

    public LdapDirectory() {
        // for CDI
    }

    /** For tests outside the container. */
    public LdapDirectory(DirectorySettings settings) {
        this.settings = settings;
    }

    @PostConstruct
    void readSettings() {
        if (settings == null) {
            settings = DirectorySettings.from(config);
        }
    }

    public DirectorySettings settings() {
        return settings;
    }

    @Override
    public Optional<Agent> findByLogin(String login) {
        if (login == null || login.isBlank() || login.length() > MAX_LOGIN_LENGTH) {
            return Optional.empty();
        }
        String value = login.strip();
        DirectorySettings.Attributes names = settings.attributes();
        // The SDK escapes the values: "*", "(", ")" and "\" typed by a user stay plain characters.
        Filter filter = Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", settings.personClass()),
                Filter.createORFilter(
                        Filter.createEqualityFilter(names.identifiant(), value),
                        Filter.createEqualityFilter(names.academicAddress(), value)));
        SearchRequest request = new SearchRequest(settings.peopleDn(), SearchScope.SUB, filter, names.all());
        request.setSizeLimit(2);
        request.setTimeLimitSeconds(timeLimitSeconds());
        try {
            SearchResult result = pool().search(request);
            if (result.getEntryCount() != 1) {
                return Optional.empty();
            }
            return Optional.of(toAgent(result.getSearchEntries().get(0)));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED || e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw unavailable("search", e);
        }
    }

    @Override
    public void ping() {
        try {
            if (pool().getRootDSE() == null) {
                throw new DirectoryUnavailableException("The directory has no root DSE", null);
            }
        } catch (LDAPException e) {
            throw unavailable("ping", e);
        }
    }

    private Agent toAgent(SearchResultEntry entry) {
        DirectorySettings.Attributes names = settings.attributes();
        return new Agent(
                entry.getDN(),
                entry.getAttributeValue(names.identifiant()),
                entry.getAttributeValue(names.givenName()),
                entry.getAttributeValue(names.surname()),
                entry.getAttributeValue(names.displayName()),
                entry.getAttributeValue(names.academicAddress()),
                Uai.parse(entry.getAttributeValue(names.uai())),
                Optional.ofNullable(entry.getAttributeValue(names.recoveryAddress())).filter(s -> !s.isBlank()),
                Optional.ofNullable(entry.getAttributeValue(names.mobile())).filter(s -> !s.isBlank()),
                AccountState.fromDirectory(entry.getAttributeValue(names.accountState())),
                Optional.ofNullable(entry.getAttributeValueAsDate(names.passwordChanged())).map(d -> d.toInstant()));
    }

    private int timeLimitSeconds() {
        return (int) Math.max(1, settings.responseTimeout().toSeconds());
    }

    private LDAPConnectionPool pool() throws LDAPException {
        LDAPConnectionPool current = pool;
        if (current == null || current.isClosed()) {
            synchronized (this) {
                current = pool;
                if (current == null || current.isClosed()) {
                    current = openPool();
                    pool = current;
                }
            }
        }
        return current;
    }

    private LDAPConnectionPool openPool() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setUseSynchronousMode(true);
        if (settings.tls()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        SingleServerSet servers = settings.tls()
                ? new SingleServerSet(settings.host(), settings.port(), sslSocketFactory(), options)
                : new SingleServerSet(settings.host(), settings.port(), options);
        BindRequest bind = new SimpleBindRequest(settings.bindDn(), settings.bindPassword());
        LDAPConnectionPool created = new LDAPConnectionPool(servers, bind, 1, settings.poolSize());
        created.setConnectionPoolName("sesame-directory");
        created.setRetryFailedOperationsDueToInvalidConnections(true);
        created.setMaxWaitTimeMillis(settings.connectTimeout().toMillis());
        LOG.info(() -> "Directory pool opened on " + settings.endpoint());
        return created;
    }

    private SSLSocketFactory sslSocketFactory() throws LDAPException {
        TrustManager trust = settings.trustStore().isPresent()
                ? new TrustStoreTrustManager(settings.trustStore().get(),
                        settings.trustStorePassword().toCharArray(), null, true)
                : JVMDefaultTrustManager.getInstance();
        try {
            return new SSLUtil(trust).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "Cannot set up TLS to the directory", e);
        }
    }

    private DirectoryUnavailableException unavailable(String operation, LDAPException e) {
        // A broken connection poisons the pool: drop it, the next call opens a fresh one.
        LDAPConnectionPool broken = pool;
        if (broken != null && !ResultCode.isConnectionUsable(e.getResultCode())) {
            pool = null;
            broken.close();
        }
        LOG.log(Level.WARNING, "Directory {0} failed on {1}: {2}",
                new Object[] {operation, settings.endpoint(), StaticUtils.getExceptionMessage(e)});
        return new DirectoryUnavailableException("Directory " + operation + " failed: " + e.getResultCode(), e);
    }

    @PreDestroy
    void close() {
        LDAPConnectionPool current = pool;
        pool = null;
        if (current != null) {
            current.close();
        }
    }
}
