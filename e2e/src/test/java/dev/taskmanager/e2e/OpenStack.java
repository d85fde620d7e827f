package dev.taskmanager.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class whose {@link Stack} has no user yet, as a deployment has before its first
 * admin (see {@link StackExtension}); every other stack's tests act signed in as its admin.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface OpenStack {}
