package io.fruits.serve;

import io.fruits.classifier.CatalogueEntry;
import io.fruits.classifier.Guess;
import java.util.List;
import java.util.Locale;

/** The top classes for one photo, each with its probability and catalogue entry, as JSON. */
record Answer(String image, List<Guess> top, List<CatalogueEntry> entries) {
  String json() {
    StringBuilder sb = new StringBuilder("{\"image\": ").append(Json.string(image)).append(", \"top\": [");
    for (int i = 0; i < top.size(); i++) {
      Guess g = top.get(i);
      CatalogueEntry e = entries.get(i);
      sb.append(i == 0 ? "" : ", ").append("{\"class\": ").append(Json.string(g.label()))
          .append(String.format(Locale.ROOT, ", \"probability\": %.6f", g.probability()));
      if (e != null) {
        sb.append(", \"name\": ").append(Json.string(e.displayName()))
            .append(", \"species\": ").append(Json.string(e.species()))
            .append(", \"variety\": ").append(Json.string(e.variety()))
            .append(", \"description\": ").append(Json.string(e.description()));
      }
      sb.append('}');
    }
    return sb.append("]}").toString();
  }
}
