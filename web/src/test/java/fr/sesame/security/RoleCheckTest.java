package fr.sesame.security;

import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bean-side check, called the way the container calls it. A page reached despite its URL rule
 * cannot be caused in a running server (that is the point of the rule), so the caller's roles are
 * given here directly.
 */
class RoleCheckTest {

    @RequiresRole({Roles.HOTLINE, Roles.ADMIN})
    public static class HotlineBean {
        public String read() {
            return "read";
        }
    }

    private static RoleCheck checkFor(Set<String> roles) {
        RoleCheck check = new RoleCheck();
        check.security = new SecurityContext() {
            @Override
            public Principal getCallerPrincipal() {
                return roles.isEmpty() ? null : () -> "someone";
            }

            @Override
            public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
                return Set.of();
            }

            @Override
            public boolean isCallerInRole(String role) {
                return roles.contains(role);
            }

            @Override
            public boolean hasAccessToWebResource(String resource, String... methods) {
                return false;
            }

            @Override
            public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                                     AuthenticationParameters parameters) {
                throw new UnsupportedOperationException();
            }
        };
        return check;
    }

    private static InvocationContext call(Object target, Method method) {
        return new InvocationContext() {
            @Override
            public Object getTarget() {
                return target;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return method;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[0];
            }

            @Override
            public void setParameters(Object[] params) {
            }

            @Override
            public Map<String, Object> getContextData() {
                return Map.of();
            }

            @Override
            public Object proceed() throws Exception {
                return method.invoke(target);
            }
        };
    }

    @Test
    void theRolesOfTheBeanGoThroughAndNoOtherNorNobody() throws Exception {
        HotlineBean bean = new HotlineBean();
        Method read = HotlineBean.class.getMethod("read");

        assertThat(checkFor(Set.of(Roles.AGENT, Roles.HOTLINE)).check(call(bean, read))).isEqualTo("read");
        assertThat(checkFor(Set.of(Roles.ADMIN)).check(call(bean, read))).isEqualTo("read");
        assertThatThrownBy(() -> checkFor(Set.of(Roles.AGENT, Roles.REFERENT, Roles.RSSI)).check(call(bean, read)))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> checkFor(Set.of()).check(call(bean, read))).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void aRefusalIsRecognisedThroughTheExceptionsThatWrapIt() {
        RuntimeException wrapped = new RuntimeException(new IllegalStateException(new AccessRefusedException("x")));

        assertThat(AccessExceptionHandlerFactory.isRefusal(wrapped)).isTrue();
        assertThat(AccessExceptionHandlerFactory.isRefusal(new RuntimeException(new jakarta.ejb.EJBAccessException("no")))).isTrue();
        assertThat(AccessExceptionHandlerFactory.isRefusal(new IllegalStateException("other"))).isFalse();
    }
}
