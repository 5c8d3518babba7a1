package io.fruits.classifier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Classes grouped by family, so that "sure" is judged on the family: a photo rarely tells Golden 1
 * from Golden 2, and the user asked what fruit it is. The family is the catalogue's species
 * ({@code Malus domestica} holds every apple); a class the catalogue lacks is its own family.
 */
public final class Families {
  private final int[] familyOf;

  private Families(int[] familyOf) {
    this.familyOf = familyOf;
  }

  public static Families of(List<String> classes, FruitCatalogue catalogue) {
    Map<String, Integer> ids = new HashMap<>();
    int[] familyOf = new int[classes.size()];
    for (int i = 0; i < familyOf.length; i++) {
      familyOf[i] = ids.computeIfAbsent(family(classes.get(i), catalogue), f -> ids.size());
    }
    return new Families(familyOf);
  }

  public static String family(String className, FruitCatalogue catalogue) {
    CatalogueEntry e = catalogue.entry(className);
    return e == null ? className : e.species();
  }

  /** The summed probability of the classes in the family of class {@code top}. */
  public double probability(double[] q, int top) {
    double sum = 0;
    for (int i = 0; i < q.length; i++) {
      sum += familyOf[i] == familyOf[top] ? q[i] : 0;
    }
    return sum;
  }

  static int argmax(double[] q) {
    int best = 0;
    for (int i = 1; i < q.length; i++) {
      if (q[i] > q[best]) {
        best = i;
      }
    }
    return best;
  }
}
