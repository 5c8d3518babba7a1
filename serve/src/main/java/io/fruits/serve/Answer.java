package io.fruits.serve;

import io.fruits.classifier.CatalogueEntry;
import io.fruits.classifier.Guess;
import io.fruits.classifier.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top classes for one photo, each with its calibrated probability and catalogue entry, and
 * whether the answer is sure, as JSON. When it is not, the page and {@code predict} still list the
 * classes (a person may recognise the fruit among them) but lead with "not sure".
 */
record Answer(String image, Verdict verdict, List<CatalogueEntry> entries, byte[] modelInput) {
  static final String NOT_SURE = "Not sure: try a closer photo of one fruit.";

  List<Guess> top() {
    return verdict.top();
  }

  /** The answer for {@code predict}: no picture. */
  String json() {
    return json(false);
  }

  /** With {@code picture}, also the image as the model saw it, as a PNG data URL (for the page). */
  String json(boolean picture) {
    List<Guess> top = top();
    List<Map<String, Object>> guesses = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("class", top.get(i).label());
      g.put("probability", Math.round(top.get(i).probability() * 1e6) / 1e6); // six decimals are all a person reads
      CatalogueEntry e = entries.get(i);
      if (e != null) {
        g.put("name", e.displayName());
        g.put("species", e.species());
        g.put("variety", e.variety());
        g.put("description", e.description());
      }
      guesses.add(g);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("image", image);
    answer.put("sure", verdict.sure());
    answer.put("family_probability", Math.round(verdict.familyProbability() * 1e6) / 1e6);
    if (!verdict.sure()) {
      answer.put("message", NOT_SURE);
    }
    answer.put("top", guesses);
    if (picture) {
      answer.put("model_input", "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(modelInput));
    }
    return Json.of(answer);
  }
}
