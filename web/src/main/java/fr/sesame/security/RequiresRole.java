package fr.sesame.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles a page's backing bean serves ({@link Roles}): every call into the bean checks them, so a
 * staff page answers nobody else even if its URL rule were walked around. The services behind it
 * check them again ({@code @RolesAllowed}).
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {

    @Nonbinding
    String[] value();

    /**
     * Whether the bean also serves a staff member who must first enrol a second factor (only the
     * enrolment page does): every other bean refuses them until they have.
     */
    @Nonbinding
    boolean duringEnrolment() default false;
}
