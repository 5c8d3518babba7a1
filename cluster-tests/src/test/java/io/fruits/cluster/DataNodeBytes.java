package io.fruits.cluster;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Bytes the in-process DataNodes have read and written so far, from their own metrics (the
 * {@code DataNodeActivity} MBeans): every HDFS byte of either edition, whichever process or API
 * moved it, where the job counters see only what tasks read through Hadoop's input formats.
 */
record DataNodeBytes(long read, long written) {
  static DataNodeBytes now() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    long read = 0;
    long written = 0;
    try {
      for (ObjectName name : server.queryNames(new ObjectName("Hadoop:service=DataNode,name=DataNodeActivity-*"), null)) {
        read += ((Number) server.getAttribute(name, "BytesRead")).longValue();
        written += ((Number) server.getAttribute(name, "BytesWritten")).longValue();
      }
    } catch (JMException e) {
      throw new IllegalStateException("the DataNode's metrics could not be read", e);
    }
    return new DataNodeBytes(read, written);
  }

  DataNodeBytes since(DataNodeBytes before) {
    return new DataNodeBytes(read - before.read, written - before.written);
  }
}
