/** JMH benchmarks: programs that print figures, run from {@code bench/target/benchmarks.jar}. */
package dev.taskmanager.bench;
