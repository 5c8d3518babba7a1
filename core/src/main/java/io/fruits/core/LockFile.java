package io.fruits.core;

import java.io.IOException;

/**
 * Where a {@link RunLock} keeps its file: on the local disk through java.nio ({@link LocalLockFile}:
 * the pipeline's local runs, and classify and evaluate, which have no Hadoop on their class path),
 * or on HDFS or S3 through Hadoop ({@link HadoopLockFile}). The file is the same either way.
 */
public interface LockFile {
  /** The run folder as a person writes it, for messages. */
  String folder();

  /** The lock file's modification time in milliseconds, or -1 when there is none. */
  long modified() throws IOException;

  /** The lock file's first line, or "" when there is none. */
  String read() throws IOException;

  /**
   * Writes {@code text} as the lock file; when {@code mustBeNew}, throws
   * {@link java.nio.file.FileAlreadyExistsException} if one is there.
   */
  void write(String text, boolean mustBeNew) throws IOException;

  void delete() throws IOException;

  /** Whether a write with {@code mustBeNew} fails for every writer but one, however close together they come. */
  boolean createIsAtomic();

  /** Runs {@code release} when the JVM stops (Ctrl-C, SIGTERM) while the lock is held. */
  void releaseOnExit(Runnable release);

  /** Undoes {@link #releaseOnExit} after a release; nothing while the JVM is stopping. */
  void keepOnExit(Runnable release);
}
