package fr.sesame.directory;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10RequestControl;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ResponseControl;
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
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.asn1.ASN1OctetString;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
    /** The policy's longest password: a longer one cannot be the agent's and is not sent. */
    /** Entries per page of a long search: small enough for any server's limit, large enough to be quick. */
    private static final int PAGE_SIZE = 500;
    /** Identifiants asked for in one search: an OR of a hundred equality terms on an indexed attribute. */
    private static final int IDENTIFIANTS_PER_SEARCH = 100;

    @Inject
    Config config;

    private DirectorySettings settings;
    private volatile LDAPConnectionPool pool;
    private volatile Boolean passwordModifySupported;

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
        // The selective part first: some servers (the embedded one) use the index of the first component.
        Filter filter = Filter.createANDFilter(
                Filter.createORFilter(
                        Filter.createEqualityFilter(names.identifiant(), value),
                        Filter.createEqualityFilter(names.academicAddress(), value)),
                Filter.createEqualityFilter("objectClass", settings.personClass()));
        return searchOne(filter);
    }

    /** The one person entry matching; empty when none or several match. */
    private Optional<Agent> searchOne(Filter filter) {
        SearchRequest request = new SearchRequest(settings.peopleDn(), SearchScope.SUB, filter, searchedAttributes());
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
    public Optional<Agent> findByNumen(Numen numen) {
        Filter filter = Filter.createANDFilter(
                Filter.createEqualityFilter(settings.attributes().numen(), numen.value()),
                Filter.createEqualityFilter("objectClass", settings.personClass()));
        return searchOne(filter);
    }

    @Override
    public boolean numenMatches(Agent agent, Numen numen) {
        try {
            return pool().compare(agent.dn(), settings.attributes().numen(), numen.value()).compareMatched();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE || e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw unavailable("compare", e);
        }
    }

    @Override
    public boolean isIdentifiantTaken(String identifiant) {
        return exists(Filter.createEqualityFilter(settings.attributes().identifiant(), identifiant));
    }

    @Override
    public boolean isAddressTaken(String academicAddress) {
        return exists(Filter.createEqualityFilter(settings.attributes().academicAddress(), academicAddress));
    }

    /** Searched in the whole tree: identifiants and addresses must be unique in all of it, not only among people. */
    private boolean exists(Filter filter) {
        SearchRequest request = new SearchRequest(settings.baseDn(), SearchScope.SUB, filter, SearchRequest.NO_ATTRIBUTES);
        request.setSizeLimit(1);
        request.setTimeLimitSeconds(timeLimitSeconds());
        try {
            return pool().search(request).getEntryCount() > 0;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return true;
            }
            throw unavailable("search", e);
        }
    }

    @Override
    public Agent addPendingAgent(NewAgent agent) {
        DirectorySettings.Attributes names = settings.attributes();
        String dn = childDn(names.identifiant(), agent.identifiant(), settings.peopleDn());
        Entry entry = new Entry(dn);
        entry.addAttribute("objectClass", settings.groups().newEntryClasses().toArray(String[]::new));
        entry.addAttribute(names.identifiant(), agent.identifiant());
        entry.addAttribute(names.givenName(), agent.givenName());
        entry.addAttribute(names.surname(), agent.surname());
        entry.addAttribute("cn", agent.displayName());
        entry.addAttribute(names.displayName(), agent.displayName());
        entry.addAttribute(names.academicAddress(), agent.academicAddress());
        entry.addAttribute(names.numen(), agent.numen().value());
        entry.addAttribute(names.uai(), agent.uai().value());
        entry.addAttribute(names.recoveryAddress(), agent.recoveryAddress());
        agent.mobile().ifPresent(mobile -> entry.addAttribute(names.mobile(), mobile));
        entry.addAttribute(names.accountState(), AccountState.PENDING.directoryValue());
        try {
            pool().add(entry);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS) {
                throw new IdentifiantTakenException(agent.identifiant());
            }
            throw unavailable("add", e);
        }
        // What was just written: no read back (an import adds tens of thousands).
        return new Agent(dn, agent.identifiant(), agent.givenName(), agent.surname(), agent.displayName(),
                agent.academicAddress(), Optional.of(agent.uai()), Optional.of(agent.recoveryAddress()).filter(s -> !s.isBlank()),
                agent.mobile().filter(s -> !s.isBlank()), AccountState.PENDING, Optional.empty());
    }

    @Override
    public java.util.Map<String, Agent> findByNumens(java.util.Collection<Numen> numens) {
        java.util.Map<String, Agent> found = new java.util.HashMap<>();
        if (numens.isEmpty()) {
            return found;
        }
        // NUMENs are compared, never read: one search tells whether any is known (a file of new agents:
        // none), then each is looked for on its own only when some are (a file imported again).
        String numen = settings.attributes().numen();
        List<Filter> terms = numens.stream().map(n -> Filter.createEqualityFilter(numen, n.value())).toList();
        Filter person = Filter.createEqualityFilter("objectClass", settings.personClass());
        if (searchAll(settings.peopleDn(), terms, any -> Filter.createANDFilter(any, person), new String[] {SearchRequest.NO_ATTRIBUTES},
                "NUMEN search").isEmpty()) {
            return found;
        }
        for (Numen each : new java.util.LinkedHashSet<>(numens)) {
            findByNumen(each).ifPresent(agent -> found.put(each.value(), agent));
        }
        return found;
    }

    @Override
    public java.util.Map<String, Agent> findByIdentifiants(java.util.Collection<String> identifiants) {
        java.util.Map<String, Agent> found = new java.util.HashMap<>();
        List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(identifiants));
        Filter person = Filter.createEqualityFilter("objectClass", settings.personClass());
        for (int from = 0; from < distinct.size(); from += IDENTIFIANTS_PER_SEARCH) {
            List<Filter> terms = distinct.subList(from, Math.min(distinct.size(), from + IDENTIFIANTS_PER_SEARCH)).stream()
                    .map(identifiant -> Filter.createEqualityFilter(settings.attributes().identifiant(), identifiant)).toList();
            for (SearchResultEntry entry : searchAll(settings.peopleDn(), terms, any -> Filter.createANDFilter(any, person),
                    searchedAttributes(), "identifiant search")) {
                Agent agent = toAgent(entry);
                found.put(agent.identifiant().toLowerCase(java.util.Locale.ROOT), agent);
            }
        }
        return found;
    }

    @Override
    public java.util.Set<String> takenAmong(java.util.Collection<String> identifiants, java.util.Collection<String> addresses) {
        DirectorySettings.Attributes names = settings.attributes();
        List<Filter> terms = new ArrayList<>();
        identifiants.forEach(value -> terms.add(Filter.createEqualityFilter(names.identifiant(), value)));
        addresses.forEach(value -> terms.add(Filter.createEqualityFilter(names.academicAddress(), value)));
        java.util.Set<String> taken = new java.util.HashSet<>();
        if (terms.isEmpty()) {
            return taken;
        }
        for (SearchResultEntry entry : searchAll(settings.baseDn(), terms, any -> any,
                new String[] {names.identifiant(), names.academicAddress()}, "identifiant and address search")) {
            for (String attribute : new String[] {names.identifiant(), names.academicAddress()}) {
                String[] values = entry.getAttributeValues(attribute);
                if (values != null) {
                    for (String value : values) {
                        taken.add(value.toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return taken;
    }

    /**
     * Every entry an OR of these terms matches (a bounded set: one import chunk's values). A server whose
     * size limit is lower than the answer is asked again in halves.
     */
    private List<SearchResultEntry> searchAll(String base, List<Filter> terms, java.util.function.UnaryOperator<Filter> around,
                                              String[] attributes, String what) {
        SearchRequest request = new SearchRequest(base, SearchScope.SUB, around.apply(Filter.createORFilter(terms)), attributes);
        request.setTimeLimitSeconds(timeLimitSeconds());
        try {
            return pool().search(request).getSearchEntries();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED && terms.size() > 1) {
                List<SearchResultEntry> entries = new ArrayList<>(searchAll(base, terms.subList(0, terms.size() / 2), around,
                        attributes, what));
                entries.addAll(searchAll(base, terms.subList(terms.size() / 2, terms.size()), around, attributes, what));
                return entries;
            }
            throw unavailable(what, e);
        }
    }

    @Override
    public void joinAgentsGroup(List<Agent> agents) {
        if (agents.isEmpty()) {
            return;
        }
        DirectorySettings.Groups groups = settings.groups();
        try {
            pool().modify(childDn("cn", groups.agentGroup(), groups.groupsDn()), new Modification(
                    ModificationType.ADD, groups.memberAttribute(), agents.stream().map(Agent::dn).toArray(String[]::new)));
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.ATTRIBUTE_OR_VALUE_EXISTS) {
                throw unavailable("group membership", e);
            }
            // One of them is there already (an import resumed): each on its own, the others still join.
            agents.forEach(agent -> joinAgentsGroup(agent.dn()));
        }
    }

    /** A DN built by the SDK, so that characters special in DNs stay plain. */
    private static String childDn(String attribute, String value, String parent) {
        try {
            return new DN(new RDN(attribute, value), new DN(parent)).toString();
        } catch (LDAPException e) {
            throw new IllegalStateException("Not a DN in the configuration: " + parent, e);
        }
    }

    private void joinAgentsGroup(String memberDn) {
        DirectorySettings.Groups groups = settings.groups();
        try {
            pool().modify(childDn("cn", groups.agentGroup(), groups.groupsDn()), new Modification(
                    ModificationType.ADD, groups.memberAttribute(), memberDn));
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.ATTRIBUTE_OR_VALUE_EXISTS) {
                throw unavailable("group membership", e);
            }
        }
    }

    @Override
    public void setPassword(Agent agent, String password) throws PasswordRefusedByDirectoryException {
        // The policy control asks a ppolicy directory to say why it refuses (servers without it ignore it).
        Control policy = new DraftBeheraLDAPPasswordPolicy10RequestControl(false);
        try {
            if (supportsPasswordModify()) {
                // The directory hashes the password itself, with its own scheme.
                ExtendedResult result = pool().processExtendedOperation(
                        new PasswordModifyExtendedRequest(agent.dn(), null, password, new Control[] {policy}));
                if (result.getResultCode() != ResultCode.SUCCESS) {
                    throw new LDAPException(result);
                }
            } else {
                pool().modify(new ModifyRequest(agent.dn(), List.of(new Modification(
                        ModificationType.REPLACE, "userPassword", password)), new Control[] {policy}));
            }
        } catch (LDAPException e) {
            Optional<PasswordRefusedByDirectoryException.Refusal> refusal = refusalIn(e);
            if (refusal.isPresent()) {
                throw new PasswordRefusedByDirectoryException(refusal.get(), e.getResultCode() + " " + e.getDiagnosticMessage());
            }
            throw unavailable("password change", e);
        }
    }

    /** Why the directory refused a password, if it did: its policy control's error, or a constraint it names. */
    static Optional<PasswordRefusedByDirectoryException.Refusal> refusalIn(LDAPException e) {
        DraftBeheraLDAPPasswordPolicy10ErrorType error = policyError(e);
        if (error != null) {
            return Optional.of(switch (error) {
                case PASSWORD_IN_HISTORY -> PasswordRefusedByDirectoryException.Refusal.IN_HISTORY;
                case INSUFFICIENT_PASSWORD_QUALITY, PASSWORD_TOO_SHORT -> PasswordRefusedByDirectoryException.Refusal.QUALITY;
                case PASSWORD_TOO_YOUNG -> PasswordRefusedByDirectoryException.Refusal.TOO_YOUNG;
                default -> PasswordRefusedByDirectoryException.Refusal.OTHER;
            });
        }
        ResultCode code = e.getResultCode();
        if (code == ResultCode.CONSTRAINT_VIOLATION || code == ResultCode.UNWILLING_TO_PERFORM
                || code == ResultCode.INVALID_ATTRIBUTE_SYNTAX) {
            return Optional.of(PasswordRefusedByDirectoryException.Refusal.OTHER);
        }
        return Optional.empty();
    }

    /** The error of the password policy response control the directory joined to its answer, if any. */
    private static DraftBeheraLDAPPasswordPolicy10ErrorType policyError(LDAPException e) {
        DraftBeheraLDAPPasswordPolicy10ResponseControl control = null;
        for (Control response : e.getResponseControls()) {
            if (response instanceof DraftBeheraLDAPPasswordPolicy10ResponseControl policy) {
                control = policy;
            } else if (DraftBeheraLDAPPasswordPolicy10ResponseControl.PASSWORD_POLICY_RESPONSE_OID.equals(response.getOID())) {
                try {
                    control = new DraftBeheraLDAPPasswordPolicy10ResponseControl(response.getOID(), response.isCritical(),
                            response.getValue());
                } catch (LDAPException unreadable) {
                    LOG.log(Level.FINE, "Unreadable password policy control", unreadable);
                }
            }
        }
        return control == null ? null : control.getErrorType();
    }

    private boolean supportsPasswordModify() throws LDAPException {
        Boolean supported = passwordModifySupported;
        if (supported == null) {
            RootDSE root = pool().getRootDSE();
            supported = root != null && root.supportsExtendedOperation(
                    PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID);
            passwordModifySupported = supported;
        }
        return supported;
    }

    @Override
    public void activate(Agent agent, String recoveryAddress) {
        DirectorySettings.Attributes names = settings.attributes();
        try {
            pool().modify(agent.dn(),
                    new Modification(ModificationType.REPLACE,
                            names.accountState(), AccountState.ACTIVE.directoryValue()),
                    recoveryAddress == null
                            ? new Modification(ModificationType.REPLACE, names.recoveryAddress())
                            : new Modification(ModificationType.REPLACE, names.recoveryAddress(), recoveryAddress));
        } catch (LDAPException e) {
            throw unavailable("activation", e);
        }
    }

    @Override
    public void setRecoveryAddress(Agent agent, String recoveryAddress) {
        try {
            pool().modify(agent.dn(), new Modification(ModificationType.REPLACE,
                    settings.attributes().recoveryAddress(), recoveryAddress));
        } catch (LDAPException e) {
            throw unavailable("recovery address", e);
        }
    }

    @Override
    public void lock(Agent agent) {
        close(agent, AccountState.LOCKED, "lock");
    }

    @Override
    public void depart(Agent agent) {
        close(agent, AccountState.DEPARTED, "departure");
    }

    /** The state written, and the directory's own lock: the mail servers refuse the agent's bind from now on. */
    private void close(Agent agent, AccountState state, String operation) {
        try {
            List<Modification> changes = new ArrayList<>();
            changes.add(new Modification(ModificationType.REPLACE, settings.attributes().accountState(), state.directoryValue()));
            settings.lock().attribute().ifPresent(attribute ->
                    changes.add(new Modification(ModificationType.REPLACE, attribute, settings.lock().value())));
            pool().modify(agent.dn(), changes);
        } catch (LDAPException e) {
            throw unavailable(operation, e);
        }
    }

    @Override
    public int leaveSesameGroups(Agent agent) {
        DirectorySettings.Groups groups = settings.groups();
        try {
            SearchResult found = pool().search(new SearchRequest(groups.groupsDn(), SearchScope.SUB,
                    Filter.createEqualityFilter(groups.memberAttribute(), agent.dn()), SearchRequest.NO_ATTRIBUTES));
            for (SearchResultEntry group : found.getSearchEntries()) {
                try {
                    pool().modify(group.getDN(), new Modification(ModificationType.DELETE, groups.memberAttribute(), agent.dn()));
                } catch (LDAPException e) {
                    if (e.getResultCode() != ResultCode.NO_SUCH_ATTRIBUTE) {
                        throw e; // gone since the search: nothing to do for that group
                    }
                }
            }
            return found.getEntryCount();
        } catch (LDAPException e) {
            throw unavailable("leaving groups", e);
        }
    }

    @Override
    public void unlock(Agent agent) {
        try {
            List<Modification> changes = new ArrayList<>();
            changes.add(new Modification(ModificationType.REPLACE, settings.attributes().accountState(),
                    AccountState.ACTIVE.directoryValue()));
            // No value: the directory's lock goes, whether it was there or not.
            settings.lock().attribute().ifPresent(attribute -> changes.add(new Modification(ModificationType.REPLACE, attribute)));
            pool().modify(agent.dn(), changes);
        } catch (LDAPException e) {
            throw unavailable("unlock", e);
        }
    }

    @Override
    public boolean passwordMatches(Agent agent, String password) {
        if (password == null || password.isEmpty() || password.length() > fr.sesame.password.PasswordPolicy.MAXIMUM_LENGTH) {
            return false; // an empty password would be an anonymous bind, which "succeeds"
        }
        try {
            pool().bindAndRevertAuthentication(new SimpleBindRequest(agent.dn(), password));
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw unavailable("password check", e);
        }
    }

    @Override
    public boolean passwordExpired(Agent agent, String password) {
        if (password == null || password.isEmpty() || password.length() > fr.sesame.password.PasswordPolicy.MAXIMUM_LENGTH) {
            return false;
        }
        try {
            pool().bindAndRevertAuthentication(new SimpleBindRequest(agent.dn(), password,
                    new DraftBeheraLDAPPasswordPolicy10RequestControl(false)));
            return false;
        } catch (LDAPException e) {
            if (policyError(e) == DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_EXPIRED) {
                return true;
            }
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw unavailable("password expiry check", e);
        }
    }

    @Override
    public int forEachPasswordChangedBetween(Instant from, Instant to, Consumer<Agent> each) {
        String changed = settings.attributes().passwordChanged();
        Filter filter = Filter.createANDFilter(
                Filter.createGreaterOrEqualFilter(changed, StaticUtils.encodeGeneralizedTime(Date.from(from))),
                Filter.createLessOrEqualFilter(changed, StaticUtils.encodeGeneralizedTime(Date.from(to))),
                Filter.createEqualityFilter("objectClass", settings.personClass()));
        SearchRequest request = new SearchRequest(settings.peopleDn(), SearchScope.SUB, filter, searchedAttributes());
        int count = 0;
        LDAPConnectionPool connections;
        LDAPConnection connection;
        try {
            connections = pool();
            // One connection for the whole search: the paging cookie belongs to it.
            connection = connections.getConnection();
        } catch (LDAPException e) {
            throw unavailable("paged search", e);
        }
        boolean healthy = false;
        try {
            ASN1OctetString cookie = null;
            do {
                request.setControls(new SimplePagedResultsControl(PAGE_SIZE, cookie, true));
                SearchResult page = connection.search(request);
                for (SearchResultEntry entry : page.getSearchEntries()) {
                    each.accept(toAgent(entry));
                    count++;
                }
                SimplePagedResultsControl response = SimplePagedResultsControl.get(page);
                cookie = response == null || !response.moreResultsToReturn() ? null : response.getCookie();
            } while (cookie != null);
            healthy = true;
            return count;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                healthy = true;
                return count;
            }
            throw unavailable("paged search", e);
        } finally {
            if (healthy) {
                connections.releaseConnection(connection);
            } else {
                // Abandoned halfway (a failure here or in the consumer): the server may still hold the
                // paging state, so the connection is not reused.
                connections.releaseDefunctConnection(connection);
            }
        }
    }

    @Override
    public AgentSearchPage search(AgentSearch search, int page, int pageSize) {
        if (page < 0 || pageSize < 1) {
            throw new IllegalArgumentException("No such page: " + page + " of " + pageSize);
        }
        SearchRequest request = new SearchRequest(settings.peopleDn(), SearchScope.SUB, filterOf(search), searchedAttributes());
        // A word found in half the académie costs no more than the pages asked for.
        request.setSizeLimit((page + 1) * pageSize + 1);
        request.setTimeLimitSeconds(timeLimitSeconds());
        LDAPConnectionPool connections;
        LDAPConnection connection;
        try {
            connections = pool();
            // One connection for the whole search: the paging cookie belongs to it.
            connection = connections.getConnection();
        } catch (LDAPException e) {
            throw unavailable("agent search", e);
        }
        boolean healthy = false;
        try {
            ASN1OctetString cookie = null;
            List<Agent> agents = List.of();
            boolean more = false;
            for (int current = 0; current <= page; current++) {
                request.setControls(new SimplePagedResultsControl(pageSize, cookie, true));
                SearchResult result;
                try {
                    result = connection.search(request);
                } catch (com.unboundid.ldap.sdk.LDAPSearchException e) {
                    if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
                        throw e;
                    }
                    // A server that counts the limit over every page: this page came, more remain.
                    result = e.getSearchResult();
                    more = true;
                }
                SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                cookie = more || response == null || !response.moreResultsToReturn() ? null : response.getCookie();
                if (current == page) {
                    agents = result.getSearchEntries().stream().map(this::toAgent).toList();
                }
                if (cookie == null) {
                    break;
                }
            }
            healthy = cookie == null || abandon(connection, request, cookie);
            return new AgentSearchPage(agents, page, more || cookie != null);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                healthy = true;
                return new AgentSearchPage(List.of(), page, false);
            }
            throw unavailable("agent search", e);
        } finally {
            if (healthy) {
                connections.releaseConnection(connection);
            } else {
                connections.releaseDefunctConnection(connection); // the server may still hold the paging state
            }
        }
    }

    /**
     * Tells the server the rest of a paged search is not wanted (a page size of 0, RFC 2696), so that it
     * drops the paging state.
     *
     * @return whether the connection may be used again
     */
    private static boolean abandon(LDAPConnection connection, SearchRequest request, ASN1OctetString cookie) {
        request.setControls(new SimplePagedResultsControl(0, cookie, false));
        try {
            connection.search(request);
            return true;
        } catch (LDAPException e) {
            LOG.log(Level.FINE, "A paged search was not abandoned cleanly", e);
            return false;
        }
    }

    /**
     * Every word in one of the entry's names or addresses (a whole address compared whole), in the
     * school when one is given. The SDK escapes the values: "*", "(", ")" and "\" stay plain characters.
     */
    private Filter filterOf(AgentSearch search) {
        DirectorySettings.Attributes names = settings.attributes();
        List<Filter> parts = new ArrayList<>();
        // The selective part first: some servers (the embedded one) use the index of the first component.
        search.school().ifPresent(uai -> parts.add(Filter.createEqualityFilter(names.uai(), uai.value())));
        for (String word : search.words()) {
            if (AgentSearch.isAddress(word)) {
                parts.add(Filter.createORFilter(
                        Filter.createEqualityFilter(names.academicAddress(), word),
                        Filter.createEqualityFilter(names.recoveryAddress(), word)));
            } else {
                parts.add(Filter.createORFilter(java.util.stream.Stream.of(names.identifiant(), names.givenName(),
                                names.surname(), names.displayName(), names.academicAddress(), names.recoveryAddress())
                        .map(attribute -> Filter.createSubAnyFilter(attribute, word))
                        .toList()));
            }
        }
        parts.add(Filter.createEqualityFilter("objectClass", settings.personClass()));
        return Filter.createANDFilter(parts);
    }

    @Override
    public java.util.List<Agent> referentsOf(Uai uai) {
        DirectorySettings.Groups groups = settings.groups();
        try {
            Entry group = pool().getEntry(childDn("cn", groups.referentGroup(), groups.groupsDn()), groups.memberAttribute());
            if (group == null) {
                return java.util.List.of();
            }
            java.util.Set<DN> members = new java.util.HashSet<>();
            for (String member : group.getAttributeValues(groups.memberAttribute()) == null
                    ? new String[0] : group.getAttributeValues(groups.memberAttribute())) {
                members.add(new DN(member));
            }
            Filter filter = Filter.createANDFilter(
                    Filter.createEqualityFilter(settings.attributes().uai(), uai.value()),
                    Filter.createEqualityFilter("objectClass", settings.personClass()));
            SearchRequest request = new SearchRequest(settings.peopleDn(), SearchScope.SUB, filter, searchedAttributes());
            // No client-side size limit: a large lycée has hundreds of staff, and a limit would turn
            // them into "directory unavailable" and send every request of the school to the hotline.
            request.setTimeLimitSeconds(timeLimitSeconds());
            java.util.List<Agent> referents = new java.util.ArrayList<>();
            for (SearchResultEntry entry : pool().search(request).getSearchEntries()) {
                if (members.contains(entry.getParsedDN())) {
                    referents.add(toAgent(entry));
                }
            }
            return referents;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return java.util.List.of();
            }
            throw unavailable("référents search", e);
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
                stateOf(entry),
                Optional.ofNullable(entry.getAttributeValueAsDate(names.passwordChanged())).map(d -> d.toInstant()));
    }

    /** A departed account stays departed; any other one locked in the directory itself (by Sésame or another tool) is locked. */
    private AccountState stateOf(SearchResultEntry entry) {
        AccountState written = AccountState.fromDirectory(entry.getAttributeValue(settings.attributes().accountState()));
        return written != AccountState.DEPARTED && isLockedInDirectory(entry) ? AccountState.LOCKED : written;
    }

    /**
     * Whether the entry holds the directory's administrative lock (the configured value). ppolicy's own
     * temporary lock after too many wrong passwords holds the time of the lock instead: it ends by
     * itself and is not Sésame's to show or lift.
     */
    private boolean isLockedInDirectory(SearchResultEntry entry) {
        return settings.lock().attribute()
                .map(entry::getAttributeValue)
                .filter(value -> value.equalsIgnoreCase(settings.lock().value()))
                .isPresent();
    }

    /** Every attribute an agent is read from, the directory's lock included (an operational one on OpenLDAP). */
    private String[] searchedAttributes() {
        String[] names = settings.attributes().all();
        return settings.lock().attribute().map(lock -> {
            String[] withLock = java.util.Arrays.copyOf(names, names.length + 1);
            withLock[names.length] = lock;
            return withLock;
        }).orElse(names);
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
