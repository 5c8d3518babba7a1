package io.fruits.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.fruits.core.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Cluster;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.TaskReport;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * The YARN side of a MapReduce run, per pipeline stage, from the counters each job left in the
 * run's reports ({@code counters-fruits-<job>.json}) and from YARN itself: containers started
 * (map and reduce attempts plus the application master), HDFS bytes the tasks read and wrote,
 * shuffle bytes, and the start-up of each job, from its submission to its first task's launch.
 */
final class MapReduceJobs {
  /** One stage's jobs, summed. */
  record Stage(int jobs, long containers, long hdfsRead, long hdfsWritten, long shuffle, double startupSeconds) {
    Stage plus(Stage o) {
      return new Stage(jobs + o.jobs, containers + o.containers, hdfsRead + o.hdfsRead, hdfsWritten + o.hdfsWritten, shuffle + o.shuffle,
          startupSeconds + o.startupSeconds);
    }
  }

  /** Job name to the pipeline stage it belongs to. */
  private static final Map<String, String> STAGE_OF_JOB = Map.of("fruits-pack", "pack", "fruits-augment", "augment",
      "fruits-features", "features", "fruits-stats", "stats", "fruits-pca-pass", "pca", "fruits-projection", "projection");

  private MapReduceJobs() {}

  /** Per stage, in the order the jobs' reports name them; {@code reports} is a local copy of the run's. */
  static Map<String, Stage> read(Path reports, Configuration cluster) throws IOException, InterruptedException, YarnException {
    Map<String, Stage> stages = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> all = Files.list(reports)) {
      files = all.filter(f -> f.getFileName().toString().startsWith("counters-fruits-")).sorted().toList();
    }
    Cluster jobs = new Cluster(cluster);
    try (YarnClient yarn = MiniHadoop.yarnClient(cluster)) {
      for (Path f : files) {
        JsonObject report = JsonFiles.read(f).getAsJsonObject();
        String name = f.getFileName().toString().replace("counters-", "").replace(".json", "");
        String stage = STAGE_OF_JOB.getOrDefault(name, name);
        JsonObject counters = report.getAsJsonObject("counters");
        String id = report.get("job").getAsString();
        // The application's start: when the ResourceManager accepted it (its submit time is not kept).
        long submitted = yarn.getApplicationReport(ApplicationId.fromString(id.replace("job_", "application_"))).getStartTime();
        Stage s = new Stage(1, counter(counters, "Launched map tasks") + counter(counters, "Launched reduce tasks") + 1,
            counter(counters, "HDFS: Number of bytes read"), counter(counters, "HDFS: Number of bytes written"),
            counter(counters, "Reduce shuffle bytes"), (firstTaskLaunch(jobs, id) - submitted) / 1000.0);
        stages.merge(stage, s, Stage::plus);
      }
    } finally {
      jobs.close();
    }
    return stages;
  }

  /** When the job's first map attempt was launched, from the job history server. */
  private static long firstTaskLaunch(Cluster cluster, String id) throws IOException, InterruptedException {
    Job job = cluster.getJob(JobID.forName(id));
    if (job == null) {
      throw new IOException("job " + id + " is not known to the job history server");
    }
    long first = Long.MAX_VALUE;
    for (TaskReport t : job.getTaskReports(TaskType.MAP)) {
      first = Math.min(first, t.getStartTime());
    }
    return first;
  }

  /** A counter by its display name, whichever group holds it; 0 when no group does. */
  static long counter(JsonObject counters, String name) {
    for (Map.Entry<String, JsonElement> group : counters.entrySet()) {
      JsonElement value = group.getValue().getAsJsonObject().get(name);
      if (value != null) {
        return value.getAsLong();
      }
    }
    return 0;
  }
}
