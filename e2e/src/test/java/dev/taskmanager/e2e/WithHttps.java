package dev.taskmanager.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a test class whose {@link Stack} serves the app over HTTPS (see {@link StackExtension}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface WithHttps {}
