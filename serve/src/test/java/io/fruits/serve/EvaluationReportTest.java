package io.fruits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The evaluation report keeps one section per set of photos, whatever order they are evaluated in. */
class EvaluationReportTest {
  private static final String DEV = "## Evaluation on real-photos/dev\n\n- top-1: 0.7417 (267)\n\n### Per family\n\n| family | photos | top-1 |\n|---|---:|---:|\n| Apple | 40 | 0.500 |\n";
  private static final String TEST = "## Evaluation on fruits-360/Test\n\n- top-1: 0.9860 (5561)\n\n### Per family\n\n| Apple 6 | 40 | 1.000 |\n";
  private static final String DEV_AGAIN = "## Evaluation on real-photos/dev\n\n- top-1: 0.7222 (260)\n";

  @Test
  void theFirstEvaluationIsTheReport() {
    assertEquals(DEV, EvaluationReport.merged("", DEV));
  }

  @Test
  void anotherSetIsAddedAfterTheRest() {
    assertEquals(DEV + "\n" + TEST, EvaluationReport.merged(DEV, TEST));
  }

  @Test
  void theSameSetAgainReplacesItsOwnSectionInPlace() {
    String both = EvaluationReport.merged(DEV, TEST);
    assertEquals(DEV_AGAIN + "\n" + TEST, EvaluationReport.merged(both, DEV_AGAIN));
    assertEquals(DEV + "\n" + TEST, EvaluationReport.merged(EvaluationReport.merged(both, DEV_AGAIN), DEV));
  }

  @Test
  void theSameFolderWithNonFruitPhotosIsAnotherEvaluation() {
    String withNonFruit = "## Evaluation on real-photos/dev and non-fruit/dev\n\n- top-1: 0.7417 (267)\n";
    assertEquals(DEV + "\n" + withNonFruit, EvaluationReport.merged(DEV, withNonFruit));
  }
}
