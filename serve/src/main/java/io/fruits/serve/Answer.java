package io.fruits.serve;

import io.fruits.classifier.CatalogueEntry;
import io.fruits.classifier.Guess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The top classes for one photo, each with its probability and catalogue entry, as JSON. */
record Answer(String image, List<Guess> top, List<CatalogueEntry> entries) {
  String json() {
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
    answer.put("top", guesses);
    return Json.of(answer);
  }
}
