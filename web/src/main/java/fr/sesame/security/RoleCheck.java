package fr.sesame.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.util.Arrays;

/** Refuses a call into a {@link RequiresRole} bean by someone who has none of its roles. */
@RequiresRole({})
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RoleCheck implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityContext security;

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        RequiresRole rule = invocation.getMethod().getAnnotation(RequiresRole.class);
        if (rule == null) {
            // The bean's class (the container's subclass of it inherits the annotation).
            rule = invocation.getTarget().getClass().getAnnotation(RequiresRole.class);
        }
        if (rule == null || Arrays.stream(rule.value()).noneMatch(security::isCallerInRole)) {
            throw new AccessRefusedException(invocation.getMethod().getDeclaringClass().getSimpleName());
        }
        return invocation.proceed();
    }
}
